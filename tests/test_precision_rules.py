"""Rule tests for what is no attribution and where content ends (issue 13), on sentences of our own writing;
the misparses the rules repair are built by hand (see test_rules_docs.py)."""

from __future__ import annotations

import pytest

from attrib.find.cue_clause import without_speaker

from .test_rules_docs import attributions, build


@pytest.mark.parametrize(
    "text, quote",
    [
        # the question put to the speaker is no statement of the speaker's
        ("Asked whether she would run again, Lopez said she had not decided.", "she had not decided"),
        ("Asked about the mayor's plan, the governor said the budget was tight.", "the budget was tight"),
        ("When asked about the vote, Ortiz said the count was fair.", "the count was fair"),
        # a condition is part of what was said
        (
            "The minister said the talks could resume, provided both sides agree on the venue.",
            "the talks could resume, provided both sides agree on the venue",
        ),
        (
            "The union said it would sign the deal, providing wages rise by March.",
            "it would sign the deal, providing wages rise by March",
        ),
        ("The union said it would sign the deal, providing few details.", "it would sign the deal"),
    ],
)
def test_statement_and_its_end(extractor, text, quote):
    assert [a.quote for a in extractor.extract(text)] == [quote]


@pytest.mark.parametrize(
    "text, found",
    [
        # a coordinated clause that quotes and has no cue of its own goes on with what was said
        (
            "The mayor said that it was too early to tell whether the fire was set, and there was “no sign” yet"
            " that anyone was hurt.",
            [
                (
                    "that it was too early to tell whether the fire was set, and there was “no sign” yet that anyone"
                    " was hurt",
                    "mixed",
                )
            ],
        ),
        # one with a cue of its own is an attribution of its own
        (
            "The mayor said the bridge was safe, and the council called it “a disgrace.”",
            [("the bridge was safe", "indirect"), ("it “a disgrace.”", "mixed")],
        ),
        # a content runs to the closing mark of a quotation it enters
        (
            "The paper then ruled that the claim about “many shootings” in Lyon is “true,” but the data was thin.",
            [("that the claim about “many shootings” in Lyon is “true,”", "mixed")],
        ),
    ],
)
def test_quotations_end_the_content_whole(extractor, text, found):
    assert [(a.quote, a.kind) for a in extractor.extract(text)] == found


@pytest.mark.parametrize(
    "text, quote",
    [
        # a quotation that ends a sentence begun in the writer's words: the whole clause is what was said
        (
            "The council vote was “a disgrace to the whole city,” the mayor said.",
            "The council vote was “a disgrace to the whole city,”",
        ),
        (
            "The budget is “a plan for the next ten years,” Ann Cole said on Monday.",
            "The budget is “a plan for the next ten years,”",
        ),
        # one that opens its sentence is what was said, whatever the parser hung before it
        (
            "The council met on Monday. “The vote was a disgrace to the whole city,” the mayor said.",
            "“The vote was a disgrace to the whole city,”",
        ),
    ],
)
def test_a_quotation_ending_a_clause_of_the_writer_keeps_the_clause(extractor, text, quote):
    assert [a.quote for a in extractor.extract(text)] == [quote]


@pytest.mark.parametrize(
    "text, cues",
    [
        # a belief or stance denied states nothing; a saying denied is still reported
        ("Ortiz does not believe the plan will work.", []),
        ("The senator did not support the bill.", []),
        ("Ortiz never thought the bridge would fall.", []),
        ("Ortiz believes the plan will work.", ["believes"]),
        ("Ortiz did not say the plan would work.", ["did not say"]),
        # a wish denied is still one
        ("Ortiz did not want to raise taxes.", ["did not want"]),
    ],
)
def test_negated_beliefs_are_no_statements(extractor, text, cues):
    assert [a.cue for a in extractor.extract(text)] == cues


def test_a_passive_participle_lends_no_speaker_to_the_question():
    # "Asked whether he would run, Ortiz said he had not decided." with "whether he would run" its content
    doc = build(
        """
        Asked VERB VBN advcl 7 ask
        whether SCONJ IN mark 4
        he PRON PRP nsubj 4
        would AUX MD aux 4
        run VERB VB ccomp 0
        , PUNCT , punct 7
        Ortiz PROPN NNP nsubj 7
        said VERB VBD ROOT 7 say
        he PRON PRP nsubj 11
        had AUX VBD aux 11 have
        not PART RB neg 11
        decided VERB VBN ccomp 7 decide
        . PUNCT . punct 7
        """
    )
    assert attributions(doc) == [("Ortiz", "he had not decided", "said", "indirect")]


def test_a_condition_read_as_a_coordinated_verb_ends_the_content():
    doc = build(
        """
        Ruiz PROPN NNP nsubj 1
        said VERB VBD ROOT 1 say
        talks NOUN NNS nsubj 3 talk
        resume VERB VBP ccomp 1
        , PUNCT , punct 1
        provided VERB VBD conj 1 provide
        rates NOUN NNS nsubj 7 rate
        fall VERB VBP ccomp 5
        . PUNCT . punct 1
        """
    )
    assert attributions(doc) == [("Ruiz", "talks resume, provided rates fall", "said", "indirect")]


def test_a_subject_read_into_the_object_opens_the_content():
    # "told the president negotiations are underway": "the president negotiations" parsed as one object
    doc = build(
        """
        Ruiz PROPN NNP nsubj 2
        has AUX VBZ aux 2 have
        told VERB VBN ROOT 2 tell
        the DET DT det 5
        president NOUN NN compound 5
        negotiations NOUN NNS dobj 2 negotiation
        are AUX VBP ccomp 2 be
        underway ADJ JJ acomp 6
        . PUNCT . punct 2
        """
    )
    assert attributions(doc) == [("Ruiz", "negotiations are underway", "has told", "indirect")]


@pytest.mark.parametrize(
    "medial, pieces",
    [(True, ["It was", "“a long day.”"]), (False, ["“a long day.”"])],
)
def test_content_never_holds_its_own_speaker(medial, pieces):
    text = "It was, the mayor said, “a long day.”"
    clause = (text.index("the mayor"), text.index(" said") + len(" said"))
    parts = without_speaker(text, [(0, len(text))], text.index("mayor"), clause, medial)
    assert [text[s:e] for s, e in parts] == pieces


def test_what_the_speaker_called_keeps_its_speaker(extractor):
    text = "The council described what the mayor called a “reckless” plan."
    assert "what the mayor called a “reckless” plan" in [a.quote for a in extractor.extract(text)]


@pytest.mark.parametrize(
    "text, quote",
    [
        # an unlisted verb with a short object names an act done to a thing, not a statement
        ("The senator sent a letter.", None),
        ("The senator opened the museum.", None),
        # a longer object can be what was said about it
        ("The senator attacked the governor's plan for the bridge.", "the governor's plan for the bridge"),
        # the object of a topic preposition names what the act was about, however short
        ("The union pushed for a raise.", "a raise"),
        ("The governor lashed out at Republicans.", "Republicans"),
    ],
)
def test_an_admitted_verb_with_a_short_object_is_no_statement(parse, text, quote):
    from attrib.find.finder import find_attributions

    from .test_scorer import bias_only

    doc = parse(text)
    found = find_attributions(doc, bias_only(5.0, admit=0.5, veto=0.0))  # every verb admitted
    assert [doc.text[f.start : f.end] for f in found] == ([quote] if quote else [])


@pytest.mark.parametrize(
    "text, found",
    [
        # a cue inside another's content is part of that report, not an attribution of its own
        (
            "The mayor said the governor thinks the bridge is safe.",
            [("said", "the governor thinks the bridge is safe")],
        ),
        (
            "The paper reported that the mayor had announced that the bridge would close.",
            [("reported", "that the mayor had announced that the bridge would close")],
        ),
        # "according to" names where a report comes from: the statement inside it is an attribution too
        (
            "According to the memo, the mayor said the bridge was safe.",
            [("According to", "the mayor said the bridge was safe"), ("said", "the bridge was safe")],
        ),
        # a cue whose content lies outside the content it stands in keeps its own
        (
            "The mayor told them his rival “had a foolish plan,” adding, “He will lose.”",
            [("told", "his rival “had a foolish plan,”"), ("adding", "“He will lose.”")],
        ),
        # a statement set beside another by "while" or "although" is no part of it, and ends it
        (
            "Several farmers said the new dam had helped their crops, while other residents said the river had grown"
            " too shallow for boats.",
            [("said", "the new dam had helped their crops"), ("said", "the river had grown too shallow for boats")],
        ),
        (
            "The mayor said the budget was balanced, although the auditors said the city still owed millions.",
            [("said", "the budget was balanced"), ("said", "the city still owed millions")],
        ),
    ],
)
def test_a_report_inside_a_report_is_one_attribution(extractor, text, found):
    assert [(a.cue, a.quote) for a in extractor.extract(text)] == found


@pytest.mark.parametrize(
    "text, quote",
    [
        # a listed verb whose own frames find nothing falls back on a learned one, and the same length rule holds
        ("The mayor said goodbye.", None),
        ("The mayor said a few words on the flood.", "a few words on the flood"),
    ],
)
def test_a_listed_verbs_fallback_object_needs_three_words(parse, text, quote):
    from attrib.find.finder import find_attributions

    from .test_scorer import bias_only

    doc = parse(text)
    found = find_attributions(doc, bias_only(5.0, admit=0.5, veto=0.0))
    assert [doc.text[f.start : f.end] for f in found] == ([quote] if quote else [])


def test_a_line_of_markup_holds_no_attribution(extractor):
    # an embedded post opens its line with a tag: its words are the post's, not a report in the article
    text = (
        "The council met on Monday.\n\n"
        '<post author="cityhall">The mayor said the bridge on Elm Street was safe for traffic again after the'
        " long repairs of the winter, and that the crews had finished the north side a week early.</post>\n\n"
        "The engineer said the bridge would reopen in May."
    )
    assert [a.cue for a in extractor.extract(text)] == ["said"]
    assert extractor.extract(text)[0].quote == "the bridge would reopen in May"
