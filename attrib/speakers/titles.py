"""The title and the affiliation a speaker phrase gives, as spans of the article's text.

"Republican presidential nominee Donald Trump" has the title "Republican presidential nominee" and
the affiliation Republican Party; "Ana Ruiz, a spokeswoman for Cuba's Foreign Ministry" the title
"spokeswoman" and the affiliation "Cuba's Foreign Ministry". A title is a position a word of the
title lists names ("nominee", "Gen.", "member"); a description that ties the speaker to someone
else ("her Republican opponent") is none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import description_titles, parties, person_nouns, role_nouns, title_nouns, titles
from ..nlp.labels import DETERMINERS, PLURAL_NOUN_TAGS
from ..nlp.spans import text_of

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "my", "our", "your"})
# the prepositions that tie a position to the body it is held in: "director of", "spokesman for", "fellow at"
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "for", "with"})
# what a title or a body's name leaves out: clauses, appositions, coordinations and punctuation
LEAVE_OUT = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "prep"})
# the modifiers a title noun keeps before it: "former", "chief", "Republican presidential", "city council"
TITLE_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod", "nummod"})


def title_of(span: Span, head: Token, name_words: list[Token]) -> str | None:
    """The title the phrase gives its speaker: the words before the name, else an apposition's position."""
    before = _before_name(span, name_words)
    # "Former Secretary of State": a title the list knows may end in a word of its own ("State")
    known = any(" ".join(t.text for t in before[i:]) in titles() for i in range(len(before)))
    if before and (known or _is_title_word(before[-1])) and not all(t.text in parties() for t in before):
        return _text(before[0], before[-1])
    position = _apposition(head)
    if position is None:
        return None
    return _text(_title_start(position), _titled_object(position) or position)


def affiliation_of(span: Span, head: Token, name_words: list[Token]) -> str | None:
    """The body the speaker belongs to: a possessor ("Cuba's"), the body of an apposition's position ("of the
    Foreign Ministry"), else a party the phrase names ("Republican", "(D-Ohio)")."""
    position = _apposition(head)
    prep = _affiliation_preposition(position, AFFILIATION_PREPOSITIONS) if position is not None else None
    body = _object(prep) if prep is not None and _titled_object(position) is None else None
    if body is not None and (body.ent_type_ in ORG_LABELS or any(t.pos_ == "PROPN" for t in body.subtree)):
        words = [t for t in _phrase(body) if t.i > body.left_edge.i or t.lower_ not in DETERMINERS]
        return _text(words[0], words[-1])
    for t in span:
        if t.tag_ == "POS" and t.head.dep_ == "poss" and t.head.ent_type_ in ORG_LABELS:
            words = [w for w in span.doc[t.head.left_edge.i : t.i] if w.lower_ not in DETERMINERS]
            if words:
                return _text(words[0], words[-1])
    return _party(span)


def _before_name(span: Span, name_words: list[Token]) -> list[Token]:
    """The words before the name in its phrase, after a possessor and its determiners; none after a possessive
    pronoun ("her running mate Tim Kaine" names a relation, not a title)."""
    if not name_words:
        return []
    start = max([span.start] + [t.i + 1 for t in span if t.tag_ == "POS" and t.i < name_words[0].i])
    words = [t for t in span.doc[start : name_words[0].i] if t.lower_ not in DETERMINERS]
    if any(t.lower_ in POSSESSIVE_PRONOUNS for t in words) or any(t.is_punct and t.text not in ".-" for t in words):
        return []
    return words


def _apposition(head: Token) -> Token | None:
    """The position an apposition gives the speaker ("Ana Ruiz, a spokeswoman for ..."), if it names one."""
    for child in head.children:
        if child.dep_ != "appos" or child.pos_ != "NOUN" or child.tag_ in PLURAL_NOUN_TAGS:
            continue
        if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in child.children):
            return None  # "her Republican opponent": a relation to someone else
        return child if _is_title_word(child) else None
    return None


def _is_title_word(token: Token) -> bool:
    """A word that names a position: in the title lists as written ("Gen.", "Speaker") or lower-cased."""
    if token.text == "." and token.i > 0:
        token = token.doc[token.i - 1]  # "Gen ." as the tokenizer may split "Gen."
        return f"{token.text}." in titles()
    word = token.lower_
    known = word in title_nouns() or word in role_nouns() or word in person_nouns() or word in description_titles()
    return token.text in titles() or known


def _title_start(position: Token) -> Token:
    """The first of the modifiers a title noun keeps before it, after a possessor ("Cuba's foreign minister")."""
    first = position
    for child in reversed(list(position.lefts)):
        if child.dep_ not in TITLE_MODIFIERS:
            break  # a determiner or a possessor ends the title
        first = child.left_edge
    return first


def _titled_object(position: Token) -> Token | None:
    """The object that makes one title with its position ("secretary of State"), not the body it is held in."""
    of = _affiliation_preposition(position, ("of",))
    body = _object(of) if of is not None else None
    whole = body is not None and f"{position.lower_} of {body.lower_}"
    return body if whole and whole in {t.lower() for t in titles()} else None


def _affiliation_preposition(position: Token, words) -> Token | None:
    return next((c for c in position.rights if c.dep_ == "prep" and c.lower_ in words), None)


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _phrase(noun: Token) -> list[Token]:
    """The noun's phrase without clauses, appositions, coordinations and further prepositional phrases, save the
    "of" or "for" inside a name ("United Federation of Teachers", "Institute for Policy Integrity")."""
    named = {c.i for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and noun.pos_ == "PROPN"}
    skip = {t.i for c in noun.children if c.dep_ in LEAVE_OUT and c.i not in named for t in c.subtree}
    return [t for t in noun.subtree if t.i not in skip]


def _party(span: Span) -> str | None:
    """The party a word of the phrase names ("Republican", "Democrat") or a party-state label ("(R-S.C.)")."""
    for t in span:
        label = t.i + 1 < len(span.doc) and span.doc[t.i + 1].text == "-" and t.i > 0 and span.doc[t.i - 1].text == "("
        party = parties().get(f"{t.text}-" if label else t.text)
        if party:
            return party
    return None


def _text(first: Token, last: Token) -> str:
    return text_of(first.doc)[first.idx : last.idx + len(last.text)]
