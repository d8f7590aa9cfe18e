"""Character spans cut from tokens: trimming, joining, and the paragraphs they sit in."""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Container, Iterator, NamedTuple

from spacy.tokens import Doc, Span, Token

# Doc.text joins every token on each access; one copy per live doc is enough
_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()
# Doc.ents (and Span.ents, which reads it) scans every token on each access; keep the boundaries
# (plain ints and labels: a value that held the doc's spans would keep the doc alive forever)
_ENTS: "weakref.WeakKeyDictionary[Doc, tuple[EntityBounds, ...]]" = weakref.WeakKeyDictionary()
_ENT_STARTS: "weakref.WeakKeyDictionary[Doc, list[int]]" = weakref.WeakKeyDictionary()
_ENT_END_CHARS: "weakref.WeakKeyDictionary[Doc, list[int]]" = weakref.WeakKeyDictionary()
# Token.sent scans the doc, and a walk to the sentence's edges costs its length: keep every sentence start
_SENT_STARTS: "weakref.WeakKeyDictionary[Doc, list[int]]" = weakref.WeakKeyDictionary()

# what never starts or ends a content or speaker span
EDGE_PUNCT = set(" \t\r\n,;:-–—")
WHITE_SPACE = set(" \t\r\n")
# white space and closing marks between a comma and what it sets off ("“…,” claiming")
CLOSING_SKIP = ' \t\r\n"”’'
# punctuation that separates clauses; brackets and quotation marks belong to what they enclose
SEPARATORS = {",", ";", ":", "-", "–", "—", "--", ".", "!", "?"}


def text_of(doc: Doc) -> str:
    """The doc's text, built once per doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


class EntityBounds(NamedTuple):
    start: int  # token offsets
    end: int
    label: str
    start_char: int
    end_char: int


def entity_bounds(doc: Doc) -> tuple[EntityBounds, ...]:
    """Where the doc's entities are, its tokens scanned once per doc."""
    bounds = _ENTS.get(doc)
    if bounds is None:
        bounds = _ENTS[doc] = tuple(EntityBounds(e.start, e.end, e.label_, e.start_char, e.end_char) for e in doc.ents)
    return bounds


def entities_touching(doc: Doc, start: int, end: int) -> tuple[EntityBounds, ...]:
    """The entities that share a character with [start, end), found by bisection."""
    bounds = entity_bounds(doc)
    ends = _ENT_END_CHARS.get(doc)
    if ends is None:
        ends = _ENT_END_CHARS[doc] = [e.end_char for e in bounds]
    first = bisect_right(ends, start)
    last = first
    while last < len(bounds) and bounds[last].start_char < end:
        last += 1
    return bounds[first:last]


def ents_of(doc: Doc) -> list[Span]:
    """The doc's entities, as ``Doc.ents`` gives them, its tokens scanned once per doc."""
    return [Span(doc, e.start, e.end, label=e.label) for e in entity_bounds(doc)]


def ents_in(span: Span) -> list[Span]:
    """The entities wholly inside ``span``, as ``Span.ents`` gives them (found by bisection: entities
    do not overlap, so they are sorted by start)."""
    doc = span.doc
    bounds = entity_bounds(doc)
    starts = _ENT_STARTS.get(doc)
    if starts is None:
        starts = _ENT_STARTS[doc] = [e.start for e in bounds]
    inside = bounds[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
    return [Span(doc, e.start, e.end, label=e.label) for e in inside if e.end <= span.end]


def token_range(tokens: list[Token] | tuple[Token, ...]) -> tuple[int, int]:
    """Characters from the first token's start to the last token's end."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def subtree_range(token: Token, exclude: Container[int] = frozenset()) -> tuple[int, int]:
    """Characters of ``token``'s subtree, cut short before any excluded token on either side."""
    left, right = token.left_edge.i, token.right_edge.i
    for i in range(token.i - 1, left - 1, -1):
        if i in exclude:
            left = i + 1
            break
    for i in range(token.i + 1, right + 1):
        if i in exclude:
            right = i - 1
            break
    doc = token.doc
    # a coordinator or comma at either edge belongs to the clause beyond it
    while left < right and (doc[left].dep_ == "cc" or doc[left].text in SEPARATORS or doc[left].is_space):
        left += 1
    while right > left and (doc[right].dep_ == "cc" or doc[right].text in SEPARATORS or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def index_before(text: str, pos: int, skip: str = " \t\r\n") -> int:
    """Index of the last character before ``pos`` not in ``skip``, or -1 (no copy of the text before it)."""
    i = pos - 1
    while i >= 0 and text[i] in skip:
        i -= 1
    return i


def char_before(text: str, pos: int, skip: str = " \t\r\n") -> str:
    """The last character before ``pos`` not in ``skip``, or "" at the start of the text."""
    i = index_before(text, pos, skip)
    return text[i] if i >= 0 else ""


def after_comma(token: Token) -> bool:
    """A comma before the token, perhaps inside a closing quotation mark (“…,” claiming)."""
    return char_before(text_of(token.doc), token.idx, CLOSING_SKIP) == ","


def trim(text: str, start: int, end: int, chars: set[str] = EDGE_PUNCT) -> tuple[int, int]:
    """Shrink [start, end) past white space and separating punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def by_lines(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each part cut at its line breaks into pieces without edge white space: PolNeAR marks a content that runs over
    paragraphs as one piece per paragraph. A piece of punctuation alone (a line's lone quotation mark) is none."""
    out = []
    for start, end in parts:
        while start < end:
            stop = text.find("\n", start, end)
            stop = end if stop < 0 else stop
            piece = trim(text, start, stop, WHITE_SPACE)
            if any(c.isalnum() for c in text[piece[0] : piece[1]]):
                out.append(piece)
            start = stop + 1
    return out


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    """The line (paragraph) holding character ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def sentence(token: Token) -> Span:
    """The token's sentence, found by bisection in the doc's sentence starts, listed once per doc."""
    doc = token.doc
    starts = _SENT_STARTS.get(doc)
    if starts is None:
        # the first token always starts one; elsewhere only a marked start does (not an unknown one)
        starts = _SENT_STARTS[doc] = [0] + [t.i for t in doc[1:] if t.is_sent_start]
    at = bisect_right(starts, token.i)
    return doc[starts[at - 1] : starts[at] if at < len(starts) else len(doc)]


class Coverage:
    """Whether a position lies inside any of a set of (start, end) ranges, in log time, and which ranges meet a
    range (a per-mention scan of every quotation or content is quadratic on a long article): the ranges by start,
    with the furthest end so far. A range may carry a label after its ends: (start, end, label)."""

    def __init__(self, ranges: list[tuple]):
        self.ranges = sorted(ranges)
        self.starts = [r[0] for r in self.ranges]
        self.reach = list(accumulate((r[1] for r in self.ranges), max))

    def covers(self, pos: int, open_start: bool = False) -> bool:
        """Some start <= pos < end (start < pos < end when ``open_start``)."""
        j = (bisect_left if open_start else bisect_right)(self.starts, pos) - 1
        return j >= 0 and self.reach[j] > pos

    def meeting(self, start: int, end: int) -> Iterator[tuple]:
        """Each range that shares a character with [start, end), the latest start first."""
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            if self.ranges[j][1] > start:
                yield self.ranges[j]
            j -= 1


def lede_end(text: str) -> int:
    """The offset of the line break that ends the second non-empty line (the headline and first paragraph),
    or the text's length when there is none."""
    pos = seen = 0
    for line in text.split("\n")[:-1]:
        seen += bool(line.strip())
        if seen == 2:
            return pos + len(line)
        pos += len(line) + 1
    return len(text)
