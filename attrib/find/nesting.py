"""Attributions inside others: a cue inside another's content is part of that report, not one of its own
("The mayor said the governor thinks ..."), and a participle hung inside one borrows its speaker."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import contrast_marks, reporting_verbs
from ..nlp.labels import RELATIVE_TAGS
from .found import Draft, Parts

# a cue inside another's content whose content lies at least this much inside it is part of that report
NESTED_SHARE = 0.5


def inside_same_act(item: Draft, found: list[Draft]) -> bool:
    """ "asked the audience to welcome the governor": a cue inside another's content that borrows that
    cue's very subject is part of the same act, not an attribution of its own (``found``: those of that subject)."""
    return item.cue_token is not None and any(
        f is not item
        and f.speaker_token is not None
        and f.speaker_token == item.speaker_token
        and f.cue_token is not None
        and f.cue_token.i < item.cue_token.i
        and any(p[0] <= item.cue_token.idx < p[1] for p in f.content)
        for f in found
    )


def without_nested(found: list[Draft]) -> list[Draft]:
    """Less the attributions whose cue stands inside another's content and whose own content mostly lies
    inside it too ("The mayor said the governor thinks the bridge is safe"): the outer report is the
    attribution, as PolNeAR annotates it; "According to X, Y said Z" keeps Y's, which is the statement, and so
    do "the deal, which he called X", whose relative pronoun stands for a piece of what was said, and "..., while
    others said Y"."""
    parts = Parts(found, keep=lambda f: not _is_according(f))
    out = []
    for k, item in enumerate(found):
        if _opens_with_relative(item):
            out.append(item)  # "the deal, which he called “a step”": annotated as an act of its own
            continue
        at = item.cue_token.idx if item.cue_token is not None else -1
        around = parts.meeting(at, at + 1)
        outer = [j for j in around if j != k and _share_inside(item.content, found[j].content) >= NESTED_SHARE]
        cuts = {j: _contrast_start(item, found[j]) for j in outer}
        if all(cuts.values()):
            out.append(item)
        for j, at in cuts.items():
            if at is not None:
                _cut_before(found[j], at)  # what the first speaker said ends where the contrast or second act opens
    return out


def _contrast_start(item: Draft, outer: Draft) -> int | None:
    """Where a clause of contrast or a second act of the outer speaker opens inside the outer content."""
    clause = _contrast_clause(item, outer)
    if clause is not None:
        return clause.left_edge.idx
    return _second_act(item, outer)


def _second_act(item: Draft, outer: Draft) -> int | None:
    """ "said she had paid her taxes and called on her rival to do the same": a verb of saying in the cue's own form,
    coordinated without a subject inside the content, is a second act of the outer speaker the parser hung on the
    content's verb; it speaks with the outer speaker, and the outer content ends where it opens."""
    cue, first = item.cue_token, outer.cue_token
    if (
        cue is None
        or first is None
        or cue.dep_ != "conj"
        or cue.i < first.i
        or cue.tag_ != first.tag_
        or not _is_saying(cue)
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    ):
        return None
    links = [c for c in cue.head.children if c.dep_ == "cc" and c.i < cue.i]
    item.speaker, item.speaker_token = outer.speaker, outer.speaker_token
    return links[-1].idx if links else cue.left_edge.idx


def _cut_before(item: Draft, at: int) -> None:
    """The content less everything from ``at`` on, and the comma or space before it."""
    text = item.cue_token.doc.text
    pieces = []
    for start, end in item.content:
        end = min(end, at)
        while end > start and text[end - 1] in " ,;-—–":
            end -= 1
        if end > start:
            pieces.append((start, end))
    item.content[:] = pieces or item.content


def _is_saying(verb: Token) -> bool:
    """A listed verb of saying (a belief or wish coordinated in a content is part of what was said)."""
    entry = reporting_verbs().get(verb.lemma_.lower())
    return entry is not None and entry.kind == "speech"


def _contrast_clause(item: Draft, outer: Draft) -> Token | None:
    """ "Some voters said A, while others said B": a cue with its own subject in a clause of contrast the parser
    hung inside another's content speaks for itself (train four fifths: 58% of the records kept match gold); the
    clause's verb."""
    cue = item.cue_token
    if cue is None or outer.cue_token is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    verb = cue
    while verb != outer.cue_token and verb.head != verb:
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in contrast_marks() for c in verb.children):
            return verb
        verb = verb.head
    return None


def _opens_with_relative(item: Draft) -> bool:
    """Whether the content's first piece is the relative pronoun before its cue clause (content.relative_pronoun)."""
    if item.cue_token is None:
        return False
    start, end = item.content[0]
    piece = item.cue_token.doc.char_span(start, end)
    return piece is not None and len(piece) == 1 and piece[0].tag_ in RELATIVE_TAGS


def _is_according(item: Draft) -> bool:
    return item.cue_token is not None and item.cue_token.lower_ == "according"


def _share_inside(parts: list[tuple[int, int]], outer: list[tuple[int, int]]) -> float:
    """The share of the characters of ``parts`` that lie inside ``outer``."""
    inside = sum(max(0, min(b, d) - max(a, c)) for a, b in parts for c, d in outer)
    return inside / max(1, sum(b - a for a, b in parts))


def borrow_outer_speakers(found: list[Draft]) -> None:
    """ "The mayor told them his rival “had a foolish plan,” adding, “…”": a participle the parser hung inside
    another attribution's content borrows its subject from there; the speaker is that attribution's."""
    parts = Parts(found)
    for k, item in enumerate(found):
        cue, lent = item.cue_token, item.speaker_token
        if cue is None or lent is None or lent.head == cue or cue.dep_ not in ("advcl", "xcomp", "conj"):
            continue
        around = parts.meeting(lent.idx, lent.idx + 1)
        outer = [j for j in around if j != k and found[j].cue_token is not None and found[j].cue_token.i < cue.i]
        if outer:
            first = found[min(outer)]  # the first in text order, as the records are sorted
            item.speaker, item.speaker_token = first.speaker, first.speaker_token
