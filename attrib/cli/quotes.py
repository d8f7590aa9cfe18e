"""``attrib quotes``: the statements several articles printed, with the article that printed each first."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack, nullcontext
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import AttribError
from .common import fail, not_an_input, spooled

# what -o FILE's extension means when --format is not given
FILE_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".txt": "table"}


def quotes(
    paths: List[str] = typer.Argument(
        None, help="attrib output: JSONL records, json articles or a SQLite database; - for stdin."
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the clusters to FILE (.jsonl or .csv)."),
    min_articles: int = typer.Option(
        2, "--min-articles", min=1, help="Clusters printed by this many articles or more."
    ),
    top: Optional[int] = typer.Option(
        None, "--top", "-n", min=1, help="Clusters to print [default: 20 in a table, else all]."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        help="table, jsonl or csv [default: by -o's extension, a table on a terminal, else jsonl]",
    ),
    dedupe: bool = typer.Option(
        False, "--dedupe", help="Count a wire group (near-duplicate article texts) once: its first article."
    ),
    texts: Optional[List[str]] = typer.Option(
        None, "--texts", help="The articles the output was made from (for --dedupe; a database keeps its own)."
    ),
) -> None:
    """Who said it first, and who repeated it: one statement's records across articles and outlets."""
    from ..write.report import REPORT_FORMATS, write_report

    if not paths:
        raise typer.BadParameter("give at least one attrib output file, or - to read stdin", param_hint="PATHS")
    not_an_input(paths, output)
    if fmt is None and output is not None:
        fmt = FILE_FORMATS.get(output.suffix.lower())
        if fmt is None:
            raise typer.BadParameter(f"{output.suffix or 'no extension'!r}: give --format", param_hint="-o")
    to_terminal = output is None and sys.stdout.isatty()
    fmt = fmt or ("table" if to_terminal else "jsonl")
    if fmt not in REPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    if texts and not dedupe:
        raise typer.BadParameter("goes with --dedupe", param_hint="--texts")
    errors: list[AttribError] = []
    found = _clusters(paths, min_articles, (texts or []) if dedupe else None, errors)
    for e in errors:
        fail(str(e))
    rows = [c.to_dict() for c in found[: top or (20 if fmt == "table" else None)]]
    title = f"{len(found):,} statements printed by {min_articles} articles or more"
    try:
        with open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout) as out:
            write_report(rows, "quotes", fmt, out, title, color=to_terminal)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as e:
        fail(f"{output}: cannot write: {e.strerror or e}")
        raise typer.Exit(2) from None
    raise typer.Exit(1 if errors else 0)


def _clusters(paths: List[str], min_articles: int, texts: Optional[List[str]], errors: list):
    """The quote clusters; with ``texts`` not None (--dedupe), of each wire group's first article only."""
    from ..corpus.corpus import identities
    from ..corpus.quote_clusters import quote_clusters
    from ..corpus.reading import read_records
    from ..corpus.stories import one_per_story, story_groups

    with ExitStack() as stack:
        # two passes read the records (speaker identities, then clusters): stdin is kept in a temporary file
        paths = spooled(paths, stack)
        stories = story_groups(paths, texts, errors.append) if texts is not None else {}
        if stories is None:
            raise typer.BadParameter("needs the article texts: --texts ARTICLES, or a database", param_hint="--dedupe")
        identity = identities(one_per_story(read_records(paths, errors.append), stories))
        return quote_clusters(one_per_story(read_records(paths), stories), identity, min_articles)
