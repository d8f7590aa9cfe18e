"""Entities of one article as the resolver grows them, and what a resolved speaker phrase says."""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from .mentions import office
from .names import gender_of, same_person
from .roles import Role, same_role, title_role


class Listener(Protocol):
    """What an entity tells of its growth (the registry's side; a protocol, so entities need not import it)."""

    def mentioned(self, entity: Entity, pos: int) -> None: ...
    def subject(self, entity: Entity, pos: int, sentence: int) -> None: ...
    def given_roles(self, entity: Entity, roles) -> None: ...
    def renamed(self, entity: Entity) -> None: ...


# characters within which two mentions of one entity are one place ("his wife, Ana Ruiz")
PHRASE_REACH = 25


@dataclass
class Entity:
    """One entity of the article, grown as its mentions are read."""

    type: str  # person, organization, group, anonymous or other
    key: tuple[str, ...]  # the fullest folded name seen
    name: str  # the canonical name as written
    label: str | None = None  # the NER label of an organisation: ORG or GPE
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    gender: str | None = None
    pronouns: Counter = field(default_factory=Counter)  # genders of the pronouns the article ties to it
    positions: list[int] = field(default_factory=list)  # character offsets of its mentions
    subjects: list[tuple[int, int]] = field(default_factory=list)  # (offset, sentence start) as a subject
    roles: list[Role] = field(default_factory=list)  # role phrases the article links to it
    rank: tuple[int, int] = (0, 0)  # how good ``name`` is: (given in the body, words in the name)
    # the registry that indexes it, told of every mention, subject, role and longer name
    listener: Listener | None = field(default=None, init=False, compare=False, repr=False)
    # positions and subject positions kept sorted too, to find the last one before an offset by bisection
    _sorted_positions: list[int] = field(init=False, compare=False, repr=False)
    _sorted_subjects: list[int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._sorted_positions = sorted(self.positions)
        self._sorted_subjects = sorted(p for p, _ in self.subjects)

    def add(self, surface: str, pos: int, subject_of: int | None = None, title: str | None = None) -> None:
        if surface and surface not in self.aliases:
            self.aliases.append(surface)
        if title:
            self.add_title(title)
        self.positions.append(pos)
        insort(self._sorted_positions, pos)
        if self.listener is not None:
            self.listener.mentioned(self, pos)
        if subject_of is not None:
            self.subjects.append((pos, subject_of))
            insort(self._sorted_subjects, pos)
            if self.listener is not None:
                self.listener.subject(self, pos, subject_of)

    def add_roles(self, roles: list[Role]) -> None:
        new = [r for r in roles if r not in self.roles]
        self.roles += new
        if self.listener is not None:
            self.listener.given_roles(self, new)

    def add_title(self, title: str) -> None:
        """Keep one form of a title: "U.S. President" replaces "President", never both."""
        # a title is a role too: "Sen. Warren" is "the senator"
        self.add_roles([title_role(title)])
        low = title.lower()
        if any(low in t.lower() for t in self.titles):
            return
        self.titles = [t for t in self.titles if t.lower() not in low] + [title]

    def rename(self, name: str, key: tuple[str, ...], rank: tuple[int, int]) -> None:
        """Take ``name`` as the canonical name when it ranks above the current one."""
        if rank > self.rank:
            self.name, self.rank = name, rank
        if len(key) > len(self.key):
            self.key = key
        if self.listener is not None:
            self.listener.renamed(self)

    def last_before(self, pos: int) -> int | None:
        return _last_below(self._sorted_positions, pos)

    def named_often_before(self, pos: int) -> bool:
        """Whether the article mentioned it before ``pos`` in more than one phrase ("his wife, Ana Ruiz" is one)."""
        last = self.last_before(pos)
        return last is not None and last - self._sorted_positions[0] > PHRASE_REACH

    def last_subject_before(self, pos: int) -> int | None:
        return _last_below(self._sorted_subjects, pos)


@dataclass(frozen=True)
class Resolution:
    """A speaker phrase resolved: the entity (None when unresolved), its name and type, the mention's
    title, and how sure the resolver is that the name is right (0-1)."""

    entity: Entity | None
    speaker: str | None
    type: str
    title: str | None
    confidence: float = 0.0


def _last_below(ordered: list[int], pos: int) -> int | None:
    i = bisect_left(ordered, pos)
    return ordered[i - 1] if i else None


def most_recent(entities: list[Entity], pos: int) -> Entity | None:
    """The entity mentioned last before ``pos``; else the one mentioned first after it."""
    if not entities:
        return None
    before = [e for e in entities if e.last_before(pos + 1) is not None]
    if before:
        return max(before, key=lambda e: e.last_before(pos + 1))
    return min(entities, key=lambda e: min(e.positions, default=math.inf))  # an entity not yet mentioned comes last


def most_salient(entities: list[Entity], pos: int) -> Entity | None:
    """Among entities that share a name: the latest subject before ``pos``, else the latest
    mention before it, else the most mentioned (news keeps one protagonist per surname)."""
    if not entities:
        return None
    # a bearer named once in passing ("his wife, Ana Ruiz") does not take the bare surname of one named often
    if any(e.named_often_before(pos) for e in entities):
        entities = [e for e in entities if e.named_often_before(pos)]
    subjects = [(e.last_subject_before(pos), e) for e in entities]
    subjects = [(p, e) for p, e in subjects if p is not None]
    if subjects:
        return max(subjects, key=lambda x: x[0])[1]
    mentioned = [(e.last_before(pos), e) for e in entities]
    mentioned = [(p, e) for p, e in mentioned if p is not None]
    if mentioned:
        return max(mentioned, key=lambda x: x[0])[1]
    return max(entities, key=lambda e: (len(e.positions), -min(e.positions, default=0)))


def fitting(people: list[Entity], title_words: list[str]) -> list[Entity]:
    """The people a "Mr./Mrs./President X" can be: of the sex the honorific gives, holding the
    title when one of them holds it (a bare surname fits them all)."""
    gender = next((g for g in (gender_of([], [w]) for w in title_words) if g), None)
    if gender:
        people = [e for e in people if e.gender in (gender, None)]
    held = office(title_words)
    if held:
        # "President X" is a person the article calls president, else one it gives no role at all
        role = title_role(held)
        holders = [e for e in people if any(same_role(role.head, r.head) for r in e.roles)]
        people = holders or [e for e in people if not e.roles]
    return people


def evidence(key: tuple[str, ...], kind: str, entity: Entity | None, entities: list[Entity]) -> str:
    """How a name or pronoun found its entity, as models/speaker_confidence.tsv names the ways."""
    if entity is None or kind == "pronoun":
        return "pronoun"
    if entity.type != "person":
        return "organization name"
    if len(key) > 1:
        return "full name"
    sharing = [e for e in entities if e.type == "person" and same_person(key, e.key)]
    return "shared surname" if len(sharing) > 1 else "surname"
