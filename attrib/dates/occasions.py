"""Occasions the text dates: which occasion a date expression gives the day of ("Sunday's debate", "a memo released
Friday"), and days told relative to such an occasion ("on the eve of the meeting")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from spacy.tokens import Span, Token

from ..lexicon import event_nouns, recording_nouns
from .dates import DateValue, base_date
from .statements import occasion_after, occasion_before

# days told from an occasion: "the eve of" and "the day before" it are the day before, "the day after" it the day after
_EVE = {"eve": -1}
_DAY_AROUND = {"before": -1, "after": 1}


def occasion_name(token: Token | None) -> str | None:
    """The occasion or recording a noun names, as the word lists spell it ("debates" is "debate"), or None."""
    if token is None:
        return None
    names = event_nouns() | recording_nouns()
    word = token.lower_
    if word in names:
        return word
    return word[:-1] if word.endswith("s") and word[:-1] in names else None


def recorded(name: str | None) -> bool:
    """A recording or performance, which an article narrates in the present ("the sketch", "the video")."""
    return name is not None and name in recording_nouns()


def dated_occasion(span: Span) -> str | None:
    """The occasion a date expression gives the day of: the noun right before or after it ("an interview Monday", "the
    Oct. 28 debate"), the noun it is the possessive of ("Sunday's debate"), the noun a participle it dates hangs on ("a
    memo released Friday"), or the subject of the verb it dates ("the sketch aired Saturday")."""
    root = span.root
    found = occasion_before(span) or occasion_after(span)
    if found is None and root.dep_ == "poss":
        found = root.head
    if found is None and root.dep_ in ("npadvmod", "pobj"):
        verb = root.head if root.dep_ == "npadvmod" else root.head.head
        if verb.dep_ in ("acl", "relcl"):
            found = verb.head
        elif verb.pos_ in ("VERB", "AUX"):
            found = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return occasion_name(found)


def day_around(token: Token, dated: Callable[[str], DateValue | None]) -> DateValue | None:
    """ "on the eve of the meeting", "the day after the debate": when ``token`` ("eve", "day") heads such a phrase on an
    occasion that ``dated`` gives a day (by its name, as the article dated it before), the day the phrase tells."""
    shift = _EVE.get(token.lower_)
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if shift is None and token.lower_ == "day":
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in _DAY_AROUND), None)
        shift = _DAY_AROUND[of.lower_] if of is not None else None
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    # only an occasion the article has named before ("the meeting"), not a new one ("a vote")
    if shift is None or noun is None or not any(c.lower_ in ("the", "that", "this") for c in noun.children):
        return None
    name = occasion_name(noun)
    day = dated(name) if name is not None else None
    ref = base_date(day.iso) if day is not None else None
    if ref is None:
        return None
    told = (ref + timedelta(days=shift)).isoformat()
    phrase = token.doc[token.left_edge.i : noun.i + 1]
    return DateValue(told, "relative", "day", phrase.text, phrase.start_char, phrase.end_char)
