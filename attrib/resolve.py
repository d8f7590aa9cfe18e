"""The resolver: every mention of one entity gets that entity's canonical name.

Names merge by surname and compatible first names ("Fernandez de Cossio" = "Carlos Fernandez de
Cossio"), never across different first names ("Hillary Clinton" / "Bill Clinton"); a bare surname
goes to the most recent compatible entity. Pronouns and descriptions ("the senator") resolve by
agreement and salience, and stay unresolved rather than guess between equal candidates.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .labels import DETERMINERS, NOMINAL, PLURAL_NOUN_TAGS, SUBJECTS
from .lexicon import description_titles, first_names, organization_nouns, person_nouns
from .names import fold, gender_of, name_key, same_person, split_title
from .speakers import Mention, describe
from .spans import ents_in, ents_of, sentence, text_of

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# how far back a pronoun may look for its entity, in paragraphs
PRONOUN_REACH = 2


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
    positions: list[int] = field(default_factory=list)  # character offsets of its mentions
    subjects: list[tuple[int, int]] = field(default_factory=list)  # (offset, sentence start) as a subject

    def add(self, surface: str, pos: int, subject_of: int | None = None, title: str | None = None) -> None:
        if surface and surface not in self.aliases:
            self.aliases.append(surface)
        if title and title not in self.titles:
            self.titles.append(title)
        self.positions.append(pos)
        if subject_of is not None:
            self.subjects.append((pos, subject_of))


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
        # every mention in document order, so that "most recent" means what it says
        mentions: list[tuple[int, Span | Token]] = [(e.start_char, e) for e in ents_of(doc) if e.label_ in ("PERSON", "ORG", "GPE")]
        mentions += [(t.idx, t) for t in doc if t.dep_ in SUBJECTS and t.pos_ == "NOUN" and not t.ent_type_]
        mentions += [(run.start_char, run) for run in _unlabelled_names(doc)]
        for _, mention in sorted(mentions, key=lambda m: m[0]):
            if isinstance(mention, Token):
                self._subject_description(mention)
            elif mention.label_ in ("PERSON", ""):
                self._person(mention, mention.start_char, _title_before(mention))
            else:
                self._organization(mention)

    # entity building -------------------------------------------------------------------------
    def _person(self, span: Span, pos: int, title_words: list[str]) -> Entity | None:
        words = [t.text for t in span if t.tag_ != "POS"]
        title, name = split_title(words)
        key = name_key(name)
        if not key or not any(t.pos_ == "PROPN" for t in span):
            return None
        entity = self._person_for(key, pos)
        surface = _surface(span, len(title))
        gender = gender_of(name, title + title_words) if len(key) > 1 or title + title_words else None
        if entity is None:
            entity = Entity("person", key, surface, gender=gender)
            self.entities.append(entity)
        elif len(key) > len(entity.key):
            entity.key, entity.name = key, surface
        entity.gender = entity.gender or gender
        entity.add(surface, pos, _subject_sentence(span.root), " ".join(title_words + title) or None)
        return entity

    def _person_for(self, key: tuple[str, ...], pos: int) -> Entity | None:
        matches = [e for e in self.entities if e.type == "person" and same_person(key, e.key)]
        if len(key) > 1:
            # a full name joins the entity with the same full name, or one known only by surname
            full = [e for e in matches if len(e.key) > 1 and e.key[-len(key):] != key or e.key == key]
            return full[0] if full else _most_recent(matches, pos)
        return _most_recent(matches, pos)

    def _organization(self, span: Span) -> Entity:
        words = [t.text for t in span if t.lower_ not in DETERMINERS and t.tag_ != "POS"]
        key = name_key(words)
        # a surname the NER took for an organisation ("Trump", "Díaz-Canel") stays the person's
        person = self._person_for(key, span.start_char) if key else None
        if person is not None and person.key[-len(key):] == key:
            person.add(span.text, span.start_char, _subject_sentence(span.root))
            return person
        entity = next((e for e in self.entities if e.type == "organization" and e.key == key), None)
        surface = text_of(span.doc)[span[0].idx : span[-1].idx + len(span[-1])] if span[0].lower_ not in DETERMINERS else " ".join(words)
        if entity is None:
            entity = Entity("organization", key, surface, label=span.label_ or None)
            self.entities.append(entity)
        entity.add(surface, span.start_char, _subject_sentence(span.root))
        return entity

    def _subject_description(self, head: Token) -> None:
        """A subject that is a description: "the senator" joins its entity; "the mayor" or
        "Cuban officials" become entities of their own that pronouns can point to."""
        span = head.doc[head.left_edge.i : head.i + 1]
        if head.tag_ in PLURAL_NOUN_TAGS:
            self._phrase_entity(span, "group", None).add("", head.idx, _subject_sentence(head))
            return
        entity = self._description(head, head.idx)
        if entity is None and head.lower_ in person_nouns() and any(c.lower_ == "the" for c in head.children):
            entity = self._phrase_entity(span, "person", person_nouns()[head.lower_])
        if entity is not None:
            entity.add("", head.idx, _subject_sentence(head))

    def _phrase_entity(self, span: Span, kind: str, gender: str | None) -> Entity:
        phrase = _without_article(span)
        key = name_key(phrase.split())
        entity = next((e for e in self.entities if e.type == kind and e.key == key), None)
        if entity is None:
            entity = Entity(kind, key, phrase, gender=gender)
            self.entities.append(entity)
        return entity

    # resolution ------------------------------------------------------------------------------
    def resolve(self, span: Span, head: Token) -> Resolution:
        """Resolve the speaker phrase ``span`` whose head is ``head``."""
        head = _named_head(head)
        mention = describe(span, head)
        entity = self._entity_for(span, head, mention)
        if entity is None and mention.kind != "pronoun":
            kind = mention.kind if mention.kind in ("group", "anonymous") else "other"
            gender = None
            if mention.kind == "description" and head.lower_ in person_nouns():
                # "the spokesman" with no name in the article is still one person whom "he" can point to
                kind, gender = "person", person_nouns()[head.lower_]
            entity = self._phrase_entity(span, kind, gender)
        if entity is None:
            return Resolution(None, None, "other", None)
        entity.add("" if mention.kind == "pronoun" else (mention.surface or _without_article(span)), span.start_char, title=mention.title)
        entity.affiliation = entity.affiliation or mention.affiliation
        self.resolved.append((span.start_char, entity))
        return Resolution(entity, entity.name, entity.type, mention.title)

    def _entity_for(self, span: Span, head: Token, mention: Mention) -> Entity | None:
        pos = span.start_char
        if mention.kind == "pronoun":
            return self._pronoun(head, pos)
        if mention.name and mention.kind in ("person", "name", "organization"):
            key = name_key(list(mention.name))
            person = self._person_for(key, pos) if key else None
            # a name the NER typed as an organisation is still the person whose surname it is
            if person is not None and (mention.kind != "organization" or person.key[-len(key):] == key):
                return person
            if mention.kind == "person":
                return self._person(span.doc[head.i - len(mention.name) + 1 : head.i + 1], pos, [])
            if mention.kind == "organization":
                ent = next((e for e in ents_in(span) if e.start <= head.i < e.end), None)
                return self._organization(ent) if ent is not None else None
            entity = Entity(_name_type(mention), key, mention.surface)
            self.entities.append(entity)
            return entity
        if mention.kind == "description":
            return self._description(head, pos)
        return None

    def _pronoun(self, head: Token, pos: int) -> Entity | None:
        word = head.lower_
        window_start = _paragraph_start(text_of(self.doc), pos, PRONOUN_REACH)
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            kinds = [lambda e: e.type == "person" and e.gender in (gender, None)]
        elif word in ("they", "their"):
            # groups first; an organisation only when no group is in reach
            kinds = [lambda e: e.type in ("group", "anonymous"), lambda e: e.type == "organization" and e.label != "GPE"]
        elif word in ("it", "its"):
            kinds = [lambda e: e.type == "organization"]
        else:
            return None
        for ok in kinds:
            found = self._salient(ok, window_start, pos)
            if found is not False:
                return found
        return None

    def _salient(self, ok, window_start: int, pos: int) -> Entity | None | bool:
        """The compatible entity to prefer, None when candidates tie, False when there is none."""
        # the last speaker, when compatible: news keeps one speaker through a run of sentences
        speakers = [(p, e) for p, e in self.resolved if window_start <= p < pos and ok(e)]
        if speakers:
            return speakers[-1][1]
        subjects = sorted((p, sent, e) for e in self.entities if ok(e) for p, sent in e.subjects if window_start <= p < pos)
        if subjects:
            _, sentence, entity = subjects[-1]
            rivals = {id(e) for _, s, e in subjects if s == sentence and e is not entity}
            # coordinated subjects ("John Baker and Tom Reed argued") are equal candidates
            return None if rivals else entity
        near = [e for e in self.entities if ok(e) and any(window_start <= p < pos for p in e.positions)]
        if not near:
            return False
        return near[0] if len(near) == 1 else None

    def _description(self, head: Token, pos: int) -> Entity | None:
        """"the senator", "the minister", "the company": the most recent entity with that title or kind."""
        word = head.lower_
        if head.tag_ in PLURAL_NOUN_TAGS or not any(c.lower_ == "the" for c in head.children):
            return None
        candidates = []
        for e in self.entities:
            if not any(p < pos for p in e.positions):
                continue
            title_words = {description_titles().get(w, w) for t in e.titles for w in t.lower().split()}
            if e.type == "person" and word in title_words:
                candidates.append(e)
            elif e.type == "organization" and (word in {fold(w) for w in e.name.split()} or word in organization_nouns() and e.label == "ORG"):
                candidates.append(e)
        return _most_recent(candidates, pos)

    def speakers(self) -> list[Entity]:
        """Entities that were resolved as speakers, in order of first attribution."""
        out: list[Entity] = []
        for _, e in sorted(self.resolved, key=lambda x: x[0]):
            if e not in out:
                out.append(e)
        return out


def _unlabelled_names(doc: Doc) -> list[Span]:
    """Runs of proper nouns the NER left unlabelled that open with a known first name ("Ana María Ruiz")."""
    runs, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and doc[j].text[:1].isupper():
            j += 1
        if 2 <= j - i <= 4 and fold(doc[i].text) in first_names():
            runs.append(doc[i:j])
        i = max(j, i + 1)
    return runs


def _subject_sentence(token: Token) -> int | None:
    """The start of the token's sentence when it is a subject (or a coordinated subject), else None."""
    if token.dep_ in SUBJECTS or token.dep_ == "conj" and token.head.dep_ in SUBJECTS:
        return sentence(token).start_char
    return None


def _name_type(mention: Mention) -> str:
    """An untyped proper name: a person when titled, or short and led by a known first name or
    a lone word (speakers named by one word are people: "Trump told reporters")."""
    words = mention.name
    if mention.title or len(words) == 1 or len(words) <= 3 and fold(words[0]) in first_names():
        return "person"
    return "organization"


def _named_head(head: Token) -> Token:
    """A title noun with the name in apposition ("Minister … Carlos Fernandez de Cossio") is that name."""
    if head.ent_type_ != "PERSON" and head.pos_ in NOMINAL:
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
    return text_of(span.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


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
