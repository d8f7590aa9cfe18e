"""Writers: JSON Lines, JSON, CSV for scripts, and a Rich table for people."""
from __future__ import annotations

import csv
import json
from typing import IO, Protocol

from rich.console import Console
from rich.table import Table

from .extractor import ArticleResult
from .records import FIELDS

FORMATS = ("table", "jsonl", "json", "csv")
# the table shows this much of a quote; the data formats always carry it whole
TABLE_QUOTE_CHARS = 240


class Writer(Protocol):
    def write(self, result: ArticleResult) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """One attribution a line."""

    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, result: ArticleResult) -> None:
        # an article's lines go out together and are flushed: a killed run leaves whole lines only
        self.out.write("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in result.attributions))
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter(JsonlWriter):
    """One object per article ({doc, date, speakers, attributions}), one article a line."""

    def write(self, result: ArticleResult) -> None:
        self.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self.out.flush()


class CsvWriter(JsonlWriter):
    """The JSONL fields as columns; quote_spans as a JSON array."""

    def __init__(self, out: IO[str]):
        super().__init__(out)
        self.csv = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        self.csv.writeheader()

    def write(self, result: ArticleResult) -> None:
        for a in result.attributions:
            row = a.to_dict()
            row["quote_spans"] = json.dumps(row["quote_spans"])
            self.csv.writerow(row)
        self.out.flush()


class TableWriter:
    """A readable table per article, with its speakers under it."""

    def __init__(self, out: IO[str], color: bool):
        width = None if color else 100
        self.console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False)

    def write(self, result: ArticleResult) -> None:
        table = Table(title=f"{result.doc}  ({result.date or 'no date'})", show_lines=True, expand=True)
        table.add_column("Speaker", ratio=2, overflow="fold")
        table.add_column("Quote", ratio=6, overflow="fold")
        table.add_column("Kind", ratio=1)
        table.add_column("Cue", ratio=1, overflow="fold")
        table.add_column("Date", ratio=1, no_wrap=True)
        for a in result.attributions:
            speaker = a.speaker or (f"({a.speaker_mention}?)" if a.speaker_mention else "?")
            if a.speaker_title:
                speaker += f"\n{a.speaker_title}"
            table.add_row(speaker, shorten(" … ".join(a.quote[s - a.quote_start : e - a.quote_start] for s, e in a.quote_spans)), a.kind, a.cue or "", a.date or "")
        self.console.print(table)
        if result.speakers:
            speakers = Table(title="Speakers", expand=True)
            for name, ratio in (("Id", 1), ("Name", 3), ("Type", 2), ("Titles", 3), ("Also called", 4), ("#", 1)):
                speakers.add_column(name, ratio=ratio, overflow="fold")
            for s in result.speakers:
                others = [a for a in s.aliases if a != s.name]
                speakers.add_row(s.speaker_id, s.name, s.type, "; ".join(s.titles), "; ".join(others), str(s.attributions))
            self.console.print(speakers)
        if not result.attributions:
            self.console.print("no attributions found")

    def close(self) -> None:
        pass


def shorten(text: str, limit: int = TABLE_QUOTE_CHARS) -> str:
    """One line of text, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def make_writer(fmt: str, out: IO[str], color: bool = False) -> Writer:
    if fmt == "table":
        return TableWriter(out, color)
    return {"jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter}[fmt](out)
