"""Reading attrib output back: JSONL records, JSON articles or a SQLite database, one record at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..read.articles import parse_article_date
from ..read.metadata import outlet_of
from ..write.review import output_values
from ..write.selection import Selection
from .corpus import ArticleFacts

SQLITE_MAGIC = b"SQLite format 3\x00"
# the fields the counts read as text: a crafted record may hold anything there
TEXT_FIELDS = (
    "doc", "speaker", "speaker_key", "cue", "kind", "speaker_type", "speaker_title", "speaker_gender",
    "speaker_gender_source", "outlet", "source", "date_precision",
)  # fmt: skip

OnError = Callable[[InputError], None]


def read_records(paths: Iterable[str], on_error: OnError | None = None, articles: bool = False) -> Iterator:
    """The attribution records (dicts) of attrib output files in order; a bad file or line goes to ``on_error``.

    With ``articles``, the formats that keep whole articles (``articles``, ``json``, a database) give each
    article's ``ArticleFacts`` before its records, for an article without attributions too."""
    # sqlite3 only when a database is read
    from .store import read_records as read_sqlite

    for path in paths:
        try:
            yield from read_sqlite(path, articles) if is_sqlite(path) else _jsonl_records(path, on_error, articles)
        except InputError as e:
            _report(on_error, e)
        except OSError as e:
            _report(on_error, InputError(path, f"cannot read: {e.strerror or e}"))


def selected(items: Iterable, selection: Selection) -> Iterator:
    """The records a selection keeps, and every article's facts."""
    return (item for item in items if isinstance(item, ArticleFacts) or selection.keeps(item))


def _jsonl_records(path: str, on_error: OnError | None, articles: bool = False) -> Iterator:
    with open(path, encoding="utf-8-sig") as f:
        for item in output_values(path, f):
            if isinstance(item, InputError):
                _report(on_error, item)
                continue
            number, data = item
            if isinstance(data, dict) and isinstance(data.get("attributions"), list):
                # the json format: one article a line; its outlet field, if any, holds for its records
                extra = {k: data[k] for k in ("outlet", "source") if data.get(k)}
                records = [{**extra, **a} for a in data["attributions"] if isinstance(a, dict)]
                problem = next((p for p in map(record_problem, records) if p), None)
                if problem:
                    _report(on_error, InputError(path, problem, line=number))
                    continue
                if articles:
                    yield ArticleFacts(data.get("doc"), data.get("date"), outlet_of(data), len(data["attributions"]))
                yield from records
            elif isinstance(data, dict) and "doc" in data and "speaker" in data:
                problem = record_problem(data)
                if problem:
                    _report(on_error, InputError(path, problem, line=number))
                    continue
                yield data
            else:
                _report(on_error, InputError(path, "not an attrib record (no doc and speaker fields)", line=number))


def record_problem(record: dict) -> str | None:
    """Why a record cannot be counted (a field of the wrong type, a date that is no date), or None."""
    wrong = next((f for f in TEXT_FIELDS if record.get(f) is not None and not isinstance(record[f], str)), None)
    if wrong:
        return f"the record's {wrong} is not a string"
    if record.get("date"):
        try:
            parse_article_date(record["date"])
        except ValueError as e:
            return f"the record's date: {e}"
    return None


def _report(on_error: OnError | None, error: InputError) -> None:
    if on_error is not None:
        on_error(error)


def is_sqlite(path: str | Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
