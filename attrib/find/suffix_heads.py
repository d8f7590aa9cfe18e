"""The heads of every suffix of a token range, found in one pass: what the words after each quotation hang on.

A token of the span ``doc[a:end]`` is one of its heads when its own head lies outside the span (or it is the
root). A rule that asks this after each of many quotations would walk the rest of the content once per
quotation, quadratic in a quote-dense article; this index answers each question in constant time.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

from spacy.tokens import Doc, Token


class SuffixHeads:
    """For each start ``a`` in ``[first, end)``: the first head of ``doc[a:end]`` and whether a head passes a test.

    Only tokens ``keep`` accepts count. A token t heads every suffix that starts at or before it when its head is
    outside ``[first, end)`` or t is the root; a token whose head lies before it heads the suffixes that start
    after its head; a token whose head lies after it, inside the range, heads none.
    """

    def __init__(self, doc: Doc, first: int, end: int, keep: Callable[[Token], bool], test: Callable[[Token], bool]):
        self.first = first
        size = max(0, end - first)
        self._first_head: list[int | None] = [None] * size
        passing = [0] * (size + 1)  # a difference array: how many heads pass ``test`` for each start
        from_start: list[list[int]] = [[] for _ in range(size + 1)]  # tokens that become heads at each start
        for t in doc[first:end]:
            if not keep(t):
                continue
            h = t.head.i
            if h == t.i or h >= end or h < first:
                since = first
            elif h < t.i:
                since = h + 1
            else:
                continue  # its head is inside every suffix it is in
            from_start[since - first].append(t.i)
            if test(t):
                passing[since - first] += 1
                passing[t.i - first + 1] -= 1
        self._passing = passing
        heap: list[int] = []
        running = 0
        for a in range(first, end):
            for i in from_start[a - first]:
                heapq.heappush(heap, i)
            while heap and heap[0] < a:  # a head before the start is no longer in the suffix
                heapq.heappop(heap)
            self._first_head[a - first] = heap[0] if heap else None
            running += passing[a - first]
            passing[a - first] = running

    def first_head(self, a: int) -> int | None:
        """The index of the first head of ``doc[a:end]``, or None when it has none."""
        return self._first_head[a - self.first]

    def any_passing(self, a: int) -> bool:
        """Whether some head of ``doc[a:end]`` passes the test."""
        return self._passing[a - self.first] > 0
