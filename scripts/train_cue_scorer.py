#!/usr/bin/env python3
"""Train the learned cue scorer on PolNeAR train and write models/cue_scorer.npz.

    pip install -e ".[train]"
    python scripts/train_cue_scorer.py ../shared/eval/polnear-train.jsonl [--cache FILE.spacy] [--out FILE.npz]

Every word that may be a cue (a verb, noun or adjective, "according", a colon) is an example; it
is a cue when it lies inside an annotated cue span. A logistic regression (scikit-learn's
liblinear, fixed seed) learns from four fifths of the articles; the admit and veto thresholds are
the ones that give the best attribution F1 of the whole extractor on the other fifth (every fifth
article); the final weights are then fitted on all articles with the same settings. Only the train
split is read: never give this script the dev file. ``--cache`` keeps the parsed articles (spaCy
DocBin) so a second run skips parsing; ``--held-out-model`` also writes the model fitted without the
held-out fifth, to check figures on it. A second stage judges each verb with the content its frames
find (``attrib/find/frame_scorer.py``), learnt from first-stage logits out of fold. The run is
deterministic: the same train file and pipeline give the same weights (liblinear with a fixed seed,
features hashed without Python's salted ``hash``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from attrib.annotate import annotate
from attrib.find.cues import LEARNED_FRAMES, _denied_belief
from attrib.find.frame_scorer import FrameScorer, logit_feature, pair_hashes
from attrib.find.frames import content_root
from attrib.find.scorer import (
    WEIGHTS_FILE,
    CueScorer,
    candidate_mask,
    dense_features,
    hashed_features,
    token_arrays,
)
from attrib.find.word_vectors import load_vectors
from attrib.lexicon import reporting_verbs
from attrib.nlp.labels import VERBAL
from attrib.pipeline import load_pipeline

# 2^20 weights: fewer hash collisions than 2^18 (train out of fold: content overlap and attribution F1 +0.1, no fold
# worse); the file stays under 2 MB
BITS = 20
# inverse regularisation strength, chosen on the held-out fifth (0.1, 0.3, 1 and 3 tried)
C = 0.3
SEED = 0
HELD_OUT = 5  # every fifth article is held out for the thresholds
ADMIT = (0.4, 0.5, 0.6, 0.7)
# the veto stays at very low probabilities: higher ones mostly drop cues nested in another's content, which
# PolNeAR leaves unannotated more often than attrib's own guideline does (the seed article counts them)
VETO = (0.0, 0.02, 0.05)
# the second stage (pairs of a verb and its content): 2^18 weights, C chosen on the held-out fifth (0.1, 0.3, 1:
# pair AP 0.509, 0.508, 0.487)
PAIR_BITS = 18
PAIR_C = 0.1
# a verb outside the lists needs this first-stage probability before its pair is judged
PAIR_FLOOR = 0.05
# chosen on train's four fifths out of fold (each fifth's pairs judged by a model fitted on the other three, first
# stage out of fold): admit 0.2, 0.25, 0.3, 0.35 gave attribution F1 67.1, 67.4, 67.4, 67.3 and overlap 70.6, 70.8,
# 70.9, 70.8 (the first stage alone, admit 0.4: 67.1, 70.6)
PAIR_ADMIT = 0.3
ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def parse(gold: list[dict], cache: Path | None) -> list[Doc]:
    """The articles parsed by attrib's pipeline, read from ``cache`` when it holds them."""
    nlp = load_pipeline(learned=False)
    nlp.disable_pipe("attrib")  # the parse is all that is kept
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [g["text"] for g in gold]:
            return docs
    docs = list(nlp.pipe((g["text"] for g in gold), batch_size=16))
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


def examples(doc: Doc, quotes: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows, feature hashes, labels and dense features (word vectors) of one article's candidates."""
    t = token_arrays(doc)
    cands, rows, hashes = hashed_features(t)
    starts = np.array([t.idx for t in doc])[cands]
    ends = starts + np.array([len(t.text) for t in doc])[cands]
    labels = np.zeros(len(cands), dtype=bool)
    for q in quotes:
        if q.get("cue_start") is not None:
            labels |= (starts < q["cue_end"]) & (ends > q["cue_start"])
    return rows, hashes, labels, dense_features(t, cands, load_vectors())


def matrix(items: list[tuple[np.ndarray, ...]], dense: bool = True) -> tuple[csr_matrix, np.ndarray]:
    """Hashed features as 2^BITS sparse columns, then the dense ones (unless not ``dense``)."""
    rows, cols, labels, offset = [], [], [], 0
    for r, h, y, _ in items:
        rows.append(r + offset)
        cols.append((h & np.uint64((1 << BITS) - 1)).astype(np.int64))
        labels.append(y)
        offset += len(y)
    r, c = np.concatenate(rows), np.concatenate(cols)
    x = csr_matrix((np.ones(len(r)), (r, c)), shape=(offset, 1 << BITS))
    if not dense:
        return x.tocsr(), np.concatenate(labels)
    return hstack([x, csr_matrix(np.concatenate([item[3] for item in items]))]).tocsr(), np.concatenate(labels)


def fit(x: csr_matrix, y: np.ndarray) -> np.ndarray:
    """Weights indexed by feature hash; the bias is the weight of the constant feature."""
    model = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, random_state=SEED, max_iter=1000)
    model.fit(x, y)
    return model.coef_[0].astype(np.float32)


def detection(weights: np.ndarray, x: csr_matrix, y: np.ndarray, threshold: float = 0.5) -> str:
    p = 1 / (1 + np.exp(-(x @ weights.astype(np.float64))))
    tp = int(((p >= threshold) & y).sum())
    prec, rec = tp / max(1, int((p >= threshold).sum())), tp / max(1, int(y.sum()))
    return f"P {prec:.3f} R {rec:.3f} F1 {2 * prec * rec / max(1e-9, prec + rec):.3f}"


def end_to_end(docs: list[Doc], gold: list[dict], scorer: CueScorer | None) -> dict:
    """The shared scorer's figures for the whole extractor run with ``scorer`` on parsed articles."""
    records = [r.to_dict() for g, doc in zip(gold, docs) for r in annotate(doc, g.get("date"), g["id"], scorer)[1]]
    return shared_scorer().score(gold, records)


@lru_cache(maxsize=None)
def shared_scorer():
    """The project's score.py, loaded once for every threshold pair tried."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def thresholds(docs: list[Doc], gold: list[dict], weights: np.ndarray) -> tuple[float, float]:
    """The admit and veto thresholds that give the best attribution F1 (then content overlap F1) on ``docs``."""
    rules = end_to_end(docs, gold, None)
    print(
        f"rules alone: attribution {rules['attribution']['f1']} content overlap {rules['content_overlap']['f1']}",
        file=sys.stderr,
    )
    best = None
    for admit in ADMIT:
        for veto in VETO:
            res = end_to_end(docs, gold, scorer(weights, admit, veto))
            key = (res["attribution"]["f1"], res["content_overlap"]["f1"])
            print(f"admit {admit} veto {veto}: attribution {key[0]} content overlap {key[1]}", file=sys.stderr)
            if best is None or key > best[0]:
                best = (key, admit, veto)
    return best[1], best[2]


def scorer(weights: np.ndarray, admit: float, veto: float, pairs: np.ndarray | None = None) -> CueScorer:
    """The scorer of fitted weights: the hashed features' 2^BITS, then the dense features'; ``pairs`` the second
    stage's weights (2^PAIR_BITS, then the logit's slope)."""
    hashed, dense = weights[: 1 << BITS], weights[1 << BITS :]
    second = None
    if pairs is not None:
        second = FrameScorer(pairs[:-1].astype(np.float64), PAIR_BITS, float(pairs[-1]), PAIR_ADMIT, PAIR_FLOOR)
    return CueScorer(hashed.astype(np.float64), BITS, admit, veto, dense.astype(np.float64), load_vectors(), second)


def save(path: Path, weights: np.ndarray, admit: float, veto: float, pairs: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    hashed, dense = weights[: 1 << BITS], weights[1 << BITS :]
    with path.open("wb") as f:
        np.savez_compressed(
            f,
            weights=hashed,
            dense=dense,
            bits=np.int64(BITS),
            admit=np.float64(admit),
            veto=np.float64(veto),
            pair_weights=pairs[:-1].astype(np.float32),
            pair_slope=np.float64(pairs[-1]),
            pair_bits=np.int64(PAIR_BITS),
            pair_admit=np.float64(PAIR_ADMIT),
            pair_floor=np.float64(PAIR_FLOOR),
        )


def out_of_fold(items: list, arts: list[int]) -> dict[int, np.ndarray]:
    """First-stage logits of each article in ``arts``, from a model fitted on the others of ``arts`` by fifths
    (hashed features only, liblinear's dual solver stopped at 100 passes: about ten times faster than the full fit,
    short of convergence, and the pairs need only a fair logit)."""
    logits = {}
    for fold in sorted({i % HELD_OUT for i in arts}):
        x, y = matrix([items[i] for i in arts if i % HELD_OUT != fold], dense=False)
        model = LogisticRegression(
            C=C, solver="liblinear", fit_intercept=False, random_state=SEED, dual=True, max_iter=100
        )
        w = model.fit(x, y).coef_[0]
        for i in arts:
            if i % HELD_OUT == fold:
                logits[i] = matrix([items[i]], dense=False)[0] @ w
    return logits


def pair_examples(doc: Doc, quotes: list[dict], p: np.ndarray) -> tuple[list[np.ndarray], list[float], list[bool]]:
    """The (verb, content) pairs ``find_cues`` would judge, as hashes, scaled logits and labels: a pair is positive
    when the verb lies in an annotated cue and the content's root in that attribution's content (or, with no
    content, when the verb is a cue: a quotation beside it is the content)."""
    verbs, hashes, logits, labels = reporting_verbs(), [], [], []
    cues = [q for q in quotes if q.get("cue_start") is not None]
    for tok in doc:
        if not p[tok.i] >= 0 or tok.pos_ not in VERBAL or tok.tag_ == "VBN" and tok.dep_ == "amod":
            continue
        entry = verbs.get(tok.lemma_.lower())
        if (
            entry is None
            and not p[tok.i] >= PAIR_FLOOR
            or entry
            and (entry.frames == {"as"} or _denied_belief(tok, entry))
        ):
            continue
        content, frame = content_root(tok, entry.frames if entry else LEARNED_FRAMES)
        hit = [q for q in cues if q["cue_start"] < tok.idx + len(tok.text) and q["cue_end"] > tok.idx]
        inside = content is None or any(s <= content.idx < e for q in hit for s, e in q["quote_spans"])
        hashes.append(pair_hashes(tok, content, frame, entry.kind if entry else "learned", p[tok.i]))
        logits.append(logit_feature(p[tok.i]))
        labels.append(bool(hit) and inside)
    return hashes, logits, labels


def fit_pairs(docs: list[Doc], gold: list[dict], logits: dict[int, np.ndarray]) -> np.ndarray:
    """The second stage fitted on the pairs of the articles ``logits`` holds: 2^PAIR_BITS weights, then the slope."""
    hashes, dense, labels = [], [], []
    for i, logit in logits.items():
        p = np.full(len(docs[i]), np.nan)
        p[np.flatnonzero(candidate_mask(token_arrays(docs[i])))] = 1 / (1 + np.exp(-logit))
        h, d, y = pair_examples(docs[i], gold[i]["quotes"], p)
        hashes += h
        dense += d
        labels += y
    rows = np.repeat(np.arange(len(hashes)), [len(h) for h in hashes])
    cols = (np.concatenate(hashes) & np.uint64((1 << PAIR_BITS) - 1)).astype(np.int64)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(hashes), 1 << PAIR_BITS))
    x = hstack([x, csr_matrix(np.array(dense)[:, None])]).tocsr()
    model = LogisticRegression(C=PAIR_C, solver="liblinear", fit_intercept=False, random_state=SEED, max_iter=1000)
    print(f"pairs: {len(labels)} examples, {sum(labels)} positive", file=sys.stderr)
    return model.fit(x, np.array(labels)).coef_[0].astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train", type=Path, help="polnear-train.jsonl (never the dev file)")
    ap.add_argument("--cache", type=Path, help="DocBin file to keep the parsed articles in")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / WEIGHTS_FILE)
    ap.add_argument("--held-out-model", type=Path, help="also write the model fitted without the held-out fifth")
    args = ap.parse_args(argv)
    if "dev" in args.train.name:
        print(f"train_cue_scorer: {args.train} looks like the dev split; train on train only", file=sys.stderr)
        return 2
    started = time.monotonic()
    gold = [json.loads(line) for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = parse(gold, args.cache)
    print(f"{len(docs)} articles parsed in {time.monotonic() - started:.0f} s", file=sys.stderr)
    items = [examples(doc, g["quotes"]) for doc, g in zip(docs, gold)]
    held = [i for i in range(len(docs)) if i % HELD_OUT == 0]
    x, y = matrix([item for i, item in enumerate(items) if i % HELD_OUT])
    hx, hy = matrix([items[i] for i in held])
    weights = fit(x, y)
    print(f"{x.shape[0]} candidates, {int(y.sum())} cues; held out: {detection(weights, hx, hy)}", file=sys.stderr)
    admit, veto = thresholds([docs[i] for i in held], [gold[i] for i in held], weights)
    # the second stage learns from first-stage logits out of fold: for the held-out model, of the other four fifths
    held_pairs = fit_pairs(docs, gold, out_of_fold(items, [i for i in range(len(docs)) if i % HELD_OUT]))
    res = end_to_end([docs[i] for i in held], [gold[i] for i in held], scorer(weights, admit, veto, held_pairs))
    print(f"with the pairs: attribution {res['attribution']['f1']} overlap {res['content_overlap']}", file=sys.stderr)
    if args.held_out_model:
        save(args.held_out_model, weights, admit, veto, held_pairs)
    pairs = fit_pairs(docs, gold, out_of_fold(items, list(range(len(docs)))))
    x, y = matrix(items)
    save(args.out, fit(x, y), admit, veto, pairs)
    print(
        f"admit {admit} veto {veto}; wrote {args.out} ({args.out.stat().st_size:,} bytes) "
        f"in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
