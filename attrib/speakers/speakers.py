"""Speaker phrases: which words name the speaker, the title the phrase gives, and its kind."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import (
    anonymous_markers,
    anonymous_plurals,
    group_nouns,
    organization_nouns,
    person_nouns,
    role_nouns,
    share_nouns,
)
from ..nlp.labels import DETERMINERS, NAME_PARTICLES, PLURAL_NOUN_TAGS, PRONOUNS
from ..nlp.spans import ents_in, text_of
from .names import split_title
from .titles import affiliation_of, title_of

ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
# what joins the words of one name: "Díaz - Canel", "de Cossio"
NAME_JOINERS = NAME_PARTICLES | {"-"}
# words that make a plural name a part of its group ("many Democrats", "some Republicans")
QUANTIFIERS = frozenset({"many", "some", "several", "most", "few"})


@dataclass(frozen=True)
class Mention:
    """What a speaker phrase says about its speaker."""

    kind: str  # person, organization, group, anonymous, pronoun, name, description or other
    name: tuple[str, ...]  # the proper-name words, without titles
    surface: str  # the proper name as written ("Díaz-Canel")
    title: str | None
    affiliation: str | None


def describe(span: Span, head: Token) -> Mention:
    """Read a speaker phrase: its proper name, title, affiliation and kind."""
    name_words = _name_words(span, head)
    title = title_of(span, head, name_words)
    affiliation = affiliation_of(span, head, name_words)
    surface = text_of(span.doc)[name_words[0].idx : name_words[-1].idx + len(name_words[-1])] if name_words else ""
    return Mention(_kind(span, head), tuple(t.text for t in name_words), surface, title, affiliation)


def _name_words(span: Span, head: Token) -> list[Token]:
    entity = next((e for e in ents_in(span) if e.start <= head.i < e.end), None)
    if entity is not None and entity.label_ in ORG_LABELS | {"PERSON"}:
        # "Obama Wants ...": headline capitals let the NER run a person's name on into the verb after it
        verbs = [t.i for t in entity if t.i > head.i and t.pos_ in ("VERB", "AUX") and entity.label_ == "PERSON"]
        words = [t for t in entity if not verbs or t.i < verbs[0]]
        # "House Democrats": the body's name before a plural group name the NER took alone is part of it
        while entity.label_ == "NORP" and words[0].i > span.start and _names_a_house(span.doc[words[0].i - 1], head):
            words.insert(0, span.doc[words[0].i - 1])
    elif head.pos_ == "PROPN":
        # the run of proper nouns that ends at the head: "Díaz - Canel", "de Cossio"
        start = head.i
        while start > span.start and (span.doc[start - 1].pos_ == "PROPN" or span.doc[start - 1].text in NAME_JOINERS):
            start -= 1
        words = list(span.doc[start : head.i + 1])
    else:
        return []
    while words and words[0].lower_ in DETERMINERS:
        words = words[1:]
    title, _ = split_title([t.text for t in words])
    return words[len(title) :]


def _kind(span: Span, head: Token) -> str:
    # a bare number ("the two", not "two of the judges") counts people named before, as "they" would
    if head.lower_ in PRONOUNS or head.pos_ == "NUM" and not any(c.dep_ == "prep" for c in head.children):
        return "pronoun"
    label = head.ent_type_ or next((c.ent_type_ for c in head.children if c.dep_ == "compound" and c.ent_type_), "")
    if label == "PERSON":
        return "person"
    if head.tag_ == "NNP" and head.lower_ in role_nouns() and any(c.lower_ == "the" for c in head.children):
        return "description"  # "the Republican" is one member of the party, described by it
    # a capitalised word the tagger took for a common noun is still the name the NER found ("Trump")
    # "many Democrats" are some of them, a group of its own, not the party
    quantified = head.tag_ in PLURAL_NOUN_TAGS and any(c.lower_ in QUANTIFIERS for c in head.children)
    # so are "Republicans on the committee": a plural name narrowed by a phrase naming another body
    # (not in a coordination, where the phrase may narrow every conjunct: "Democrats and Republicans in Congress")
    narrowed = head.tag_ in PLURAL_NOUN_TAGS and any(_names_a_body(c, span) for c in head.children)
    quantified = quantified or narrowed and head.dep_ != "conj" and not any(c.dep_ == "conj" for c in head.children)
    if label in ORG_LABELS and (head.pos_ == "PROPN" or head.text[:1].isupper()) and not quantified:
        return "organization"
    lowered = span.text.lower()
    named = any(e.label_ == "PERSON" for e in ents_in(span))
    if not named and head.pos_ == "NOUN" and any(m in lowered for m in anonymous_markers()):
        # "officials" alone is a group and "the spokesman" someone definite; an indefinite,
        # sourced or self-described unnamed source is anonymous
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one", "some") for c in head.children)
        if (
            (head.tag_ == "NNS" and head.lower_ in anonymous_plurals())
            or (head.tag_ != "NNS" and indefinite)
            or any(w in lowered for w in ("familiar", "anonymity", "unnamed"))
        ):
            return "anonymous"
    if head.tag_ in PLURAL_NOUN_TAGS and (head.lower_ in group_nouns() or head.pos_ == "NOUN"):
        return "group"
    if head.pos_ == "PROPN":
        return "name"  # a proper name the NER did not type: the resolver decides
    if head.pos_ == "NOUN":
        return "description"
    return "other"


def unnamed_kind(kind: str, head: Token) -> tuple[str, str | None]:
    """The type (and a person's gender) of the entity a phrase without a name stands for, from the mention's kind."""
    word = head.lower_
    if kind in ("group", "anonymous") or word in share_nouns():
        # "Twelve percent" is a share of people: a group, however singular its noun
        return "group" if kind != "anonymous" else kind, None
    if kind == "description" and word in person_nouns():
        # "the spokesman" with no name in the article is still one person whom "he" can point to
        return "person", person_nouns()[word]
    if kind == "description" and word in anonymous_markers():
        # "the source" is the unnamed source "a source" was: anonymous, however definite
        return "anonymous", None
    if kind == "description" and word in organization_nouns() and head.tag_ not in PLURAL_NOUN_TAGS:
        # "Donald Trump's campaign", "the administration": a body that speaks as one is an organisation
        return "organization", None
    return "other", None


def _names_a_body(child: Token, span: Span) -> bool:
    """A prepositional phrase inside the speaker phrase whose object is a named organisation or place."""
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and child.i < span.end and any(o.ent_type_ in ORG_LABELS for o in objects)


def _names_a_house(word: Token, head: Token) -> bool:
    """A capitalised compound of a plural group name: "House" in "House Democrats"."""
    return word.dep_ == "compound" and word.head == head and word.pos_ == "PROPN" and head.tag_ == "NNPS"
