"""ordered_map: results in input order from worker processes, a chunk over its time limit retried item by item."""

from __future__ import annotations

import os
import time

import pytest

from attrib.workers import Limit, WorkerDied, ordered_map


def squares(chunk: list[int]) -> list[int]:
    for x in chunk:
        if x < 0:
            time.sleep(60)  # a pathological item: only a kill ends it
        if x == 1013:
            os._exit(3)  # a worker that dies (out of memory, killed)
    return [x * x for x in chunk]


def test_results_come_in_input_order():
    chunks = [[i, i + 1] for i in range(0, 40, 2)]
    assert [r for results in ordered_map(squares, chunks, 3) for r in results] == [i * i for i in range(40)]


def test_an_item_over_the_limit_fails_alone_and_its_chunk_mates_are_analysed_again():
    limit = Limit(1.0, lambda x: f"slow {x}")
    chunks = [[1, 2], [3, -4, 5], [6]]
    started = time.monotonic()
    got = [r for results in ordered_map(squares, chunks, 2, limit) for r in results]
    assert got == [1, 4, 9, "slow -4", 25, 36]
    assert time.monotonic() - started < 30  # the chunk's 3 s, then the item's 1 s; never the 60 s sleep


def test_a_worker_that_dies_ends_the_run_with_worker_died():
    with pytest.raises(WorkerDied, match="exit code 3"):
        list(ordered_map(squares, [[1], [1013], [2]], 2))
