"""Rule tests: one attribution pattern each, on short sentences of our own writing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def one(extractor, text, **kw):
    found = extractor.extract(text, **kw)
    assert len(found) >= 1, f"nothing found in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "text, speaker, cue, quote, kind",
    [
        # reported speech: the complement clause, "that" included
        (
            "The mayor said that the bridge would reopen in May.",
            "The mayor",
            "said",
            "that the bridge would reopen in May",
            "indirect",
        ),
        (
            "Senator Jane Hollis told reporters the bill was dead.",
            "Senator Jane Hollis",
            "told",
            "the bill was dead",
            "indirect",
        ),
        (
            "The company has repeatedly denied that it sold user data.",
            "The company",
            "has repeatedly denied",
            "that it sold user data",
            "indirect",
        ),
        (
            "Union leaders warned that a strike could begin on Friday.",
            "Union leaders",
            "warned",
            "that a strike could begin on Friday",
            "indirect",
        ),
        (
            "The governor insisted the budget was balanced.",
            "The governor",
            "insisted",
            "the budget was balanced",
            "indirect",
        ),
        # inverted order
        (
            "The talks have stalled, said Maria Lopez, a spokeswoman for the ministry.",
            "Maria Lopez, a spokeswoman for the ministry",
            "said",
            "The talks have stalled",
            "indirect",
        ),
        # according to
        (
            "The plant will close next year, according to two people familiar with the plans.",
            "two people familiar with the plans",
            "according to",
            "The plant will close next year",
            "indirect",
        ),
        (
            "As host of “The Morning Hour,” the anchor belittled guests, according to show insiders.",
            "insiders",
            "according to",
            "As host of “The Morning Hour,” the anchor belittled guests",
            "mixed",
        ),
        # direct quotes, both orders, straight and curly marks
        ("“We will not back down,” the minister said.", "the minister", "said", "“We will not back down,”", "direct"),
        ('"We will not back down," said Tom Reyes.', "Tom Reyes", "said", '"We will not back down,"', "direct"),
        ("The minister said: “We will not back down.”", "The minister", "said", "“We will not back down.”", "direct"),
        # mixed: reported speech with a quoted fragment
        (
            "The senator said the plan was “dead on arrival” in the House.",
            "The senator",
            "said",
            "the plan was “dead on arrival” in the House",
            "mixed",
        ),
        # objects as content for verbs that take them
        (
            "Officials announced new limits on water use.",
            "Officials",
            "announced",
            "new limits on water use",
            "indirect",
        ),
        # infinitive content
        ("The president vowed to veto the measure.", "The president", "vowed", "to veto the measure", "indirect"),
        # thought and belief are attributions too
        (
            "Most economists believe the recession is over.",
            "Most economists",
            "believe",
            "the recession is over",
            "indirect",
        ),
        # an object with its complement
        (
            "The senator urged the governor to release the emails.",
            "The senator",
            "urged",
            "the governor to release the emails",
            "indirect",
        ),
        (
            "The mayor criticized the council for delaying the vote.",
            "The mayor",
            "criticized",
            "the council for delaying the vote",
            "indirect",
        ),
        ("Graham called both candidates “crazy” and left.", "Graham", "called", "both candidates “crazy”", "mixed"),
        # characterising verbs take their object only with its predicate
        (
            "Gov. Ann Miller described the bill as a “disaster.”",
            "Gov. Ann Miller",
            "described",
            "the bill as a “disaster.”",
            "mixed",
        ),
        (
            "Chile accused the neighbouring government of reckless provocation.",
            "Chile",
            "accused",
            "the neighbouring government of reckless provocation",
            "indirect",
        ),
        # a quotation opened with a closing mark at the start of its line, as scraped copy has it
        (
            "”Fear is what I feel about this election.” ― Edwin Monroy\n",
            "Edwin Monroy",
            "―",
            "”Fear is what I feel about this election.”",
            "direct",
        ),
        # a reason clause belongs to what was said
        (
            "The agency said it did not count those meetings because they were routine.",
            "The agency",
            "said",
            "it did not count those meetings because they were routine",
            "indirect",
        ),
        # a noun cue with its possessor as speaker
        (
            "The fact-checkers examined Trump’s claim that crime had doubled.",
            "Trump’s",
            "claim",
            "that crime had doubled",
            "indirect",
        ),
        # colon introductions and signed quotations
        (
            "Philip Bump: “Two weeks ago the South was his strongest territory.”",
            "Philip Bump",
            ":",
            "“Two weeks ago the South was his strongest territory.”",
            "direct",
        ),
        (
            "The senator put it bluntly: “We make less than we did ten years ago.”",
            "The senator",
            "put",
            "“We make less than we did ten years ago.”",
            "direct",
        ),
        (
            "“She talks down to people she has never met.” ― Rosa Delgado\n",
            "Rosa Delgado",
            "―",
            "“She talks down to people she has never met.”",
            "direct",
        ),
        # a wire dateline is not content
        (
            "SALEM, Ore., March 4 (UPI) — Rural voters are moving right, a new poll found.",
            "a new poll",
            "found",
            "Rural voters are moving right",
            "indirect",
        ),
        # a cue in a prepositional phrase borrows the subject of the verb the phrase modifies
        (
            "The fact-checkers ended their review by announcing that the claim was false.",
            "The fact-checkers",
            "announcing",
            "that the claim was false",
            "indirect",
        ),
        # a time phrase before the complement dates the saying
        (
            "The minister said on Monday the border would stay closed.",
            "The minister",
            "said",
            "the border would stay closed",
            "indirect",
        ),
        # a quoted fragment quotes the subject of the verb above it, whatever the verb
        (
            "Senator Alma Reyes has been steadily pounding the governor as a “fraud artist” ― just as she did"
            " with his predecessor.",
            "Senator Alma Reyes",
            "has been steadily pounding",
            "the governor as a “fraud artist”",
            "mixed",
        ),
        (
            "Bemoaning the “rigged committee,” the mayor accused the chairman of bias.",
            "the mayor",
            "Bemoaning",
            "the “rigged committee,”",
            "mixed",
        ),
        (
            "The governor lauded the nurses for their “quiet heroism” during the storm.",
            "The governor",
            "lauded",
            "the nurses for their “quiet heroism”",
            "mixed",
        ),
        (
            "The mayor asked residents to “stay home and stay safe” this weekend.",
            "The mayor",
            "asked",
            "residents to “stay home and stay safe”",
            "mixed",
        ),
        # "as X put it" attributes the clause it hangs on
        (
            "The only test is a “clean record of service,” as an internal memo put it.",
            "an internal memo",
            "put",
            "The only test is a “clean record of service,”",
            "mixed",
        ),
        ("As the senator put it, the plan is dead.", "the senator", "put", "the plan is dead", "indirect"),
        # after a conjunction that opens the sentence too
        (
            "And as the memo noted, the bridge needs repairs.",
            "the memo",
            "noted",
            "the bridge needs repairs",
            "indirect",
        ),
    ],
)
def test_single_attribution(extractor, text, speaker, cue, quote, kind):
    a = one(extractor, text)
    assert (a.speaker_mention, a.cue, a.quote, a.kind) == (speaker, cue, quote, kind)
    assert text[a.quote_start : a.quote_end] == a.quote
    assert text[a.speaker_start : a.speaker_end] == a.speaker_mention
    assert text[a.cue_start : a.cue_end] == a.cue


def test_split_quote_is_one_attribution_with_two_spans(extractor):
    text = "“We have done our part,” the mayor said, “and now it is up to the state.”"
    (a,) = extractor.extract(text)
    assert [text[s:e] for s, e in a.quote_spans] == ["“We have done our part,”", "“and now it is up to the state.”"]
    assert a.kind == "direct" and a.speaker_mention == "the mayor"


def test_following_quote_in_the_paragraph_continues_the_attribution(extractor):
    text = "“The numbers are bad,” said Ann Cole. “They will get worse before they get better.”"
    (a,) = extractor.extract(text)
    assert len(a.quote_spans) == 2 and a.speaker == "Ann Cole"


def test_floating_quote_takes_the_previous_speaker(extractor):
    text = (
        "Ann Cole, the city's budget director, said revenue had fallen sharply.\n\n"
        "“We have never seen a drop like this in twenty years.”"
    )
    found = extractor.extract(text)
    assert [a.speaker for a in found] == ["Ann Cole", "Ann Cole"]
    assert found[1].kind == "direct" and found[1].cue is None


@pytest.mark.parametrize(
    "text, pieces",
    [
        # the paragraph ends with the cue clause: the quotation of the next paragraph goes on with what was said
        (
            "“The numbers are bad and the reserves are thin,” Ann Cole said.\n\n"
            "“They will get worse before they get better.”",
            [["“The numbers are bad and the reserves are thin,”", "“They will get worse before they get better.”"]],
        ),
        # a sentence of the writer's between: the quotation is a quote of its own
        (
            "“The numbers are bad and the reserves are thin,” Ann Cole said. The council met on Monday.\n\n"
            "“They will get worse before they get better.”",
            [["“The numbers are bad and the reserves are thin,”"], ["“They will get worse before they get better.”"]],
        ),
    ],
)
def test_a_quotation_paragraph_after_the_cue_clause_continues_the_attribution(extractor, text, pieces):
    assert [[text[s:e] for s, e in a.quote_spans] for a in extractor.extract(text)] == pieces


def test_a_quotation_after_a_participle_of_the_speaker_continues_the_quotation_before(extractor):
    # "referring to" borrows the speaker of "said": the quotation after it goes on with the one before
    text = "“The plan is sound and it will work,” Ruiz said, referring to the bridge repairs. “We will start in May.”"
    found = extractor.extract(text)
    assert [(a.cue, [text[s:e] for s, e in a.quote_spans]) for a in found] == [
        ("said", ["“The plan is sound and it will work,”", "“We will start in May.”"]),
        ("referring", ["the bridge repairs"]),
    ]


def test_multi_paragraph_quote_is_one_attribution(extractor):
    text = "The chairman said:\n\n“First we fix the roads.\n\n“Then we fix the schools.”"
    (a,) = extractor.extract(text)
    assert a.quote.startswith("“First") and a.quote.endswith("schools.”") and a.kind == "direct"
    # one piece per paragraph: a content never runs across a line break
    assert [text[s:e] for s, e in a.quote_spans] == ["“First we fix the roads.", "“Then we fix the schools.”"]


def test_coordinated_cues_give_two_attributions(extractor):
    text = "Donald Trump told reporters that the talks were going well and that he believed a deal was close."
    found = extractor.extract(text)
    assert [(a.cue, a.quote) for a in found] == [
        ("told", "that the talks were going well"),
        ("believed", "a deal was close"),
    ]
    assert found[1].speaker == "Donald Trump"


@pytest.mark.parametrize(
    "text",
    [
        "Rubio Says Talks Are Over\n\nThe weather was mild on Tuesday.",  # a headline is not an attribution
        "He said nothing about it.",  # no content
        "The so-called “reform” passed the House.",  # a scare quote is not a statement
        "The said agreement expired in March.",
        "She starred in “The Harbor Lights Hour” for years.",  # a title in quotation marks is a name
        "He put it on the table.",  # "put it" attributes only in "as X put it"
    ],
)
def test_no_attribution(extractor, text):
    assert extractor.extract(text) == []


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker(extractor):
    (a,) = extractor.extract("Tom Reed, who said the deal was done, left early.")
    assert (a.speaker_mention, a.speaker, a.quote) == ("who", "Tom Reed", "the deal was done")


@pytest.mark.parametrize(
    "text", ["The senator called her sister on Friday.", "The report compared the two plants in detail."]
)
def test_characterising_verbs_need_a_predicate(extractor, text):
    assert extractor.extract(text) == []


def test_a_subject_inside_a_quotation_is_no_speaker_for_a_cue_outside_it(extractor):
    # the parser makes "young drivers" the subject of "to say"
    text = (
        "“It is absurd,” Lee said, going on to say that our city spent “years fixing the roads, to tear them up"
        " again, young drivers do not want that.”"
    )
    found = extractor.extract(text)
    assert found and all(a.speaker_mention == "Lee" for a in found)


def test_a_participle_hung_inside_the_content_speaks_for_the_outer_speaker(extractor):
    text = (
        "The mayor told the crowd that his rival “had a foolish plan for the harbor,” adding,"
        " “He lost every vote on the waterfront.”"
    )
    found = extractor.extract(text)
    assert [(a.speaker_mention, a.cue) for a in found] == [("The mayor", "told"), ("The mayor", "adding")]


def test_a_quoted_title_does_not_float_to_a_speaker(extractor):
    text = "Smith said the vote was close.\n\nThe interview aired on “The Evening Desk With Guests.”"
    assert [a.quote for a in extractor.extract(text)] == ["the vote was close"]


def test_quotes_inside_a_quote_are_not_attributions_of_their_own(extractor):
    text = "“I think we should leave, and I said so,” the captain told the crew."
    found = extractor.extract(text)
    assert len(found) == 1 and found[0].speaker_mention == "the captain"


@pytest.mark.parametrize(
    "text, parts",
    [
        # a parenthetical cue: the content is the sentence around it
        ("Over time, several analysts say, the slowdown could spread.", ["Over time", "the slowdown could spread."]),
        ("Instead, Ruiz told reporters, her plan would be to cut fees.", ["her plan would be to cut fees"]),
        # a lone word before a parenthetical cue clause is what was said too
        ("Otherwise, she said, the banks may simply fail.", ["Otherwise", "the banks may simply fail."]),
        (
            "Funding, she noted, has long been a problem for the city.",
            ["Funding", "has long been a problem for the city."],
        ),
        # a cue clause after which what was said goes on in lower case interrupts it: the words before are said too
        ("If the bill fails, she said, “we will start again.”", ["If the bill fails", "“we will start again.”"]),
        ("A slump, he said, “could be a good time to borrow.”", ["A slump", "“could be a good time to borrow.”"]),
        (
            "In other words, the mayor said, the era of cheap rent is over.",
            ["In other words", "the era of cheap rent is over."],
        ),
        # ... but a connective is the writer's link, and a capital opens a sentence of the speaker's own
        ("Still, the mayor said, “we expect a good year.”", ["“we expect a good year.”"]),
        ("Holding up a book, he said, “This is the answer.”", ["“This is the answer.”"]),
        # a medial cue after its complement
        (
            "The proposal would be helped, Okafor said, by the spring calendar.",
            ["The proposal would be helped", "by the spring calendar."],
        ),
        # "as X put it" attributes the clause it modifies, from its subject on
        ("The plan, as he put it, is dead on arrival.", ["The plan", "is dead on arrival"]),
        (
            "While costs rose, the only test is a “clean record of service,” as a memo put it.",
            ["the only test is a “clean record of service,”"],
        ),
    ],
)
def test_parenthetical_and_medial_cues(extractor, text, parts):
    (a,) = extractor.extract(text)
    assert [text[s:e] for s, e in a.quote_spans] == parts


@pytest.mark.parametrize(
    "text, parts",
    [
        # a short quotation opening the next sentence continues the attribution
        ("“I might,” Rosa said to the radio. “I might, Carlos.”", ["“I might,”", "“I might, Carlos.”"]),
        # an unclosed straight quote does not swallow the next paragraph's curly one
        (
            '"Omar was asleep.\n\n“There she goes, dear,” he said. “She is off.”',
            ["“There she goes, dear,”", "“She is off.”"],
        ),
        # the quotation before the cue, not the narrative the parser hung around it
        ("The senator scolded him: “The science is against you,” she said.", ["“The science is against you,”"]),
        # a phrase before the quotation stays with it; a clause of its own does not (above)
        (
            "With hundreds of local boards, “there is no single weak link,” she said.",
            ["With hundreds of local boards, “there is no single weak link,”"],
        ),
        # a second complement clause of the same cue
        (
            "Baker said the mayor has “deep respect” for the police and her remark was a sign of fatigue.",
            ["the mayor has “deep respect” for the police and her remark was a sign of fatigue"],
        ),
        # a verb phrase the parser coordinated with the cue goes on with what was said when its form is not the cue's
        (
            "The mayor said the tax would cost little in the early years, but would eventually add millions.",
            ["the tax would cost little in the early years, but would eventually add millions"],
        ),
        # after the last quotation, a comment set off by a comma, a date or a "during" phrase is the reporter's
        (
            "The senator said the talks “should be finished by spring,” referring to the budget deadline.",
            ["the talks “should be finished by spring,”"],
        ),
        ("The mayor blasted the council as a “circus” Wednesday on a radio show.", ["the council as a “circus”"]),
        (
            "The governor criticized the tax code as a “broken machine” during a stop in Dayton.",
            ["the tax code as a “broken machine”"],
        ),
        # a second quotation under the same verb extends its content; an apposition does not end the object
        (
            "The minister condemned the launch as “reckless” and a “direct threat” to regional peace.",
            ["the launch as “reckless” and a “direct threat” to regional peace"],
        ),
        (
            "Oslo accused the ferry's owner, Nordlys AS, of “gross negligence.”",
            ["the ferry's owner, Nordlys AS, of “gross negligence.”"],
        ),
        # after an earlier quotation, an apposition set off by a dash is a comment; a list of quoted words is not
        (
            "The senator said she would debate the “tax (not) cut” — a play on the phrase “tax cut,”"
            " which her rivals use.",
            ["she would debate the “tax (not) cut”"],
        ),
        (
            "The mayor tweeted that his rival is a “coward,” a “fraud” and a “quitter.”",
            ["that his rival is a “coward,” a “fraud” and a “quitter.”"],
        ),
        (
            'The mayor called his rival a "sore loser," a "cheat," "unstable" and "weak."',
            ['his rival a "sore loser," a "cheat," "unstable" and "weak."'],
        ),
        # a quotation the cue introduces with a colon is the content, not the clause before the cue
        (
            'The governor will use the hearing to make news, Ortiz said: "I expect she has a surprise ready."',
            ['"I expect she has a surprise ready."'],
        ),
        # a relative clause set off at the end of an object is the reporter's aside
        ("The pollster predicted a Lopez win in Ohio, which votes in May.", ["a Lopez win in Ohio"]),
        # at the end of a clause, a "which" or "who" clause set off by a comma that quotes nobody is an aside too
        (
            "The mayor said the agency issued the rules, which the court has put on hold.",
            ["the agency issued the rules"],
        ),
        # a relative pronoun stands for the object: the content starts with it, and the cue clause is cut out
        # (a content never holds its own speaker)
        (
            "She toured the plant, which she described as “like a giant beehive.”",
            ["which", "as “like a giant beehive.”"],
        ),
        # a cue inside a fragment's content is part of the act
        (
            'Ortiz grinned and asked the audience to welcome the governor - "my new partner in this."',
            ['the audience to welcome the governor - "my new partner in this."'],
        ),
        # a participle clause after a comma ends the content wherever the parser hung it
        (
            "The coach told fans he would take it as a “personal snub” if they stayed home, implicitly staking his"
            " reputation on the game.",
            ["he would take it as a “personal snub” if they stayed home"],
        ),
        # a quotation closing on a comma ends the content
        ("Vega said, “That keeps us honest,” when she was asked about audits.", ["“That keeps us honest,”"]),
        # after a verb of effort the infinitive's verb is the act: what was said is its complement
        ("The council tried to show that the plan was popular.", ["that the plan was popular"]),
        # a relative pronoun right before the speaker stands for part of what was said: a piece of its own
        ("Voters rejected the levy, which officials said would fund the schools.", ["which", "would fund the schools"]),
        ("He praised the deal, which he called “a historic step.”", ["which", "“a historic step.”"]),
        # "what he called X" is a noun phrase whole, the object of the act around it
        (
            "The council condemned what the mayor called “a reckless plan.”",
            ["what the mayor called “a reckless plan.”"],
        ),
        # the object of the verb's own preposition takes the that-clause hung on it along; a circumstance does not
        ("The mayor responded to reports that the bridge was unsafe.", ["reports that the bridge was unsafe"]),
        ("The mayor said in a statement that the bridge was unsafe.", ["that the bridge was unsafe"]),
        # so does a verb's object that names a proposition; an attitude is part of the act
        ("The woman disputes the idea that she needed to leave.", ["the idea that she needed to leave"]),
        ("The woman expressed concern that she needed to leave.", ["that she needed to leave"]),
        # the object of the preposition right before the infinitive is whom the act asks: it goes with what was asked
        ("The senator called on the governor to release the records.", ["the governor to release the records"]),
        # an object noun that an "about" phrase follows names the act: what was said is what it is about
        ("The senator raised questions about the new budget.", ["the new budget"]),
        # a time phrase opening the sentence before a final cue dates the event reported, not the saying: it stays
        ("On Monday, the talks collapsed, the minister said.", ["On Monday, the talks collapsed"]),
        (
            "In 2014, crime in the city fell by a third, according to the police.",
            ["In 2014, crime in the city fell by a third"],
        ),
        # a connective opening the content is the writer's link to the story
        ("Still, the new plan will fail, the mayor said.", ["the new plan will fail"]),
        ("Meanwhile, costs have doubled, according to the report.", ["costs have doubled"]),
        # the quotation's own subject before it goes with it
        (
            "The new budget “will not survive the winter,” Okafor said.",
            ["The new budget “will not survive the winter,”"],
        ),
    ],
)
def test_quotation_boundaries(extractor, text, parts):
    a = extractor.extract(text)[-1]
    assert [text[s:e] for s, e in a.quote_spans] == parts


def spans_are_sound(text, a):
    """The record's pieces are in order, apart, and inside its quote, which the text holds."""
    spans = list(a.quote_spans)
    assert text[a.quote_start : a.quote_end] == a.quote
    assert spans and spans[0][0] == a.quote_start and spans[-1][1] == a.quote_end
    assert all(s < e for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))


def test_a_quotation_widened_into_twice_is_one_piece(extractor):
    # capitals make every word a name: the parser hangs the quotation on the cue and the finder took it twice
    text = 'HE G SO,S SAID, "O IS NRE."\nN '
    (a,) = extractor.extract(text)
    spans_are_sound(text, a)
    # the quotation is one piece; the cue clause ",S SAID," is cut out (content never holds its own speaker)
    assert a.quote_spans == ((0, 7), (16, 27))


WORDS = ["HE", "She", "said", "SAID", "told", "the", "mayor", "Ruiz", "plan", "IS", "was", "O", "NRE", "G", "SO"]
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from([",", ".", ":", '"', "“", "”", "\n", "S", "'s"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, min_size=3, max_size=24))
def test_quote_spans_are_sorted_apart_and_inside_the_quote(extractor, pieces):
    text = " ".join(pieces)
    for a in extractor.extract(text):
        spans_are_sound(text, a)


def test_overlapping_parts_merge_and_sort():
    from attrib.find.found import disjoint

    assert disjoint([(16, 26), (0, 27), (30, 35), (35, 40)]) == ((0, 27), (30, 35), (35, 40))
