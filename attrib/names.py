"""Personal names as token tuples: folding, titles, surnames and when two names are one person."""
from __future__ import annotations

import unicodedata

from .lexicon import first_names, titles

# particles belong to the surname: "Fernandez de Cossio", "van der Leyen", "bin Salman"
PARTICLES = {"de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "st", "ter"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


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
        if not f or f in SUFFIXES or len(f) == 1:
            continue
        out.append(f)
    return tuple(out)


def surname(key: tuple[str, ...]) -> tuple[str, ...]:
    """The surname with its particles: the last word, or from the first particle on."""
    for i, w in enumerate(key[1:], start=1):
        if w in PARTICLES:
            return key[i:]
    return key[-1:]


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two name keys that can be one person: same last word, and the shorter fits inside the longer
    with the same first word or as its tail ("Fernandez de Cossio" in "Carlos Fernandez de Cossio")."""
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_[-len(short):] == short:
        return True
    return short[0] == long_[0] and set(short) <= set(long_)


def gender_of(words: list[str], title_words: list[str]) -> str | None:
    """"m" or "f" from a gendered title or the first name, else None."""
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
