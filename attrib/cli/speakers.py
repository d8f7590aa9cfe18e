"""``attrib speakers``: who is quoted, how often, over a corpus of attrib's output."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from typing import List, Optional

import typer

from ..errors import AttribError
from ..write.selection import Selection
from .common import count, fail, spooled
from .options import Kind, MinConfidence, SpeakerType, SpeechOnly


def speakers(
    paths: List[str] = typer.Argument(
        None, help="attrib output: JSONL records, json articles or a SQLite database; - for stdin."
    ),
    by: Optional[str] = typer.Option(
        None, "--by", help="Count per day, week, month or outlet, or give shares by type or gender."
    ),
    top: Optional[int] = typer.Option(
        None,
        "--top",
        "-n",
        min=1,
        help="Rows to print (per group with --by a period or outlet) [default: 20 (5 per group) in a table, else all].",
    ),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help="table, jsonl or csv [default: table on a terminal, else jsonl]"
    ),
    dedupe: bool = typer.Option(
        False, "--dedupe", help="Count a wire group (near-duplicate article texts) once: its first article."
    ),
    texts: Optional[List[str]] = typer.Option(
        None, "--texts", help="The articles the output was made from (for --dedupe; a database keeps its own)."
    ),
    kind: Kind = None,
    min_confidence: MinConfidence = 0.0,
    speaker_type: SpeakerType = None,
    speech_only: SpeechOnly = False,
) -> None:
    """Who is quoted, how often: speakers counted over a corpus, one person under one key."""
    from ..corpus.corpus import GROUPINGS, bucket_rows, share_rows, speaker_rows
    from ..write.report import REPORT_FORMATS, write_report

    if not paths:
        raise typer.BadParameter("give at least one attrib output file, or - to read stdin", param_hint="PATHS")
    if by is not None and by not in GROUPINGS:
        raise typer.BadParameter(f"{by!r} is not one of {', '.join(GROUPINGS)}", param_hint="--by")
    if texts and not dedupe:
        raise typer.BadParameter("goes with --dedupe", param_hint="--texts")
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in REPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    errors: list[AttribError] = []
    selection = Selection(frozenset(kind or ()), min_confidence, frozenset(speaker_type or ()), speech_only)
    corpus = _counted(paths, by, (texts or []) if dedupe else None, errors, selection)
    for e in errors:
        fail(str(e))
    if by in ("type", "gender"):
        shape, rows = "shares", share_rows(corpus, by)
    elif by:
        shape, rows = "groups", bucket_rows(corpus, top or (5 if fmt == "table" else None))
    else:
        shape, rows = "speakers", speaker_rows(corpus, top or (20 if fmt == "table" else None))
    title = f"{count(corpus.articles, 'article')}, {count(corpus.records, 'attribution')}"
    title += f", {count(len(corpus.speakers), 'speaker')}"
    try:
        write_report(rows, shape, fmt, sys.stdout, title + (f", by {by}" if by else ""), color=sys.stdout.isatty())
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(1 if errors else 0)


def _counted(paths: List[str], by: Optional[str], texts: Optional[List[str]], errors: list, selection: Selection):
    """The corpus counts of the records ``selection`` keeps; with ``texts`` not None (--dedupe), a wire group's
    first article only."""
    from ..corpus.corpus import count, identities
    from ..corpus.reading import read_records, selected
    from ..corpus.stories import one_per_story, story_groups

    with ExitStack() as stack:
        # two passes read the records: stdin is kept in a temporary file
        paths = spooled(paths, stack)
        stories = story_groups(paths, texts, errors.append) if texts is not None else {}
        if stories is None:
            raise typer.BadParameter("needs the article texts: --texts ARTICLES, or a database", param_hint="--dedupe")
        identity = identities(filter(selection.keeps, one_per_story(read_records(paths, errors.append), stories)))
        # the articles' own facts, where the output keeps them, count the articles without attributions too
        return count(selected(one_per_story(read_records(paths, articles=True), stories), selection), identity, by)
