"""Documents that speak: a poll, a report or an ad is one entity across its descriptions.

As ANNOTATION.md names them: a document's name is its shortest identifying description with its owner's
full name ("a survey by Harbor Data" is "Harbor Data survey"; "the Reed ad" after "Karl Reed" is "Karl
Reed ad"). A description without an owner ("the poll", "the new report", a headline's "Poll") is the last
document of its kind the article named before it; in the headline and the lede, which keep the name for
later, the first one named after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ..lexicon import document_nouns, document_verbs
from ..nlp.labels import DEFINITE_DETERMINERS, DETERMINERS
from ..nlp.spans import text_of
from .entities import Entity
from .names import name_key

# entity types a proper name that owns a document may have ("a Harbor Data survey", "the Reed ad")
OWNER_TYPES = ("PERSON", "ORG", "")
# participles that give a document its title ("an ad titled ...")
TITLING_VERBS = frozenset({"titled", "entitled", "called", "dubbed", "named"})
# the quoted title right after such a participle
TITLE_AFTER = re.compile(r"\s*[\"“‘']([^\"“”‘’\n]{1,80}?)[\"”’']")


def document_kind(head: Token) -> str | None:
    """The kind of document a noun names ("survey" is a poll), or None."""
    return document_nouns().get(head.lower_)


def owner_of(head: Token) -> Span | None:
    """The proper name that owns a document: "Harbor Data" in "a Harbor Data survey", "Harbor Data's survey"
    or "a survey by (from) Harbor Data"."""
    if document_kind(head) is None:
        return None
    doc = head.doc
    names = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "poss") and _proper(c)]
    if names:
        # "New York Times/CBS News" before "survey": from the first name's first word up to the noun
        end = names[-1].i + 1
        while end < head.i and doc[end].tag_ != "POS" and _proper(doc[end]):
            end += 1
        return doc[min(c.left_edge.i for c in names) : end]
    for prep in head.rights:
        name = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if prep.lower_ in ("by", "from") and name is not None and _proper(name):
            return _name_phrase(name)
    # "The Harbor Times conducted a poll": whoever conducts, releases or publishes it
    verb = head.head if head.dep_ == "dobj" else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is not None and verb.lemma_ in document_verbs() and _proper(subject):
        return _name_phrase(subject)
    return None


def document_name(head: Token, owner: Span, owner_name: str) -> str:
    """ "<owner> <noun>", with the words that tell the document apart between them ("Harbor Times 50-state poll");
    adjectives that only date or size it ("new", "latest", "national") and the owner's "'s" are left out."""
    after = owner.end if head.left_edge.i <= owner.start < head.i else head.left_edge.i  # the owner inside or not
    words = [t for t in head.doc[after : head.i] if t.tag_ != "POS" and t.pos_ not in ("DET", "ADJ")]
    middle = head.doc[words[0].i : head.i].text + " " if words else ""
    return f"{owner_name} {middle}{head.text}"


def given_title(head: Token) -> str | None:
    """The quoted title a document noun is given: "an ad titled “Unifier?”", "a memo called 'Plan B'"."""
    verb = next((c for c in head.rights if c.dep_ == "acl" and c.lower_ in TITLING_VERBS), None)
    found = TITLE_AFTER.match(text_of(head.doc), verb.idx + len(verb)) if verb is not None else None
    return found.group(1).strip() if found else None


def _name_phrase(name: Token) -> Span:
    """The proper name a token heads, without its determiner."""
    start = name.left_edge.i
    while start < name.i and name.doc[start].lower_ in DETERMINERS:
        start += 1
    return name.doc[start : name.i + 1]


def owned_documents(doc: Doc) -> list[tuple[Token, Span]]:
    """Every document noun of the article that has an owner, with that owner."""
    out = []
    for t in doc:
        if t.pos_ == "NOUN" and document_kind(t) is not None:
            owner = owner_of(t)
            if owner is not None:
                out.append((t, owner))
    return out


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ in OWNER_TYPES


class Documents:
    """Document entities of one article and the descriptions that point to them (a ``Resolver`` mixin)."""

    def _register_documents(self) -> None:
        """Name every owned document, and keep each kind's documents in order of position."""
        found = owned_documents(self.doc)
        names = [self._owner_name(owner) for _, owner in found]
        # "the Harbor poll" after "a Harbor Research poll": an owner named by its first word is the longer owner
        longer = {n.split()[0]: n for n in sorted(names, key=len) if len(n.split()) > 1}
        for (head, owner), name in zip(found, names):
            name = longer.get(name, name) if len(name.split()) == 1 else name
            pos = owner.start_char if owner.start < head.i else head.idx
            entity = self._phrase_entity(document_name(head, owner, name), "other", None)
            entity.add("", pos)
            self.owned[head.i] = entity
            self.document_ids.add(id(entity))
            self.documents.setdefault(document_kind(head), []).append((pos, head.i, entity))  # in text order
        self._name_titled()

    def is_document(self, entity: Entity) -> bool:
        """Whether the entity is a document the article named (a poll, an ad, a report)."""
        return id(entity) in self.document_ids

    def _name_titled(self) -> None:
        """ "The ad, titled “Unifier?”": a document the article gives a title is named by it (ANNOTATION.md)."""
        for t in self.doc:
            title = given_title(t) if t.pos_ == "NOUN" and document_kind(t) is not None else None
            entity = self._document(t, t.idx) if title is not None else None
            if entity is not None:
                entity.rename(title, name_key(title.split()), (9, 9))

    def _owner_name(self, owner: Span) -> str:
        """The owner's canonical name: "Karl Reed" for "Reed", the spelled-out name of a short form."""
        words = [t.text for t in owner if t.tag_ != "POS"]
        key = name_key(words)
        pos = owner.start_char
        label = owner.root.ent_type_
        # a name the NER left unlabelled may be either ("the Reed ad")
        person = self._person_for(key, pos) if label in ("PERSON", "") and key else None
        body = self._organization_for(key, words) if label in ("ORG", "") and key else None
        found = person or body
        return found.name if found is not None else self.text[owner.start_char : owner.end_char].removesuffix("'s")

    def _document(self, head: Token, pos: int) -> Entity | None:
        """The document a description names: its own, when it has an owner; else the one it points to."""
        kind = document_kind(head)
        if kind is None or self.quoted(pos):
            return None
        if head.i in self.owned:
            self.how = "unnamed"
            return self.owned[head.i]
        named = self.documents.get(kind, [])
        i = bisect_left(named, (pos,))
        definite = any(c.lower_ in DEFINITE_DETERMINERS for c in head.children)
        if definite and i > 0:
            self.how = "role"
            # "the poll": the last poll named, else the last of its kind ("survey")
            same = [e for _, t, e in named[:i] if self.doc[t].lower_ == head.lower_]
            return same[-1] if same else named[i - 1][2]
        if self._in_lede(pos) and not definite and i < len(named):
            self.how = "role"
            return named[i][2]  # the headline's "Poll", the lede's "a new poll": the one named next
        return None
