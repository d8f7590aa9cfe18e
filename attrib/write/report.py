"""Corpus rows (``attrib speakers``, ``attrib quotes``): a Rich table for people, JSON Lines or CSV for scripts."""

from __future__ import annotations

import csv
import json
from typing import IO

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .csv_cells import neutralised_row

REPORT_FORMATS = ("table", "jsonl", "csv")
GENDER_LABELS = {"f": "woman", "m": "man", None: "gender ?"}
# the table's columns per kind of row: (heading, field); lists print joined, shares as per cent
TABLE_COLUMNS = {
    "speakers": (
        ("Speaker", "who"),
        ("Type", "type_gender"),
        ("Title", "title"),
        ("#", "attributions"),
        ("Art.", "articles"),
        ("First, last", "dates"),
        ("D/I/M", "kinds"),
        ("Cues", "cues"),
    ),
    "groups": (
        ("Group", "group"),
        ("Speaker", "name"),
        ("Key", "speaker_key"),
        ("#", "attributions"),
        ("Articles", "articles"),
    ),
    "quotes": (
        ("Statement", "statement"),
        ("Speaker", "speaker"),
        ("Art.", "articles"),
        ("Outlets", "outlets"),
        ("First", "first"),
    ),
    "shares": (
        ("Group", "group"),
        ("Speakers", "speakers"),
        ("Share", "speaker_share"),
        ("Attributions", "attributions"),
        ("Share", "attribution_share"),
    ),
}


def write_report(rows: list[dict], kind: str, fmt: str, out: IO[str], title: str, color: bool = False) -> None:
    """``rows`` of one ``kind`` (speakers, groups or shares) to ``out`` in ``fmt``."""
    if fmt == "jsonl":
        out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    elif fmt == "csv":
        fields = list(rows[0]) if rows else [f for _, f in TABLE_COLUMNS[kind]]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            cells = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in r.items()}
            writer.writerow(neutralised_row(cells))
    else:
        Console(file=out, force_terminal=color, no_color=not color, highlight=False).print(_table(rows, kind, title))


def _table(rows: list[dict], kind: str, title: str) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, show_lines=kind == "speakers")
    for heading, _ in TABLE_COLUMNS[kind]:
        table.add_column(
            heading,
            justify="right"
            if heading in ("#", "Art.", "Articles", "Outlets", "Speakers", "Share", "Attributions")
            else "left",
            no_wrap=heading in ("#", "Art.", "First, last", "D/I/M"),
        )
    for r in rows:
        table.add_row(*(_cell(r, f) for _, f in TABLE_COLUMNS[kind]))
    return table


def _cell(row: dict, field: str) -> str:
    if field == "who":
        return f"{escape(row['name'])}\n[dim]{escape(row['speaker_key'])}[/dim]"
    if field == "statement":
        return escape(row["text"] if len(row["text"]) <= 160 else row["text"][:157] + "...")
    if field == "first":
        return f"{row['first_date'] or ''}\n[dim]{escape(row['first_outlet'])}[/dim]"
    if field == "kinds":
        return f"{row['direct']}/{row['indirect']}/{row['mixed']}"
    if field == "dates":
        return f"{row['first'] or ''}\n{row['last'] or ''}"
    if field == "type_gender":
        gender = GENDER_LABELS[row["gender"]] + (" (census)" if row["gender_source"] == "census" else "")
        return f"{row['type']}\n[dim]{gender}[/dim]" if row["type"] == "person" else str(row["type"])
    value = row.get(field)
    if field.endswith("_share"):
        return f"{100 * value:.1f}%"
    if isinstance(value, list):
        return escape(", ".join(value[:2]))
    return "" if value is None else escape(str(value))
