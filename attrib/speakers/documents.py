"""Documents that speak: a poll, a report or an ad is one entity across its descriptions.

As ANNOTATION.md names them: a document's name is its shortest identifying description with its owner's
full name ("a survey by Harbor Data" is "Harbor Data survey"; "the Reed ad" after "Karl Reed" is "Karl
Reed ad"). A description without an owner ("the poll", "the new report", a headline's "Poll") is the last
document of its kind the article named before it; in the headline and the lede, which keep the name for
later, the first one named after it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ..lexicon import document_nouns
from ..nlp.labels import DETERMINERS
from .entities import Entity
from .names import name_key

# entity types a proper name that owns a document may have ("a Harbor Data survey", "the Reed ad")
OWNER_TYPES = ("PERSON", "ORG", "")
# words that make a description definite: it points back to a document named before
DEFINITE = ("the", "this", "that")


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
            start = name.left_edge.i
            while start < name.i and doc[start].lower_ in DETERMINERS:
                start += 1
            return doc[start : name.i + 1]
    return None


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
        for head, owner in owned_documents(self.doc):
            pos = owner.start_char if owner.start < head.i else head.idx
            entity = self._phrase_entity(f"{self._owner_name(owner)} {head.text}", "other", None)
            entity.add("", pos)
            self.owned[head.i] = entity
            self.documents.setdefault(document_kind(head), []).append((pos, head.i, entity))  # in text order

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
        definite = any(c.lower_ in DEFINITE for c in head.children)
        if definite and i > 0:
            self.how = "role"
            # "the poll": the last poll named, else the last of its kind ("survey")
            same = [e for _, t, e in named[:i] if self.doc[t].lower_ == head.lower_]
            return same[-1] if same else named[i - 1][2]
        if self._in_lede(pos) and not definite and i < len(named):
            self.how = "role"
            return named[i][2]  # the headline's "Poll", the lede's "a new poll": the one named next
        return None
