"""Quotation marks: pair them into quoted spans, on the text alone.

News quotes are messy: straight and curly marks, ``''`` for closing in some wire copy, a
multi-paragraph quote that opens every paragraph and closes only at the end, and marks that
never close. Every span returned has valid offsets into the text, whatever the input.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

OPENING = "“„«‟"
CLOSING = "”»"
# a run of two apostrophes or backticks stands for a double mark in some wire copy
_MARK = re.compile(r"[“”„«»‟\"]|''|``")
_PARAGRAPH = re.compile(r"[^\n]+")
# a single mark opens after a space or a line start and before a letter; it closes after a word or its final
# punctuation and before no letter; a headline's quotation is short
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))[‘'](?=\w)", re.MULTILINE)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])[’'](?!\w)")
MAX_SINGLE_QUOTE = 150


@dataclass(frozen=True)
class QuotedSpan:
    """A quotation: [start, end) includes the marks; ``parts`` are its pieces per paragraph."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool  # False when the closing mark was missing and the span stops at a paragraph end


def _direction(text: str, pos: int, length: int) -> str:
    mark = text[pos : pos + length]
    if mark in OPENING or mark == "``":
        return "open"
    if mark in CLOSING:
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    # a straight mark after white space or an opening bracket opens; before white space or punctuation it closes
    if before.isspace() or before in "([{—–-:" or pos == 0:
        return "open" if not after.isspace() else "close"
    if after.isspace() or after in ".,;:!?)]}—–-" or not after.isalnum():
        return "close"
    return "ambiguous"


def _paragraph_marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _MARK.finditer(text, start, end):
        direction = _direction(text, m.start(), len(m.group()))
        if (
            direction == "close"
            and not out
            and not text[start : m.start()].strip()
            and not text[m.end() : m.end() + 1].isspace()
        ):
            direction = "open"  # scraped copy opens a paragraph's quotation with ” as often as with “
        # inch marks and the like (5'11") sit between letters or digits: not a quotation
        if direction != "ambiguous":
            out.append((m.start(), m.end(), direction))
    return out


def quoted_spans(text: str) -> list[QuotedSpan]:
    """All quotations in the text, in order, never overlapping."""
    spans: list[QuotedSpan] = []
    pending: list[tuple[int, int]] = []  # parts of a quote still open at a paragraph end
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = _paragraph_marks(text, p_start, p_end)
        open_at: int | None = None
        if pending:
            # an open quote continues only into a paragraph that opens with a mark of the same style
            if (
                marks
                and marks[0][2] == "open"
                and not text[p_start : marks[0][0]].strip()
                and _style(text[marks[0][0]]) == _style(text[pending[0][0]])
            ):
                open_at = marks[0][0]
                marks = marks[1:]
            else:
                spans.append(_close(text, pending, closed=False))
                pending = []
        for m_start, m_end, direction in marks:
            if open_at is None:
                if direction == "open":
                    open_at = m_start
                continue
            if direction == "close" or text[m_start:m_end] == '"' or text[m_start:m_end] == "''":
                spans.append(_close(text, pending + [(open_at, m_end)], closed=True))
                pending, open_at = [], None
            else:
                # a second opening mark before any closing one: the first quote lost its close
                spans.append(_close(text, pending + [(open_at, _trim_end(text, open_at, m_start))], closed=False))
                pending, open_at = [], m_start
        if open_at is not None:
            pending.append((open_at, _trim_end(text, open_at, p_end)))
            if index == len(paragraphs) - 1:
                spans.append(_close(text, pending, closed=False))
                pending = []
    if pending:
        spans.append(_close(text, pending, closed=False))
    if paragraphs and not _paragraph_marks(text, *paragraphs[0]):
        # a headline quotes with single marks ("Mayor Says Fire Was an ‘Accident’"), which the body keeps for
        # quotes inside quotes; only there is a single mark a quotation's
        spans[:0] = _single_quoted(text, *paragraphs[0])
    return [s for s in spans if s.end > s.start + 1]


def _single_quoted(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Pairs of single marks in [start, end): one opening a word after a space, the next one that closes a word
    (followed by no letter, so no apostrophe as in “Trump’s”)."""
    out = []
    for m in _SINGLE_OPEN.finditer(text, start, end):
        if out and m.start() < out[-1].end:
            continue
        close = _SINGLE_CLOSE.search(text, m.end(), min(end, m.end() + MAX_SINGLE_QUOTE))
        if close is not None:
            out.append(QuotedSpan(m.start(), close.end(), ((m.start(), close.end()),), True))
    return out


def _style(mark: str) -> str:
    return "straight" if mark in "\"'`" else "curly"


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _close(text: str, parts: list[tuple[int, int]], closed: bool) -> QuotedSpan:
    return QuotedSpan(parts[0][0], parts[-1][1], tuple(parts), closed)


class Quotations:
    """An article's quotations with their bounds sorted, so that each question a rule asks about
    them ("which quotations touch this range?") costs a bisection, not a scan of the article."""

    def __init__(self, spans: list[QuotedSpan]):
        self.spans = spans
        # quotations never overlap: sorted by start, they are sorted by end too
        self.starts = [q.start for q in spans]
        self.ends = [q.end for q in spans]

    def __iter__(self) -> Iterator[QuotedSpan]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def touching(self, start: int, end: int) -> list[QuotedSpan]:
        """The quotations that share a character with [start, end), in order."""
        first = bisect_right(self.ends, start)
        return self.spans[first : max(first, bisect_left(self.starts, end))]

    def inside(self, pos: int) -> bool:
        """Whether ``pos`` falls strictly inside a quotation, past its opening mark."""
        return any(q.start < pos for q in self.touching(pos, pos + 1))

    def last_ending_by(self, pos: int) -> QuotedSpan | None:
        """The last quotation that ends at or before ``pos``."""
        at = bisect_right(self.ends, pos)
        return self.spans[at - 1] if at else None

    def first_starting_from(self, pos: int) -> QuotedSpan | None:
        """The first quotation that starts at or after ``pos``."""
        at = bisect_left(self.starts, pos)
        return self.spans[at] if at < len(self.spans) else None
