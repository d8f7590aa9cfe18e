"""Corpus identities: a stable key for every speaker name, and the merge of one person's forms across articles.

The resolver names each speaker once per article ("Obama" in one, "Barack Obama" in another). The
key is the folded canonical name as a slug ("barack-obama"). The corpus merge then joins:

- a full name to a longer full name of the same type that fits it ("Hillary Clinton" into "Hillary
  Rodham Clinton") when every longer name that fits it could be one person with the others;
- a one-word person's name ("Obama") to the one person of that surname quoted in the same month (else
  in the whole corpus), leaving out people whose known gender differs from the article's evidence; with two
  candidates left ("Barack Obama" and "Michelle Obama") it stays a key of its own.

Two full names with different first names never merge ("Michelle Obama" / "Barack Obama").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..nlp.labels import NAME_PARTICLES
from .names import fold, name_key, same_person

# types whose names can be short forms of one another; groups and anonymous sources are phrases
NAMED_TYPES = ("person", "organization")
# a speaker the resolver could not type ("Trump" read as neither) may still be a named person's short form
UNTYPED = "other"


@dataclass(frozen=True)
class Unit:
    """The records of one key in one month with one gender: the grain the merge decides on."""

    key: str
    month: str | None  # YYYY-MM of the statement, None when undated
    gender: str | None  # "m" or "f" from the record's own evidence, else None


@dataclass
class KeyInfo:
    """What the corpus says about one key: record counts by type, unit and gender."""

    types: Counter = field(default_factory=Counter)
    units: Counter = field(default_factory=Counter)  # Unit -> records
    phrases: int = 0  # records whose speaker is a phrase with lower-case words, not a proper name

    def add(self, unit: Unit, type_: str | None, speaker: str) -> None:
        self.types[type_] += 1
        self.units[unit] += 1
        self.phrases += not is_proper_name(speaker)

    @property
    def type(self) -> str:
        return self.types.most_common(1)[0][0]

    @property
    def records(self) -> int:
        return sum(self.units.values())


def speaker_key(name: str | None) -> str | None:
    """A slug of the folded canonical name ("Barack Obama" -> "barack-obama"); None without a speaker."""
    if not name:
        return None
    # initials, suffixes and possessive endings go, as in the resolver's own name keys
    words = name_key(name.split()) or tuple(w for w in (fold(x) for x in name.split()) if w)
    return "-".join(words) or None


def is_proper_name(name: str) -> bool:
    """Every word capitalised, save surname particles ("Carlos Fernandez de Cossio"); "spokeswoman
    for Hillary Clinton" is a description that ends in a name, not a longer form of it."""
    return all(w[:1].isupper() or fold(w) in NAME_PARTICLES or not fold(w) for w in name.split())


def key_words(key: str) -> tuple[str, ...]:
    return tuple(key.split("-"))


def merge(keys: dict[str, KeyInfo]) -> dict[Unit, str]:
    """The corpus key of every unit: the head of the person it joins, else its own key."""
    clusters = _full_name_clusters(keys)
    out: dict[Unit, str] = {}
    by_last: dict[str, list[_Cluster]] = defaultdict(list)
    for c in {id(c): c for c in clusters.values()}.values():
        by_last[c.last].append(c)
    for key, info in keys.items():
        for unit in info.units:
            if key in clusters:
                out[unit] = clusters[key].head
            elif len(key_words(key)) == 1 and info.type in ("person", UNTYPED):
                # only surnames: a one-word organisation is often a place or part of many names ("Mexico")
                out[unit] = _short_form_target(unit, by_last.get(key, [])) or key
            else:
                out[unit] = key
    return out


@dataclass
class _Cluster:
    """Full names that are one person (or one organisation)."""

    members: list[str]
    type: str
    counts: Counter  # key -> records
    months: set
    genders: Counter

    @property
    def last(self) -> str:
        return key_words(self.members[0])[-1]

    @property
    def head(self) -> str:
        # the most quoted form names the person; ties go to the longer, then the first in order
        return max(sorted(self.members), key=lambda k: (self.counts[k], len(key_words(k))))

    @property
    def gender(self) -> str | None:
        known = [(n, g) for g, n in self.genders.items() if g]
        return max(known)[1] if known else None

    def fits(self, words: tuple[str, ...]) -> bool:
        return all(same_person(words, key_words(m)) for m in self.members)


def _full_name_clusters(keys: dict[str, KeyInfo]) -> dict[str, _Cluster]:
    """Full names (two words or more) of named types, joined into one cluster per person."""
    full = [
        k
        for k, info in keys.items()
        if len(key_words(k)) > 1 and info.type in NAMED_TYPES and 2 * info.phrases < info.records
    ]
    clusters = {
        k: _Cluster(
            [k],
            keys[k].type,
            Counter({k: keys[k].records}),
            {u.month for u in keys[k].units},
            Counter({u.gender: n for u, n in keys[k].units.items()}),
        )
        for k in full
    }
    by_last: dict[str, list[str]] = defaultdict(list)
    for k in full:
        by_last[key_words(k)[-1]].append(k)
    # shorter names first, so that a name joins the longer names it is a form of
    for key in sorted(full, key=lambda k: (len(key_words(k)), k)):
        words = key_words(key)
        longer = [
            k
            for k in by_last[words[-1]]
            if len(key_words(k)) > len(words)
            and clusters[k].type == clusters[key].type
            and same_person(words, key_words(k))
        ]
        # every longer name that fits must fit the others too: else the short one could be either
        if not longer or not all(same_person(key_words(a), key_words(b)) for a in longer for b in longer):
            continue
        for other in longer:
            _join(clusters, clusters[key], clusters[other])
    return clusters


def _join(clusters: dict[str, _Cluster], a: _Cluster, b: _Cluster) -> None:
    if a is b or not all(b.fits(key_words(m)) for m in a.members):
        return  # a chain must not join two names that cannot be one person
    a.members += b.members
    a.counts.update(b.counts)
    a.months |= b.months
    a.genders.update(b.genders)
    for m in b.members:
        clusters[m] = a


def _short_form_target(unit: Unit, candidates: list[_Cluster]) -> str | None:
    """The head of the one person a surname can be in its month, or None when it is not one."""
    pool = [c for c in candidates if c.type == "person"]
    if unit.gender:
        # the article's own evidence of gender rules out people of the other one
        pool = [c for c in pool if c.gender in (unit.gender, None)]
    in_month = [c for c in pool if unit.month in c.months]
    pool = in_month or pool
    return pool[0].head if len(pool) == 1 else None
