"""Rule tests for the frames a listed cue takes its content in, on short sentences of our own writing."""

import numpy as np
import pytest

from attrib.find.cues import NOUN_PREPOSITION_ADMIT, find_cues


@pytest.mark.parametrize(
    "text, cue, quote",
    [
        # a pronoun object with the complement of a characterising verb is what was said of someone
        (
            "The governor portrayed himself as a friend of the farmers.",
            "portrayed",
            "himself as a friend of the farmers",
        ),
        ("The senator compared him to a used car salesman.", "compared", "him to a used car salesman"),
        ("The union accused them of breaking the contract.", "accused", "them of breaking the contract"),
        # a personal pronoun is an object of its own
        ("The union endorsed her on Monday.", "endorsed", "her"),
        # a gerund phrase is the object of a verb that takes one
        ("The senator has proposed taxing carbon emissions.", "has proposed", "taxing carbon emissions"),
        ("The mayor endorsed building a new stadium downtown.", "endorsed", "building a new stadium downtown"),
        # "for X to Y" is the object of "call for", the parser's "for" mark is part of the cue
        ("The senator has called for the city to repave the road.", "has called for", "the city to repave the road"),
        # a passive's subject is what its agent said
        ("The merger was first reported by a local newspaper.", "was first reported", "The merger"),
        ("The plan was endorsed by the teachers union.", "was endorsed", "The plan"),
        # a phrasal preposition may follow the verb's adverb or particle
        ("The doctors warned repeatedly of the dangers of the new drug.", "warned", "the dangers of the new drug"),
        (
            "The senator called again for a full investigation of the agency.",
            "called",
            "a full investigation of the agency",
        ),
        ("The governor lashed out at the federal regulators on Monday.", "lashed out", "the federal regulators"),
        # a clause before a verb that takes an object is not its content when a noun object follows the verb
        (
            "The old plant is closing soon; the company has announced a new factory in Ohio.",
            "has announced",
            "a new factory in Ohio",
        ),
        (
            "Ticket sales have been weak: the league often announces discounts late in the season.",
            "often announces",
            "discounts",
        ),
    ],
)
def test_listed_cue_frames(extractor, text, cue, quote):
    found = [a for a in extractor.extract(text) if a.cue == cue]
    assert [a.quote for a in found] == [quote]


def test_an_order_told_starts_at_the_one_told(parse):
    # by the word list alone (no learned scorer): "told X to Y" reports X and the infinitive
    from attrib.find.cues import find_cues

    cues = [c for c in find_cues(parse("The coach told his players to stay calm.")) if c.token.lower_ == "told"]
    assert [(c.content.text, c.frame) for c in cues] == [("players", "obj")]


def test_a_compound_preposition_lends_the_subject(extractor):
    # "in addition to stating": the phrase modifies the main verb, whose subject states
    found = extractor.extract("In addition to stating that the tax was unfair, the mayor has vowed to repeal it.")
    assert [(a.cue, a.speaker, a.quote) for a in found if a.cue == "stating"] == [
        ("stating", "mayor", "that the tax was unfair")
    ]


@pytest.mark.parametrize(
    "text, speaker, cue, quote",
    [
        # a "to" clause of a passive speaks with the voice of the passive's subject
        (
            "The newspaper is expected to endorse the senator in the race.",
            "The newspaper",
            "to endorse",
            "the senator in the race",
        ),
        # and a "to" clause of an adjective with that of the subject of its copula
        (
            "Older voters were more likely to say that the economy was weak.",
            "Older voters",
            "to say",
            "that the economy was weak",
        ),
        # and a gerund after a preposition of a passive or an adjective with that subject too
        (
            "Most of the speech was devoted to criticizing the budget of the governor.",
            "Most of the speech",
            "criticizing",
            "the budget of the governor",
        ),
        (
            "The senator was careful in describing the plan as a first step.",
            "The senator",
            "describing",
            "the plan as a first step",
        ),
    ],
)
def test_a_raised_to_clause_borrows_the_subject(extractor, text, speaker, cue, quote):
    (a,) = extractor.extract(text)
    assert (a.speaker_mention, a.cue, a.quote) == (speaker, cue, quote)


def test_a_chain_of_coordinated_predicates_lends_its_first_subject(extractor):
    # "left ..., marched ... and said": the parser hangs each verb on the one before; the first has the subject
    found = extractor.extract("The workers left the plant, marched to the hall and said they would strike on Monday.")
    assert [(a.cue, a.speaker_mention, a.quote) for a in found] == [
        ("said", "The workers", "they would strike on Monday")
    ]


@pytest.mark.parametrize(
    "text, speaker, cue, quote",
    [
        # an active verb coordinated with a passive one shares the passive's subject
        (
            "The farmers were angered by the ruling and predicted it would ruin the harvest.",
            "The farmers",
            "predicted",
            "it would ruin the harvest",
        ),
        (
            "The nurses were alarmed by the cuts and warned that patients would suffer.",
            "The nurses",
            "warned",
            "that patients would suffer",
        ),
        # a verb of saying hung on a verb of another's content speaks for the verb of saying above in its own form
        (
            "The senator says the old program failed badly and says she wrote a new bill to replace it.",
            "The senator",
            "says",
            "she wrote a new bill to replace it",
        ),
    ],
)
def test_a_coordinated_cue_borrows_the_subject_it_goes_on_with(extractor, text, speaker, cue, quote):
    found = [(a.speaker_mention, a.cue, a.quote) for a in extractor.extract(text)]
    assert (speaker, cue, quote) in found


@pytest.mark.parametrize(
    "text, speaker, cue, quote",
    [
        # an intention noun's infinitive is its content, and its possessor the speaker
        ("The mayor's promise to repave the road angered the council.", "The mayor's", "promise", "to repave the road"),
        (
            "The governor's decision to veto the budget surprised nobody.",
            "The governor's",
            "decision",
            "to veto the budget",
        ),
        # the object of the preposition right after a cue noun is its content, the preposition part of the cue
        ("The senator's criticism of the new tax drew applause.", "The senator's", "criticism of", "the new tax"),
    ],
)
def test_noun_cue_frames(extractor, text, speaker, cue, quote):
    found = [a for a in extractor.extract(text) if a.cue == cue]
    assert [(a.speaker_mention, a.quote) for a in found] == [(speaker, quote)]


class FixedScorer:
    """A cue scorer that gives one word a set probability: the rule's threshold, not the learned weights, decides."""

    admit, veto = 0.4, 0.05
    pairs = None  # no second stage: the first stage's admit decides

    def __init__(self, word: str, probability: float):
        self.word, self.probability = word, probability

    def probabilities(self, doc):
        return np.array([self.probability if t.text == self.word else np.nan for t in doc])


@pytest.mark.parametrize(
    "probability, content", [(NOUN_PREPOSITION_ADMIT + 0.05, "the press"), (NOUN_PREPOSITION_ADMIT - 0.05, None)]
)
def test_a_nouns_preposition_object_needs_the_nouns_probability(parse, probability, content):
    # a noun's preposition object is its content only when the scorer gives the noun NOUN_PREPOSITION_ADMIT or more
    doc = parse("The mayor's attacks on the press have grown sharper.")
    cues = [c for c in find_cues(doc, FixedScorer("attacks", probability)) if c.token.text == "attacks"]
    found = [doc[c.content.left_edge.i : c.content.right_edge.i + 1].text for c in cues if c.content is not None]
    assert found == ([content] if content else [])


@pytest.mark.parametrize(
    "text, quote",
    [
        (
            "The senator spent five million dollars on ads, and her rival spent twice as much, according to campaign "
            "filings.",
            "The senator spent five million dollars on ads, and her rival spent twice as much",
        ),
        (
            "The mayor returned on Friday for the end of the meeting and said little, according to two aides.",
            "The mayor returned on Friday for the end of the meeting and said little",
        ),
    ],
)
def test_according_to_after_coordinated_clauses_attributes_them_all(extractor, text, quote):
    # the parser hangs "according to" on the last conjunct; what it attributes is the whole coordination
    assert [a.quote for a in extractor.extract(text) if a.cue == "according to"] == [quote]


@pytest.mark.parametrize(
    "text, speaker, cue, quote",
    [
        (
            "As the governor pointed out, the new bridge will cut travel times in half.",
            "the governor",
            "pointed out",
            "the new bridge will cut travel times in half",
        ),
        (
            "But as critics point out, the plan leaves the budget short by a billion dollars.",
            "critics",
            "point out",
            "the plan leaves the budget short by a billion dollars",
        ),
    ],
)
def test_an_as_clause_with_a_particle_reports_the_clause_it_hangs_on(extractor, text, speaker, cue, quote):
    # the particle ("out") belongs to the clause set off by the comma, not to what was said
    assert [(a.speaker_mention, a.cue, a.quote) for a in extractor.extract(text)] == [(speaker, cue, quote)]


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "The mayor said she regretted her remarks and promised to stay out of the dispute.",
            [
                ("The mayor", "said", "she regretted her remarks"),
                ("The mayor", "promised", "to stay out of the dispute"),
            ],
        ),
        (
            'The minister said it was too early to count the votes but added, "We all know who won."',
            [
                ("The minister", "said", "it was too early to count the votes"),
                ("The minister", "added", '"We all know who won."'),
            ],
        ),
    ],
)
def test_a_verb_of_saying_coordinated_inside_the_content_is_a_second_act(extractor, text, found):
    # the parser hangs the second verb of saying on the content's verb; it is the speaker's second act
    assert [(a.speaker_mention, a.cue, a.quote) for a in extractor.extract(text)] == found


def test_a_that_clause_coordinated_with_the_cue_goes_on_with_what_was_said(extractor):
    # "claims X, and that Y": the parser hangs the second "that" clause on the cue; it is a second complement
    text = "The clerk claims he was the only one punished for the error, and that his firing was unfair."
    assert [(a.cue, a.quote) for a in extractor.extract(text)] == [
        ("claims", "he was the only one punished for the error, and that his firing was unfair")
    ]


def _noun_cue_parts(doc, noun):
    """The speaker and content a noun cue reads, as text (None when it reads none)."""
    from attrib.find.nominal_cues import noun_cue

    cue = noun_cue(next(t for t in doc if t.text == noun))
    if cue is None:
        return None
    content = doc[cue.content.left_edge.i : cue.content.right_edge.i + 1].text
    return cue.speaker.text, content


@pytest.mark.parametrize(
    "text, noun, speaker, content",
    [
        # a statement noun that is the subject of "be" states the copula's "that" clause or infinitive
        ("Her argument is that the levy hurts farmers.", "argument", "Her", "that the levy hurts farmers"),
        ("His goal is to repave every road in the county.", "goal", "His", "to repave every road in the county"),
    ],
)
def test_a_statement_noun_subject_of_be_states_the_copulas_clause(parse, text, noun, speaker, content):
    assert _noun_cue_parts(parse(text), noun) == (speaker, content)


@pytest.mark.parametrize(
    "text, noun",
    [
        # a noun as subject of another verb than "be" states no complement of that verb
        ("Her argument surprised everyone who wanted the levy.", "argument"),
        # a noun subject of "be" with a predicate noun, not a clause, states nothing
        ("Her argument was a long one.", "argument"),
    ],
)
def test_a_noun_without_a_complement_reads_no_cue(parse, text, noun):
    assert _noun_cue_parts(parse(text), noun) is None
