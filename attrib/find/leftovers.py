"""Quotations no cue took: they continue the quote before them, are introduced by a colon or a
signature ("“…” ― Carla Sanchez"), or float to the nearest speaker within reach."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc

from ..lexicon import document_labels
from ..nlp.labels import EMPTY_INTRODUCERS, NOMINAL, VERBAL
from ..nlp.spans import (
    EDGE_PUNCT,
    char_before,
    index_before,
    paragraph_of,
    sentence,
    subtree_range,
    text_of,
    token_range,
    trim,
)
from .found import Coverage, Draft, start_of
from .fragments import is_title
from .frames import cue_tokens
from .quotes import Quotations, QuotedSpan
from .subjects import speaker_root

# a quotation this short inside running text is a scare quote or a title, not a statement
MIN_FLOATING_WORDS = 4
# a name before a colon introduces a quotation ("Philip Bump: “…”"); a longer phrase is a sentence
MAX_INTRO_WORDS = 8
# "” ― Carla Sanchez": a dash, then a name of up to five capitalised words closing the line
SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–-])[ \t\u00a0]*(?P<name>(?:[A-Z][\w.'’-]*[ \t\u00a0]?){1,5})[.\s\u00a0]*(?:\n|$)"
)
# what may stand between a quotation and one in the next paragraph that continues it: the rest of a cue clause
# (", he said."), no other sentence and no other quotation, then the line break
_CUE_CLAUSE_THEN_BREAK = re.compile(r"[,\"”’' \u00a0]*[^.!?\n“”\"]*(?:[.!?][ \t\u00a0]*)?\n\s*")
# a floating quotation takes the speaker of an attribution at most this many paragraphs back
FLOAT_REACH = 2


def attach_leftover_quotes(doc: Doc, quotes: Quotations, found: list[Draft], headlines: set[tuple[int, int]]) -> None:
    """Quotations no cue took: a continuation of the quotation before, one introduced by a colon or
    signed with a name, or a floating quote of the nearest speaker; ``found`` stays sorted by start."""
    text = text_of(doc)
    # what this stage adds covers the quotation it reads and no later one: the coverage is the stage's input
    covered = Coverage(found)
    for q in quotes:
        if covered.touches(q.start, q.end):
            continue
        if paragraph_of(text, q.start) in headlines:
            continue
        source = _quoted_source(text, found, _last_ending_by(found, q.start))
        # a quotation opening a sentence after an attributed one in its paragraph continues it
        if (
            source
            and _same_paragraph(text, source.end, q.start)
            and _is_quotation(text, source)
            and _opens_sentence(text, q.start)
        ):
            source.content.append((q.start, q.end))
            continue
        if len(text[q.start : q.end].split()) < MIN_FLOATING_WORDS or is_title(text[q.start : q.end]):
            continue  # a scare quote, or a show or a book ("“The Evening Desk”"): a name, not words said
        introduced = _colon_introduction(doc, q) or _signed(doc, q)
        if introduced is not None:
            insort(found, introduced, key=start_of)
            continue
        if (
            source
            and _is_quotation(text, source)
            and (_same_paragraph(text, source.end, q.start) or _opens_paragraph_after_cue(text, source, q))
        ):
            source.content.append((q.start, q.end))
            continue
        if source is None or _paragraph_distance(text, source.end, q.start) > FLOAT_REACH:
            source = _first_in_paragraph_after(text, found, q.end)
        if source is None:
            continue
        insort(
            found,
            Draft([(q.start, q.end)], None, source.speaker, source.speaker_token, None, continues=source),
            key=start_of,
        )


def _opens_paragraph_after_cue(text: str, source: Draft, q: QuotedSpan) -> bool:
    """ "“A,” he said.\n\n“B.”": a paragraph of one quotation right after the paragraph its source's cue
    clause closes goes on with what was said; another sentence between makes it a quote of its own, and a
    scare quote before it ("had typed “a threat.”") is no statement to go on with."""
    start, end = source.content[-1]
    line_end = text.find("\n", q.end)
    return (
        len(text[start:end].split()) >= MIN_FLOATING_WORDS
        and bool(_CUE_CLAUSE_THEN_BREAK.fullmatch(text, source.end, q.start))
        and not text[q.end : len(text) if line_end < 0 else line_end].strip()
    )


def _quoted_source(text: str, found: list[Draft], last: Draft | None) -> Draft | None:
    """ "“A,” Ruiz said, referring to the plan. “B.”": the quotation of the speaker's act before a participle
    that borrows the same speaker, in the same paragraph, is the one a following quotation goes on with."""
    if last is None or _is_quotation(text, last) or last.speaker_token is None:
        return last
    for f in reversed(found[: bisect_left(found, last.start, key=start_of)]):
        if f.speaker_token != last.speaker_token or not _same_paragraph(text, f.end, last.start) or f.end > last.start:
            return last
        if _is_quotation(text, f):
            return f
    return last


def _last_ending_by(found: list[Draft], pos: int) -> Draft | None:
    """The last attribution (by start) that ends at or before ``pos``; ``found`` is sorted by start."""
    for i in range(bisect_right(found, pos, key=start_of) - 1, -1, -1):
        if found[i].end <= pos:
            return found[i]
    return None


def _first_in_paragraph_after(text: str, found: list[Draft], pos: int) -> Draft | None:
    """The first attribution (by start) that starts at or after ``pos`` in the same paragraph."""
    for f in found[bisect_left(found, pos, key=start_of) :]:
        distance = _paragraph_distance(text, pos, f.start)
        if distance == 0:
            return f
        if distance > 0:
            return None  # once a paragraph lies between, one always will
    return None


def _colon_introduction(doc: Doc, q: QuotedSpan) -> Draft | None:
    """ "Philip Bump: “…”" or "she was protesting: “…”": the words before a colon introduce the quotation."""
    text = text_of(doc)
    colon = index_before(text, q.start)
    if colon < 0 or text[colon] != ":":
        return None
    token = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if token is None or token[0].i == 0:
        return None
    colon_token = token[0]
    head = doc[colon_token.i - 1]
    sent_start = sentence(head).start
    while head.head.i != head.i and sent_start <= head.head.i < colon_token.i:
        head = head.head
    # everything from the colon on (only indices inside the phrase's subtree are ever asked about)
    after_colon = range(colon_token.i, len(doc))
    if head.pos_ in VERBAL:
        if head.lemma_ in ("be", "have", "do"):
            return None  # "The reason is: “…”" introduces an explanation, not a speaker
        speaker = speaker_root(head)
        if speaker is None or speaker.lower_ in EMPTY_INTRODUCERS:
            return None
        span = trim(
            text, *subtree_range(speaker, {head.i, *range(colon_token.i, max(colon_token.i, speaker.right_edge.i + 1))})
        )
        return Draft([(q.start, q.end)], token_range(cue_tokens(head)), span, speaker, head)
    if head.pos_ in NOMINAL and colon_token.i - head.left_edge.i <= MAX_INTRO_WORDS and head.left_edge.i >= sent_start:
        span = trim(text, *subtree_range(head, after_colon))
        if head.lower_ in document_labels():
            # "Partial transcript as follows:" announces a document whose speakers are inside it
            return Draft([(q.start, q.end)], (colon, colon + 1), None, None, None)
        return Draft([(q.start, q.end)], (colon, colon + 1), span, head, None)
    return None


def _signed(doc: Doc, q: QuotedSpan) -> Draft | None:
    """ "“…” ― Carla Sanchez": a quotation signed with a dash and a name at the end of its line."""
    text = text_of(doc)
    m = SIGNATURE.match(text, q.end)
    if not m:
        return None
    start, end = trim(text, m.start("name"), m.end("name"), EDGE_PUNCT | {".", "\u00a0"})
    name = doc.char_span(start, end, alignment_mode="expand")
    if name is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    head = max((t for t in name if t.pos_ == "PROPN"), key=lambda t: t.i)
    return Draft([(q.start, q.end)], (m.start("dash"), m.end("dash")), (start, end), head, None)


def _opens_sentence(text: str, pos: int) -> bool:
    before = char_before(text, pos)
    return not before or before in '.!?"”'


def _is_quotation(text: str, f: Draft) -> bool:
    return text[f.content[-1][1] - 1] in "\"”'»"


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return text.find("\n", a, b) < 0


def _paragraph_distance(text: str, a: int, b: int) -> int:
    """Paragraphs with words between the two offsets, less one (-1: only line breaks between); counted
    up to FLOAT_REACH + 1, which is as far as any rule asks."""
    lo, hi = min(a, b), max(a, b)
    if text.find("\n", lo, hi) < 0:
        return 0
    filled = 0
    while lo <= hi and filled <= FLOAT_REACH + 1:
        cut = text.find("\n", lo, hi)
        cut = hi if cut < 0 else cut
        filled += not text[lo:cut].isspace() and cut > lo
        lo = cut + 1
    return filled - 1
