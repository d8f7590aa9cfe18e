"""The cue clause beside or inside what was said: a parenthetical or medial cue ("Over time, several analysts
say, costs will fall"), the relative pronoun before it that stands for a piece of what was said, and the cue
clause cut out of a content, which never holds its own speaker."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import connectives, reporting_verbs
from ..nlp.labels import CLAUSE_SUBJECTS, RELATIVE_TAGS
from ..nlp.spans import EDGE_PUNCT, after_comma, sentence, text_of, trim
from .cues import Cue

# white space and opening quotation marks before the first word of what follows a cue clause
OPENING_MARKS = " \t\u00a0\"“‘'`"


def around_clause(doc: Doc, root: Token, clause_ids: set[int]) -> list[tuple[int, int]]:
    """The clause of ``root`` on either side of the cue clause, as up to two trimmed parts; even a lone word before
    it ("Funding, Ruiz told reporters, ...", "Otherwise, she said, ...") is part of what was said."""
    text = text_of(doc)
    lo, hi = min(clause_ids), max(clause_ids)
    sent = sentence(root)
    parts = []
    for a, b in ((sent.start, lo), (hi + 1, sent.end)):
        if b > a:
            start, end = trim(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
            if end - start > 1:
                parts.append((start, end))
    return parts


def as_clause_content(doc: Doc, root: Token, clause_ids: set[int]) -> list[tuple[int, int]]:
    """ "while costs rose, the only test is a “clean record,” as a memo put it": the clause the "as" clause
    modifies, from its subject on; what leads into it is not what the memo said."""
    subjects = [c for c in root.lefts if c.dep_ in CLAUSE_SUBJECTS]
    start = subjects[0].left_edge.i if subjects else root.left_edge.i
    lo, hi = min(clause_ids), max(clause_ids)
    text = text_of(doc)
    parts = []
    for a, b in ((start, min(lo - 1, root.right_edge.i)), (max(hi + 1, start), root.right_edge.i)):
        if a <= b:
            span = trim(text, doc[a].idx, doc[b].idx + len(doc[b].text), EDGE_PUNCT | {"."})
            if span[1] - span[0] > 1:
                parts.append(span)
    return parts


def sentence_after_clause(doc: Doc, clause: list[Token], cue: Cue) -> tuple[int, int] | None:
    """The rest of the sentence after a medial cue clause set off by commas, when it holds no cue of its own."""
    end = clause[-1].i
    sent = sentence(cue.token)
    if end + 2 >= sent.end or doc[end + 1].text != "," or doc[clause[0].i - 1].text != ",":
        return None
    rest = doc[end + 2 : sent.end]
    if any(t.lemma_.lower() in reporting_verbs() and t.pos_ == "VERB" for t in rest) or any(
        t.dep_ == "nsubj" for t in rest
    ):
        return None
    start, stop = trim(text_of(doc), rest.start_char, rest.end_char)
    return (start, stop) if stop - start > 1 else None


def relative_pronoun(cue: Cue, first: int) -> Token | None:
    """ "the levy, which officials said would fund the schools": a relative pronoun before the cue clause (which
    starts at token ``first``) stands for a part of what was said, and the annotators take it in as a piece."""
    if first == 0:
        return None
    token = cue.token.doc[first - 1]  # right before the speaker: "which officials said", not a clause away
    inside = cue.content is not None and cue.content.left_edge.i <= token.i <= cue.content.right_edge.i
    if token.tag_ in RELATIVE_TAGS and (
        inside and token in cue.content.subtree or token.head == cue.token and token.dep_ == "dobj"
    ):
        return token
    return None


def without_speaker(
    text: str, parts: list[tuple[int, int]], speaker: int, clause: tuple[int, int], medial: bool
) -> list[tuple[int, int]]:
    """Content never holds its own speaker: the cue clause (``clause``, character offsets) is cut out of the part
    that holds the speaker; what stands before it stays only when the cue is medial ("It was, the president said,
    “…”"), else the content is what follows the cue."""
    out = []
    for start, end in parts:
        if not start <= speaker < end:
            out.append((start, end))
            continue
        pieces = ([(start, clause[0])] if medial else []) + [(clause[1], end)]
        out.extend(p for p in (trim(text, a, b) for a, b in pieces) if p[1] - p[0] > 1)
    return out


def sentence_before_clause(doc: Doc, clause: list[Token], parts: list[tuple[int, int]]) -> tuple[int, int] | None:
    """ "In other words, he said, “the era is over”", "If the bill fails, she said, “we start again”": a cue clause
    set off by commas in mid-sentence, after which what was said goes on in lower case, interrupts one sentence of
    it, so the words before the clause begin what was said (a capital after it starts a sentence of its own:
    "Holding up a book, he said, “This is it”"). None when the content already holds words before the clause."""
    first, last = clause[0], clause[-1]
    sent = sentence(first)
    if first.i <= sent.start or last.i + 1 >= sent.end or doc[last.i + 1].text not in (",", ":"):
        return None
    text = text_of(doc)
    if not after_comma(first) or any(start < first.idx for start, _ in parts):
        return None
    # what was said must go on right after the clause, in lower case
    opening = len(text) - len(text[doc[last.i + 1].idx + 1 :].lstrip(OPENING_MARKS))
    if not text[opening : opening + 1].islower() or not any(start <= opening < end for start, end in parts):
        return None
    # a verb of saying before the clause reports something else ("which, his advisers believe, ...")
    if any(t.lemma_.lower() in reporting_verbs() for t in doc[sent.start : first.i]):
        return None
    front = trim(text, doc[sent.start].idx, first.idx)
    # "Still, she added, “…”": a connective alone is the writer's link to the story
    if text[front[0] : front[1]].lower() in connectives():
        return None
    return front if front[1] - front[0] > 1 else None
