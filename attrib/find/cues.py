"""Cues: the words that introduce an attribution, found on spaCy's dependency parse.

A cue knows the token of its verb (or "according to"), the root of its content and the root
of its speaker phrase; the spans themselves are cut by ``content`` and ``speakers``. Where a verb's content
lies is ``frames``, its speaker ``subjects``; nouns, adjectives and "according to" are ``nominal_cues``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Doc, Token

from ..lexicon import ReportingVerb, noun_cues, reporting_verbs
from ..nlp.labels import VERBAL
from .found import Cue
from .frames import content_root, cue_tokens, object_of
from .nominal_cues import according_to, adjective_cue, noun_cue
from .subjects import speaker_root

if TYPE_CHECKING:
    from .scorer import CueScorer

# the names other stages import from here (content, fragments, continuations)
__all__ = ["Cue", "cue_tokens", "find_cues", "is_as_clause", "object_of", "speaker_root"]

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
# a noun with the object of a preposition ("her criticism of the plan", "calls for a ban") is a cue at this
# probability (train, four fifths: 0.2 to 0.5 tried, overlap F1 +0.28 at 0.2, +0.33 at 0.3, +0.15 at 0.5)
NOUN_PREPOSITION_ADMIT = 0.3


def find_cues(doc: Doc, scorer: CueScorer | None = None) -> Iterator[Cue]:
    """Every reporting-verb and "according to" cue in the document, in order; with a ``scorer``, listed
    verbs and nouns it finds very unlikely are left out and unlisted verbs it finds likely are taken in."""
    verbs = reporting_verbs()
    p = scorer.probabilities(doc) if scorer is not None else None
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            cue = according_to(token)
            if cue:
                yield cue
            continue
        if token.pos_ == "NOUN":
            listed = token.lower_ in noun_cues()
            likely = p is not None and p[token.i] >= NOUN_ADMIT
            # a noun's preposition ("criticism of X") asks for more likelihood than its clause does
            prepositional = p is None or p[token.i] >= NOUN_PREPOSITION_ADMIT
            cue = noun_cue(token, prepositional) if listed or likely else None
            if cue and (p is None or not p[token.i] < scorer.veto):
                yield cue
            continue
        if token.pos_ == "ADJ":
            likely = p is not None and p[token.i] >= ADJECTIVE_ADMIT
            cue = adjective_cue(token) if likely else None
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
        content, frame = content_root(token, entry.frames)
        likely = p is not None and p[token.i] >= LEARNED_FRAME_ADMIT
        fallback = _learned_frame_cue(token, entry) if content is None and likely else None
        yield Cue(token, cue_tokens(token), content, frame, speaker_root(token), fallback, entry.kind == "learned")


def _learned_frame_cue(verb: Token, entry: ReportingVerb) -> Cue | None:
    """ "polls show Clinton ahead": a listed verb whose own frames find nothing may report in a learned one."""
    # a characterising verb keeps its own rule: an object only with a predicate ("called her sister" is no saying)
    if entry.kind == "learned" or "pred" in entry.frames:
        return None
    content, frame = content_root(verb, entry.frames | LEARNED_FRAMES)
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
    learned = ReportingVerb(lemma, "learned", LEARNED_FRAMES)
    pairs = scorer.pairs
    if pairs is None:
        return learned if p[token.i] >= scorer.admit else None
    # the second stage judges the verb with the content its frames find: "called for a ban", not "called him"
    if not p[token.i] >= pairs.floor:
        return None
    content, frame = content_root(token, LEARNED_FRAMES)
    if _statement_nouns_clause(token, content):
        return None
    return learned if pairs.probability(token, content, frame, "learned", p[token.i]) >= pairs.admit else None


def _statement_nouns_clause(verb: Token, content: Token | None) -> bool:
    """ "examined Trump's claim that crime had doubled": a clause a statement noun governs is the noun's report,
    not the report of the verb outside the lists that has the noun for its object."""
    owner = content.head if content is not None else None
    return owner is not None and owner != verb and owner.pos_ == "NOUN" and owner.lower_ in noun_cues()


def _denied_belief(verb: Token, entry: ReportingVerb) -> bool:
    """ "does not believe", "did not support": a belief or stance denied states nothing; a saying denied still
    reports one, and so does a wish or plan (a thought verb taking an infinitive: "did not want X to stay")."""
    return entry.kind == "thought" and "to" not in entry.frames and any(c.dep_ == "neg" for c in verb.children)


def is_as_clause(verb: Token) -> bool:
    """ "..., as the mayor put it" / "as she said": a comparative clause that attributes the clause it hangs on."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
