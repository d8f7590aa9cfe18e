"""POS and verb lemmas by table lookup, in place of the attribute ruler and the rule lemmatizer.

Those two components cost a fifth of en_core_web_sm's time (a Matcher pass and a rule pass over
every token), while attrib needs only coarse POS and the lemmas of verbs. ``TagLookup`` compiles
the pipeline's own attribute-ruler patterns (single tokens on TAG, LOWER and DEP) into
dictionaries and lemmatises verbs with the pipeline's own lemmatizer tables, cached per word.

The tables are read from the (disabled) ``attribute_ruler`` and ``lemmatizer`` on first use or in
``initialize``, never at construction (spaCy has not loaded their data then), and are saved with
the pipeline by ``to_disk`` so a saved pipeline loads without them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# tags whose verbs are base forms already (VerbForm=Inf, and present non-third-person)
BASE_TAGS = {"VB", "VBP"}
TABLES_FILE = "tables.json"


class TagTables:
    """The ruler's single-token POS/LEMMA patterns, indexed, and the lemmatizer's verb tables."""

    def __init__(self, patterns: list, verb_index: list | dict, exceptions: dict, suffix_rules: list):
        self.patterns = [(dict(conditions), dict(sets)) for conditions, sets in patterns]
        self.verb_index = set(verb_index)
        self.exceptions = exceptions
        self.suffix_rules = [tuple(rule) for rule in suffix_rules]
        # a token's candidates are the patterns on its word, on its tag, and the few on neither:
        # a new word costs a handful of checks, not a scan of every pattern
        self.by_lower: dict[str, list[int]] = defaultdict(list)
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.general: list[int] = []
        for i, (conditions, _) in enumerate(self.patterns):
            key, values = _index_key(conditions)
            for value in values:
                (self.by_lower if key == "LOWER" else self.by_tag)[value].append(i)
            if key is None:
                self.general.append(i)

    @classmethod
    def from_pipeline(cls, ruler_patterns: list[dict], lookups) -> TagTables:
        patterns = [
            (pattern[0], {k: v for k, v in entry["attrs"].items() if k in ("POS", "LEMMA")})
            for entry in ruler_patterns
            for pattern in entry["patterns"]
            if len(pattern) == 1 and not set(pattern[0]) - set(FEATURES) and set(entry["attrs"]) & {"POS", "LEMMA"}
        ]

        def verb(table: str, empty):
            return lookups.get_table(table, {}).get("verb", empty)

        return cls(patterns, verb("lemma_index", []), verb("lemma_exc", {}), verb("lemma_rules", []))

    def to_dict(self) -> dict:
        return {
            "patterns": self.patterns,
            "verb_index": sorted(self.verb_index),
            "exceptions": self.exceptions,
            "suffix_rules": self.suffix_rules,
        }

    def outcome(self, features: dict) -> dict:
        """The POS and LEMMA the ruler sets for these features (a later pattern wins, as in the ruler)."""
        on_word, on_tag = self.by_lower.get(features["LOWER"], ()), self.by_tag.get(features["TAG"], ())
        candidates = sorted({*on_word, *on_tag, *self.general})
        attrs: dict = {}
        for i in candidates:
            conditions, sets = self.patterns[i]
            if all(_holds(features[name], wanted) for name, wanted in conditions.items()):
                attrs.update(sets)
        return attrs

    def rule_lemma(self, lower: str) -> str:
        """The rule lemmatizer's lemma of a verb form that is not a base form."""
        if lower in self.exceptions:
            return self.exceptions[lower][0]
        known, unknown = [], []
        for old, new in self.suffix_rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if form and (form in self.verb_index or not form.isalpha()):
                    known.append(form)
                elif form:
                    unknown.append(form)
        known.sort(key=lambda f: f not in self.verb_index)  # forms in the index first, as the lemmatizer puts them
        return (known or unknown or [lower])[0]


class TagLookup:
    """Sets ``token.pos`` from the ruler's patterns and ``token.lemma`` for verbs and auxiliaries."""

    def __init__(self, nlp: Language, name: str, ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer"):
        self.nlp, self.name = nlp, name
        self.sources = (ruler, lemmatizer)
        self._tables: TagTables | None = None
        # every condition reads only these features, so the outcome is cached per combination
        self.outcomes: dict[tuple, dict] = {}
        self.lemmas: dict[tuple[str, str], str] = {}

    @property
    def tables(self) -> TagTables:
        if self._tables is None:
            ruler, lemmatizer = (self.nlp.get_pipe(name) for name in self.sources)
            self._tables = TagTables.from_pipeline(ruler.patterns, lemmatizer.lookups)
        return self._tables

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self.nlp = nlp or self.nlp
        self._tables = None
        _ = self.tables

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            attrs = self.outcomes.get(key)
            if attrs is None:
                attrs = self.outcomes[key] = self.tables.outcome(dict(zip(FEATURES, key)))
            if "POS" in attrs:
                token.pos_ = attrs["POS"]
            if "LEMMA" in attrs:
                token.lemma_ = attrs["LEMMA"]
            elif token.pos_ in ("VERB", "AUX"):
                token.lemma_ = self.verb_lemma(key[1], key[0])
        return doc

    def verb_lemma(self, lower: str, tag: str) -> str:
        """The lemmatizer's rule lemma of a verb form, cached."""
        key = (lower, tag)
        lemma = self.lemmas.get(key)
        if lemma is None:
            lemma = self.lemmas[key] = lower if tag in BASE_TAGS else self.tables.rule_lemma(lower)
        return lemma

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.json_dumps(self.tables.to_dict()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> TagLookup:
        self._use(srsly.json_loads(data))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / TABLES_FILE, self.tables.to_dict())

    def from_disk(self, path, *, exclude=()) -> TagLookup:
        self._use(srsly.read_json(Path(path) / TABLES_FILE))
        return self

    def _use(self, data: dict) -> None:
        self._tables = TagTables(**data)
        self.outcomes.clear()
        self.lemmas.clear()


def _index_key(conditions: dict) -> tuple[str | None, list]:
    """Where a pattern is filed: under its exact word(s), else its exact tag(s), else nowhere."""
    for name in ("LOWER", "TAG"):
        wanted = conditions.get(name)
        if isinstance(wanted, str):
            return name, [wanted]
        if isinstance(wanted, dict) and set(wanted) == {"IN"}:
            return name, list(wanted["IN"])
    return None, []


def _holds(value, wanted) -> bool:
    """One Matcher condition: a value, or a dict of IN, NOT_IN or REGEX."""
    if not isinstance(wanted, dict):
        return value == wanted
    if "IN" in wanted and value not in wanted["IN"]:
        return False
    if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
        return False
    return "REGEX" not in wanted or re.search(wanted["REGEX"], value) is not None


@Language.factory(
    "attrib_tags",
    assigns=["token.pos", "token.lemma"],
    requires=["token.tag", "token.dep"],
    default_config={"ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
)
def make_tag_lookup(nlp: Language, name: str, ruler: str, lemmatizer: str) -> TagLookup:
    """Reads its tables from the pipeline's own (disabled) ``ruler`` and ``lemmatizer`` when first used."""
    return TagLookup(nlp, name, ruler, lemmatizer)
