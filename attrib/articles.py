"""Reading articles: text files, stdin, JSONL records and folders, with one error per bad input."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import InputError


EMPTY = "empty article (no text)"


@dataclass(frozen=True)
class Article:
    """One article to read: its id (the path as given, or the record's id), text and date."""

    id: str
    text: str
    date: str | None = None


@dataclass(frozen=True)
class Fields:
    """Field names of JSONL records."""

    text: str = "text"
    id: str = "id"
    date: str = "date"


def read_inputs(paths: list[str], fields: Fields = Fields()) -> Iterator[Article | InputError]:
    """Articles from every path in order; a bad input yields an InputError and reading goes on."""
    for path in paths:
        if path == "-":
            yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), fields, jsonl=False)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".jsonl"))
            if not files:
                yield InputError(path, "folder holds no .txt or .jsonl files")
            for f in files:
                yield from _from_file(str(f), fields)
        else:
            yield from _from_file(path, fields)


def _from_file(path: str, fields: Fields) -> Iterator[Article | InputError]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        yield InputError(path, "no such file")
        return
    except IsADirectoryError:
        yield InputError(path, "is a directory")
        return
    except OSError as e:
        yield InputError(path, f"cannot read: {e.strerror or e}")
        return
    yield from _from_bytes(path, data, fields, jsonl=path.lower().endswith(".jsonl"))


def _from_bytes(source: str, data: bytes, fields: Fields, jsonl: bool) -> Iterator[Article | InputError]:
    try:
        text = decode(source, data)
    except InputError as e:
        yield e
        return
    if jsonl:
        yield from _records(source, text, fields)
        return
    yield Article(source, text) if text.strip() else InputError(source, EMPTY)


def decode(source: str, data: bytes) -> str:
    """UTF-8 text of a file's bytes (a byte-order mark dropped), or an InputError saying why not."""
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(source, f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start})") from None


def _records(source: str, text: str, fields: Fields) -> Iterator[Article | InputError]:
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        yield InputError(source, "empty file (no JSONL records)")
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(source, f"malformed JSON ({e.msg})", line=number)
            continue
        if not isinstance(record, dict):
            yield InputError(source, "record is not a JSON object", line=number)
            continue
        body = record.get(fields.text)
        if not isinstance(body, str):
            yield InputError(source, f"record has no string field {fields.text!r}", line=number)
            continue
        if not body.strip():
            yield InputError(source, EMPTY, line=number)
            continue
        doc_id = record.get(fields.id)
        date = record.get(fields.date)
        yield Article(str(doc_id) if doc_id is not None else f"{source}:{number}", body, str(date)[:10] if date else None)
