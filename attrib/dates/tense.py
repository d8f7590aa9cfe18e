"""Tense: whether a cue or an event's verb tells of the story's past."""

from __future__ import annotations

from spacy.tokens import Token


def absolute(verb: Token) -> bool:
    """A gerund after "with" ("with the mayor taking on hecklers twice Thursday"): a day dates it as an event
    of the story, whatever the tense of the sentence it hangs on."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "with"


def past_perfect(verb: Token) -> bool:
    """ "had begun by Monday": a dated past perfect is an event of the story's past, as a simple past is."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children)


def past_tense(cue: Token) -> bool:
    """The cue tells of a past event: a simple past ("said", "did not say", "was asked"), or a
    participle or coordinated verb hanging on one; perfects and modals are no events of the story."""
    token = cue
    for _ in range(4):
        if token.lemma_ == "accord":
            return False
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lemma_ == "have" or a.tag_ == "MD" for a in auxes):
            return False
        if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return True
        if token.tag_ in ("VBG", "VBN", "VB") and token.dep_ in ("advcl", "xcomp", "conj", "pcomp", "prep"):
            token = token.head
            continue
        if token.dep_ == "prep":
            token = token.head
            continue
        return False
    return False


def told_past(cue: Token) -> bool:
    """A statement told in the past; a predicative adjective ("was not happy about it") takes its copula's tense,
    a noun cue the tense of the verb it is the object of."""
    if cue.pos_ == "NOUN" and cue.dep_ == "dobj":
        return past_tense(cue.head)  # a noun cue takes its verb's tense: "reserved his passion for ..."
    if cue.pos_ == "NOUN" and cue.dep_ == "pobj" and cue.head.dep_ == "prep":
        return past_tense(cue.head.head)  # or through a preposition: "responded with a note saying ..."
    return past_tense(cue.head if cue.dep_ == "acomp" and cue.pos_ == "ADJ" else cue)


def told_present(cue: Token) -> bool:
    """The cue is a simple present ("Ruiz says", "she asks as he walks in, saying"): the narration of a scene, as
    of a recording; no perfect, modal or progressive."""
    token = cue
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") for c in token.children):
            return False
        if token.tag_ in ("VBZ", "VBP"):
            return True
        if token.tag_ != "VBG" or token.dep_ not in ("advcl", "xcomp", "conj"):
            return False
        token = token.head
    return False
