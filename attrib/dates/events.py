"""The narrative's dated events: where the article tells what happened on a day ("X won the vote Wednesday",
"at Sunday night's debate"), as anchors of the story's time that the statements around them take their date from."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc, Span, Token

from ..nlp.spans import Coverage
from .dates import DateValue, base_date, resolve
from .occasions import dated_occasion, day_around, occasion_name
from .statements import date_expressions_in, occasion_after, occasion_before
from .tense import absolute, past_perfect, past_tense

# the links from a date expression up to the verb it is an adverbial of ("on Monday", "Monday's debate")
ADVERBIAL_LINKS = frozenset({"npadvmod", "pobj", "prep", "advmod", "tmod", "poss", "compound", "nummod"})


@dataclass(frozen=True)
class Anchor:
    pos: int  # character offset
    paragraph: int
    value: DateValue | None  # None: the thread breaks here
    speaker: object = None  # whose statement it dates; None for the narrative's own events
    said: bool = False  # a statement its own clause dates
    occasion: str | None = None  # the occasion the day is of ("debate" for "Sunday's debate")


def event_anchors(doc: Doc, paragraphs: list[int], content: frozenset[int], quoted: Coverage, base: str | None, who):
    """Dated past-tense events of the narrative outside any statement's content and any quotation
    ("X won the vote Wednesday", "on Tuesday, it raised its forecast"), each with its subject's
    speaker key: a speaker placed at a dated event ("Clinton spoke in Ohio on Thursday") stays at it."""
    for span in date_expressions_in(doc):
        if any(t.i in content for t in span) or quoted.covers(span.start_char, open_start=True):
            continue
        resolved = resolve(span.text, base)
        if resolved is None or resolved[1] not in ("explicit", "relative", "vague"):
            continue
        iso, source, precision = resolved
        value = DateValue(iso, source, precision, span.text, span.start_char, span.end_char)
        verb = governing_verb(occasion_before(span) or span.root)
        if verb is None or verb.i in content or not _past_event(verb, precision):
            # "at the March 3 Channel 9 debate": a calendar day before the name of an occasion a phrase places the story
            # at dates that occasion, however the parser read the sentence (it may take the noun for a verb); the
            # calendar says it is past ("her calendar included a June 2 speech" only lists one)
            if _past_day(value, base) and _at_occasion(span):
                yield Anchor(span.start_char, paragraph_of(paragraphs, span.start_char), value)
            continue
        where = paragraph_of(paragraphs, span.start_char)
        yield Anchor(span.start_char, where, value, _subject_speaker(verb, who), occasion=dated_occasion(span))


def around_anchors(
    doc: Doc, paragraphs: list[int], events: list[Anchor], content: frozenset[int], quoted: Coverage, who
) -> Iterator[Anchor]:
    """Past events told as a day from an occasion the article dated before ("On the eve of the meeting, Trump eased his
    tone" after "a meeting Thursday"), with their subject's speaker key, as ``event_anchors`` gives them."""
    days: dict[str, list[Anchor]] = {}
    for anchor in sorted(events, key=anchor_pos):
        if anchor.occasion is not None and anchor.value.precision == "day" and anchor.value.iso:
            days.setdefault(anchor.occasion, []).append(anchor)
    for token in doc:
        if token.lower_ not in ("eve", "day") or token.i in content or quoted.covers(token.idx, open_start=True):
            continue
        value = day_around(token, partial(_dated_before, days, token.idx))
        verb = governing_verb(token) if value is not None else None
        if verb is None or verb.i in content or not past_tense(verb):
            continue
        yield Anchor(token.idx, paragraph_of(paragraphs, token.idx), value, _subject_speaker(verb, who))


def _dated_before(days: dict[str, list[Anchor]], pos: int, name: str) -> DateValue | None:
    """The day of the last occasion of that name the article dated before ``pos``."""
    found = days.get(name, [])
    before = bisect_left(found, pos, key=anchor_pos)
    return found[before - 1].value if before else None


def anchor_pos(anchor: Anchor) -> int:
    """The sort key of anchors: their offset in the text."""
    return anchor.pos


def _subject_speaker(verb: Token, who) -> object:
    """The speaker key of the verb's subject (None: no subject, or no one's)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return who(subject) if who is not None and subject is not None else None


def _past_event(verb: Token, precision: str) -> bool:
    """The verb tells an event of the story's past: a simple past or past perfect, or, dated to the day, a gerund after
    "with" or a past participle on an occasion."""
    return past_tense(verb) or past_perfect(verb) or (precision == "day" and (absolute(verb) or _released(verb)))


def _released(verb: Token) -> bool:
    """A past participle on an occasion or recording ("a memo released Friday", "the sketch aired Saturday"): the day
    it tells is when that occasion happened, an event of the story's past (a week or month is only background)."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and occasion_name(verb.head) is not None


def _at_occasion(span: Span) -> bool:
    """The day stands before an occasion's name in a prepositional phrase ("at the Oct. 3 Channel 9 debate")."""
    noun = occasion_after(span)
    return noun is not None and any(t.dep_ == "pobj" for t in span.doc[span.start : noun.i + 1])


def _past_day(value: DateValue, base: str | None) -> bool:
    """A calendar day the text gives, on or before the article date."""
    ref = base_date(base)
    return value.source == "explicit" and value.precision == "day" and ref is not None and value.iso <= ref.isoformat()


def governing_verb(token: Token) -> Token | None:
    """The verb a date expression is an adverbial of, through prepositions and occasion nouns."""
    path = []
    for _ in range(5):
        # a subject's time phrase dates its clause ("the troubles on Monday began")
        if token.dep_ not in ADVERBIAL_LINKS and not (token.dep_ == "nsubj" and path[-2:] == ["pobj", "prep"]):
            # a day the parser hung on the verb's object or an adjective of it ("targeted the candidates Sunday",
            # "took on hecklers loyal to her rival Thursday") dates the verb
            if not (token.dep_ in ("dobj", "amod") and path in (["npadvmod"], ["npadvmod", "amod"])):
                return None
        path.append(token.dep_)
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each non-empty line begins."""
    return [m.start() for m in re.finditer(r"^[ \t]*\S", text, re.MULTILINE)]


def paragraph_of(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1
