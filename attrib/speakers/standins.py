"""Speakers named by a phrase of the article's words rather than a name of their own: unnamed groups and
sources, coordinations ("Mr. Ruiz and Mr. Dorsey"), possessives ("his office" is Paul Ryan's office) and
data that speak with their source's voice (a mixin of the ``Resolver``)."""

from __future__ import annotations

import re
from bisect import insort
from functools import cached_property

from spacy.tokens import Span, Token

from ..lexicon import confidence, event_nouns, honorifics
from ..nlp.labels import DETERMINERS
from ..nlp.spans import ents_in
from .entities import Entity, Resolution
from .mentions import name_of, without_article
from .names import name_key
from .phrases import join_names, name_words, own_phrase, owner_name, possessor
from .speakers import describe

# mention kinds that carry a proper name
NAMED_KINDS = ("person", "name", "organization")
# a capitalised name in s followed by an apostrophe and no "s": "Sanders’ plan"
BARE_APOSTROPHE = re.compile(r"\b([A-Z]\w*s)['’](?![A-Za-z])")


class StandIns:
    """Resolution of phrases that stand for a group, a pair or an owner's body (a mixin)."""

    def _data_source(self, span: Span, head: Token) -> Resolution:
        """ "Data from the Census Bureau" is the bureau's word; "data from the 2024 Housing Survey" the survey's,
        named as written (a document's name keeps its year)."""
        if head.lower_ not in event_nouns():
            return self.resolve(span, head)
        return self._unnamed(without_article(span), "other", span.start_char)

    def _unnamed(self, phrase: str, kind: str, pos: int) -> Resolution:
        """The speaker named by a phrase of the article's words."""
        entity = self._phrase_entity(phrase, kind, None)
        entity.add("", pos)
        self._spoke(pos, entity)
        return Resolution(entity, entity.name, entity.type, None, confidence("unnamed"))

    def _coordination(self, span: Span, parts: list[Token]) -> Resolution:
        """ "Mr. Ruiz and Mr. Dorsey": the conjuncts' canonical names, joined; unnamed ones as written."""
        entity = self._phrase_entity(self._joined_names(parts), "group", None)
        entity.add(span.text, span.start_char)
        self._spoke(span.start_char, entity)
        return Resolution(entity, entity.name, entity.type, None, confidence("coordination"))

    def _joined_names(self, parts: list[Token]) -> str:
        names = []
        for part in parts:
            phrase = own_phrase(part)
            mention = describe(phrase, part)
            named = self._entity_for(phrase, part, mention) if mention.kind in NAMED_KINDS else None
            names.append(named.name if named is not None else phrase.text if names else without_article(phrase))
        return join_names(names)

    def _owned(self, span: Span, head: Token) -> str | None:
        """ "his office" as "Paul Ryan's office", "McConnell aides" as "Mitch McConnell's aides"."""
        owner = possessor(head) or owner_name(head)
        if owner is None:
            return None
        pos = span.start_char
        # a possessive the NER took for a body ("Hale’s campaign") names a person only when one person has that surname
        if owner.ent_type_ not in ("PERSON", "") and len(self.registry.people(name_key([owner.text]))) != 1:
            return None
        # a full name owns as itself: "Marcus Allen Webb's brother" is not the brother of another Webb the article names
        name = name_key(name_words(owner))
        entity = self._pronoun(owner, pos) if owner.pos_ == "PRON" else self._person_for(name, pos)
        if entity is None:
            return None
        rest = [t for t in span if t not in owner.subtree and t.tag_ != "POS"]
        # "some angry Ames supporters" are Ruth Ames's supporters: the words before a compound owner only count them
        rest = [t for t in rest if t.i > owner.i] if owner.dep_ == "compound" else rest
        rest = rest[1:] if rest and rest[0].i == span.start and rest[0].lower_ in DETERMINERS else rest
        surname = entity.name.split()[-1] if entity.name else ""
        by_surname = self.registry.named("organization", name_key([surname, "campaign"]))
        if head.lower_ == "campaign" and entity.type == "person" and rest and rest[-1] == head and by_surname:
            return f"{surname} campaign"  # the article's own "the Clinton campaign" names it, whoever's "his campaign"
        return f"{entity.name}{self._mark(entity)} {span.doc[rest[0].i : rest[-1].i + 1].text}" if rest else None

    def _mark(self, owner: Entity) -> str:
        """The possessive mark after an owner's name: the apostrophe alone after a plural group ("reporters'") and
        after a name in s the article spells so ("Sanders' plan"), else "'s"."""
        bare = owner.type == "group" or (owner.name.split() or [""])[-1] in self.bare_apostrophes
        return "'" if bare and owner.name.endswith("s") else "'s"

    @cached_property
    def bare_apostrophes(self) -> frozenset[str]:
        """Names in s the article makes possessive with an apostrophe alone ("Sanders’ plan", not "Sanders's")."""
        return frozenset(m.group(1) for m in BARE_APOSTROPHE.finditer(self.text))

    def _full_names_in(self, span: Span) -> str:
        """The phrase without its article, each person it names by surname named in full, without an honorific:
        "advisers to Mr. Ruiz" is "advisers to Ana Ruiz", "a friend of Ruiz's" "friend of Ana Ruiz's"."""
        text, base = span.text, span.start_char
        # "backers of her party" are "backers of Ana Ruiz's party": a possessive pronoun inside it is its owner's
        for t in reversed(span[1:]):
            owner = self._pronoun(t, t.idx) if t.dep_ == "poss" and t.lower_ in ("his", "her") else None
            if owner is not None and owner.type == "person" and not self.quoted(t.idx):
                text = text[: t.idx - base] + owner.name + self._mark(owner) + text[t.idx + len(t) - base :]
        for ent in reversed(ents_in(span)):
            title, key = name_of(ent)
            if ent.label_ != "PERSON" or len(key) != 1 or ent.start == span.start or self.quoted(ent.start_char):
                continue
            if ent.root.dep_ == "compound":
                continue  # a surname that modifies a noun is the article's wording: "the Ruiz campaign", "a Ruiz ally"
            person = self._person_for(key, ent.start_char, title)
            if person is None or len(person.key) < 2:
                continue
            first = span.doc[ent.start - 1]  # "Mr." before the entity, or inside it
            start = first.idx if first.text in honorifics() and first.i > span.start else ent.start_char
            end = ent[-1].idx + len(ent[-1]) if ent[-1].tag_ != "POS" else ent[-1].idx
            text = text[: start - base] + person.name + text[end - base :]
        return without_article(text)

    def _phrase_entity(self, phrase: str, kind: str, gender: str | None) -> Entity:
        key = name_key(phrase.split())
        entity = next((e for e in self.registry.named(kind, key) if e.key == key), None)
        return entity if entity is not None else self.registry.add(Entity(kind, key, phrase, gender=gender))

    def _spoke(self, pos: int, entity: Entity) -> None:
        insort(self.resolved, (pos, len(self.resolved), entity))
