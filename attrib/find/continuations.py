"""Continuations: what goes on with a cue's content after its complement clause, though the parser hung it on the
cue: a second complement, a coordinated clause that quotes, a predicate coordinated with the cue, a reason or
condition."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import reason_marks, reporting_verbs
from ..nlp.labels import AUXILIARIES, CLAUSE_SUBJECTS
from .cues import Cue
from .quotes import Quotations


def continuations(cue: Cue, quotes: Quotations) -> list[Token]:
    """The clauses and verb phrases after the content that go on with what was said."""
    return (
        _further_complements(cue)
        + _quoted_coordinates(cue, quotes)
        + _that_coordinates(cue)
        + _predicates_of_content(cue)
    )


def _further_complements(cue: Cue) -> list[Token]:
    """ "said Trump has respect for the military and his comment was ...": a second complement clause
    the parser gave the cue; one that is a cue with a subject of its own is a nested attribution."""
    if cue.frame != "that":
        return []
    return [
        c
        for c in cue.token.rights
        if c.dep_ == "ccomp" and c.i > cue.content.i and not (c.lemma_.lower() in reporting_verbs() and has_subject(c))
    ]


def _later_conjuncts(cue: Cue) -> list[Token]:
    """The clauses or verbs the parser coordinated with the cue after its content: where a content may go on."""
    return [c for c in cue.token.rights if c.dep_ == "conj" and c.i > cue.content.i]


def _quoted_coordinates(cue: Cue, quotes: Quotations) -> list[Token]:
    """ "said that X, and there was “no evidence” yet": a clause the parser coordinated with the cue that quotes
    and has no cue of its own goes on with what was said; the reporter's own words quote nobody."""
    if cue.frame != "that":
        return []
    return [
        c
        for c in _later_conjuncts(cue)
        if has_subject(c)
        and c.lemma_.lower() not in reporting_verbs()
        and any(quotes.touching(c.left_edge.idx, c.right_edge.idx))
    ]


def _that_coordinates(cue: Cue) -> list[Token]:
    """ "said that costs would rise, but that wages would rise faster": a "that" clause the parser coordinated with the
    cue is a second complement of it."""
    if cue.frame != "that" or cue.content.i < cue.token.i:
        return []
    return [
        c
        for c in _later_conjuncts(cue)
        if has_subject(c)
        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)
        # "told X that A and that he believed B": a clause whose verb reports is an attribution nested in it
        and c.lemma_.lower() not in reporting_verbs()
    ]


def _predicates_of_content(cue: Cue) -> list[Token]:
    """ "said the tax would cost little at first, but would add millions later": a verb phrase the parser coordinated
    with the cue that has no subject and another form than the cue goes on with what was said, not with the act."""
    if cue.frame != "that" or cue.content.i < cue.token.i:
        return []
    return [
        c
        for c in _later_conjuncts(cue)
        if c.pos_ in ("VERB", "AUX")
        and not has_subject(c)
        and not same_form(c, cue.token)
        # "..., but did not recommend that ...": a verb with a clause of its own reports something else
        and not any(t.dep_ in ("ccomp", "xcomp") for t in c.subtree)
    ]


def reason_clause(cue: Cue) -> Token | None:
    """ "X said Y because Z" / "unless Z" / ", provided Z": the parser hangs the reason or condition on the cue,
    but it belongs to what was said (a statement runs to the end of its conditions)."""
    for child in cue.token.rights:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in reason_marks() for m in child.children):
            return child
        # "said X, provided Y": the parser reads a condition's "provided" as a verb or preposition of the cue
        if child.dep_ in ("advcl", "conj", "prep") and opens_condition(child):
            return child
    return None


def opens_condition(token: Token) -> bool:
    """ "provided talks resume": a subordinator read as a verb, followed by a clause (not "providing details")."""
    return (
        token.lower_ in reason_marks()
        and token.left_edge == token
        and any(c.dep_ == "ccomp" and has_subject(c) for c in token.children)
    )


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in CLAUSE_SUBJECTS for c in verb.children)


def same_form(a: Token, b: Token) -> bool:
    """Same verb form and auxiliaries: "has maintained" and "has provided", "said" and "described"."""
    return a.tag_ == b.tag_ and _auxiliaries(a) == _auxiliaries(b)


def _auxiliaries(verb: Token) -> tuple[str, ...]:
    return tuple(c.lower_ for c in verb.children if c.dep_ in AUXILIARIES)
