"""Web pages: the main text of a realistic page (invented), its metadata date, fetching and its failures."""

import re
import time

import pytest

from attrib.errors import InputError
from attrib.read.web import fetch, is_url, read_page

from .web_server import NEWS_PAGE, closed_port, serving, tricky

BOILERPLATE = (
    "Advertisement",
    "best coffee",
    "Refinance",
    "newsletter",
    "Most read",
    "Governor says",
    "Indispensable",
    "All rights reserved",
    "Privacy policy",
    "Updated March 4",
)


def test_the_page_gives_its_headline_first_its_paragraphs_and_its_publication_date():
    page = read_page("news_page.html", NEWS_PAGE.read_bytes())
    lines = page.text.split("\n\n")
    assert lines[0] == "Harbor Bridge Will Reopen in May, Mayor Says"
    assert lines[1].startswith("Mayor Elena Marsh said on Tuesday")
    # entities decoded: curly quotes and apostrophes as characters
    assert "“We are nearly done," in page.text and "city’s chief engineer" in page.text
    assert page.date == "2026-03-03" and page.author == "Dana Whitcombe"
    assert [b for b in BOILERPLATE if b in page.text] == []


def test_a_title_only_in_the_head_becomes_the_first_line():
    html = (
        "<html><head><title>Council Delays Vote</title></head><body><article><p>The council said on Monday that "
        "the vote on the new budget would wait until the auditors had finished their report.</p></article></body>"
        "</html>"
    )
    assert read_page("x.html", html).text.split("\n\n")[0] == "Council Delays Vote"


@pytest.mark.parametrize("html", [b"", b"<html><head><title>Broken", b"\x00\x01binary\x00"])
def test_a_page_without_text_is_an_input_error(html):
    with pytest.raises(InputError) as error:
        read_page("broken.html", html)
    assert str(error.value).startswith("broken.html: ")


def test_fetch_reads_a_page_from_a_local_server():
    with serving() as base:
        assert fetch(f"{base}/news_page.html", timeout=5) == NEWS_PAGE.read_bytes()


def test_fetch_failures_are_one_line_input_errors():
    with serving() as base, pytest.raises(InputError, match=r"missing\.html: cannot fetch: HTTP 404"):
        fetch(f"{base}/missing.html", timeout=5)
    url = f"http://127.0.0.1:{closed_port()}/story"
    with pytest.raises(InputError, match="cannot fetch: connection refused") as error:
        fetch(url, timeout=1)
    assert str(error.value).startswith(url + ": ") and "\n" not in str(error.value)


def test_only_http_addresses_are_urls():
    assert is_url("https://example.org/a") and is_url("HTTP://x") and not is_url("ftp://x") and not is_url("a.html")


def test_a_page_sent_a_byte_a_second_fails_at_the_timeout_whole():
    with tricky() as base:
        started = time.monotonic()
        with pytest.raises(InputError, match=r"slow: cannot fetch: took longer than 2 s"):
            fetch(f"{base}/slow", timeout=2)
        assert time.monotonic() - started < 5  # each byte came within the socket's timeout: 100 s before


@pytest.mark.parametrize(
    "target, problem",
    [
        ("ftp://127.0.0.1:{port}/story", "attrib follows http(s) only"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[fe80::1]/", "a link-local address"),
    ],
)
def test_redirects_lead_to_http_addresses_only(target, problem):
    target = target.format(port=closed_port())
    with tricky() as base:
        with pytest.raises(InputError, match=f"cannot fetch: redirected to .*: {re.escape(problem)}"):
            fetch(f"{base}/redirect?to={target}", timeout=3)
    with serving() as base, tricky() as tricks:
        assert fetch(f"{tricks}/redirect?to={base}/news_page.html", timeout=5) == NEWS_PAGE.read_bytes()
