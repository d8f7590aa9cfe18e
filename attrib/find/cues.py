"""Cues: the words that introduce an attribution, found on spaCy's dependency parse.

A cue knows the token of its verb (or "according to"), the root of its content and the root
of its speaker phrase; the spans themselves are cut by ``content`` and ``speakers``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Doc, Token

from ..lexicon import ReportingVerb, event_nouns, noun_cues, reporting_verbs
from ..nlp.labels import (
    ADJECTIVE_PREPOSITIONS,
    CUE_PREMODIFIERS,
    EMPTY_OBJECTS,
    MODIFIER_CLAUSES,
    NOMINAL,
    RELATIVE_TAGS,
    SUBJECT_LENDERS,
    VERBAL,
)

if TYPE_CHECKING:
    from .scorer import CueScorer

# a cue's auxiliaries and adverbs stand at most this many tokens before its verb ("has also repeatedly said")
MAX_PREMODIFIER_REACH = 4
# a dependent cue borrows a subject from at most this many verbs up ("declined to comment, saying ...")
MAX_LENDER_STEPS = 4
# a clause longer than this is no sentence of news (PolNeAR dev's longest content clause has 96 tokens) but a
# pathological parse, such as ten thousand nested "X said that": the rules walk no clause further, and a cue
# whose content clause is longer is left out, so that each cue costs a bounded time
MAX_CLAUSE_TOKENS = 400
# a verb outside the lists that the learned scorer admits takes a clause, an object, a "to" clause or the object
# of the preposition right after it ("railed against X") as its content
LEARNED_FRAMES = frozenset({"that", "obj", "to", "prep"})
# a listed verb whose own frames give no content and no quotation stands by takes its content in a learned frame
# at this probability (train, out of fold: the attribution F1 of 0.4 with half a point more precision)
LEARNED_FRAME_ADMIT = 0.6
# a predicative adjective ("was confident that ...", "is critical of X") is a cue at this probability (train, out of
# fold: 0.1 to 0.3 tried, all within 0.05 points of attribution F1, 0.1 the best)
ADJECTIVE_ADMIT = 0.1
# a noun outside the list with a "that" clause ("his warning that ...") is a cue at this probability (train, out of
# fold: 0.1 to 0.3 within 0.03 points of overlap and attribution F1)
NOUN_ADMIT = 0.2


@dataclass(frozen=True)
class Cue:
    """An attribution cue: ``tokens`` are the cue words, ``content`` roots its content clause."""

    token: Token
    tokens: tuple[Token, ...]
    content: Token | None  # None when the content is an adjacent quotation
    frame: str  # that, obj, to, quote or according
    speaker: Token | None
    fallback: Cue | None = None  # the same cue in a learned frame, when its own frames and quotations give nothing
    learned: bool = False  # in a frame only the scorer admits: a verb outside the lists, or a listed one's fallback


def find_cues(doc: Doc, scorer: CueScorer | None = None) -> Iterator[Cue]:
    """Every reporting-verb and "according to" cue in the document, in order; with a ``scorer``, listed
    verbs and nouns it finds very unlikely are left out and unlisted verbs it finds likely are taken in."""
    verbs = reporting_verbs()
    p = scorer.probabilities(doc) if scorer is not None else None
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cue = _according_to(token)
            if cue:
                yield cue
            continue
        if token.pos_ == "NOUN":
            listed = token.lower_ in noun_cues()
            likely = p is not None and p[token.i] >= NOUN_ADMIT
            cue = _noun_cue(token) if listed or likely else None
            if cue and (p is None or not p[token.i] < scorer.veto):
                yield cue
            continue
        if token.pos_ == "ADJ":
            likely = p is not None and p[token.i] >= ADJECTIVE_ADMIT
            cue = _adjective_cue(token) if likely else None
            if cue:
                yield cue
            continue
        entry = _verb_entry(token, verbs, p, scorer)
        if entry is None or token.pos_ not in VERBAL or token.tag_ == "VBN" and token.dep_ == "amod":
            continue
        if _denied_belief(token, entry):
            continue
        if entry.frames == {"as"} and not (
            is_as_clause(token) and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
        ):
            continue
        content, frame = _content_root(token, entry.frames)
        likely = p is not None and p[token.i] >= LEARNED_FRAME_ADMIT
        fallback = _learned_frame_cue(token, entry) if content is None and likely else None
        yield Cue(token, cue_tokens(token), content, frame, speaker_root(token), fallback, entry.kind == "learned")


def _learned_frame_cue(verb: Token, entry: ReportingVerb) -> Cue | None:
    """ "polls show Clinton ahead": a listed verb whose own frames find nothing may report in a learned one."""
    # a characterising verb keeps its own rule: an object only with a predicate ("called her sister" is no saying)
    if entry.kind == "learned" or "pred" in entry.frames:
        return None
    content, frame = _content_root(verb, entry.frames | LEARNED_FRAMES)
    return (
        Cue(verb, cue_tokens(verb), content, frame, speaker_root(verb), learned=True) if content is not None else None
    )


def _verb_entry(token: Token, verbs: dict[str, ReportingVerb], p, scorer: CueScorer | None) -> ReportingVerb | None:
    """The list's entry for the verb, unless the scorer vetoes it; an entry of its own for a verb it admits."""
    lemma = token.lemma_.lower()
    entry = verbs.get(lemma)
    if p is None:
        return entry
    if entry is not None:
        return None if p[token.i] < scorer.veto else entry
    return ReportingVerb(lemma, "learned", LEARNED_FRAMES) if p[token.i] >= scorer.admit else None


def _denied_belief(verb: Token, entry: ReportingVerb) -> bool:
    """ "does not believe", "did not support": a belief or stance denied states nothing; a saying denied still
    reports one, and so does a wish or plan (a thought verb taking an infinitive: "did not want X to stay")."""
    return entry.kind == "thought" and "to" not in entry.frames and any(c.dep_ == "neg" for c in verb.children)


def is_as_clause(verb: Token) -> bool:
    """ "..., as the mayor put it" / "as she said": a comparative clause that attributes the clause it hangs on."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)


def _content_root(verb: Token, frames: frozenset[str]) -> tuple[Token | None, str]:
    children = list(verb.children)
    return _clause_root(verb, children, frames) or _object_root(verb, children, frames) or (None, "quote")


def _clause_root(verb: Token, children: list[Token], frames: frozenset[str]) -> tuple[Token, str] | None:
    """The root of the verb's content when that is a clause: "that", infinitive, gerund, "for X to"."""
    for child in children:
        # a complement clause, or a quotation the parser hung on the verb as a side clause
        if child.dep_ in ("ccomp", "parataxis") and "that" in frames:
            return child, "that"
    if "that" in frames:
        clause = _misattached_that_clause(verb)
        if clause is not None:
            return clause, "that"
        for child in children:
            # "tweeted in the early hours that X was ...": the parser made the "that" clause adverbial
            if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ == "that":
                return child, "that"
    for child in children:
        if (
            child.dep_ == "xcomp"
            and "to" in frames
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            # "urged the governor to release ...", "told his staff never to speak": the content starts at the object
            objects = [c for c in children if c.dep_ == "dobj" and c.i < child.i]
            return (objects[0], "obj") if objects else (child, "to")
    for child in children:
        # "proposed taxing carbon": a verb listed with the "ing" frame takes a gerund phrase as its object
        # (train, out of fold: overlap F1 +0.07, held-out +0.0, dev +0.2)
        if child.dep_ == "xcomp" and "ing" in frames and _is_gerund_complement(verb, child):
            return child, "obj"
    # "called for the city to act": the parser read "for" as the mark of an adverbial clause, which is the
    # object of the phrasal verb (cue_tokens takes "for" into the cue)
    mark = _for_clause_mark(verb)
    return (mark.head, "obj") if mark is not None and frames & {"obj", "pred"} else None


def _object_root(verb: Token, children: list[Token], frames: frozenset[str]) -> tuple[Token, str] | None:
    """The root of the verb's content when that is a noun phrase: an object, a predicate, a preposition's object."""
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    # "The merger was first reported by a newspaper": a passive's subject is what its agent said; not with a
    # verb that takes an infinitive, whose passive subject is spoken to ("was asked by a reporter")
    if "obj" in frames and "to" not in frames and subject is not None and subject.pos_ != "PRON":
        if any(c.dep_ == "agent" for c in children):
            return subject, "obj"
    predicates = [c for c in children if c.dep_ == "oprd"]
    # "pred" verbs take an object only with its predicate: "called X “crazy”", "described X as “Y”",
    # "accused X of Y", "likened X to Y"; not "called X on Friday"
    objects = [c for c in children if c.dep_ == "dobj"]
    # the complement may hang on the verb or, as the parser often has it, on the object
    complements = [
        c
        for h in [verb, *objects]
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("as", "of", "to") and c.i > verb.i + 1
    ]
    takes_object = "obj" in frames or "pred" in frames and bool(predicates or complements)
    for child in children:
        # a pronoun object counts when a predicate or complement follows it: "call this the “waiting game”",
        # "portrayed himself as X", "accused them of Y" (train: 53 of 83 new records matched gold); a personal
        # pronoun counts alone too, "endorsed her", "criticized him" (train: 39 of 73; "it" is empty)
        if (
            child.dep_ in ("dobj", "attr")
            and takes_object
            and (predicates or complements or child.lower_ not in EMPTY_OBJECTS and _names_something(child))
        ):
            return child, "obj"
    if predicates and takes_object:
        return predicates[0], "obj"  # "called both Trump and Clinton “crazy”": the parser left no object
    for child in children:
        # "called for X", "pointed to X", "warned of X": the content is the preposition's object
        # the preposition is phrasal only right after the verb: "called on X to", not "called X on Friday"
        if (
            child.dep_ == "prep"
            and (child.lower_ in ("for", "to", "of", "on") and frames & {"obj", "pred"} or "prep" in frames)
            and child.i == verb.i + 1
            and (obj := object_of(child)) is not None
        ):
            return obj, "obj"
    return None


def _names_something(obj: Token) -> bool:
    """A noun, or a personal pronoun ("him", "them"); not "which", "anything", "what"."""
    return obj.pos_ != "PRON" or obj.tag_ == "PRP"


def _for_clause_mark(verb: Token) -> Token | None:
    """The "for" right after the verb that marks a clause of the verb's: "called for the city to act"."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.lower_ != "for" or after.dep_ != "mark" or after.head.dep_ != "advcl":
        return None
    return after if after.head.head == verb else None


def _is_gerund_complement(verb: Token, clause: Token) -> bool:
    """ "endorsed building a stadium": a gerund after the verb, no infinitive ("to") or auxiliary of its own."""
    return clause.tag_ == "VBG" and clause.i > verb.i and not any(c.dep_ == "aux" for c in clause.children)


def _misattached_that_clause(verb: Token) -> Token | None:
    """A "that" clause the parser hung on a noun after the verb ("told reporters on Feb. 1 that ...")."""
    # every token whose head hangs on the verb lies in the verb's subtree, so at most its right edge
    for token in verb.doc[verb.i + 1 : min(verb.right_edge.i + 1, verb.i + 1 + MAX_CLAUSE_TOKENS)]:
        if token.dep_ not in MODIFIER_CLAUSES:
            continue
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ == "that" and c.i == token.left_edge.i]
        # the noun it hangs on must be the verb's own object or adjunct, not a noun of the content
        if (
            marks
            and token.head.head is not None
            and token.head.dep_ in ("dobj", "pobj", "npadvmod")
            and token.head.head in (verb, *[c for c in verb.children if c.dep_ == "prep"])
        ):
            return token
    return None


def cue_tokens(verb: Token) -> tuple[Token, ...]:
    """The verb with its auxiliaries, negation and adverbs in front ("has repeatedly said")."""
    before = [c for c in verb.lefts if c.dep_ in CUE_PREMODIFIERS and c.i >= verb.i - MAX_PREMODIFIER_REACH]
    start = min([verb.i] + [c.i for c in before if all(t.dep_ in CUE_PREMODIFIERS for t in verb.doc[c.i : verb.i])])
    particles = [c for c in verb.rights if c.dep_ == "prt" and c.i == verb.i + 1]
    for_mark = _for_clause_mark(verb)
    particles = [for_mark] if for_mark is not None else particles  # "called for the city to act": "called for"
    end = particles[-1].i if particles else verb.i
    return tuple(verb.doc[start : end + 1])


def speaker_root(verb: Token) -> Token | None:
    """The head of the verb's speaker: its subject, the agent of a passive, or a lender's subject."""
    for child in verb.children:
        if child.dep_ == "agent" and (agent := object_of(child)) is not None:
            return agent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    # of two subjects, one a colon closes is a headline's label ("The Latest: Ruiz says ..."), not the speaker
    labels = [c for c in subjects if _before_colon(c)]
    subjects = [c for c in subjects if c not in labels] or labels
    if subjects:
        # of two subjects the parser gives one verb, a named person beats a common noun (a subhead glued
        # to the sentence: "THE LOANS When he ..., Mr. Reed said")
        named = [c for c in subjects if c.ent_type_ == "PERSON" and c.i < verb.i]
        common = subjects[0].ent_type_ != "PERSON" and subjects[0].pos_ != "PROPN"
        return _antecedent_of_relative(named[-1] if named and common else subjects[0])
    if verb.dep_ == "acl" and verb.head.pos_ in NOMINAL:
        return _occasion_holder(verb.head) or verb.head  # "reports suggesting that ...": the noun speaks
    seen = 0
    while verb.dep_ in SUBJECT_LENDERS and verb.head != verb and seen < MAX_LENDER_STEPS:
        if _spoken_to(verb):
            return None
        if verb.dep_ == "relcl":
            return verb.head
        if (
            verb.dep_ == "conj"
            and verb.head.lemma_.lower() not in reporting_verbs()
            and verb.head.dep_ not in ("ROOT", "conj")  # a chain of predicates ("rushed in and said") walks up
            and not any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in verb.head.children)
        ):
            # coordination deep inside a clause is too often a misparse to borrow from, short of a named subject
            return None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head  # "published the results by announcing that ...": the verb the phrase modifies
            while verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep":
                verb = verb.head.head  # "in addition to stating that ...": a compound preposition
        # "is expected to endorse", "was devoted to criticizing": the subject of the passive or adjective completed
        raised = verb.dep_ in ("xcomp", "prep")
        verb = verb.head.head if raised and verb.head.dep_ == "acomp" else verb.head
        seen += 1
        for child in verb.children:
            if child.dep_ == "nsubj" or raised and child.dep_ == "nsubjpass":
                return _antecedent_of_relative(child)
    return None


def _before_colon(token: Token) -> bool:
    """Whether a colon follows the phrase ``token`` heads."""
    after = token.right_edge.i + 1
    return after < len(token.doc) and token.doc[after].text == ":"


def object_of(preposition: Token, deps: tuple[str, ...] = ("pobj",)) -> Token | None:
    """The noun a preposition governs ("by the agency": "agency"); with "pcomp" in ``deps``, or the clause
    ("about raising taxes")."""
    return next((c for c in preposition.children if c.dep_ in deps), None)


def _occasion_holder(noun: Token) -> Token | None:
    """ "She said at a news conference announcing that ...": an occasion speaks with the voice of whoever
    held it, the subject of the verb of saying it hangs on."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("at", "during") or noun.lower_ not in event_nouns():
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting_verbs():
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _antecedent_of_relative(subject) if subject is not None else None


def _spoken_to(verb: Token) -> bool:
    """ "Asked whether ..., Lopez said": the subject a passive participle of speech borrows was spoken to (not
    "Having said ...", and not "Worried that ...", whose subject is the one who worries)."""
    entry = reporting_verbs().get(verb.lemma_.lower())
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and entry is not None
        and entry.kind == "speech"
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _antecedent_of_relative(subject: Token) -> Token:
    """ "who"/"which" as a subject stands for the noun its clause modifies."""
    if subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _noun_cue(noun: Token) -> Cue | None:
    """ "Trump’s claim that ...": a statement noun whose "that" clause is the content and whose
    holder is the speaker (a relative clause, "the claim that he made", is no content)."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            speaker = _noun_speaker(noun)
            if speaker is not None:
                return Cue(noun, (noun,), child, "that", speaker)
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


def _adjective_cue(adj: Token) -> Cue | None:
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


def _according_to(according: Token) -> Cue | None:
    to = according.doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objects:
        # "according to show insiders": the parser read a verb into the phrase; its head noun still speaks
        nominal = NOMINAL | {"PRON"}
        objects = [t for t in to.subtree if t.i > to.i and t.pos_ in nominal and t.head.pos_ not in nominal]
    if not objects:
        return None
    return Cue(
        according, (according, to), according.head if according.head != according else None, "according", objects[0]
    )
