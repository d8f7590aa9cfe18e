"""Counting speakers over a corpus of attrib output: JSONL records, JSON articles or a SQLite database.

Two streaming passes over the records: the first learns which keys, months and genders occur (for
the corpus merge in ``identity``), the second counts per corpus identity. Memory grows with the
number of distinct speakers and periods, never with the number of records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

from ..read.metadata import outlet_of
from ..speakers.identity import KeyInfo, Unit, merge, speaker_key

PERIODS = ("day", "week", "month")
GROUPINGS = PERIODS + ("outlet", "type", "gender")
UNDATED = "undated"
# how fine a date is: a date joins a period at least as coarse as its precision ("unknown" joins none)
PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}
# the group --by type gives the records that name no speaker
NO_SPEAKER = "unknown"
GENDER_WORDS = {"f": "women", "m": "men", None: "unknown"}
# census first-name statistics are a guess about a name, not what the article says about the person
CENSUS = "census"


def bucket(record: dict, by: str) -> str:
    """The group a record counts in for ``--by`` day, week (ISO, "2016-W37"), month or outlet.

    A date joins only the periods its precision fills: a month-only date is no day of it and a
    year-only one ("in 2012", stored as 2012-01-01) no week and no January; such a date counts apart,
    under its own period ("2016-07", "2012")."""
    if by == "outlet":
        return outlet_of(record)
    when = record.get("date")
    if not when:
        return UNDATED
    # output written before records carried a precision gave day dates only
    precision = record.get("date_precision") or "day"
    if precision not in PRECISION:
        return UNDATED
    return period(when, max(precision, by, key=PRECISION.get))


def period(when: str, by: str) -> str:
    """The day, ISO week ("2016-W37"), month or year of an ISO date."""
    if by == "day":
        return when
    if by == "month":
        return when[:7]
    if by == "year":
        return when[:4]
    year, week, _ = Date.fromisoformat(when).isocalendar()
    return f"{year}-W{week:02d}"


def record_key(record: dict) -> str | None:
    # output written before records carried speaker_key gets the same key from its speaker name
    return record.get("speaker_key") or speaker_key(record.get("speaker"))


def unit_of(record: dict, key: str) -> Unit:
    """The merge's grain of a record: its key, month and gender; a date coarser than a month has no month
    (a year-only "in 2012" is no January: it meets the namesakes of the whole corpus, as an undated one)."""
    return Unit(key, month_of(record), record.get("speaker_gender"))


def month_of(record: dict) -> str | None:
    when = record.get("date")
    fine = PRECISION.get(record.get("date_precision") or "day", len(PRECISION)) <= PRECISION["month"]
    return when[:7] if when and fine else None


@dataclass
class Tally:
    """Everything counted for one corpus identity."""

    attributions: int = 0
    articles: int = 0
    first: str | None = None
    last: str | None = None
    kinds: Counter = field(default_factory=Counter)
    cues: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)  # (key, name as written) -> records
    keys: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)  # (gender, source) -> records

    def add(self, record: dict, key: str) -> None:
        self.attributions += 1
        when = record.get("date")
        if when:
            self.first = min(self.first or when, when)
            self.last = max(self.last or when, when)
        self.kinds[record.get("kind")] += 1
        if record.get("cue"):
            self.cues[record["cue"].lower()] += 1
        self.types[record.get("speaker_type")] += 1
        if record.get("speaker_title"):
            self.titles[record["speaker_title"]] += 1
        self.names[(key, record.get("speaker"))] += 1
        self.keys[key] += 1
        self.genders[(record.get("speaker_gender"), record.get("speaker_gender_source"))] += 1

    def name(self, key: str) -> str:
        """The identity's name: the commonest spelling of its own key, else of any of its keys."""
        own = [(n, name) for (k, name), n in self.names.items() if k == key]
        return max(own or [(n, name) for (_, name), n in self.names.items()])[1]

    @property
    def type(self) -> str | None:
        return self.types.most_common(1)[0][0]

    @property
    def gender(self) -> tuple[str | None, str | None]:
        """(gender, "article" or "census"): the article's evidence when there is any, else a census
        first name, else (None, None); a tie between the sexes is unknown."""
        for from_article in (True, False):
            votes = Counter()
            for (g, source), n in self.genders.items():
                if g and (source != CENSUS) == from_article:
                    votes[g] += n
            if votes:
                (top, n), *rest = votes.most_common()
                if rest and rest[0][1] == n:
                    return None, None
                return top, "article" if from_article else CENSUS
        return None, None


@dataclass(frozen=True)
class ArticleFacts:
    """An article as the formats that keep whole articles give it: with no attributions too."""

    doc: str | None
    date: str | None
    outlet: str
    attributions: int


@dataclass
class Corpus:
    """The counts of a corpus: per identity, and per (bucket, identity) for ``--by`` a period or outlet."""

    speakers: dict[str, Tally]
    buckets: dict[tuple[str, str], list[int]]  # (bucket, identity) -> [attributions, articles]
    records: int = 0
    unattributed: int = 0
    articles: int = 0


def identities(records: Iterable[dict]) -> dict[Unit, str]:
    """The first pass: the corpus key of every (key, month, gender) unit of the records."""
    keys: dict[str, KeyInfo] = defaultdict(KeyInfo)
    for record in records:
        if isinstance(record, ArticleFacts):
            continue
        key = record_key(record)
        if key:
            keys[key].add(unit_of(record, key), record.get("speaker_type"), record.get("speaker") or "")
    return merge(keys)


def count(records: Iterable[dict | ArticleFacts], identity: dict[Unit, str], by: str | None = None) -> Corpus:
    """The second pass: counts per corpus identity (and per bucket of ``by``). Articles are counted from
    their facts where the output keeps them (articles without attributions too), else from the records."""
    corpus = Corpus({}, defaultdict(lambda: [0, 0]))
    doc, seen = None, set()
    for record in records:
        if isinstance(record, ArticleFacts):
            doc, seen = record.doc, set()
            corpus.articles += 1
            continue
        corpus.records += 1
        if record.get("doc") != doc:
            # an article's records are consecutive in attrib output: articles count once each
            doc, seen = record.get("doc"), set()
            corpus.articles += 1
        key = record_key(record)
        if not key:
            corpus.unattributed += 1
            continue
        who = identity.get(unit_of(record, key), key)
        tally = corpus.speakers.setdefault(who, Tally())
        tally.add(record, key)
        if who not in seen:
            tally.articles += 1
        where = (bucket(record, by), who) if by in PERIODS + ("outlet",) else None
        if where:
            corpus.buckets[where][0] += 1
            corpus.buckets[where][1] += where not in seen
        seen.add(who)
        if where:
            seen.add(where)
    return corpus


def speaker_rows(corpus: Corpus, top: int | None) -> list[dict]:
    """One row per identity, the most quoted first."""
    ranked = sorted(corpus.speakers.items(), key=lambda kv: (-kv[1].attributions, kv[0]))
    return [speaker_row(key, t) for key, t in ranked[:top]]


def speaker_row(key: str, t: Tally) -> dict:
    gender, source = t.gender
    return {
        "speaker_key": key,
        "name": t.name(key),
        "type": t.type,
        "title": t.titles.most_common(1)[0][0] if t.titles else None,
        "gender": gender,
        "gender_source": source,
        "attributions": t.attributions,
        "articles": t.articles,
        "first": t.first,
        "last": t.last,
        "direct": t.kinds["direct"],
        "indirect": t.kinds["indirect"],
        "mixed": t.kinds["mixed"],
        "cues": [c for c, _ in t.cues.most_common(3)],
        "keys": sorted(t.keys),
    }


def bucket_rows(corpus: Corpus, top: int | None) -> list[dict]:
    """Per bucket (in order), its most quoted identities."""
    per: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
    for (where, who), counts in corpus.buckets.items():
        per[where].append((who, counts))
    rows = []
    for where in sorted(per):
        ranked = sorted(per[where], key=lambda x: (-x[1][0], x[0]))[:top]
        for who, (n, articles) in ranked:
            name = corpus.speakers[who].name(who)
            rows.append({"group": where, "speaker_key": who, "name": name, "attributions": n, "articles": articles})
    return rows


def share_rows(corpus: Corpus, by: str) -> list[dict]:
    """Shares of identities and of attributions by type, or by gender among people."""
    speakers: Counter = Counter()
    said: Counter = Counter()
    for t in corpus.speakers.values():
        if by == "type":
            group = t.type or "other"
        elif t.type == "person":
            gender, source = t.gender
            group = GENDER_WORDS[gender] + (" (census first name)" if source == CENSUS else "")
        else:
            continue  # only people have a gender
        speakers[group] += 1
        said[group] += t.attributions
    if by == "type" and corpus.unattributed:
        # records without a speaker are attributions too: the shares add up to all records
        said[NO_SPEAKER] += corpus.unattributed
        speakers[NO_SPEAKER] += 0
    total_speakers, total_said = sum(speakers.values()) or 1, sum(said.values()) or 1
    return [
        {
            "group": g,
            "speakers": speakers[g],
            "speaker_share": round(speakers[g] / total_speakers, 4),
            "attributions": said[g],
            "attribution_share": round(said[g] / total_said, 4),
        }
        for g in sorted(speakers, key=lambda g: (-said[g], g))
    ]
