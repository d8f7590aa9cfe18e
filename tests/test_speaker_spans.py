"""The speaker span chosen for a cue (attrib/find/subjects.py, finder._speaker_span), on invented sentences."""

import pytest

from attrib.find.finder import _speaker_span
from attrib.find.found import Cue


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # an occasion its verb's subject holds speaks with that subject's voice
        (
            "Friday, the Texas governor began a Houston speech blasting Hale for backing tolls on rural roads.",
            "the Texas governor",
            "blasting",
        ),
        # a document is no occasion: it speaks for itself
        (
            "The mayor wrote a long letter blasting the council for the toll.",
            None,
            "blasting",
        ),
        # an infinitive on a purpose phrase or on a word of amount is the act of the verb's subject
        (
            "Ms. Ruiz first bought the shares in 2014, in a bid to persuade the firm to buy its rival.",
            "Ms. Ruiz",
            "to persuade",
        ),
        ("He will surely have more to say about it in the weeks to come.", "He", "to say"),
        # an occasion speaks with its holder's voice when the parser makes its infinitive a relative clause too
        (
            "Ms. Ruiz on Friday held an impromptu press briefing to boast that the jobless rate has fallen.",
            "Ms. Ruiz",
            "to boast",
        ),
        # a finite verb after a comma beside a clause in the same tense shares that clause's subject (a split list)
        (
            "In fact, the only time Ruiz came up was when Tom Hale mocked the cost of her shoes, referred to her "
            "supposed temper and asked whether the mayor's backing would help.",
            "Tom Hale",
            "referred",
        ),
        # a name glued in apposition after a fronted phrase, right before the verb, is the verb's subject
        (
            "The number of mayors  The Denver Post reported Ana Ruiz is quietly vetting to be her deputy.",
            "The Denver Post",
            "reported",
        ),
        # but a name without an article of its own is part of the phrase before it
        ("The head of the union Tom Hale said the strike would end soon.", "The head of the union Tom Hale", "said"),
    ],
)
def test_speaker_of_an_act_on_a_noun(extractor, text, speaker, cue):
    found = [a for a in extractor.extract(text) if a.cue == cue]
    if speaker is None:
        assert all(a.speaker_mention != "the mayor" for a in found)
    else:
        assert [a.speaker_mention for a in found] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker_word", "cue_words", "expected"),
    [
        # a participle clause on the speaker that holds the cue is the act, not part of the speaker
        (
            "In Denver, there will be an army of Ruiz supporters planning loud protests against the rigged count.",
            "army",
            ("protests", "against"),
            "an army of Ruiz supporters",
        ),
        # a participle clause without the cue stays part of the speaker
        (
            "Research conducted for the union showed that nurses work longer hours.",
            "Research",
            ("showed",),
            "Research conducted for the union",
        ),
    ],
)
def test_speaker_span_leaves_the_act_out(parse, text, speaker_word, cue_words, expected):
    doc = parse(text)
    words = {t.text: t for t in doc}
    tokens = tuple(words[w] for w in cue_words)
    cue = Cue(tokens[0], tokens, None, "obj", words[speaker_word])
    last = tokens[-1]
    parts = [(last.idx + len(last.text) + 1, len(text) - 1)]
    span = _speaker_span(doc, cue, {t.i for t in tokens}, parts)
    assert span is not None and text[span[0] : span[1]] == expected
