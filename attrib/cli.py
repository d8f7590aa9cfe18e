"""The ``attrib`` command: thin commands over the library; errors become one line each, here only."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from contextlib import ExitStack, nullcontext, suppress
from importlib import resources
from pathlib import Path
from typing import List, Optional

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

from . import __version__
from .articles import Fields, Reading, read_inputs
from .cluster import ShardOptions
from .errors import AttribError, OutputError
from .html_report import render
from .output import FORMATS, make_writer
from .review import is_output, read_output, with_texts
from .store import SqliteWriter
from .web import DEFAULT_TIMEOUT

# plain help: flags read as flags, and "[default: ...]" in a help text stays as written
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Who said what, and when: attributions in news articles.",
)
EXTRACT_EXAMPLES = """Examples:

\b
  attrib extract article.txt
  attrib extract inbox/ -o out.jsonl --resume --jobs 2 --quiet
  attrib extract article.txt --format jsonl | jq -r .speaker
"""
# what -o FILE's extension means when --format is not given
OUTPUT_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".sqlite": "sqlite",
    ".db": "sqlite",
}
stderr = Console(stderr=True, highlight=False)


def fail(message: str) -> None:
    """The one place a problem becomes a line on stderr."""
    # a file name that is not UTF-8 (surrogate escapes) is shown escaped, not as a second error
    stderr.print(f"attrib: {message}".encode("utf-8", "backslashreplace").decode("utf-8"), markup=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"attrib {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Who said what, and when: attributions in news articles."""


def _check_date(value: Optional[str]) -> Optional[str]:
    from .dates import parse_article_date

    if value is None:
        return None
    try:
        return parse_article_date(value).isoformat()
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _check_encoding(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        codecs.lookup(value)
    except LookupError:
        raise typer.BadParameter(f"{value!r} is not an encoding Python knows (latin-1, cp1252, utf-16, ...)") from None
    return value


@app.command(epilog=EXTRACT_EXAMPLES)
def extract(
    paths: List[str] = typer.Argument(
        None, help="Text, .jsonl, .csv or .html files (or .gz of them), http(s) URLs, folders, or - for stdin."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        help="table, jsonl (one attribution a line), json (one document), articles (one article a line), csv, html "
        "or sqlite (with -o) [default: table on a terminal, else jsonl; with -o, by its extension]",
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    date: Optional[str] = typer.Option(
        None,
        "--date",
        callback=_check_date,
        help="Article date YYYY-MM-DD; wins over a JSONL date field and the dateline.",
    ),
    model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline name or path."),
    text_field: str = typer.Option("text", help="JSONL field or CSV column holding the article text."),
    id_field: str = typer.Option("id", help="JSONL field or CSV column holding the article id."),
    date_field: str = typer.Option("date", help="JSONL field or CSV column holding the article date."),
    html_field: str = typer.Option(
        "html", help="JSONL field holding the article as an HTML page (with no text field)."
    ),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.1, help="Seconds to wait for a URL."),
    any_language: bool = typer.Option(False, "--any-language", help="Read articles that are clearly not English too."),
    encoding: Optional[str] = typer.Option(
        None,
        "--encoding",
        callback=_check_encoding,
        help="Encoding of text files that are not UTF-8 (latin-1, cp1252).",
    ),
    follow_symlinks: bool = typer.Option(
        False, "--follow-symlinks", help="Read files a folder reaches through links too."
    ),
    with_text: bool = typer.Option(False, "--with-text", help="--format json: add each article's text (HTML: always)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes to parse with."),
    max_chars: Optional[int] = typer.Option(
        None,
        "--max-chars",
        min=1,
        help="Report articles longer than this many characters as failed, unparsed [default: 1,000,000].",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors on stderr."),
    resume: bool = typer.Option(
        False, "--resume", help="With -o: skip the articles the output already holds whole, append the rest."
    ),
    dask: Optional[str] = typer.Option(
        None,
        "--dask",
        metavar="ADDRESS",
        help="Run on a Dask cluster (scheduler address, or local:N); -o names a folder of shards.",
    ),
    partition_size: int = typer.Option(
        100, "--partition-size", min=1, help="With --dask: articles per partition (one shard each)."
    ),
) -> None:
    """Find every attribution in the articles and print who said what, and when."""
    if dask:
        options = ShardOptions(
            fmt or "jsonl",
            model,
            max_chars,
            date,
            Fields(text_field, id_field, date_field, html_field),
            Reading(timeout, any_language, encoding, follow_symlinks),
        )
        _extract_on_cluster(paths, output, dask, options, partition_size, quiet)
    if not paths:
        if sys.stdin.isatty():
            raise typer.BadParameter("give at least one path, or - to read stdin", param_hint="PATHS")
        paths = ["-"]
    if fmt is None:
        fmt = _format_for(output) if output else ("table" if sys.stdout.isatty() else "jsonl")
        if fmt is None:
            known = ", ".join(OUTPUT_FORMATS)
            raise typer.BadParameter(
                f"{output.suffix or 'no extension'!r} is not one of {known}: give --format", param_hint="-o"
            )
    if fmt not in FORMATS + ("sqlite",):
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS + ('sqlite',))}", param_hint="--format")
    if fmt == "sqlite" and output is None:
        raise typer.BadParameter("a database needs -o FILE", param_hint="--format")
    if resume and (output is None or fmt not in ("jsonl", "articles", "sqlite")):
        # a JSON document or a CSV with its header cannot be appended to
        raise typer.BadParameter("needs -o FILE and --format jsonl, articles or sqlite", param_hint="--resume")
    from .extractor import Extractor  # spaCy loads only when there is work to do
    from .runner import StreamSink, run

    try:
        extractor = Extractor(model=model, jobs=jobs, max_chars=max_chars)
    except AttribError as e:
        fail(str(e))
        raise typer.Exit(1) from None
    try:
        if fmt == "sqlite":
            # the database is its own done-log: an article is in it whole or not at all
            sink = SqliteWriter(output, resume=resume)
        elif output:
            sink = StreamSink.to_file(lambda out: make_writer(fmt, out), output, resume)
        else:
            sink = StreamSink(make_writer(fmt, sys.stdout, color=sys.stdout.isatty()))
    except OutputError as e:
        fail(str(e))
        raise typer.Exit(2) from None
    except (OSError, sqlite3.Error) as e:
        fail(f"{output}: cannot write: {getattr(e, 'strerror', None) or e}")
        raise typer.Exit(2) from None
    fields = Fields(text_field, id_field, date_field, html_field)
    # a table on the terminal shows its own progress: a spinner there would be drawn between its rows
    progress = _progress(quiet or (output is None and fmt == "table" and sys.stdout.isatty()))
    with progress or nullcontext():
        task = progress.add_task("articles", total=_known_total(paths)) if progress else None
        try:
            summary = run(
                extractor,
                read_inputs(paths, fields, Reading(timeout, any_language, encoding, follow_symlinks)),
                sink,
                date=date,
                # offsets index the extracted text, not the HTML: it goes with the records
                with_text=lambda article: article.extracted or with_text or fmt == "html",
                on_error=fail,
                on_article=(lambda s: progress.advance(task)) if progress else None,
            )
            sink.close()
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader went away ("| head"): stop quietly, as Unix tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OutputError as e:
            fail(f"{output or '<stdout>'}: {e}; what is written is whole: --resume completes it")
            with suppress(AttribError, OSError):
                sink.close()
            raise typer.Exit(1) from None
    if not quiet:
        skipped = f", {summary.skipped} already done" if resume else ""
        stderr.print(
            f"{_count(summary.articles, 'article')} read, {_count(summary.attributions, 'attribution')} written, "
            f"{summary.failed} failed{skipped}, {summary.seconds:.1f} s",
            style="dim",
        )
    raise typer.Exit(1 if summary.failed else 0)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _known_total(paths: list[str]) -> int | None:
    """How many articles the inputs hold, when that is known without reading them: one per text or HTML file."""
    from .articles import folder_files, kind_of

    total = 0
    for path in paths:
        p = Path(path)
        files = folder_files(p) if p.is_dir() else [p]
        if any(kind_of(f.name) not in ("text", "html") for f in files):
            return None  # JSONL and CSV files hold an unknown number of articles; so do stdin and URLs
        total += len(files)
    return total


def _extract_on_cluster(paths, output: Optional[Path], address: str, options, partition_size: int, quiet: bool) -> None:
    """``extract --dask``: shards in the ``-o`` folder; complete shards are kept, so a re-run resumes."""
    from .cluster import SHARD_FORMATS, extract_on_cluster

    if not paths:
        raise typer.BadParameter("give the inputs to read (stdin cannot be split)", param_hint="PATHS")
    if output is None or output.exists() and not output.is_dir():
        raise typer.BadParameter("needs -o FOLDER for the shard files", param_hint="--dask")
    if options.fmt not in SHARD_FORMATS:
        raise typer.BadParameter(f"shards are written as {' or '.join(SHARD_FORMATS)}", param_hint="--format")
    progress = _progress(quiet)
    with progress or nullcontext():
        task = progress.add_task("partitions", total=None) if progress else None

        def on_shard(shard, done: int, total: int) -> None:
            for line in shard.errors:
                fail(line)
            if progress:
                progress.update(task, completed=done, total=total)

        try:
            summary = extract_on_cluster(paths, output, address, options, partition_size, on_shard)
        except AttribError as e:
            fail(str(e))
            raise typer.Exit(2) from None
        except OSError as e:
            fail(f"{output}: {e.strerror or e}")
            raise typer.Exit(1) from None
    if not quiet:
        stderr.print(
            f"{summary.shards} shards ({summary.skipped_shards} already complete), {summary.articles} articles read, "
            f"{summary.attributions} attributions written, {summary.failed} failed, {summary.seconds:.1f} s",
            style="dim",
        )
    raise typer.Exit(1 if summary.failed else 0)


def _format_for(path: Path) -> str | None:
    return OUTPUT_FORMATS.get(path.suffix.lower())


def _progress(quiet: bool) -> Progress | None:
    # progress only for a person watching: never in cron logs or pipes
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
    return Progress(*columns, console=stderr, transient=True)


@app.command()
def show(
    paths: List[str] = typer.Argument(..., help="Articles (as for extract), or attrib's own .jsonl/.json output."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    texts: Optional[List[str]] = typer.Option(None, "--texts", help="The articles an output file was made from."),
    date: Optional[str] = typer.Option(None, "--date", callback=_check_date, help="Article date YYYY-MM-DD."),
    model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline name or path."),
    text_field: str = typer.Option("text", help="JSONL field or CSV column holding the article text."),
    id_field: str = typer.Option("id", help="JSONL field or CSV column holding the article id."),
    date_field: str = typer.Option("date", help="JSONL field or CSV column holding the article date."),
    html_field: str = typer.Option("html", help="JSONL field holding the article as an HTML page."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.1, help="Seconds to wait for a URL."),
    any_language: bool = typer.Option(False, "--any-language", help="Read articles that are clearly not English too."),
    encoding: Optional[str] = typer.Option(
        None,
        "--encoding",
        callback=_check_encoding,
        help="Encoding of text files that are not UTF-8 (latin-1, cp1252).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors on stderr."),
) -> None:
    """Write one self-contained HTML page showing the articles with their attributions highlighted."""
    fields, reading = Fields(text_field, id_field, date_field, html_field), Reading(timeout, any_language, encoding)
    outputs = [p for p in paths if is_output(p)]
    if outputs and len(outputs) < len(paths):
        raise typer.BadParameter("give articles or attrib output files, not both", param_hint="PATHS")
    if not outputs:
        extract(
            paths=paths,
            fmt="html",
            output=output,
            date=date,
            model=model,
            text_field=text_field,
            id_field=id_field,
            date_field=date_field,
            html_field=html_field,
            timeout=timeout,
            any_language=any_language,
            encoding=encoding,
            follow_symlinks=False,
            with_text=False,
            jobs=1,
            max_chars=None,
            quiet=quiet,
            resume=False,
            dask=None,
            partition_size=100,
        )
    articles, failed = _reviewed(outputs, texts or [], fields, reading, date)
    try:
        with open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout) as out:
            out.write(render(articles))
    except OSError as e:
        fail(f"{output}: cannot write: {e.strerror}")
        raise typer.Exit(2) from None
    if not quiet:
        stderr.print(f"{len(articles)} articles in the report, {failed} failed", style="dim")
    raise typer.Exit(1 if failed else 0)


def _reviewed(outputs: list[str], texts: list[str], fields: Fields, reading: Reading, date: Optional[str]):
    """The articles of attrib output files with their texts: from the output, --texts, else the file each names."""
    found = [a for p in outputs for a in read_output(p)]
    docs = {str(a["doc"]) for a in found if isinstance(a, dict) and not isinstance(a.get("text"), str)}
    given = list(texts) + sorted(d for d in docs if Path(d).is_file() and not texts)
    known, failed = {}, 0
    for item in read_inputs(given, fields, reading):
        if isinstance(item, AttribError):
            failed += 1
            fail(str(item))
        else:
            known[item.id] = (item.text, date or item.date)
    articles = []
    for item in with_texts(found, known):
        if isinstance(item, AttribError):
            failed += 1
            fail(str(item))
        else:
            articles.append(item)
    return articles, failed


@app.command()
def schema() -> None:
    """Print the JSON Schema of one attribution record (a JSONL line)."""
    typer.echo(resources.files("attrib").joinpath("schema.json").read_text(encoding="utf-8"))


@app.command()
def info(model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline name or path.")) -> None:
    """Print versions, the model in use and where it was loaded from."""
    import spacy

    from .pipeline import load_pipeline

    try:
        nlp = load_pipeline(model)
    except AttribError as e:
        fail(str(e))
        raise typer.Exit(1) from None
    meta = nlp.meta
    typer.echo(
        json.dumps(
            {
                "attrib": __version__,
                "spacy": spacy.__version__,
                "model": f"{meta.get('lang')}_{meta.get('name')}",
                "model_version": meta.get("version"),
                "model_path": str(nlp.path) if getattr(nlp, "path", None) else None,
                "components": nlp.pipe_names,
            },
            indent=2,
        )
    )


@app.command()
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
) -> None:
    """Who is quoted, how often: speakers counted over a corpus, one person under one key."""
    from .corpus import GROUPINGS, bucket_rows, count, identities, read_records, share_rows, speaker_rows
    from .report import REPORT_FORMATS, write_report

    if not paths:
        raise typer.BadParameter("give at least one attrib output file, or - to read stdin", param_hint="PATHS")
    if by is not None and by not in GROUPINGS:
        raise typer.BadParameter(f"{by!r} is not one of {', '.join(GROUPINGS)}", param_hint="--by")
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in REPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    with ExitStack() as stack:
        if "-" in paths:
            # two passes read the records: stdin is kept in a temporary file
            spool = stack.enter_context(tempfile.NamedTemporaryFile("wb", suffix=".jsonl"))
            shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.flush()
            paths = [spool.name if p == "-" else p for p in paths]
        errors: list[AttribError] = []
        identity = identities(read_records(paths, errors.append))
        corpus = count(read_records(paths), identity, by)
    for e in errors:
        fail(str(e))
    if by in ("type", "gender"):
        kind, rows = "shares", share_rows(corpus, by)
    elif by:
        kind, rows = "groups", bucket_rows(corpus, top or (5 if fmt == "table" else None))
    else:
        kind, rows = "speakers", speaker_rows(corpus, top or (20 if fmt == "table" else None))
    title = f"{corpus.articles:,} articles, {corpus.records:,} attributions, {len(corpus.speakers):,} speakers"
    try:
        write_report(rows, kind, fmt, sys.stdout, title + (f", by {by}" if by else ""), color=sys.stdout.isatty())
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(1 if errors else 0)
