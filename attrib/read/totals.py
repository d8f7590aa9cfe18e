"""How many articles the inputs hold, counted cheaply before a run so that its progress shows N/total and an ETA."""

from __future__ import annotations

import csv
import gzip
import io
import sys
import time
from pathlib import Path

from .articles import folder_files, kind_of
from .web import is_url

# counting is a convenience: past this many seconds (a huge archive on a slow disk) the total stays unknown
BUDGET_SECONDS = 5.0
CHUNK = 1 << 20


def article_total(paths: list[str], follow_symlinks: bool = False, budget: float = BUDGET_SECONDS) -> int | None:
    """The number of articles the paths hold: a text or HTML file or a URL is one, a JSONL file one per
    non-blank line, a CSV file one per row; None for stdin or when counting takes longer than ``budget``.
    An unreadable input counts 0: the run reports it."""
    deadline = time.monotonic() + budget
    total = 0
    for path in paths:
        if path == "-":
            return None  # stdin is read once, by the run
        if is_url(path):
            total += 1
            continue
        p = Path(path)
        for f in folder_files(p, follow_symlinks) if p.is_dir() else [p]:
            n = _file_total(f, deadline)
            if n is None:
                return None
            total += n
    return total


def _file_total(path: Path, deadline: float) -> int | None:
    kind = kind_of(path.name)
    if kind not in ("jsonl", "csv"):
        return 1  # one article a file; a file of no known kind fails as one input
    try:
        raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
        with raw:
            return _lines(raw, deadline) if kind == "jsonl" else _rows(raw, deadline)
    except (OSError, EOFError, csv.Error, ValueError):
        return 0


def _lines(raw, deadline: float) -> int | None:
    """Non-blank lines of a binary stream, read in chunks."""
    n, tail = 0, b""
    while chunk := raw.read(CHUNK):
        lines = (tail + chunk).split(b"\n")
        tail = lines.pop()
        n += sum(1 for line in lines if line.strip())
        if time.monotonic() > deadline:
            return None
    return n + bool(tail.strip())


def _rows(raw, deadline: float) -> int | None:
    """Rows of a CSV file after its header (a quoted field may hold line breaks)."""
    csv.field_size_limit(sys.maxsize)
    n = -1
    for n, _ in enumerate(csv.reader(io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline=""))):
        if n % 1000 == 0 and time.monotonic() > deadline:
            return None
    return max(n, 0)
