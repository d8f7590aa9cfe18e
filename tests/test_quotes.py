"""Rule tests for pairing quotation marks, on the text alone."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attrib.find.quotes import quoted_spans


def quoted(text):
    return [text[s.start : s.end] for s in quoted_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win," and left.', ['"we will win,"']),
        ("“We will win,” he said.", ["“We will win,”"]),
        ("“A,” he said, “B.”", ["“A,”", "“B.”"]),
        ("''We must not overreact,'' he said.", ["''We must not overreact,''"]),
        ("He is 5'11\" tall and said nothing.", []),
        ("It's the players' ball.", []),
        (
            "“Unclosed quote runs to the end of its paragraph\n\nNext paragraph.",
            ["“Unclosed quote runs to the end of its paragraph"],
        ),
        (
            "“First paragraph.\n\n“Second paragraph.\n\n“Third,” she said.",
            ["“First paragraph.\n\n“Second paragraph.\n\n“Third,”"],
        ),
        ("“One” and “two” and “three”", ["“One”", "“two”", "“three”"]),
        ("“Opened twice “then closed”", ["“Opened twice", "“then closed”"]),
        ("No quotes at all.", []),
        ("”Opened with a closing mark,” she said.", ["”Opened with a closing mark,”"]),
    ],
)
def test_quoted_spans(text, expected):
    assert quoted(text) == expected


def test_multi_paragraph_quote_keeps_each_paragraph_as_a_part():
    text = "“First paragraph.\n\n“Second,” she said."
    (span,) = quoted_spans(text)
    assert [text[a:b] for a, b in span.parts] == ["“First paragraph.", "“Second,”"]
    assert span.closed


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"“”'‘’«»")), max_size=200))
def test_spans_are_valid_and_ordered(text):
    spans = quoted_spans(text)
    last_end = 0
    for s in spans:
        assert 0 <= last_end <= s.start < s.end <= len(text)
        assert all(s.start <= a < b <= s.end for a, b in s.parts)
        last_end = s.end
