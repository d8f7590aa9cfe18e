"""A headline's statement: the article's first line says the words of the name it opens with, after a colon
("Mayor Ruiz: The bridge will open in May.", "Poll: Voters favour the levy.") or, in title case, after a verb of
saying the parser took for a name ("Senator Ruiz Praises New Bridge Plan.")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lexicon import document_labels, headline_kickers, reporting_verbs
from ..nlp.labels import EMPTY_INTRODUCERS, NOMINAL, VERBAL
from ..nlp.spans import text_of, trim
from .found import Draft

# a name before a colon has at most this many words; a longer phrase is a sentence of its own
MAX_LABEL_WORDS = 8
# what follows the colon is a statement of at least this many words, with a verb ("Poll: A City in Motion." is a title)
MIN_STATEMENT_WORDS = 4
# a headline in title case has at least this share of its words capitalised
TITLE_CASE_SHARE = 0.7
_QUOTE_MARKS = "\"“”‘’'"


def headline_statement(doc: Doc, found: list[Draft]) -> Draft | None:
    """The first line's "Name: clause" or title-case "Name Says Words" as an attribution to the name, unless an
    attribution already holds it."""
    text = text_of(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = doc.char_span(start, end, alignment_mode="contract")
    if line is None or not len(line):
        return None
    draft = _colon_statement(doc, line) if ":" in line.text else _title_case_statement(doc, line)
    if draft is None or any(a < draft.end and b > draft.start for f in found for a, b in f.content):
        return None  # "Ruiz: Officials say ...": the line's own cue attributes it
    return draft


def _colon_statement(doc: Doc, line: Span) -> Draft | None:
    """ "Mayor Ruiz: The bridge will open in May.": a short name, a colon and a clause with a verb."""
    text = text_of(doc)
    colon = text.find(":", line.start_char, line.end_char)
    label = doc.char_span(*trim(text, line.start_char, colon), alignment_mode="expand")
    content = trim(text, colon + 1, line.end_char)
    statement = doc.char_span(*content, alignment_mode="expand")
    if label is None or statement is None or not 1 <= len(label.text.split()) <= MAX_LABEL_WORDS:
        return None
    # a quotation after the colon is the leftover stage's ("Ruiz: “…”"); a label with a verb or a comma is a clause
    if text[content[0]] in _QUOTE_MARKS or any(t.pos_ in VERBAL or t.text == "," for t in label):
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
    head = names[-1]
    # "Ruiz on Flood Defences: ...", "Cole at the convention: ...": the name ends before a preposition after it
    last = next((t.i - 1 for t in label if t.i > head.i and t.pos_ == "ADP"), label.end - 1)
    speaker = (label[0].idx, doc[last].idx + len(doc[last].text))
    return Draft([content], (colon, colon + 1), speaker, head, None)


def _title_case_statement(doc: Doc, line: Span) -> Draft | None:
    """ "Senator Ruiz Praises New Bridge Plan.": in a title-case headline the parser takes a listed verb with its
    third person -s for a name; the capitalised words before it are the speaker, the words after it what was said."""
    words = [t for t in line if t.is_alpha]
    if len(words) < MIN_STATEMENT_WORDS or sum(t.text[0].isupper() for t in words) < TITLE_CASE_SHARE * len(words):
        return None
    text = text_of(doc)
    for t in line[1:-2]:
        if t.is_quote or t.text in _QUOTE_MARKS:
            return None  # "‘A Crisis,’ Ruiz Tells Council": the words said stand before the verb
        # a verb the parser read is the cue stage's; only a capitalised word it took for a name or noun is read here
        if t.pos_ in VERBAL or not t.text[0].isupper() or not doc[t.i - 1].text[:1].isupper():
            continue
        if doc[t.i + 1].is_punct or _third_person_lemma(t.lower_) not in reporting_verbs():
            continue
        # the words before it are a name; a preposition among them makes it a noun ("Spending In Swing States")
        if any(w.pos_ == "ADP" for w in doc[line.start : t.i]):
            return None
        name = doc[t.i - 1]
        speaker = (line[0].idx, name.idx + len(name.text))
        content = trim(text, t.idx + len(t.text), line.end_char)
        return Draft([content], (t.idx, t.idx + len(t.text)), speaker, name, None)
    return None


def _third_person_lemma(word: str) -> str:
    """ "praises" -> "praise", "blasts" -> "blast", "pushes" -> "push"; "" for a word without the -s."""
    if word.endswith("es") and word[:-2] in reporting_verbs():
        return word[:-2]
    return word[:-1] if word.endswith("s") else ""
