"""Data safety: no run empties its input, duplicates records, or loses a database (issue 25, items 4 to 9)."""

import json

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app

runner = CliRunner()
ARTICLE = "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.\n"


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def jsonl_input(path, n: int = 2) -> str:
    text = "".join(json.dumps({"id": f"a{i}", "text": ARTICLE}) + "\n" for i in range(n))
    path.write_text(text, encoding="utf-8")
    return text


# ---- item 4: -o naming an input ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_output_naming_the_input_is_refused_and_the_input_kept(tmp_path, fmt):
    source = tmp_path / "in.jsonl"
    text = jsonl_input(source)
    result = invoke("extract", source, "-o", source, "--format", fmt)
    assert result.exit_code == 2
    assert "is the input" in result.output and "write the output elsewhere" in result.output
    assert source.read_text(encoding="utf-8") == text


def test_output_naming_the_input_by_another_path_is_refused(tmp_path, monkeypatch):
    source = tmp_path / "in.jsonl"
    text = jsonl_input(source)
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", "in.jsonl", "-o", tmp_path / "." / "in.jsonl")
    assert result.exit_code == 2 and source.read_text(encoding="utf-8") == text


def test_output_inside_an_input_folder_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("extract", tmp_path, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 2 and "inside the input folder" in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_database_inside_an_input_folder_is_no_input_and_allowed(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke("extract", tmp_path, "-o", tmp_path / "out.sqlite")
    assert result.exit_code == 0, result.output


def test_show_refuses_to_write_its_page_over_an_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = invoke("show", article, "-o", article)
    assert result.exit_code == 2 and article.read_text(encoding="utf-8") == ARTICLE


def test_show_refuses_to_write_its_page_over_the_output_it_shows(tmp_path):
    article, records = tmp_path / "a.txt", tmp_path / "out.jsonl"
    article.write_text(ARTICLE, encoding="utf-8")
    assert invoke("extract", article, "-o", records).exit_code == 0
    before = records.read_text(encoding="utf-8")
    result = invoke("show", records, "-o", records)
    assert result.exit_code == 2 and records.read_text(encoding="utf-8") == before


# ---- item 5: --resume on an output without its done log ------------------------------------


def test_resume_on_an_output_written_without_resume_is_refused_and_kept(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    jsonl_input(source, 3)
    assert invoke("extract", source, "-o", out).exit_code == 0
    before = out.read_text(encoding="utf-8")
    result = invoke("extract", source, "-o", out, "--resume")
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if line.startswith("attrib:")]
    assert "out.jsonl.done" in line and "run without --resume to start it over" in line
    assert out.read_text(encoding="utf-8") == before


def test_resume_with_no_output_yet_or_an_empty_one_starts_it(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    jsonl_input(source, 2)
    assert invoke("extract", source, "-o", out, "--resume").exit_code == 0
    whole = out.read_text(encoding="utf-8")
    out.write_text("")
    (tmp_path / "out.jsonl.done").unlink()
    assert invoke("extract", source, "-o", out, "--resume").exit_code == 0
    assert out.read_text(encoding="utf-8") == whole
