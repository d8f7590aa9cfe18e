"""Content: the words a cue reports, cut from its clause or object and widened to quotations.

A cue's content is its complement clause (or object), less what the parse hangs there that is
not what was said: a coordinated clause with a cue of its own, a trailing participle, a time
phrase that dates the saying, a comment set off after the last quotation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon import connectives, effort_verbs, event_nouns, proposition_nouns, reporting_verbs
from ..nlp.labels import (
    CLAUSE_SUBJECTS,
    COMMENTS,
    OBJECT_PREPOSITIONS,
    SUBJECTS,
    TIME_ENTITIES,
)
from ..nlp.spans import after_comma, subtree_range, text_of, trim
from .continuations import continuations, has_subject, opens_condition, reason_clause, same_form
from .cues import Cue, object_of
from .quotes import Quotations
from .suffix_heads import SuffixHeads

# thought verbs that report a statement as readily as "say" does
SPEAKING_THOUGHTS = {"believe", "think"}
# prepositions that join a verb to what its act is about: "responded to", "glossed over", "bristled at"
TOPIC_PREPOSITIONS = frozenset({"to", "over", "upon", "at", "about", "against", "with"})
# relative pronouns that open the reporter's aside at the end of a content clause
ASIDE_RELATIVES = frozenset({"which", "who"})
# prepositions that join a verb to whom it asks something of: "called on X to", "pleaded with X to", "asked for X to"
ADDRESSEE_PREPOSITIONS = frozenset({"on", "upon", "for", "against", "with", "to"})
# no connective of models/connectives.txt is longer ("at the same time")
MAX_CONNECTIVE_CHARS = 24
# a comma or dash right after a quotation sets off what follows it
_SET_OFF = re.compile(r"\s*[,—–]|\s*-\s")


def clause_content(
    doc: Doc, cue: Cue, clause_ids: set[int], quotes: Quotations, before: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The content a cue's clause or object gives, widened to the quotations it touches."""
    text = text_of(doc)
    exclude = clause_ids | _nested_clause_tokens(cue)
    if cue.frame == "according":
        exclude |= {t.i for t in cue.token.subtree}
    start, end = trim(text, *subtree_range(cue.content, exclude))
    if cue.frame == "obj":
        end = max([end] + [trim(text, *subtree_range(c, exclude))[1] for c in _object_complements(cue)])
    merged = _subject_read_into_object(cue)
    if merged is not None:
        start = min(start, merged.idx)
    governed = _object_of_own_preposition(cue) or _proposition_object(cue) or _addressee(cue)
    if governed is not None:
        start = min(start, trim(text, governed.left_edge.idx, end)[0])
    topic = _topic_of_object(cue)
    if topic is not None:
        start = max(start, trim(text, topic.left_edge.idx, end)[0])
    acted = _infinitive_complement(cue)
    if acted is not None:
        start = max(start, trim(text, acted.left_edge.idx, end)[0])
    leading = _leading_time_phrase(cue)
    if leading is not None and leading.right_edge.i + 1 < len(doc):
        start = max(start, trim(text, doc[leading.right_edge.i + 1].idx, end)[0])
    link = _leading_connective(doc, start, end)
    if link is not None:
        start = max(start, link)
    reason = reason_clause(cue)
    if reason is not None and reason.i > cue.content.i:
        end = max(end, trim(text, *subtree_range(reason, exclude))[1])
    for other in continuations(cue, quotes):
        end = max(end, trim(text, *subtree_range(other, exclude))[1])
    if end - start <= 1:
        return None
    start, end = widen_to_quotes(start, end, quotes, [doc[i] for i in clause_ids])
    if before and start < before[0] and _has_clause(doc, start, before[0]):
        # "“…,” she said" after a sentence of narrative: the quotation is what she said
        start, end = before
    end = _cut_trailing_relative(doc, start, end, quotes if cue.frame != "obj" else None)
    return start, cut_after_last_quote(doc, start, _cut_after_quote(text, start, end, quotes), quotes)


def _infinitive_complement(cue: Cue) -> Token | None:
    """ "tried to show X", "went on to slam X": after a verb of effort or aspect the infinitive's verb is the act,
    and what was said is that verb's complement."""
    if cue.frame != "to" or cue.token.lemma_.lower() not in effort_verbs():
        return None
    return next((c for c in cue.content.rights if c.dep_ not in ("prt", "punct", "advmod", "npadvmod")), None)


def _object_of_own_preposition(cue: Cue) -> Token | None:
    """ "responded to reports that X", "glossed over the fact that X": a that-clause on the object of the preposition
    right after the verb completes that object, and the whole object is what the act is about."""
    if cue.frame != "that" or cue.content.i < cue.token.i:
        return None
    noun, prep = cue.content.head, cue.content.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head != cue.token or prep.i != cue.tokens[-1].i + 1:
        return None
    # "said in a statement that", "said for the first time that": a circumstance, not what the act is about
    return (
        noun if prep.lower_ in TOPIC_PREPOSITIONS and not noun.ent_type_ and noun.lemma_ not in event_nouns() else None
    )


def _topic_of_object(cue: Cue) -> Token | None:
    """ "raised questions about the budget", "made comments about the plan": an object noun of the act's own
    (no owner's, no list) that an "about" phrase follows names the act; what was said is what it is about."""
    if (
        cue.frame != "obj"
        or cue.content.pos_ != "NOUN"
        or any(c.dep_ in ("poss", "conj") for c in cue.content.children)
    ):
        return None
    prep = next(cue.content.rights, None)
    if prep is None or prep.dep_ != "prep" or prep.lower_ != "about":
        return None
    return object_of(prep, ("pobj", "pcomp"))


def _proposition_object(cue: Cue) -> Token | None:
    """ "disputed the idea that X", "ignored the fact that X": a that-clause on a verb's object that names a
    proposition completes that object, and the whole object is what the act is about."""
    if cue.frame != "that" or cue.content.i < cue.token.i:
        return None
    noun = cue.content.head
    if noun.dep_ == "dobj" and noun.head == cue.token and noun.lower_ in proposition_nouns():
        return noun
    return None


def _addressee(cue: Cue) -> Token | None:
    """ "called on the council to release X": the object of the preposition right after the verb, just before the
    infinitive, is whom the act asks, and what was asked of it goes with it."""
    if cue.frame != "to":
        return None
    for prep in cue.token.rights:
        noun = object_of(prep)
        if prep.dep_ == "prep" and prep.lower_ in ADDRESSEE_PREPOSITIONS and prep.i == cue.tokens[-1].i + 1 and noun:
            # "declined on Monday to comment": a date is a circumstance, not whom the act asks
            if noun.right_edge.i + 1 == cue.content.left_edge.i and noun.ent_type_ not in TIME_ENTITIES:
                return noun
    return None


def _subject_read_into_object(cue: Cue) -> Token | None:
    """ "told the president negotiations are underway": the parser read the complement's subject as the head
    of the verb's object ("the president" its compound); a complement left without a subject starts there."""
    if cue.frame != "that" or has_subject(cue.content):
        return None
    for child in cue.token.children:
        if (
            child.dep_ == "dobj"
            and child.right_edge == child
            and child.i + 1 == cue.content.left_edge.i
            and any(c.dep_ == "compound" for c in child.lefts)
        ):
            return child
    return None


def _has_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether [start, end) holds a clause of its own (a subject and its verb), not just a phrase: "The plan
    “will fail,” she said" has the quotation's own subject before it, which goes with the quotation."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.dep_ in SUBJECTS and span.start <= t.head.i < span.end for t in span)


def _leading_time_phrase(cue: Cue) -> Token | None:
    """ "said on Monday the talks were over": a time phrase right after the cue, before the clause's subject, that
    the parser hung inside the clause; it dates the saying, not what was said. One that opens the sentence before
    the cue ("On Monday, the talks collapsed, she said") dates the event reported, and stays."""
    root = cue.content
    subjects = [c.i for c in root.children if c.dep_ in CLAUSE_SUBJECTS]
    for child in root.children:
        if (
            subjects
            and cue.token.i < child.i < min(subjects)
            and child.dep_ in ("prep", "npadvmod")
            and child.left_edge.i == root.left_edge.i
        ):
            if any(t.ent_type_ in TIME_ENTITIES for t in child.subtree):
                return child
    return None


def _leading_connective(doc: Doc, start: int, end: int) -> int | None:
    """ "Still, golf clubs are “scraping by,” he said", "Meanwhile, costs doubled, according to X": a connective
    (models/connectives.txt) set off by a comma at the start of the content is the writer's link to the story, not
    what was said; the character after it, or None."""
    text = text_of(doc)
    words = text[start : min(end, start + MAX_CONNECTIVE_CHARS)].lower()
    link = words.split(",", 1)[0]
    if link != words and link in connectives():
        return trim(text, start + len(link), end)[0]
    return None


def _object_complements(cue: Cue) -> list[Token]:
    """What completes an object: "urged X to release ...", "criticized X for ...", "called X “unhinged”"."""
    out = []
    for child in cue.token.rights:
        comma = child.doc[child.left_edge.i - 1]
        # a comma of the verb's sets the phrase off; one closing the object's apposition does not
        if child.i <= cue.content.i or comma.text == "," and comma.head == cue.token:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp") or child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS:
            out.append(child)
        elif child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            out.append(child)
        elif out and child.dep_ in ("prep", "npadvmod", "advmod", "advcl"):
            break  # "criticized X as a “broken machine” during a stop in Dayton": the rest is circumstance
    return out


def _nested_clause_tokens(cue: Cue) -> set[int]:
    """Tokens under the content root that are not content: a coordinated clause with its own cue
    ("... and he believed ..."), a verb phrase coordinated with the cue itself ("said A and described
    B"), and a trailing participle clause (", alleging ...", ", contradicting ...")."""
    out: set[int] = set()
    root = cue.content
    if root is None or cue.frame == "according":
        return out
    # a participle clause set off by a comma ends the content wherever the parser hung it
    participles = [
        t
        for t in root.subtree
        if t.i > root.i
        and t.dep_ == "advcl"
        and t.tag_ == "VBG"
        and after_comma(t.left_edge)
        and not opens_condition(t)  # "providing wages rise" is a condition of what was said
    ]
    for child in [c for c in root.children if c.i > root.i and c not in participles] + participles:
        verb = reporting_verbs().get(child.lemma_.lower())
        own_cue = (
            child.dep_ == "conj"
            and verb is not None
            and (verb.kind == "speech" or verb.lemma in SPEAKING_THOUGHTS)
            and has_subject(child)
        )
        with_cue = (
            child.dep_ == "conj"
            and not has_subject(child)
            and same_form(child, cue.token)
            and not same_form(child, root)
        )
        if own_cue or with_cue or child in participles:
            left = child.left_edge.i
            # take the coordinating word and comma with it
            while left > root.i and child.doc[left - 1].dep_ in ("cc", "punct"):
                left -= 1
            out.update(range(left, child.right_edge.i + 1))
    return out


def widen_to_quotes(start: int, end: int, quotes: Quotations, clause: list[Token]) -> tuple[int, int]:
    """Take in the whole of every quotation the content touches, short of one holding the cue clause."""
    # quotations never overlap: taking one in never brings another within reach
    for q in quotes.touching(start, end):
        if not any(q.start <= t.idx < q.end for t in clause):
            start, end = min(start, q.start), max(end, q.end)
    return start, end


def _cut_after_quote(text: str, start: int, end: int, quotes: Quotations) -> int:
    """A quotation that opens the content and closes on a comma ("“That makes me smart,” when ...")
    ends the content: the narrative after it is not what was said."""
    for q in quotes.touching(start, start + 1):
        if q.start == start and q.end < end and text[q.end - 2 : q.end - 1] == ",":
            return q.end
    return end


def _cut_trailing_relative(doc: Doc, start: int, end: int, quotes: Quotations | None) -> int:
    """ "predicted a Lopez win in Ohio, which votes in May": a relative clause set off by a comma
    at the end of an object is the reporter's aside, not part of what was said; at the end of a clause
    (``quotes`` given) only a "which" or "who" clause that quotes nobody is."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return end
    for token in span:
        if (
            token.dep_ == "relcl"
            and token.right_edge.i == span.end - 1
            and token.left_edge.i > span.start
            and after_comma(token.left_edge)
            and (quotes is None or _aside(token, end, quotes))
        ):
            return trim(text_of(doc), start, doc[token.left_edge.i - 1].idx)[1]
    return end


def _aside(relative: Token, end: int, quotes: Quotations) -> bool:
    """ "said the agency issued the rules, which the court has put on hold": the reporter explains a thing named
    at the end of the clause; "where" and "when" clauses, and quoted words, are more often what was said."""
    return relative.left_edge.lower_ in ASIDE_RELATIVES and not any(quotes.touching(relative.left_edge.idx, end))


def cut_after_last_quote(doc: Doc, start: int, end: int, quotes: Quotations) -> int:
    """ "said the talks “should be finished by spring,” referring to the deadline": what a comma
    or dash sets off after the content's last quotation is the reporter's comment, unless it is a
    clause; so is a date or a "during" phrase right after it ("blasted the council as a “circus”
    Wednesday on the radio"). After an earlier quotation only an apposition or a participle is
    ("the “tax (not) cut” — a play on the phrase “tax cut”")."""
    text = text_of(doc)
    inside = [q for q in quotes.touching(start, end) if start <= q.start and q.end < end]
    heads = None  # what the words after each quotation hang on, found once for all of them (linear)
    for n, q in enumerate(inside):
        last = n == len(inside) - 1
        rest = doc.char_span(q.end, end, alignment_mode="contract")
        if rest is None or not len(rest):
            continue
        if last and (rest[0].ent_type_ in TIME_ENTITIES and rest[0].ent_iob_ == "B" or rest[0].lower_ == "during"):
            return q.end
        set_off = _SET_OFF.match(text, q.end, end) or text[q.end - 2 : q.end - 1] == ","
        # a list of quoted words ("a “coward,” a “fraud” and a “quitter”") goes on; a comment opens with
        # words of its own
        listed = not last and any(text[rest[0].idx : rest[min(2, len(rest) - 1)].idx + 1].find(m) >= 0 for m in '"“')
        if not set_off or listed:
            continue
        if heads is None or rest.start < heads.first:
            heads = SuffixHeads(doc, rest.start, rest.end, lambda t: not t.is_punct, has_subject)
        first = heads.first_head(rest.start)
        if first is not None and not heads.any_passing(rest.start) and (last or doc[first].dep_ in COMMENTS):
            return q.end
    return end
