"""Worker processes for ``Extractor(jobs=N)``: each analyses whole chunks and sends back records.

A worker gets a chunk of articles and returns its results (frozen dataclasses of strings and
offsets), never a parsed Doc, so the parent does no parsing work of its own. Workers die with the
parent (a parent-death signal on Linux, a watch on the parent's pid elsewhere), leave Ctrl-C to the
parent, and are ended whenever the caller stops reading: a closed stdout or an interrupt ends a run
at once, with no process left behind.

Each worker has pipes of its own, so the parent knows which chunk each one holds and since when. With
a ``Limit``, a chunk that takes longer than its items' time is ended with its worker (a kill works even
inside a tokenizer's C loop, where no signal handler runs), a fresh worker takes its place, and the
chunk's items run one at a time: an item that alone takes longer than the limit gets ``Limit.failed``.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count
from multiprocessing.connection import wait

from .errors import AttribError

# chunks read ahead per worker: one being analysed, one waiting, so no worker idles
CHUNKS_PER_WORKER = 2
# how often the parent checks that its workers are alive while it waits for a result (seconds)
POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1


class WorkerDied(AttribError):
    """A worker process ended without sending its results back (killed, out of memory)."""


@dataclass(frozen=True)
class Limit:
    """Seconds each item of a chunk may take, and the result an item gets when it alone takes longer."""

    seconds: float
    failed: Callable[[object], object]


def ordered_map(
    work: Callable[[list], list], chunks: Iterable[list], jobs: int, limit: Limit | None = None
) -> Iterator[list]:
    """``work(chunk)`` for every chunk in ``jobs`` processes, yielded in input order."""
    # fork shares the loaded pipeline with the workers; spawn (where fork is missing) pickles it
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    names = count(1)
    parent = os.getpid()

    def start() -> _Worker:
        return _Worker(context, work, parent, next(names))

    pool = [start() for _ in range(jobs)]
    try:
        yield from _Dispatch(iter(chunks), pool, start, limit).results()
        for worker in pool:
            worker.finish()
    finally:
        for worker in pool:
            worker.kill()


class _Worker:
    """One worker process, its own pipe, and the task it holds: (key, chunk, deadline)."""

    def __init__(self, context, work: Callable, parent: int, number: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(work, child, parent), daemon=True, name=f"attrib-worker-{number}"
        )
        self.process.start()
        child.close()
        self.task: tuple | None = None

    def send(self, key, chunk: list, deadline: float) -> None:
        self.task = (key, chunk, deadline)
        try:
            self.conn.send((key, chunk))
        except OSError:
            raise self.died() from None

    def died(self) -> WorkerDied:
        return WorkerDied(f"worker process {self.process.pid} ended with exit code {self.process.exitcode}")

    def finish(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(POLL_SECONDS)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class _Dispatch:
    """The parent's side: chunks to idle workers, results back in order, a slow chunk retried item by item."""

    def __init__(self, chunks: Iterator[list], pool: list[_Worker], start: Callable[[], _Worker], limit):
        self.chunks, self.pool, self.start, self.limit = chunks, pool, start, limit
        self.pending: deque = deque()  # (key, chunk) to send; key is (index, None) or (index, item position)
        self.done: dict[int, object] = {}
        self.parts: dict[int, list] = {}  # the results of a chunk retried item by item, as they come
        self.read = 0
        self.ended = False

    def results(self) -> Iterator[list]:
        for index in count():
            while index not in self.done:
                self._feed(index)
                if self.ended and index == self.read:
                    return
                self._collect()
            value = self.done.pop(index)
            if isinstance(value, _Failure):
                raise WorkerDied(f"a worker process failed: {value.message}")
            yield value

    def _feed(self, index: int) -> None:
        idle = [w for w in self.pool if w.task is None]
        ahead = CHUNKS_PER_WORKER * len(self.pool)  # results kept for the order are bounded
        while len(self.pending) < len(idle) and not self.ended and self.read - index < ahead:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.ended = True
                break
            self.pending.append(((self.read, None), chunk))
            self.read += 1
        for worker in idle:
            if not self.pending:
                break
            key, chunk = self.pending.popleft()
            seconds = self.limit.seconds * len(chunk) if self.limit else float("inf")
            worker.send(key, chunk, time.monotonic() + seconds)

    def _collect(self) -> None:
        busy = [w for w in self.pool if w.task is not None]
        if not busy:
            return
        soonest = min(w.task[2] for w in busy) - time.monotonic()
        ready = wait([w.conn for w in busy], timeout=max(0.0, min(POLL_SECONDS, soonest)))
        for worker in busy:
            if worker.conn in ready:
                try:
                    key, value = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join(POLL_SECONDS)
                    raise worker.died() from None
                worker.task = None
                self._store(key, value)
            elif worker.task[2] <= time.monotonic():
                self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """End a worker whose chunk took too long; its items run again one by one, or the one fails."""
        key, chunk, _ = worker.task
        worker.kill()
        self.pool[self.pool.index(worker)] = self.start()
        index, part = key
        if part is None and len(chunk) > 1:
            self.parts[index] = [None] * len(chunk)
            self.pending.extendleft(reversed([((index, k), [item]) for k, item in enumerate(chunk)]))
        else:
            self._store(key, [self.limit.failed(item) for item in chunk])

    def _store(self, key, value) -> None:
        index, part = key
        if part is None:
            self.done[index] = value
            return
        slots = self.parts[index]
        slots[part] = value
        if all(s is not None for s in slots):
            del self.parts[index]
            failure = next((s for s in slots if isinstance(s, _Failure)), None)
            self.done[index] = failure or [r for s in slots for r in s]


class _Failure:
    """An exception of a worker, as text: exceptions do not all survive pickling."""

    def __init__(self, error: BaseException):
        self.message = f"{type(error).__name__}: {error}"


def _serve(work: Callable[[list], list], conn, parent: int) -> None:
    _die_with(parent)
    # Ctrl-C reaches the whole process group: the parent decides, then ends the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            task = conn.recv()
        except EOFError:  # the parent is gone
            return
        if task is None:
            return
        key, chunk = task
        try:
            value = work(chunk)
        except Exception as e:  # the parent raises it; the worker stays usable
            value = _Failure(e)
        conn.send((key, value))


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
