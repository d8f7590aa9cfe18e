"""Resuming an interrupted run: which articles an output file already holds, whole.

Beside ``-o FILE`` a log ``FILE.done`` gets one line per article once all of its records are
flushed: its id and a hash of its text. A resumed run cuts the output back to what the log
vouches for (a half-written line, the lines of an article cut short) and skips the logged articles.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..errors import OutputError
from ..read.articles import Article

# an id is one field of one line of the log: the characters that would end either are escaped
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_UNESCAPE = re.compile(r"\\(.)")


def article_key(article: Article) -> str:
    """An article's identity across runs: its id (escaped) and a hash of its text."""
    return key_of(article.id, hashlib.sha1(article.text.encode("utf-8")).hexdigest())


def key_of(doc_id: str, text_sha1: str) -> str:
    """The key of the article with this id and text hash, as the done log and the database's done set hold it."""
    return f"{doc_id.translate(_ESCAPES)}\t{text_sha1}"


def _id_of(key: str) -> str:
    return _UNESCAPE.sub(lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m[1], m[1]), key.rsplit("\t", 1)[0])


def done_log(output: Path) -> Path:
    return output.with_name(output.name + ".done")


def prepare(output: Path) -> set[str]:
    """Cut ``output`` back to whole articles and return the keys of the articles it holds."""
    log = done_log(output)
    if not output.exists():
        return set()
    if not log.exists() and output.stat().st_size:
        # without the log nothing tells which articles are whole: appending would write them all again
        raise OutputError(
            f"{output} has no log of finished articles ({log.name}): it was not written with --resume; "
            "run without --resume to start it over, or give another -o"
        )
    keys = set(log.read_text(encoding="utf-8").split("\n")) - {""} if log.exists() else set()
    done_ids = {_id_of(k) for k in keys}
    keep = 0
    with output.open("rb") as f:
        offset, run_doc, run_start = 0, None, 0
        for line in f:
            if not line.endswith(b"\n"):
                break  # a half-written last line
            doc = _doc_of(line)
            if doc != run_doc:
                run_doc, run_start = doc, offset
            offset += len(line)
            keep = offset if doc in done_ids else run_start
    with output.open("r+b") as f:
        f.truncate(keep)
    return keys


def _doc_of(line: bytes) -> str | None:
    try:
        return str(json.loads(line).get("doc"))
    except (ValueError, AttributeError):
        return None
