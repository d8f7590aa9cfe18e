"""The word vectors the learned cue scorer reads: the shipped table, its look-up, and the dense features.

Sentences are invented. A scorer whose only weights are on the candidate word's vector shows that a
verb never seen in training is scored by the words it lies near.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from spacy.strings import get_string_id

from attrib.find.scorer import CueScorer, dense_features, load_scorer, token_arrays
from attrib.find.word_vectors import VECTORS_FILE, WordVectors, load_vectors
from attrib.lexicon import data_dir

ROOT = Path(__file__).resolve().parents[1]
# the table's documented shape (models/cue_scorer.md): 64 principal components as float16
DIM = 64


def vec(word: str) -> np.ndarray:
    return load_vectors().lookup(np.array([get_string_id(word)], dtype=np.uint64))[0]


def test_the_table_ships_in_the_package_with_its_documented_shape():
    path = data_dir().joinpath(VECTORS_FILE)
    assert path.is_file() and path.stat().st_size < 8_000_000
    assert re.search(r'"attrib\.models" = \[[^\]]*"\*\.npz"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    table = load_vectors()
    assert table.table.dtype == np.float16 and table.table.shape[1] == DIM
    assert table.keys.dtype == np.uint64 and np.all(np.diff(table.keys.astype(np.float64)) >= 0)
    assert np.all(table.keys[1:] > table.keys[:-1])  # sorted and unique: a binary search finds each
    assert len(table.keys) > 100_000 and table.rows.max() < len(table.table)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def test_words_of_saying_lie_nearer_each_other_than_a_word_of_eating():
    assert cosine(vec("claim"), vec("allege")) > cosine(vec("claim"), vec("eat")) + 0.3
    assert cosine(vec("insist"), vec("argue")) > cosine(vec("insist"), vec("devour")) + 0.2
    assert cosine(vec("announce"), vec("declare")) > cosine(vec("announce"), vec("cook")) + 0.3


def test_a_word_without_a_vector_and_no_word_at_all_look_up_as_zeros():
    table = WordVectors(np.array([5, 9], dtype=np.uint64), np.array([1, 0]), np.eye(2, dtype=np.float16))
    out = table.lookup(np.array([9, 7, 0, 5, 99], dtype=np.uint64))
    assert out.tolist() == [[1, 0], [0, 0], [0, 0], [0, 1], [0, 0]]


def test_dense_features_hold_the_word_its_head_and_its_subject(parse):
    doc = parse("The governor grumbled that the budget was late.")
    t = token_arrays(doc)
    verb = next(tok for tok in doc if tok.text == "grumbled")
    out = dense_features(t, np.array([verb.i]), load_vectors())[0]
    assert out.shape == (3 * DIM,)
    assert np.allclose(out[:DIM], vec("grumble"))
    assert np.allclose(out[DIM : 2 * DIM], vec("grumble"))  # the root is its own head
    assert np.allclose(out[2 * DIM :], vec("governor"))


@pytest.mark.parametrize("verb", ["alleged", "declared"])
def test_an_unseen_verb_is_scored_by_the_words_it_lies_near(parse, verb):
    """Weights on the word's vector alone, in the direction of "claim", "argue" and "announce": a verb of saying
    it was never given outscores one of eating."""
    direction = sum(vec(w) / np.linalg.norm(vec(w)) for w in ("claim", "argue", "announce"))
    dense = np.zeros(3 * DIM)
    dense[:DIM] = direction / np.linalg.norm(direction)
    scorer = CueScorer(np.zeros(1 << 10), 10, 0.5, 0.0, dense, load_vectors())
    doc = parse(f"The coach {verb} that the referee was blind. The coach devoured a sandwich.")
    p = {t.text: p for t, p in zip(doc, scorer.probabilities(doc))}
    assert p[verb] > p["devoured"]


def test_the_shipped_scorer_reads_the_vectors():
    scorer = load_scorer()
    assert scorer.dense is not None and scorer.dense.shape == (3 * DIM,)
    assert scorer.vectors is load_vectors()
