"""The SQLite store: the same records as the JSONL, corpus identities, and the README's example queries."""

import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrib import Article
from attrib.batch.resume import article_key
from attrib.cli.app import app
from attrib.corpus.store import SqliteWriter, read_records
from attrib.write.output import JsonlWriter

from .conftest import ROOT

runner = CliRunner()
# invented articles: one person under a short form in another article, two people sharing a surname
ARTICLES = [
    Article(
        "ledger_2026-03-02_a",
        "Mayor Sarah Mitchell said on Monday that the bridge would reopen in May.\n\n“We are nearly done,” she said.",
        "2026-03-02",
    ),
    Article(
        "ledger_2026-03-03_b",
        "Mitchell told reporters that the budget was balanced.\n\nCouncilman David Miller said the vote was close.",
        "2026-03-03",
    ),
    Article(
        "courier_2026-03-10_c",
        "Senator Karen Miller said the port would expand.\n\nOfficials said the plan was costly.",
        "2026-03-10",
    ),
]


@pytest.fixture(scope="module")
def results(extractor):
    return [(article_key(a), r) for a, r in zip(ARTICLES, extractor.pipe(ARTICLES))]


def write_db(path, results):
    writer = SqliteWriter(path)
    for key, result in results:
        writer.write(result, key)
    writer.close()
    return path


def test_sqlite_records_equal_the_jsonl_records(tmp_path, results):
    out = io.StringIO()
    writer = JsonlWriter(out)
    for _, result in results:
        writer.write(result)
    jsonl = [json.loads(line) for line in out.getvalue().splitlines()]
    stored = list(read_records(write_db(tmp_path / "corpus.sqlite", results)))
    assert len(jsonl) >= 5 and stored == jsonl


def test_speakers_reads_a_database_as_it_reads_the_jsonl(tmp_path, results):
    db = write_db(tmp_path / "corpus.sqlite", results)
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in read_records(db)), encoding="utf-8")
    from_db = runner.invoke(app, ["speakers", str(db), "-f", "jsonl"])
    from_jsonl = runner.invoke(app, ["speakers", str(jsonl), "-f", "jsonl"])
    assert from_db.exit_code == 0 and from_db.stdout == from_jsonl.stdout
    keys = [json.loads(line)["speaker_key"] for line in from_db.stdout.splitlines()]
    assert keys[0] == "sarah-mitchell" and "mitchell" not in keys


def test_the_database_holds_corpus_identities(tmp_path, results):
    db = sqlite3.connect(write_db(tmp_path / "corpus.sqlite", results))
    speakers = dict(db.execute("SELECT speaker_key, attributions FROM speakers"))
    assert speakers["sarah-mitchell"] == 3
    assert {"david-miller", "karen-miller"} <= set(speakers)
    merged = db.execute("SELECT DISTINCT speaker_key FROM attributions WHERE corpus_key = 'sarah-mitchell'").fetchall()
    assert sorted(merged) == [("mitchell",), ("sarah-mitchell",)]
    assert db.execute("SELECT outlet FROM articles ORDER BY article_id").fetchall() == [
        ("ledger",),
        ("ledger",),
        ("courier",),
    ]


def test_the_readme_example_queries_run(tmp_path, results):
    """Each ```sql block of the README's database section runs and returns rows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", readme, re.DOTALL)
    assert len(queries) >= 3
    db = sqlite3.connect(write_db(tmp_path / "corpus.sqlite", results))
    for query in queries:
        # the README's example person is one of this corpus
        assert db.execute(query.replace("barack-obama", "sarah-mitchell")).fetchall(), query


def test_a_file_that_is_no_database_is_one_error(tmp_path):
    path = Path(tmp_path / "x.sqlite")
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = runner.invoke(app, ["speakers", str(path)])
    assert result.exit_code == 1 and "not an attrib database" in result.stderr


def _inputs(path, n):
    """``n`` invented articles: people quoted under full names in some and surnames in others."""
    people = ["Sarah Mitchell", "David Miller", "Karen Miller", "Paul Reyes"]
    lines = []
    for i in range(n):
        full = people[i % 4]
        text = (
            f"{full} said on Monday that the council would vote on the plan.\n\n"
            f"“We are not there yet,” {full.split()[-1]} told reporters.\n\n"
            f"Officials said the budget for {2000 + i} was not final.\n"
        )
        lines.append(json.dumps({"id": f"ledger_{i:03d}", "text": text, "date": f"2026-03-{1 + i % 28:02d}"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _content(path):
    db = sqlite3.connect(path)
    tables = ("articles", "attributions", "speakers")
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


def test_extract_to_sqlite_gives_the_jsonl_records(tmp_path):
    corpus = _inputs(tmp_path / "in.jsonl", 6)
    db, out = tmp_path / "corpus.sqlite", tmp_path / "out.jsonl"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(db), "-q"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    jsonl = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(jsonl) >= 12 and list(read_records(db)) == jsonl
    # --format sqlite picks the database whatever the file is called
    other = tmp_path / "corpus.data"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(other), "--format", "sqlite", "-q"]).exit_code == 0
    assert _content(other) == _content(db)


def test_sqlite_needs_an_output_file():
    assert runner.invoke(app, ["extract", "x.txt", "--format", "sqlite"]).exit_code == 2


def test_killed_sqlite_run_resumes_to_the_same_database(tmp_path):
    # enough articles that the run cannot end between two looks at the database
    corpus = _inputs(tmp_path / "in.jsonl", 240)
    whole, resumed = tmp_path / "whole.sqlite", tmp_path / "resumed.sqlite"
    cmd = [sys.executable, "-m", "attrib", "extract", str(corpus), "-q"]
    subprocess.run(cmd + ["-o", str(whole)], check=True)
    child = subprocess.Popen(cmd + ["-o", str(resumed)])
    deadline, committed = time.monotonic() + 120, 0
    while time.monotonic() < deadline and committed < 3:
        time.sleep(0.01)
        committed = _committed(resumed)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert 3 <= _committed(resumed) < 240
    rerun = subprocess.run(cmd + ["-o", str(resumed), "--resume"], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _content(resumed) == _content(whole)


def _committed(path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet
