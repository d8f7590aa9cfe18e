"""The speaker fields studies are built on (issue 27), on invented sentences: type, title,
affiliation, gender and its source, and what is never a speaker."""

import pytest

from attrib import Article
from attrib.find.subjects import speaker_root
from attrib.speakers.resolve import Resolver
from tests.test_rules_docs import build


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


NOT_NAMES = [
    # a label announcing a transcript names none of the speakers inside it
    ('Partial transcript as follows:\n\n"HOST: Let us start with the news. Why did you go?"', None, None),
    # a bare number counts the people named before it, as "they" would
    (
        "Tom Hale and Ana Ruiz met in Paris on Monday. The two said the deal was near.",
        "The two",
        "Tom Hale and Ana Ruiz",
    ),
    # a share of people borrows the group an earlier share in its paragraph counted
    (
        "Only 52 percent of registered voters said the senator was fit to serve. But 30 percent said the "
        "same of the governor.",
        "30 percent",
        "30 percent of registered voters",
    ),
]


@pytest.mark.parametrize("text, mention, speaker", NOT_NAMES)
def test_numbers_labels_and_headline_words_are_no_speaker_names(extractor, text, mention, speaker):
    found = extractor.extract(text, date="2026-02-10")
    assert [a.speaker for a in found if a.speaker_mention == mention] == [speaker]


def test_a_share_of_people_is_a_group(extractor):
    text = "Clinton leads by four points, according to the poll. Twelve percent said that they were not sure."
    assert record(extractor, text, "Twelve percent").speaker_type == "group"


# hand-built: the parser hung "which" on no relative clause (it is the subject of a verb of its own)
LOOSE_WHICH = """
The DET DT det 2
Harbor PROPN NNP compound 2
Department PROPN NNP dep 5
, PUNCT , punct 5
which PRON WDT nsubj 5
reported VERB VBD ROOT 5
losses NOUN NNS dobj 5
. PUNCT . punct 5
"""
# hand-built: "which" with nothing nominal before it
BARE_WHICH = """
which PRON WDT nsubj 1
reported VERB VBD ROOT 1
losses NOUN NNS dobj 1
. PUNCT . punct 1
"""


@pytest.mark.parametrize("spec, speaker", [(LOOSE_WHICH, "Harbor Department"), (BARE_WHICH, None)])
def test_a_relative_pronoun_is_its_noun_or_no_one(spec, speaker):
    doc = build(spec, {(1, 3): "ORG"})
    which = next(t for t in doc if t.lower_ == "which")
    assert Resolver(doc).resolve(doc[which.i : which.i + 1], which).speaker == speaker


def test_a_label_before_a_colon_is_not_the_subject():
    # hand-built: the parser gave "urges" two subjects, the headline's label "Latest" and the name after the
    # colon, which the NER left unlabelled
    doc = build(
        """
        The DET DT det 1
        Latest ADJ JJS nsubj 4
        : PUNCT : punct 4
        Ruiz PROPN NNP nsubj 4
        urges VERB VBZ ROOT 4 urge
        voters NOUN NNS dobj 4
        . PUNCT . punct 4
        """
    )
    assert speaker_root(doc[4]).text == "Ruiz"


OUTLETS = [
    ("The New York Post reported that the mayor resigned. The Post said he had been ill.", "The Post", "New York Post"),
    (
        "The Seattle Times said the bridge was unsafe. The Times said repairs would take a year.",
        "The Times",
        "Seattle Times",
    ),
    # two papers of that word: the short name stays apart
    (
        "The Washington Post said the mayor resigned. The New York Post said he was ill. "
        "The Post said he would return.",
        "The Post",
        "Post",
    ),
]


@pytest.mark.parametrize("text, mention, speaker", OUTLETS)
def test_one_outlet_is_one_speaker(extractor, text, mention, speaker):
    assert record(extractor, text, mention).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The blast, which Mayor Bill Nolan described as “an intentional act,” shook the block.",
        "Police found a device that Mayor Bill Nolan described as “an intentional act.”",
    ],
)
def test_a_content_never_holds_its_own_speaker(extractor, text):
    a = record(extractor, text, "Mayor Bill Nolan")
    assert all(not (start <= a.speaker_start < end) for start, end in a.quote_spans)
    assert "“an intentional act" in a.quote_text


GENDERS = [
    # the article's pronouns outrank the census first-name list (Lindsey is a woman's name there)
    ("Sen. Lindsey Marsh said his bill would pass.", "Sen. Lindsey Marsh", ("m", "pronoun")),
    (
        "Sen. Lindsey Marsh spoke on Monday. In his speech, Marsh urged the party to act.",
        "Marsh",
        ("m", "pronoun"),
    ),
    ("When he wrote the book, Lindsey Marsh said the work was hard.", "Lindsey Marsh", ("m", "pronoun")),
    # a pronoun another person named before may stand for decides nothing
    ("Donald Trump spoke on Monday. Hillary Clinton said he lied about the plan.", "Hillary Clinton", ("f", "census")),
    # a gendered title outranks the first name too
    ("Congresswoman Tom Hale said the vote was close.", "Congresswoman Tom Hale", ("f", "title")),
    # a pronoun inside a name's own phrase ("her rival Tom Hale") is someone else's
    (
        "Ana Ruiz has friends in the Senate, in which her rival Tom Hale serves. Hale said the vote was close.",
        "Hale",
        ("m", "census"),
    ),
]


@pytest.mark.parametrize("text, mention, gender", GENDERS)
def test_the_articles_evidence_of_gender_outranks_the_name_list(extractor, text, mention, gender):
    a = record(extractor, text, mention)
    assert (a.speaker_gender, a.speaker_gender_source) == gender


def test_a_pronoun_resolves_to_a_person_the_name_list_gave_the_other_sex(extractor):
    a = record(extractor, "Sen. Lindsey Marsh said his bill would pass. He said the vote was close.", "He")
    assert a.speaker == "Lindsey Marsh"


TITLES = [
    # a title is a span of the text, never tokens joined with spaces
    ("Retired Lt. Gen. Tom Baxter said the plan would fail.", "Retired Lt. Gen. Tom Baxter", "Retired Lt. Gen."),
    ("Republican presidential nominee Ann Ruiz said the plan would fail.", None, "Republican presidential nominee"),
    ("Democratic nominee Ann Ruiz said the plan would work.", "Democratic nominee Ann Ruiz", "Democratic nominee"),
    ("Council member David Chen said the vote was rushed.", "Council member David Chen", "Council member"),
    ("Former Secretary of State Ann Ruiz said the treaty would hold.", None, "Former Secretary of State"),
    ("Ann Ruiz, the former secretary of state, said the treaty would hold.", None, "former secretary of state"),
    ("Jane Hale, the chief executive of Ora Media, said the deal was done.", None, "chief executive"),
    # a description that ties the speaker to someone else is no title, nor a party word alone, nor any capital
    ("Tom Hale, her Republican opponent, said the plan was a disaster.", None, None),
    ("Democrat Ann Ruiz said the vote was close.", "Democrat Ann Ruiz", None),
    ("Rival Ann Ruiz said the vote was close.", "Rival Ann Ruiz", None),
]


@pytest.mark.parametrize("text, mention, title", TITLES)
def test_titles_are_text_spans_of_positions(extractor, text, mention, title):
    found = extractor.extract(text, date="2026-02-10")
    a = found[0] if mention is None else record(extractor, text, mention)
    assert a.speaker_title == title
    assert title is None or title in text


AFFILIATIONS = [
    ("Ana Ruiz, a spokeswoman for Cuba's Foreign Ministry, said the talks were over.", "Cuba's Foreign Ministry"),
    ("Jane Hale, the chief executive of Ora Media, said the deal was done.", "Ora Media"),
    # "of" and "for" inside a body's name belong to it
    ("Tom Hale, a fellow at the Institute for Policy Research, said taxes rose.", "Institute for Policy Research"),
    ("Cuba's Foreign Minister Bruno Ortiz said the talks were over.", "Cuba"),
    ("Republican presidential nominee Ann Ruiz said the plan would fail.", "Republican Party"),
    ("Democrat Ann Ruiz said the vote was close.", "Democratic Party"),
    ("Sen. Lindsey Marsh (R-S.C.) said the bill would pass.", "Republican Party"),
    ("Ann Ruiz, the former secretary of state, said the treaty would hold.", None),
]


@pytest.mark.parametrize("text, affiliation", AFFILIATIONS)
def test_affiliation_comes_from_the_text(extractor, text, affiliation):
    result = extractor.analyse(Article("t", text, date="2026-02-10"))
    speaker = next(s for s in result.speakers if s.speaker_id == result.attributions[0].speaker_id)
    assert speaker.affiliation == affiliation
    assert result.attributions[0].speaker_affiliation == affiliation
