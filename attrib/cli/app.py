"""The ``attrib`` command: thin commands over the library; errors become one line each (``common.fail``)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from contextlib import nullcontext, suppress
from importlib import resources
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from .. import __version__
from ..batch.cluster import ShardOptions
from ..corpus.store import SqliteWriter
from ..errors import AttribError, OutputError, one_line
from ..read.articles import Fields, Reading, read_inputs
from ..read.totals import article_total
from ..read.web import DEFAULT_TIMEOUT
from ..write.html_report import render
from ..write.output import FORMATS, make_writer
from ..write.review import is_output, read_output, with_texts
from ..write.selection import Selection
from .cluster import run_on_cluster
from .common import count, fail, not_an_input, progress_bar, stderr
from .options import (
    DEFAULT_ARTICLE_TIMEOUT,
    AnyLanguage,
    ArticleTimeout,
    DaskAddress,
    Date,
    DateField,
    Encoding,
    ExtractPaths,
    FollowSymlinks,
    Format,
    HtmlField,
    IdField,
    Jobs,
    Kind,
    Learned,
    MaxChars,
    MinConfidence,
    Model,
    OutputFile,
    PartitionSize,
    Quiet,
    Resume,
    SpeakerType,
    SpeechOnly,
    TextField,
    Timeout,
    WithText,
)
from .quotes import quotes
from .speakers import speakers

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
# formats a run can append to: a JSON document or a CSV with its header cannot be
RESUMABLE = ("jsonl", "articles", "sqlite")


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


@app.command(epilog=EXTRACT_EXAMPLES)
def extract(
    paths: ExtractPaths = None,
    fmt: Format = None,
    output: OutputFile = None,
    date: Date = None,
    model: Model = None,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date_field: DateField = "date",
    html_field: HtmlField = "html",
    timeout: Timeout = DEFAULT_TIMEOUT,
    any_language: AnyLanguage = False,
    encoding: Encoding = None,
    follow_symlinks: FollowSymlinks = False,
    with_text: WithText = False,
    jobs: Jobs = 1,
    max_chars: MaxChars = None,
    article_timeout: ArticleTimeout = DEFAULT_ARTICLE_TIMEOUT,
    quiet: Quiet = False,
    resume: Resume = False,
    dask: DaskAddress = None,
    partition_size: PartitionSize = 100,
    learned: Learned = True,
    kind: Kind = None,
    min_confidence: MinConfidence = 0.0,
    speaker_type: SpeakerType = None,
    speech_only: SpeechOnly = False,
) -> None:
    """Find every attribution in the articles and print who said what, and when."""
    selection = Selection(frozenset(kind or ()), min_confidence, frozenset(speaker_type or ()), speech_only)
    fields = Fields(text_field, id_field, date_field, html_field)
    reading = Reading(timeout, any_language, encoding, follow_symlinks, max_chars)
    if dask:
        _no_filters(selection)
        options = ShardOptions(fmt or "jsonl", model, max_chars, date, fields, reading, learned)
        run_on_cluster(paths, output, dask, options, partition_size, quiet)
    paths = _paths_or_stdin(paths)
    not_an_input(paths, output)
    fmt = _output_format(fmt, output, resume)
    extractor = _extractor(model, jobs, max_chars, learned, article_timeout)
    sink = _open_sink(fmt, output, resume)
    # a table on the terminal shows its own progress: a bar there would be drawn between its rows
    progress = progress_bar(quiet or (output is None and fmt == "table" and sys.stdout.isatty()))
    summary = _run(
        *(extractor, sink, read_inputs(paths, fields, reading), progress),
        article_total(paths, follow_symlinks) if progress else None,
        output,
        date=date,
        select=selection.apply,  # the filters, before the writer
        # offsets index the extracted text, not the HTML: it goes with the records; a database sketches it
        with_text=lambda article: article.extracted or with_text or fmt in ("html", "sqlite"),
    )
    if not quiet:
        skipped = f", {summary.skipped} already done" if resume else ""
        stderr.print(
            f"{count(summary.articles, 'article')} read, {count(summary.attributions, 'attribution')} written, "
            f"{summary.failed} failed{skipped}, {summary.seconds:.1f} s",
            style="dim",
        )
    raise typer.Exit(1 if summary.failed else 0)


def _no_filters(selection: Selection) -> None:
    if selection:
        raise typer.BadParameter("filters do not run on a cluster: filter its output", param_hint="--dask")


def _paths_or_stdin(paths: Optional[List[str]]) -> List[str]:
    if paths:
        return paths
    if sys.stdin.isatty():
        raise typer.BadParameter("give at least one path, or - to read stdin", param_hint="PATHS")
    return ["-"]


def _output_format(fmt: Optional[str], output: Optional[Path], resume: bool) -> str:
    """--format as given, else by -o's extension, else a table for a person and JSONL for a pipe."""
    if fmt is None:
        fmt = OUTPUT_FORMATS.get(output.suffix.lower()) if output else ("table" if sys.stdout.isatty() else "jsonl")
        if fmt is None:
            known = ", ".join(OUTPUT_FORMATS)
            raise typer.BadParameter(
                f"{output.suffix or 'no extension'!r} is not one of {known}: give --format", param_hint="-o"
            )
    if fmt not in FORMATS + ("sqlite",):
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS + ('sqlite',))}", param_hint="--format")
    if fmt == "sqlite" and output is None:
        raise typer.BadParameter("a database needs -o FILE", param_hint="--format")
    if resume and (output is None or fmt not in RESUMABLE):
        raise typer.BadParameter(f"needs -o FILE and --format {', '.join(RESUMABLE)}", param_hint="--resume")
    return fmt


def _extractor(model: Optional[str], jobs: int, max_chars: Optional[int], learned: bool, article_timeout: float):
    from ..extractor import Extractor  # spaCy loads only when there is work to do

    try:
        return Extractor(model=model, jobs=jobs, max_chars=max_chars, learned=learned, article_timeout=article_timeout)
    except AttribError as e:
        fail(str(e))
        raise typer.Exit(1) from None


def _open_sink(fmt: str, output: Optional[Path], resume: bool):
    """Where the results go; a usage error when it cannot be opened."""
    from ..batch.runner import StreamSink

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
    return sink


def _run(extractor, sink, items, progress, total: Optional[int], output: Optional[Path], **options):
    """The library's batch run behind a progress bar; a closed pipe ends it quietly, a full disk with one line."""
    from ..batch.runner import run

    with progress or nullcontext():
        task = progress.add_task("articles", total=total) if progress else None
        try:
            summary = run(
                extractor,
                items,
                sink,
                on_error=fail,
                # per article, skipped ones included: N/total and the ETA move with every article
                on_article=(lambda s: progress.update(task, completed=s.articles + s.skipped)) if progress else None,
                **options,
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
        except Exception as e:  # a worker lost, a bug: one line, and the output closed as a valid document
            fail(f"{output or '<stdout>'}: the run stopped: {one_line(e)}; what is written is whole")
            with suppress(Exception):
                sink.close()
            raise typer.Exit(1) from None
    return summary


@app.command()
def show(
    # not required for Typer, checked below: Typer writes a required argument as "{paths}..." in the usage line
    paths: Annotated[
        Optional[List[str]],
        typer.Argument(metavar="PATHS", help="Articles (as for extract), or attrib's own .jsonl/.json output."),
    ] = None,
    output: OutputFile = None,
    texts: Annotated[
        Optional[List[str]], typer.Option("--texts", help="The articles an output file was made from.")
    ] = None,
    date: Date = None,
    model: Model = None,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date_field: DateField = "date",
    html_field: HtmlField = "html",
    timeout: Timeout = DEFAULT_TIMEOUT,
    any_language: AnyLanguage = False,
    encoding: Encoding = None,
    quiet: Quiet = False,
    learned: Learned = True,
) -> None:
    """Write one self-contained HTML page showing the articles with their attributions highlighted."""
    if not paths:
        raise typer.BadParameter("give at least one article or attrib output file", param_hint="PATHS")
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
            quiet=quiet,
            learned=learned,
        )
    not_an_input(outputs + list(texts or []), output)
    articles, failed = _reviewed(outputs, texts or [], fields, reading, date)
    try:
        with open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout) as out:
            out.write(render(articles))
    except OSError as e:
        fail(f"{output}: cannot write: {e.strerror}")
        raise typer.Exit(2) from None
    if not quiet:
        stderr.print(f"{count(len(articles), 'article')} in the report, {failed} failed", style="dim")
    raise typer.Exit(1 if failed else 0)


def _reviewed(outputs: list[str], texts: list[str], fields: Fields, reading: Reading, date: Optional[str]):
    """The articles of attrib output files with their texts: from the output, else from --texts."""
    found = [a for p in outputs for a in read_output(p)]
    # never from the file a record's doc names: a crafted record would put any file's text into a mailed report
    known, failed = {}, 0
    for item in read_inputs(texts, fields, reading):
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

    from ..pipeline import load_pipeline

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
                "optional": _optional_parts(),
            },
            indent=2,
        )
    )


def _optional_parts() -> dict:
    """The parts that need more than the core install, and whether each imports here."""
    from ..batch.cluster import dask_problem
    from ..read.web import html_problem

    parts = {
        "html": ("HTML files and URLs", "trafilatura", html_problem()),
        "dask": ("--dask", "dask, distributed", dask_problem()),
    }
    return {
        name: {"for": use, "modules": modules, "imports": problem is None, "problem": problem}
        for name, (use, modules, problem) in parts.items()
    }


app.command()(speakers)
app.command()(quotes)
