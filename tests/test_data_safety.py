"""Data safety: no run empties its input, duplicates records, or loses a database (issue 25, items 4 to 9)."""

import json
import os
import sqlite3

import pytest
from typer.testing import CliRunner

from attrib.batch.runner import lock_output, lock_path, unlock_output
from attrib.cli.app import app
from attrib.corpus import store

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


def test_quotes_refuses_to_write_over_the_records_it_reads(tmp_path):
    source, records = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    jsonl_input(source, 2)
    assert invoke("extract", source, "-o", records).exit_code == 0
    before = records.read_text(encoding="utf-8")
    result = invoke("quotes", records, "-o", records)
    assert result.exit_code == 2 and "is the input" in result.output
    assert records.read_text(encoding="utf-8") == before


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


# ---- items 6 to 8: the SQLite output -------------------------------------------------------


def stored(db_path) -> tuple[list[str], int]:
    with sqlite3.connect(db_path) as db:
        docs = [d for (d,) in db.execute("SELECT doc FROM articles ORDER BY article_id")]
        (n,) = db.execute("SELECT count(*) FROM attributions").fetchone()
    return docs, n


def test_a_second_run_on_a_database_in_use_stops_naming_the_pid_and_deletes_nothing(tmp_path):
    source, db = tmp_path / "in.jsonl", tmp_path / "out.sqlite"
    jsonl_input(source, 2)
    assert invoke("extract", source, "-o", db).exit_code == 0
    before = stored(db)
    held = lock_output(db)  # as a first run writing it holds it
    try:
        result = invoke("extract", source, "-o", db)
    finally:
        unlock_output(db, held)
    assert result.exit_code == 2 and f"pid {os.getpid()}" in result.output
    assert stored(db) == before


def test_resume_on_a_database_with_ids_holding_backslash_tab_and_newline(tmp_path):
    source, db = tmp_path / "in.jsonl", tmp_path / "out.sqlite"
    ids = ["back\\slash", "tab\there", "new\nline", "plain"]
    source.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in ids), encoding="utf-8")
    assert invoke("extract", source, "-o", db).exit_code == 0
    result = invoke("extract", source, "-o", db, "--resume")
    assert result.exit_code == 0, result.output
    assert "4 already done" in result.output
    assert stored(db)[0] == ids


class FullDisk:
    """A connection whose disk fills after ``room`` articles: SQLite rolls the statement's transaction back itself."""

    def __init__(self, db, room: int):
        self.db, self.room = db, room

    def execute(self, sql, *args):
        if sql.startswith("INSERT INTO articles"):
            if self.room == 0:
                self.db.execute("ROLLBACK")
                raise sqlite3.OperationalError("database or disk is full")
            self.room -= 1
        return self.db.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.db, name)


def test_a_full_disk_with_a_database_is_one_line_exit_1_and_resumable(tmp_path, monkeypatch):
    source, db, clean = tmp_path / "in.jsonl", tmp_path / "out.sqlite", tmp_path / "clean.sqlite"
    jsonl_input(source, 3)
    assert invoke("extract", source, "-o", clean).exit_code == 0
    real = store.connect
    monkeypatch.setattr(store, "connect", lambda path, read_only=False: FullDisk(real(path, read_only), room=1))
    result = invoke("extract", source, "-o", db)
    assert result.exit_code == 1 and not isinstance(result.exception, sqlite3.Error)
    (line,) = [line for line in result.output.splitlines() if line.startswith("attrib:")]
    assert "database or disk is full" in line and "--resume completes it" in line
    assert stored(db)[0] == ["a0"] and not lock_path(db).exists()
    monkeypatch.setattr(store, "connect", real)
    assert invoke("extract", source, "-o", db, "--resume").exit_code == 0
    assert stored(db) == stored(clean)
