"""Corpus identities and counts: one person under one key across articles, never two people under one."""

import json

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app
from attrib.corpus.corpus import bucket, count, identities, outlet_of, share_rows, speaker_rows
from attrib.speakers.identity import speaker_key

runner = CliRunner()


def rec(
    doc, speaker, date="2026-03-02", type_="person", gender=None, source=None, kind="direct", cue="said", title=None
):
    """A record with the fields the corpus counts read (invented names, invented statements)."""
    return {
        "doc": doc,
        "quote": "x",
        "speaker": speaker,
        "speaker_key": speaker_key(speaker),
        "speaker_type": type_,
        "speaker_title": title,
        "speaker_gender": gender,
        "speaker_gender_source": source,
        "kind": kind,
        "cue": cue,
        "date": date,
    }


def identity_of(records):
    corpus = count(records, identities(records))
    return {name: key for key, t in corpus.speakers.items() for (_, name) in t.names}, corpus


@pytest.mark.parametrize(
    "name, key",
    [
        ("Barack Obama", "barack-obama"),
        ("Miguel Díaz-Canel", "miguel-diazcanel"),
        ("John F. Kerry", "john-kerry"),
        ("Martin Luther King Jr.", "martin-luther-king"),
        ("senior U.S. officials", "senior-us-officials"),
        (None, None),
        ("", None),
    ],
)
def test_speaker_key_is_a_slug_of_the_folded_name(name, key):
    assert speaker_key(name) == key


def test_short_forms_in_other_articles_join_the_full_name():
    records = [
        rec("a1", "Renata Okafor", gender="f", source="title"),
        rec("a1", "Renata Okafor", gender="f", source="title"),
        rec("a2", "Okafor"),
        rec("a3", "Okafor", gender="f", source="pronoun"),
        rec("a4", "Renata Adaeze Okafor"),
        rec("a5", "Lukas Brandt"),
    ]
    names, corpus = identity_of(records)
    assert names["Okafor"] == names["Renata Okafor"] == names["Renata Adaeze Okafor"] == "renata-okafor"
    # the most quoted full form names the person
    assert corpus.speakers["renata-okafor"].attributions == 5
    assert corpus.speakers["renata-okafor"].articles == 4
    assert names["Lukas Brandt"] == "lukas-brandt"


def test_two_people_sharing_a_surname_never_merge():
    records = [
        rec("a1", "Tomas Varga", gender="m", source="title"),
        rec("a2", "Ilona Varga", gender="f", source="census"),
        rec("a3", "Varga"),  # no evidence of which Varga: stays a key of its own
        rec("a4", "Varga", gender="m", source="pronoun"),  # "he": only Tomas fits
    ]
    names, corpus = identity_of(records)
    assert names["Tomas Varga"] == "tomas-varga" and names["Ilona Varga"] == "ilona-varga"
    assert corpus.speakers["tomas-varga"].attributions == 2
    assert corpus.speakers["ilona-varga"].attributions == 1
    assert corpus.speakers["varga"].attributions == 1


def test_a_surname_joins_the_one_person_quoted_that_month():
    records = [
        rec("a1", "Tomas Varga", date="2026-03-02"),
        rec("a2", "Ilona Varga", date="2026-05-04"),
        rec("a3", "Varga", date="2026-03-20"),  # only Tomas is quoted in March
        rec("a4", "Varga", date="2026-05-20"),  # only Ilona in May
        rec("a5", "Varga", date="2026-07-01"),  # neither in July, both in the corpus: unmerged
    ]
    corpus = count(records, identities(records))
    assert corpus.speakers["tomas-varga"].attributions == 2
    assert corpus.speakers["ilona-varga"].attributions == 2
    assert corpus.speakers["varga"].attributions == 1


def test_a_year_only_date_is_no_month_for_the_merge(tmp_path):
    records = [
        rec("a1", "Tomas Varga", date="2026-01-12"),
        rec("a2", "Ilona Varga", date="2026-05-04"),
        # "in 2026" is stored as 2026-01-01: it is no January, so the surname meets both and joins neither
        {**rec("a3", "Varga", date="2026-01-01"), "date_precision": "year"},
        {**rec("a4", "Varga", date="2026-01-20"), "date_precision": "day"},  # a January day joins Tomas
    ]
    corpus = count(records, identities(records))
    assert corpus.speakers["varga"].attributions == 1 and corpus.speakers["tomas-varga"].attributions == 2
    # the database gives its records the same corpus keys (its UPDATE reads the month as unit_of does)
    from attrib.corpus.store import SCHEMA, connect, refresh_speakers

    db = connect(tmp_path / "c.sqlite")
    db.execute(
        "CREATE TABLE attributions (article_id, seq, speaker, speaker_key, speaker_type, date, date_precision, "
        "speaker_gender, quote_spans, corpus_key)"
    )
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT INTO attributions VALUES (?, 0, ?, ?, 'person', ?, ?, NULL, '[]', NULL)",
        [(i, r["speaker"], r["speaker_key"], r["date"], r.get("date_precision")) for i, r in enumerate(records)],
    )
    refresh_speakers(db)
    keys = [k for (k,) in db.execute("SELECT corpus_key FROM attributions ORDER BY article_id")]
    assert keys == ["tomas-varga", "ilona-varga", "varga", "tomas-varga"]


def test_full_names_with_different_first_names_stay_apart_even_with_one_shared_long_form():
    records = [rec("a1", "Ann Lee Moss"), rec("a2", "Ann Moss"), rec("a3", "Lee Moss"), rec("a4", "Bo Moss")]
    names, _ = identity_of(records)
    # "Ann Moss" and "Lee Moss" each fit "Ann Lee Moss" but not each other: at most one may join it
    assert names["Ann Moss"] != names["Lee Moss"]
    assert names["Bo Moss"] == "bo-moss"


def test_a_description_ending_in_a_name_is_no_longer_form_of_it():
    records = [rec("a1", "Dana Whitfield"), rec("a2", "Senator Dana Whitfield"), rec("a3", "aide to Dana Whitfield")]
    names, _ = identity_of(records)
    # "Senator Dana Whitfield" (a title the resolver left in) joins; the aide is someone else
    assert names["Senator Dana Whitfield"] == names["Dana Whitfield"] != names["aide to Dana Whitfield"]


def test_a_one_word_organization_joins_no_longer_name():
    records = [rec("a1", "Bank of Norland", type_="organization"), rec("a2", "Norland", type_="organization")]
    names, _ = identity_of(records)
    assert names["Norland"] == "norland" != names["Bank of Norland"]


def test_groups_and_anonymous_sources_are_not_merged_by_their_last_word():
    records = [
        rec("a1", "city officials", type_="group"),
        rec("a2", "officials", type_="group"),
        rec("a3", "a senior official", type_="anonymous"),
    ]
    names, _ = identity_of(records)
    assert len(set(names.values())) == 3


def test_an_article_counts_once_for_a_person_it_names_twice():
    records = [rec("a1", "Renata Okafor"), rec("a1", "Okafor"), rec("a1", "Renata Okafor"), rec("a2", "Okafor")]
    corpus = count(records, identities(records))
    t = corpus.speakers["renata-okafor"]
    assert (t.attributions, t.articles) == (4, 2)


def test_speaker_rows_give_dates_kinds_cues_and_title():
    records = [
        rec("a1", "Renata Okafor", date="2026-03-02", kind="direct", cue="said", title="Mayor"),
        rec("a2", "Okafor", date="2026-03-09", kind="indirect", cue="Said", title="Mayor"),
        rec("a3", "Okafor", date="2026-03-01", kind="mixed", cue="told"),
    ]
    (row,) = speaker_rows(count(records, identities(records)), None)
    assert (row["first"], row["last"], row["direct"], row["indirect"], row["mixed"]) == (
        "2026-03-01",
        "2026-03-09",
        1,
        1,
        1,
    )
    assert row["cues"][0] == "said" and row["title"] == "Mayor" and row["keys"] == ["okafor", "renata-okafor"]


def test_gender_shares_mark_census_names_and_count_people_only():
    records = [
        rec("a1", "Renata Okafor", gender="f", source="title"),
        rec("a2", "Ilona Varga", gender="f", source="census"),
        rec("a3", "Tomas Varga", gender="m", source="pronoun"),
        rec("a4", "Pat Quinn"),
        rec("a5", "city council", type_="organization"),
    ]
    rows = {r["group"]: r for r in share_rows(count(records, identities(records)), "gender")}
    assert set(rows) == {"women", "women (census first name)", "men", "unknown"}
    assert all(r["speakers"] == 1 and r["speaker_share"] == 0.25 for r in rows.values())


@pytest.mark.parametrize(
    "record, outlet",
    [
        ({"doc": "polnear:wash-post_2016-09-10_x"}, "wash-post"),
        ({"doc": "https://www.example.org/news/1"}, "example.org"),
        ({"doc": "inbox/daily_2026-03-01.txt"}, "daily"),
        ({"doc": "story.txt"}, "unknown"),
        ({"doc": "x_1", "outlet": "The Ledger"}, "The Ledger"),
        # a number or a date before the "_" numbers the file: it is no outlet
        ({"doc": "seeds/000_dc1100c513e7660b.txt"}, "unknown"),
        ({"doc": "inbox/2026-03-01_ledger.txt"}, "unknown"),
        ({"doc": "inbox/ledger2_0412.txt"}, "ledger2"),
    ],
)
def test_outlet(record, outlet):
    assert outlet_of(record) == outlet


def test_iso_weeks():
    assert bucket({"date": "2026-03-01"}, "week") == "2026-W09"  # a Sunday ends ISO week 9
    assert bucket({"date": "2026-03-02"}, "week") == "2026-W10"
    assert bucket({"date": None}, "week") == "undated"


@pytest.mark.parametrize(
    "date, precision, by, group",
    [
        ("2012-01-01", "year", "week", "2012"),  # "in 2012" is no week of it
        ("2012-01-01", "year", "month", "2012"),  # nor January
        ("1830-01-01", "year", "day", "1830"),
        ("2016-07-01", "month", "day", "2016-07"),
        ("2016-07-01", "month", "week", "2016-07"),
        ("2016-07-01", "month", "month", "2016-07"),
        ("2026-03-02", "week", "day", "2026-W10"),  # "last week" is a week, not a day
        ("2026-03-02", "week", "month", "2026-03"),
        ("2026-03-02", "day", "week", "2026-W10"),
        ("2026-03-02", None, "day", "2026-03-02"),  # output without precisions held day dates
    ],
)
def test_a_date_joins_only_the_periods_its_precision_fills(date, precision, by, group):
    assert bucket({"date": date, "date_precision": precision}, by) == group


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_by_week_counts_equal_a_hand_count(tmp_path):
    records = [
        rec("w1", "Renata Okafor", date="2026-03-02"),
        rec("w1", "Okafor", date="2026-03-03"),
        rec("w2", "Lukas Brandt", date="2026-03-04"),
        rec("w3", "Okafor", date="2026-03-08"),  # Sunday: still week 10
        rec("w4", "Renata Okafor", date="2026-03-09"),
        rec("w4", "Lukas Brandt", date="2026-03-12"),
        rec("w5", "Lukas Brandt", date=None),
        rec("w5", None, date="2026-03-12"),
    ]
    result = runner.invoke(
        app, ["speakers", write_jsonl(tmp_path / "out.jsonl", records), "--by", "week", "-f", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    got = [
        (r["group"], r["speaker_key"], r["attributions"], r["articles"])
        for r in map(json.loads, result.stdout.splitlines())
    ]
    # by hand: week 10 (Mar 2-8) has Okafor twice in w1 and once in w3, Brandt once in w2;
    # week 11 has each once in w4; Brandt's undated record counts apart; a record without a speaker not at all
    assert got == [
        ("2026-W10", "renata-okafor", 3, 2),
        ("2026-W10", "lukas-brandt", 1, 1),
        ("2026-W11", "lukas-brandt", 1, 1),
        ("2026-W11", "renata-okafor", 1, 1),
        ("undated", "lukas-brandt", 1, 1),
    ]


def test_json_articles_and_jsonl_records_count_alike(tmp_path):
    records = [rec("a1", "Renata Okafor"), rec("a1", "Lukas Brandt"), rec("a2", "Okafor")]
    articles = [
        {"doc": "a1", "date": None, "speakers": [], "attributions": records[:2]},
        {"doc": "a2", "date": None, "speakers": [], "attributions": records[2:]},
    ]
    jsonl = runner.invoke(app, ["speakers", write_jsonl(tmp_path / "r.jsonl", records), "-f", "jsonl"])
    json_ = runner.invoke(app, ["speakers", write_jsonl(tmp_path / "a.json", articles), "-f", "jsonl"])
    assert jsonl.stdout == json_.stdout and len(jsonl.stdout.splitlines()) == 2


def test_a_bad_line_is_one_error_and_the_rest_is_counted(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(rec("a1", "Renata Okafor")) + "\n{not json\n" + json.dumps(rec("a2", "Okafor")) + "\n")
    result = runner.invoke(app, ["speakers", str(path), str(tmp_path / "missing.jsonl"), "-f", "csv"])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and f"{path}:2: malformed JSON" in errors[0] and "missing.jsonl: cannot read" in errors[1]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("speaker_key,name,type") and lines[1].startswith("renata-okafor,Renata Okafor,person")


@pytest.mark.parametrize(
    "bad",
    [
        {"speaker_key": ["okafor"]},
        {"speaker_key": 7},
        {"speaker": {"name": "x"}},
        {"cue": 5},
        {"speaker_title": ["mayor"]},
        {"date_precision": ["day"]},
        {"doc": ["a2"]},
        {"date": "2026-13-45"},
        {"date": "banana"},
        {"date": 20260302},
        {"doc": "http://[::1"},
    ],
)
@pytest.mark.parametrize("by", [None, "week", "outlet", "gender"])
def test_a_record_of_the_wrong_shape_is_one_line_and_the_rest_is_counted(tmp_path, bad, by):
    path = tmp_path / "out.jsonl"
    records = [rec("a1", "Renata Okafor"), {**rec("a2", "Okafor"), **bad}, rec("a3", "Renata Okafor")]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = runner.invoke(app, ["speakers", str(path), "-f", "jsonl", *(["--by", by] if by else [])])
    assert result.exit_code == (0 if "doc" in bad and bad["doc"] == "http://[::1" else 1), result.output
    assert len(result.stderr.strip().splitlines()) == result.exit_code
    assert result.stderr.startswith(f"attrib: {path}:2: ") or not result.stderr
    assert "renata-okafor" in result.stdout or by == "gender" and result.stdout.strip()


def test_json_nested_past_pythons_depth_is_one_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(rec("a1", "Renata Okafor")) + "\n" + "[" * 100_000 + "\n")
    result = runner.invoke(app, ["speakers", str(path), "-f", "jsonl"])
    assert result.exit_code == 1 and result.stderr == f"attrib: {path}:2: unreadable JSON (nested too deeply)\n"
    assert "renata-okafor" in result.stdout


def test_usage_errors_exit_2(tmp_path):
    path = write_jsonl(tmp_path / "out.jsonl", [rec("a1", "Renata Okafor")])
    assert runner.invoke(app, ["speakers", path, "--by", "year"]).exit_code == 2
    assert runner.invoke(app, ["speakers", path, "--format", "xml"]).exit_code == 2


def test_stdin_is_read_like_a_file(tmp_path):
    records = [rec("a1", "Renata Okafor"), rec("a2", "Okafor"), rec("a3", "Lukas Brandt")]
    path = write_jsonl(tmp_path / "out.jsonl", records)
    piped = runner.invoke(app, ["speakers", "-", "-f", "jsonl"], input=(tmp_path / "out.jsonl").read_text())
    assert piped.exit_code == 0 and piped.stdout == runner.invoke(app, ["speakers", path, "-f", "jsonl"]).stdout


def test_by_type_gives_shares_of_speakers_and_attributions(tmp_path):
    records = [
        rec("a1", "Renata Okafor"),
        rec("a1", "Renata Okafor"),
        rec("a2", "city council", type_="organization"),
        rec("a3", "a senior official", type_="anonymous"),
    ]
    result = runner.invoke(app, ["speakers", write_jsonl(tmp_path / "o.jsonl", records), "--by", "type", "-f", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["group"], r["speakers"], r["attributions"], r["attribution_share"]) for r in rows] == [
        ("person", 1, 2, 0.5),
        ("anonymous", 1, 1, 0.25),
        ("organization", 1, 1, 0.25),
    ]


def test_by_type_counts_records_without_a_speaker_as_unknown(tmp_path):
    records = [
        rec("a1", "Renata Okafor"),
        rec("a1", None, type_="other"),
        rec("a2", "city council", type_="organization"),
    ]
    result = runner.invoke(app, ["speakers", write_jsonl(tmp_path / "o.jsonl", records), "--by", "type", "-f", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sum(r["attributions"] for r in rows) == len(records)
    assert {r["group"]: (r["speakers"], r["attributions"]) for r in rows}["unknown"] == (0, 1)


def test_the_header_counts_one_article_in_the_singular(tmp_path):
    path = write_jsonl(tmp_path / "one.jsonl", [rec("a1", "Renata Okafor")])
    table = " ".join(runner.invoke(app, ["speakers", path, "--format", "table"]).stdout.split())
    assert "1 article, 1 attribution, 1 speaker" in table
