"""Embedded posts' own dates: a post the article embeds ("<tweet ... tweet-date=...>") carries the day it was
posted, and the statement that quotes it just before was made that day."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import datetime, timezone

from spacy.tokens import Doc

from ..nlp.spans import text_of
from .dates import DateValue, resolve

# an embedded post's opening tag with its date: "tweet-date" or "datetime" (as written) or "timestamp" (Unix seconds)
_POST = re.compile(r"<tweet\b[^>\n]*?\b(?:(?:tweet-date|datetime)=\"(?P<written>[^\"]+)\"|timestamp=\"(?P<unix>\d+)\")")
# what may stand between a statement and the post it quotes: the rest of its paragraph when that ends the
# quotation or introduces the post ("… ouch. #tag.”", "tweeted:"), then blank lines
_BETWEEN = re.compile(r"(?:[^\n]*[\"”’:])?[\s.,;]*")


def post_dates(text: str) -> list[tuple[int, DateValue]]:
    """Each embedded post with a date: where its tag opens, and its day (explicit, to the day)."""
    out = []
    for m in _POST.finditer(text):
        value = _post_day(m)
        if value is not None:
            out.append((m.start(), value))
    return out


def _post_day(m: re.Match) -> DateValue | None:
    if m.group("unix"):
        try:
            iso = datetime.fromtimestamp(int(m.group("unix")), tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
        return DateValue(iso, "explicit", "day", m.group("unix"), m.start("unix"), m.end("unix"))
    found = resolve(m.group("written"), None)
    if found is None or found[1] != "explicit" or found[0] is None:
        return None  # a post dated without its year, or to no day, dates nothing
    return DateValue(found[0], "explicit", "day", m.group("written"), m.start("written"), m.end("written"))


def quoted_posts(doc: Doc, contents: list[frozenset[int]]) -> list[DateValue | None]:
    """For each statement's content (token indices; empty for one dated otherwise), the day of the post it quotes."""
    text = text_of(doc)
    posts = post_dates(text)
    if not posts:
        return [None] * len(contents)
    return [quoted_post(text, posts, doc[max(c)].idx + len(doc[max(c)])) if c else None for c in contents]


def quoted_post(text: str, posts: list[tuple[int, DateValue]], end: int) -> DateValue | None:
    """The day of the post a statement ending at ``end`` quotes: the post whose tag follows it with nothing but
    closing marks and blank lines between ("X tweeted: “…”" above the embedded tweet)."""
    after = bisect_left(posts, end, key=_first)
    if after == len(posts):
        return None
    start, value = posts[after]
    return value if _BETWEEN.fullmatch(text, end, start) else None


def _first(item: tuple) -> int:
    return item[0]
