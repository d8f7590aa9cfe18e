"""Batch runs: odd input never breaks a run, every offset stays valid, and runs resume whole."""

import json
import os
import signal
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from attrib import Article
from attrib.cli.app import app

runner = CliRunner()
PARAGRAPH = "“We will not back down,” the minister said on Monday. Officials said the talks had stalled.\n\n"


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def assert_offsets_valid(text, result):
    for a in result.attributions:
        assert text[a.quote_start : a.quote_end] == a.quote
        assert all(a.quote_start <= s < e <= a.quote_end for s, e in a.quote_spans)
        for field, start, end in (
            ("speaker_mention", a.speaker_start, a.speaker_end),
            ("cue", a.cue_start, a.cue_end),
            ("date_text", a.date_start, a.date_end),
        ):
            if start is not None:
                assert text[start:end] == getattr(a, field)


# arbitrary Unicode mixed with the words and marks that make attributions
news_text = st.lists(
    st.one_of(
        st.sampled_from(list("\"“”‘’'«» ,.:;—―\n")),
        st.sampled_from([" said ", " told ", "Smith", " the ", "mayor", " that ", "He", "\r\n", "Mr. ", "Monday"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=120,
).map("".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(news_text)
def test_any_text_gives_valid_offsets(extractor, text):
    result = extractor.analyse(Article("h", text))
    assert result.error is None
    assert_offsets_valid(text, result)


def test_two_thousand_quotation_marks(extractor):
    for text in ('"' * 2000, "“a” " * 1000, "He said “" * 700 + " end."):
        result = extractor.analyse(Article("q", text))
        assert result.error is None
        assert_offsets_valid(text, result)


def test_crlf_gives_the_same_attributions_at_shifted_offsets(extractor):
    lf = PARAGRAPH * 3
    crlf = lf.replace("\n", "\r\n")
    a, b = extractor.analyse(Article("lf", lf)), extractor.analyse(Article("crlf", crlf))
    assert [x.quote for x in a.attributions] == [x.quote for x in b.attributions] != []
    assert_offsets_valid(crlf, b)


def test_bom_is_dropped_and_offsets_index_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + PARAGRAPH.encode())
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    for r in records(result.stdout):
        assert PARAGRAPH[r["quote_start"] : r["quote_end"]] == r["quote"]


def test_five_megabyte_article_fails_alone(tmp_path):
    big, good = tmp_path / "big.txt", tmp_path / "good.txt"
    big.write_text("The mayor said the bridge was safe. " * 150_000)  # 5.4 MB
    good.write_text(PARAGRAPH)
    result = runner.invoke(app, ["extract", str(big), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("attrib:")]
    # refused unread: 5.4 MB is more than 4 bytes for each of the 1,000,000 characters allowed
    too_large = "big.txt: article too large (over 4,000,004 bytes, so over 1,000,000 characters"
    assert len(errors) == 1 and too_large in errors[0]
    assert {r["doc"] for r in records(result.stdout)} == {str(good)}


def test_max_chars_option(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH)
    result = runner.invoke(app, ["extract", str(path), "--max-chars", "10"])
    assert result.exit_code == 1 and "article too large" in result.stderr


def test_mixed_batch_gives_each_good_file_what_it_gives_alone(tmp_path):
    good = []
    for i in range(3):
        p = tmp_path / f"good{i}.txt"
        p.write_text(PARAGRAPH * (i + 1) + f"Ann Cole{i} said the count would take {i + 2} days.\n")
        good.append(p)
    (tmp_path / "bad1.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    (tmp_path / "bad2.txt").write_text("   \n")
    (tmp_path / "bad3.jsonl").write_text('{"id": "r1", "text": "The mayor said the bridge was safe."}\n{oops\n')
    batch = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert batch.exit_code == 1 and len([line for line in batch.stderr.splitlines() if line.startswith("attrib:")]) == 3
    together = records(batch.stdout)
    for p in good:
        alone = records(runner.invoke(app, ["extract", str(p), "--format", "jsonl"]).stdout)
        assert alone and [r for r in together if r["doc"] == str(p)] == alone
    assert [r["doc"] for r in together if r["doc"] == "r1"] == ["r1"]


def _corpus(path, n=24):
    lines = []
    for i in range(n):
        text = PARAGRAPH * 6 + f"Tom Reed{i} told reporters the vote would be held in {2000 + i}.\n"
        lines.append(json.dumps({"id": f"a{i}", "text": text, "date": "2026-02-10"}))
    path.write_text("\n".join(lines) + "\n")


def test_killed_run_resumes_to_the_same_lines(tmp_path):
    corpus, whole, resumed = tmp_path / "in.jsonl", tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    _corpus(corpus)
    cmd = [sys.executable, "-m", "attrib", "extract", str(corpus), "--format", "jsonl", "-q"]
    subprocess.run(cmd + ["-o", str(whole)], check=True)
    child = subprocess.Popen(cmd + ["-o", str(resumed), "--resume"])
    log = resumed.with_name(resumed.name + ".done")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not log.exists() or len(log.read_text().splitlines()) < 3):
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert 3 <= len(log.read_text().splitlines()) < 24
    for line in resumed.read_text().splitlines():
        json.loads(line)  # a killed run leaves whole lines only (a partial last one is cut on resume)
    rerun = subprocess.run(cmd + ["-o", str(resumed), "--resume"], capture_output=True, text=True)
    assert rerun.returncode == 0
    assert resumed.read_text() == whole.read_text()
    again = subprocess.run(cmd + ["-o", str(resumed), "--resume"], capture_output=True, text=True)
    assert again.returncode == 0 and resumed.read_text() == whole.read_text()


def test_resume_cuts_a_half_written_line(tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _corpus(corpus, n=4)
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--resume"]).exit_code == 0
    whole = out.read_text()
    lines = whole.splitlines(keepends=True)
    log = out.with_name(out.name + ".done")
    last_doc = json.loads(lines[-1])["doc"]
    # as if killed while writing the last article: its log line missing, its last line half there
    log.write_text(
        "".join(line for line in log.read_text().splitlines(keepends=True) if not line.startswith(last_doc + "\t"))
    )
    out.write_text("".join(lines[:-1]) + lines[-1][:25])
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--resume"]).exit_code == 0
    assert out.read_text() == whole


def test_done_log_only_with_resume(tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _corpus(corpus, n=2)
    log = out.with_name(out.name + ".done")
    log.write_text("stale\n")
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(out)]).exit_code == 0
    assert out.read_text() and not log.exists()  # a stale log would vouch for lines this run rewrote
    # without a log nothing says which articles are whole: --resume refuses rather than write them again
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--resume"]).exit_code == 2


def test_resume_needs_an_output_file():
    assert runner.invoke(app, ["extract", "x.txt", "--resume"]).exit_code == 2
