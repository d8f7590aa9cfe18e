"""The HTML report: one self-contained page showing each article with its attributions highlighted.

Every content is a ``<mark class="q">`` in its speaker's colour, cues, speaker mentions and date
expressions are marked too; marks are nested, and one that crosses another is split into pieces
carrying the same attribution number (``data-a``). The page needs no network: its CSS, script and
data are inline, and it reads without the script (colours, tooltips) and prints.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from html import escape
from importlib import resources

# speakers' hues step by the golden angle: neighbours in the list differ most, and no colour repeats
GOLDEN_ANGLE = 137.508
UNRESOLVED = "#dddddd"
# the key of attributions whose speaker could not be named
NO_SPEAKER = "?"
# outer marks open first: a content before the cue and the speaker inside it
ORDER = {"q": 0, "who": 1, "cue": 2, "when": 3}


@dataclass(frozen=True)
class Mark:
    """A stretch of text to mark: ``kind`` is q (content), cue, who (speaker mention) or when (date)."""

    start: int
    end: int
    kind: str
    attributions: tuple[int, ...]
    speaker: str
    title: str = ""  # the tooltip


def speaker_key(record: dict) -> str:
    return record.get("speaker_id") or NO_SPEAKER


def colours(records: list[dict]) -> dict[str, str]:
    """Each speaker's colour, in order of first attribution."""
    keys = list(dict.fromkeys(speaker_key(r) for r in records))
    named = [k for k in keys if k != NO_SPEAKER]
    # light backgrounds that keep black text readable
    out = {k: f"hsl({(40 + i * GOLDEN_ANGLE) % 360:.0f} 80% 80%)" for i, k in enumerate(named)}
    out[NO_SPEAKER] = UNRESOLVED
    return out


def marks_of(records: list[dict]) -> list[Mark]:
    """The marks of an article's attributions; a cue or mention shared by several is marked once."""
    found: dict[tuple[int, int, str], list[int]] = {}
    speakers: dict[tuple[int, int, str], str] = {}
    titles: dict[tuple[int, int, str], str] = {}
    for i, r in enumerate(records):
        spans = [(s, e, "q") for s, e in r["quote_spans"]]
        for kind, start, end in (
            ("cue", "cue_start", "cue_end"),
            ("who", "speaker_start", "speaker_end"),
            ("when", "date_start", "date_end"),
        ):
            if r.get(start) is not None and r.get(end) is not None:
                spans.append((r[start], r[end], kind))
        for start, end, kind in spans:
            # every content piece is its own mark; a shared cue, mention or date is one
            key = (start, end, f"q{i}") if kind == "q" else (start, end, kind)
            found.setdefault(key, []).append(i)
            speakers.setdefault(key, speaker_key(r))
            titles.setdefault(key, tooltip(r) if kind == "q" else r.get("speaker") or "" if kind == "who" else "")
    return [
        Mark(s, e, k.rstrip("0123456789"), tuple(a), speakers[(s, e, k)], titles[(s, e, k)])
        for (s, e, k), a in found.items()
        if e > s
    ]


def highlight(text: str, marks: list[Mark], colour: dict[str, str]) -> str:
    """The escaped text with properly nested marks; a mark crossing an open one is split at its end."""
    heap = [(m.start, -m.end, ORDER[m.kind], n, m) for n, m in enumerate(marks)]
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    counter = len(marks)
    while heap:
        _, _, _, _, mark = heapq.heappop(heap)
        while stack and stack[-1].end <= mark.start:
            pos = _close(text, out, stack.pop(), pos)
        if stack and mark.end > stack[-1].end:
            # the rest goes back to the queue and opens again once the enclosing mark is closed
            rest = replace(mark, start=stack[-1].end)
            heapq.heappush(heap, (rest.start, -rest.end, ORDER[rest.kind], counter, rest))
            counter += 1
            mark = replace(mark, end=stack[-1].end)
        out.append(escape(text[pos : mark.start], quote=False))
        pos = mark.start
        out.append(_open(mark, colour))
        stack.append(mark)
    while stack:
        pos = _close(text, out, stack.pop(), pos)
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def _close(text: str, out: list[str], mark: Mark, pos: int) -> int:
    out.append(escape(text[pos : mark.end], quote=False) + "</mark>")
    return mark.end


def _open(mark: Mark, colour: dict[str, str]) -> str:
    numbers = " ".join(map(str, mark.attributions))
    style = f' style="--c:{colour[mark.speaker]}"' if mark.kind in ("q", "who") else ""
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    return f'<mark class="{mark.kind}" data-a="{numbers}" data-s="{escape(mark.speaker)}"{style}{title}>'


def tooltip(record: dict) -> str:
    """One line about an attribution: speaker, kind, cue and date."""
    who = record.get("speaker") or record.get("speaker_mention") or "unresolved speaker"
    parts = [who, record["kind"]]
    if record.get("cue"):
        parts.append(f"cue “{record['cue']}”")
    if record.get("date"):
        parts.append(f"{record['date']} ({record.get('date_source') or 'date'})")
    return " · ".join(parts)


def speaker_names(article: dict) -> dict[str, str]:
    """Each speaker key's canonical name: the article's speaker list, else the records' names."""
    names = {s["speaker_id"]: s["name"] for s in article.get("speakers") or []}
    for r in article["attributions"]:
        names.setdefault(speaker_key(r), r.get("speaker") or "unresolved speaker")
    names[NO_SPEAKER] = "unresolved speaker"
    return names


def article_html(number: int, article: dict) -> str:
    """One article: its heading, the speaker list that filters the highlights, and the marked text."""
    records = article["attributions"]
    colour, names = colours(records), speaker_names(article)
    counts = Counter(speaker_key(r) for r in records)
    buttons = [f'<button type="button" data-speaker="" aria-pressed="true">all <b>{len(records)}</b></button>']
    for key, count in counts.most_common():
        buttons.append(
            f'<button type="button" data-speaker="{escape(key)}" aria-pressed="false" style="--c:{colour[key]}">'
            f"<i></i>{escape(names[key])} <b>{count}</b></button>"
        )
    date = escape(article.get("date") or "no date")
    return (
        f'<article id="a{number}" data-i="{number}">\n'
        f'<header><h2>{escape(article["doc"])}</h2><p class="meta">{date} · {len(records)} attributions · '
        f"{len(counts)} speakers</p>\n"
        f'<nav class="speakers" aria-label="speakers">{"".join(buttons)}</nav></header>\n'
        f'<div class="text">{highlight(article["text"], marks_of(records), colour)}</div>\n'
        "</article>\n"
    )


def index_html(articles: list[dict]) -> str:
    """A table of the articles, with links, when there is more than one."""
    rows = []
    for number, article in enumerate(articles):
        counts = Counter(r.get("speaker") or "unresolved speaker" for r in article["attributions"])
        top = ", ".join(name for name, _ in counts.most_common(3))
        rows.append(
            f'<tr><td><a href="#a{number}">{escape(article["doc"])}</a></td><td>{escape(article.get("date") or "")}'
            f'</td><td class="n">{len(article["attributions"])}</td><td>{escape(top)}</td></tr>'
        )
    return (
        '<section id="index"><h2>Articles</h2><table><thead><tr><th>article</th><th>date</th>'
        f'<th class="n">attributions</th><th>main speakers</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></section>\n"
    )


def render(articles: Iterable[dict], title: str = "attrib report") -> str:
    """The whole page for articles given as ``{doc, date, text, attributions, speakers}`` dicts."""
    articles = list(articles)
    total = sum(len(a["attributions"]) for a in articles)
    body = [f'<h1>{escape(title)}</h1><p class="meta">{len(articles)} articles · {total} attributions</p>\n']
    if len(articles) > 1:
        body.append(index_html(articles))
    body.extend(article_html(n, a) for n, a in enumerate(articles))
    data = [{"doc": a["doc"], "attributions": a["attributions"]} for a in articles]
    files = resources.files(__package__)
    page = files.joinpath("html_report.html").read_text(encoding="utf-8")
    return (
        page.replace("/*STYLE*/", files.joinpath("html_report.css").read_text(encoding="utf-8"))
        .replace("/*SCRIPT*/", files.joinpath("html_report.js").read_text(encoding="utf-8"))
        # "<" escaped: no "</script>" inside a record can end the data block
        .replace("/*DATA*/", json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
        .replace("<!--TITLE-->", escape(title))
        # the articles go in last: nothing in their text is taken for a placeholder
        .replace("<!--BODY-->", "".join(body))
    )
