"""The options of the ``attrib`` commands, declared once: extract and show share most of them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from ..write.selection import KINDS, SPEAKER_TYPES
from .common import check_choices, check_date, check_encoding

OutputFile = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")]
Date = Annotated[
    Optional[str],
    typer.Option(
        "--date", callback=check_date, help="Article date YYYY-MM-DD; wins over a JSONL date field and the dateline."
    ),
]
Model = Annotated[Optional[str], typer.Option("--model", help="Installed spaCy pipeline name or path.")]
TextField = Annotated[str, typer.Option(help="JSONL field or CSV column holding the article text.")]
IdField = Annotated[str, typer.Option(help="JSONL field or CSV column holding the article id.")]
DateField = Annotated[str, typer.Option(help="JSONL field or CSV column holding the article date.")]
HtmlField = Annotated[str, typer.Option(help="JSONL field holding the article as an HTML page (with no text field).")]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a URL's whole fetch may take.")]
AnyLanguage = Annotated[bool, typer.Option("--any-language", help="Read articles that are clearly not English too.")]
Encoding = Annotated[
    Optional[str],
    typer.Option(
        "--encoding", callback=check_encoding, help="Encoding of text files that are not UTF-8 (latin-1, cp1252)."
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors on stderr.")]
ExtractPaths = Annotated[
    Optional[List[str]],
    typer.Argument(help="Text, .jsonl, .csv or .html files (or .gz of them), http(s) URLs, folders, or - for stdin."),
]
Format = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        help="table, jsonl (one attribution a line), json (one document), articles (one article a line), csv, "
        "html or sqlite (with -o) [default: table on a terminal, else jsonl; with -o, by its extension]",
    ),
]
FollowSymlinks = Annotated[
    bool, typer.Option("--follow-symlinks", help="Read files a folder reaches through links too.")
]
WithText = Annotated[bool, typer.Option("--with-text", help="--format json: add each article's text (HTML: always).")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes to parse with.")]
MaxChars = Annotated[
    Optional[int],
    typer.Option(
        "--max-chars",
        min=1,
        help="Report articles longer than this many characters as failed, unparsed [default: 1,000,000].",
    ),
]
# a 1M-character article takes about two minutes on a laptop: five times that is a pathology, not news
DEFAULT_ARTICLE_TIMEOUT = 600.0
ArticleTimeout = Annotated[
    float,
    typer.Option(
        "--article-timeout",
        metavar="SECONDS",
        min=0,
        help="Fail an article whose analysis takes longer than this many seconds (0: no limit; the run goes on).",
    ),
]
Resume = Annotated[
    bool, typer.Option("--resume", help="With -o: skip the articles the output already holds whole, append the rest.")
]
DaskAddress = Annotated[
    Optional[str],
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        help="Run on a Dask cluster (scheduler address, or local:N); -o names a folder of shards.",
    ),
]
PartitionSize = Annotated[
    int, typer.Option("--partition-size", min=1, help="With --dask: articles per partition (one shard each).")
]
Learned = Annotated[
    bool,
    typer.Option(
        "--learned/--no-learned",
        help="Let the learned cue scorer admit cues the word lists miss and veto unlikely ones (--no-learned: "
        "the rules alone).",
    ),
]
Kind = Annotated[
    Optional[List[str]],
    typer.Option(
        "--kind", callback=check_choices(KINDS), help="Keep only this kind: direct, indirect or mixed (repeatable)."
    ),
]
MinConfidence = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        metavar="0-1",
        help="Keep only records whose speaker_confidence is this or more.",
    ),
]
SpeakerType = Annotated[
    Optional[List[str]],
    typer.Option(
        "--speaker-type",
        callback=check_choices(SPEAKER_TYPES),
        help="Keep only this speaker type: person, organization, group, anonymous or other (repeatable).",
    ),
]
SpeechOnly = Annotated[
    bool,
    typer.Option("--speech-only", help="Keep only speech (act 'speech'): no beliefs, intentions, documents or polls."),
]
