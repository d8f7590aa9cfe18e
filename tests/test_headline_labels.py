"""Rule tests for a headline "Name: words" (attrib/find/headline_labels.py), on invented articles."""

import pytest

BODY = "\n\nThe city council met on Monday to discuss the plan."


@pytest.mark.parametrize(
    "headline, speaker, quote",
    [
        ("Mayor Ruiz: The new bridge will open in May.", "Mayor Ruiz", "The new bridge will open in May"),
        # the name ends before a preposition after it
        ("Mayor Ruiz at the fair: The new bridge will open in May.", "Mayor Ruiz", "The new bridge will open in May"),
        ("Poll: The race for governor is now a dead heat.", "Poll", "The race for governor is now a dead heat"),
    ],
)
def test_a_first_line_name_and_colon_states_the_clause_after_it(extractor, headline, speaker, quote):
    found = [(a.speaker_mention, a.cue, a.quote.rstrip(".")) for a in extractor.extract(headline + BODY)]
    assert (speaker, ":", quote) in found


@pytest.mark.parametrize(
    "text",
    [
        # no verb after the colon: a title, not a statement
        "Weekend Review: A Long Summer of Roadworks." + BODY,
        # a document label announces no speaker
        "Transcript: the mayor will speak at noon on Friday." + BODY,
        # a kicker flags the news and names no one; a label with a comma is a phrase, not a name
        "Breaking: The new bridge will open in May." + BODY,
        "Beyond the bridge, a bigger worry: Will the tunnel open?" + BODY,
        # only the first line is a headline
        "Roads and bridges." + "\n\nMayor Ruiz: The new bridge will open in May.",
    ],
)
def test_no_headline_statement_without_a_verb_a_name_or_the_first_line(extractor, text):
    assert not [a for a in extractor.extract(text) if a.cue == ":"]


@pytest.mark.parametrize(
    "headline, speaker, cue, quote",
    [
        # a title-case headline's verb of saying the parser may take for a name
        ("Senator Ruiz Praises New Harbour Bridge Plan.", "Senator Ruiz", "Praises", "New Harbour Bridge Plan"),
        ("Farm Union Endorses Mayor Okafor For Second Term.", "Farm Union", "Endorses", "Mayor Okafor For Second Term"),
    ],
)
def test_a_title_case_headline_verb_of_saying_states_the_words_after_it(extractor, headline, speaker, cue, quote):
    found = [(a.speaker_mention, a.cue, a.quote.rstrip(".")) for a in extractor.extract(headline + BODY)]
    assert (speaker, cue, quote) in found


@pytest.mark.parametrize(
    "headline",
    [
        # the words said stand before the verb
        "‘A Real Crisis,’ Senator Ruiz Tells Harbour Council.",
    ],
)
def test_no_title_case_statement_after_a_quotation(extractor, headline):
    text = headline + BODY
    first_line = len(headline)
    assert not [a for a in extractor.extract(text) if a.cue_start < first_line and a.cue[:1].isupper()]
