"""Personal names as token tuples: folding, titles, name keys and when two names are one person."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..lexicon import first_names, titles
from ..nlp.labels import NAME_SUFFIXES

# small words an acronym skips: "Securities and Exchange Commission" is SEC
ACRONYM_SKIPS = {"and", "of", "for", "the", "a", "an", "to", "on", "in", "&"}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents or punctuation: "Díaz-Canel" and "Diaz-Canel" fold alike."""
    s = unicodedata.normalize("NFKD", word)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading title words ("U.S. President", "Sen.") apart from the name that follows."""
    known = titles()
    # the longest title prefix, allowing qualifiers in front of a known title ("U.S. President")
    for n in range(len(words) - 1, 0, -1):
        if any(" ".join(words[start:n]) in known for start in range(n)):
            return words[:n], words[n:]
    return [], words


def name_key(words: list[str]) -> tuple[str, ...]:
    """Folded name words without suffixes, initials or possessive endings."""
    out = []
    for w in words:
        w = w[:-2] if w.endswith(("'s", "’s")) else w
        f = fold(w)
        if not f or f in NAME_SUFFIXES or len(f) == 1:
            continue
        out.append(f)
    return tuple(out)


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two name keys that can be one person: same last word, and the shorter fits inside the longer
    with the same first word or as its tail ("Fernandez de Cossio" in "Carlos Fernandez de Cossio")."""
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_[-len(short) :] == short:
        return True
    return len(short) > 1 and _same_first_name(short[0], long_[0]) and set(short[1:]) <= set(long_[1:])


def surname_inside(word: str, key: tuple[str, ...]) -> bool:
    """A lone surname that is not the last word of a full name: a family name written first ("Gao" of
    "Gao Junlan", whose first word is no known first name), or the first of two surnames ("Acosta" of
    "Melba Acosta Febo", a known first name and two more words)."""
    if len(key) == 2:
        return key[0] == word and first_names().get(word) is None
    return len(key) == 3 and key[1] == word and first_names().get(key[0]) is not None


def _same_first_name(a: str, b: str) -> bool:
    """Equal, or one a short form of the other ("Tim", "Timothy") unless their sexes differ ("Eric", "Erica")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    sexes = {first_names().get(short), first_names().get(long_)} - {None}
    return len(short) >= 3 and long_.startswith(short) and len(sexes) <= 1


def gender_of(words: list[str], title_words: list[str]) -> str | None:
    """ "m" or "f" from a gendered title or the first name, else None."""
    known = titles()
    for i in range(len(title_words)):
        g = known.get(" ".join(title_words[i:]))
        if g in ("m", "f"):
            return g
    for w in words[:1]:
        g = first_names().get(fold(w))
        if g:
            return g
    return None


def fullness(words: list[str]) -> int:
    """How full a form of a name is: its words, initials and suffixes included ("Timothy J. Sloan" is 3)."""
    return sum(1 for w in words if fold(w))


def acronym(words: list[str]) -> str:
    """The initials of a multi-word name, small words skipped: "International Monetary Fund" -> "imf"."""
    letters = [fold(w)[:1] for w in words if fold(w) and fold(w) not in ACRONYM_SKIPS]
    return "".join(letters) if len(letters) > 1 else ""
