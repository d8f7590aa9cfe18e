"""Worker processes for ``Extractor(jobs=N)``: each analyses whole chunks and sends back records.

A worker gets a chunk of articles and returns its results (frozen dataclasses of strings and
offsets), never a parsed Doc, so the parent does no parsing work of its own. Workers die with the
parent (a parent-death signal on Linux, a watch on the parent's pid elsewhere), leave Ctrl-C to the
parent, and are ended whenever the caller stops reading: a closed stdout or an interrupt ends a run
at once, with no process left behind.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import count
from typing import TypeVar

from .errors import AttribError

T = TypeVar("T")
R = TypeVar("R")
# chunks in flight per worker: one being analysed, one waiting, so no worker idles
CHUNKS_PER_WORKER = 2
# how often the parent checks that its workers are alive while it waits for a result (seconds)
POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1


class WorkerDied(AttribError):
    """A worker process ended without sending its results back (killed, out of memory)."""


def ordered_map(work: Callable[[T], R], chunks: Iterable[T], jobs: int) -> Iterator[R]:
    """``work(chunk)`` for every chunk in ``jobs`` processes, yielded in input order."""
    # fork shares the loaded pipeline with the workers; spawn (where fork is missing) pickles it
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    tasks, results = context.Queue(), context.Queue()
    parent = os.getpid()
    workers = [
        context.Process(target=_serve, args=(work, tasks, results, parent), daemon=True, name=f"attrib-worker-{i + 1}")
        for i in range(jobs)
    ]
    for worker in workers:
        worker.start()
    try:
        yield from _dispatch(iter(chunks), tasks, results, workers)
        for _ in workers:
            tasks.put(None)
        for worker in workers:
            worker.join(POLL_SECONDS)
    finally:
        _stop(workers, tasks, results)


def _dispatch(chunks: Iterator[T], tasks, results, workers) -> Iterator[R]:
    done: dict[int, R] = {}
    sent = 0
    for index in count():
        while sent - index < CHUNKS_PER_WORKER * len(workers):
            chunk = next(chunks, _END)
            if chunk is _END:
                break
            tasks.put((sent, chunk))
            sent += 1
        if index == sent:
            return
        while index not in done:
            got, value = _receive(results, workers)
            done[got] = value
        value = done.pop(index)
        if isinstance(value, _Failure):
            raise WorkerDied(f"a worker process failed: {value.message}")
        yield value


def _receive(results, workers) -> tuple[int, object]:
    while True:
        try:
            return results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            dead = [w for w in workers if not w.is_alive()]
            if dead:
                raise WorkerDied(f"worker process {dead[0].pid} ended with exit code {dead[0].exitcode}") from None


def _stop(workers, tasks, results) -> None:
    """End the workers now (the caller stopped reading, was interrupted, or all is done)."""
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join()
    # nothing more will be read: never wait at exit to flush a queue nobody reads
    for q in (tasks, results):
        q.cancel_join_thread()
        q.close()


class _Failure:
    """An exception of a worker, as text: exceptions do not all survive pickling."""

    def __init__(self, error: BaseException):
        self.message = f"{type(error).__name__}: {error}"


_END = object()


def _serve(work: Callable[[T], R], tasks, results, parent: int) -> None:
    _die_with(parent)
    # Ctrl-C reaches the whole process group: the parent decides, then ends the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while (task := tasks.get()) is not None:
        index, chunk = task
        try:
            value = work(chunk)
        except Exception as e:  # the parent raises it; the worker stays usable
            value = _Failure(e)
        results.put((index, value))


def _die_with(parent: int) -> None:
    """Make this process end when ``parent`` does, however it ends (even SIGKILL)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(1.0)
    os._exit(1)
