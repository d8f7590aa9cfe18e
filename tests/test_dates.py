"""Date cases of our own writing: the article's date, and when each statement was made."""
import pytest

from attrib.dates import article_date, resolve

DATELINES = [
    ("February 10, 2026Clash Report\n\nThe minister said no talks were planned.", "2026-02-10"),
    ("WASHINGTON, Feb. 10 (Reuters) - The minister said no talks were planned in 2026.", "2026-02-10"),
    ("Feb 10, 2026 · 5 min read\n\nThe minister said no talks were planned.", "2026-02-10"),
    ("By Ann Cole\n10 February 2026\n\nThe minister said no talks were planned.", "2026-02-10"),
    ("2026-02-10\n\nThe minister said no talks were planned.", "2026-02-10"),
    ("Updated 3:04 PM EST, Tue February 10, 2026\n\nThe minister said no talks were planned.", "2026-02-10"),
    ("Published: Sept. 3, 2016\n\nThe minister said no talks were planned.", "2016-09-03"),
    ("The minister said no talks were planned.", None),
    ("The minister said no talks were planned on Monday.", None),
]


@pytest.mark.parametrize("text, expected", DATELINES)
def test_article_date_from_the_dateline(text, expected):
    assert article_date(text) == expected


RESOLVED = [
    # (expression, article date, (iso, source, precision))
    ("Feb. 1", "2026-02-10", ("2026-02-01", "explicit", "day")),
    ("Jan. 28", "2026-02-10", ("2026-01-28", "explicit", "day")),
    ("Dec. 30", "2026-01-03", ("2025-12-30", "explicit", "day")),  # the year that keeps it in the past
    ("February 10", "2026-02-10", ("2026-02-10", "explicit", "day")),
    ("March 3, 2024", None, ("2024-03-03", "explicit", "day")),  # a full date needs no article date
    ("Tuesday", "2026-02-10", ("2026-02-10", "relative", "day")),  # the article's own weekday
    ("Monday", "2026-02-10", ("2026-02-09", "relative", "day")),
    ("Wednesday", "2026-02-10", ("2026-02-04", "relative", "day")),
    ("Tuesday night", "2026-02-10", ("2026-02-10", "relative", "day")),
    ("last Tuesday", "2026-02-10", ("2026-02-03", "relative", "day")),
    ("yesterday", "2026-02-10", ("2026-02-09", "relative", "day")),
    ("today", "2026-02-10", ("2026-02-10", "relative", "day")),
    ("last week", "2026-02-10", ("2026-02-02", "relative", "week")),
    ("earlier this month", "2026-02-10", ("2026-02-01", "relative", "month")),
    ("last month", "2026-02-10", ("2026-01-01", "relative", "month")),
    ("last year", "2026-02-10", ("2025-01-01", "relative", "year")),
    ("2019", "2026-02-10", ("2019-01-01", "explicit", "year")),
    ("in 2019", None, ("2019-01-01", "explicit", "year")),
    ("June 2019", "2026-02-10", ("2019-06-01", "explicit", "month")),
    ("Monday", None, None),  # relative with no article date: unknown, never today
    ("yesterday", None, None),
]


@pytest.mark.parametrize("expression, base, expected", RESOLVED)
def test_resolve_date_expressions(expression, base, expected):
    assert resolve(expression, base) == expected


STATEMENTS = [
    # (text, article date, date, source, precision, date_text)
    ("Trump told reporters on Feb. 1 that a deal was near.", "2026-02-10", "2026-02-01", "explicit", "day", "Feb. 1"),
    ("The ministry said in a Jan. 28 statement that the border was open.", "2026-02-10", "2026-01-28", "explicit", "day", "Jan. 28"),
    ("The governor on Monday said the roads were safe.", "2026-02-10", "2026-02-09", "relative", "day", "Monday"),
    ("The governor said Tuesday night that the roads were safe.", "2026-02-10", "2026-02-10", "relative", "day", "Tuesday night"),
    ("The senator said in a speech last week that the bill would pass.", "2026-02-10", "2026-02-02", "relative", "week", "last week"),
    ("Smith told the Times in 2019 that he would retire.", "2026-02-10", "2019-01-01", "explicit", "year", "2019"),
    ("The mayor said yesterday that the bridge was safe.", "2026-02-10", "2026-02-09", "relative", "day", "yesterday"),
    ("Earlier this month, the mayor said the bridge was safe.", "2026-02-10", "2026-02-01", "relative", "month", "Earlier this month"),
    ("The company said on Dec. 30 that profits had doubled.", "2026-01-03", "2025-12-30", "explicit", "day", "Dec. 30"),
    # dates of other things do not date the statement
    ("The law passed on March 3, he said.", "2026-02-10", "2026-02-10", "article", "day", None),
    ("The mayor said the bridge would reopen on Friday.", "2026-02-10", "2026-02-10", "article", "day", None),
    ("The senator said the vote held in 2019 was unfair.", "2026-02-10", "2026-02-10", "article", "day", None),
    # no article date: relative dates stay unknown, explicit ones still resolve
    ("The governor on Monday said the roads were safe.", None, None, None, None, None),
    ("The governor said on March 3, 2024, that the roads were safe.", None, "2024-03-03", "explicit", "day", "March 3, 2024"),
    ("The governor said the roads were safe.", None, None, None, None, None),
]


@pytest.mark.parametrize("text, base, date, source, precision, date_text", STATEMENTS)
def test_statement_dates(extractor, text, base, date, source, precision, date_text):
    a = extractor.extract(text, date=base)[0]
    assert (a.date, a.date_source, a.date_precision, a.date_text) == (date, source, precision, date_text)
    if date_text:
        assert text[a.date_start : a.date_end] == date_text


def test_coordinated_statements_share_their_date(extractor):
    text = "Trump told reporters on Feb. 1 that the talks were going well and that he believed a deal was close."
    assert [a.date for a in extractor.extract(text, date="2026-02-10")] == ["2026-02-01", "2026-02-01"]


def test_floating_quote_takes_its_speakers_date(extractor):
    text = "The mayor said on Monday that the bridge was safe.\n\n“We checked every bolt of it twice this winter.”"
    assert [a.date for a in extractor.extract(text, date="2026-02-10")] == ["2026-02-09", "2026-02-09"]


def test_dateline_dates_the_article_when_no_date_is_given(extractor):
    text = "February 10, 2026\n\nThe governor on Monday said the roads were safe."
    (a,) = extractor.extract(text)
    assert (a.date, a.date_source) == ("2026-02-09", "relative")
