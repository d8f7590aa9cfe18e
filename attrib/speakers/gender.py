"""A speaker's gender and where it comes from: the article's own words, or census first-name statistics.

The article's evidence is a gendered title or honorific in the speaker's phrases ("Mrs.",
"Congresswoman", "the spokesman") and a "he" or "she" the resolver took for the speaker. Only
when the article says nothing does the first name's sex in the 1990 US Census lists count, marked
``census``: it is a statistic about a name, not a fact about the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from ..lexicon import first_names, person_nouns, titles
from ..nlp.labels import SUBJECTS
from .entities import Entity
from .names import fold

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
TITLE, PRONOUN, CENSUS = "title", "pronoun", "census"


def gender_evidence(
    name: str,
    mentions: Iterable[str],
    entity_titles: Iterable[str],
    resolver_gender: str | None = None,
    pronouns: Counter | None = None,
) -> tuple[str | None, str | None]:
    """(gender, source) of a person: "m"/"f" and "title", "pronoun" or "census"; (None, None) when unknown.
    ``pronouns``: the genders of the pronouns the article ties to the person beside its speaker mentions."""
    by_title: Counter = Counter()
    by_pronoun: Counter = Counter(pronouns or {})
    for phrase in mentions:
        word = phrase.strip().lower()
        if word in PRONOUN_GENDER:
            by_pronoun[PRONOUN_GENDER[word]] += 1
        else:
            by_title.update(_title_genders(phrase.split()))
    for title in entity_titles:
        by_title.update(_title_genders(title.split()))
    census = _census(name)
    if resolver_gender and resolver_gender != census and not by_pronoun[resolver_gender]:
        # the resolver's gender, when no first name nor pronoun explains it, came from a title in the article
        by_title[resolver_gender] += 1
    for votes, source in ((by_title, TITLE), (by_pronoun, PRONOUN)):
        if votes:
            ranked = votes.most_common()
            # a tie between the sexes is no evidence
            return (ranked[0][0], source) if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else (None, None)
    return (census, CENSUS) if census else (None, None)


def _title_genders(words: list[str]) -> list[str]:
    """Genders implied by the titles among ``words``: "Mrs." and "Congresswoman" as written, "spokesman" lower-cased."""
    known, nouns = titles(), person_nouns()
    found = []
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 4) + 1):
            g = known.get(" ".join(words[i:j]))
            if g in ("m", "f"):
                found.append(g)
        g = nouns.get(words[i].lower())
        if g and known.get(words[i]) != g:
            found.append(g)
    return found


def _census(name: str) -> str | None:
    words = [w for w in name.split() if fold(w)]
    # a lone word may be a surname; a first name needs a surname after it
    return first_names().get(fold(words[0])) if len(words) > 1 else None


def tie_pronouns(
    doc: Doc,
    people_named: Callable[[tuple[str, ...]], list[Entity]],
    quoted: Callable[[int], bool],
    people_before: Callable[[int], list[Entity]],
) -> None:
    """Count for each person the pronouns the article ties to it ("In his speech, Graham said", "Graham said his
    bill would"), and let them decide a gender the first name alone gave: the article's words outrank a statistic.
    ``people_named(key)``: the persons a surname may name; ``people_before(pos)``: the entities mentioned within a
    pronoun's reach before ``pos``."""
    for pronoun, named, said in _tied_pronouns(doc, quoted):
        people = [e for e in people_named((fold(named.text),)) if e.type == "person"]
        gender = PRONOUN_GENDER[pronoun.lower_]
        if len(people) != 1:
            continue  # "Clinton" may be either Clinton: the pronoun is no evidence of one
        person = people[0]
        # "Clinton said he lied", "When he ..., X said": another person named before may be meant
        rivals = [e for e in people_before(pronoun.idx) if e is not person and e.type == "person"]
        if said and any(e.gender in (gender, None) for e in rivals):
            continue
        person.pronouns[gender] += 1
        ranked = person.pronouns.most_common()
        clear = len(ranked) == 1 or ranked[0][1] > ranked[1][1]
        if clear and person.gender in (None, _census(person.name)):
            person.gender = ranked[0][0]


def _tied_pronouns(doc: Doc, quoted: Callable[[int], bool]) -> Iterable[tuple[Token, Token, bool]]:
    """(pronoun, named subject, by a verb of saying) outside quotation marks: a pronoun in a phrase put before the
    named subject of its clause ("When he ..., Reed said"; "In his speech, Reed urged"), or the subject (or its
    owner) of what a named subject says when the sentence names no other person ("Reed said his bill would")."""
    for pronoun in doc:
        if pronoun.lower_ not in PRONOUN_GENDER or quoted(pronoun.idx):
            continue
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for clause in (verb, verb.head) if verb.head.i != verb.i else (verb,):
            own = clause.i == verb.i
            named = next((c for c in clause.children if c.dep_ in SUBJECTS and c.ent_type_ == "PERSON"), None)
            if named is None or quoted(named.idx) or named.i < pronoun.i and own:
                continue
            if named.left_edge.i <= pronoun.i <= named.right_edge.i:
                continue  # "her rival Ana Ruiz spoke": a pronoun inside a name's own phrase is someone else
            fronted = pronoun.i < named.i < clause.i and (own or verb.dep_ == "advcl")
            # "Reed said his bill would pass"; not "Reed said he refused", whose "he" is as often someone else
            subject = pronoun.dep_ == "poss" and pronoun.head.dep_ in SUBJECTS
            said = not own and verb.dep_ == "ccomp" and named.i < verb.i and subject
            alone = sum(e.label_ == "PERSON" for e in pronoun.sent.ents) == 1
            if fronted or said and alone:
                yield pronoun, named, not (fronted and own)  # "When he ..., X said": "he" may be another man
                break
