"""Quote clusters and wire groups on invented articles: one statement across outlets, one story under two headlines."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app
from attrib.corpus.corpus import identities
from attrib.corpus.quote_clusters import quote_clusters, same_words
from attrib.corpus.store import SqliteWriter, stored_wire_groups
from attrib.corpus.stories import one_per_story
from attrib.corpus.wire import Sketch, sketch, wire_groups
from attrib.corpus.wording import word_hashes, words
from attrib.records import ArticleResult, Attribution

runner = CliRunner()
FULL = "“The bridge will reopen in May, and the ferry will run until then,” Mitchell said."
FULL_QUOTE = "“The bridge will reopen in May, and the ferry will run until then,”"


def rec(doc, quote, speaker, kind="direct", date="2026-03-02", source="article", start=0):
    """A record with the fields clustering reads (invented names, invented statements)."""
    key = "-".join(words(speaker)) if speaker else None
    return {
        "doc": doc,
        "quote": quote,
        "quote_text": quote,
        "quote_start": start,
        "quote_end": start + len(quote),
        "kind": kind,
        "speaker": speaker,
        "speaker_key": key,
        "speaker_type": "person" if speaker else None,
        "date": date,
        "date_source": source,
    }


def clusters(records, min_articles=2):
    return quote_clusters(records, identities(records), min_articles)


@pytest.mark.parametrize(
    "a, b",
    [
        ("“We will win,”", '"we will win"'),  # typographic quotes and case
        ("don’t stop — ever", "don't stop -- ever"),  # apostrophes and dashes
        ("that the bridge will reopen", "the bridge will reopen"),  # the "that" of reported speech
        ("Díaz spoke … later", "Diaz spoke... later"),  # accents and ellipses
    ],
)
def test_typography_folds_away(a, b):
    assert words(a) == words(b)


@pytest.mark.parametrize(
    "short, long, excerpt, same",
    [
        ("the ferry will run until then", FULL_QUOTE, True, True),  # an excerpt
        ("the ferry will run until then", FULL_QUOTE, False, False),  # a paraphrase is no excerpt
        ("the bridge will reopen in June, and the ferry will run until then", FULL_QUOTE, False, True),  # one edit
        ("the bridge will close in June and the ferry will stop now", FULL_QUOTE, True, False),  # other words
    ],
)
def test_same_words_allow_an_excerpt_and_a_few_edits(short, long, excerpt, same):
    assert same_words(word_hashes(short), word_hashes(long), excerpt) is same


def test_an_excerpt_and_its_full_quote_are_one_cluster():
    records = [
        rec("ledger_2026-03-02_a", FULL_QUOTE, "Sarah Mitchell", date="2026-03-02"),
        rec(
            "courier_2026-03-03_b", "“the ferry will run until then”", "Sarah Mitchell", kind="mixed", date="2026-03-03"
        ),
        rec("ledger_2026-03-04_c", "“The bridge will reopen in May …”", "Sarah Mitchell", date="2026-03-04"),
    ]
    (cluster,) = clusters(records)
    assert cluster.text == FULL_QUOTE
    assert (cluster.articles, cluster.outlets, cluster.speaker_key) == (3, 2, "sarah-mitchell")
    assert (cluster.first.doc, cluster.first.outlet, cluster.first.date) == (
        "ledger_2026-03-02_a",
        "ledger",
        "2026-03-02",
    )
    row = cluster.to_dict()
    assert [o["doc"] for o in row["occurrences"]] == [r["doc"] for r in records]
    assert row["first_outlet"] == "ledger" and row["records"] == 3


def test_the_first_article_is_the_earliest_not_the_first_read():
    records = [
        rec("courier_2026-03-05_b", FULL_QUOTE, "Sarah Mitchell", date="2026-03-05"),
        rec("ledger_2026-03-01_a", FULL_QUOTE, "Sarah Mitchell", date="2026-03-01"),
    ]
    assert clusters(records)[0].first.doc == "ledger_2026-03-01_a"


def test_two_speakers_saying_thank_you_are_not_one_cluster():
    records = [rec("ledger_a", "“Thank you.”", "Sarah Mitchell"), rec("courier_b", "“Thank you.”", "Tomas Okafor")]
    assert clusters(records) == []
    assert len(clusters(records, min_articles=1)) == 2


def test_one_speaker_saying_a_short_phrase_twice_is_one_cluster():
    records = [rec("ledger_a", "“Thank you.”", "Sarah Mitchell"), rec("courier_b", '"Thank you"', "Sarah Mitchell")]
    assert [c.articles for c in clusters(records)] == [2]


def test_a_record_without_a_speaker_joins_a_copy_but_no_excerpt():
    copy = [rec("ledger_a", FULL_QUOTE, "Sarah Mitchell"), rec("courier_b", FULL_QUOTE, None)]
    excerpt = [rec("ledger_a", FULL_QUOTE, "Sarah Mitchell"), rec("courier_b", "“the ferry will run until then”", None)]
    assert [c.speaker_key for c in clusters(copy)] == ["sarah-mitchell"]
    assert clusters(excerpt) == []


def test_two_speakers_with_the_same_words_are_two_clusters():
    records = [
        rec("ledger_a", FULL_QUOTE, "Sarah Mitchell"),
        rec("courier_b", FULL_QUOTE, "Tomas Okafor"),
        rec("herald_c", FULL_QUOTE, "Sarah Mitchell"),
    ]
    assert [(c.speaker_key, c.articles) for c in clusters(records)] == [("sarah-mitchell", 2)]


def test_a_short_paraphrase_is_a_topic_not_a_statement():
    records = [
        rec("ledger_a", "the new budget", "Sarah Mitchell", "indirect"),
        rec("b_b", "the new budget", "Sarah Mitchell", "indirect"),
    ]
    assert clusters(records) == []


def test_an_excerpt_that_fits_two_statements_joins_one_and_merges_neither():
    first = "“We will rebuild the harbour wall before the storms come back this winter,”"
    second = "“We will rebuild the harbour wall, whatever the council decides to spend on it,”"
    records = [
        rec("ledger_a", first, "Sarah Mitchell"),
        rec("courier_b", second, "Sarah Mitchell"),
        rec("herald_c", "“we will rebuild the harbour wall”", "Sarah Mitchell"),
    ]
    found = clusters(records, min_articles=1)
    assert sorted(c.articles for c in found) == [1, 2]


def test_a_fuller_quote_merges_two_excerpts_of_it():
    full = "“The harbour wall will be rebuilt before winter, and the boats will moor at the north pier until then,”"
    records = [
        rec("ledger_a", "“The harbour wall will be rebuilt before winter”", "Sarah Mitchell"),
        rec("courier_b", "“the boats will moor at the north pier until then”", "Sarah Mitchell"),
        rec("herald_c", full, "Sarah Mitchell"),
    ]
    (cluster,) = clusters(records)
    assert cluster.articles == 3 and cluster.text == full


# invented news stories: a story, its reprint under another headline, and a different follow-up
STORY = [
    "The harbour board of Port Elwin voted on Tuesday to rebuild the north sea wall before the winter storms.",
    "The wall, built in 1952, cracked in two places during the gales of last February and has been closed since.",
    "Engineers told the board that a new wall of precast blocks would cost about 14 million and take eight months.",
    "Board chair Sarah Mitchell said the fishing fleet could not wait another season for a safe mooring.",
    "The vote was seven to two, with the two members against it asking for a cheaper repair of the old wall.",
    "Work is to begin in April, and the north pier will stay closed to boats until the new wall is finished.",
    "Fishermen who moor at the pier will be moved to the south basin, where the board is adding forty berths.",
    "The town council must still approve a loan for half of the cost at its meeting at the end of the month.",
    "Councillor Tomas Okafor said he expected the loan to pass, though some members want a second estimate.",
    "The harbour last had a major repair in 1987, when the south basin was dredged and its quay was widened.",
]
FOLLOW_UP = [
    "The town council of Port Elwin approved on Thursday a loan of seven million for the new north sea wall.",
    "The vote came after a long debate in which two councillors asked for a second estimate from other builders.",
    "Councillor Tomas Okafor said the council had checked the figures twice and found them sound.",
    "The loan will be repaid over twenty years from the harbour dues that the fishing boats pay each season.",
    "Some residents at the meeting asked whether the old wall could be kept as a walkway for visitors.",
    "The harbour board said it would look at the idea once the engineers have finished their survey in March.",
    "The wall, built in 1952, cracked in two places during the gales of last February and has been closed since.",
    "Work is to begin in April, and the north pier will stay closed to boats until the new wall is finished.",
    "A public meeting on the berths in the south basin is planned for the first week of next month.",
    "The council also voted to repaint the lighthouse on the east headland, which has not been painted since 2009.",
]


def article(headline, sentences):
    return headline + "\n\n" + "\n\n".join(sentences)


ORIGINAL = article("Port Elwin to rebuild its north sea wall", STORY)
REPRINT = article(
    "Storm-battered harbour wall will be replaced, board decides", STORY[:-1] + [STORY[-1].replace("1987", "1986")]
)
FOLLOW = article("Council backs loan for Port Elwin sea wall", FOLLOW_UP)


def test_a_reprint_with_a_new_headline_is_one_wire_group():
    groups = wire_groups([("ledger_a", sketch(ORIGINAL)), ("courier_b", sketch(REPRINT))])
    assert groups == {"ledger_a": "ledger_a", "courier_b": "ledger_a"}


def test_a_story_and_its_different_follow_up_are_not_one_wire_group():
    assert wire_groups([("ledger_a", sketch(ORIGINAL)), ("ledger_c", sketch(FOLLOW))]) == {}


def test_a_sketch_keeps_its_values_in_bytes():
    s = sketch(ORIGINAL)
    back = Sketch.from_bytes(s.to_bytes())
    assert back.shingles == s.shingles and back.jaccard(s) == 1.0
    assert sketch("Too short.") is None


def test_one_per_story_keeps_the_first_article_of_a_group():
    records = [{"doc": "ledger_a"}, {"doc": "courier_b"}, {"doc": "herald_c"}]
    kept = one_per_story(records, {"ledger_a": "ledger_a", "courier_b": "ledger_a"})
    assert [r["doc"] for r in kept] == ["ledger_a", "herald_c"]


def speakers_jsonl(tmp_path):
    """JSONL records of three invented articles (two of them one story) and the articles themselves."""
    texts = {"ledger_a": ORIGINAL, "courier_b": REPRINT, "ledger_c": FOLLOW}
    out, inputs = tmp_path / "out.jsonl", tmp_path / "articles.jsonl"
    lines = []
    for doc, text in texts.items():
        start = text.index("Board chair") if "Board chair" in text else text.index("Councillor")
        lines.append(rec(doc, text[start : start + 40], "Sarah Mitchell", "indirect", start=start))
    out.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    inputs.write_text("".join(json.dumps({"id": d, "text": t}) + "\n" for d, t in texts.items()), encoding="utf-8")
    return out, inputs


def test_speakers_dedupe_counts_a_wire_group_once(tmp_path):
    out, inputs = speakers_jsonl(tmp_path)
    plain = runner.invoke(app, ["speakers", str(out), "--format", "jsonl"])
    deduped = runner.invoke(app, ["speakers", str(out), "--format", "jsonl", "--dedupe", "--texts", str(inputs)])
    assert deduped.exit_code == 0, deduped.output
    assert json.loads(plain.stdout)["articles"] == 3
    assert json.loads(deduped.stdout)["articles"] == 2


def test_speakers_dedupe_without_texts_is_a_usage_error(tmp_path):
    out, _ = speakers_jsonl(tmp_path)
    result = runner.invoke(app, ["speakers", str(out), "--dedupe"])
    assert result.exit_code == 2 and "--texts" in result.output


def test_quotes_command_writes_clusters(tmp_path):
    records = [
        rec("ledger_2026-03-02_a", FULL_QUOTE, "Sarah Mitchell", date="2026-03-02"),
        rec("courier_2026-03-03_b", "“the ferry will run until then”", "Sarah Mitchell", "mixed", date="2026-03-03"),
        rec("herald_2026-03-03_c", "“Thank you.”", "Tomas Okafor"),
    ]
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "not json\n", encoding="utf-8")
    result = runner.invoke(app, ["quotes", str(path), "-o", str(tmp_path / "q.jsonl")])
    assert result.exit_code == 1 and "malformed JSON" in result.output  # the bad line, and the rest is written
    (row,) = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (row["articles"], row["outlets"], row["first_doc"]) == (2, 2, "ledger_2026-03-02_a")
    csv = runner.invoke(app, ["quotes", str(path), "--format", "csv", "--min-articles", "1"])
    assert csv.stdout.splitlines()[0].startswith("cluster_id,speaker_key,speaker,text,articles,outlets")
    assert len(csv.stdout.splitlines()) == 3


def attribution(doc, text, quote, speaker):
    start = text.index(quote)
    return Attribution(
        doc, quote, start, start + len(quote), ((start, start + len(quote)),), "direct", "said", None, None,
        speaker, speaker, None, None, "S1", "person", None, "2026-03-02", "article",
        speaker_key="-".join(words(speaker)),
    )  # fmt: skip


def test_the_database_holds_wire_groups_and_quote_clusters(tmp_path):
    quote = STORY[3]
    texts = {"ledger_a": ORIGINAL, "courier_b": REPRINT, "ledger_c": FOLLOW + "\n\n“" + quote + "”"}
    db_path = tmp_path / "corpus.sqlite"
    writer = SqliteWriter(db_path)
    for doc, text in texts.items():
        result = ArticleResult(doc, "2026-03-02", [attribution(doc, text, quote, "Sarah Mitchell")], [], text=text)
        writer.write(result, f"{doc}\tsha-{doc}")
    writer.close()
    db = sqlite3.connect(db_path)
    groups = dict(db.execute("SELECT doc, wire_group FROM articles"))
    assert groups == {"ledger_a": 1, "courier_b": 1, "ledger_c": 3}
    (row,) = db.execute("SELECT articles, outlets, first_doc, speaker_key FROM quote_clusters").fetchall()
    assert row == (3, 2, "ledger_a", "sarah-mitchell")
    assert stored_wire_groups(db_path) == {"ledger_a": "ledger_a", "courier_b": "ledger_a"}
    deduped = runner.invoke(app, ["speakers", str(db_path), "--format", "jsonl", "--dedupe"])
    assert json.loads(deduped.stdout)["articles"] == 2
    read_back = runner.invoke(app, ["quotes", str(db_path), "--format", "jsonl"])
    assert [json.loads(line)["articles"] for line in read_back.stdout.splitlines()] == [3]


def test_speakers_dedupe_reads_the_texts_of_the_json_format(tmp_path):
    out, _ = speakers_jsonl(tmp_path)
    texts = {"ledger_a": ORIGINAL, "courier_b": REPRINT, "ledger_c": FOLLOW}
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    lines = [
        {"doc": r["doc"], "date": None, "text": texts[r["doc"]], "speakers": [], "attributions": [r]} for r in records
    ]
    path = tmp_path / "out.json"
    path.write_text("[\n" + ",\n".join(json.dumps(a) for a in lines) + "\n]\n", encoding="utf-8")
    deduped = runner.invoke(app, ["speakers", str(path), "--format", "jsonl", "--dedupe"])
    assert deduped.exit_code == 0, deduped.output
    assert json.loads(deduped.stdout)["articles"] == 2


def test_a_database_from_before_wire_groups_gets_the_columns_on_resume(tmp_path):
    db_path = tmp_path / "old.sqlite"
    old = sqlite3.connect(db_path)
    old.execute(
        "CREATE TABLE articles (article_id INTEGER PRIMARY KEY, doc TEXT NOT NULL, text_sha1 TEXT NOT NULL, "
        "date TEXT, outlet TEXT NOT NULL, speakers TEXT NOT NULL, UNIQUE (doc, text_sha1))"
    )
    old.execute(
        "INSERT INTO articles (doc, text_sha1, date, outlet, speakers) VALUES ('ledger_a', 'x', NULL, 'ledger', '[]')"
    )
    old.commit()
    old.close()
    writer = SqliteWriter(db_path, resume=True)
    writer.write(ArticleResult("courier_b", "2026-03-02", [], [], text=REPRINT), "courier_b\tsha")
    writer.close()
    db = sqlite3.connect(db_path)
    assert db.execute("SELECT doc, wire_group, sketch IS NOT NULL FROM articles").fetchall() == [
        ("ledger_a", 1, 0),
        ("courier_b", 2, 1),
    ]


def test_quotes_dedupe_counts_a_wire_group_once(tmp_path):
    _, inputs = speakers_jsonl(tmp_path)
    records = [rec(doc, FULL_QUOTE, "Sarah Mitchell") for doc in ("ledger_a", "courier_b", "ledger_c")]
    path = tmp_path / "quotes.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    plain = runner.invoke(app, ["quotes", str(path), "--format", "jsonl"])
    deduped = runner.invoke(app, ["quotes", str(path), "--format", "jsonl", "--dedupe", "--texts", str(inputs)])
    assert deduped.exit_code == 0, deduped.output
    assert json.loads(plain.stdout)["articles"] == 3
    assert [o["doc"] for o in json.loads(deduped.stdout)["occurrences"]] == ["ledger_a", "ledger_c"]
