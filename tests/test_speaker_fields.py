"""The speaker fields studies are built on (issue 27), on invented sentences: type, title,
affiliation, gender and its source, and what is never a speaker."""

import pytest


def record(extractor, text, mention):
    """The attribution whose speaker mention is ``mention``."""
    found = [a for a in extractor.extract(text, date="2026-02-10") if a.speaker_mention == mention]
    assert found, f"no attribution by {mention!r} in {text!r}"
    return found[0]


TYPES = [
    # a definite "the source" is the unnamed source the article quoted before
    ("A source said the deal was dead. The source said talks could resume.", "The source", "anonymous"),
    ("The source said talks could resume in the spring.", "The source", "anonymous"),
    # a campaign or an administration speaks as one body: an organisation
    ("Donald Trump's campaign said the poll was rigged.", "Donald Trump's campaign", "organization"),
    (
        "Mayor Ann Ruiz took office in May. Her administration said the budget was balanced.",
        "Her administration",
        "organization",
    ),
]


@pytest.mark.parametrize("text, mention, type_", TYPES)
def test_unnamed_speakers_get_their_type(extractor, text, mention, type_):
    assert record(extractor, text, mention).speaker_type == type_
