"""Per-article facts: title, author, URL, outlet and counts in the articles format and the SQLite articles
table, and the corpus counts that take them as the denominator (articles without attributions count too)."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app
from attrib.corpus.corpus import count, identities
from attrib.corpus.reading import read_records
from attrib.read.metadata import headline

from .web_server import NEWS_PAGE, serving

runner = CliRunner()
# invented articles: the second has no attribution at all
RECORDS = [
    {
        "id": "ledger_a",
        "date": "2026-03-02",
        "title": "Bridge Work to Resume",
        "author": "Ana Ruiz",
        "url": "https://www.ledger.example/news/bridge",
        "text": "Mayor Sarah Mitchell said on Monday that the bridge would reopen in May.",
    },
    {"id": "ledger_b", "date": "2026-03-03", "text": "The river was calm on Tuesday.\n\nBoats left at dawn."},
    {
        "id": "courier_c",
        "date": "2026-03-04",
        "text": "Harbor Cranes Get a Second Look\n\nBy Tomas Greer\n\nOfficials said the cranes were unsafe.",
    },
]


def extract(tmp_path, fmt, suffix):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / f"out.{suffix}"
    result = runner.invoke(app, ["extract", str(source), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_articles_format_keeps_every_article_with_its_metadata_and_counts(tmp_path):
    out = extract(tmp_path, "articles", "jsonl")
    articles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["doc"] for a in articles] == ["ledger_a", "ledger_b", "courier_c"]
    first, empty, byline = articles
    assert (first["title"], first["author"], first["url"]) == (
        "Bridge Work to Resume",
        "Ana Ruiz",
        "https://www.ledger.example/news/bridge",
    )
    assert first["outlet"] == "ledger.example" and first["counts"]["attributions"] == len(first["attributions"]) >= 1
    assert empty["counts"] == {"attributions": 0, "direct": 0, "indirect": 0, "mixed": 0} and empty["title"] is None
    # a text article's headline and byline
    assert byline["title"] == "Harbor Cranes Get a Second Look" and byline["author"] == "Tomas Greer"
    assert byline["outlet"] == "courier"
    # every record carries its article's facts: JSONL and CSV have no article objects
    records = [r for a in articles for r in a["attributions"]]
    assert {(r["article_title"], r["article_author"], r["article_url"]) for r in records if r["doc"] == "ledger_a"} == {
        ("Bridge Work to Resume", "Ana Ruiz", "https://www.ledger.example/news/bridge")
    }
    assert {r["article_author"] for r in records if r["doc"] == "courier_c"} == {"Tomas Greer"}


@pytest.mark.parametrize("fmt, suffix", [("articles", "jsonl"), ("json", "json"), ("sqlite", "sqlite")])
def test_speakers_counts_the_articles_without_attributions(tmp_path, fmt, suffix):
    out = extract(tmp_path, fmt, suffix)
    corpus = count(read_records([str(out)], articles=True), identities(read_records([str(out)])))
    assert corpus.articles == 3 and corpus.records >= 2
    table = runner.invoke(app, ["speakers", str(out), "--format", "table"]).stdout
    assert f"3 articles, {corpus.records} attributions" in " ".join(table.split())


def test_the_sqlite_articles_table_has_the_metadata_and_counts(tmp_path):
    out = extract(tmp_path, "sqlite", "sqlite")
    db = sqlite3.connect(out)
    rows = db.execute(
        "SELECT doc, title, author, url, outlet, attributions FROM articles ORDER BY article_id"
    ).fetchall()
    db.close()
    assert rows[0][:5] == (
        "ledger_a",
        "Bridge Work to Resume",
        "Ana Ruiz",
        "https://www.ledger.example/news/bridge",
        "ledger.example",
    )
    assert rows[1] == ("ledger_b", None, None, None, "ledger", 0)


def test_a_database_of_an_older_attrib_gains_the_new_columns_on_resume(tmp_path):
    out = tmp_path / "old.sqlite"
    db = sqlite3.connect(out)
    db.executescript(
        "CREATE TABLE articles (article_id INTEGER PRIMARY KEY, doc TEXT NOT NULL, text_sha1 TEXT NOT NULL, "
        "date TEXT, outlet TEXT NOT NULL, speakers TEXT NOT NULL, UNIQUE (doc, text_sha1));"
    )
    db.close()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(out)
    assert db.execute("SELECT title, attributions FROM articles").fetchone()[0] == "Bridge Work to Resume"
    db.close()


def test_a_web_page_gives_its_author_meta_and_url(tmp_path):
    with serving() as base:
        url = f"{base}/{NEWS_PAGE.name}"
        result = runner.invoke(app, ["extract", url, "--format", "articles"])
    assert result.exit_code == 0, result.output
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["author"] == "Dana Whitcombe" and article["url"] == url and article["title"]


@pytest.mark.parametrize(
    "text, title",
    [
        ("Advertisement\n\nCouncil Delays the Budget Vote\n\nThe council said so.", "Council Delays the Budget Vote"),
        ("The council said on Monday that the vote would wait.", None),  # one paragraph: no headline
        ("The council met.\n\nIt said the vote would wait.", None),  # a sentence is no headline
    ],
)
def test_the_headline_of_a_text(text, title):
    assert headline(text) == title
