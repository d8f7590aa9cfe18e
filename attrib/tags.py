"""POS and verb lemmas by table lookup, in place of the attribute ruler and the rule lemmatizer.

Those two components cost a fifth of en_core_web_sm's time (a Matcher pass and a rule pass over
every token), while attrib needs only coarse POS and the lemmas of verbs. ``TagLookup`` compiles
the pipeline's own attribute-ruler patterns (single tokens on TAG, LOWER and DEP) into
dictionaries and lemmatises verbs with the pipeline's own lemmatizer tables, cached per word.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

FEATURES = {"TAG", "LOWER", "DEP", "IS_SPACE"}
# tags whose verbs are base forms already (VerbForm=Inf, and present non-third-person)
BASE_TAGS = {"VB", "VBP"}


class TagLookup:
    """Sets ``token.pos`` from the ruler's patterns and ``token.lemma`` for verbs and auxiliaries."""

    def __init__(self, ruler_patterns: list[dict], lookups):
        # single-token patterns that set POS or LEMMA, in the ruler's order (a later match wins)
        self.patterns = [
            (pattern[0], {k: v for k, v in entry["attrs"].items() if k in ("POS", "LEMMA")})
            for entry in ruler_patterns
            for pattern in entry["patterns"]
            if len(pattern) == 1 and not set(pattern[0]) - FEATURES and set(entry["attrs"]) & {"POS", "LEMMA"}
        ]
        # every condition reads only these features, so the outcome is cached per combination
        self.outcomes: dict[tuple, dict] = {}
        self.index = lookups.get_table("lemma_index", {}).get("verb", {})
        self.exceptions = lookups.get_table("lemma_exc", {}).get("verb", {})
        self.suffix_rules = lookups.get_table("lemma_rules", {}).get("verb", [])
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            attrs = self.outcomes.get(key)
            if attrs is None:
                attrs = self.outcomes[key] = self._outcome(dict(zip(("TAG", "LOWER", "DEP", "IS_SPACE"), key)))
            if "POS" in attrs:
                token.pos_ = attrs["POS"]
            if "LEMMA" in attrs:
                token.lemma_ = attrs["LEMMA"]
            elif token.pos_ in ("VERB", "AUX"):
                token.lemma_ = self.verb_lemma(key[1], key[0])
        return doc

    def _outcome(self, features: dict) -> dict:
        attrs: dict = {}
        for conditions, sets in self.patterns:
            if all(_holds(features[name], wanted) for name, wanted in conditions.items()):
                attrs.update(sets)
        return attrs

    def verb_lemma(self, lower: str, tag: str) -> str:
        """The lemmatizer's rule lemma of a verb form, cached."""
        key = (lower, tag)
        lemma = self.cache.get(key)
        if lemma is None:
            lemma = self.cache[key] = lower if tag in BASE_TAGS else self._rule_lemma(lower)
        return lemma

    def _rule_lemma(self, lower: str) -> str:
        if lower in self.exceptions:
            return self.exceptions[lower][0]
        known, unknown = [], []
        for old, new in self.suffix_rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if form and (form in self.index or not form.isalpha()):
                    known.append(form)
                elif form:
                    unknown.append(form)
        known.sort(key=lambda f: f not in self.index)  # forms in the index first, as the lemmatizer puts them
        return (known or unknown or [lower])[0]


def _holds(value, wanted) -> bool:
    """One Matcher condition: a value, or a dict of IN, NOT_IN or REGEX."""
    if not isinstance(wanted, dict):
        return value == wanted
    if "IN" in wanted and value not in wanted["IN"]:
        return False
    if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
        return False
    return "REGEX" not in wanted or re.search(wanted["REGEX"], value) is not None


@Language.factory("attrib_tags", assigns=["token.pos", "token.lemma"], requires=["token.tag", "token.dep"])
def make_tag_lookup(nlp: Language, name: str) -> TagLookup:
    """Built from the pipeline's own (disabled) attribute_ruler and lemmatizer."""
    return TagLookup(nlp.get_pipe("attribute_ruler").patterns, nlp.get_pipe("lemmatizer").lookups)
