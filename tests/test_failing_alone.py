"""An unexpected exception while reading, analysing or writing one input fails that input with one line; the run
goes on and its output stays a valid document (issue 25, item 2)."""

import json
import sys

from typer.testing import CliRunner

import attrib.read.articles as articles
from attrib.cli.app import app
from attrib.extractor import Extractor
from attrib.workers import WorkerDied

runner = CliRunner()
ARTICLE = "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.\n"
PAGE = "<html><body><article><h1>Bridge</h1><p>The mayor said that the bridge would reopen.</p></article></body></html>"


def extract(*args):
    return runner.invoke(app, ["extract", *map(str, args)])


def inputs(tmp_path, middle: str, content: str) -> list:
    paths = [tmp_path / "a.txt", tmp_path / middle, tmp_path / "c.txt"]
    for path, text in zip(paths, (ARTICLE, content, ARTICLE)):
        path.write_text(text, encoding="utf-8")
    return paths


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("attrib:")]


def test_html_without_its_libraries_fails_that_page_alone(tmp_path, monkeypatch):
    # what a fresh install without lxml_html_clean did: importing trafilatura fails
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    paths = inputs(tmp_path, "b.html", PAGE)
    result = extract(*paths, "--format", "json")
    assert result.exit_code == 1
    assert [a["doc"] for a in json.loads(result.stdout)] == [str(paths[0]), str(paths[2])]
    (line,) = error_lines(result)
    assert line.startswith(f"attrib: {paths[1]}: cannot read HTML: ModuleNotFoundError") and "attrib info" in line
    assert "Traceback" not in result.output


def test_html_without_its_libraries_leaves_the_output_file_whole(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    paths = inputs(tmp_path, "b.html", PAGE)
    out = tmp_path / "out.json"
    result = extract(*paths, "-o", out)
    assert result.exit_code == 1
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2


def test_an_unexpected_exception_while_reading_fails_that_input_alone(tmp_path, monkeypatch):
    def broken(*args, **kw):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(articles, "csv_records", broken)
    paths = inputs(tmp_path, "b.csv", "id,text\nx,Some text.\n")
    result = extract(*paths, "--format", "jsonl")
    assert result.exit_code == 1
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {str(paths[0]), str(paths[2])}
    assert error_lines(result) == [
        f"attrib: {paths[1]}: cannot read: internal error (RuntimeError: a bug over two lines)"
    ]


def test_an_unexpected_exception_in_the_language_check_fails_that_article_alone(tmp_path, monkeypatch):
    real = articles.foreign_language
    monkeypatch.setattr(articles, "foreign_language", lambda text: 1 / 0 if "odd" in text else real(text))
    paths = inputs(tmp_path, "b.txt", "An odd article. " + ARTICLE)
    result = extract(*paths, "--format", "jsonl")
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"attrib: {paths[1]}: cannot read: internal error (ZeroDivisionError: division by zero)"
    ]
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {str(paths[0]), str(paths[2])}


def test_an_article_that_cannot_be_written_fails_alone(tmp_path):
    # a file name that is not UTF-8 becomes an id no UTF-8 output can hold
    odd = tmp_path / b"b\xff.txt".decode("utf-8", "surrogateescape")
    paths = [tmp_path / "a.txt", odd, tmp_path / "c.txt"]
    for path in paths:
        path.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = extract(*paths, "-o", out)
    assert result.exit_code == 1, result.output
    (line,) = error_lines(result)
    assert line.startswith("attrib: ") and "cannot write: internal error (UnicodeEncodeError" in line
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {str(paths[0]), str(paths[2])}


def test_a_run_that_stops_still_closes_a_valid_json_document(tmp_path, monkeypatch):
    real = Extractor.pipe

    def dies_after_one(self, items):
        for n, result in enumerate(real(self, items)):
            if n == 1:
                raise WorkerDied("worker process 123 ended with exit code -9")
            yield result

    monkeypatch.setattr(Extractor, "pipe", dies_after_one)
    paths = inputs(tmp_path, "b.txt", ARTICLE)
    result = extract(*paths, "--format", "json")
    assert result.exit_code == 1
    assert [a["doc"] for a in json.loads(result.stdout)] == [str(paths[0])]
    assert error_lines(result) == [
        "attrib: <stdout>: the run stopped: WorkerDied: worker process 123 ended with exit code -9; what is written is "
        "whole"
    ]


def test_info_lists_the_optional_parts_and_whether_each_imports(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    optional = json.loads(result.stdout)["optional"]
    assert optional["html"]["imports"] is False and "trafilatura" in optional["html"]["problem"]
    assert set(optional) == {"html", "dask"} and isinstance(optional["dask"]["imports"], bool)
