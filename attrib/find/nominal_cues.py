"""Cues that are no verbs: a statement noun with its "that" clause, infinitive or preposition's object ("Trump's
claim that ...", "his decision to run", "her criticism of the plan"), a predicative adjective ("was confident
that ..."), and "according to"."""

from __future__ import annotations

from spacy.tokens import Token

from ..nlp.labels import ADJECTIVE_PREPOSITIONS, NOMINAL, NOUN_PREPOSITIONS, VERBAL
from .found import Cue
from .frames import cue_tokens, object_of
from .subjects import speaker_root


def noun_cue(noun: Token, prepositional: bool = True) -> Cue | None:
    """ "Trump’s claim that ...", "his decision to run", "her criticism of the plan": a statement or intention noun
    whose "that" clause, infinitive or (when ``prepositional``) preposition's object is the content and whose holder
    is the speaker (a relative clause, "the claim that he made", is no content)."""
    content = _noun_content(noun, prepositional)
    speaker = _noun_speaker(noun) if content is not None else None
    if content is None or speaker is None:
        return None
    root, frame = content
    after = noun.doc[noun.i + 1]
    return Cue(noun, (noun, after) if root.head == after else (noun,), root, frame, speaker)


def _noun_content(noun: Token, prepositional: bool) -> tuple[Token, str] | None:
    """The root of a cue noun's content and its frame."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child, "that"
    for child in noun.children:
        # "his decision to run", "her plan to leave": an intention noun's infinitive is what was meant or said
        # (train, four fifths: 65% of the new records matched gold contents; overlap F1 +0.14)
        if (
            child.dep_ == "acl"
            and child.i > noun.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        ):
            return child, "to"
    copular = _copula_complement(noun)
    if copular is not None:
        return copular
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    # "her criticism of the plan", "his attacks on the press": the object of the preposition right after the noun
    if prepositional and after is not None and after.head == noun and after.lower_ in NOUN_PREPOSITIONS:
        obj = object_of(after, ("pobj", "pcomp"))
        return (obj, "obj") if obj is not None else None
    return None


def _copula_complement(noun: Token) -> tuple[Token, str] | None:
    """ "Her argument is that taxes must fall", "his goal is to win": a statement or intention noun that is the
    subject of "be" states the copula's "that" clause or infinitive."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    for child in verb.rights:
        if child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return child, "that"
        if child.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            return child, "to"
    return None


def _noun_speaker(noun: Token) -> Token | None:
    """Who holds a statement noun: "Trump's claim", "a claim by Trump", "Trump made the claim", "Trump pushed
    back on the claim" (the subject of the verb the noun is the object of)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by" and (agent := object_of(child)) is not None:
            return agent
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ in ("dobj", "pobj") and holder.pos_ in VERBAL and holder != noun:
        return speaker_root(holder)
    return None


def adjective_cue(adj: Token) -> Cue | None:
    """ "was confident that ...", "is critical of X": a predicative adjective the scorer finds likely reports its
    clause or the object of its preposition, and the copula's subject holds it."""
    # inside another statement ("said she was confident that ...") the adjective is part of what was said
    if adj.dep_ != "acomp" or adj.head.dep_ not in ("ROOT", "conj"):
        return None
    for child in adj.rights:
        if child.dep_ == "ccomp":
            return Cue(adj, cue_tokens(adj), child, "that", speaker_root(adj.head))
        if child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPOSITIONS:
            if (obj := object_of(child, ("pobj", "pcomp"))) is not None:
                return Cue(adj, cue_tokens(adj), obj, "obj", speaker_root(adj.head))
    return None


def according_to(according: Token) -> Cue | None:
    to = according.doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objects:
        # "according to show insiders": the parser read a verb into the phrase; its head noun still speaks
        nominal = NOMINAL | {"PRON"}
        objects = [t for t in to.subtree if t.i > to.i and t.pos_ in nominal and t.head.pos_ not in nominal]
    if not objects:
        return None
    return Cue(according, (according, to), _according_content(according), "according", objects[0])


def _according_content(according: Token) -> Token | None:
    """What "according to" attributes: the clause it hangs on; after the last of coordinated clauses ("A was paid
    and B was paid, according to records"), the whole coordination, which the parser hangs on its first clause."""
    root = according.head
    if root == according:
        return None
    while root.dep_ == "conj" and root.head.pos_ in VERBAL and according.i > root.i:
        root = root.head
    return root
