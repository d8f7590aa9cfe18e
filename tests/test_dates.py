"""Date cases of our own writing: the article's date, and when each statement was made."""

import re
import subprocess
import sys
from datetime import date

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from attrib.dates.dates import DateValue, article_date, resolve
from attrib.dates.posts import post_dates
from attrib.dates.statements import statement_date
from attrib.dates.timeline import Statement, carry_dates
from attrib.read.articles import parse_article_date

DATELINES = [
    ("February 10, 2026Clash Report\n\nThe minister said no talks were planned.", "2026-02-10"),
    ("WASHINGTON, Feb. 10 (Reuters) - The minister said on Jan. 30, 2026 that no talks were planned.", "2026-02-10"),
    # a bare year is no evidence of the dateline's year ("the 2019 floods")
    ("WASHINGTON, Feb. 10 (Reuters) - The minister said no talks were planned after the 2019 floods.", None),
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
    ("last week", "2026-02-10", ("2026-02-03", "relative", "week")),  # the article date minus 7 days
    ("this weekend", "2026-02-09", ("2026-02-07", "relative", "day")),  # that weekend's Saturday
    ("over the weekend", "2026-02-08", ("2026-02-07", "relative", "day")),
    ("Sunday night's", "2026-02-10", ("2026-02-08", "relative", "day")),
    ("two days ago", "2026-02-10", ("2026-02-08", "relative", "day")),
    # times no day can be given to: vague, with what precision there is
    ("earlier this month", "2026-02-10", ("2026-02-01", "vague", "month")),
    ("earlier this week", "2026-02-12", ("2026-02-09", "vague", "week")),
    ("last month", "2026-02-10", ("2026-01-01", "vague", "month")),
    ("last year", "2026-02-10", ("2025-01-01", "vague", "year")),
    ("2019", "2026-02-10", ("2019-01-01", "vague", "year")),
    ("in 2019", None, ("2019-01-01", "vague", "year")),
    ("June 2019", "2026-02-10", ("2019-06-01", "vague", "month")),
    ("in June", "2026-02-10", ("2025-06-01", "vague", "month")),
    # durations and ages are no dates
    ("50 days", "2026-02-10", None),
    ("82", "2026-02-10", None),
    ("the six weeks", "2026-02-10", None),
    ("Monday", None, None),  # relative with no article date: unknown, never today
    ("yesterday", None, None),
]


@pytest.mark.parametrize("expression, base, expected", RESOLVED)
def test_resolve_date_expressions(expression, base, expected):
    assert resolve(expression, base) == expected


STATEMENTS = [
    # (text, article date, date, source, precision, date_text)
    ("Trump told reporters on Feb. 1 that a deal was near.", "2026-02-10", "2026-02-01", "explicit", "day", "Feb. 1"),
    (
        "The ministry said in a Jan. 28 statement that the border was open.",
        "2026-02-10",
        "2026-01-28",
        "explicit",
        "day",
        "Jan. 28",
    ),
    ("The governor on Monday said the roads were safe.", "2026-02-10", "2026-02-09", "relative", "day", "Monday"),
    # a phrase set off by commas after the subject dates the verb, wherever the parser hangs it
    (
        "The governor of the state, during a visit on Monday, said the bridge would reopen.",
        "2026-02-12",
        "2026-02-09",
        "relative",
        "day",
        "Monday",
    ),
    (
        "The governor said Tuesday night that the roads were safe.",
        "2026-02-10",
        "2026-02-10",
        "relative",
        "day",
        "Tuesday night",
    ),
    (
        "The senator said in a speech last week that the bill would pass.",
        "2026-02-10",
        "2026-02-03",
        "relative",
        "week",
        "last week",
    ),
    ("Smith told the Times in 2019 that he would retire.", "2026-02-10", "2019-01-01", "vague", "year", "2019"),
    ("The mayor said yesterday that the bridge was safe.", "2026-02-10", "2026-02-09", "relative", "day", "yesterday"),
    (
        "Earlier this month, the mayor said the bridge was safe.",
        "2026-02-10",
        "2026-02-01",
        "vague",
        "month",
        "Earlier this month",
    ),
    ("The mayor has long said that the bridge was safe.", "2026-02-10", None, "vague", "unknown", None),
    # the clause a participle or a coordinated cue hangs on dates it
    (
        "The mayor appeared on the radio on Monday and defended the plan, saying the bridge was safe.",
        "2026-02-10",
        "2026-02-09",
        "relative",
        "day",
        "Monday",
    ),
    (
        "The union backed the mayor on Thursday, saying she had kept the buses running.",
        "2026-02-10",
        "2026-02-05",
        "relative",
        "day",
        "Thursday",
    ),
    # an infinitive shares its head's occasion; a clause under the cue only when it happens meanwhile
    (
        "The banker appeared on television last week to blame the tellers for the losses.",
        "2026-02-10",
        "2026-02-03",
        "relative",
        "week",
        "last week",
    ),
    (
        "“We will not stop,” a nurse said as she marched through the city on Sunday.",
        "2026-02-10",
        "2026-02-08",
        "relative",
        "day",
        "Sunday",
    ),
    (
        "After the council voted in June, the mayor said the bridge was safe.",
        "2026-02-10",
        "2026-02-10",
        "article",
        "day",
        None,
    ),
    # a participle on an occasion shares the verb that occasion hangs on
    (
        "On Tuesday, the senator opened a rally in Dover blasting the governor for the new toll.",
        "2026-02-12",
        "2026-02-10",
        "relative",
        "day",
        "Tuesday",
    ),
    # an occasion's date dates what was said there
    (
        "In a message posted Friday, the mayor said the bridge was safe.",
        "2026-02-10",
        "2026-02-06",
        "relative",
        "day",
        "Friday",
    ),
    (
        "The mayor said in a Thursday interview that the bridge was safe.",
        "2026-02-10",
        "2026-02-05",
        "relative",
        "day",
        "Thursday",
    ),
    (
        "At Sunday night's debate, the mayor said the bridge was safe.",
        "2026-02-10",
        "2026-02-08",
        "relative",
        "day",
        "Sunday night",
    ),
    # a statement still to come is not dated to the past
    ("The mayor will say on Friday that the bridge is safe.", "2026-02-10", "2026-02-13", "relative", "day", "Friday"),
    # what only dates a thing spoken of, or counts days, dates no statement
    (
        "With 50 days until the vote, the mayor said the bridge was safe.",
        "2026-02-10",
        "2026-02-10",
        "article",
        "day",
        None,
    ),
    ("The mayor stressed her support of the 2011 plan.", "2026-02-10", "2026-02-10", "article", "day", None),
    ("The mayor, 82, told reporters the bridge was safe.", "2026-02-10", "2026-02-10", "article", "day", None),
    ("The company said on Dec. 30 that profits had doubled.", "2026-01-03", "2025-12-30", "explicit", "day", "Dec. 30"),
    # dates of other things do not date the statement
    ("The law passed on March 3, he said.", "2026-02-10", "2026-02-10", "article", "day", None),
    ("The mayor said the bridge would reopen on Friday.", "2026-02-10", "2026-02-10", "article", "day", None),
    ("The senator said the vote held in 2019 was unfair.", "2026-02-10", "2026-02-10", "article", "day", None),
    # no article date: relative dates stay unknown, explicit ones still resolve
    ("The governor on Monday said the roads were safe.", None, None, None, None, None),
    (
        "The governor said on March 3, 2024, that the roads were safe.",
        None,
        "2024-03-03",
        "explicit",
        "day",
        "March 3, 2024",
    ),
    ("The governor said the roads were safe.", None, None, None, None, None),
    # a noun cue in a verb's phrase is made when that verb happens
    (
        "The governor toured the county last week with a pledge to rebuild the roads.",
        "2026-02-16",
        "2026-02-09",
        "relative",
        "week",
        "last week",
    ),
    ("The senator made a fresh plea for calm on Tuesday.", "2026-02-16", "2026-02-10", "relative", "day", "Tuesday"),
    (
        "The newspaper responded late Friday with an editor's note on the story saying the quotes were accurate.",
        "2026-02-16",
        "2026-02-13",
        "relative",
        "day",
        "Friday",
    ),
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


NARRATIVE = [
    # (text, article date, the last attribution's date): the story's dated event travels to its statements
    (
        "The governor toured the flooded towns on Monday.\n\n“We will rebuild every road,” she said.",
        "2026-02-10",
        "2026-02-09",
    ),
    (
        "The governor toured the flooded towns on Monday. “We will rebuild every road,” she said.",
        "2026-02-10",
        "2026-02-09",
    ),
    # a time phrase of the subject dates its clause ("the troubles on Monday began")
    (
        "The mayor's troubles on Monday began when the council rejected her budget. The mayor said it was sound.",
        "2026-02-12",
        "2026-02-09",
    ),
    # a predicative adjective is told in its copula's tense
    (
        "The governor toured the flooded towns on Monday. She was unhappy about the slow repairs.",
        "2026-02-10",
        "2026-02-09",
    ),
    (
        "The governor toured the flooded towns on Monday. She is unhappy about the slow repairs.",
        "2026-02-10",
        "2026-02-10",
    ),
    # a noun cue is told in the tense of the verb it is the object of
    (
        "The governor toured the flooded towns on Monday. She reserved her praise for the volunteers who filled bags.",
        "2026-02-11",
        "2026-02-09",
    ),
    (
        "The governor toured the flooded towns on Monday. She reserves her praise for the volunteers who filled bags.",
        "2026-02-11",
        "2026-02-11",
    ),
    # a present-tense cue speaks on the article's date
    (
        "The governor toured the flooded towns on Monday.\n\n“We will rebuild every road,” she says.",
        "2026-02-10",
        "2026-02-10",
    ),
    # two paragraphs on, or past a sentence in the present perfect, the thread is broken
    (
        (
            "The governor toured the flooded towns on Monday.\n\nThe towns lay under a foot of water.\n\n"
            "Later a farmer told reporters the river was still rising."
        ),
        "2026-02-10",
        "2026-02-10",
    ),
    (
        (
            "The governor toured the flooded towns on Monday.\n\nThe state has spent millions on levees since then. "
            "A farmer told reporters the river was still rising."
        ),
        "2026-02-10",
        "2026-02-10",
    ),
    # a new occasion of its own is not the story's event
    (
        "The governor toured the flooded towns on Monday.\n\nA farmer said in an interview that the river was rising.",
        "2026-02-10",
        "2026-02-10",
    ),
    # but an occasion a verb other than one of saying names is the story's ("the clash came during a speech")
    (
        (
            "The governor toured the flooded towns on Monday.\n\nThe first clash came during a speech in the "
            "square, when farmers interrupted her, shouting “Where were you?”"
        ),
        "2026-02-11",
        "2026-02-09",
    ),
    # nor is a participle on a cue that names one
    (
        (
            "The governor toured the flooded towns on Monday.\n\n"
            "A farmer said in an interview that the river was rising, adding that the roads were closed."
        ),
        "2026-02-10",
        "2026-02-10",
    ),
    # nor a time of its own that no day can be read from
    (
        "The governor toured the flooded towns on Monday.\n\nA farmer later told reporters the river was rising.",
        "2026-02-10",
        "2026-02-10",
    ),
    # a dated past perfect is an event of the story's past too
    (
        "By Monday, the clean-up of the flooded towns had begun. The mayor said the main roads were open again.",
        "2026-02-12",
        "2026-02-09",
    ),
    # a date inside a quotation is no event of the story
    (
        (
            "The mayor spoke at length.\n\n“We opened the bridge on Monday. It held.”\n\n"
            "The engineer told reporters the bridge was safe."
        ),
        "2026-02-10",
        "2026-02-10",
    ),
]


@pytest.mark.parametrize("text, base, expected", NARRATIVE)
def test_the_story_date_travels_to_past_tense_statements(extractor, text, base, expected):
    a = extractor.extract(text, date=base)[-1]
    assert a.date == expected
    if a.date != base:
        assert (a.date_source, text[a.date_start : a.date_end]) == ("relative", "Monday")


THREADS = [
    # (text, article date, the last attribution's date): a speaker placed at a dated event stays at it
    # across paragraphs of background, until the narrative tells another day
    (
        (
            "Mayor Ann Cole said on Monday that the bridge would reopen.\n\nThe bridge has been closed for two years."
            "\n\nTraffic is heavy downtown.\n\n“It will be safe,” Cole said."
        ),
        "2026-02-12",
        "2026-02-09",
    ),
    # so does a speaker the narrative placed at a dated event
    (
        (
            "Mayor Ann Cole toured the flooded towns on Monday.\n\nThe river has risen for a week.\n\n"
            "Roads are closed across the county.\n\n“We will rebuild every road,” Cole said."
        ),
        "2026-02-12",
        "2026-02-09",
    ),
    # another speaker's nearer date does not move her off her own event
    (
        (
            "Mayor Ann Cole said on Monday that the bridge would reopen.\n\n"
            "Last week the engineer Tom Reed told reporters the bridge was unsafe.\n\n“It will be safe,” Cole said."
        ),
        "2026-02-12",
        "2026-02-09",
    ),
    # her own "last week" carries as well (a week back from the article date)
    (
        (
            "In an interview last week, Mayor Ann Cole said the bridge would reopen.\n\n"
            "The bridge has been closed for two years.\n\nTraffic is heavy downtown.\n\n“It will be safe,” Cole said."
        ),
        "2026-02-12",
        "2026-02-05",
    ),
    # the narrative moving to another day ends her thread
    (
        (
            "Mayor Ann Cole said on Monday that the bridge would reopen.\n\nThe river flooded the lower town on "
            "Wednesday.\n\nThe bridge has been closed for two years.\n\n“It will be safe,” Cole said."
        ),
        "2026-02-13",
        "2026-02-13",
    ),
    # a year of the story's background is no other day: her thread goes on past it
    (
        (
            "Mayor Ann Cole said on Monday that the bridge would reopen.\n\nThe bridge was built in 1962.\n\n"
            "Its repairs began in 2019.\n\n“It will be safe,” Cole said."
        ),
        "2026-02-12",
        "2026-02-09",
    ),
    # without a thread of her own, two paragraphs of background still break the story's date
    (
        (
            "The governor toured the flooded towns on Monday.\n\nThe bridge has been closed for two years.\n\n"
            "Traffic is heavy downtown.\n\nThe engineer Tom Reed told reporters the bridge was unsafe."
        ),
        "2026-02-12",
        "2026-02-12",
    ),
    # "repeatedly" tells of many occasions, none of them the story's day
    (
        "The governor toured the flooded towns on Monday.\n\nTom Reed repeatedly accused the governor of neglect.",
        "2026-02-12",
        "2026-02-12",
    ),
]


@pytest.mark.parametrize("text, base, expected", THREADS)
def test_a_speakers_dated_event_dates_her_later_statements(extractor, text, base, expected):
    assert extractor.extract(text, date=base)[-1].date == expected


NESTED = [
    # a statement inside its own speaker's dated statement was made then
    (
        "In Dover on Monday, Senator Ann Cole again said that voters must back the mayor to defeat Tom Reed, who she "
        "blasted as a “bully and a fraud.”",
        "2026-02-09",
    ),
    ("Senator Ann Cole said on Monday that voters must reject Tom Reed, whom she called a “bully.”", "2026-02-09"),
]


@pytest.mark.parametrize("text, expected", NESTED)
def test_a_statement_inside_its_speakers_dated_statement_takes_its_day(extractor, text, expected):
    assert extractor.extract(text, date="2026-02-12")[-1].date == expected


MEETING = (
    "Mayor Ann Cole met the union leaders at City Hall on Monday.\n\nThe talks have dragged on for months.\n\n"
    "The union wants more pay.\n\n"
)


@pytest.mark.parametrize(
    "last, expected",
    [
        # "the meeting" is the one the story dated, however far back
        ("Speaking to reporters after the meeting, the union's lawyer Tom Reed said a deal was close.", "2026-02-09"),
        ("Tom Reed, the union's lawyer, said after the meeting that a deal was close.", "2026-02-09"),
        # "a meeting" is another one
        ("Speaking to reporters after a meeting, the union's lawyer Tom Reed said a deal was close.", "2026-02-12"),
    ],
)
def test_the_occasion_the_story_told_of_dates_its_statements(extractor, last, expected):
    assert extractor.extract(MEETING + last, date="2026-02-12")[-1].date == expected


OCCASIONS = [
    # (text, article date, the last attribution's date): an occasion the statement names is its speaker's
    # dated statement just before ("warned on Saturday ... he wrote in a blog post")
    (
        "Tom Reed warned on Saturday that the toll would fail.\n\n“It will cost us dearly,” he wrote in a blog post.",
        "2026-02-12",
        "2026-02-07",
    ),
    # but not a narrative event of his, nor a dated statement paragraphs back: a new occasion of its own
    (
        "Tom Reed toured the flooded towns on Saturday.\n\n“It will cost us dearly,” he said in an interview.",
        "2026-02-12",
        "2026-02-12",
    ),
    (
        (
            "Tom Reed warned on Saturday that the toll plan would fail.\n\nThe bridge was built long ago.\n\n"
            "Traffic is heavy downtown.\n\n“It will cost us dearly,” he wrote in a blog post."
        ),
        "2026-02-12",
        "2026-02-12",
    ),
]


@pytest.mark.parametrize("text, base, expected", OCCASIONS)
def test_an_occasion_of_its_own_is_the_speakers_dated_statement_just_before(extractor, text, base, expected):
    assert extractor.extract(text, date=base)[-1].date == expected


def test_a_headline_takes_its_speakers_first_dated_statement(extractor):
    text = (
        "Mayor Ann Cole says the bridge will reopen.\n\nMayor Ann Cole said on Monday that the old bridge over the "
        "river would reopen in spring after two years of repairs, and that the toll would stay at one dollar for cars."
    )
    dates = [(a.cue, a.date) for a in extractor.extract(text, date="2026-02-11")]
    assert dates[0] == ("says", "2026-02-09")


def test_a_headline_without_a_cue_takes_its_speakers_first_dated_statement(extractor):
    # "Name: clause" names its speaker with a colon, no verb of saying: where it stands is its content's start
    text = (
        "Ann Cole: The Bridge Will Reopen.\n\nMayor Ann Cole said on Monday that the old bridge over the "
        "river would reopen in spring after two years of repairs, and that the toll would stay at one dollar for cars."
    )
    dates = [(a.cue, a.date) for a in extractor.extract(text, date="2026-02-11")]
    assert dates[0] == (":", "2026-02-09")


LEDE_EVENT = (
    "\n\nMayor Ann Cole rode the new ferry across the bay on Monday with the crews who built it, after two years "
    "of delays, storms and a strike that had kept the boat in the yard."
)


@pytest.mark.parametrize(
    "headline, expected",
    [
        # the headline's statement summarises what its speaker did on the day the lede dates
        ("Mayor Ann Cole says the new ferry is safe.", "2026-02-09"),
        # a stance is no summary of the day's event
        ("Mayor Ann Cole loves that the ferry is back.", "2026-02-11"),
    ],
)
def test_a_headline_takes_the_day_of_its_speakers_dated_event(extractor, headline, expected):
    assert extractor.extract(headline + LEDE_EVENT, date="2026-02-11")[0].date == expected


def test_the_lede_takes_its_speakers_first_dated_statement(extractor):
    text = (
        "Bridge fight heats up\n\nMayor Ann Cole says the old bridge over the river will reopen in the spring "
        "after two years of repairs, and that the toll will stay at one dollar for cars and trucks.\n\n"
        "The council has argued about the bridge for months.\n\n"
        "Speaking at a town hall on Monday, Cole said the repairs were nearly done."
    )
    dates = [(a.cue, a.date) for a in extractor.extract(text, date="2026-02-11")]
    assert dates[0] == ("says", "2026-02-09")


INVALID = ["2026-13-45", "banana", "", "2026-02-30", "10/02/2026", None, 20260210]


@pytest.mark.parametrize("value", INVALID)
def test_invalid_article_dates_are_refused_with_a_clear_error(value):
    with pytest.raises(ValueError, match="invalid date"):
        parse_article_date(value)


def test_valid_article_dates_parse():
    assert parse_article_date("2026-02-10") == date(2026, 2, 10)
    assert parse_article_date(date(2026, 2, 10)) == date(2026, 2, 10)


@pytest.mark.parametrize(
    "expression, base",
    [
        ("yesterday", "0001-01-01"),
        ("last year", "0001-06-01"),
        ("last week", "0001-01-03"),
        ("Monday", "0001-01-01"),
        ("tomorrow", "9999-12-31"),
        ("last month", "0001-01-05"),
        ("this weekend", "0001-01-02"),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_no_dates(expression, base):
    found = resolve(expression, base)
    assert found is None or found[0] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", found[0])


EXPRESSIONS = [
    "yesterday",
    "today",
    "last week",
    "this week",
    "last month",
    "last year",
    "this weekend",
    "Monday",
    "last Friday",
    "Sunday night",
    "Jan. 3",
    "December 31",
    "two days ago",
    "June",
    "in 1999",
    "next Tuesday",
]


@settings(max_examples=200, deadline=None)
@given(st.dates(), st.sampled_from(EXPRESSIONS), st.booleans())
def test_resolving_never_raises_and_gives_iso_days(base, expression, future):
    found = resolve(expression, base.isoformat(), future=future)
    assert found is None or found[0] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", found[0])


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=30))
def test_any_text_as_an_article_date_is_no_date_or_an_error_never_a_crash(value):
    try:
        parse_article_date(value)
    except ValueError:
        pass
    assert resolve("Monday", value) is None


def test_a_dateline_without_a_year_takes_the_year_of_the_articles_dates():
    text = "BOSTON, Sept. 28 (UPI) - The 1999 storm was recalled. The city said on Sept. 2, 2016, that it was ready."
    assert article_date(text) == "2016-09-28"
    assert article_date("BOSTON, Sept. 28 (UPI) - The 1999 storm was recalled.") is None


def test_dateline_years_do_not_depend_on_the_hash_seed():
    text = (
        "BOSTON, Jan. 2 (UPI) - Talks on Dec. 30, 2015 and on March 3, 2014 went well, the 1999 and 2003 floods aside."
    )
    script = f"from attrib.dates.dates import article_date; print(article_date({text!r}))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {"2016-01-02\n"}


@pytest.mark.parametrize(
    "first, ent, expected",
    [
        ("Saturday", "B-DATE", ("2026-02-07", "relative", "Saturday")),
        ("Tuesday", "B-DATE", ("2026-02-10", "relative", "Tuesday")),
        ("Delegates", "O", ("2026-02-12", "article", None)),  # a real subject gives no time
    ],
)
def test_a_day_the_parser_made_the_cues_subject_dates_the_saying(first, ent, expected):
    # the parse the parser sometimes gives a sentence-initial day: "Saturday" as the subject of "said"
    words = [first, "at", "the", "convention", "Ann", "Cole", "said", "the", "plan", "failed", "."]
    heads = [6, 0, 3, 1, 5, 3, 6, 8, 9, 6, 6]
    deps = ["nsubj", "prep", "det", "pobj", "compound", "appos", "ROOT", "det", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "IN", "DT", "NN", "NNP", "NNP", "VBD", "DT", "NN", "VBD", "."]
    ents = [ent, "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    found = statement_date(doc[6], {7, 8, 9}, "2026-02-12")
    assert (found.iso, found.source, found.text) == expected


@pytest.mark.parametrize(
    "day_dep, expected",
    [
        ("npadvmod", ("2026-02-08", "relative")),  # "targeted the shoppers Sunday": the day dates the verb
        ("compound", ("2026-02-12", "article")),  # "targeted the Sunday shoppers": the day names the object
    ],
)
def test_a_day_the_parser_hung_on_the_object_dates_the_event(day_dep, expected):
    # "Rivals targeted the shoppers Sunday. The mayor said the plan failed." with the day hung on the object
    words = "Rivals targeted the shoppers Sunday . The mayor said the plan failed .".split()
    heads = [1, 1, 3, 1, 3, 1, 7, 8, 8, 10, 11, 8, 8]
    deps = ["nsubj", "ROOT", "det", "dobj", day_dep, "punct", "det", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"]
    tags = ["NNS", "VBD", "DT", "NNS", "NNP", ".", "DT", "NN", "VBD", "DT", "NN", "VBD", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-DATE", "O", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    said = Statement(doc[8], DateValue("2026-02-12", "article", "day"), frozenset({9, 10, 11}))
    found = carry_dates(doc, [said], "2026-02-12")[0]
    assert (found.iso, found.source) == expected


@pytest.mark.parametrize(
    "tag, expected",
    [
        ('<tweet tweet-author="@aide" tweet-date="March 3, 2026">', "2026-03-03"),
        ('<tweet id="1" author="@aide" datetime="2026-03-03">', "2026-03-03"),
        ('<tweet author="aide" timestamp="1772496000" tweet_id="1">', "2026-03-03"),
        ('<tweet tweet-author="@aide" tweet-date="March 3">', None),  # no year: no day of its own
        ('<tweet tweet-id="1">', None),
    ],
)
def test_an_embedded_post_gives_its_own_day(tag, expected):
    assert [value.iso for _, value in post_dates(f"Intro.\n\n{tag}The bridge opens soon.<tweet/>")] == (
        [expected] if expected else []
    )


@pytest.mark.parametrize(
    "between, expected",
    [
        ("\n\n", ("2026-03-03", "explicit")),  # the post right after the statement is the one it quotes
        ("\n\nThe council met later.\n\n", ("2026-03-10", "article")),  # a post further on is another's
    ],
)
def test_a_statement_quoting_an_embedded_post_takes_its_day(extractor, between, expected):
    text = (
        "The mayor answered her critics online.\n\nHer aide tweeted: “The bridge opens soon, and it is safe.”"
        f'{between}<tweet tweet-author="@aide" tweet-date="March 3, 2026">The bridge opens soon.<tweet/>.'
    )
    said = [a for a in extractor.extract(text, date="2026-03-10") if a.cue == "tweeted"]
    assert [(a.date, a.date_source) for a in said] == [expected]


def test_the_lede_takes_the_day_its_speakers_later_statement_was_carried_to(extractor):
    # the speaker's first later statement is undated in its own clause but told at the story's dated event
    text = (
        "Mayor Ann Cole says the old bridge over the river will reopen in the spring after two years of repairs, "
        "and that the toll will stay at one dollar for cars and trucks.\n\n"
        "The council met on Monday to debate the bridge.\n\nCole said the repairs were nearly done."
    )
    dates = [(a.cue, a.date) for a in extractor.extract(text, date="2026-02-11")]
    assert dates == [("says", "2026-02-09"), ("said", "2026-02-09")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day on a noun content is the saying's, even where the content's span takes it in
        (
            "Leaders were quick to offer condolences on Monday and affirm their support for the city. "
            "The chancellor condemned the attack.",
            ["2026-02-09", "2026-02-09"],
        ),
        # a day of someone's remarks dates the remarks, not the saying
        ("The mayor called her rival's remarks on Saturday “a disgrace” and left the hall.", ["2026-02-11"]),
    ],
)
def test_a_day_on_the_thing_said_dates_the_saying(extractor, text, expected):
    assert [a.date for a in extractor.extract(text, date="2026-02-11")] == expected


@pytest.mark.parametrize(
    "second, expected",
    [
        # another speaker's dated question in the same paragraph is the exchange the answer belongs to
        ("On his radio show on Tuesday, Tom Reed asked about the tolls. “They stay,” Cole said.", "2026-02-10"),
        # in a paragraph of its own, the answer stays with its speaker's dated statement
        ("On his radio show on Tuesday, Tom Reed asked about the tolls.\n\n“They stay,” Cole said.", "2026-02-09"),
    ],
)
def test_an_answer_takes_the_day_of_the_exchange_in_its_paragraph(extractor, second, expected):
    text = f"Mayor Ann Cole said on Monday that the bridge was safe.\n\n{second}"
    assert extractor.extract(text, date="2026-02-11")[-1].date == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a present perfect names no day: the date of the verb it is coordinated with is not its own
        ("A libertarian, she backed the mayor in 2012 and has supported the governor in every race.", "article"),
        ("The senator spoke in Ohio on Monday and said that taxes would fall.", "relative"),
    ],
)
def test_a_present_perfect_cue_takes_no_date_of_the_verb_it_hangs_on(extractor, text, expected):
    assert extractor.extract(text, date="2026-06-11")[-1].date_source == expected


def _parsed(words, heads, deps, tags, pos, ents):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)


# "... The mayor said the plan failed ." after the first sentence, at token offset ``n``
def _said(n):
    return (
        "The mayor said the plan failed .".split(),
        [n + 1, n + 2, n + 2, n + 4, n + 5, n + 2, n + 2],
        ["det", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
        ["DT", "NN", "VBD", "DT", "NN", "VBD", "."],
        ["DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
    )


def _carried_to_said(words, heads, deps, tags, pos):
    """The day carried to "The mayor said the plan failed ." told after the given sentence (its "Thursday" a date),
    in an article of 2026-02-14."""
    n = len(words)
    more = _said(n)
    ents = ["B-DATE" if w == "Thursday" else "O" for w in words] + ["O"] * len(more[0])
    doc = _parsed(words + more[0], heads + more[1], deps + more[2], tags + more[3], pos + more[4], ents)
    said = Statement(doc[n + 2], DateValue("2026-02-14", "article", "day"), frozenset({n + 3, n + 4, n + 5}))
    return carry_dates(doc, [said], "2026-02-14")[0].iso


@pytest.mark.parametrize(
    "first, expected",
    [
        # "took on hecklers loyal to her rival Thursday": the day the parser hung on the object's adjective
        (
            (
                "Rivals targeted hecklers loyal to her rival Thursday .".split(),
                [1, 1, 1, 2, 3, 6, 4, 3, 1],
                ["nsubj", "ROOT", "dobj", "amod", "prep", "poss", "pobj", "npadvmod", "punct"],
                ["NNS", "VBD", "NNS", "JJ", "IN", "PRP$", "NN", "NNP", "."],
                ["NOUN", "VERB", "NOUN", "ADJ", "ADP", "PRON", "NOUN", "PROPN", "PUNCT"],
            ),
            "2026-02-12",
        ),
        # "with the mayor taking on hecklers Thursday": a gerund after "with" is an event of the story's past
        (
            (
                "It is tense , with the mayor taking hecklers on Thursday .".split(),
                [1, 1, 1, 1, 1, 6, 7, 4, 7, 7, 9, 1],
                ["nsubj", "ROOT", "acomp", "punct", "prep", "det", "nsubj", "pcomp", "dobj", "prep", "pobj", "punct"],
                ["PRP", "VBZ", "JJ", ",", "IN", "DT", "NN", "VBG", "NNS", "IN", "NNP", "."],
                ["PRON", "AUX", "ADJ", "PUNCT", "ADP", "DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
            ),
            "2026-02-12",
        ),
        # a present participle on a noun dates that noun's event, not the story's
        (
            (
                "It is tense , with fans dancing on Thursday .".split(),
                [1, 1, 1, 1, 1, 4, 5, 6, 7, 1],
                ["nsubj", "ROOT", "acomp", "punct", "prep", "pobj", "acl", "prep", "pobj", "punct"],
                ["PRP", "VBZ", "JJ", ",", "IN", "NNS", "VBG", "IN", "NNP", "."],
                ["PRON", "AUX", "ADJ", "PUNCT", "ADP", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
            ),
            "2026-02-14",
        ),
    ],
)
def test_a_day_on_an_objects_adjective_or_a_with_gerund_dates_the_story(first, expected):
    words, heads, deps, tags, pos = first
    assert _carried_to_said(words, heads, deps, tags, pos) == expected


@pytest.mark.parametrize(
    "day_dep, day_head, expected",
    [
        ("appos", 5, "2026-02-12"),  # the parser took the day for the occasion's apposition
        ("npadvmod", 2, "2026-02-12"),  # or hung it right
        ("appos", 1, "2026-02-14"),  # a day after no occasion ("the paper, Thursday, ...") dates nothing here
    ],
)
def test_a_day_right_after_an_occasion_dates_it(day_dep, day_head, expected):
    # "The paper argued in an editorial Thursday ." (the day at 6, after the occasion "editorial" at 5)
    words = "The paper argued in an editorial Thursday .".split()
    if day_head == 1:
        words[5] = "way"  # "in an way Thursday": no occasion before the day
    heads = [1, 2, 2, 2, 5, 3, day_head, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", day_dep, "punct"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "NNP", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PROPN", "PUNCT"]
    assert _carried_to_said(words, heads, deps, tags, pos) == expected


@pytest.mark.parametrize(
    "subject, aux, tag, expected",
    [
        (("to", "aux"), True, "VB", ("2026-02-09", "relative")),  # "went ... on Monday to release ..., calling"
        (("they", "nsubj"), False, "VBD", ("2026-02-12", "article")),  # a clause of its own has its own time
    ],
)
def test_a_purpose_infinitive_shares_its_verbs_occasion(subject, aux, tag, expected):
    # "Romney went to Ohio on Monday to release the plan, calling it a disgrace." with "calling" on the infinitive
    words = "Romney went to Ohio on Monday X release the plan , calling it a disgrace .".split()
    words[6] = subject[0]
    heads = [1, 1, 1, 2, 1, 4, 7, 1, 9, 7, 7, 7, 11, 14, 11, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", subject[1], "advcl", "det", "dobj", "punct", "advcl"]
    deps += ["dobj", "det", "oprd", "punct"]
    tags = ["NNP", "VBD", "IN", "NNP", "IN", "NNP", "TO" if aux else "PRP", tag, "DT", "NN", ",", "VBG", "PRP", "DT"]
    tags += ["NN", "."]
    pos = ["PROPN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PART" if aux else "PRON", "VERB", "DET", "NOUN", "PUNCT"]
    pos += ["VERB", "PRON", "DET", "NOUN", "PUNCT"]
    ents = ["B-PERSON", "O", "O", "B-GPE", "O", "B-DATE"] + ["O"] * 10
    doc = _parsed(words, heads, deps, tags, pos, ents)
    found = statement_date(doc[11], {12, 13, 14}, "2026-02-12")
    assert (found.iso, found.source) == expected


@pytest.mark.parametrize(
    "day, noun, link, expected",
    [
        # the parser took the occasion for the verb: the day still dates it
        (["Feb.", "3"], "debate", "pobj", "2026-02-03"),
        (["Feb.", "3"], "banner", "pobj", "2026-02-14"),  # no occasion after the day: nothing to date
        (["Feb.", "20", ",", "2026"], "debate", "pobj", "2026-02-14"),  # a day after the article's is no past occasion
        (["Feb.", "3"], "debate", "dobj", "2026-02-14"),  # an occasion only listed, in no phrase that places the story
    ],
)
def test_a_calendar_day_before_an_occasions_name_dates_the_occasion(day, noun, link, expected):
    # "Her words at the Feb. 3 WXYZ debate ." misparsed with "debate" as the root verb, then "The mayor said ..."
    words = ["Her", "words", "at", "the", *day, "WXYZ", noun, "."]
    k = len(day)
    name, root = 4 + k, 5 + k
    heads = [1, root, 1, name, *([name] + [4] * (k - 1)), 2, root, root]
    deps = ["poss", "nsubj", "prep", "det", "nmod", *["nummod"] * (k - 1), link, "ROOT", "punct"]
    tags = ["PRP$", "NNS", "IN", "DT", "NNP", *["CD"] * (k - 1), "NNP", "VBP", "."]
    pos = ["PRON", "NOUN", "ADP", "DET", "PROPN", *["NUM"] * (k - 1), "PROPN", "VERB", "PUNCT"]
    n = len(words)
    more = _said(n)
    ents = ["O"] * 4 + ["B-DATE"] + ["I-DATE"] * (k - 1) + ["B-ORG", "O", "O"] + ["O"] * len(more[0])
    doc = _parsed(words + more[0], heads + more[1], deps + more[2], tags + more[3], pos + more[4], ents)
    said = Statement(doc[n + 2], DateValue("2026-02-14", "article", "day"), frozenset({n + 3, n + 4, n + 5}))
    assert carry_dates(doc, [said], "2026-02-14")[0].iso == expected


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("On the eve of the meeting", ("2026-02-11", "the eve of the meeting")),  # the day before the dated meeting
        ("The day before the meeting", ("2026-02-11", "The day before the meeting")),
        ("On the day after the meeting", ("2026-02-13", "the day after the meeting")),
        ("On the eve of a vote", ("2026-02-12", "Thursday")),  # an occasion the article never dated: the story's day
    ],
)
def test_a_day_told_from_an_occasion_the_article_dated(extractor, lead, expected):
    text = (
        "The governor spoke at a meeting Thursday about the bridge.\n\n"
        f"{lead}, the mayor softened his tone. He said the talks would help the city."
    )
    a = extractor.extract(text, date="2026-02-14")[-1]
    assert (a.date, a.date_text) == expected


def test_a_day_told_from_an_occasion_a_statement_dated(extractor):
    # the meeting's day is the governor's statement's own: the eve of the meeting is still the day before it
    text = (
        "The governor said at a meeting Thursday that the bridge would open.\n\n"
        "On the eve of the meeting, the mayor softened his tone. He said the talks would help the city."
    )
    a = extractor.extract(text, date="2026-02-14")[-1]
    assert (a.date, a.date_text) == ("2026-02-11", "the eve of the meeting")


@pytest.mark.parametrize(
    "first, said, expected",
    [
        # the present narrates a dated recording: said the day it aired
        ("Viewers laughed at this weekend's episode of the show.", "says", ("2026-02-07", "relative")),
        ("A video posted Saturday showed the mayor at the bridge.", "says", ("2026-02-07", "relative")),
        ("Viewers laughed at the mayor's speech on Saturday.", "says", ("2026-02-10", "article")),  # no recording
        ("Viewers laughed at this weekend's episode of the show.", "has said", ("2026-02-10", "article")),  # a perfect
    ],
)
def test_a_statement_told_in_the_present_takes_the_day_of_the_recording_it_narrates(extractor, first, said, expected):
    text = f'{first}\n\n"I never lose," the host {said}, dressed as the mayor.'
    a = extractor.extract(text, date="2026-02-10")[-1]
    assert (a.date, a.date_source) == expected
