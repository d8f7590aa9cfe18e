"""Reading articles: text, JSONL, CSV and HTML files (gzipped too), URLs, stdin and folders; one error per bad input."""

from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, one_line
from .language import foreign_language
from .metadata import record_meta
from .readers import csv_records, gunzip, read_limited
from .web import DEFAULT_TIMEOUT, MAX_PAGE_BYTES, fetch, is_url, read_page

EMPTY = "empty article (no text)"
# spaCy's max_length, the extractor's own limit unless --max-chars says otherwise
DEFAULT_MAX_CHARS = 1_000_000
# a character is at most 4 bytes in UTF-8, UTF-16 and UTF-32: a text of more bytes than 4 a character allowed (and
# a byte-order mark) is too long for certain, and is refused before it is read whole
MAX_BYTES_PER_CHAR = 4
_SURROGATE = re.compile("[\ud800-\udfff]")
# ids are names, not payloads: longer ones are refused (Python will not even print a 5,000-digit number)
MAX_ID_DIGITS = 100
MAX_ID_CHARS = 1000
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# what a file holds, by its name's last suffix (before .gz); a folder is searched for these
KINDS = {".txt": "text", ".jsonl": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class Article:
    """One article to read: its id (the path as given, or the record's id), text and date."""

    id: str
    text: str
    date: str | None = None
    extracted: bool = False  # the text was extracted from HTML: offsets index this text, not the file
    title: str | None = None  # the page's or record's title; the extractor falls back on the headline
    author: str | None = None  # the page's author meta or the record's; the extractor falls back on the byline
    url: str | None = None  # the web page's address, when it came from one
    outlet: str | None = None  # the record's outlet field


@dataclass(frozen=True)
class Fields:
    """Field names of JSONL records and CSV columns."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    html: str = "html"  # a record's page, when it has no text


@dataclass(frozen=True)
class Reading:
    """How inputs are read: URL timeout in seconds; whether articles not in English are read anyway; the
    encoding of text files when it is not UTF-8."""

    timeout: float = DEFAULT_TIMEOUT
    any_language: bool = False
    encoding: str | None = None
    follow_symlinks: bool = False
    max_chars: int | None = None  # a text longer than this is refused unread (a .gz bomb, a 2 GB file)


def read_inputs(
    paths: list[str], fields: Fields = Fields(), reading: Reading = Reading()
) -> Iterator[Article | InputError]:
    """Articles from every path in order; a bad input yields an InputError and reading goes on."""
    for path in paths:
        yield from _read(path, fields, reading)


def checked(source: str, items: Iterator[Article | InputError], reading: Reading) -> Iterator[Article | InputError]:
    """The items of one input, English only unless ``reading`` says otherwise; an unexpected exception (a bug, a
    broken install) ends that input with one InputError, and the other inputs are still read."""
    try:
        for item in items:
            yield item if reading.any_language else english_only(item)
    except Exception as e:  # whatever goes wrong costs this input only, never the run
        yield InputError(source, f"cannot read: internal error ({one_line(e)})")


def english_only(item: Article | InputError) -> Article | InputError:
    """The article, or an InputError naming its likely language when it is clearly not English."""
    language = foreign_language(item.text) if isinstance(item, Article) else None
    if language is None:
        return item
    return InputError(item.id, f"not English (likely {language}): attrib reads English; --any-language reads it anyway")


def kind_of(name: str) -> str | None:
    """text, jsonl, csv or html, by the file name (a .gz suffix looked through); None when unknown."""
    name = name.lower().removesuffix(".gz")
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def _read(path: str, fields: Fields, reading: Reading) -> Iterator[Article | InputError]:
    if path == "-":
        yield from checked("<stdin>", _from_stdin(fields, reading), reading)
    elif is_url(path):
        yield from checked(path, _from_url(path, reading), reading)
    elif Path(path).is_dir():
        files = folder_files(Path(path), reading.follow_symlinks)
        if not files:
            yield InputError(path, "folder holds no .txt, .jsonl, .csv or .html files (nor .gz of them)")
        for f in files:
            yield from checked(str(f), _from_file(str(f), fields, reading), reading)
    else:
        yield from checked(path, _from_file(path, fields, reading), reading)


def _from_stdin(fields: Fields, reading: Reading) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read(_text_bytes(reading) + 1)
    if len(data) > _text_bytes(reading):
        yield InputError("<stdin>", _too_large(reading))
        return
    yield from _from_bytes("<stdin>", data, fields, "text", reading.encoding)


def _text_bytes(reading: Reading) -> int:
    return MAX_BYTES_PER_CHAR * ((reading.max_chars or DEFAULT_MAX_CHARS) + 1)


def _too_large(reading: Reading) -> str:
    chars = f"{reading.max_chars or DEFAULT_MAX_CHARS:,}"
    return f"article too large (over {_text_bytes(reading):,} bytes, so over {chars} characters; see --max-chars)"


def input_reading(paths: list[str], target: Path) -> str | None:
    """The input among ``paths`` that would read ``target``: the same file, or a folder holding it among the files
    a folder gives; None when no input would."""
    for path in paths:
        if path == "-" or is_url(path):
            continue
        p = Path(path)
        if p.is_dir() and kind_of(target.name) and _within(target, p):
            return path
        if not p.is_dir() and _same_file(p, target):
            return path
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): the same name is the same file
        return a.resolve() == b.resolve()


def _within(target: Path, folder: Path) -> bool:
    return folder.resolve() in target.resolve().parents


def folder_files(folder: Path, follow_symlinks: bool = False) -> list[Path]:
    """The files a folder gives, in sorted order: by name, and not through links unless asked."""
    # a link may lead out of the folder the user named; a FIFO would block the run, so it is read and refused
    return sorted(
        f
        for f in folder.rglob("*")
        if kind_of(f.name) and (follow_symlinks or not _linked(f, folder)) and not f.is_dir()
    )


def _linked(path: Path, folder: Path) -> bool:
    return any(p.is_symlink() for p in (path, *path.relative_to(folder).parents) if p != Path("."))


def _from_url(url: str, reading: Reading) -> Iterator[Article | InputError]:
    try:
        page = read_page(url, fetch(url, reading.timeout))
    except InputError as e:
        yield e
        return
    yield Article(url, page.text, page.date, extracted=True, title=page.title, author=page.author, url=url)


def _from_file(path: str, fields: Fields, reading: Reading) -> Iterator[Article | InputError]:
    encoding, kind = reading.encoding, kind_of(path) or "text"
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            # opening a FIFO with no writer would wait forever; a device may never end
            yield InputError(path, "not a regular file (a pipe, socket or device)")
            return
        if kind in ("text", "html"):
            # one article a file: no more is read than the longest article allowed takes, a .gz as it streams
            limit = _text_bytes(reading) if kind == "text" else max(MAX_PAGE_BYTES, _text_bytes(reading))
            data = read_limited(path, limit)
            too_large = _too_large(reading) if kind == "text" else f"page larger than {limit:,} bytes"
            yield from (
                [InputError(path, too_large)] if data is None else _from_bytes(path, data, fields, kind, encoding)
            )
            return
        data = Path(path).read_bytes()
    except FileNotFoundError:
        yield InputError(path, "no such file")
        return
    except IsADirectoryError:
        yield InputError(path, "is a directory")
        return
    except InputError as e:
        yield e
        return
    except OSError as e:
        yield InputError(path, f"cannot read: {e.strerror or e}")
        return
    yield from from_bytes(path, data, fields, encoding)


def from_bytes(source: str, data: bytes, fields: Fields, encoding: str | None = None) -> Iterator[Article | InputError]:
    """The articles of a file's bytes, read by its name (a .gz looked through) as a local file is."""
    try:
        if source.lower().endswith(".gz"):
            data = gunzip(source, data)
    except InputError as e:
        yield e
        return
    yield from _from_bytes(source, data, fields, kind_of(source) or "text", encoding)


def jsonl_records(
    source: str, data: bytes, fields: Fields, first_line: int = 1, encoding: str | None = None
) -> Iterator[Article | InputError]:
    """The articles of a run of whole JSONL lines: a partition of a file, its lines numbered from ``first_line``."""
    try:
        text = decode(source, data, encoding)
    except InputError as e:
        yield e
        return
    yield from _records(source, _json_lines(source, text, first_line), fields)


def _from_bytes(
    source: str, data: bytes, fields: Fields, kind: str, encoding: str | None
) -> Iterator[Article | InputError]:
    try:
        if kind == "html":
            # bytes unless --encoding says otherwise: trafilatura reads the page's own charset declaration
            page = read_page(source, decode(source, data, encoding) if encoding else data)
            yield Article(source, page.text, page.date, extracted=True, title=page.title, author=page.author)
            return
        text = decode(source, data, encoding)
    except InputError as e:
        yield e
        return
    if kind == "jsonl":
        yield from _records(source, _json_lines(source, text), fields)
    elif kind == "csv":
        yield from _records(source, csv_records(source, text, fields.text), fields)
    else:
        yield Article(source, text) if text.strip() else InputError(source, EMPTY)


def decode(source: str, data: bytes, encoding: str | None = None) -> str:
    """The text of a file's bytes, UTF-8 unless ``encoding`` is given (a byte-order mark dropped), or an
    InputError saying why not."""
    # a byte-order mark names its own encoding (UTF-32 first: its little-endian mark starts like UTF-16's)
    encoding = encoding or next((name for bom, name in BOMS if data.startswith(bom)), None)
    # NUL bytes are no text in UTF-8; a named encoding (UTF-16) may have them
    if encoding is None and b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeError as e:  # a decoding error, or a codec's own (punycode raises a plain UnicodeError)
        start = getattr(e, "start", None)
        where = f"invalid byte 0x{data[start]:02x} at offset {start}" if start is not None else str(e)
        if encoding:
            raise InputError(source, f"not {encoding} text ({where})") from None
        raise InputError(source, f"not UTF-8 text ({where}); give its encoding with --encoding") from None
    return text.removeprefix("\ufeff")


def _json_lines(source: str, text: str, first_line: int = 1) -> Iterator[tuple[int, dict] | InputError]:
    """``(line, record)`` for each JSON object line; lines are numbered from ``first_line``."""
    # JSON Lines are split on "\n" alone: str.splitlines also splits on U+2028, U+2029 and U+0085, which a valid
    # record may hold raw, and would break the record and the numbers of the lines after it
    lines = text.split("\n")
    # a whole file without records is an error; a later partition of one cannot be empty
    if first_line == 1 and not any(line.strip() for line in lines):
        yield InputError(source, "empty file (no JSONL records)")
        return
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(source, f"malformed JSON ({e.msg})", line=number)
            continue
        except ValueError as e:  # a number too long for Python to read (over 4,300 digits)
            yield InputError(source, f"unreadable JSON ({e})", line=number)
            continue
        except RecursionError:  # "[[[[...": Python's parser gives up past about a thousand levels
            yield InputError(source, "unreadable JSON (nested too deeply)", line=number)
            continue
        if not isinstance(record, dict):
            yield InputError(source, "record is not a JSON object", line=number)
            continue
        yield number, record


def repaired(value: object) -> object:
    """A string with each lone surrogate (legal in JSON, "\\ud800") replaced by U+FFFD: one character for one, so
    offsets hold; such text cannot be written as UTF-8 otherwise."""
    if not isinstance(value, str):
        return value
    return _SURROGATE.sub("\ufffd", value)


def _record_id(value: object) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_ID_DIGITS:
        raise ValueError(f"id is a number of more than {MAX_ID_DIGITS} digits")
    text = repaired(
        value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)
    )
    if len(text) > MAX_ID_CHARS:
        raise ValueError(f"id longer than {MAX_ID_CHARS} characters")
    return text


def _record_date(value: object) -> str | None:
    if value in (None, ""):
        return None
    try:
        return parse_article_date(str(value)[:10]).isoformat()
    except ValueError as e:
        raise ValueError(f"record date: {e}") from None


def _records(source: str, records: Iterator, fields: Fields) -> Iterator[Article | InputError]:
    """Articles from JSONL records or CSV rows: the text field, else the html field's page."""
    for item in records:
        if isinstance(item, InputError):
            yield item
            continue
        number, record = item
        try:
            doc_id, date = _record_id(record.get(fields.id)), _record_date(record.get(fields.date))
        except ValueError as e:
            yield InputError(source, str(e), line=number)
            continue
        doc_id = doc_id or f"{source}:{number}"
        body, html = repaired(record.get(fields.text)), repaired(record.get(fields.html))
        if not isinstance(body, str) and isinstance(html, str):
            try:
                page = read_page(source, html)
            except InputError as e:
                yield InputError(source, e.problem, line=number)
                continue
            # the record's own date and metadata first, then the page's
            meta = {"title": page.title, "author": page.author} | record_meta(record)
            yield Article(doc_id, page.text, date or page.date, extracted=True, **meta)
        elif not isinstance(body, str):
            yield InputError(source, f"record has no string field {fields.text!r} (nor {fields.html!r})", line=number)
        elif not body.strip():
            yield InputError(source, EMPTY, line=number)
        else:
            yield Article(doc_id, body, date, **record_meta(record))


def parse_article_date(value: object) -> datetime.date:
    """An article date given by a caller ("2026-02-10", a ``date``), or ValueError saying what is wrong."""
    if isinstance(value, datetime.date):
        return datetime.date(value.year, value.month, value.day)
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"invalid date {str(value)[:40]!r}: expected YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"invalid date {value.strip()!r}: no such day") from None
