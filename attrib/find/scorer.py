"""The learned cue scorer: how likely each word of a parsed article is to be an attribution cue.

A logistic regression over hashed parse features (the word, its tag and dependency label, its head,
its children's labels and complementisers, its subject's entity type, quotation marks nearby, the
word lists' flags), trained on PolNeAR train by ``scripts/train_cue_scorer.py``. Features are
hashed with numpy from spaCy's per-token arrays, never built as Python dicts, so scoring costs a
small fraction of parsing. The weights file holds numbers only: feature hashes index them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_QUOTE, LEMMA, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc

from ..lexicon import data_dir, noun_cues, reporting_verbs
from .frame_scorer import FrameScorer
from .word_vectors import WordVectors, load_vectors

WEIGHTS_FILE = "cue_scorer.npz"
# exp(700) is about 1e304, within a float64: the sigmoid at the clip is 0 or 1 to the last bit that matters
MAX_LOGIT = 700.0
# the parts of speech a cue can have, besides "according" and a colon
CANDIDATE_POS = np.array([VERB, NOUN, ADJ], dtype=np.uint64)
_ATTRS = [LEMMA, LOWER, TAG, POS, DEP, ENT_TYPE, HEAD, IS_QUOTE, SENT_START]
# odd 64-bit constants of splitmix64, the hash that mixes feature values
_K1, _K2, _K3 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
# how far a quotation mark counts as "next to" a word
QUOTE_REACH = 3


def _id(s: str) -> np.uint64:
    return np.uint64(get_string_id(s))


@lru_cache(maxsize=None)
def _constants() -> dict:
    """Hashes of the labels and words the features test, and of the word lists' entries."""
    verbs = reporting_verbs()
    kinds = sorted({v.kind for v in verbs.values()})
    return {
        "according": _id("according"),
        "colon": _id(":"),
        "subjects": np.array([_id(d) for d in ("nsubj", "nsubjpass", "csubj")], dtype=np.uint64),
        "mark": _id("mark"),
        # a word's list flag: 0 none, 1.. the verb classes, then the statement nouns
        "kinds": [np.array([_id(v.lemma) for v in verbs.values() if v.kind == k], dtype=np.uint64) for k in kinds],
        "nouns": np.array([_id(n) for n in noun_cues()], dtype=np.uint64),
    }


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit moves every output bit."""
    x = x ^ (x >> np.uint64(30))
    x = x * _K2
    x = x ^ (x >> np.uint64(27))
    x = x * _K3
    return x ^ (x >> np.uint64(31))


def _combine(template: int, *values: np.ndarray) -> np.ndarray:
    """One hash per row for a feature template and the values it conjoins."""
    h = np.full(len(values[0]), np.uint64((template + 1) * int(_K1) % (1 << 64)), dtype=np.uint64)
    for v in values:
        h = _mix(h ^ np.asarray(v).astype(np.uint64))
    return h


def token_arrays(doc: Doc) -> dict[str, np.ndarray]:
    """Per-token values the features read, from spaCy's own arrays."""
    a = doc.to_array(_ATTRS)
    c = _constants()
    n = len(doc)
    lemma, lower = a[:, 0], a[:, 1]
    word = np.where(lemma != 0, lemma, lower)  # attrib lemmatises verbs only
    flag = np.zeros(n, dtype=np.uint64)
    for k, lemmas in enumerate(c["kinds"] + [c["nouns"]]):
        flag[np.isin(word, lemmas) | np.isin(lower, lemmas)] = k + 1
    quote = a[:, 7].astype(np.int64)
    seen = np.concatenate([[0], np.cumsum(quote)])  # seen[i]: quotation marks before token i
    sent = np.cumsum(a[:, 8].astype(np.int64) == 1)
    starts = np.searchsorted(sent, sent, side="left")
    ends = np.searchsorted(sent, sent, side="right")
    idx = np.arange(n)
    return {
        "word": word,
        "lower": lower,
        "tag": a[:, 2],
        "pos": a[:, 3],
        "dep": a[:, 4],
        "ent": a[:, 5],
        "head": idx + a[:, 6].astype(np.int64),
        "flag": flag,
        "near_before": seen[idx] - seen[np.maximum(idx - QUOTE_REACH, 0)] > 0,
        "near_after": seen[np.minimum(idx + 1 + QUOTE_REACH, n)] - seen[idx + 1] > 0,
        "sent_before": np.minimum(seen[idx] - seen[starts], 2),
        "sent_after": np.minimum(seen[ends] - seen[idx + 1], 2),
    }


def candidate_mask(t: dict[str, np.ndarray]) -> np.ndarray:
    """The words that may be cues: verbs, nouns, adjectives, "according" and colons."""
    c = _constants()
    return np.isin(t["pos"], CANDIDATE_POS) | (t["lower"] == c["according"]) | (t["lower"] == c["colon"])


def _own_templates(t: dict[str, np.ndarray], head: np.ndarray, n: int) -> list[tuple[np.ndarray, ...]]:
    """The values each feature template of a word's own conjoins, in template order (a template's place is its id)."""
    prev_lower = np.concatenate([[0], t["lower"][:-1]]).astype(np.uint64)
    next_lower = np.concatenate([t["lower"][1:], [0]]).astype(np.uint64)
    w, dep, pos, tag = t["word"], t["dep"], t["pos"], t["tag"]
    near = t["near_before"] * 2 + t["near_after"]
    return [
        (w,),
        (t["lower"],),
        (tag,),
        (dep,),
        (w, dep),
        (w, tag),
        (w[head],),
        (dep, pos[head]),
        (w, w[head]),
        (prev_lower,),
        (next_lower,),
        (w, next_lower),
        (t["flag"], pos),
        (t["flag"], dep),
        (near,),
        (t["sent_before"], t["sent_after"]),
        (w, near),
        (t["flag"], near),
        (pos, t["sent_before"], t["sent_after"]),
        (np.zeros(n),),  # the bias, learnt like any weight
    ]


def features(doc: Doc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates' token indices, and (row, hash) pairs: row indexes the candidates."""
    return hashed_features(token_arrays(doc))


def hashed_features(t: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``features`` from a document's ``token_arrays``."""
    n = len(t["word"])
    mask = candidate_mask(t)
    cands = np.flatnonzero(mask)
    if not n or not len(cands):
        return cands, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint64)
    idx = np.arange(n)
    head = t["head"]
    w, dep, tag = t["word"], t["dep"], t["tag"]
    own = _own_templates(t, head, n)
    rows = [idx] * len(own)
    hashes = [_combine(k, *values) for k, values in enumerate(own)]
    j = np.flatnonzero(head != idx)  # every dependent, for features of its head
    h = head[j]
    subj = j[np.isin(dep[j], _constants()["subjects"])]
    marks = j[dep[j] == _constants()["mark"]]
    g = head[head[marks]]  # a complementiser's clause's head: "said [that ...]"
    edges = [
        (h, (dep[j],)),
        (h, (w[h], dep[j])),
        (h, (dep[j], t["lower"][j])),
        (h, (t["flag"][h], dep[j])),
        (h, (dep[j], t["near_before"][j] | t["near_after"][j])),
        (head[subj], (t["ent"][subj],)),
        (head[subj], (tag[subj],)),
        (head[subj], (w[head[subj]], t["ent"][subj])),
        (g, (dep[head[marks]], t["lower"][marks])),
        (g, (w[g], dep[head[marks]], t["lower"][marks])),
    ]
    for k, (target, values) in enumerate(edges, start=len(own)):
        rows.append(target)
        hashes.append(_combine(k, *values))
    rows_all, hashes_all = np.concatenate(rows), np.concatenate(hashes)
    keep = mask[rows_all]
    position = np.cumsum(mask) - 1  # token index -> candidate row
    return cands, position[rows_all[keep]], hashes_all[keep]


def dense_features(t: dict[str, np.ndarray], cands: np.ndarray, vectors: WordVectors) -> np.ndarray:
    """The word vectors of each candidate, of its head and of its subject, side by side (zeros where none)."""
    n = len(t["word"])
    head = t["head"]
    j = np.flatnonzero((head != np.arange(n)) & np.isin(t["dep"], _constants()["subjects"]))
    subject = np.zeros(n, dtype=np.uint64)
    subject[head[j]] = t["word"][j]  # the word heading the subject phrase: "he", "spokesman", "trump"
    words = (t["word"][cands], t["word"][head[cands]], subject[cands])
    return np.hstack([vectors.lookup(w) for w in words])


@dataclass(frozen=True)
class CueScorer:
    """Weights of the logistic regression, indexed by the low ``bits`` of a feature hash."""

    weights: np.ndarray
    bits: int
    admit: float  # a word outside the lists with at least this probability is a cue
    veto: float  # a listed word below this probability is not
    dense: np.ndarray | None = None  # weights of ``dense_features``: the word vectors of word, head and subject
    vectors: WordVectors | None = None
    pairs: FrameScorer | None = None  # the second stage, for verbs outside the lists with their content

    def probabilities(self, doc: Doc) -> np.ndarray:
        """P(cue) for every token of ``doc``; NaN for words that cannot be cues (no verdict: every
        comparison with NaN is false, so they are neither admitted nor vetoed)."""
        out = np.full(len(doc), np.nan)
        t = token_arrays(doc)
        cands, rows, hashes = hashed_features(t)
        if len(cands):
            mask = np.uint64((1 << self.bits) - 1)
            scores = np.bincount(rows, weights=self.weights[(hashes & mask).astype(np.int64)], minlength=len(cands))
            if self.dense is not None:
                scores += dense_features(t, cands, self.vectors) @ self.dense
            # a logit past +-700 is certainty already; unclipped, exp(-scores) overflows to inf with a warning
            out[cands] = 1.0 / (1.0 + np.exp(-np.clip(scores, -MAX_LOGIT, MAX_LOGIT)))
        return out


@lru_cache(maxsize=None)
def load_scorer() -> CueScorer:
    """The scorer shipped in ``models/`` (read once), with its second stage when the file holds one."""
    with data_dir().joinpath(WEIGHTS_FILE).open("rb") as f:
        data = np.load(f)
        dense = data["dense"].astype(np.float64) if "dense" in data.files else None
        return CueScorer(
            data["weights"].astype(np.float64),
            int(data["bits"]),
            float(data["admit"]),
            float(data["veto"]),
            dense,
            load_vectors() if dense is not None else None,
            _pairs(data),
        )


def _pairs(data) -> FrameScorer | None:
    """The second stage stored beside the first: its weights, slope and thresholds (``pair_*``)."""
    if "pair_weights" not in data.files:
        return None
    return FrameScorer(
        data["pair_weights"].astype(np.float64),
        int(data["pair_bits"]),
        float(data["pair_slope"]),
        float(data["pair_admit"]),
        float(data["pair_floor"]),
    )
