"""Position lookups the resolver makes for every mention (log time, so long articles stay linear)."""

import pytest

from attrib.find.found import Draft, Parts
from attrib.nlp.spans import Coverage, lede_end

# a wide range that opens first, a narrow one nested in it, one apart
RANGES = [(10, 50), (5, 60), (70, 80)]


@pytest.mark.parametrize(
    "pos, open_start, inside",
    [
        (4, False, False),
        (5, False, True),
        (5, True, False),  # an open start leaves the opening mark itself outside
        (55, False, True),  # past the nested range's end, still inside the wide one
        (60, False, False),
        (65, False, False),
        (70, False, True),
        (79, True, True),
        (80, False, False),
    ],
)
def test_coverage_matches_a_scan_of_every_range(pos, open_start, inside):
    scan = any((start < pos if open_start else start <= pos) and pos < end for start, end in RANGES)
    assert Coverage(RANGES).covers(pos, open_start) is inside is scan


def test_coverage_of_no_ranges_covers_nothing():
    assert not Coverage([]).covers(0)


@pytest.mark.parametrize(
    "text, end",
    [
        ("Headline\n\nFirst paragraph.\n\nSecond.", 26),
        ("\n\nHeadline\nFirst.\nSecond.", 17),
        ("One line only", 13),
        ("Headline\nFirst paragraph with no break after it", 47),
    ],
)
def test_lede_ends_with_the_second_non_empty_line(text, end):
    assert lede_end(text) == end
    # the rule it replaces: at most one non-empty line ends before the position
    for pos in range(len(text) + 1):
        assert (pos <= end) == (sum(1 for line in text[:pos].split("\n")[:-1] if line.strip()) <= 1)


@pytest.mark.parametrize(
    "start, end, expected",
    [(0, 1, []), (12, 13, [1, 0]), (25, 26, [0]), (41, 45, [2]), (29, 41, [2, 0]), (30, 41, [2]), (60, 70, [])],
)
def test_content_parts_meeting_a_range(start, end, expected):
    drafts = [
        Draft([(10, 30)], None, None, None, None),
        Draft([(12, 20)], None, None, None, None),
        Draft([(35, 40), (40, 50)], None, None, None, None),
    ]
    assert list(dict.fromkeys(Parts(drafts).meeting(start, end))) == expected
