"""Bounded memory: a file is read no further than the longest article allowed needs; a long article is parsed in
pieces. Texts are invented."""

from __future__ import annotations

import gzip
import tracemalloc

import pytest
from typer.testing import CliRunner

from attrib import extractor as extractor_module
from attrib.cli.app import app
from attrib.errors import InputError
from attrib.read.articles import Article, Reading, read_inputs

ARTICLE = "The mayor said that the bridge would reopen in May.\n\n“We are nearly done,” she said on Monday.\n"


@pytest.mark.parametrize("name", ["bomb.txt.gz", "big.txt", "page.html.gz"])
def test_a_file_longer_than_the_limit_is_refused_before_it_is_read_whole(tmp_path, name):
    path = tmp_path / name
    data = b"The mayor said so. " * 2_000_000  # 38 MB
    path.write_bytes(gzip.compress(data, compresslevel=1) if name.endswith(".gz") else data)
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)], reading=Reading(max_chars=1000)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "too large" in items[0].problem or "larger than" in items[0].problem
    assert peak < 25_000_000  # the page limit is 20 MB; a text needs 4 bytes a character at most


def test_the_cli_refuses_a_long_text_with_one_line(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 5_000_000, compresslevel=1))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), str(good), "--max-chars", "1000", "-f", "jsonl"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("attrib: ")]
    assert lines == [f"attrib: {path}: article too large (over 4,004 bytes, so over 1,000 characters; see --max-chars)"]
    assert result.stdout.count('"doc"') == 2


@pytest.mark.parametrize("text", ["a" * 1000, ("word " * 50 + "\n") * 40, ("One two three.\n\n" * 100), "x" * 10])
def test_pieces_join_to_the_text_and_stay_short(text):
    parts = list(extractor_module.pieces(text, 100))
    assert "".join(parts) == text and all(0 < len(p) <= 200 for p in parts)
    assert all(p.endswith(("\n", " ")) for p in parts[:-1]) or text == "a" * 1000


def test_a_long_article_parsed_in_pieces_gives_the_attributions_of_one_parse(extractor, monkeypatch):
    text = "".join(
        f"“The talks on item {k} will go on,” the minister said on Monday.\n\nTom Reed told reporters that the vote "
        f"on item {k} had been delayed.\n\n"
        for k in range(12)
    )
    whole = extractor.analyse(Article("a", text))
    monkeypatch.setattr(extractor_module, "PIECE_CHARS", 300)
    assert len(list(extractor_module.pieces(text, 300))) > 3
    pieced = extractor.analyse(Article("a", text))
    assert pieced == whole and len(whole.attributions) >= 24
