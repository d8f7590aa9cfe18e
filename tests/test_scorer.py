"""The learned cue scorer: its features, its shipped weights, and how it admits and vetoes cues.

Sentences are invented. Scorers with hand-set weights (only the bias) make the admit and veto
paths testable without depending on what training learnt.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from attrib.cli.app import app
from attrib.extractor import Extractor
from attrib.find.finder import find_attributions
from attrib.find.scorer import WEIGHTS_FILE, CueScorer, features, load_scorer
from attrib.lexicon import data_dir, noun_cues, reporting_verbs

ROOT = Path(__file__).resolve().parents[1]
BITS = 10
# the constant feature's template: the last of the word's own templates in attrib.find.scorer.features
BIAS_TEMPLATE = 19


def bias_only(probability_logit: float, admit: float = 0.5, veto: float = 0.1) -> CueScorer:
    """A scorer giving every candidate the same probability: only the constant feature has a weight."""
    from attrib.find.scorer import _combine

    weights = np.zeros(1 << BITS)
    weights[int(_combine(BIAS_TEMPLATE, np.zeros(1))[0] & np.uint64((1 << BITS) - 1))] = probability_logit
    return CueScorer(weights, BITS, admit, veto)


def test_the_weights_ship_in_the_package_and_load():
    assert data_dir().joinpath(WEIGHTS_FILE).is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # setuptools installs models/ as attrib.models with the files its package-data patterns name
    assert re.search(r'"attrib\.models" = \[[^\]]*"\*\.npz"', pyproject)
    assert data_dir().joinpath(WEIGHTS_FILE).stat().st_size < 4_000_000
    scorer = load_scorer()
    assert scorer.weights.shape == (1 << scorer.bits,)
    assert 0 < scorer.veto < scorer.admit < 1


def test_features_come_per_candidate_and_words_that_cannot_be_cues_get_no_verdict(parse):
    doc = parse("The mayor said that the bridge would open in May.")
    cands, rows, hashes = features(doc)
    words = [doc[i].text for i in cands]
    assert "said" in words and "The" not in words and "that" not in words
    assert rows.max() < len(cands) and len(rows) == len(hashes)
    p = bias_only(0.0).probabilities(doc)
    assert np.isnan(p[0])  # "The"
    assert p[2] == pytest.approx(0.5)  # "said": the bias alone, logit 0


def test_features_are_the_same_for_the_same_sentence(parse):
    first, second = (
        features(parse("Officials argued the plan was late.")),
        features(parse("Officials argued the plan was late.")),
    )
    assert all(np.array_equal(a, b) for a, b in zip(first, second))


def test_the_shipped_scorer_tells_a_saying_from_an_act(parse):
    doc = parse("The senator insisted that taxes would rise. The dog ate its food.")
    p = load_scorer().probabilities(doc)
    by_word = {t.text: p[t.i] for t in doc}
    assert by_word["insisted"] > 0.5 > by_word["ate"]


def test_a_likely_word_outside_the_lists_is_admitted_with_its_clause(parse):
    doc = parse("The senator grumbled that the vote was rigged.")
    assert "grumble" not in reporting_verbs()
    assert find_attributions(doc) == []
    (found,) = find_attributions(doc, bias_only(9.0))
    assert doc.text[found.start : found.end] == "that the vote was rigged"


def test_an_unlikely_listed_cue_is_vetoed(parse):
    doc = parse("The senator said that the vote was rigged.")
    assert len(find_attributions(doc, bias_only(-9.0))) == 0
    assert len(find_attributions(doc)) == 1


def test_an_unlisted_verb_below_the_admit_threshold_stays_out(parse):
    doc = parse("The senator grumbled that the vote was rigged.")
    assert find_attributions(doc, bias_only(0.0, admit=0.6, veto=0.4)) == []


def test_a_likely_listed_verb_takes_an_object_when_its_own_frames_find_nothing(parse):
    doc = parse("The new figures show a steep drop in burglaries.")
    assert reporting_verbs()["show"].frames == {"that"}
    assert find_attributions(doc) == []
    assert find_attributions(doc, bias_only(0.0)) == []  # p 0.5: listed, but not likely enough for a learned frame
    (found,) = find_attributions(doc, bias_only(9.0))
    assert doc.text[found.start : found.end] == "a steep drop in burglaries"


def test_learned_false_runs_the_rules_alone():
    assert Extractor(learned=False).nlp.get_pipe("attrib").scorer is None


def test_the_default_extractor_runs_the_scorer(extractor):
    assert extractor.nlp.get_pipe("attrib").scorer is load_scorer()


def test_no_learned_reaches_the_extractor(monkeypatch, tmp_path):
    seen = []

    class Spy(Extractor):
        def __init__(self, *args, **kwargs):
            seen.append(kwargs.get("learned"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr("attrib.extractor.Extractor", Spy)
    article = tmp_path / "a.txt"
    article.write_text("The senator said that the vote was rigged.\n", encoding="utf-8")
    for flag in ("--no-learned", "--learned"):
        result = CliRunner().invoke(app, ["extract", str(article), "--format", "jsonl", "--quiet", flag])
        assert result.exit_code == 0, result.output
    assert seen == [False, True]


@pytest.mark.parametrize(
    "text, quote",
    [
        ("The mayor was confident that the bridge would open in May.", "that the bridge would open in May"),
        ("The senator is deeply critical of the new harbour tax.", "the new harbour tax"),
    ],
)
def test_a_likely_predicative_adjective_reports_its_clause_or_object(parse, text, quote):
    doc = parse(text)
    (found,) = find_attributions(doc, bias_only(0.0, admit=0.9))  # p 0.5: likely enough for an adjective alone
    assert doc.text[found.start : found.end] == quote
    assert doc.text[found.speaker[0] : found.speaker[1]] in ("The mayor", "The senator")
    assert find_attributions(doc, bias_only(-9.0)) == []  # unlikely: no cue


def test_an_adjective_inside_another_statement_is_part_of_it(parse):
    doc = parse("Aides said the mayor was confident that the bridge would open in May.")
    (found,) = find_attributions(doc, bias_only(0.0, admit=0.9))
    assert doc.text[found.start : found.end] == "the mayor was confident that the bridge would open in May"


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the subject of the verb the noun is the object of holds it
        ("The governor issued a stark prediction that the levee could fail.", "The governor"),
        # a "by" phrase names the holder
        ("There was a prediction by the agency that the levee could fail.", "the agency"),
    ],
)
def test_a_likely_noun_outside_the_list_reports_its_that_clause(parse, text, speaker):
    doc = parse(text)
    assert "prediction" not in noun_cues()
    (found,) = find_attributions(doc, bias_only(0.0, admit=0.9))  # p 0.5: likely enough for a noun, not a verb
    assert doc.text[found.start : found.end] == "that the levee could fail"
    assert doc.text[found.speaker[0] : found.speaker[1]] == speaker
    assert find_attributions(doc, bias_only(-9.0)) == []


@pytest.mark.parametrize("logit", [-1e6, -800.0, 800.0, 1e6])
def test_the_sigmoid_is_stable_for_extreme_scores(parse, logit):
    doc = parse("The mayor said that the bridge would open in May.")
    with np.errstate(over="raise", under="ignore", invalid="raise"):
        p = bias_only(logit).probabilities(doc)
    assert p[2] == pytest.approx(0.0 if logit < 0 else 1.0)
