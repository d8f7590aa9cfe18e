"""Writers: JSON Lines, JSON, CSV for scripts, a Rich table and an HTML report for people."""

from __future__ import annotations

import csv
import json
from typing import IO, Protocol

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..records import FIELDS, ArticleResult
from .csv_cells import neutralised_row
from .html_report import render
from .printable import printable

FORMATS = ("table", "jsonl", "json", "articles", "csv", "html")
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
        self.out.write("".join(dumps(a.to_dict()) + "\n" for a in result.attributions))
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter(JsonlWriter):
    """One JSON document: an array of article objects ({doc, date, speakers, attributions}).

    Each article still goes out whole on a line of its own ("[", then one article a line with the
    separating comma at its end, then "]"), so line-oriented readers can stream it too.
    """

    def __init__(self, out: IO[str]):
        super().__init__(out)
        self.out.write("[")
        self.separator = "\n"

    def write(self, result: ArticleResult) -> None:
        self.out.write(self.separator + dumps(result.to_dict()))
        self.separator = ",\n"
        self.out.flush()

    def close(self) -> None:
        self.out.write("\n]\n")
        self.out.flush()


class ArticlesWriter(JsonlWriter):
    """One article object per line ({doc, date, speakers, attributions}): JSON Lines of articles."""

    def write(self, result: ArticleResult) -> None:
        self.out.write(dumps(result.to_dict()) + "\n")
        self.out.flush()


def dumps(record: dict) -> str:
    """One line of JSON: UTF-8 as it is, but the line and paragraph separators that split lines escaped."""
    text = json.dumps(record, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


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
            self.csv.writerow(neutralised_row(row))
        self.out.flush()


class _PipeConsole(Console):
    """A console that lets a closed pipe end the run as every writer does (Rich would exit with status 1)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


class TableWriter:
    """A readable table per article, with its speakers under it; it fits 80 columns."""

    def __init__(self, out: IO[str], color: bool):
        self.console = _PipeConsole(file=out, force_terminal=color, no_color=not color, highlight=False)

    def write(self, result: ArticleResult) -> None:
        table = Table(
            title=escape(printable(f"{result.doc} ({result.date or 'no date'})")),
            box=box.SIMPLE_HEAD,
            show_lines=True,
            expand=True,
            pad_edge=False,
        )
        table.add_column("Speaker", ratio=2, min_width=12)
        table.add_column("Quote", ratio=5, min_width=20)
        # as wide as its cues, up to a sixth of the screen
        table.add_column("Cue", min_width=12, max_width=max(12, self.console.width // 6))
        table.add_column("Date", width=10, no_wrap=True)
        for a in result.attributions:
            speaker = a.speaker or (f"({a.speaker_mention}?)" if a.speaker_mention else "?")
            if a.speaker_title:
                speaker += f"\n[dim]{escape(a.speaker_title)}[/dim]"
            table.add_row(
                speaker if a.speaker_title else escape(speaker),
                escape(shorten(a.quote_text)),
                f"{escape(a.cue or '–')}\n[dim]{a.kind}[/dim]",
                a.date or "",
            )
        self.console.print(table)
        if result.speakers:
            speakers = Table(title="Speakers", box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
            for name, ratio, width in (
                ("Id", 1, 3),
                ("Name", 3, 12),
                ("Type", 0, 12),
                ("Titles", 3, 8),
                ("Also called", 4, 8),
                ("#", 1, 2),
            ):
                # a ratio of 0 is a fixed-width column
                speakers.add_column(name, ratio=ratio or None, width=None if ratio else width, min_width=width)
            for s in result.speakers:
                others = [a for a in s.aliases if a != s.name]
                speakers.add_row(
                    *(
                        escape(x)
                        for x in (
                            s.speaker_id,
                            s.name,
                            s.type,
                            "; ".join(s.titles),
                            "; ".join(others),
                            str(s.attributions),
                        )
                    )
                )
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


class HtmlWriter:
    """The HTML report (attrib/write/html_report.py) of all articles, written once the last is in (with texts)."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.articles: list[dict] = []

    def write(self, result: ArticleResult) -> None:
        self.articles.append(result.to_dict())

    def close(self) -> None:
        self.out.write(render(self.articles))
        self.out.flush()


def make_writer(fmt: str, out: IO[str], color: bool = False) -> Writer:
    if fmt == "table":
        return TableWriter(out, color)
    writers = {
        "jsonl": JsonlWriter,
        "json": JsonWriter,
        "articles": ArticlesWriter,
        "csv": CsvWriter,
        "html": HtmlWriter,
    }
    return writers[fmt](out)
