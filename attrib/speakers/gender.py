"""A speaker's gender and where it comes from: the article's own words, or census first-name statistics.

The article's evidence is a gendered title or honorific in the speaker's phrases ("Mrs.",
"Congresswoman", "the spokesman") and a "he" or "she" the resolver took for the speaker. Only
when the article says nothing does the first name's sex in the 1990 US Census lists count, marked
``census``: it is a statistic about a name, not a fact about the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..lexicon import first_names, person_nouns, titles
from .names import fold

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
TITLE, PRONOUN, CENSUS = "title", "pronoun", "census"


def gender_evidence(
    name: str, mentions: Iterable[str], entity_titles: Iterable[str], resolver_gender: str | None = None
) -> tuple[str | None, str | None]:
    """(gender, source) of a person: "m"/"f" and "title", "pronoun" or "census"; (None, None) when unknown."""
    by_title: Counter = Counter()
    by_pronoun: Counter = Counter()
    for phrase in mentions:
        word = phrase.strip().lower()
        if word in PRONOUN_GENDER:
            by_pronoun[PRONOUN_GENDER[word]] += 1
        else:
            by_title.update(_title_genders(phrase.split()))
    for title in entity_titles:
        by_title.update(_title_genders(title.split()))
    census = _census(name)
    if resolver_gender and resolver_gender != census:
        # the resolver's gender, when no first name explains it, came from a title in the article
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
