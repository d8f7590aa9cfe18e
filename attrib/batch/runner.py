"""The batch loop every front end shares: read -> extract -> write -> log, one article at a time.

The CLI, the Dask runner's partitions and the SQLite store all run articles through ``run``: it
skips the articles the sink already holds whole, hands each result to the sink only when the
article parsed, and counts what happened. Problems never stop the loop: each becomes one line
through ``on_error``.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Protocol

from ..errors import InputError, OutputError, one_line
from ..read.articles import Article
from ..records import ArticleResult
from .resume import article_key, done_log, prepare


class Sink(Protocol):
    """Where results go: it knows which articles it holds whole, and keeps each one whole."""

    def done(self) -> set[str]: ...
    def write(self, result: ArticleResult, key: str) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class RunSummary:
    articles: int = 0  # articles parsed (failed parses included)
    attributions: int = 0
    failed: int = 0  # inputs and articles that gave no output
    skipped: int = 0  # articles the sink already held
    seconds: float = 0.0


class StreamSink:
    """An output writer over a stream, with the done log a resumed run trusts (``FILE.done``)."""

    def __init__(self, writer, log: IO[str] | None = None, done: set[str] | None = None):
        self.writer, self.log, self._done = writer, log, done or set()

    @classmethod
    def to_file(cls, make_writer: Callable[[IO[str]], object], path: Path, resume: bool = False) -> StreamSink:
        """A sink writing ``path``, locked against a second run; with ``resume`` it first cuts the file back to
        what its log vouches for."""
        lock = lock_output(path)
        try:
            done = prepare(path) if resume else set()
            if not resume:
                # a log left by an earlier run would vouch for lines this run overwrites
                done_log(path).unlink(missing_ok=True)
            # both stay open for the run and close in close()
            out = open(path, "a" if resume else "w", encoding="utf-8", newline="")  # noqa: SIM115
            log = open(done_log(path), "a", encoding="utf-8") if resume else None  # noqa: SIM115
        except BaseException:
            unlock_output(path, lock)
            raise
        sink = cls(make_writer(out), log, done)
        sink._files, sink._lock = (out, log), (path, lock)
        return sink

    def done(self) -> set[str]:
        return self._done

    def write(self, result: ArticleResult, key: str) -> None:
        try:
            self.writer.write(result)
            if self.log:
                # only once the article's records are flushed: what the log names is whole
                self.log.write(key + "\n")
                self.log.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            # what is written stays consistent: an article not in the log is cut and redone by --resume
            raise OutputError(f"cannot write the output: {e.strerror or e}") from e

    def close(self) -> None:
        try:
            self.writer.close()
            for f in getattr(self, "_files", ()):
                if f:
                    f.close()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(f"cannot write the output: {e.strerror or e}") from e
        finally:
            if getattr(self, "_lock", None):
                unlock_output(*self._lock)


def lock_path(output: Path) -> Path:
    return output.with_name(output.name + ".lock")


def lock_output(output: Path):
    """Hold ``OUT.lock`` (with our pid in it) for the run; the kernel drops the lock when a run dies,
    so none goes stale."""
    import fcntl

    f = open(lock_path(output), "a+", encoding="utf-8")  # noqa: SIM115
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.seek(0)
        owner = f.read().strip() or "another process"
        f.close()
        raise OutputError(
            f"{output} is being written by another attrib run (pid {owner}); wait for it to end"
        ) from None
    f.seek(0)
    f.truncate()
    f.write(f"{os.getpid()}\n")
    f.flush()
    return f


def unlock_output(output: Path, lock) -> None:
    lock_path(output).unlink(missing_ok=True)
    lock.close()


def run(
    extractor,
    items: Iterable[Article | InputError],
    sink: Sink,
    *,
    date: str | None = None,
    with_text: Callable[[Article], bool] | None = None,
    on_error: Callable[[str], None] = lambda line: None,
    on_article: Callable[[RunSummary], None] | None = None,
    select: Callable[[ArticleResult], ArticleResult] | None = None,
) -> RunSummary:
    """Extract every article of ``items`` into ``sink``; ``date`` wins over the articles' own dates.

    ``with_text(article)`` says whether an article's text goes out with its records (the offsets of
    a page index the text extracted from it, not the HTML); ``select`` keeps the records asked for.
    """
    started = time.monotonic()
    counts = {"articles": 0, "attributions": 0, "failed": 0, "skipped": 0}
    done = sink.done()
    # keys of the articles in flight, in input order, with the text when it goes out with the records
    pending: deque[tuple[str, str | None]] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                counts["failed"] += 1
                on_error(str(item))
                continue
            key = article_key(item)
            if key in done:
                counts["skipped"] += 1
                continue
            pending.append((key, item.text if with_text and with_text(item) else None))
            # the given date first, then the record's own; the dateline only when neither is given
            yield replace(item, date=date) if date else item

    for result in extractor.pipe(articles()):
        counts["articles"] += 1
        key, text = pending.popleft()
        if result.error:
            counts["failed"] += 1
            on_error(f"{result.doc}: {result.error}")
        else:
            result = select(result) if select else result
            if _written(sink, replace(result, text=text) if text is not None else result, key, on_error):
                counts["attributions"] += len(result.attributions)
            else:
                counts["failed"] += 1
        if on_article:
            on_article(RunSummary(**counts, seconds=time.monotonic() - started))
    return RunSummary(**counts, seconds=time.monotonic() - started)


def _written(sink: Sink, result: ArticleResult, key: str, on_error: Callable[[str], None]) -> bool:
    """Whether the article went out; one that cannot be written for a reason of its own fails alone, with one line."""
    try:
        sink.write(result, key)
    except (OutputError, BrokenPipeError):
        raise  # the output itself is gone or full: no later article can be written either
    except Exception as e:  # an unexpected failure (an id no encoding holds) costs this article, not the run
        on_error(f"{result.doc}: cannot write: internal error ({one_line(e)})")
        return False
    return True
