"""The finder's records: the cues it starts from, drafts its stages edit, and the frozen ``Found`` they end as."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..nlp import spans


@dataclass(frozen=True)
class Cue:
    """An attribution cue: ``tokens`` are the cue words, ``content`` roots its content clause."""

    token: Token
    tokens: tuple[Token, ...]
    content: Token | None  # None when the content is an adjacent quotation
    frame: str  # that, obj, to, quote or according
    speaker: Token | None
    fallback: Cue | None = None  # the same cue in a learned frame, when its own frames and quotations give nothing
    learned: bool = False  # in a frame only the scorer admits: a verb outside the lists, or a listed one's fallback


class _Content:
    """Where an attribution's content begins and ends: its pieces are in text order."""

    content: "tuple[tuple[int, int], ...] | list[tuple[int, int]]"

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass
class Draft(_Content):
    """One attribution while the finder's stages work on it; every span is a character range in the text."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_token: Token | None
    cue_token: Token | None
    continues: "Draft | None" = field(default=None, repr=False)  # a floating quote's source
    index: int = field(default=-1, repr=False)  # its place in the finished list, set by ``finish``

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any part of the content shares a character with [start, end)."""
        return any(a < end and b > start for a, b in self.content)


class Parts:
    """The content parts of a list of drafts, to find those that meet a range without a scan of every draft."""

    def __init__(self, drafts: list[Draft], keep: Callable[[Draft], bool] = lambda d: True):
        self.parts = spans.Coverage([(a, b, k) for k, d in enumerate(drafts) if keep(d) for a, b in d.content])

    def meeting(self, start: int, end: int) -> Iterator[int]:
        """The index in ``drafts`` of each part that shares a character with [start, end), the latest start first
        (a position ``pos`` is the range [pos, pos + 1))."""
        return (k for _, _, k in self.parts.meeting(start, end))


@dataclass(frozen=True)
class Found(_Content):
    """One attribution as the finder leaves it, before resolution: a stage's result that no later
    stage edits. A floating quotation names the attribution it continues by its place in the list."""

    content: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_token: Token | None
    cue_token: Token | None
    kind: str  # direct, indirect or mixed
    continues: int | None = None


def finish(drafts: list[Draft], kind_of: Callable[[tuple[tuple[int, int], ...]], str]) -> list[Found]:
    """The drafts, in order, as frozen records: each content's parts made disjoint, then given a kind."""
    for i, d in enumerate(drafts):
        d.index = i
    out = []
    for d in drafts:
        content = disjoint(d.content)
        continues = d.continues.index if d.continues is not None else None
        out.append(Found(content, d.cue, d.speaker, d.speaker_token, d.cue_token, kind_of(content), continues))
    return out


def disjoint(parts: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The parts in order with overlapping ones merged: stages that widen one part to a quotation and add
    that quotation again as a part of its own ("HE SAID, “…”") leave the record's spans sorted, apart and
    inside [quote_start, quote_end)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(parts):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def start_of(draft: Draft) -> int:
    """The sort key of drafts: where the content starts."""
    return draft.start


class Coverage:
    """Whether content found so far shares a character with a range, asked in text order: the parts
    sorted by start and the furthest end among those that start before the range ends. Content may
    grow while the ranges are asked about, but only from a start before the range being read."""

    def __init__(self, found: list[Draft]):
        self.parts = sorted(p for f in found for p in f.content)
        self.next = 0
        self.reach = -1

    def add(self, start: int, end: int) -> None:
        self.reach = max(self.reach, end)

    def touches(self, start: int, end: int) -> bool:
        while self.next < len(self.parts) and self.parts[self.next][0] < end:
            self.reach = max(self.reach, self.parts[self.next][1])
            self.next += 1
        return self.reach > start
