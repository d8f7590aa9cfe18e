"""Canonical names on invented articles, one class of issue 30's train-canon misses per test."""

import pytest


def last(extractor, text):
    found = extractor.extract(text)
    assert found, f"no attribution in {text!r}"
    return found[-1]


HEADLINE_GLUE = [
    # a headline's subject may itself be a first name: the name runs from the last first name
    ("Carter Slams Lena Ortiz On Taxes\n\nOrtiz said on Monday that taxes would rise.", "Lena Ortiz"),
]


@pytest.mark.parametrize("text, canonical", HEADLINE_GLUE)
def test_a_headline_glues_no_subject_to_a_name(extractor, text, canonical):
    assert last(extractor, text).speaker == canonical


GROUPS = [
    # a count names no one: the group it counts is the speaker
    ("Hundreds of angry farmers marched on Monday, saying prices were low.", "angry farmers"),
    ('Some in the "Bread First" crowd said prices were low.', '"Bread First" crowd'),
    # nor does an adverb that opens the phrase
    ("At least two men said prices were low.", "two men"),
    ("Only four percent said prices were low.", "four percent"),
    ("Even the organizer of a rally said the rules were bad.", "organizer of a rally"),
    # an aside set off by a comma is no part of the name, however the parser hung it
    (
        "Some observers, including University of North Dakota at Grand Forks professor Dana Pike, also criticized"
        " the group for promoting links.",
        "Some observers",
    ),
    (
        "''It is hard,'' said one person with knowledge of the mayor's plans, who spoke on the condition of anonymity.",
        "person with knowledge of the mayor's plans",
    ),
    # a plural group owns with the apostrophe alone
    ("Reporters worked late on Monday. Their editors said the stories were dull.", "Reporters' editors"),
]


@pytest.mark.parametrize("text, canonical", GROUPS)
def test_a_group_is_named_without_its_count_and_asides(extractor, text, canonical):
    assert last(extractor, text).speaker == canonical


DOCUMENTS = [
    # a document is named with its owner, however the article gives the owner
    ("A recent survey by Harbor Data found that rents rose.", "Harbor Data survey"),
    # the owner by its full name
    ("Karl Reed paid for an ad on Monday. The Reed ad claims that taxes rose.", "Karl Reed ad"),
    # a later description without an owner is the document named before, a poll's other name included
    (
        "A recent survey by Harbor Data found that rents rose. The poll also found that wages fell.",
        "Harbor Data survey",
    ),
    # the same noun first: "the poll" is the poll, not the survey named after it
    (
        "A Harbor Data poll found that rents rose. A Lakeside Institute survey found that wages fell."
        " The poll also found that prices rose.",
        "Harbor Data poll",
    ),
    # the one who conducts, releases or publishes it owns it
    (
        "The last time The Harbor Times conducted a 50-state poll was in 1988.\n\n"
        "Reed leads in Ohio, according to the new poll.",
        "Harbor Times 50-state poll",
    ),
    # an owner named by its first word is the owner named in full
    (
        "The latest Kessler Reports poll shows that Reed leads. The Kessler poll found that wages fell.",
        "Kessler Reports poll",
    ),
]


@pytest.mark.parametrize("text, canonical", DOCUMENTS)
def test_a_document_is_one_entity_named_with_its_owner(extractor, text, canonical):
    assert last(extractor, text).speaker == canonical


def test_the_lede_keeps_a_documents_name_for_later(extractor):
    text = "A new poll shows that Karl Reed is ahead.\n\nThe Harbor Data poll found that Reed leads by 9 points."
    assert extractor.extract(text)[0].speaker == "Harbor Data poll"


def test_a_name_given_only_inside_a_title_is_the_persons(extractor):
    text = 'Ruiz Talks Taxes\n\nThe mayor spoke on "The Ana Ruiz Show" on Monday.\n\n"Will you run?" Ruiz asked.'
    assert last(extractor, text).speaker == "Ana Ruiz"


COORDINATED_TITLES = [
    # titles joined by "and" before one name are that person's
    ("Fox News Vice President and Washington Managing Editor Tom Hale expressed the frustration.", "Tom Hale"),
    # a determiner makes a description of its own: two speakers
    ("The mayor and Tom Hale said the plan was good.", "mayor and Tom Hale"),
]


@pytest.mark.parametrize("text, canonical", COORDINATED_TITLES)
def test_titles_joined_before_a_name_are_one_person(extractor, text, canonical):
    assert last(extractor, text).speaker == canonical


NAMES = [
    # "the Republican" is a member of the party described by it: the person in focus
    (
        "Reed Is Tested\n\nAfter the Republican seemed to stumble, Karl Reed spoke in Ohio on Monday.\n\n"
        "The Republican said the race was close.",
        "Karl Reed",
    ),
    # a body's name before a plural group the NER took alone belongs to it
    (
        "Tom Hale spoke on Monday. House Democrats, looking for a way to shake up the debate, said they would stay.",
        "House Democrats",
    ),
    # a first name alone is the one person the article names in full with it
    (
        "Melissa Just Vowed To Fight\n\nMelissa Ortiz promised on Tuesday to fight.\n\n"
        "Melissa said the fight was just starting.",
        "Melissa Ortiz",
    ),
    # a body's name in apposition to a common noun is that body (the cue a listed verb: what is tested is the
    # speaker's name, whatever the learned scorer makes of a verb outside the lists)
    (
        "Protesters will march. One group, Occupy Main Street, said in flyers that the police are ready.",
        "Occupy Main Street",
    ),
]


@pytest.mark.parametrize("text, canonical", NAMES)
def test_names_the_article_gives_beside_a_description(extractor, text, canonical):
    assert last(extractor, text).speaker == canonical


def test_a_speaker_named_after_an_inverted_verb_of_saying(extractor):
    # textacy's case: the parser takes the names after "reply" for its object
    assert last(extractor, '"We love cats!" reply Burton and Nick.').speaker == "Burton and Nick"


def test_the_one_subject_the_ner_took_for_a_body_is_he(extractor):
    # textacy's case: "Burton" is labelled an organisation, and no person is in reach of "he"
    assert last(extractor, 'Burton explained from a podium. "I love cats," he said.').speaker == "Burton"


def test_a_pronoun_between_equals_takes_the_one_person_of_its_sentence(extractor):
    text = (
        "Tom Hale and Dan Crowe argued for an hour.\n\n"
        "If we read Crowe’s strategy correctly when he says he intends to win delegates, his plan is to stay in."
    )
    assert last(extractor, text).speaker == "Dan Crowe"


HEADLINE_AND_TAGS = [
    # a headline's "I" after "Name:" is that person's
    ("Ortiz: I support statehood for the island.\n\nLena Ortiz wants the island to become a state.", "Lena Ortiz", 0),
    # a surname the tagger read as a plural noun is still the person's
    (
        "Nick Summers spoke on Monday.\n\n"
        '"It tells you that one of us is a candidate of the establishment, and it says that the other candidate is'
        ' prepared to take on the establishment," Summers remarked.',
        "Nick Summers",
        -1,
    ),
]


@pytest.mark.parametrize("text, canonical, index", HEADLINE_AND_TAGS)
def test_a_headline_label_and_a_misread_surname(extractor, text, canonical, index):
    assert extractor.extract(text)[index].speaker == canonical


def test_two_names_joined_by_and_are_a_pair_however_parsed(extractor):
    # the parser hangs the first name on the second's title ("House Speaker")
    text = (
        "WASHINGTON (AP) — Ana Ruiz and House Speaker Paul Reyes pledged to work together despite their differences"
        " after a meeting Thursday."
    )
    assert extractor.extract(text)[0].speaker == "Ana Ruiz and Paul Reyes"


def test_both_candidates_are_the_pair_in_reach(extractor):
    text = "Dana Pike and Tom Hale are locked in a tight race.\n\nOn Monday both candidates said the race was close."
    assert last(extractor, text).speaker == "Dana Pike and Tom Hale"


def test_the_officials_are_the_group_named_before(extractor):
    text = "Ruiz will meet Hale this month, Dutch officials said Wednesday.\n\nThe officials said the meeting was set."
    assert last(extractor, text).speaker == "Dutch officials"


def test_the_paper_is_the_body_named_like_a_paper(extractor):
    text = (
        'As the nationalist Harbor Times tabloid noted in an op-ed Thursday, the candidate "has fans here."\n\n'
        "The GOP candidate has been harsh on trade.\n\n"
        "As the paper noted, it is surprising because the candidate has been harsh."
    )
    assert last(extractor, text).speaker == "Harbor Times"
