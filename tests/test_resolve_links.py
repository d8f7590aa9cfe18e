"""Speaker phrases linked to the entity they stand for (issue 30): invented articles, one rule per case."""

import pytest


def speaker_of(extractor, text, mention):
    """The resolved speaker of the attribution whose speaker phrase is ``mention``."""
    found = [a for a in extractor.extract(text) if a.speaker_mention == mention]
    assert found, f"no attribution by {mention!r} in {text!r}"
    return found[-1].speaker


LINKS = [
    # a noun "identified as" someone is that person, as "named" is (the parser may make the participle the verb)
    (
        "The second clash came at a rope line. A woman later identified as Dana Oyelaran, an organizer for the"
        " group Clean Rivers, demanded to know whether Ruiz would give back the money.",
        "A woman",
        "Dana Oyelaran",
    ),
    (
        "A man identified as Tom Hale told the council that the bridge was unsafe.",
        "A man identified as Tom Hale",
        "Tom Hale",
    ),
    # an age describes a person as a role noun does: the person in focus
    (
        "Tom Hale, the mayor, opened the gala on Monday.\n\n“He is a good man,” said the 52-year-old.",
        "the 52-year-old",
        "Tom Hale",
    ),
    # an outlet named before "magazine" is what a later "the magazine" is
    (
        "Tom Hale entered Family Weekly magazine’s baking contest.\n\n"
        "The magazine said the winner has predicted the election five times.",
        "The magazine",
        "Family Weekly",
    ),
    # "it" with no body in reach is the body its owner names, the subject of the paragraph
    (
        "Maria Lopez made a remark on taxes.\nMaria Lopez’s campaign quickly backtracked, putting out a note"
        " contradicting her earlier remarks. In that case, it said, “the rate will stay.”",
        "it",
        "Maria Lopez's campaign",
    ),
    # even when the NER took the owner's possessive surname for a body ("Hale’s" as ORG)
    (
        "Tom Hale made a remark on taxes.\nHale’s campaign quickly backtracked, putting out a note contradicting"
        " his earlier remarks. In that case, it said, “the rate will stay.”",
        "it",
        "Tom Hale's campaign",
    ),
    # "he" right after a speaker of unknown sex is that speaker, not an earlier man's
    (
        "Paul Rand met the donors on Monday.\n\nRep. Lee Ostrow of Ohio said the meeting went well.\n\n"
        "“I think it helps,” he said.",
        "he",
        "Lee Ostrow",
    ),
    # but not over a later subject of the pronoun's sex
    (
        "President Kwabena Odell answered a mother on Wednesday by saying the issue was made up.\n\n"
        "During a town hall, Tina Rowe had a question for the president.\n\n“My son served,” she said.",
        "she",
        "Tina Rowe",
    ),
    # a capitalised kind of body alone is the one body named in full with it
    (
        "The council asked the Senate Committee on Rules and Ethics for an opinion on the deal. The Committee"
        " said it would review the contracts by June.",
        "The Committee",
        "Senate Committee on Rules and Ethics",
    ),
    # a plural the NER took for a party or nationality is a group a later "they" may be
    (
        "Budget talks stalled in the capital on Monday.\n\n"
        "The Democrats are acting as though they want to lose the vote.",
        "they",
        "Democrats",
    ),
]


STAND_INS = [
    # a relative pronoun after a body's name the parser split stands for the whole name
    (
        "“It will be calm,” said Dan Ruiz, organizer of a group called Parents for Hale, which expects 500 people"
        " to attend.",
        "which",
        "Parents for Hale",
    ),
    # one after a predicate noun stands for the copula's subject, also one the copula shares with a verb before it
    (
        "Tom Hale is a reckless gambler and serial liar who has repeatedly promised to close the port.",
        "who",
        "Tom Hale",
    ),
    (
        "Editor’s note: Tom Hale regularly incites violence and is a serial liar, rampant xenophobe, racist,"
        " misogynist and birther who has repeatedly pledged to ban all imports.",
        "who",
        "Tom Hale",
    ),
    # the writer's own "we" is the author a closing note names
    (
        "Tax Plans Compared.\n\nMost of the time, when we look at tax plans, we think about the top rate.\n\n"
        "Dana Pike edits the Money page for the Daily Ledger.",
        "we",
        "Dana Pike",
    ),
]


OWNERS = [
    # a full name owns as itself, whoever else bears its surname
    (
        "Marcus Allen Webb was shot on Tuesday. His wife, Dora Webb, saw it.\n\n"
        "Marcus Allen Webb's brother said he was unarmed.",
        "Marcus Allen Webb's brother",
        "Marcus Allen Webb's brother",
    ),
    # a possessive the NER took for a body, shared by two people, stays as written
    (
        "Tom Hale met voters on Monday. Ana Hale stayed home.\nHale’s campaign said the rate will stay.",
        "Hale’s campaign",
        "Hale’s campaign",
    ),
]


@pytest.mark.parametrize("text, mention, canonical", OWNERS)
def test_an_owner_is_the_person_its_name_gives(extractor, text, mention, canonical):
    assert speaker_of(extractor, text, mention) == canonical


@pytest.mark.parametrize("text, mention, canonical", STAND_INS)
def test_a_stand_in_names_what_it_stands_for(extractor, text, mention, canonical):
    assert speaker_of(extractor, text, mention) == canonical


@pytest.mark.parametrize("text, mention, canonical", LINKS)
def test_a_speaker_phrase_links_to_its_entity(extractor, text, mention, canonical):
    assert speaker_of(extractor, text, mention) == canonical
