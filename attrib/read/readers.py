"""Article inputs beyond plain text and JSONL: gzip-compressed files and CSV rows."""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zlib
from collections.abc import Iterator

from ..errors import InputError


def read_limited(path: str, limit: int) -> bytes | None:
    """At most ``limit`` bytes of a file, a .gz decompressed as it streams; None when it holds more."""
    try:
        with gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb") as f:
            data = f.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise InputError(path, f"corrupt gzip ({e})") from None
    return None if len(data) > limit else data


def gunzip(source: str, data: bytes) -> bytes:
    """The content of a gzip file, or an InputError saying it is corrupt."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(source, f"corrupt gzip ({e})") from None


def csv_records(source: str, text: str, text_field: str) -> Iterator[tuple[int, dict] | InputError]:
    """``(line, row)`` for each row of a CSV file with a header; a file without the text column fails whole."""
    csv.field_size_limit(sys.maxsize)  # an article is longer than csv's default field limit of 128 KiB
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = reader.fieldnames or []
    except csv.Error as e:
        yield InputError(source, f"malformed CSV ({e})", line=1)
        return
    if text_field not in columns:
        shown = ", ".join(repr(c) for c in columns[:8]) or "none"
        yield InputError(source, f"no column {text_field!r} (columns: {shown}; see --text-field)")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            # a broken quote leaves nothing reliable after it
            yield InputError(source, f"malformed CSV ({e})", line=reader.line_num)
            return
        yield reader.line_num, row
