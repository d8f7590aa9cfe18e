"""attrib's own output read back (JSONL records or JSON articles), joined with the texts, for the report."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from .shapes import article_problem, attribution_problem, fits


def is_output(path: str) -> bool:
    """True for a .jsonl or .json file whose first record is an attribution or an article result of attrib."""
    if not path.lower().endswith((".jsonl", ".json")) or not Path(path).is_file():
        return False
    with open(path, "rb") as f:
        # whole lines: a json article line carries its text and may be long
        first = f.readline()
        # the json format opens with a line of its own: "["
        if first.strip() == b"[":
            first = f.readline()
    try:
        record = json.loads(first.strip().rstrip(b","))
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and ("quote_spans" in record or "attributions" in record)


def json_line(line: str) -> str:
    """A line of attrib's output as one JSON value: the json format's "[", "]" and separating commas dropped."""
    line = line.strip()
    return "" if line in ("[", "]", "[]") else line.removesuffix(",")


def output_values(path: str, lines: Iterable[str]) -> Iterator[tuple[int, object] | InputError]:
    """``(line, value)`` for each line of attrib's JSONL or JSON output; a line that is no JSON is an error."""
    for number, line in enumerate(lines, start=1):
        line = json_line(line)
        if not line:
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(path, f"malformed JSON ({e.msg})", line=number)
        except (ValueError, RecursionError) as e:  # a number of over 4,300 digits; "[[[[..." past Python's depth
            problem = "nested too deeply" if isinstance(e, RecursionError) else str(e)
            yield InputError(path, f"unreadable JSON ({problem})", line=number)


def read_output(path: str) -> Iterator[dict | InputError]:
    """Articles ``{doc, date, attributions, speakers, text?}`` from attrib's JSONL or JSON output, in order."""
    articles: dict[str, dict] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        yield InputError(path, f"cannot read: {getattr(e, 'strerror', None) or e}")
        return
    for item in output_values(path, lines):
        if isinstance(item, InputError):
            yield item
            continue
        number, record = item
        if isinstance(record, dict) and isinstance(record.get("attributions"), list):
            problem = article_problem(record)
            if problem:
                yield InputError(path, problem, line=number)
                continue
            articles[record["doc"]] = record
        elif isinstance(record, dict) and "quote_spans" in record:
            problem = attribution_problem(record)
            if problem:
                yield InputError(path, problem, line=number)
                continue
            # JSONL: one attribution a line, an article's lines together
            article = articles.setdefault(record["doc"], {"doc": record["doc"], "date": None})
            article.setdefault("attributions", []).append(record)
        else:
            yield InputError(path, "not an attrib record (no attributions or quote_spans)", line=number)
    for article in articles.values():
        # JSONL records carry no article date; those dated by the article show it
        dated = (r["date"] for r in article["attributions"] if r.get("date_source") == "article")
        yield {**article, "date": article.get("date") or next(dated, None)}


def with_texts(
    articles: Iterable[dict | InputError], texts: dict[str, tuple[str, str | None]]
) -> Iterator[dict | InputError]:
    """Each article with its text (its own, else ``texts[doc]`` as (text, date)); the records must fit the text."""
    for article in articles:
        if isinstance(article, InputError):
            yield article
            continue
        doc = str(article["doc"])
        text, date = (article["text"], None) if isinstance(article.get("text"), str) else texts.get(doc, (None, None))
        if text is None:
            yield InputError(doc, "no text for this article in the output or --texts")
            continue
        if not all(fits(r, text) for r in article["attributions"]):
            yield InputError(doc, "the records do not fit this text: it is not the text they were found in")
            continue
        yield {**article, "text": text, "date": article.get("date") or date}
