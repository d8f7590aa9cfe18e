"""The second stage of the learned cue scorer: is a verb, with the content its frames find, an attribution?

The word-level scorer (``scorer``) sees a verb in its sentence; most cue verbs it misses are words it has seen as
cues, in another sense ("called for a ban" against "called him"). This stage judges the pair the rules would
report: the verb's first-stage logit, the frame its content was found in and what that content is (a clause with
a finite verb and a subject of its own, an infinitive, a noun phrase and its head's list class, its length,
quotation marks at its edges), the speaker (entity type, pronoun, none), negation and modals, each conjoined
with the verb's list class (speech, thought, evidence, or "learned" for a verb outside the lists), so that they
generalise across words. A logistic regression over hashed features, trained on PolNeAR train by
``scripts/train_cue_scorer.py``; the weights file holds numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Token

from ..lexicon import noun_cues, proposition_nouns

# what a clause's first word says of it: a complementiser, an infinitive, a question word
CLAUSE_OPENERS = frozenset({"that", "whether", "if", "to", "for", "how", "what", "why", "when", "who"})
# the finite tags: a clause with one of them (or such an auxiliary) states something
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# the first stage's logit enters the pair model scaled by this (so that one L2 penalty suits it and the 0/1 features)
LOGIT_SCALE = 0.25


def _bucket(n: int) -> int:
    """A length in words, by powers of two: 1, 2, 3-4, 5-8, ..., 33 and more."""
    return min(int(np.ceil(np.log2(max(n, 1)))), 6)


def _finite(token: Token) -> bool:
    return token.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in token.children
    )


def _quote_at(doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].is_quote


def _content_words(verb: Token, content: Token | None, frame: str) -> list[str]:
    """What the frame reports, as feature strings: the kind of content, its length, its head, its edges."""
    if content is None:
        return [f"{frame}|none"]
    doc = verb.doc
    left, right = content.left_edge.i, content.right_edge.i
    first = doc[left].lower_
    head_class = (
        "statement" if content.lower_ in noun_cues() else "proposition" if content.lower_ in proposition_nouns() else ""
    )
    has_subject = any(c.dep_ in SUBJECTS for c in content.children)
    quoted = (_quote_at(doc, left - 1) or doc[left].is_quote, _quote_at(doc, right + 1) or doc[right].is_quote)
    via = content.head.lower_ if content.dep_ == "pobj" else ""
    side = "after" if content.i > verb.i else "before"
    return [
        f"{frame}|tag={content.tag_}",
        f"{frame}|dep={content.dep_}",
        f"{frame}|size={_bucket(right - left + 1)}",
        f"{frame}|finite={_finite(content)}|subject={has_subject}",
        f"{frame}|opens={first if first in CLAUSE_OPENERS else doc[left].pos_}",
        f"{frame}|class={head_class}",
        f"{frame}|ent={content.ent_type_}",
        f"{frame}|quoted={quoted}",
        f"{frame}|via={via}",
        f"{frame}|side={side}|gap={_bucket(abs(content.i - verb.i))}",
    ]


def _verb_words(verb: Token, frame: str) -> list[str]:
    """The verb's own side of the pair: its tag and label, its subject's kind, negation and modals, its word."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    s = subjects[0] if subjects else None
    subject = "none" if s is None else f"{s.ent_type_}|{s.tag_}|{s.lower_ if s.tag_ == 'PRP' else ''}"
    aux = sorted(c.lower_ for c in verb.children if c.dep_ in ("aux", "neg") and c.tag_ in ("MD", "RB"))
    near = any(t.is_quote for t in verb.doc[max(verb.i - 3, 0) : verb.i + 4])
    return [
        "bias",
        f"frame={frame}",
        f"{frame}|vtag={verb.tag_}",
        f"{frame}|vdep={verb.dep_}",
        f"{frame}|subject={subject}",
        f"subject={subject}",
        f"{frame}|aux={'+'.join(aux)}",
        f"{frame}|near_quote={near}",
        f"{frame}|word={verb.lemma_.lower()}",
        f"word={verb.lemma_.lower()}",
    ]


def pair_words(verb: Token, content: Token | None, frame: str, kind: str, p: float) -> list[str]:
    """The features of one (verb, content) pair as strings; each names the verb's list class (``kind``: speech,
    thought, evidence, learned) and its frame, so that it generalises across the words of a class."""
    frame = f"{kind}:{frame}"
    words = _verb_words(verb, frame) + _content_words(verb, content, frame)
    # the first stage's probability by tenths, per frame: its logit alone is one slope for every frame
    words.append(f"{frame}|p={min(int(p * 10), 9)}")
    deps = sorted({c.dep_ for c in verb.children if c.dep_ not in ("punct", "cc")})
    words.append(f"{frame}|children={'+'.join(deps)}")
    return words


def pair_hashes(verb: Token, content: Token | None, frame: str, kind: str, p: float) -> np.ndarray:
    """``pair_words`` as spaCy's string hashes: the weights file keeps no text."""
    return np.array([get_string_id(w) for w in pair_words(verb, content, frame, kind, p)], dtype=np.uint64)


def logit_feature(p: float) -> float:
    """The first stage's probability as the pair model reads it: its logit, scaled down (one regularised weight)."""
    return float(np.log(max(p, 1e-9) / max(1.0 - p, 1e-9))) * LOGIT_SCALE


@dataclass(frozen=True)
class FrameScorer:
    """Weights of the pair model: ``weights`` indexed by the low ``bits`` of a feature hash, ``slope`` the weight
    of the first stage's scaled logit."""

    weights: np.ndarray
    bits: int
    slope: float
    admit: float  # a pair at this probability or more is a cue
    floor: float  # the first-stage probability a verb needs before its pair is judged

    def probability(self, verb: Token, content: Token | None, frame: str, kind: str, p: float) -> float:
        """P(the verb with this content is an attribution), from the first stage's ``p`` and the pair's features."""
        mask = np.uint64((1 << self.bits) - 1)
        score = self.weights[(pair_hashes(verb, content, frame, kind, p) & mask).astype(np.int64)].sum()
        score += self.slope * logit_feature(p)
        return float(1.0 / (1.0 + np.exp(-np.clip(score, -700.0, 700.0))))
