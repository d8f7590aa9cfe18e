"""Dates: the article's date from its dateline, and each statement's date from its cue's clause."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Span, Token
from .spans import ents_in, sentence

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# dateline shapes, most specific first; a year glued to the outlet's name ("2026Clash Report") still counts
_MONTH_LOWER = _MONTH.lower().replace("(?p<", "(?P<")
DATELINES = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"^[A-Z][A-Z .'-]+,\s+" + _MONTH + r"\s+(?P<day>\d{1,2})\b", re.M),
]
DATELINE_LINES = 12
# statement-date expressions the NER may miss or mis-span
_RELATIVE = re.compile(r"\b(yesterday|today|tonight|last (?:week|month|year)|this (?:week|month|year)|earlier this (?:week|month|year)|(?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning| afternoon| evening)?)\b", re.I)


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO day, how it was found, how precise, and the expression as written."""

    iso: str | None
    source: str | None  # explicit, relative, article or None
    precision: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


def article_date(text: str) -> str | None:
    """The dateline's date in the first lines of the article, as ISO, or None."""
    head = "\n".join(text.splitlines()[:DATELINE_LINES])
    for pattern in DATELINES:
        m = pattern.search(head)
        if not m:
            continue
        year = m.groupdict().get("year") or _year_in(text)
        if not year:
            continue
        month = int(m.group("mnum")) if m.groupdict().get("mnum") else MONTHS[m.group("month").lower()]
        try:
            return date(int(year), month, int(m.group("day"))).isoformat()
        except ValueError:
            continue
    return None


def _year_in(text: str) -> str | None:
    years = re.findall(r"\b((?:19|20)\d\d)\b", text)
    return max(set(years), key=years.count) if years else None


def resolve(expression: str, base: str | None) -> tuple[str | None, str, str] | None:
    """(ISO date, source, precision) of a date expression, relative to the article date ``base``."""
    s = " ".join(expression.lower().replace(",", " ").split())
    s = re.sub(r"^(on|in|at|since|during|the|this past|earlier|late|early)\s+", "", s)
    ref = date.fromisoformat(base) if base else None
    m = re.fullmatch(r"(?:(last|this past) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (?:night|morning|afternoon|evening))?", s)
    if m:
        if ref is None:
            return None
        # the most recent such day on or before the article date
        back = (ref.weekday() - WEEKDAYS[m.group(2)]) % 7
        if m.group(1) and back == 0:
            back = 7
        return (ref - timedelta(days=back)).isoformat(), "relative", "day"
    m = re.fullmatch(_MONTH_LOWER + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?(?: (?P<year>\d{4}))?", s)
    if m:
        month = MONTHS[m.group("month")]
        day, year = int(m.group("day")), m.group("year")
        try:
            if year:
                return date(int(year), month, day).isoformat(), "explicit", "day"
            if ref is None:
                return None
            # no year: the one that puts the day on or before the article date
            candidate = date(ref.year, month, day)
            if candidate > ref:
                candidate = date(ref.year - 1, month, day)
            return candidate.isoformat(), "explicit", "day"
        except ValueError:
            return None
    m = re.fullmatch(r"(\d{4})", s)
    if m:
        return f"{m.group(1)}-01-01", "explicit", "year"
    if ref is None:
        return None
    if s in ("yesterday",):
        return (ref - timedelta(days=1)).isoformat(), "relative", "day"
    if s in ("today", "tonight"):
        return ref.isoformat(), "relative", "day"
    if s in ("last week", "past week"):
        monday = ref - timedelta(days=ref.weekday() + 7)
        return monday.isoformat(), "relative", "week"
    if s in ("week", "this week"):
        return (ref - timedelta(days=ref.weekday())).isoformat(), "relative", "week"
    if s in ("last month",):
        first = ref.replace(day=1) - timedelta(days=1)
        return first.replace(day=1).isoformat(), "relative", "month"
    if s in ("month", "this month"):
        return ref.replace(day=1).isoformat(), "relative", "month"
    if s in ("last year",):
        return f"{ref.year - 1}-01-01", "relative", "year"
    if s in ("year", "this year"):
        return f"{ref.year}-01-01", "relative", "year"
    m = re.fullmatch(_MONTH_LOWER + r" (?P<year>\d{4})", s)
    if m:
        parsed = _parse(s, ref, PREFER_DAY_OF_MONTH="first")
        return (parsed.date().isoformat(), "explicit", "month") if parsed else None
    parsed = _parse(s, ref)
    if parsed is None or parsed.date() > ref:
        return None
    return parsed.date().isoformat(), "relative", "day"


def _parse(expression: str, ref: date, **settings) -> datetime | None:
    """dateparser, relative to the article date and preferring the past."""
    base = datetime(ref.year, ref.month, ref.day)
    return dateparser.parse(expression, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", **settings})


def statement_date(cue: Token | None, content_tokens: set[int], base: str | None) -> DateValue:
    """The date governed by the cue (not by its content), else the article date."""
    # coordinated cues share one occasion: "told reporters on Feb. 1 that ... and that he believed ...",
    # where the parser may hang the second cue on the first one's content
    cues = [cue] if cue is not None else []
    if cue is not None and cue.dep_ == "conj":
        cues.append(cue.head)
        if cue.head.dep_ == "ccomp":
            cues.append(cue.head.head)
    content_start = min(content_tokens, default=None)
    for verb in cues:
        for expr in _date_expressions(verb, content_start):
            if any(t.i in content_tokens for t in expr):
                continue
            resolved = resolve(expr.text, base)
            if resolved:
                iso, source, precision = resolved
                return DateValue(iso, source, precision, expr.text, expr.start_char, expr.end_char)
    if base:
        return DateValue(base, "article", "day")
    return DateValue(None, None)


def _date_expressions(cue: Token, content_start: int | None = None):
    """Date spans in the cue's own clause: DATE entities and weekday/relative phrases under the verb,
    or standing between the verb and its content ("said on Monday the talks ...")."""
    doc = cue.doc
    clause = {t.i for t in cue.subtree}
    sent = sentence(cue)
    found = []

    def between(span: Span) -> bool:
        return content_start is not None and cue.i < span.start and span.end <= content_start

    # our patterns first: they take in what the NER splits ("Tuesday" DATE + "night" TIME)
    for m in _RELATIVE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and (span.root.i in clause and _governed_by(span.root, cue) or between(span)):
            found.append(span)
    for ent in ents_in(sent):
        if ent.label_ in ("DATE", "TIME") and (_governed_by(ent.root, cue) or between(ent)) and not any(s.start < ent.end and ent.start < s.end for s in found):
            found.append(ent)
    return sorted(found, key=lambda s: s.start)


def _governed_by(token: Token, cue: Token) -> bool:
    """The date hangs from the cue through adverbial or prepositional links, not through a clause."""
    steps = 0
    while token != cue and steps < 6:
        if token.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj", "acl") and token.head != cue:
            return False
        if token.head == token:
            return False
        if token.dep_ in ("ccomp", "xcomp", "conj") and token.head == cue:
            return False
        token = token.head
        steps += 1
    return token == cue
