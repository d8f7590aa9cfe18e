"""The resolver: every mention of one entity gets that entity's canonical name.

Names merge by surname and compatible first names ("Fernandez de Cossio" = "Carlos Fernandez de
Cossio"), never across different first names ("Hillary Clinton" / "Bill Clinton"); a bare surname
goes to the most recent compatible entity. Pronouns and descriptions ("the senator") resolve by
agreement and salience, and stay unresolved rather than guess between several candidates.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import first_names, person_nouns, titles
from .names import fold, gender_of, name_key, same_person, split_title
from .speakers import DETERMINERS, Mention, describe

PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# how far back a pronoun or description may look for its entity, in paragraphs
PRONOUN_REACH = 2
# title abbreviations and the nouns that describe their holders ("the senator" = "Sen. Cruz")
DESCRIPTION_TITLES = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general", "pres.": "president"}


@dataclass
class Entity:
    """One entity of the article, grown as its mentions are read."""

    type: str
    key: tuple[str, ...]  # the fullest folded name seen
    name: str  # the canonical name as written
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    gender: str | None = None
    positions: list[int] = field(default_factory=list)  # character offsets of its mentions
    subject_positions: list[int] = field(default_factory=list)

    def add(self, surface: str, pos: int, subject: bool) -> None:
        if surface and surface not in self.aliases:
            self.aliases.append(surface)
        self.positions.append(pos)
        if subject:
            self.subject_positions.append(pos)


@dataclass(frozen=True)
class Resolution:
    """A speaker phrase resolved: the entity (None when unresolved), its type and the mention's title."""

    entity: Entity | None
    speaker: str | None
    type: str
    title: str | None


class Resolver:
    """Entities of one document; ``resolve`` names the speaker of one phrase."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities: list[Entity] = []
        self.resolved: list[tuple[int, Entity]] = []  # (position, entity) of speakers resolved so far
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._person(ent, ent.start_char)
            elif ent.label_ in ("ORG", "GPE"):
                self._organization(ent)

    # entity building -------------------------------------------------------------------------
    def _person(self, span: Span, pos: int, title_words: list[str] | None = None) -> Entity | None:
        words = [t.text for t in span if t.tag_ != "POS"]
        title, name = split_title(words)
        key = name_key(name)
        if not key or not any(t.pos_ == "PROPN" for t in span):
            return None
        entity = self._person_for(key, pos)
        surface = _surface(span, len(title))
        subject = span.root.dep_ in ("nsubj", "nsubjpass")
        if title_words is None:
            title_words = _title_before(span)
        gender = gender_of(name, title + title_words) if len(key) > 1 or title + title_words else None
        if entity is None:
            entity = Entity("person", key, surface, gender=gender)
            self.entities.append(entity)
        elif len(key) > len(entity.key):
            entity.key, entity.name = key, surface
        entity.gender = entity.gender or gender
        entity.add(surface, pos, subject)
        return entity

    def _person_for(self, key: tuple[str, ...], pos: int) -> Entity | None:
        matches = [e for e in self.entities if e.type == "person" and same_person(key, e.key)]
        if len(key) > 1:
            # a full name joins the entity with the same full name, or one known only by surname
            full = [e for e in matches if len(e.key) > 1]
            return full[0] if full else (matches[0] if matches else None)
        return _most_recent(matches, pos)

    def _organization(self, span: Span) -> Entity:
        words = [t.text for t in span if t.lower_ not in DETERMINERS and t.tag_ != "POS"]
        key = name_key(words)
        entity = next((e for e in self.entities if e.type == "organization" and e.key == key), None)
        surface = " ".join(words)
        if entity is None:
            entity = Entity("organization", key, surface)
            self.entities.append(entity)
        entity.add(surface, span.start_char, span.root.dep_ in ("nsubj", "nsubjpass"))
        return entity

    # resolution ------------------------------------------------------------------------------
    def resolve(self, span: Span, head: Token) -> Resolution:
        """Resolve the speaker phrase ``span`` whose head is ``head``."""
        head = _named_head(head)
        mention = describe(span, head)
        entity = self._entity_for(span, head, mention)
        if entity is not None:
            if mention.title and mention.title not in entity.titles:
                entity.titles.append(mention.title)
            entity.affiliation = entity.affiliation or mention.affiliation
            self.resolved.append((span.start_char, entity))
            return Resolution(entity, entity.name, entity.type, mention.title)
        if mention.kind == "pronoun":
            return Resolution(None, None, "other", None)
        phrase = _without_article(span)
        kind = mention.kind if mention.kind in ("group", "anonymous") else "other"
        gender = None
        if mention.kind == "description" and head.text.lower() in person_nouns():
            # "the mayor" with no name in the article is still one person whom "she" can point to
            kind, gender = "person", person_nouns()[head.text.lower()]
        entity = next((e for e in self.entities if e.type == kind and e.key == name_key(phrase.split())), None)
        if entity is None:
            entity = Entity(kind, name_key(phrase.split()), phrase, gender=gender)
            self.entities.append(entity)
        entity.add(phrase, span.start_char, True)
        self.resolved.append((span.start_char, entity))
        return Resolution(entity, entity.name, kind, None)

    def _entity_for(self, span: Span, head: Token, mention: Mention) -> Entity | None:
        pos = span.start_char
        if mention.kind == "pronoun":
            return self._pronoun(head, pos)
        if mention.name and mention.kind in ("person", "name", "organization"):
            key = name_key(list(mention.name))
            person = self._person_for(key, pos) if key else None
            # a name the NER typed as an organisation is still the person it names ("Trump" as ORG)
            if person is not None and (mention.kind != "organization" or len(key) == 1):
                person.add(mention.surface, pos, True)
                return person
            if mention.kind == "person":
                return self._person(span.doc[head.i - len(mention.name) + 1 : head.i + 1], pos, [])
            if mention.kind == "organization":
                ent = next((e for e in span.ents if e.start <= head.i < e.end), None)
                return self._organization(ent) if ent is not None else None
            if mention.kind == "name":
                entity = Entity(_name_type(mention), key, mention.surface)
                self.entities.append(entity)
                entity.add(entity.name, pos, True)
                return entity
        if mention.kind == "description":
            return self._description(head, pos)
        return None

    def _pronoun(self, head: Token, pos: int) -> Entity | None:
        word = head.lower_
        window_start = _paragraph_start(self.doc.text, pos, PRONOUN_REACH)
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            ok = lambda e: e.type == "person" and e.gender in (gender, None)
        elif word in ("they", "it"):
            kinds = ("organization",) if word == "it" else ("group", "organization", "anonymous")
            ok = lambda e: e.type in kinds
        else:
            return None
        # the last speaker, when compatible: news keeps one speaker through a run of sentences
        speakers = [(p, e) for p, e in self.resolved if window_start <= p < pos and ok(e)]
        if speakers:
            return speakers[-1][1]
        subjects = [(max(p for p in e.subject_positions if window_start <= p < pos), e) for e in self.entities if ok(e) and any(window_start <= p < pos for p in e.subject_positions)]
        if subjects:
            return max(subjects, key=lambda x: x[0])[1]
        near = [e for e in self.entities if ok(e) and any(window_start <= p < pos for p in e.positions)]
        # several compatible candidates and no subject among them: do not guess
        return near[0] if len(near) == 1 else None

    def _description(self, head: Token, pos: int) -> Entity | None:
        word = head.lemma_.lower()
        if head.tag_ in ("NNS", "NNPS") or not any(c.lower_ == "the" for c in head.children):
            return None
        known_titles = {t.lower() for t in titles()}
        candidates = []
        for e in self.entities:
            if not any(p < pos for p in e.positions):
                continue
            title_words = {DESCRIPTION_TITLES.get(w, w) for t in e.titles for w in t.lower().split()}
            if e.type == "person" and (word in title_words or word in known_titles and word in title_words):
                candidates.append(e)
            elif e.type == "organization" and word in {fold(w) for w in e.name.split()}:
                candidates.append(e)
        return _most_recent(candidates, pos)

    def speakers(self) -> list[Entity]:
        """Entities that were resolved as speakers, in order of first attribution."""
        out: list[Entity] = []
        for _, e in sorted(self.resolved, key=lambda x: x[0]):
            if e not in out:
                out.append(e)
        return out


def _name_type(mention: Mention) -> str:
    """An untyped proper name: a person when titled, or short and led by a known first name or
    a lone word (speakers named by one word are people: "Trump told reporters")."""
    words = mention.name
    if mention.title or len(words) == 1 or len(words) <= 3 and fold(words[0]) in first_names():
        return "person"
    return "organization"


def _named_head(head: Token) -> Token:
    """A title noun with the name in apposition ("Minister … Carlos Fernandez de Cossio") is that name."""
    if head.ent_type_ != "PERSON" and head.pos_ in ("NOUN", "PROPN"):
        for child in head.children:
            if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON" and child.i > head.i:
                return child
    return head


def _most_recent(entities: list[Entity], pos: int) -> Entity | None:
    if not entities:
        return None
    before = [e for e in entities if any(p <= pos for p in e.positions)]
    if before:
        return max(before, key=lambda e: max(p for p in e.positions if p <= pos))
    return min(entities, key=lambda e: min(e.positions))


def _surface(span: Span, skip: int) -> str:
    tokens = [t for t in span if t.tag_ != "POS"][skip:]
    if not tokens:
        return ""
    return span.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _title_before(span: Span) -> list[str]:
    """Title words just before a name entity: "Mr." in "Mr. Trump" sits outside the PERSON span."""
    doc = span.doc
    words: list[str] = []
    i = span.start - 1
    while i >= 0 and doc[i].text[:1].isupper() and not doc[i].ent_type_ and len(words) < 4:
        words.insert(0, doc[i].text)
        i -= 1
    title, _ = split_title(words + ["x"])
    return title


def _without_article(span: Span) -> str:
    words = span.text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _paragraph_start(text: str, pos: int, paragraphs_back: int) -> int:
    start = pos
    for _ in range(paragraphs_back + 1):
        start = text.rfind("\n", 0, max(start - 1, 0))
        if start < 0:
            return 0
        while start > 0 and text[start - 1] == "\n":
            start -= 1
    return start
