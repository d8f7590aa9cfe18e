"""Rule tests on hand-built Docs: every word's tag, head and relation written out, so that what is
tested is the rule, never the statistical parser (a new model cannot break these; spaCy's own tests
do the same). Sentences are our own invention."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from attrib.find.content import clause_content
from attrib.find.cues import find_cues
from attrib.find.finder import find_attributions
from attrib.find.fragments import fragment_cue
from attrib.find.frames import MAX_CLAUSE_TOKENS, cue_tokens
from attrib.find.quotes import Quotations, quoted_spans
from attrib.find.subjects import speaker_root
from attrib.nlp.spans import entities_touching, ents_in, sentence, subtree_range, text_of

VOCAB = spacy.blank("en").vocab
# no space before these tokens, none after the opening mark
_CLOSE = {",", ".", ":", ";", "”", "'s", "’s", "?", "!"}


def build(spec: str, ents: dict[tuple[int, int], str] | None = None) -> Doc:
    """A Doc from lines of ``word POS TAG dep head [lemma]`` (head: the absolute token index)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in _CLOSE and words[i] != "“" for i in range(len(words))]
    iob = ["O"] * len(words)
    for (start, end), label in (ents or {}).items():
        iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
        ents=iob,
    )


def span_text(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text_of(doc)[span[0] : span[1]]


def only_cue(doc: Doc):
    cues = list(find_cues(doc))
    assert len(cues) == 1, cues
    return cues[0]


def attributions(doc: Doc) -> list[tuple[str | None, str, str | None, str]]:
    """(speaker, content, cue, kind) of every attribution the finder gives."""
    text = text_of(doc)
    return [
        (span_text(doc, f.speaker), text[f.start : f.end], span_text(doc, f.cue), f.kind)
        for f in find_attributions(doc)
    ]


SAID_THAT = """
The DET DT det 1
mayor NOUN NN nsubj 2
said VERB VBD ROOT 2 say
that SCONJ IN mark 7
the DET DT det 5
bridge NOUN NN nsubj 7
would AUX MD aux 7
reopen VERB VB ccomp 2 reopen
in ADP IN prep 7
May PROPN NNP pobj 8
. PUNCT . punct 2
"""

URGED_TO = """
The DET DT det 1
senator NOUN NN nsubj 2
urged VERB VBD ROOT 2 urge
the DET DT det 4
governor NOUN NN dobj 2
to PART TO aux 6
release VERB VB xcomp 2 release
the DET DT det 8
emails NOUN NNS dobj 6
. PUNCT . punct 2
"""

VOWED_TO = """
The DET DT det 1
president NOUN NN nsubj 2
vowed VERB VBD ROOT 2 vow
to PART TO aux 4
veto VERB VB xcomp 2 veto
the DET DT det 6
measure NOUN NN dobj 4
. PUNCT . punct 2
"""

QUOTE_FIRST = """
“ PUNCT `` punct 8
We PRON PRP nsubj 3
will AUX MD aux 3
win VERB VB ccomp 8 win
, PUNCT , punct 8
” PUNCT '' punct 8
the DET DT det 7
coach NOUN NN nsubj 8
said VERB VBD ROOT 8 say
. PUNCT . punct 8
"""

ACCORDING_TO = """
The DET DT det 1
plant NOUN NN nsubj 3
will AUX MD aux 3
close VERB VB ROOT 3 close
, PUNCT , punct 3
according VERB VBG prep 3 accord
to ADP IN prep 5
two NUM CD nummod 8
officials NOUN NNS pobj 6
. PUNCT . punct 3
"""

NOUN_CLAIM = """
Ruiz PROPN NNP poss 2
's PART POS case 0
claim NOUN NN nsubj 8
that SCONJ IN mark 7
the DET DT det 5
vote NOUN NN nsubjpass 7
was AUX VBD auxpass 7 be
rigged VERB VBN acl 2 rig
was AUX VBD ROOT 8 be
false ADJ JJ acomp 8
. PUNCT . punct 8
"""

BECAUSE = """
The DET DT det 1
mayor NOUN NN nsubj 2
said VERB VBD ROOT 2 say
the DET DT det 4
plan NOUN NN nsubj 5
failed VERB VBD ccomp 2 fail
because SCONJ IN mark 9
the DET DT det 8
council NOUN NN nsubj 9
balked VERB VBD advcl 2 balk
. PUNCT . punct 2
"""

ON_MONDAY = """
The DET DT det 1
mayor NOUN NN nsubj 2
said VERB VBD ROOT 2 say
on ADP IN prep 7
Monday PROPN NNP pobj 3
the DET DT det 6
talks NOUN NNS nsubj 7
were AUX VBD ccomp 2 be
over ADV RB advmod 7
. PUNCT . punct 2
"""

AND_BELIEVED = """
Ruiz PROPN NNP nsubj 1
said VERB VBD ROOT 1 say
the DET DT det 3
plan NOUN NN nsubj 4
works VERB VBZ ccomp 1 work
and CCONJ CC cc 4
he PRON PRP nsubj 7
believed VERB VBD conj 4 believe
the DET DT det 9
rest NOUN NN nsubj 11
would AUX MD aux 11
follow VERB VB ccomp 7 follow
. PUNCT . punct 1
"""

CONTRADICTING = """
The DET DT det 1
senator NOUN NN nsubj 2
said VERB VBD ROOT 2 say
the DET DT det 4
bill NOUN NN nsubj 5
was AUX VBD ccomp 2 be
dead ADJ JJ acomp 5
, PUNCT , punct 5
contradicting VERB VBG advcl 5 contradict
the DET DT det 10
governor NOUN NN dobj 8
. PUNCT . punct 2
"""

WHICH_VOTES = """
Lopez PROPN NNP nsubj 1
predicted VERB VBD ROOT 1 predict
a DET DT det 3
win NOUN NN dobj 1
in ADP IN prep 3
Ohio PROPN NNP pobj 4
, PUNCT , punct 3
which PRON WDT nsubj 8
votes VERB VBZ relcl 3 vote
in ADP IN prep 8
May PROPN NNP pobj 9
. PUNCT . punct 1
"""

INVERTED = """
The DET DT det 1
talks NOUN NNS nsubj 3
have AUX VBP aux 3
stalled VERB VBN ccomp 5 stall
, PUNCT , punct 5
said VERB VBD ROOT 5 say
Maria PROPN NNP compound 7
Lopez PROPN NNP nsubj 5
. PUNCT . punct 5
"""

SAYING = """
The DET DT det 1
mayor NOUN NN nsubj 2
declined VERB VBD ROOT 2 decline
to PART TO aux 4
comment VERB VB xcomp 2 comment
, PUNCT , punct 2
saying VERB VBG advcl 2 say
the DET DT det 8
case NOUN NN nsubj 9
was AUX VBD ccomp 6 be
open ADJ JJ acomp 9
. PUNCT . punct 2
"""

POUNDING = """
The DET DT det 1
senator NOUN NN nsubj 4
has AUX VBZ aux 4
been AUX VBN aux 4
pounding VERB VBG ROOT 4 pound
the DET DT det 6
governor NOUN NN dobj 4
as ADP IN prep 4
a DET DT det 11
“ PUNCT `` punct 11
fraud NOUN NN compound 11
artist NOUN NN pobj 7
” PUNCT '' punct 11
for ADP IN prep 4
weeks NOUN NNS pobj 13
. PUNCT . punct 4
"""

ANALYSTS_SAY = """
Costs NOUN NNS nsubj 2
will AUX MD aux 2
fall VERB VB ROOT 2 fall
, PUNCT , punct 6
several ADJ JJ amod 5
analysts NOUN NNS nsubj 6
say VERB VBP parataxis 2 say
, PUNCT , punct 6
over ADP IN prep 2
time NOUN NN pobj 8
. PUNCT . punct 2
"""

REPEATEDLY = """
The DET DT det 1
mayor NOUN NN nsubj 4
has AUX VBZ aux 4
repeatedly ADV RB advmod 4
said VERB VBN ROOT 4 say
the DET DT det 6
budget NOUN NN nsubjpass 8
is AUX VBZ auxpass 8 be
balanced VERB VBN ccomp 4 balance
. PUNCT . punct 4
"""

CRITICIZED_FOR = """
The DET DT det 1
mayor NOUN NN nsubj 2
criticized VERB VBD ROOT 2 criticize
the DET DT det 4
council NOUN NN dobj 2
for ADP IN prep 2
delaying VERB VBG pcomp 5 delay
the DET DT det 8
vote NOUN NN dobj 6
. PUNCT . punct 2
"""

WHO_ARGUE = """
Economists NOUN NNS nsubj 8
who PRON WP nsubj 2
argue VERB VBP relcl 0 argue
the DET DT det 4
tax NOUN NN nsubj 5
is AUX VBZ ccomp 2 be
unfair ADJ JJ acomp 5
, PUNCT , punct 8
met VERB VBD ROOT 8 meet
on ADP IN prep 8
Monday PROPN NNP pobj 9
. PUNCT . punct 8
"""

ROADS_REMAIN = """
The DET DT det 1
roads NOUN NNS nsubj 2
remain VERB VBP ROOT 2 remain
“ PUNCT `` punct 4
safe ADJ JJ acomp 2
” PUNCT '' punct 4
this DET DT det 7
winter NOUN NN npadvmod 2
. PUNCT . punct 2
"""

ANA_RUIZ = """
Ana PROPN NNP compound 1
Ruiz PROPN NNP nsubj 2
said VERB VBD ROOT 2 say
the DET DT det 4
talks NOUN NNS nsubj 5
were AUX VBD ccomp 2 be
over ADV RB advmod 5
. PUNCT . punct 2
"""


# --- cue frames -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "spec, cue, frame, content_root, speaker",
    [
        (SAID_THAT, "said", "that", "reopen", "mayor"),  # a complement clause
        (URGED_TO, "urged", "obj", "governor", "senator"),  # an object with its infinitive: the object opens it
        (VOWED_TO, "vowed", "to", "veto", "president"),  # an infinitive alone
        (QUOTE_FIRST, "said", "that", "win", "coach"),  # the quotation parsed as the verb's clause
        (ACCORDING_TO, "according", "according", "close", "officials"),  # "according to" speaks for its object
        (NOUN_CLAIM, "claim", "that", "rigged", "Ruiz"),  # a statement noun with its possessor
        (CRITICIZED_FOR, "criticized", "obj", "council", "mayor"),  # an object completed by a preposition
    ],
)
def test_cue_frame(spec, cue, frame, content_root, speaker):
    found = only_cue(build(spec))
    assert (found.token.text, found.frame, found.content.text, found.speaker.text) == (
        cue,
        frame,
        content_root,
        speaker,
    )


def test_a_verb_off_the_list_is_no_cue():
    doc = build(SAID_THAT.replace("said VERB VBD ROOT 2 say", "baked VERB VBD ROOT 2 bake"))
    assert list(find_cues(doc)) == []


def test_a_pronoun_object_is_no_content():
    # "He announced it.": talk about talk
    doc = build("""
He PRON PRP nsubj 1
announced VERB VBD ROOT 1 announce
it PRON PRP dobj 1
. PUNCT . punct 1
""")
    assert only_cue(doc).frame == "quote"


def test_cue_tokens_take_auxiliaries_and_adverbs_in_front():
    cue = only_cue(build(REPEATEDLY))
    assert " ".join(t.text for t in cue_tokens(cue.token)) == "has repeatedly said"


def test_speaker_of_a_participle_is_its_lenders_subject():
    doc = build(SAYING)
    assert speaker_root(doc[6]).text == "mayor"  # "declined to comment, saying ...": the mayor says


def test_of_two_subjects_a_named_person_beats_a_glued_subhead():
    # "THE LOANS Back then, Mr. Pike said ...": the parser gives "said" the subhead as a second subject
    doc = build(
        """
THE DET DT det 1
LOANS NOUN NN nsubj 7 loans
Back ADV RB advmod 1
then ADV RB advmod 2
, PUNCT , punct 7
Mr. PROPN NNP compound 6
Pike PROPN NNP nsubj 7
said VERB VBD ROOT 7 say
it PRON PRP nsubj 9
rained VERB VBD ccomp 7 rain
. PUNCT . punct 7
""",
        {(5, 7): "PERSON"},
    )
    assert speaker_root(doc[7]).text == "Pike"


def test_speaker_of_a_relative_clause_is_the_noun_it_modifies():
    doc = build(WHO_ARGUE)
    assert speaker_root(doc[2]).text == "Economists"  # "who" stands for "Economists"


def test_a_clause_past_the_limit_is_left_out():
    # "X said that X said that ... it rained.": the outer cues' content clauses are longer than any sentence
    depth = MAX_CLAUSE_TOKENS // 3 + 2
    rows = []
    for k in range(depth):
        base = 3 * k
        rows += [
            f"X PROPN NNP nsubj {base + 1}",
            f"said VERB VBD {'ROOT' if k == 0 else 'ccomp'} {base - 2 if k else 1} say",
            f"that SCONJ IN mark {base + 4}",
        ]
    rows += [
        f"it PRON PRP nsubj {3 * depth + 1}",
        f"rained VERB VBD ccomp {3 * depth - 2} rain",
        f". PUNCT . punct {3 * depth + 1}",
    ]
    doc = build("\n".join(rows))
    found = find_attributions(doc)
    assert 0 < len(found) < depth
    assert all(f.end - f.start < MAX_CLAUSE_TOKENS * len("X said that ") for f in found)


# --- content cuts ---------------------------------------------------------------------------------
def content_of(spec: str, ents=None) -> str | None:
    doc = build(spec, ents)
    cue = next(find_cues(doc))  # the first cue of the sentence
    ids = {t.i for t in cue.tokens} | {t.i for t in cue.speaker.subtree}
    return span_text(doc, clause_content(doc, cue, ids, Quotations(quoted_spans(text_of(doc))), None))


def test_content_is_the_complement_clause_with_its_that():
    assert content_of(SAID_THAT) == "that the bridge would reopen in May"


def test_reason_clause_on_the_cue_belongs_to_the_content():
    assert content_of(BECAUSE) == "the plan failed because the council balked"


def test_time_phrase_before_the_clause_dates_the_saying_not_the_content():
    assert content_of(ON_MONDAY, {(4, 5): "DATE"}) == "the talks were over"


def test_a_time_phrase_without_a_date_stays_in_the_content():
    # the same words with no DATE entity: "on Monday" is not known to be a time
    assert content_of(ON_MONDAY) == "on Monday the talks were over"


def test_a_coordinated_clause_with_its_own_cue_is_cut():
    assert content_of(AND_BELIEVED) == "the plan works"


def test_a_trailing_participle_set_off_by_a_comma_is_cut():
    assert content_of(CONTRADICTING) == "the bill was dead"


def test_a_relative_clause_after_an_object_is_the_reporters_aside():
    assert content_of(WHICH_VOTES, {(5, 6): "GPE", (10, 11): "DATE"}) == "a win in Ohio"


def test_an_object_takes_its_infinitive():
    assert content_of(URGED_TO) == "the governor to release the emails"


def test_an_object_takes_its_completing_preposition():
    assert content_of(CRITICIZED_FOR) == "the council for delaying the vote"


def test_a_quotation_the_content_touches_is_taken_whole():
    doc = build(QUOTE_FIRST)
    cue = only_cue(doc)
    ids = {t.i for t in cue.tokens} | {t.i for t in cue.speaker.subtree}
    assert (
        span_text(doc, clause_content(doc, cue, ids, Quotations(quoted_spans(text_of(doc))), None)) == "“We will win,”"
    )


# --- whole attributions: speaker spans and kinds --------------------------------------------------
def test_reported_speech():
    assert attributions(build(SAID_THAT)) == [("The mayor", "that the bridge would reopen in May", "said", "indirect")]


def test_direct_quote_before_its_cue():
    assert attributions(build(QUOTE_FIRST)) == [("the coach", "“We will win,”", "said", "direct")]


def test_inverted_cue_after_the_content():
    found = attributions(build(INVERTED, {(6, 8): "PERSON"}))
    assert found == [("Maria Lopez", "The talks have stalled", "said", "indirect")]


def test_speaker_span_never_cuts_a_name_in_two():
    # the parse makes only "Ruiz" the subject; the PERSON entity keeps "Ana" with it
    doc = build(ANA_RUIZ.replace("Ana PROPN NNP compound 1", "Ana PROPN NNP npadvmod 2"), {(0, 2): "PERSON"})
    assert attributions(doc)[0][0] == "Ana Ruiz"


def test_according_to_speaker_and_content():
    assert attributions(build(ACCORDING_TO)) == [("two officials", "The plant will close", "according to", "indirect")]


def test_parenthetical_cue_takes_the_clause_around_it():
    doc = build(ANALYSTS_SAY)
    (found,) = find_attributions(doc)
    assert span_text(doc, found.speaker) == "several analysts"
    assert [text_of(doc)[a:b] for a, b in found.content] == ["Costs will fall", "over time."]


def test_coordinated_cues_give_one_attribution_each():
    assert attributions(build(AND_BELIEVED)) == [
        ("Ruiz", "the plan works", "said", "indirect"),
        ("he", "the rest would follow", "believed", "indirect"),
    ]


def test_relative_pronoun_is_the_speaker_mention():
    found = attributions(build(WHO_ARGUE, {(9, 10): "DATE"}))
    assert found and found[0][0] == "who"


def test_a_cue_without_a_speaker_gives_nothing():
    doc = build(SAID_THAT.replace("mayor NOUN NN nsubj 2", "mayor NOUN NN npadvmod 2"))
    assert attributions(doc) == []


def test_a_cue_inside_a_quotation_is_not_an_attribution_of_its_own():
    doc = build("""
“ PUNCT `` punct 2
He PRON PRP nsubj 2
said VERB VBD ROOT 2 say
no DET DT det 4
deal NOUN NN dobj 2
” PUNCT '' punct 2
""")
    assert attributions(doc) == []


# --- quoted fragments -----------------------------------------------------------------------------
def test_fragment_quotes_the_subject_of_the_verb_above_it():
    doc = build(POUNDING, {(14, 15): "DATE"})
    (quote,) = quoted_spans(text_of(doc))
    cue, (start, end) = fragment_cue(doc, quote)
    assert (cue.token.text, cue.speaker.text, text_of(doc)[start:end]) == (
        "pounding",
        "senator",
        "the governor as a “fraud artist”",
    )


def test_fragment_under_a_linking_verb_quotes_nobody():
    doc = build(ROADS_REMAIN, {(6, 8): "DATE"})
    (quote,) = quoted_spans(text_of(doc))
    assert fragment_cue(doc, quote) is None


def test_fragment_becomes_a_mixed_attribution():
    found = attributions(build(POUNDING, {(14, 15): "DATE"}))
    assert found == [("The senator", "the governor as a “fraud artist”", "has been pounding", "mixed")]


# --- spans ----------------------------------------------------------------------------------------
def test_sentence_is_found_by_its_starts():
    doc = Doc(VOCAB, words=["A", "b", ".", "C", "d", "."], sent_starts=[True, False, False, True, False, False])
    assert (sentence(doc[1]).start, sentence(doc[1]).end, sentence(doc[4]).start, sentence(doc[4]).end) == (0, 3, 3, 6)


def test_ents_in_gives_only_entities_wholly_inside():
    doc = build(INVERTED, {(6, 8): "PERSON", (1, 2): "ORG"})
    assert [e.text for e in ents_in(doc[5:8])] == ["Maria Lopez"]
    assert [e.text for e in ents_in(doc[7:9])] == []  # "Lopez ." holds half of the name


def test_entities_touching_a_character_range():
    doc = build(INVERTED, {(6, 8): "PERSON", (1, 2): "ORG"})
    start = text_of(doc).index("Lopez")
    assert [e.label for e in entities_touching(doc, start, start + 1)] == ["PERSON"]
    assert entities_touching(doc, 0, 3) == ()  # "The"


def test_subtree_range_stops_at_an_excluded_token_and_a_separator():
    doc = build(CONTRADICTING)
    start, end = subtree_range(doc[5], {8})  # the clause under "was", short of the participle
    assert text_of(doc)[start:end] == "the bill was dead"


# ", Ms. Ortiz said," hung on the subject noun before it, not on the clause's verb
MEDIAL_ON_SUBJECT = """
The DET DT det 1
slogan NOUN NN nsubj 7
, PUNCT , punct 5
Ms. PROPN NNP compound 4
Ortiz PROPN NNP nsubj 5
said VERB VBD parataxis 1 say
, PUNCT , punct 5
appeared VERB VBD ROOT 7 appear
on ADP IN prep 7
every DET DT det 10
poster NOUN NN pobj 8
. PUNCT . punct 7
"""


def test_a_medial_cue_clause_hung_on_the_subject_reports_the_sentence_around_it():
    doc = build(MEDIAL_ON_SUBJECT, {(3, 5): "PERSON"})
    assert [(s, c, k) for s, c, _, k in attributions(doc)] == [
        ("Ms. Ortiz", "The slogan, Ms. Ortiz said, appeared on every poster.", "indirect")
    ]
