"""Articles as people have them: web pages (files, URLs, JSONL records), gzip, CSV; non-English articles."""

import gzip
import json
import re

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app

from .test_language import FOREIGN
from .web_server import NEWS_PAGE, closed_port, serving

runner = CliRunner()
ARTICLE = "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.\n"
BOILERPLATE = ("coffee", "Rates", "newsletter", "subscriber", "Governor", "Coach", "Indispensable", "Press Club")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def articles(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def without_doc(article):
    # the article's own facts depend on the input (a URL has an address, a file has none)
    return [
        {k: v for k, v in a.items() if k != "doc" and not k.startswith("article_")} for a in article["attributions"]
    ]


def errors(result):
    return [line for line in result.stderr.splitlines() if line.startswith("attrib:")]


def test_a_page_gives_the_same_attributions_from_its_url_its_file_and_its_text(tmp_path):
    with serving() as base:
        url = f"{base}/{NEWS_PAGE.name}"
        result = run("extract", url, NEWS_PAGE, "--format", "articles", "--timeout", "5")
    assert result.exit_code == 0, result.output
    from_url, from_file = articles(result.stdout)
    assert from_url["doc"] == url and from_file["doc"] == str(NEWS_PAGE)
    # the publication date in the page's metadata, not the byline's "Updated March 4"
    assert from_url["date"] == from_file["date"] == "2026-03-03"
    assert from_url["text"] == from_file["text"] and from_url["text"].startswith("Harbor Bridge Will Reopen")
    text = tmp_path / "page.txt"
    text.write_text(from_url["text"], encoding="utf-8")
    from_text = articles(run("extract", text, "--format", "articles", "--date", "2026-03-03").stdout)[0]
    assert "text" not in from_text  # plain text: offsets index the file itself
    assert without_doc(from_url) == without_doc(from_file) == without_doc(from_text)
    assert {a["article_url"] for a in from_url["attributions"]} == {url} == {from_url["url"]}
    assert {a["article_url"] for a in from_file["attributions"]} == {None}
    records = from_url["attributions"]
    assert {a["speaker"] for a in records} >= {"Elena Marsh", "Tomas Greer", "Rosa Llanes", "Victor Osei"}
    assert any(a["kind"] == "mixed" and "slow disaster" in a["quote"] for a in records)
    for a in records:
        assert from_url["text"][a["quote_start"] : a["quote_end"]] == a["quote"]
        assert not any(b in a["quote"] or b in (a["speaker"] or "") for b in BOILERPLATE)


def test_date_option_and_a_record_date_win_over_the_page_metadata(tmp_path):
    page = NEWS_PAGE.read_text(encoding="utf-8")
    records = tmp_path / "pages.jsonl"
    records.write_text(
        json.dumps({"id": "p1", "page": page})
        + "\n"
        + json.dumps({"id": "p2", "page": page, "date": "2026-03-05"})
        + "\n"
    )
    result = run("extract", records, "--format", "articles", "--html-field", "page")
    assert result.exit_code == 0, result.output
    p1, p2 = articles(result.stdout)
    assert (p1["doc"], p1["date"], p2["date"]) == ("p1", "2026-03-03", "2026-03-05")
    assert p1["text"].startswith("Harbor Bridge Will Reopen") and len(p1["attributions"]) >= 6
    assert (
        articles(run("extract", NEWS_PAGE, "--format", "articles", "--date", "2026-03-09").stdout)[0]["date"]
        == "2026-03-09"
    )


def test_with_text_adds_the_text_of_plain_articles(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert articles(run("extract", path, "--format", "articles", "--with-text").stdout)[0]["text"] == ARTICLE


def test_gzipped_inputs_read_as_their_content(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "c", "text": ARTICLE}) + "\n").encode()))
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(NEWS_PAGE.read_bytes()))
    result = run("extract", tmp_path, "--format", "articles")
    assert result.exit_code == 0, result.output
    found = {a["doc"].rsplit("/", 1)[-1]: a for a in articles(result.stdout)}
    assert sorted(found) == ["a.txt", "b.txt.gz", "c", "d.html.gz"]
    assert without_doc(found["a.txt"]) == without_doc(found["b.txt.gz"]) == without_doc(found["c"])
    assert found["d.html.gz"]["date"] == "2026-03-03" and len(found["d.html.gz"]["attributions"]) >= 6


def test_csv_rows_are_articles_with_named_columns(tmp_path):
    path = tmp_path / "news.csv"
    rows = [
        ("n1", "2026-02-10", ARTICLE),
        ("n2", "2026-02-11", "Senator Paul Okafor said the vote would wait."),
        ("n3", "", "Coach Theo Lindqvist said, “We are ready.”"),
    ]
    path.write_text(
        "story_id,published,body\n" + "".join(f'{i},{d},"{t.replace(chr(34), chr(34) * 2)}"\n' for i, d, t in rows),
        encoding="utf-8",
    )
    result = run(
        "extract",
        path,
        "--format",
        "articles",
        "--text-field",
        "body",
        "--id-field",
        "story_id",
        "--date-field",
        "published",
    )
    assert result.exit_code == 0, result.output
    found = articles(result.stdout)
    assert [(a["doc"], a["date"]) for a in found] == [("n1", "2026-02-10"), ("n2", "2026-02-11"), ("n3", None)]
    assert [len(a["attributions"]) for a in found] == [2, 1, 1]


def one_bad_input(bad, *args):
    """Runs a bad input beside a good one: one line naming the bad one, exit 1, the good one still read."""
    good = bad.parent / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", bad, good, "--format", "jsonl", *args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert {r["doc"] for r in articles(result.stdout)} == {str(good)}
    (line,) = errors(result)
    return line


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("broken.html", b"<html><head><title>Broken", "no article text found in the HTML"),
        ("binary.html", b"\x00\x01\x02<p>", "binary file"),
        ("corrupt.txt.gz", b"\x1f\x8b\x08\x00garbage", "corrupt gzip"),
        ("plain.jsonl.gz", b"not gzip at all", "corrupt gzip"),
        ("news.csv", b"title,content\nA,The mayor said so.\n", "no column 'text' (columns: 'title', 'content'"),
    ],
)
def test_a_bad_file_is_one_line_and_the_rest_still_runs(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    line = one_bad_input(bad)
    assert line.startswith(f"attrib: {bad}: ") and message in line


def test_an_unreachable_url_is_one_line_and_the_rest_still_runs(tmp_path):
    url = f"http://127.0.0.1:{closed_port()}/story.html"
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", url, good, "--format", "jsonl", "--timeout", "2")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert errors(result) == [f"attrib: {url}: cannot fetch: connection refused"]
    assert {r["doc"] for r in articles(result.stdout)} == {str(good)}


def test_a_foreign_article_fails_alone_unless_any_language(tmp_path):
    spanish = tmp_path / "noticia.txt"
    spanish.write_text(FOREIGN["Spanish"], encoding="utf-8")
    line = one_bad_input(spanish)
    assert line.startswith(f"attrib: {spanish}: not English (likely Spanish)") and "--any-language" in line
    result = run("extract", spanish, "--format", "articles", "--any-language")
    assert result.exit_code == 0 and articles(result.stdout)[0]["doc"] == str(spanish)


def test_show_reads_attrib_output_and_refuses_texts_that_do_not_fit(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", article, "-o", out).exit_code == 0
    # the texts from --texts, never from the files the records name
    report = tmp_path / "r.html"
    assert errors(run("show", out, "-o", report)) == [
        f"attrib: {article}: no text for this article in the output or --texts"
    ]
    result = run("show", out, "--texts", article, "-o", report)
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").count('<mark class="q" data-a=') == 2
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": str(article), "text": "Something else first.\n" + ARTICLE}) + "\n")
    result = run("show", out, "--texts", texts, "-o", report)
    assert result.exit_code == 1
    assert errors(result) == [
        f"attrib: {article}: the records do not fit this text: it is not the text they were found in"
    ]
    texts.write_text(json.dumps({"id": "another", "text": ARTICLE}) + "\n")
    assert errors(run("show", out, "--texts", texts, "-o", report)) == [
        f"attrib: {article}: no text for this article in the output or --texts"
    ]
    assert run("show", out, article).exit_code == 2  # output files and articles are not mixed


def test_show_never_reads_the_file_a_record_names(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"doc": str(secret), "date": None, "attributions": [], "speakers": []}) + "\n")
    report = tmp_path / "r.html"
    result = run("show", out, "-o", report)
    assert result.exit_code == 1
    assert errors(result) == [f"attrib: {secret}: no text for this article in the output or --texts"]
    assert "swordfish" not in report.read_text(encoding="utf-8")


GOOD_RECORD = {
    "doc": "a", "quote": "We are nearly done", "quote_start": 1, "quote_end": 19, "quote_spans": [[1, 19]],
    "kind": "direct", "speaker": "she", "speaker_id": "s1", "cue": "said", "cue_start": 26, "cue_end": 30,
}  # fmt: skip
BAD_SHAPES = [
    [1, 2],
    {"quote_spans": "x"},
    {**GOOD_RECORD, "doc": ["a"]},
    {**GOOD_RECORD, "doc": None},
    {**GOOD_RECORD, "quote_start": "1"},
    {**GOOD_RECORD, "quote_end": -4},
    {**GOOD_RECORD, "quote_spans": [[1]]},
    {**GOOD_RECORD, "quote_spans": [["a", "b"]]},
    {**GOOD_RECORD, "quote_spans": 7},
    {**GOOD_RECORD, "kind": None},
    {**GOOD_RECORD, "speaker": ["x"]},
    {**GOOD_RECORD, "speaker_id": {"a": 1}},
    {**GOOD_RECORD, "cue_start": 1.5},
    {**GOOD_RECORD, "cue_end": 10**6},
    {"doc": "a", "attributions": [1]},
    {"doc": "a", "attributions": [], "speakers": "x"},
    {"doc": "a", "attributions": [], "speakers": [{"speaker_id": 1}]},
    {"doc": "a", "attributions": [], "date": 5},
    {"doc": "a", "attributions": [], "text": ["x"]},
    {"doc": 5, "attributions": []},
    [[[[[]]]]],
]


@pytest.mark.parametrize("bad", BAD_SHAPES)
def test_show_fails_a_record_of_the_wrong_shape_with_one_line(tmp_path, bad):
    text = "“We are nearly done,” she said.\n"
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    lines = [json.dumps(GOOD_RECORD), json.dumps(bad), json.dumps({**GOOD_RECORD, "doc": "b"})]
    out.write_text("".join(line + "\n" for line in lines))
    report = tmp_path / "r.html"
    result = run("show", out, "--texts", texts, "-o", report)
    assert result.exit_code == 1, result.output
    assert len(errors(result)) == 1 and "Traceback" not in result.output, result.output
    assert report.read_text(encoding="utf-8").count('<mark class="q"') >= 1


def test_a_legacy_encoding_is_named_with_encoding(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The café owner said that the rent had doubled.\n".encode("latin-1"))
    line = one_bad_input(legacy)
    assert (
        line == f"attrib: {legacy}: not UTF-8 text (invalid byte 0xe9 at offset 7); give its encoding with --encoding"
    )
    result = run("extract", legacy, "--format", "articles", "--encoding", "latin-1", "--with-text")
    assert result.exit_code == 0, result.output
    (article,) = articles(result.stdout)
    assert article["text"].startswith("The café owner") and article["attributions"][0]["speaker"] == "café owner"
    assert run("extract", legacy, "--encoding", "no-such-codec").exit_code == 2


@pytest.mark.parametrize("codec", ["rot13", "base64", "punycode", "idna", "hex"])
def test_a_codec_that_is_no_character_set_is_a_usage_error(tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    for command in ("extract", "show"):
        result = run(command, path, "--encoding", codec)
        assert result.exit_code == 2, result.output
        assert "not a character encoding" in result.stderr and "Traceback" not in result.output


def test_show_reads_json_output_that_carries_its_texts(tmp_path):
    out = tmp_path / "out.json"
    assert run("extract", NEWS_PAGE, "-o", out).exit_code == 0
    (article,) = json.loads(out.read_text(encoding="utf-8"))
    report = tmp_path / "r.html"
    result = run("show", out, "-o", report)
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert len(set(re.findall(r'<mark class="q" data-a="(\d+)"', page))) == len(article["attributions"]) >= 6
    assert "Harbor Bridge Will Reopen" in page and "2026-03-03" in page
