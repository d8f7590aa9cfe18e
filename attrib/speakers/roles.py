"""The article's role index: the role noun phrases an article links to a name.

"Republican nominee Donald Trump" (ROLE NAME), "Marc Morial, the chief executive" (NAME, ROLE),
"the first lady, Michelle Obama" (ROLE, NAME) and "CNN's Jake Tapper" (OUTLET's NAME) tell the
resolver that a later "the nominee", "the chief executive", "the first lady" or "the CNN host"
is that entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import description_titles, newspaper_nouns, role_nouns
from ..nlp.labels import DETERMINERS
from .names import fold

# what a role phrase leaves out: clauses and the punctuation around them
CLAUSES = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "punct"})
# the NER's labels for an outlet's name ("Family Weekly" may be a PRODUCT or a WORK_OF_ART)
OUTLET_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
# plural role nouns that do not end in a plain "-s"
IRREGULAR_PLURALS = {"children": "child", "women": "woman", "men": "man", "wives": "wife"}


@dataclass(frozen=True)
class Role:
    """A role phrase: its head noun and all its words, folded ("nominee"; {"republican", "nominee"})."""

    head: str
    words: frozenset[str]


def roles_of(span: Span) -> list[Role]:
    """Every role phrase the sentence links to the name ``span``."""
    root = span.root
    out = []
    before = _before_name(span)
    if before:
        out.append(_role(before, before[-1]))
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= span.end:
            out.append(_role(_phrase(child), child))
    # "my parents, Ann and Joe Smith": every conjunct of an apposition holds its role
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = first.head
    if first.dep_ == "appos" and head.pos_ == "NOUN" and head.i < span.start:
        out.append(_role(_phrase(head), head))
    kind = outlet_kind(span)
    if kind is not None:
        out.append(Role(kind.lower_, frozenset({kind.lower_})))
    return [r for r in out if r.words]


def outlet_kind(span: Span) -> Token | None:
    """ "Harvest Weekly magazine": a paper's noun right after an outlet's name, which a later "the magazine"
    describes it by (only papers: a surname the NER took for a body says "the Ruiz campaign")."""
    if span.label_ not in OUTLET_LABELS or span.end >= len(span.doc):
        return None
    noun = span.doc[span.end]
    modifies = span.root.dep_ == "compound" and span.root.head == noun
    return noun if modifies and noun.pos_ == "NOUN" and noun.lower_ in newspaper_nouns() else None


def title_role(title: str) -> Role:
    """A title as a role: "Sen." is the senator, "U.S. President" the president."""
    words = [w for w in title.lower().split() if fold(w)]
    last = words[-1] if words else ""
    return Role(description_titles().get(last, last), frozenset(fold(w) for w in words))


def description_head(head: Token) -> str:
    """The noun a description names its holder by, as role phrases store it: "sen." is "senator"."""
    word = head.lower_
    return description_titles().get(word, _singular(head) if head.tag_ in ("NNS", "NNPS") else word)


def _singular(noun: Token) -> str:
    """A plural noun's singular: the lemma when the pipeline gives one (it lemmatises verbs only)."""
    word = noun.lower_
    if noun.lemma_ and noun.lemma_.lower() != word:
        return noun.lemma_.lower()
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def same_role(a: str, b: str) -> bool:
    """Two role nouns for one role: equal, or listed as names of one role ("judge", "justice")."""
    if a == b:
        return True
    known = role_nouns().get(a)
    return known is not None and b in known.same


def _before_name(span: Span) -> list[Token]:
    """The role words right before a name, in its noun phrase: "Republican nominee" in
    "Republican nominee Donald Trump", "CNN's" in "CNN's Jake Tapper"."""
    doc, root = span.doc, span.root
    words: list[Token] = []
    i = span.start - 1
    while i >= root.left_edge.i and doc[i].dep_ != "punct" and doc[i].lower_ not in DETERMINERS:
        words.insert(0, doc[i])
        i -= 1
    return [t for t in words if t.tag_ != "POS"]


def _phrase(head: Token) -> list[Token]:
    """The head's noun phrase without clauses, appositions and punctuation."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in CLAUSES:
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


def _role(tokens: list[Token], head: Token) -> Role:
    words = frozenset(fold(t.text) for t in tokens if t.lower_ not in DETERMINERS and fold(t.text))
    return Role(description_head(head), words)
