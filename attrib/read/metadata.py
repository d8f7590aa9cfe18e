"""An article's own metadata: its title (headline), author, URL and outlet, from the input or its text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# a headline has a few words and no full stop; a shorter first line is a kicker or boilerplate ("Advertisement")
HEADLINE_WORDS = (4, 30)
# the headline is one of the first lines
HEADLINE_LINES = 3
# a record's fields that name its metadata, as written in JSONL records and CSV columns
META_FIELDS = ("title", "author", "url", "outlet")
# a number or a date names a file, not an outlet ("000_dc11.txt", "2016-09-10_x.txt"): an outlet has a letter
_LETTER = re.compile(r"[^\W\d_]")


def headline(text: str) -> str | None:
    """The first of the first lines that reads as a headline: 4 to 30 words, ending in no full stop."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None  # one paragraph is all text, no headline
    for line in lines[:HEADLINE_LINES]:
        words = len(line.split())
        if HEADLINE_WORDS[0] <= words <= HEADLINE_WORDS[1] and not line.endswith("."):
            return line
    return None


def record_meta(record: dict) -> dict[str, str]:
    """The metadata fields a JSONL record or CSV row gives as strings."""
    return {k: record[k].strip() for k in META_FIELDS if isinstance(record.get(k), str) and record[k].strip()}


def outlet_of(record: dict) -> str:
    """The record's ``outlet`` or ``source`` field; else the host of its ``url`` or URL id; else the id's file
    name up to its first "_" ("polnear:breitbart_2016-09-12_x" -> "breitbart"), unless a number; else "unknown"."""
    for name in ("outlet", "source"):
        if record.get(name):
            return str(record[name])
    doc = str(record.get("doc") or "")
    for address in (record.get("url"), doc):
        if isinstance(address, str) and "://" in address:
            try:
                host = urlsplit(address).hostname or ""
            except ValueError:  # "http://[::1": no host to read
                host = ""
            return host.removeprefix("www.") or "unknown"
    base = re.split(r"[/\\:]", doc)[-1]
    head = base.split("_", 1)[0] if "_" in base else ""
    # a number or a date before the "_" numbers the file, it names no outlet
    return head if _LETTER.search(head) else "unknown"
