"""Dates: the article's date from its dateline, date expressions resolved against it, and the date
a statement's own clause (or the clause its cue hangs on) gives it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..lexicon import event_nouns
from ..nlp.spans import ents_in, ents_of, sentence, text_of
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
_RELATIVE = re.compile(
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


def _base(value: str | date | None) -> date | None:
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
    ref = _base(base)
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


def statement_date(cue: Token | None, content_tokens: set[int], base: str | None) -> DateValue:
    """The date in the cue's own clause or in the clause it hangs on (not in its content), else
    the article date."""
    ref = _base(base)
    for verb in hosts(cue):
        for expr in _date_expressions(verb, content_tokens, verb is cue):
            resolved = resolve(expr.text, ref, future=_future(verb))
            if resolved:
                iso, source, precision = resolved
                return DateValue(iso, source, precision, expr.text, expr.start_char, expr.end_char)
    if cue is not None and _has_long(cue):
        return DateValue(None, "vague", "unknown")
    if ref is not None:
        return DateValue(ref.isoformat(), "article", "day")
    return DateValue(None, None)


def hosts(cue: Token | None) -> list[Token]:
    """The cue, then the verbs whose occasion it shares: a coordinated verb's head, the head of a
    participle ("appeared on Tuesday and began by saying", "vied Wednesday, each saying"), the verb an
    occasion with a participle hangs on ("opened a rally blasting ..."), and the cue above a content the parser
    hung a coordinated cue on."""
    if cue is None:
        return []
    out = [cue]
    if cue.lemma_ == "accord":  # "according to" dates by its own phrase, not by the clause it hangs on
        return out
    token = cue
    for _ in range(4):
        dep, head = token.dep_, token.head
        if head == token:
            break
        if dep == "prep" and head.pos_ not in ("VERB", "AUX"):
            break  # a phrase on a noun: that noun's clause is no occasion of the cue
        # participles and infinitives share their head's occasion ("appeared to blame", "saying")
        shares = dep in ("conj", "pcomp", "prep", "xcomp") or (dep == "advcl" and token.tag_ in ("VBG", "VBN"))
        # "told reporters on Feb. 1 that ... and that he believed ...": the second cue sits in the first's content
        shares = shares or (dep == "ccomp" and out[-1].dep_ == "conj")
        # "opened a rally on Tuesday blasting X": a participle on an occasion shares the verb that noun hangs on
        if dep == "acl" and token.tag_ == "VBG" and is_occasion(head) and head.dep_ in ("dobj", "pobj"):
            token = head.head if head.dep_ == "dobj" else head.head.head
            if token.pos_ in ("VERB", "AUX"):
                out.append(token)
            continue
        if not shares:
            break
        token = head
        if token.pos_ in ("VERB", "AUX"):
            out.append(token)
    return out


def _future(verb: Token) -> bool:
    """The verb speaks of what is still to come: "will speak", "is to report", "plans to testify"."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("be", "plan", "schedule", "expect", "set") and head != verb


def _has_long(cue: Token) -> bool:
    """ "has long said": a stance held over time, never one day's statement ("has repeatedly said" is
    said again up to the article's day)."""
    return any(c.dep_ == "advmod" and c.lower_ == "long" for c in cue.children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children
    )


def _date_expressions(cue: Token, content_tokens: set[int] = frozenset(), own: bool = True) -> list[Span]:
    """Date spans in the cue's own clause and outside its content: DATE entities and weekday or
    relative phrases under the verb, or (``own`` cue) standing right after it, before its content."""
    doc = cue.doc
    sent = sentence(cue)
    content_start = min(content_tokens, default=None)
    found: list[Span] = []

    def wanted(span: Span) -> bool:
        if any(t.i in content_tokens for t in span):
            return False
        # "said on Monday the talks ...", "told reporters on Feb. 1 that ...": the parser may hang it on the content
        between = own and content_start is not None and 0 < span.start - cue.i <= 4 and span.end <= content_start
        return between or _governed_by(span.root, cue)

    # our patterns first: they take in what the NER splits ("Tuesday" DATE + "night" TIME)
    for m in _RELATIVE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and wanted(span):
            found.append(span)
    for ent in ents_in(sent):
        if (
            ent.label_ in ("DATE", "TIME")
            and wanted(ent)
            and not any(s.start < ent.end and ent.start < s.end for s in found)
        ):
            found.append(ent)
    return sorted(found, key=lambda s: s.start)


def date_expressions_in(doc: Doc) -> list[Span]:
    """Every date expression of the text: weekday and relative phrases, then DATE entities they leave."""
    text = text_of(doc)
    found = [doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in _RELATIVE.finditer(text)]
    found = [s for s in found if s is not None]
    taken = {t.i for s in found for t in s}
    found += [e for e in ents_of(doc) if e.label_ in ("DATE", "TIME") and not any(t.i in taken for t in e)]
    return sorted(found, key=lambda s: s.start)


def _governed_by(token: Token, cue: Token) -> bool:
    """The date hangs from the cue through adverbial or prepositional links, not through a clause
    or a thing it dates ("the 2011 raid"); an occasion's date counts ("in a Thursday interview",
    "in a message posted Friday", "at Sunday night's debate")."""
    below, path, child = "", [], None
    for _ in range(8):
        if token == cue:
            return True
        head, dep = token.head, token.dep_
        if head == token:
            return False
        if dep in ("ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "csubj", "parataxis"):
            # a clause of its own has its own time, unless it only dates an occasion
            if head != cue and not (dep in ("acl", "relcl") and is_occasion(head)):
                return False
            # under the cue, an adverbial clause is part of its occasion when it has no subject of its own
            # ("said, speaking Monday") or happens meanwhile ("said as they marched Sunday"), not "after X did"
            if head == cue and (dep != "advcl" or _other_time(token)):
                return False
        elif dep in ("nsubj", "nsubjpass", "attr", "oprd") and not (
            is_occasion(token)
            or below == "npadvmod"
            or path == ["pobj", "prep"]
            or _aside(child)
            or _day_as_subject(token, cue)
        ):
            return False  # the subject's own time ("the 1999 report"), but "Trump this week said" is the verb's
        elif dep in ("compound", "amod", "nummod", "poss", "nmod") and not is_occasion(head):
            return False
        elif dep == "prep" and token.lower_ in ("since", "until", "till", "before", "ahead"):
            return False  # a bound, not the time of the statement
        below, child, token = dep, token, head
        path.append(dep)
    return False


def _day_as_subject(token: Token, cue: Token) -> bool:
    """A day name the parser made the cue's subject is the time of the saying, since a day does not speak
    ("Saturday at the convention the senator said")."""
    return token.dep_ == "nsubj" and token.head == cue and token.lower_ in WEEKDAYS


def _aside(prep: Token | None) -> bool:
    """A phrase set off by commas after the subject is the verb's: "Trump, in an interview on Thursday, said"."""
    return prep is not None and prep.dep_ == "prep" and prep.i > 0 and prep.doc[prep.i - 1].text == ","


def _other_time(clause: Token) -> bool:
    """An adverbial clause with a subject of its own, not introduced by as, while or when."""
    children = list(clause.children)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
    return has_subject and not any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in children)


def is_occasion(token: Token) -> bool:
    """A noun for an occasion or document statements are made in or at ("interview", "debates")."""
    word = token.lower_
    return word in event_nouns() or word.endswith("s") and word[:-1] in event_nouns()
