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

from ..find.quotes import Quotations, quoted_spans
from ..lexicon import number_words

# twelve hues 30 degrees apart are told apart at a glance; steps of 5 put far hues next to each other
HUES, HUE_STEP = 12, 5
# past the hues, the same hue comes back with a pattern, then darker: 12 x 5 x 2 looks distinct
PATTERNS, SHADES = 5, ("80% 80%", "70% 68%")
UNRESOLVED = "#dddddd"
# the key of attributions whose speaker could not be named
NO_SPEAKER = "?"
# outer marks open first: a content (or a quotation no attribution took) before the cue and the speaker inside it
ORDER = {"q": 0, "free": 0, "who": 1, "cue": 2, "when": 3}
FREE_TITLE = "a quotation no attribution took"
SEARCH = (
    '<p class="search"><input type="search" id="search" placeholder="Search speakers and quotes" '
    'aria-label="search speakers and quotes"> <span id="found" aria-live="polite"></span></p>\n'
)


@dataclass(frozen=True)
class Swatch:
    """A speaker's look: a background colour and a pattern over it (0: none)."""

    colour: str
    pattern: int = 0

    def style(self) -> str:
        return f"--c:{self.colour}"

    def css_class(self) -> str:
        return f" p{self.pattern}" if self.pattern else ""


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


def colours(records: list[dict]) -> dict[str, Swatch]:
    """Each speaker's swatch, in order of first attribution: no two speakers of an article look alike."""
    keys = list(dict.fromkeys(speaker_key(r) for r in records))
    named = [k for k in keys if k != NO_SPEAKER]
    out = {k: swatch(i) for i, k in enumerate(named)}
    out[NO_SPEAKER] = Swatch(UNRESOLVED)
    return out


def swatch(i: int) -> Swatch:
    """The i-th speaker's swatch: hue, then pattern, then shade change; past 120 the hues shift by half a step."""
    hue = (40 + (i * HUE_STEP % HUES) * 360 / HUES + 15 * (i // (HUES * PATTERNS * len(SHADES)) % 2)) % 360
    # light backgrounds that keep black text readable
    shade = SHADES[i // (HUES * PATTERNS) % len(SHADES)]
    return Swatch(f"hsl({hue:.0f} {shade})", i // HUES % PATTERNS)


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


def free_quotations(text: str, records: list[dict]) -> list[Mark]:
    """The quotations of the text that no attribution's content touches, shown as such."""
    quotations = Quotations(quoted_spans(text))
    taken = {id(q) for r in records for s, e in r["quote_spans"] for q in quotations.touching(s, e)}
    return [Mark(q.start, q.end, "free", (), "", FREE_TITLE) for q in quotations if id(q) not in taken]


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


def _open(mark: Mark, colour: dict[str, Swatch]) -> str:
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    if mark.kind == "free":
        return f'<mark class="free"{title}>'
    numbers = " ".join(map(str, mark.attributions))
    look = colour[mark.speaker] if mark.kind in ("q", "who") else None
    style = f' style="{look.style()}"' if look else ""
    css = mark.kind + (look.css_class() if look else "")
    return f'<mark class="{css}" data-a="{numbers}" data-s="{escape(mark.speaker)}"{style}{title}>'


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


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def article_html(number: int, article: dict) -> str:
    """One article: its heading, the speaker list (the legend, which filters the highlights), and the marked text."""
    records = article["attributions"]
    colour, names = colours(records), speaker_names(article)
    counts = Counter(speaker_key(r) for r in records)
    buttons = [f'<button type="button" data-speaker="" aria-pressed="true">all <b>{len(records)}</b></button>']
    for key, count in counts.most_common():
        look = colour[key]
        buttons.append(
            f'<button type="button" data-speaker="{escape(key)}" aria-pressed="false" style="{look.style()}">'
            f'<i class="swatch{look.css_class()}"></i>{escape(names[key])} <b>{count}</b></button>'
        )
    date = escape(article.get("date") or "no date")
    marks = marks_of(records) + free_quotations(article["text"], records)
    return (
        f'<article id="a{number}" data-i="{number}">\n'
        f'<header><h2>{escape(article["doc"])}</h2><p class="meta">{date} · {plural(len(records), "attribution")} · '
        f"{plural(len(counts), 'speaker')}</p>\n"
        f'<nav class="speakers" aria-label="speakers">{"".join(buttons)}</nav></header>\n'
        f'<div class="text">{highlight(article["text"], marks, colour)}</div>\n'
        "</article>\n"
    )


def main_speakers(records: list[dict], top: int = 3) -> list[str]:
    """The names most quoted in an article, leaving out what no one is: unnamed speakers and numbers
    ("Twelve percent", "two"), whatever the resolver let through."""
    counts = Counter(r.get("speaker") for r in records if isinstance(r.get("speaker"), str))
    return [name for name, _ in counts.most_common() if not is_number(name)][:top]


def is_number(name: str) -> bool:
    """A name whose first word is a numeral ("12", "Twelve percent", "two") names an amount, not a speaker."""
    words = name.split()
    return not words or any(c.isdigit() for c in words[0]) or words[0].lower() in number_words()


def index_html(articles: list[dict]) -> str:
    """A table of the articles, with links, when there is more than one."""
    rows = []
    for number, article in enumerate(articles):
        top = ", ".join(main_speakers(article["attributions"]))
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
    body = [
        f'<h1>{escape(title)}</h1><p class="meta">{plural(len(articles), "article")} · '
        f"{plural(total, 'attribution')}</p>\n",
        SEARCH,
    ]
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
