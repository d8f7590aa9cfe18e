"""A headline "Name: words": the article's first line, opened by a short name and a colon, states the words that
follow the colon as the name's ("Mayor Ruiz: The bridge will open in May.", "Poll: Voters favour the levy.")."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import document_labels, headline_kickers
from ..nlp.labels import EMPTY_INTRODUCERS, NOMINAL, VERBAL
from ..nlp.spans import text_of, trim
from .found import Draft

# a name before a colon has at most this many words; a longer phrase is a sentence of its own
MAX_LABEL_WORDS = 8
# what follows the colon is a statement of at least this many words, with a verb ("Poll: A World at War." is a title)
MIN_STATEMENT_WORDS = 4


def headline_statement(doc: Doc, found: list[Draft]) -> Draft | None:
    """The first line's "Name: clause" as an attribution to the name, unless an attribution already holds it."""
    text = text_of(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    colon = text.find(":", start, end)
    if colon < 0:
        return None
    label = doc.char_span(*trim(text, start, colon), alignment_mode="expand")
    content = trim(text, colon + 1, end)
    statement = doc.char_span(*content, alignment_mode="expand")
    if label is None or statement is None or not 1 <= len(label.text.split()) <= MAX_LABEL_WORDS:
        return None
    # a quotation after the colon is the leftover stage's ("Ruiz: “…”"); a label with a verb or a comma is a clause
    if text[content[0]] in "\"“‘'" or any(t.pos_ in VERBAL or t.text == "," for t in label):
        return None
    # "Breaking: ..." flags the news and names no one
    if label.text.lower() in headline_kickers():
        return None
    if len(statement.text.split()) < MIN_STATEMENT_WORDS or not any(t.pos_ in VERBAL for t in statement):
        return None
    names = [t for t in label if t.pos_ in NOMINAL and not label.start <= t.head.i < label.end]
    names = names or [t for t in label if t.pos_ in NOMINAL]
    if not names or names[-1].lower_ in EMPTY_INTRODUCERS or names[-1].lower_ in document_labels():
        return None
    if any(a < content[1] and b > content[0] for f in found for a, b in f.content):
        return None  # "Ruiz: Officials say ...": the line's own cue attributes it
    head = names[-1]
    # "Obama on Climate Change: ...", "Mukasey at the convention: ...": the name ends before a preposition after it
    last = next((t.i - 1 for t in label if t.i > head.i and t.pos_ == "ADP"), label.end - 1)
    speaker = (label[0].idx, label.doc[last].idx + len(label.doc[last].text))
    return Draft([content], (colon, colon + 1), speaker, head, None)
