"""The story's time: a statement its own clause leaves undated takes the date of the event the
narrative around it is about, and a headline the date of the event it summarises."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..find.quotes import quoted_spans
from ..lexicon import reporting_verbs
from ..nlp.labels import DEFINITE_DETERMINERS
from ..nlp.spans import Coverage, text_of
from .dates import DateValue
from .events import Anchor, anchor_pos, around_anchors, event_anchors, paragraph_of, paragraph_starts
from .occasions import recorded
from .posts import quoted_posts
from .statements import hosts, is_occasion
from .tense import told_past, told_present

# a headline or subhead: a short line before the first paragraph of running text
HEADLINE_WORDS = 25
# an event's day carries to the statements near it; a speaker's own "last week" (the annotation's
# article date minus 7) carries to the same speaker's later statements too
DAY = frozenset(["day"])
CARRIED = frozenset(["day", "week"])
# adverbs that put a statement at another time than the event before it
OTHER_TIMES = frozenset(
    [
        "overnight",
        "later",
        "earlier",
        "previously",
        "recently",
        "once",
        "afterward",
        "afterwards",
        "subsequently",
        "since",
        "ago",
        "repeatedly",  # many occasions, none of them the story's day
        "often",
        "frequently",
        "routinely",
        "regularly",
    ]
)


@dataclass(frozen=True)
class Statement:
    """What the timeline needs of one attribution: its cue, the date its own clause gives it, where
    its content lies (token indices) and a key for its speaker (None when unresolved)."""

    cue: Token | None
    own: DateValue
    content: frozenset[int] = frozenset()
    speaker: object = None


class _Story:
    """The story's times told so far: anchors in text order (events, breaks and dated statements),
    the narrative's dated events alone, and each speaker's dated statements and events."""

    def __init__(self, anchors: list[Anchor]):
        self.anchors = sorted(anchors, key=anchor_pos)  # insort keeps them so, each new one after those at its offset
        self.events = [a for a in self.anchors if a.value is not None]
        # a year or month the narrative mentions is background, not another day of the story
        self.days = [a for a in self.events if a.value.precision in CARRIED]
        self.told = list(self.days)  # and the dated statements, as they come
        self.threads: dict[object, list[Anchor]] = {}
        for anchor in self.events:
            if anchor.speaker is not None:
                self.threads.setdefault(anchor.speaker, []).append(anchor)

    def add(self, anchor: Anchor) -> None:
        insort(self.anchors, anchor, key=anchor_pos)
        if anchor.value is not None and anchor.value.precision in CARRIED and anchor.said:
            insort(self.told, anchor, key=anchor_pos)
        if anchor.speaker is not None:
            insort(self.threads.setdefault(anchor.speaker, []), anchor, key=anchor_pos)

    def carried(self, pos: int, paragraph: int, speaker: object) -> DateValue | None:
        """The day an undated past statement belongs to: the nearest dated event of its paragraph or
        the one before, unless that is another speaker's statement while this speaker's own thread
        goes on; else its speaker's thread across paragraphs."""
        near = _latest(self.anchors, pos, paragraph)
        thread = self.thread(speaker, pos)
        # another speaker's dated statement in this paragraph, after this speaker's own, is the exchange it answers
        exchange = near is not None and thread is not None and near.paragraph == paragraph and near.pos > thread.pos
        if near is not None and (thread is None or near.speaker is None or exchange):
            return _day(near, DAY) or (_day(thread, CARRIED) if thread is not None else None)
        return _day(thread, CARRIED) if thread is not None else None

    def occasion(self, pos: int, paragraph: int, speaker: object) -> DateValue | None:
        """The day of a statement that names an occasion of its own ("he wrote in a blog post"): its speaker's
        dated statement of the paragraph or the one before ("warned Saturday that ..."), whose occasion it names."""
        thread = self.thread(speaker, pos)
        near = thread is not None and thread.said and thread.paragraph >= paragraph - 1
        return _day(thread, DAY) if near else None

    def recording(self, pos: int, paragraph: int) -> Anchor | None:
        """The dated recording a statement told in the present narrates: the story's last dated event of the
        paragraph or the one before, when its day is a recording's ("this weekend's episode", "the sketch aired")."""
        near = _latest(self.anchors, pos, paragraph)
        return near if near is not None and recorded(near.occasion) and _day(near, DAY) else None

    def last_day(self, pos: int) -> DateValue | None:
        """The day of the story's last dated event or statement before ``pos``, however far back."""
        before = bisect_left(self.told, pos, key=anchor_pos)
        return _day(self.told[before - 1], DAY) if before else None

    def thread(self, speaker: object, pos: int) -> Anchor | None:
        """The speaker's last dated statement while the narrative has told no other day since: a
        speaker's remarks at a dated event stay at it across paragraphs ("said Monday" ... "she said"); a year
        or month of background the narrative mentions is no other day."""
        told = self.threads.get(speaker, []) if speaker is not None else []
        last = bisect_left(told, pos, key=anchor_pos)
        if not last:
            return None
        own = told[last - 1]
        before = bisect_left(self.days, pos, key=anchor_pos)
        event = self.days[before - 1] if before else None
        if event is not None and event.pos > own.pos and event.value.iso != own.value.iso:
            return None
        return own


def carry_dates(
    doc: Doc, statements: Sequence[Statement], base: str | None, who: Callable[[Token], object] | None = None
) -> list[DateValue]:
    """Each statement's date: its own, else the narrative's (a past-tense cue takes the most recent
    dated event of its paragraph or the one before, or its speaker's last dated statement or event),
    else the article date. ``who`` gives the speaker key of an event's subject (None: no one's)."""
    paragraphs = paragraph_starts(text_of(doc))
    # a statement quoting the post embedded right after it was made the day the post gives
    posted = quoted_posts(doc, [s.content if s.own.source == "article" else frozenset() for s in statements])
    statements = [s if day is None else replace(s, own=day) for s, day in zip(statements, posted)]
    content = frozenset().union(*(s.content for s in statements)) if statements else frozenset()
    cues = {s.cue.i for s in statements if s.cue is not None}
    quoted = Coverage([(q.start, q.end) for q in quoted_spans(text_of(doc))])
    # a date a statement's own clause gives is that statement's anchor, with its speaker, not the narrative's
    owned = {s.own.start for s in statements if _anchors(s, content)}
    dated = list(event_anchors(doc, paragraphs, content, quoted, base, who))
    events = [a for a in dated if a.value.start not in owned]
    events += around_anchors(doc, paragraphs, dated, content, quoted, who)
    story = _Story([*events, *_breaks(doc, paragraphs, content | cues, quoted)])
    holder = {i: n for n, t in enumerate(statements) for i in t.content}
    out: list[DateValue] = []
    for s in statements:
        value = s.own
        if s.cue is not None and s.cue.i in content:
            # a statement reported inside another's content is no event of the story; inside its own speaker's
            # dated statement it was made then ("reiterated on Monday that ..., who he blasted as ...")
            outer = holder.get(s.cue.i)
            if value.source == "article" and outer is not None and outer < len(out) and s.speaker is not None:
                if statements[outer].speaker == s.speaker and _a_day(out[outer]):
                    value = _carried(out[outer], value)
        elif _anchors(s, content):
            story.add(Anchor(s.cue.idx, paragraph_of(paragraphs, s.cue.idx), value, s.speaker, said=True))
        elif s.cue is not None and value.source == "article" and told_past(s.cue) and not _other_time(s.cue):
            paragraph = paragraph_of(paragraphs, s.cue.idx)
            if _own_occasion(s.cue):  # "said in an interview": no story's event, only the speaker's own saying
                carried = story.occasion(s.cue.idx, paragraph, s.speaker)
            else:
                carried = story.carried(s.cue.idx, paragraph, s.speaker)
            if carried is None and _story_occasion(s.cue):  # "after the meeting": the one the story dated
                carried = story.last_day(s.cue.idx)
            if carried is not None:
                value = _carried(carried, value)
                story.add(Anchor(s.cue.idx, paragraph, carried, s.speaker))
        elif s.cue is not None and value.source == "article" and told_present(s.cue):
            # "Ruiz says" after "this weekend's episode": the present narrates the recording, made the day it aired
            paragraph = paragraph_of(paragraphs, s.cue.idx)
            scene = story.recording(s.cue.idx, paragraph)
            if scene is not None:
                value = _carried(scene.value, value)
                story.add(Anchor(s.cue.idx, paragraph, scene.value, s.speaker, occasion=scene.occasion))
        out.append(value)
    # where each statement stands: its cue, or, with none ("Ruiz: The Bridge Is a Failure"), its content's start
    starts = [s.cue.idx if s.cue is not None else doc[min(s.content)].idx if s.content else None for s in statements]
    return _headlines(statements, starts, out, _lede_end(text_of(doc)), events)


def _anchors(statement: Statement, content: frozenset[int]) -> bool:
    """A statement of the story whose own clause dates it: an anchor for the statements after it."""
    cue = statement.cue
    return cue is not None and cue.i not in content and statement.own.source in ("explicit", "relative", "vague")


def _headlines(
    statements: Sequence[Statement],
    starts: Sequence[int | None],
    values: list[DateValue],
    lede_end: int,
    events: Sequence[Anchor],
) -> list[DateValue]:
    """A headline's or the lede's statement summarises the story: it takes the day of its speaker's first
    statement or event the text dates after it ("Cruz endorses Trump" over "in a message posted Friday, Cruz
    said"; "X praises Y" over "X met Y on Wednesday")."""
    # the day each later statement was given, its own or the story's it was carried to ("Trump blamed ..." after
    # "What unified the candidates Sunday ...")
    said = _days_by_speaker((at, v, t.speaker) for t, at, v in zip(statements, starts, values) if at is not None)
    done = _days_by_speaker((a.pos, a.value, a.speaker) for a in events)
    out = list(values)
    for i, (s, at) in enumerate(zip(statements, starts)):
        if at is None or at >= lede_end or values[i].source != "article" or s.speaker is None:
            continue
        found = [_next_day(said.get(s.speaker, []), at)]
        # a stance ("X loves her school") is no summary of what the speaker did on the story's day
        if s.cue is not None and s.cue.lemma_ in reporting_verbs():
            found.append(_next_day(done.get(s.speaker, []), at))
        first = min((f for f in found if f is not None), key=_first, default=None)
        out[i] = first[1] if first is not None else values[i]
    return out


def _days_by_speaker(items) -> dict[object, list[tuple[int, DateValue]]]:
    """Each speaker's dated days (explicit or relative, to the day), by position."""
    out: dict[object, list[tuple[int, DateValue]]] = {}
    for pos, value, speaker in items:
        if speaker is not None and _a_day(value):
            insort(out.setdefault(speaker, []), (pos, value), key=_first)
    return out


def _a_day(value: DateValue) -> bool:
    """A date to the day that the text gives (not the article's, not a vague time)."""
    return value.source in ("explicit", "relative") and value.precision == "day"


def _next_day(days: list[tuple[int, DateValue]], pos: int) -> tuple[int, DateValue] | None:
    after = bisect_right(days, pos, key=_first)
    return days[after] if after < len(days) else None


def _first(item: tuple) -> int:
    return item[0]


def _lede_end(text: str) -> int:
    """Where the story proper begins: after the leading short lines (headline, subheads, bylines) and the
    lede, the first long paragraph, which summarises it."""
    for m in re.finditer(r"^[ \t]*(\S.*)$", text, re.MULTILINE):
        if len(m.group(1).split()) >= HEADLINE_WORDS:
            return m.end()
    return 0


def _carried(anchor_value: DateValue, own: DateValue) -> DateValue:
    """The anchor's day with the words that gave it, as a relative date (the annotation's name for
    a date carried from the event a statement belongs to)."""
    return replace(anchor_value, source="relative")


def _latest(anchors: list[Anchor], pos: int, paragraph: int) -> Anchor | None:
    """The most recent dated event before ``pos`` in the same paragraph or the one before; an event
    no day is known for, or a sentence in the present, ends the thread."""
    before = bisect_left(anchors, pos, key=anchor_pos)
    anchor = anchors[before - 1] if before else None
    if anchor is None or anchor.paragraph < paragraph - 1 or anchor.value is None:
        return None
    return anchor


def _day(anchor: Anchor, precisions: frozenset[str]) -> DateValue | None:
    """The anchor's date when it is as precise as asked."""
    return anchor.value if anchor.value.precision in precisions and anchor.value.iso else None


def _breaks(doc: Doc, paragraphs: list[int], taken: frozenset[int], quoted: Coverage):
    """Sentences of the narrative in the present perfect, present progressive or future ("He has
    campaigned for ...", "They are taking part in ..."): the story has left the dated event."""
    for sent in doc.sents:
        root = sent.root
        if (
            root.i in taken
            or root.pos_ not in ("VERB", "AUX")
            or root.lemma_ == "be"
            or root.lemma_ in reporting_verbs()
        ):
            continue  # a copula describes ("It is the biggest cut") and a report reports: neither moves the story
        if quoted.covers(root.idx, open_start=True):
            continue
        auxes = [c for c in root.children if c.dep_ == "aux"]
        present = [a for a in auxes if a.tag_ in ("VBZ", "VBP", "MD")]
        if any(a.lemma_ in ("will", "have") or a.lemma_ == "be" and root.tag_ == "VBG" for a in present):
            yield Anchor(sent.start_char, paragraph_of(paragraphs, sent.start_char), None)


def _other_time(cue: Token) -> bool:
    """The cue, or the verb it hangs on, has a time of its own that no day can be read from ("later said",
    "took to Twitter overnight"): not the story's day."""
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in OTHER_TIMES for v in hosts(cue) for c in v.children)


def _own_occasion(cue: Token) -> bool:
    """The cue, or the verb it hangs on, names a new occasion of its own ("said in an interview",
    "at a breakfast, he said"), not the story's ("at the forum", "in a speech earlier in the day")."""
    # only a verb of saying makes it the speaker's own: in "the clash came during a speech, with farmers shouting"
    # the speech is the story's event
    verbs = [v for v in hosts(cue) if v == cue or v.lemma_ in reporting_verbs()]
    return any(_new_occasion(noun) for noun in _prepositional_objects(verbs))


def _story_occasion(cue: Token) -> bool:
    """The cue, or the verb it hangs on, names an occasion the story has told of ("after the meeting", "at the
    rally", "in the debate")."""
    verbs = hosts(cue)
    verbs += [c for v in verbs for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"]  # "Speaking after ..."
    return any(_known_occasion(noun) for noun in _prepositional_objects(verbs))


def _prepositional_objects(verbs: list[Token]) -> Iterator[Token]:
    """What the verbs' prepositions take: the occasions they may name ("in an interview", "after the meeting")."""
    return (g for v in verbs for c in v.children if c.dep_ == "prep" for g in c.children)


def _known_occasion(noun: Token) -> bool:
    """A definite occasion ("the meeting", "that debate"): one the reader has been told of."""
    return is_occasion(noun) and any(d.lower_ in DEFINITE_DETERMINERS and d.dep_ == "det" for d in noun.children)


def _new_occasion(noun: Token) -> bool:
    """An indefinite occasion with no time of its own: "an interview", not "a speech earlier that day"."""
    if not is_occasion(noun) or not any(d.lower_ in ("a", "an") for d in noun.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("earlier", "later") for t in noun.subtree)
