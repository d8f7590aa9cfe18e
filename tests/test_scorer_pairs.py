"""The second stage of the cue scorer: a verb judged with the content its frames find.

Sentences are invented. Pair models with hand-set weights make the admit path testable without
depending on what training learnt.
"""

from __future__ import annotations

import numpy as np
import pytest
from spacy.strings import get_string_id

from attrib.find.cues import LEARNED_FRAMES
from attrib.find.finder import find_attributions
from attrib.find.frame_scorer import FrameScorer, pair_hashes, pair_words
from attrib.find.frames import content_root
from attrib.find.scorer import CueScorer, _combine, load_scorer

BITS = 10
BIAS_TEMPLATE = 19  # the first stage's constant feature (as in test_scorer)


def weights_for(features: dict[str, float]) -> np.ndarray:
    """Pair weights giving each named feature its weight, every other feature none."""
    weights = np.zeros(1 << BITS)
    for word, weight in features.items():
        weights[get_string_id(word) & ((1 << BITS) - 1)] += weight
    return weights


def scorer(pairs: FrameScorer, first_logit: float = 0.0) -> CueScorer:
    """A first stage giving every candidate the same probability (the bias alone), with the second stage ``pairs``."""
    weights = np.zeros(1 << BITS)
    weights[int(_combine(BIAS_TEMPLATE, np.zeros(1))[0] & np.uint64((1 << BITS) - 1))] = first_logit
    return CueScorer(weights, BITS, admit=0.5, veto=0.01, pairs=pairs)


def verb_pair(doc, lemma):
    verb = next(t for t in doc if t.lemma_ == lemma)
    content, frame = content_root(verb, LEARNED_FRAMES)
    return verb, content, frame


@pytest.mark.parametrize(
    "text, lemma, expected",
    [
        ("The senator grumbled that the vote was rigged.", "grumble", "learned:that|finite=True|subject=True"),
        ("The senator grumbled about the vote.", "grumble", "learned:obj|via=about"),
        ("The senator grumbled about the long and costly vote in the hall.", "grumble", "learned:obj|size=3"),
        ("The senator hinted at “a deal” soon.", "hint", "learned:obj|quoted=(True, True)"),
        ("She grumbled that the vote was rigged.", "grumble", "learned:that|subject=|PRP|she"),
    ],
)
def test_the_pair_features_say_what_the_frame_reports(parse, text, lemma, expected):
    verb, content, frame = verb_pair(parse(text), lemma)
    assert expected in pair_words(verb, content, frame, "learned", 0.5)


def test_the_pair_features_are_hashes_of_their_words(parse):
    doc = parse("The senator grumbled that the vote was rigged.")
    verb, content, frame = verb_pair(doc, "grumble")
    words = pair_words(verb, content, frame, "learned", 0.5)
    assert list(pair_hashes(verb, content, frame, "learned", 0.5)) == [get_string_id(w) for w in words]


def test_the_second_stage_admits_a_verb_by_its_content(parse):
    # a finite clause with its own subject makes the pair likely; any other content does not
    pairs = FrameScorer(weights_for({"bias": -3.0, "learned:that|finite=True|subject=True": 6.0}), BITS, 0.0, 0.5, 0.05)
    (found,) = find_attributions(parse("The senator grumbled that the vote was rigged."), scorer(pairs))
    assert found.cue_token.text == "grumbled"
    assert find_attributions(parse("The senator grumbled about the vote."), scorer(pairs)) == []
    # the first stage alone (p 0.5 at admit 0.5) admits both: the content is what tells them apart
    no_pairs = CueScorer(scorer(pairs).weights, BITS, admit=0.5, veto=0.01)
    assert len(find_attributions(parse("The senator grumbled about the vote."), no_pairs)) == 1


def test_a_statement_nouns_clause_is_the_nouns_not_the_verbs(parse):
    # the clause belongs to "claim", a listed noun: the verb outside the lists that takes the noun reports nothing
    pairs = FrameScorer(weights_for({"bias": 9.0}), BITS, 0.0, 0.5, 0.05)
    (found,) = find_attributions(
        parse("The inspectors examined the mayor's claim that crime had doubled."), scorer(pairs)
    )
    assert found.cue_token.text == "claim"


def test_a_verb_the_first_stage_finds_unlikely_is_not_judged(parse):
    pairs = FrameScorer(weights_for({"bias": 9.0}), BITS, 0.0, 0.5, floor=0.05)
    doc = parse("The senator grumbled that the vote was rigged.")
    assert find_attributions(doc, scorer(pairs, first_logit=-6.0)) == []  # p 0.0025 < floor
    assert len(find_attributions(doc, scorer(pairs, first_logit=-2.0))) == 1  # p 0.12


def test_the_shipped_scorer_has_its_second_stage():
    pairs = load_scorer().pairs
    assert pairs is not None and pairs.weights.shape == (1 << pairs.bits,)
    assert 0 < pairs.floor < pairs.admit < 1
    assert pairs.slope > 0  # the first stage's verdict counts for the pair
