"""Dates: the article's date from its dateline, and date expressions resolved against it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..read.articles import parse_article_date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH_LOWER = _MONTH.lower().replace("(?p<", "(?P<")
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART_OF_DAY = r"(?: (?:night|morning|afternoon|evening))?"
# dateline shapes, most specific first; a year glued to the outlet's name ("2026Clash Report") still counts
DATELINES = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"^[A-Z][A-Z .'-]+,\s+(?:[A-Z][a-z]+\.?,\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})\b", re.MULTILINE),
]
DATELINE_LINES = 12
# a full calendar date anywhere in the text: what a dateline without a year is placed against
FULL_DATE = DATELINES[0]
# statement-date expressions the NER may miss or mis-span
RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|last night|(?:this|last|over the|this past) weekend"
    r"|(?:earlier |late |later )?(?:last|this|this past|next) (?:week|month|year)"
    r"|(?:(?:last|this past|next|earlier|later) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:'s)?(?: night| morning| afternoon| evening)?)\b",
    re.IGNORECASE,
)
# words before a date expression that do not change the day it names
_LEADING = re.compile(r"^(?:on|in|at|since|during|over|by|the|this past|earlier|late|early|later)\s+")
_NUMBERS = {
    w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
}
VAGUE_PHRASES = re.compile(r"^(?:recently|in recent (?:days|weeks|months|years)|at the time|in the past|previously)$")


@dataclass(frozen=True)
class DateValue:
    """A resolved date: ISO day, how it was found, how precise, and the expression as written."""

    iso: str | None
    source: str | None  # explicit, relative, vague, article or None
    precision: str | None = None  # day, week, month, year, unknown
    text: str | None = None
    start: int | None = None
    end: int | None = None


def base_date(value: str | date | None) -> date | None:
    """The reference day, or None when there is none or it is no valid date."""
    try:
        return parse_article_date(value) if value is not None else None
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _shift(ref: date, days: int) -> date | None:
    """``ref`` moved by ``days``, or None past the calendar's ends (year 1, year 9999)."""
    try:
        return ref + timedelta(days=days)
    except OverflowError:
        return None


def article_date(text: str) -> str | None:
    """The dateline's date in the first lines of the article, as ISO, or None."""
    head = "\n".join(text.splitlines()[:DATELINE_LINES])
    # the first date of the head, whatever its shape: a date further down is one the story mentions
    matches = sorted((m.start(), i, m) for i, p in enumerate(DATELINES) for m in p.finditer(head))
    for _, _, m in matches:
        month = int(m.group("mnum")) if m.groupdict().get("mnum") else MONTHS[m.group("month").lower().rstrip(".")]
        day = int(m.group("day"))
        year = int(m.group("year")) if m.groupdict().get("year") else _dateline_year(text, month, day)
        found = _day(year, month, day) if year else None
        if found:
            return found.isoformat()
    return None


def _dateline_year(text: str, month: int, day: int) -> int | None:
    """The year for a dateline without one: the earliest that puts it on or after the latest full
    date the article gives (a report follows what it reports); bare years ("the 1999 shooting") never count."""
    latest = None
    for m in FULL_DATE.finditer(text):
        d = _day(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
        if d and (latest is None or d > latest):
            latest = d
    if latest is None:
        return None
    candidate = _day(latest.year, month, day)
    return latest.year if candidate is None or candidate >= latest else latest.year + 1


def resolve(expression: str, base: str | date | None, future: bool = False) -> tuple[str | None, str, str] | None:
    """(ISO date, source, precision) of a date expression, relative to the article date ``base``;
    source ``vague`` for a time no day can be given to; None for what names no time of a statement."""
    s = " ".join(expression.lower().replace(",", " ").replace("’", "'").split())
    s = re.sub(r"'s$", "", s)
    while _LEADING.match(s):
        s = _LEADING.sub("", s, count=1)
    ref = base_date(base)
    found = _calendar(s, ref)
    if found is not None or ref is None:
        return found
    return _relative(s, ref, future)


def _calendar(s: str, ref: date | None) -> tuple[str | None, str, str] | None:
    """Month-and-day dates, months and years: they need the article date only for a missing year."""
    m = re.fullmatch(_MONTH_LOWER + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?(?: (?P<year>\d{4}))?", s)
    if m:
        month, day = MONTHS[m.group("month")], int(m.group("day"))
        if m.group("year"):
            d = _day(int(m.group("year")), month, day)
        elif ref is not None:
            # no year: the one that puts the day on or before the article date
            d = _day(ref.year, month, day)
            d = d if d is None or d <= ref else _day(ref.year - 1, month, day)
        else:
            return None
        return (d.isoformat(), "explicit", "day") if d else None
    m = re.fullmatch(r"(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)", s)
    if m:
        d = _day(int(m.group("year")), int(m.group("mnum")), int(m.group("day")))
        return (d.isoformat(), "explicit", "day") if d else None
    m = re.fullmatch(_MONTH_LOWER + r"(?: of)?(?: (?P<year>\d{4}))?", s)
    if m:
        # a month without a day pins no statement to a day
        year = int(m.group("year")) if m.group("year") else None
        if year is None and ref is not None:
            year = ref.year if MONTHS[m.group("month")] <= ref.month else ref.year - 1
        d = _day(year, MONTHS[m.group("month")], 1) if year else None
        return (d.isoformat() if d else None, "vague", "month")
    m = re.fullmatch(r"((?:1[89]|20)\d\d)", s)
    if m:
        return f"{m.group(1)}-01-01", "vague", "year"
    if VAGUE_PHRASES.match(s):
        return None, "vague", "unknown"
    return None


def _relative(s: str, ref: date, future: bool) -> tuple[str | None, str, str] | None:
    """Days named relative to the article date."""
    m = re.fullmatch(r"(?:(last|this past|next|earlier|later) )?" + _WEEKDAY + _PART_OF_DAY, s)
    if m:
        target = WEEKDAYS[m.group("weekday")]
        if future or m.group(1) == "next":
            d = _shift(ref, (target - ref.weekday()) % 7 or 7)
        else:
            # the most recent such day on or before the article date; "last Monday" is never today
            back = (ref.weekday() - target) % 7
            d = _shift(ref, -(back or (7 if m.group(1) in ("last", "this past") else 0)))
        return (d.isoformat(), "relative", "day") if d else None
    if re.fullmatch(r"(?:(?:this|last|past|this past) )?weekend", s):
        # the weekend's Saturday: the most recent one on or before the article date
        back = (ref.weekday() - 5) % 7
        if s.startswith("last") and back < 2:
            back += 7
        d = _shift(ref, -back)
        return (d.isoformat(), "relative", "day") if d else None
    days = {
        "yesterday": -1,
        "last night": -1,
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "last week": -7,
        "a week ago": -7,
    }.get(s)
    m = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (day|week)s? ago", s)
    if m:
        n = 1 if m.group(1) in ("a", "an") else _NUMBERS.get(m.group(1)) or int(m.group(1))
        days = -n * (7 if m.group(2) == "week" else 1)
    if days is not None:
        d = _shift(ref, days)
        # "last week" is a week back from the article date, within a few days either way
        return (d.isoformat(), "relative", "week" if "week" in s else "day") if d else None
    return _period(s, ref)


def _period(s: str, ref: date) -> tuple[str | None, str, str] | None:
    """Weeks, months and years around the article date: times no statement day can be read from."""
    m = re.fullmatch(r"(?:(?:earlier|late|later) )?(this|last|past|this past) (week|month|year)", s)
    if not m:
        return None
    which, unit = m.group(1), m.group(2)
    if unit == "week":
        d = _shift(ref, -ref.weekday() - (7 if which == "last" else 0))
    elif unit == "month":
        d = ref.replace(day=1) if which == "this" else _shift(ref.replace(day=1), -1)
        d = d.replace(day=1) if d else None
    else:
        d = _day(ref.year - (0 if which == "this" else 1), 1, 1)
    return (d.isoformat() if d else None, "vague", unit)
