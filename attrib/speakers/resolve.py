"""The resolver: every mention of one entity gets that entity's canonical name.

Full names are read first, so a bare surname or "Mr./President X" goes to the person whose sex,
title and salience fit, wherever in the article the full name stands; names never merge across
different first names ("Hillary Clinton" / "Bill Clinton"). Names inside quotation marks name
no one. Pronouns and descriptions ("the senator") resolve by agreement and salience, and stay
unresolved rather than guess between equal candidates.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..find.quotes import quoted_spans
from ..lexicon import (
    confidence,
    first_names,
    honorifics,
    organization_nouns,
    person_nouns,
    role_nouns,
)
from ..nlp.labels import DETERMINERS, PLURAL_NOUN_TAGS, RELATIVE_TAGS, SUBJECTS
from ..nlp.spans import Coverage, ents_in, ents_of, lede_end, text_of
from .anaphora import PRONOUN_REACH, Anaphora, is_age
from .documents import Documents, document_kind
from .entities import Entity, Resolution, evidence, fitting, most_recent, most_salient
from .gender import tie_pronouns
from .mentions import (
    complete_from_quotes,
    from_first_name,
    headline_lines,
    name_of,
    name_type,
    named_head,
    names_in_titles,
    office,
    paragraph_start,
    shared_surname,
    spelled_out,
    subject_sentence,
    surname_sexes,
    title_before,
    unlabelled_names,
    without_article,
)
from .names import acronym, fold, fullness, gender_of, name_key, same_person, surname_inside
from .phrases import (
    DESCRIPTION,
    antecedent,
    conjuncts,
    counted_whole,
    data_source,
    distributed_subject,
    loose_antecedent,
    named_descriptions,
    named_pair,
    own_phrase,
    partitive_phrase,
    people_noun,
    share_of,
    unlabelled_subject,
    unnamed_study,
    whole_phrase,
    without_dated_clause,
    without_focus,
)
from .registry import Registry
from .roles import outlet_kind, roles_of
from .speakers import Mention, describe, unnamed_kind
from .standins import NAMED_KINDS, StandIns


class Resolver(Anaphora, StandIns, Documents):
    """Entities of one document; ``resolve`` names the speaker of one phrase."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = text_of(doc)
        self.registry = Registry()
        # (position, order resolved, entity) of the speakers resolved so far, sorted
        self.resolved: list[tuple[int, int, Entity]] = []
        self.how = ""  # how the phrase being resolved found its entity, when not by its own name
        self.salience = ""  # what made the last salient entity win: "last speaker" or "other"
        self.documents: dict[str, list[tuple[int, int, Entity]]] = {}  # kind -> (position, token, entity), sorted
        self.owned: dict[int, Entity] = {}  # the document of each document noun that has an owner, by token
        self.document_ids: set[int] = set()  # id() of the documents' entities
        self.quotes = Coverage([(q.start, q.end) for q in quoted_spans(self.text)])
        self.headlines, self.lede_end = Coverage(headline_lines(self.text)), lede_end(self.text)
        # words the NER takes for places are no first names, even when a census lists them ("Burma")
        self.places = {fold(e.text) for e in ents_of(doc) if e.label_ in ("GPE", "LOC")}
        mentions, pairs = self._mentions(doc)
        people = [m for _, m in mentions if isinstance(m, Span) and m.label_ in ("PERSON", "")]
        self.surname_sex = surname_sexes(people)
        # full names first: a bare surname then finds every person it may stand for
        for span in people:
            if len(name_of(span)[1]) > 1:
                self._person(span, span.start_char, title_before(span))
        for words in names_in_titles(doc):
            self._titled_person(words)
        # a surname a quotation gives in full ("Barack Obama") is that full name, before bare surnames find it
        complete_from_quotes(doc, self.registry.entities, self.quoted)
        # and organisations' full names: a short form then finds the one it stands for ("Goldman", "Goldman Sachs")
        bodies = {id(m) for _, m in mentions if isinstance(m, Span) and m.label_ == "ORG" and self._full_body(m)}
        for name in spelled_out(doc):  # "Citizens for Ethics in Ohio (CEO)": the name its acronym in brackets spells
            self._organization(name)
        tie_pronouns(doc, self.registry.people, self.quoted, self._in_reach)
        for _, mention in sorted(mentions + pairs, key=lambda m: m[0]):
            if isinstance(mention, Token) and mention.lower_ in ("he", "she"):
                person = self._pronoun(mention, mention.idx)
                if person is not None:
                    person.add("", mention.idx, subject_sentence(mention))
            elif isinstance(mention, Token) and unlabelled_subject(mention):
                self._subject_name(mention)
            elif isinstance(mention, Token) and people_noun(mention):
                self._subject_description(mention)  # "the Democrats": a group a later "they" may be
            elif isinstance(mention, Token) and mention.pos_ == "PROPN":
                group = self._phrase_entity(self._joined_names(conjuncts(mention)), "group", None)
                group.add("", mention.idx, subject_sentence(mention))
            elif isinstance(mention, Token):
                self._subject_description(mention)
            elif mention.label_ == DESCRIPTION and document_kind(mention.root) is None:
                # "the Clinton campaign": what a later "the campaign" is (documents are named below)
                kind = "organization" if mention.root.lower_ in organization_nouns() else "other"
                self._phrase_entity(without_article(mention), kind, None).add("", mention.start_char)
            elif mention.label_ not in ("PERSON", "", DESCRIPTION) and id(mention) not in bodies:
                self._organization(mention)
            elif mention.label_ != DESCRIPTION and len(name_of(mention)[1]) <= 1:
                self._person(mention, mention.start_char, title_before(mention))
        self._register_documents()

    def _mentions(self, doc: Doc) -> tuple[list[tuple[int, Span | Token]], list[tuple[int, Token]]]:
        """The entity mentions in document order, and the subjects (pairs, pronouns, unlabelled names) that keep
        a person in focus."""
        # every mention outside quotation marks, in document order, so that "most recent" means what it says
        mentions: list[tuple[int, Span | Token]] = [
            (e.start_char, e) for e in ents_of(doc) if e.label_ in ("PERSON", "ORG", "GPE") or outlet_kind(e)
        ]
        subjects = [t for t in doc if t.dep_ in SUBJECTS]
        mentions += [(t.idx, t) for t in subjects if t.pos_ == "NOUN" and not t.ent_type_ or people_noun(t)]
        mentions += [(run.start_char, run) for run in unlabelled_names(doc)]
        mentions += [(d.start_char, d) for d in named_descriptions(doc)]
        # "Obama and Clinton call ...": the pair is what a later "they" may be
        pairs = [(t.idx, t) for t in doc if t.dep_ in SUBJECTS and t.pos_ == "PROPN" and conjuncts(t)]
        # "he" and "she" as subjects carry their person's salience on through the paragraphs
        pronouns = [t for t in doc if t.dep_ in SUBJECTS and t.lower_ in ("he", "she")]
        pairs += [(t.idx, t) for t in pronouns if not self.quoted(t.idx)]
        # "Lynch speaks", "Obama, who sat": a subject the NER left unlabelled still keeps its person in focus
        pairs += [(t.idx, t) for t in doc if t.dep_ in SUBJECTS and unlabelled_subject(t) and not self.quoted(t.idx)]
        mentions.sort(key=lambda m: m[0])
        return mentions, pairs

    def _in_reach(self, pos: int) -> list[Entity]:
        """The entities mentioned within a pronoun's reach before ``pos``."""
        return self.registry.mentioned_between(paragraph_start(self.text, pos, PRONOUN_REACH), pos)

    def _in_lede(self, pos: int) -> bool:
        """Whether ``pos`` is in the headline or the first paragraph."""
        return pos <= self.lede_end

    def quoted(self, pos: int) -> bool:
        return self.quotes.covers(pos, open_start=True)

    def in_headline(self, pos: int) -> bool:
        return self.headlines.covers(pos)

    # entity building -------------------------------------------------------------------------
    def _person(self, span: Span, pos: int, title_words: list[str]) -> Entity | None:
        title, key = name_of(span)
        if not key or not any(t.pos_ == "PROPN" for t in span):
            return None
        # "’s" is a possessive or a contraction ("Trump’s not about ..."), never part of the name
        tokens = [t for t in span if t.tag_ != "POS" and t.lower_ not in ("'s", "’s")][len(title) :]
        quoted = self.quoted(pos)
        if quoted or self.in_headline(pos):
            # quoted words and headline capitals glue epithets and verbs to names: "Crooked Hillary Clinton"
            tokens = from_first_name(tokens)
            key = name_key([t.text for t in tokens])
            if not key:  # a handle or a stray mark the NER took for a name ("Twitter @handle.") names nobody
                return None
        name = [t.text for t in tokens]
        surface = self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
        # "Joe and Ann Smith": a lone first name, no one's surname here, is Joe Smith
        surname = shared_surname(tokens[0]) if len(key) == 1 and not quoted else None
        if surname is not None and not self.registry.people(key):
            name, surface = [*name, surname.text], f"{surface} {surname.text}"
            key = name_key(name)
        title_words = title_words + title
        entity = self._person_for(key, pos, title_words)
        # a lone word may be a surname, which says nothing of a sex ("Warren", "Mitchell")
        gender = gender_of(name, title_words) if len(key) > 1 or title_words else None
        if gender is None and len(key) == 1 and not quoted and key[0] not in self.places:
            # a lone female first name of nobody's full name is a woman named by first name ("Melanie said");
            # men's first names often are surnames too ("Mitchell", "Warren"), women's rarely
            female = first_names().get(key[0]) == "f" and (entity is None or len(entity.key) == 1)
            gender = "f" if female else None
        if entity is None:
            entity = self.registry.add(Entity("person", key, surface, gender=gender))
        entity.rename(surface, key, (fullness(name), 0))
        entity.gender = entity.gender or gender
        if quoted:
            entity.add("", pos)  # a name in a quotation gives no alias, title or subject
        else:
            entity.add(surface, pos, subject_sentence(span.root), office(title_words))
            entity.add_roles(roles_of(span))
            # a role that implies a sex gives it when the name does not ("9/11 widow Terry Strada")
            sexes = {role_nouns()[r.head].sex for r in entity.roles if r.head in role_nouns()} - {None}
            entity.gender = entity.gender or (sexes.pop() if len(sexes) == 1 else None)
        return entity

    def _titled_person(self, words: list[str]) -> None:
        """A person named in full only inside a title ("The Ana Ruiz Show"): the name a bare "Ruiz" stands for,
        unless the article names another person of that surname in full."""
        key = name_key(words)
        if len(key) < 2 or self.registry.people(key[-1:]):
            return
        entity = self.registry.add(Entity("person", key, " ".join(words), gender=gender_of(words, [])))
        entity.rank = (fullness(words), 0)

    def _person_for(self, key: tuple[str, ...], pos: int, title_words: list[str] = ()) -> Entity | None:
        matches = [e for e in self.registry.people(key) if same_person(key, e.key)]
        if len(key) == 1 and not matches:
            # no full name ends in it: "Ms. Gao" is Gao Junlan, "Ms. Acosta" Melba Acosta Febo
            matches = [e for e in self.registry.inner(key[0]) if surname_inside(key[0], e.key)]
        if len(key) == 1 and not matches and not title_words and key[0] not in self.places:
            # a first name alone ("Melissa said", "Jeb said") is the one person the article names in full with it
            firsts = [e for e in self.registry.inner(key[0]) if len(e.key) > 1 and e.key[0] == key[0]]
            matches = firsts if len(firsts) == 1 else []
        if len(key) > 1:
            # a full name joins the entity with the same full name, or one known only by surname
            full = [e for e in matches if len(e.key) > 1 and e.key[-len(key) :] != key or e.key == key]
            return full[0] if full else most_recent(matches, pos)
        if key in self.surname_sex and not any(w in honorifics() for w in title_words):
            # the sex every "Mr./Mrs. X" of the article gives holds for its bare "X" too
            title_words = [self.surname_sex[key], *title_words]
        return most_salient(fitting(matches, title_words), pos)

    def _organization(self, span: Span) -> Entity:
        tokens = [t for t in span if t.tag_ != "POS"]
        while tokens and tokens[0].lower_ in DETERMINERS:
            tokens = tokens[1:]
        words = [t.text for t in tokens]
        key = name_key(words)
        # a surname the NER took for an organisation ("Trump", "Díaz-Canel") stays the person's
        person = self._person_for(key, span.start_char) if key else None
        if person is not None and person.key[-len(key) :] == key:
            person.add(span.text, span.start_char, subject_sentence(span.root))
            return person
        entity = self._organization_for(key, words)
        surface = self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])] if tokens else ""
        if entity is None:
            entity = self.registry.add(Entity("organization", key, surface, label=span.label_ or None))
        # the spelled-out name is the canonical one: "Securities and Exchange Commission", not "SEC"
        entity.rename(surface, key, (1, len(key)) if len(key) > 1 else (0, 1))
        entity.add(surface, span.start_char, subject_sentence(span.root))
        if not self.quoted(span.start_char):
            entity.add_roles(roles_of(span))
        return entity

    def _full_body(self, span: Span) -> bool:
        """Register an organisation named in more than one word, outside quotation marks; whether it was."""
        words = [t for t in span if t.tag_ != "POS" and t.lower_ not in DETERMINERS]
        if len(name_key([t.text for t in words])) < 2 or self.quoted(span.start_char):
            return False
        self._organization(span)
        return True

    def _organization_for(self, key: tuple[str, ...], words: list[str]) -> Entity | None:
        """The organisation with this name, or whose acronym it is ("IMF" = "International Monetary Fund")."""
        short = acronym(words)
        for e in self.registry.organizations(key, short):
            spelled_out = len(key) == 1 and len(e.key) > 1 and acronym(e.name.split()) == key[0]
            if e.key == key or spelled_out or len(e.key) == 1 and short == e.key[0]:
                return e
        # "the Post" after "The New York Post" is that paper; "Goldman" after "Goldman Sachs" that bank; "the
        # Committee" after "the Senate Committee on Rules" that committee
        return self.registry.outlet(key) or self.registry.short_form(key) or self.registry.kind_word(key)

    def _subject_description(self, head: Token) -> None:
        """A subject that is a description: "the senator" joins its entity; "the mayor" or
        "Cuban officials" become entities of their own that pronouns can point to."""
        span = head.doc[head.left_edge.i : head.i + 1]
        if head.tag_ in PLURAL_NOUN_TAGS:
            phrase = self._owned(span, head) or without_article(span)
            self._phrase_entity(phrase, "group", None).add("", head.idx, subject_sentence(head))
            return
        entity = self._description(head, head.idx)
        if entity is None and head.lower_ in person_nouns() and any(c.lower_ == "the" for c in head.children):
            entity = self._phrase_entity(without_article(span), "person", person_nouns()[head.lower_])
        if entity is not None:
            entity.add("", head.idx, subject_sentence(head))

    def _subject_name(self, token: Token) -> None:
        """An unlabelled surname subject ("Lynch speaks") or a relative pronoun subject ("Trump, who
        sat") is a subject mention of the person it names or stands for."""
        noun = antecedent(token) if token.tag_ in RELATIVE_TAGS else token
        if noun is None or noun.pos_ != "PROPN":
            return
        person = self._person_for((fold(noun.text),), token.idx)
        if person is not None:
            person.add("", token.idx, subject_sentence(token))

    # resolution ------------------------------------------------------------------------------
    def resolve(self, span: Span, head: Token) -> Resolution:
        """Resolve the speaker phrase ``span`` whose head is ``head``."""
        noun = antecedent(head) or loose_antecedent(head)
        if noun is not None:
            found = self.resolve(own_phrase(noun), noun)  # "who", "which": the phrase it stands for
            return replace(found, confidence=min(found.confidence, confidence("relative pronoun")))
        if head.tag_ in RELATIVE_TAGS:
            return Resolution(None, None, "other", None)  # a relative pronoun that stands for no noun names no one
        whole = share_of(head)  # "73 percent" after "52 percent of registered voters"
        if whole is not None:
            return self._unnamed(f"{without_article(span)} of {whole}", "group", span.start_char)
        source = data_source(head)
        if source is not None:
            return self._data_source(own_phrase(source), source)
        part = partitive_phrase(head)  # "many of whom": many of the phrase before
        if part is not None:
            return self._unnamed(part, "group", span.start_char)
        counted = counted_whole(head)  # "Hundreds of farmers", "Some in the crowd": the group is the speaker
        if counted is not None:
            span, head = span.doc[counted.left_edge.i : max(span.end, counted.i + 1)], counted
        span, head = whole_phrase(span, head)  # a phrase cut to its head (the antecedent of "which")
        shared = distributed_subject(head)  # "each", "both": the coordinated subject they distribute
        parts = conjuncts(shared if shared is not None else head) or conjuncts(named_head(head)) or named_pair(span)
        if parts:
            return self._coordination(span, parts)
        head = named_head(head)
        mention = describe(span, head)
        self.how = ""
        entity = self._entity_for(span, head, mention)
        key = name_key(list(mention.name))
        how = self.how or evidence(key, mention.kind, entity, self.registry.people(key))
        if entity is None and mention.kind != "pronoun":
            kind, gender = unnamed_kind(mention.kind, head)
            trimmed = without_dated_clause(without_focus(span), head)
            owned = self._owned(trimmed, head)
            how = "possessive" if owned else "unnamed"
            phrase = owned or unnamed_study(head) or self._full_names_in(trimmed)
            entity = self._phrase_entity(phrase, kind, gender)
        if entity is None:
            return Resolution(None, None, "other", None)
        title = office(mention.title.split()) if mention.title else None
        surface = "" if mention.kind == "pronoun" else (mention.surface or without_article(span))
        entity.add(surface, span.start_char, title=title)
        entity.affiliation = entity.affiliation or mention.affiliation
        self._spoke(span.start_char, entity)
        return Resolution(entity, entity.name, entity.type, title, confidence(how))

    def _entity_for(self, span: Span, head: Token, mention: Mention) -> Entity | None:
        pos = span.start_char
        if mention.kind == "pronoun":
            return self._pronoun(head, pos)
        document = self._document(head, pos)  # "the poll", "a survey by Harbor Data", a headline's "Poll"
        if document is not None:
            return document
        pair = self._both(head, pos) or self._named_group(head, pos)  # "both candidates", "the officials"
        if pair is not None:
            return pair
        role_word = mention.kind == "name" and head.lower_ in role_nouns()  # a headline's capitalised "Judge"
        if mention.name and mention.kind in NAMED_KINDS and not role_word:
            key = name_key(list(mention.name))
            title_words = mention.title.split() if mention.title else []
            # an acronym is its organisation, whatever the NER took it for ("CNS" = "Christian News Service")
            acronym_like = len(key) == 1 and mention.surface.isupper()
            org = self._organization_for(key, list(mention.name)) if acronym_like else None
            if org is not None:
                return org
            person = self._person_for(key, pos, title_words) if key else None
            # a name the NER typed as an organisation is still the person whose surname it is
            if person is not None and (mention.kind != "organization" or person.key[-len(key) :] == key):
                return person
            if mention.kind == "person":
                return self._person(span.doc[head.i - len(mention.name) + 1 : head.i + 1], pos, [])
            if mention.kind == "organization":
                ent = next((e for e in ents_in(span) if e.start <= head.i < e.end), None)
                first = head.i - len(mention.name) + 1
                if ent is not None and head.i == ent.end - 1 and span.start <= first < ent.start:
                    # the name as the mention reads it ("House Democrats", where the NER took "Democrats")
                    ent = Span(span.doc, first, ent.end, label=ent.label_)
                return self._organization(ent) if ent is not None else None
            return self.registry.add(Entity(name_type(mention), key, mention.surface))
        if mention.kind in ("description", "group") and head.text[:1].isupper() and len(span) == 1:
            # a capitalised word the tagger took for a noun is the person whose surname it is ("Trump knows",
            # "Sanders remarked" read as a plural)
            person = self._person_for((fold(head.text),), pos)
            if person is not None:
                return person
        if mention.kind == "description" or role_word or is_age(head):
            return self._description(head, pos)
        return None

    def speakers(self) -> list[Entity]:
        """Entities that were resolved as speakers, in order of first attribution."""
        return list({id(e): e for _, _, e in self.resolved}.values())
