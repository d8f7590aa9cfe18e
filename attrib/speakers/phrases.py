"""Speaker phrases that stand for other phrases: a relative pronoun for its antecedent ("the
Saudi government, which ..."), a coordination for its conjuncts ("Mr. Ruiz and Mr. Dorsey"), a
possessive for its owner ("his office" is Paul Ryan's office)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import count_nouns, data_nouns, first_names, focus_adverbs, share_nouns, study_nouns
from ..nlp.labels import NOMINAL, PLURAL_NOUN_TAGS, RELATIVE_TAGS
from .names import fold

# what a conjunct or an antecedent leaves out of its phrase
LEAVE_OUT = frozenset({"conj", "cc", "preconj", "punct", "relcl", "appos", "acl"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
# pronouns that speak for each member of a coordinated subject
DISTRIBUTIVES = frozenset({"each", "both"})
# what an unnamed study's noun may carry before it: an article, an adjective ("an exhaustive study")
STUDY_MODIFIERS = frozenset({"det", "amod", "advmod", "punct"})
# the words that count a group, which a part of it drops ("only two Democrats, both of whom")
COUNTING = frozenset({"det", "nummod", "predet", "quantmod", "advmod"})
# how many tokens back a bare share ("73 percent") looks, within its paragraph, for the group a share counted
SHARE_REACH = 120
# the label named descriptions carry among the article's name mentions
DESCRIPTION = "DESCRIPTION"


def antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Union" in "the European Union, which said";
    through an apposition to the name it describes ("McConnell, now the leader, who said")."""
    if head.tag_ not in RELATIVE_TAGS or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    if noun.dep_ == "appos" and noun.head.pos_ in NOMINAL:
        noun = noun.head
    return noun if noun.pos_ in NOMINAL else None


def whole_phrase(span: Span, head: Token) -> tuple[Span, Token]:
    """The phrase a speaker cut to its head (the antecedent of "who") stands for: "Hale is a liar who ..." is Hale;
    a word of a body's name the parser split is the whole name ("a group called Friends for Ardo, which ..."); else the
    head keeps its modifiers ("the European Union")."""
    if len(span) != 1 or span[0] != head:
        return span, head
    subject = _predicated(head)
    if subject is not None:
        return own_phrase(subject), subject
    start, end = _entity_bounds(head)
    if end > start + 1 and head.ent_type_ == "ORG":  # a person's surname already finds the person
        return head.doc[start:end], head.doc[start:end].root
    return (head.doc[head.left_edge.i : head.i + 1] if head.left_edge.i < head.i else span), head


def _predicated(noun: Token) -> Token | None:
    """ "Hale is a gambler and liar who has promised ...": a predicate noun stands for the copula's subject."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_.lower() != "be":
        return None
    # "Brandt rarely speaks and is a planner who ...": a copula coordinated after a verb shares its subject
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS]
    return subjects[0] if subjects else None


def name_words(token: Token) -> list[str]:
    """The words of the name that ``token`` is part of, without a possessive ("Marcus Allen Webb" of "Webb's")."""
    start, end = _entity_bounds(token)
    return [t.text for t in token.doc[start:end] if t.tag_ != "POS" and t.i <= token.i] or [token.text]


def _entity_bounds(token: Token) -> tuple[int, int]:
    """The token range of the entity the token is part of, or the token alone."""
    start, end = token.i, token.i + 1
    if token.ent_iob_ not in ("B", "I"):
        return start, end
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def loose_antecedent(head: Token) -> Token | None:
    """A relative pronoun the parser hung on no relative clause ("the police department which reported"): the
    noun right before it, a comma between or not."""
    if head.tag_ not in RELATIVE_TAGS or antecedent(head) is not None:
        return None
    i = head.i - 1 - (head.i > 1 and head.doc[head.i - 1].text == ",")
    return head.doc[i] if i >= 0 and head.doc[i].pos_ in NOMINAL else None


def share_of(head: Token) -> str | None:
    """ "73 percent" a little after "52 percent of registered voters": the group the article last took a share of
    ("registered voters"), which a bare share leaves out; None when it names its group or none is near."""
    shares = share_nouns()
    if head.lower_ not in shares or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    for t in reversed(head.doc[max(0, head.i - SHARE_REACH) : head.i]):
        if "\n" in t.text:
            return None  # another paragraph may count another group
        of = (
            next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None) if t.lower_ in shares else None
        )
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whole is not None and whole.tag_ in PLURAL_NOUN_TAGS:
            return head.doc[whole.left_edge.i : whole.i + 1].text
    return None


def conjuncts(head: Token) -> list[Token]:
    """The heads of a coordinated speaker phrase ("Merkley, Brown and Menendez"), or [] when it is one
    phrase; a name that holds "and" ("Securities and Exchange Commission") is one phrase."""
    if head.pos_ not in NOMINAL:
        return []
    parts = [c for c in head.conjuncts if c.pos_ in NOMINAL and not (head.ent_iob_ != "O" and _same_entity(head, c))]
    # common nouns joined by "and" describe one person ("the former first lady and senator")
    if not parts or all(t.pos_ != "PROPN" for t in (head, *parts)):
        return []
    ordered = sorted([head, *parts], key=lambda t: t.i)
    # so do bare titles joined before one name ("GOP contender and former neurosurgeon Ben Carson")
    if ordered[-1].ent_type_ == "PERSON" and all(_bare_title(t) for t in ordered[:-1]):
        return []
    return ordered


def _bare_title(token: Token) -> bool:
    """A singular noun phrase without a determiner or a name of a person or body: a title ("Vice President")."""
    determined = any(c.dep_ in ("det", "poss") for c in token.children)
    return token.tag_ in ("NN", "NNP") and token.ent_type_ not in ("PERSON", "ORG", "GPE") and not determined


def named_pair(span: Span) -> list[Token]:
    """ "Donald Roe and House Speaker Ana Ruiz": two people's names joined by "and" with only title words between,
    however the parser hung them (it may take the first name for a modifier of the second's title)."""
    people = [e for e in span.ents if e.label_ == "PERSON"] + _unlabelled_people(span)
    people.sort(key=lambda e: e.start)
    if len(people) != 2:
        return []
    between = span.doc[people[0].end : people[1].start]
    titles = all(t.pos_ == "PROPN" or t.lower_ == "and" for t in between)
    return [people[0].root, people[1].root] if titles and any(t.lower_ == "and" for t in between) else []


def _unlabelled_people(span: Span) -> list[Span]:
    """Runs of proper nouns without an entity label that open with a known first name ("Ana Ruiz")."""
    out, i = [], span.start
    while i < span.end:
        j = i
        while j < span.end and span.doc[j].pos_ == "PROPN" and not span.doc[j].ent_type_:
            j += 1
        if j - i >= 2 and fold(span.doc[i].text) in first_names():
            out.append(span.doc[i:j])
        i = max(j, i + 1)
    return out


def distributed_subject(head: Token) -> Token | None:
    """The coordinated subject that "each" or "both" distributes: "Ruiz and Hale spoke, each saying ..."."""
    if head.lower_ not in DISTRIBUTIVES:
        return None
    verb = head.head
    for _ in range(3):
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not head), None)
        if subject is not None:
            return subject if conjuncts(subject) else None
        if verb.dep_ == "ROOT":
            break
    return None


def data_source(head: Token) -> Token | None:
    """The named source of "data from the Census Bureau": the numbers speak with their source's voice."""
    if head.lower_ not in data_nouns():
        return None
    for prep in head.children:
        source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if prep.lower_ in ("from", "of", "by") and source is not None and source.pos_ == "PROPN":
            return source
    return None


def unnamed_study(head: Token) -> str | None:
    """ "An exhaustive study released on Tuesday" is "study": a study no name, owner or author ("a report by
    Politico", "the inspector's report") tells apart is named by its noun alone."""
    if head.lower_ not in study_nouns() or any(c.dep_ not in STUDY_MODIFIERS for c in head.lefts):
        return None
    return None if any(c.dep_ in ("prep", "poss") for c in head.rights) else head.lower_


def partitive_whole(head: Token) -> Token | None:
    """ "family members of the victims, many of whom say": the noun phrase "many of whom" is a part of,
    whether the parser hangs the clause on it or not."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(c.dep_ == "pobj" and c.tag_ in RELATIVE_TAGS for c in of.children):
        return None
    if head.head.dep_ == "relcl" and head.head.head.pos_ in NOMINAL:
        return head.head.head
    comma = head.left_edge.i - 1
    if comma < 1 or head.doc[comma].text != ",":
        return None
    noun = head.doc[comma - 1]
    # "members of the victims": the phrase's head, not the last noun of its prepositional phrase
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in NOMINAL:
        noun = noun.head.head
    return noun if noun.pos_ in NOMINAL else None


def partitive_phrase(head: Token) -> str | None:
    """ "many of whom" after "the five members of the board": "many members of the board"."""
    whole = partitive_whole(head)
    if whole is None or whole.tag_ != "NNS":
        return None  # a name or a list of names ("Ruiz, Hale and Ortiz, all of whom") is no group noun
    phrase = own_phrase(whole)
    start = phrase.start
    while start < whole.i and (phrase.doc[start].pos_ in ("DET", "NUM") or phrase.doc[start].dep_ in COUNTING):
        start += 1
    return f"{head.text} {phrase.doc[start : phrase.end].text}"


def own_phrase(token: Token) -> Span:
    """The token's phrase without its conjuncts, clauses and appositions."""
    skip: set[int] = set()
    for child in token.children:
        if child.dep_ in LEAVE_OUT:
            skip.update(t.i for t in child.subtree)
    kept = [t.i for t in token.subtree if t.i not in skip]
    return token.doc[min(kept) : max(kept) + 1]


def possessor(head: Token) -> Token | None:
    """The possessive pronoun of a description ("his" in "his office"), if it has one."""
    if head.pos_ != "NOUN":
        return None
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)


def owner_name(head: Token) -> Token | None:
    """The person's name a description belongs to: "McConnell" in "McConnell aides" (plural) or in
    "Mitch McConnell's campaign"."""
    if head.pos_ != "NOUN":
        return None
    deps = ("compound", "poss") if head.tag_ == "NNS" else ("poss",)
    person = next((c for c in head.children if c.dep_ in deps and c.ent_type_ == "PERSON"), None)
    # a possessive surname the NER took for a body ("Hale’s campaign" as ORG): the resolver checks it names a person
    return person or next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def counted_whole(head: Token) -> Token | None:
    """ "Hundreds of farmers", "Some in the crowd": the group a count stands for ("farmers", "crowd")."""
    if head.lower_ not in count_nouns():
        return None
    for prep in head.children:
        whole = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if (
            prep.lower_ in ("of", "in")
            and whole is not None
            and whole.pos_ in NOMINAL
            and whole.tag_ not in RELATIVE_TAGS
        ):
            return whole
    return None


def without_focus(span: Span) -> Span:
    """The phrase without the adverbs or the date's possessive that open it: "only four percent" is "four percent",
    "July's poll" is "poll"."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in focus_adverbs() and span.doc[start].dep_ == "advmod":
        start += 1
    # "July's poll" is the poll: a date that owns a phrase only dates it
    end = start
    while end < span.end - 1 and span.doc[end].ent_type_ == "DATE" and span.doc[end].tag_ != "POS":
        end += 1
    if end > start and span.doc[end].tag_ == "POS" and end + 1 < span.end:
        start = end + 1
    return span.doc[start : span.end]


def without_dated_clause(span: Span, head: Token) -> Span:
    """The phrase short of a closing clause that dates it or only adds detail: "a poll released last
    week" is "a poll", "an official who spoke anonymously" and "an official, speaking on condition of
    anonymity" are "an official", "critics, including an economist" are "critics" (the shortest
    identifying description keeps no such clause)."""
    doc = span.doc
    last = span.end - 1
    while last > span.start and doc[last].is_punct:
        last -= 1  # closing punctuation or a closing quotation mark is no word of the phrase
    # a relative clause set off by a comma at the phrase's end is an aside, whatever noun the parser hung it on
    aside = [t for t in span if t.dep_ == "relcl" and _set_off(t, span) and t.right_edge.i >= last]
    # so is a list set off by ", including", however the parser split the names in it
    aside += [t for t in head.children if t.dep_ == "prep" and t.lower_ == "including" and _set_off(t, span)]
    if aside:
        return _cut(span, min(t.left_edge.i for t in aside))
    for child in head.children:
        if not (child.left_edge.i > span.start and child.right_edge.i >= last):
            continue  # not a closing modifier
        dated = any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        comma = doc[child.left_edge.i - 1].text == ","
        # a relative clause describes whom the phrase already names; a comma sets off a participle or a list as an aside
        detail = child.dep_ == "relcl" or child.dep_ == "acl" and (dated or comma)
        if detail:
            return _cut(span, child.left_edge.i)
    return span


def _set_off(clause: Token, span: Span) -> bool:
    """Whether a clause inside ``span`` follows a comma."""
    return clause.left_edge.i > span.start + 1 and span.doc[clause.left_edge.i - 1].text == ","


def _cut(span: Span, end: int) -> Span:
    """The phrase up to ``end``, without the commas before it."""
    while end > span.start + 1 and span.doc[end - 1].text == ",":
        end -= 1
    return span.doc[span.start : end]


def named_descriptions(doc) -> list[Span]:
    """Descriptions a name makes definite: "a Bloomberg poll", "the Clinton campaign" (name, then noun)."""
    out = []
    for t in doc:
        names = [c for c in t.lefts if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG")]
        if t.pos_ == "NOUN" and t.tag_ == "NN" and names and any(c.dep_ == "det" for c in t.lefts):
            out.append(Span(doc, names[0].left_edge.i, t.i + 1, label=DESCRIPTION))
    return out


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _same_entity(a: Token, b: Token) -> bool:
    """Whether b lies inside the entity that a opens or continues."""
    start = a.i
    while start > 0 and a.doc[start].ent_iob_ == "I":
        start -= 1
    end = a.i + 1
    while end < len(a.doc) and a.doc[end].ent_iob_ == "I":
        end += 1
    return start <= b.i < end


def unlabelled_subject(token: Token) -> bool:
    """A proper noun the NER left unlabelled, or a relative pronoun ("who") whose antecedent is a name."""
    if token.tag_ in RELATIVE_TAGS:
        noun = antecedent(token)
        return noun is not None and noun.ent_type_ == "PERSON"
    return token.pos_ == "PROPN" and not token.ent_type_ and not conjuncts(token)


def people_noun(token: Token) -> bool:
    """A plural the NER took for a nationality or party ("the Democrats", "Iranians"): a group of people."""
    return token.ent_type_ == "NORP" and token.tag_ in PLURAL_NOUN_TAGS
