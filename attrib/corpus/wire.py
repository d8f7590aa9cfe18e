"""Wire groups: articles whose texts are near-duplicates (one wire story in two outlets, a reprint, new headline).

Each text is reduced to a MinHash sketch of its five-word shingles (``datasketch``); locality-
sensitive hashing finds the sketches that may be alike without comparing every pair, and a pair is
one story when the sketches say that most of the shorter text's shingles are in the longer one.
Memory holds one sketch (128 numbers) per article, never the texts.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .wording import words

# five words in a row: rare enough that two stories on one topic share few of them
SHINGLE = 5
PERMUTATIONS = 128
SEED = 1
# the LSH finds pairs this alike (Jaccard) with high probability; below it the check below is not met anyway
CANDIDATE = 0.4
# one story: this share of the shorter text's shingles is in the longer (a reprint with a new headline,
# a few edits, a paragraph cut) ...
SAME_STORY = 0.8
# ... and the two are alike as wholes: a short piece quoted whole inside a long one is not its reprint
ALIKE = 0.5
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=zlib.crc32)


@dataclass(frozen=True)
class Sketch:
    """What wire grouping keeps of an article: its MinHash values (32-bit) and its number of distinct shingles."""

    hashvalues: np.ndarray
    shingles: int

    def to_bytes(self) -> bytes:
        return np.concatenate([[self.shingles], self.hashvalues]).astype(np.uint32).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Sketch:
        values = np.frombuffer(data, dtype=np.uint32)
        return cls(values[1:].copy(), int(values[0]))

    def jaccard(self, other: Sketch) -> float:
        return float(np.mean(self.hashvalues == other.hashvalues))

    def same_story(self, other: Sketch) -> bool:
        """Most of the shorter text is in the longer, by the sketches' estimate of their overlap."""
        j = self.jaccard(other)
        shared = j * (self.shingles + other.shingles) / (1 + j)
        return j >= ALIKE and shared >= SAME_STORY * min(self.shingles, other.shingles)


def sketch(text: str) -> Sketch | None:
    """The sketch of an article's text; None for a text under SHINGLE words (too short to tell)."""
    w = words(text)
    grams = {" ".join(w[i : i + SHINGLE]).encode("utf-8") for i in range(len(w) - SHINGLE + 1)}
    if not grams:
        return None
    m = MinHash(
        num_perm=PERMUTATIONS,
        seed=SEED,
        hashfunc=zlib.crc32,
        permutations=_TEMPLATE.permutations,
        scheme=_TEMPLATE.scheme,
    )
    m.update_batch(grams)
    return Sketch(m.hashvalues, len(grams))


def wire_groups(sketches: Iterable[tuple[str, Sketch | None]]) -> dict[str, str]:
    """Each article in a wire group -> the id of the group's first article (itself for the first).

    ``sketches`` are (article id, sketch) in input order; articles alike no other are left out.
    """
    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    kept: dict[str, Sketch] = {}
    parent: dict[str, str] = {}
    order: dict[str, int] = {}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for doc, s in sketches:
        if s is None or doc in kept:
            continue
        lean = LeanMinHash(seed=SEED, hashvalues=s.hashvalues, scheme=_TEMPLATE.scheme)
        parent[doc], order[doc] = doc, len(order)
        for other in lsh.query(lean):
            if s.same_story(kept[other]):
                # the group is named by its first article in input order
                a, b = sorted((root(other), root(doc)), key=order.__getitem__)
                parent[b] = a
        lsh.insert(doc, lean)
        kept[doc] = s
    groups = {doc: root(doc) for doc in parent}
    sizes: dict[str, int] = {}
    for g in groups.values():
        sizes[g] = sizes.get(g, 0) + 1
    return {doc: g for doc, g in groups.items() if sizes[g] > 1}
