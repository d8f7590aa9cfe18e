"""The entities of one article, with the lookups the resolver makes on them.

A 1 MB article has thousands of entities: every lookup here reads the few entities a name, a role
or a stretch of text can concern, not all of them, so that resolution stays linear in the
article's length. Lookups by name or role return a superset in order of creation (the resolver
applies its own test to each), and an entity tells the registry of every mention, subject, role
and longer name it gets (``Entity.listener``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from itertools import count

from ..lexicon import organization_nouns, outlet_words, role_nouns, study_nouns
from .entities import Entity
from .names import acronym


class Registry:
    """The entities of one article in order of creation, indexed by name, role and position."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._order: dict[int, int] = {}  # id(entity) -> creation order
        # each index maps a value to {id(entity): entity}, so an entity told twice is listed once
        self._people: dict[str, dict[int, Entity]] = defaultdict(dict)  # persons by surname (theirs never changes)
        self._inner: dict[str, dict[int, Entity]] = defaultdict(dict)  # persons by the other words of their names
        self._keys: dict[tuple, dict[int, Entity]] = defaultdict(dict)  # by (type, name key), every key each had
        self._words: dict[str, dict[int, Entity]] = defaultdict(dict)  # organisations and others by name word
        self._acronyms: dict[str, dict[int, Entity]] = defaultdict(dict)  # organisations by their name's acronym
        self._roles: dict[str, dict[int, Entity]] = defaultdict(dict)  # by role noun
        self._labelled: list[Entity] = []  # organisations the NER labelled ORG
        self._studies: list[Entity] = []  # studies the article names by their noun alone ("the report")
        self._tick = count()  # breaks ties between equal positions without comparing entities
        self._mentions: list[tuple[int, int, int, Entity]] = []  # (offset, order, tick, entity), sorted
        self._subjects: list[tuple[int, int, int, int, Entity]] = []  # (offset, sentence, order, tick, entity)

    def add(self, entity: Entity) -> Entity:
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        entity.listener = self
        if entity.type == "person" and entity.key:
            self._people[entity.key[-1]][id(entity)] = entity
        if entity.label == "ORG" and entity.type == "organization":
            self._labelled.append(entity)
        # a study's noun is its whole key, and only a person's or an organisation's key ever grows
        if entity.type == "other" and len(entity.key) == 1 and entity.key[0] in study_nouns():
            self._studies.append(entity)
        self.renamed(entity)
        for p in entity.positions:
            self.mentioned(entity, p)
        for p, sentence in entity.subjects:
            self.subject(entity, p, sentence)
        self.given_roles(entity, entity.roles)
        return entity

    def retype(self, entity: Entity, type_: str) -> Entity:
        """Give an entity another type ("Burton", which the NER took for a body, is the person "he" stands for)."""
        entity.type = type_
        if type_ == "person" and entity.key:
            self._people[entity.key[-1]][id(entity)] = entity
        self.renamed(entity)
        return entity

    # what an entity tells of itself ------------------------------------------------------------
    def renamed(self, entity: Entity) -> None:
        self._keys[(entity.type, entity.key)][id(entity)] = entity
        if entity.type == "person":
            for word in entity.key[:-1]:
                self._inner[word][id(entity)] = entity
        if entity.type in ("organization", "other"):
            for word in entity.key:
                self._words[word][id(entity)] = entity
        if entity.type == "organization":
            self._acronyms[acronym(entity.name.split())][id(entity)] = entity

    def mentioned(self, entity: Entity, pos: int) -> None:
        insort(self._mentions, (pos, self._order[id(entity)], next(self._tick), entity))

    def subject(self, entity: Entity, pos: int, sentence: int) -> None:
        insort(self._subjects, (pos, sentence, self._order[id(entity)], next(self._tick), entity))

    def given_roles(self, entity: Entity, roles) -> None:
        for role in roles:
            self._roles[role.head][id(entity)] = entity

    # lookups -----------------------------------------------------------------------------------
    def people(self, key: tuple[str, ...]) -> list[Entity]:
        """The persons who share the last word of ``key``: every person ``same_person`` can match."""
        return list(self._people[key[-1]].values()) if key and key[-1] in self._people else []

    def inner(self, word: str) -> list[Entity]:
        """The persons with ``word`` in their full name before its last word ("Gao" of "Gao Junlan")."""
        return self._in_order(self._inner.get(word, {}).values())

    def named(self, type_: str, key: tuple[str, ...]) -> list[Entity]:
        """Entities of ``type_`` that have, or once had, name key ``key``."""
        return self._in_order(self._keys.get((type_, key), {}).values())

    def organizations(self, key: tuple[str, ...], short: str) -> list[Entity]:
        """Organisations named ``key``, spelled out by it (an acronym) or named by ``short``, its acronym."""
        found = [*self._keys.get(("organization", key), {}).values()]
        found += self._keys.get(("organization", (short,)), {}).values()
        if len(key) == 1:
            found += self._acronyms.get(key[0], {}).values()
        return self._in_order(found)

    def outlet(self, key: tuple[str, ...]) -> Entity | None:
        """The one organisation whose longer name ends in the outlet word ``key`` ("the Post": "The New York Post")."""
        if len(key) != 1 or key[0] not in outlet_words():
            return None
        found = [
            e
            for e in self._words.get(key[0], {}).values()
            if e.type == "organization" and e.key[1:] and e.key[-1] == key[0]
        ]
        return found[0] if len(found) == 1 else None

    def short_form(self, key: tuple[str, ...]) -> Entity | None:
        """The one organisation whose longer name opens with the one word ``key`` ("Goldman": "Goldman Sachs")."""
        if len(key) != 1:
            return None
        found = [
            e
            for e in self._words.get(key[0], {}).values()
            if e.type == "organization" and len(e.key) > 1 and e.key[0] == key[0]
        ]
        # two spellings of one longer name are one body ("Ruiz Pharmaceutical Inc." / "Ruiz Pharmaceuticals Inc.")
        return found[0] if len(found) == 1 or _variants(found) else None

    def kind_word(self, key: tuple[str, ...]) -> Entity | None:
        """The one organisation whose longer name holds the kind of body ``key`` names ("the Committee": "Senate
        Committee on Rules"); a name that is only a kind of body is a short form of the body named in full."""
        if len(key) != 1 or key[0] not in organization_nouns():
            return None
        found = [e for e in self._words.get(key[0], {}).values() if e.type == "organization" and key[0] in e.key[1:]]
        return found[0] if len(found) == 1 else None

    def role_holders(self, word: str) -> list[Entity]:
        """Entities given the role ``word`` or one of its other names ("judge", "justice")."""
        known = role_nouns().get(word)
        heads = {word, *(known.same if known is not None else ())}
        return self._in_order([e for head in heads for e in self._roles.get(head, {}).values()])

    def described(self, word: str, kind_noun: bool) -> list[Entity]:
        """Entities a description with head ``word`` can be: holders of the role, organisations and others with
        the word in their name, and when the word is a kind of organisation, every organisation labelled ORG."""
        found = self.role_holders(word) + list(self._words.get(word, {}).values())
        return self._in_order(found + (self._labelled if kind_noun else []))

    def studies(self) -> list[Entity]:
        return list(self._studies)

    def subjects_between(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """(offset, sentence, entity) of the subjects in [start, end), by offset, sentence and creation."""
        i = bisect_left(self._subjects, (start,))
        out = []
        while i < len(self._subjects) and self._subjects[i][0] < end:
            p, sentence, _, _, entity = self._subjects[i]
            out.append((p, sentence, entity))
            i += 1
        return out

    def mentioned_between(self, start: int, end: int) -> list[Entity]:
        """The entities mentioned in [start, end), in order of creation."""
        return self._in_order([e for _, e in self.mentions_between(start, end)])

    def mentions_between(self, start: int, end: int) -> list[tuple[int, Entity]]:
        """(offset, entity) of the mentions in [start, end), by offset."""
        i = bisect_left(self._mentions, (start,))
        found = []
        while i < len(self._mentions) and self._mentions[i][0] < end:
            found.append((self._mentions[i][0], self._mentions[i][3]))
            i += 1
        return found

    def person_in(self, start: int, end: int) -> Entity | None:
        """The one person mentioned in [start, end) ("Mrs. Clinton", "she"), else None."""
        people = [e for e in self.mentioned_between(start, end) if e.type == "person"]
        return people[0] if len(people) == 1 else None

    def _in_order(self, entities) -> list[Entity]:
        """Each entity once, in order of creation."""
        unique = {id(e): e for e in entities}
        return sorted(unique.values(), key=lambda e: self._order[id(e)])


def _variants(found: list[Entity]) -> bool:
    """Whether several names are one name spelled apart: the same first word, then words that differ only by a
    closing "s" ("Pharmaceutical" / "Pharmaceuticals")."""
    forms = {tuple(w.rstrip("s") for w in e.key) for e in found}
    return len(found) > 1 and len(forms) == 1
