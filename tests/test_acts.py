"""The act of an attribution (speech, thought, document, evidence) and the command-line filters."""

import json

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app

runner = CliRunner()
# invented sentences: one act each
ACTS = {
    "Mayor Elena Marsh said that the bridge would reopen in May.": "speech",
    "Senator Paul Okafor believes that the tunnel is too expensive.": "thought",
    "A city report says that the harbor cranes are unsafe.": "document",
    "The study by the Harbor Institute found that the water was clean.": "document",
    "Governor Ruth Alvarez found that the budget had a hole.": "evidence",
    "“We are nearly done with the dam,” Judge Miriam Katz told reporters.": "speech",
}


@pytest.mark.parametrize("sentence, act", ACTS.items())
def test_the_act_comes_from_the_cue_and_the_speaker(extractor, sentence, act):
    (record,) = extractor.extract(sentence, date="2026-03-02")
    assert record.act == act


@pytest.mark.parametrize(
    "sentence, cue, speaker, act",
    [
        ("The senator expects that the vote will pass.", "expects", "senator", "thought"),
        ("The agency released figures showing a drop.", "released", "agency", "document"),
        ("The coach spoke about the season.", "spoke", "coach", "other"),  # talk is no verb of saying
        ("The mayor said that the bridge would open.", "said", "report by the city", "document"),
        ("The mayor was confident that the bridge would open.", "confident", "mayor", "thought"),
        ("According to the mayor, the bridge will open.", "According", "mayor", "speech"),
    ],
)
def test_act_rules(parse, sentence, cue, speaker, act):
    from attrib.find.acts import act_of

    token = next(t for t in parse(sentence) if t.text == cue)
    assert act_of(token, cue, speaker) == act


def test_a_quotation_without_a_cue_is_speech(extractor):
    text = "“The dam will hold,” Mayor Elena Marsh said on Monday. “We checked it twice.”"
    records = extractor.extract(text, date="2026-03-02")
    assert len(records) >= 1 and all(r.act == "speech" for r in records)


TEXT = " ".join(ACTS)


def extract(*args):
    result = runner.invoke(app, ["extract", "-", "--date", "2026-03-02", "--format", "jsonl", *args], input=TEXT)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_filters_keep_what_they_name(tmp_path):
    everything = extract()
    assert {r["act"] for r in everything} == {"speech", "thought", "document", "evidence"}
    speech = extract("--speech-only")
    assert speech == [r for r in everything if r["act"] == "speech"] and speech
    direct = extract("--kind", "direct")
    assert direct == [r for r in everything if r["kind"] == "direct"] and direct
    mixed_or_indirect = extract("--kind", "indirect", "--kind", "mixed")
    assert mixed_or_indirect == [r for r in everything if r["kind"] != "direct"]
    people = extract("--speaker-type", "person", "--min-confidence", "0.8")
    assert people == [r for r in everything if r["speaker_type"] == "person" and r["speaker_confidence"] >= 0.8]
    assert people and len(people) < len(everything)


def test_speakers_takes_the_same_filters(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in extract()), encoding="utf-8")
    result = runner.invoke(app, ["speakers", str(out), "--speech-only", "-f", "jsonl"])
    counted = sum(json.loads(line)["attributions"] for line in result.stdout.splitlines())
    assert counted == sum(r["act"] == "speech" and r["speaker"] is not None for r in extract())


@pytest.mark.parametrize(
    "args", [["--kind", "quoted"], ["--speaker-type", "robot"], ["--min-confidence", "2"]], ids=str
)
def test_a_filter_value_outside_its_choices_is_a_usage_error(args):
    assert runner.invoke(app, ["extract", "-", *args], input="x").exit_code == 2
