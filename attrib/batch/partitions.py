"""Partitions of the input for the Dask runner: whole text files, or line ranges of JSONL files.

The client plans them in input order (folders and globs expand sorted); each names its shard
and carries a fingerprint of its inputs, so a changed input makes its old shard stale.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..read.articles import folder_files, kind_of

DEFAULT_PARTITION_ARTICLES = 100
# the client reads JSONL inputs once in blocks this large to find where each partition starts
SCAN_BLOCK = 1 << 24
# a shard's name: zero-padded so that name order is input order
SHARD = "part-{:05d}"


@dataclass(frozen=True)
class Partition:
    """A slice of the input: whole text files, or the lines ``[first_line, ...)`` of one JSONL file."""

    index: int
    files: tuple[str, ...] = ()
    jsonl: str | None = None
    start: int = 0  # byte offsets of the JSONL lines
    end: int = 0
    first_line: int = 1
    # sizes and modification times of the inputs: a changed input makes its old shard stale
    fingerprint: str = ""

    @property
    def name(self) -> str:
        return SHARD.format(self.index)


def plan(
    inputs: Iterable[str], partition_articles: int = DEFAULT_PARTITION_ARTICLES, skip: Path | None = None
) -> list[Partition]:
    """Partitions of the inputs in input order: folders and globs expand in sorted order; the files inside the
    folder ``skip`` (the run's own output) are left out."""
    partitions: list[Partition] = []
    texts: list[str] = []
    skip = skip.resolve() if skip else None

    def flush_texts() -> None:
        while texts:
            chunk, texts[:] = texts[:partition_articles], texts[partition_articles:]
            partitions.append(Partition(len(partitions), files=tuple(chunk), fingerprint=_fingerprint(chunk)))

    for path in _expand(inputs):
        if skip and "://" not in path and skip in Path(path).resolve().parents:
            continue
        if _is_jsonl(path):
            flush_texts()
            for start, end, first_line in _line_ranges(path, partition_articles):
                partitions.append(
                    Partition(
                        len(partitions),
                        jsonl=path,
                        start=start,
                        end=end,
                        first_line=first_line,
                        fingerprint=_fingerprint([path]),
                    )
                )
        else:
            texts.append(path)
            if len(texts) >= partition_articles:
                flush_texts()
    flush_texts()
    return partitions


def input_within(inputs: Iterable[str], out: Path) -> str | None:
    """The local input that is the output folder ``out`` or lies inside it (its shards would be mixed with, and
    stale ones removed from, the input), or None."""
    out = out.resolve()
    for path in inputs:
        if "://" not in path and (Path(path).resolve() == out or out in Path(path).resolve().parents):
            return path
    return None


def _expand(inputs: Iterable[str]) -> Iterator[str]:
    for path in inputs:
        if path.lower().startswith(("http://", "https://")):
            yield path  # a web page, fetched by the worker as a local run fetches it
        elif "://" in path:
            yield from _expand_url(path)
        elif os.path.isdir(path):
            # the same files, in the same order, as a local run reads from a folder
            yield from (str(f) for f in folder_files(Path(path)))
        elif not os.path.exists(path) and glob.has_magic(path):
            yield from sorted(glob.glob(path, recursive=True))
        else:
            yield path


def _expand_url(url: str) -> Iterator[str]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    if glob.has_magic(path):
        found = sorted(fs.glob(path))
    elif fs.isdir(path):
        found = sorted(p for p in fs.find(path) if _readable_suffix(p))
    else:
        yield url
        return
    for p in found:
        yield p if "://" in p else f"{protocol}://{p}"


def _readable_suffix(path: str) -> bool:
    return kind_of(path.rsplit("/", 1)[-1]) is not None


def _is_jsonl(path: str) -> bool:
    # plain JSONL splits into line ranges; a gzipped one is read whole, as one item of a partition
    return path.lower().endswith(".jsonl") and not path.lower().startswith(("http://", "https://"))


def open_input(path: str, mode: str = "rb"):
    if "://" in path:
        import fsspec

        return fsspec.open(path, mode).open()
    return open(path, mode)


def _fingerprint(paths: list[str]) -> str:
    parts = []
    for p in paths:
        try:
            if "://" in p:
                import fsspec

                fs, inner = fsspec.core.url_to_fs(p)
                info = fs.info(inner)
                parts.append(f"{p}\0{info.get('size')}\0{info.get('mtime') or info.get('LastModified') or ''}")
            else:
                st = os.stat(p)
                parts.append(f"{p}\0{st.st_size}\0{st.st_mtime_ns}")
        except (OSError, ValueError):
            parts.append(f"{p}\0missing")
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _line_ranges(path: str, per_partition: int) -> Iterator[tuple[int, int, int]]:
    """Byte ranges of ``per_partition`` lines each, with the number of each range's first line."""
    try:
        f = open_input(path)
    except OSError:
        yield 0, 0, 1  # the worker reports why it cannot be read
        return
    with f:
        start, offset, lines, first_line = 0, 0, 0, 1
        pending = b""
        while block := f.read(SCAN_BLOCK):
            pending += block
            cut = 0
            while (newline := pending.find(b"\n", cut)) >= 0:
                cut = newline + 1
                lines += 1
                if lines == per_partition:
                    yield start, offset + cut, first_line
                    start, first_line, lines = offset + cut, first_line + per_partition, 0
            offset += cut
            pending = pending[cut:]
        end = offset + len(pending)
        if end > start or start == 0:
            yield start, end, first_line
