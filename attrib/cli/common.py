"""What the ``attrib`` commands share: the one place errors become lines, argument checks and progress."""

from __future__ import annotations

import codecs
import shutil
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..write.printable import printable

# text codecs Python has that are not character sets
NOT_CHARSETS = frozenset({"punycode", "idna"})
stderr = Console(stderr=True, highlight=False)


def fail(message: str) -> None:
    """The one place a problem becomes a line on stderr."""
    # a file name that is not UTF-8 (surrogate escapes) is shown escaped, not as a second error
    # an id's escape sequences and line breaks are shown escaped: the terminal never runs them, the line stays one
    line = printable(f"attrib: {message}").encode("utf-8", "backslashreplace").decode("utf-8")
    stderr.print(line, markup=False, soft_wrap=True)


def not_an_input(paths: list[str], output: Optional[Path]) -> None:
    """A usage error when ``-o`` would overwrite an input or be read back as one (before anything is opened)."""
    from ..read.articles import input_reading

    source = input_reading(paths, output) if output else None
    if source is not None:
        what = "inside the input folder" if Path(source).is_dir() else "the input"
        raise typer.BadParameter(f"{output} is {what} {source}: write the output elsewhere", param_hint="-o")


def check_date(value: Optional[str]) -> Optional[str]:
    from ..read.articles import parse_article_date

    if value is None:
        return None
    try:
        return parse_article_date(value).isoformat()
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def check_encoding(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        info = codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(f"{value!r} is not an encoding Python knows (latin-1, cp1252, utf-16, ...)") from None
    # rot13 and base64 turn bytes into bytes, punycode and idna spell host names: none is how a file's text is kept
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_CHARSETS:
        raise typer.BadParameter(f"{value!r} is not a character encoding of text files (latin-1, cp1252, utf-16, ...)")
    return value


def check_choices(choices: tuple[str, ...]):
    """A callback refusing any value of a repeatable option that is not one of ``choices``."""

    def check(values: Optional[list[str]]) -> Optional[list[str]]:
        for value in values or []:
            if value not in choices:
                raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}")
        return values

    return check


def progress_bar(quiet: bool) -> Progress | None:
    """N/total, elapsed time and ETA on stderr for a person watching: never in cron logs or pipes."""
    if quiet or not sys.stderr.isatty():
        return None
    columns = (
        SpinnerColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        BarColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    # transient: the bar is gone before the output that follows it on the terminal
    return Progress(*columns, console=stderr, transient=True)


def count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def spooled(paths: list[str], stack: ExitStack) -> list[str]:
    """``paths`` with ``-`` replaced by a temporary copy of stdin: commands that read their input twice."""
    if "-" not in paths:
        return paths
    spool = stack.enter_context(tempfile.NamedTemporaryFile("wb", suffix=".jsonl"))
    shutil.copyfileobj(sys.stdin.buffer, spool)
    spool.flush()
    return [spool.name if p == "-" else p for p in paths]
