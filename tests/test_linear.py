"""attrib's own stages stay linear in the article's length, also on quote-dense and deeply nested input.

Texts are invented. The time limits are many times what the linear code takes and a fraction of what a
stage that walks the rest of the article once per quotation took.
"""

from __future__ import annotations

import time

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from attrib.find.content import cut_after_last_quote
from attrib.find.continuations import has_subject
from attrib.find.fragments import _last_token
from attrib.find.quotes import Quotations, quoted_spans
from attrib.find.suffix_heads import SuffixHeads
from attrib.pipeline import MAX_SENTENCE_TOKENS

SENTENCES = [
    "The mayor said the plan was “a mess,” adding that she would vote against it.",
    "Critics called the bill “reckless” and a “direct threat,” which the senator denied.",
    "“We will win,” he told reporters on Monday, “and we will win big.”",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_heads_of_every_suffix_are_those_a_walk_of_the_suffix_finds(parse, text):
    doc = parse(text)
    heads = SuffixHeads(doc, 0, len(doc), lambda t: not t.is_punct, has_subject)
    for a in range(len(doc)):
        rest = doc[a:]
        walked = [t for t in rest if not t.is_punct and (t.head == t or not rest.start <= t.head.i < rest.end)]
        assert heads.first_head(a) == (walked[0].i if walked else None)
        assert heads.any_passing(a) == any(has_subject(t) for t in walked)


def test_cutting_after_the_last_quotation_is_linear_in_the_quotations(nlp):
    text = "He said “" * 3000 + "done"
    doc = nlp.make_doc(text)  # tokens only: every token is its own head, so every suffix is all heads
    quotes = Quotations(quoted_spans(text))
    assert len(quotes) > 1000
    started = time.perf_counter()
    assert cut_after_last_quote(doc, 0, len(text), quotes) == len(text)
    assert time.perf_counter() - started < 5  # about 0.1 s; the walk per quotation took minutes


def test_the_end_of_a_fragments_argument_is_found_in_one_pass_over_a_deep_tree():
    n = 20_000
    # a chain: each word hangs on the one before it, so the first word's subtree is 20,000 deep
    doc = Doc(Vocab(), words=["w"] * n, heads=[0, *range(n - 1)], deps=["ROOT"] + ["dep"] * (n - 1))
    started = time.perf_counter()
    assert _last_token(doc[0], 0) == n - 1
    assert time.perf_counter() - started < 2  # 0.01 s; spaCy's Token.subtree took about 18 s here


@pytest.mark.parametrize(
    "text",
    ["He said “" * 600, "The mayor spoke, and the council listened, " * 200, "One more word. " + "word " * 700],
    ids=["quotes", "commas", "words"],
)
def test_no_sentence_runs_past_twice_the_cap_so_subtrees_stay_short(parse, text):
    doc = parse(text)
    assert max(len(s) for s in doc.sents) <= 2 * MAX_SENTENCE_TOKENS + 1


def test_a_long_paragraph_is_cut_after_a_full_stop_past_the_cap(parse):
    sentence = "The council met on Monday and the mayor said the bridge would open in the spring of next year . "
    doc = parse(sentence * 40)
    starts = [s.start for s in doc.sents]
    assert all(doc[i - 1].text == "." for i in starts[1:])
