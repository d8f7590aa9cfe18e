"""Quote clusters: the records across a corpus that report one statement, and the article that carried it first.

One statement is one speaker (the corpus identity of ``speaker_key``; a record without a key may
join any speaker's statement) and one wording: after ``wording.words`` folds typography away, the
shorter text's words are found, in order, in the longer one, allowing for an excerpt, an ellipsis
and a few edited words. A statement is held as the hashed words of its fullest text; an index of
word-shingle fingerprints (winnowing: the smallest of every few shingles) finds the statements a
record can belong to without comparing it with every other, so a corpus clusters in one streaming
pass whose memory grows with its distinct statements, not with its records or article texts.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..speakers.identity import Unit
from .corpus import outlet_of, record_key, unit_of
from .wording import word_hashes, words

# words per shingle: three words in a row are rare enough to point at one statement
SHINGLE = 3
# winnowing window: any run of WINDOW + SHINGLE - 1 = 6 words two texts share gives them a fingerprint in common
WINDOW = 4
# quotes shorter than this match only the same words from the same named speaker: many say "Thank you."
MIN_WORDS = 5
# a reporter's paraphrase shorter than this is a topic ("a ban on imports"), not a statement one can tell apart
PARAPHRASE_WORDS = 10
# the share of the shorter text's words that must stand, in order, in the longer: a few may be edited
MATCH = 0.8
# fingerprints this common ("going to be") point at too many statements to tell any apart
COMMON = 200
# statements compared per record, those sharing the most fingerprints first
CANDIDATES = 8
MASK = (1 << 64) - 1
PRIME = 1_000_003
# kinds whose content is the speaker's own words, in quotation marks
QUOTED = ("direct", "mixed")


@dataclass(frozen=True)
class Occurrence:
    """One record of a statement: where it was printed."""

    doc: str
    outlet: str
    date: str | None  # the article's date, else the statement's
    quote_start: int
    quote_end: int
    kind: str | None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class QuoteCluster:
    """One statement across a corpus: its fullest text, its speaker and every article that printed it."""

    cluster_id: str
    text: str
    speaker: str | None
    speaker_key: str | None
    occurrences: tuple[Occurrence, ...]  # in input order

    @property
    def first(self) -> Occurrence:
        """The earliest dated occurrence; the first in input order when none is dated earlier."""
        return min(self.occurrences, key=lambda o: (o.date is None, o.date or ""))

    @property
    def articles(self) -> int:
        return len({o.doc for o in self.occurrences})

    @property
    def outlets(self) -> int:
        return len({o.outlet for o in self.occurrences})

    def to_dict(self) -> dict:
        first = self.first
        return {
            "cluster_id": self.cluster_id,
            "speaker_key": self.speaker_key,
            "speaker": self.speaker,
            "text": self.text,
            "articles": self.articles,
            "outlets": self.outlets,
            "records": len(self.occurrences),
            "first_doc": first.doc,
            "first_outlet": first.outlet,
            "first_date": first.date,
            "occurrences": [o.to_dict() for o in self.occurrences],
        }


@dataclass(frozen=True)
class Said:
    """One record's words as the index compares them."""

    tokens: array
    text: str
    quoted: bool
    key: str | None  # the corpus identity of its speaker
    speaker: str | None


@dataclass
class _Statement:
    """A cluster being built: the hashed words of its fullest text and where it occurred."""

    tokens: array
    text: str
    quoted: bool  # the fullest text is a quotation (direct or mixed), not a reporter's paraphrase
    key: str | None
    speaker: str | None
    members: list = field(default_factory=list)  # (article number, start, end, kind)


class QuoteIndex:
    """Statements found so far, their fingerprints, and the merges of statements a longer text joined."""

    def __init__(self) -> None:
        self.statements: list[_Statement] = []
        self.parent: list[int] = []
        self.fingerprints: dict[int, list[int]] = {}
        self.short: dict[tuple[str, bytes], int] = {}
        self.articles: list[tuple[str, str, str | None]] = []  # (doc, outlet, date) by article number

    def find(self, sid: int) -> int:
        while self.parent[sid] != sid:
            self.parent[sid] = self.parent[self.parent[sid]]
            sid = self.parent[sid]
        return sid

    def add_article(self, records: list[dict], identity: dict[Unit, str]) -> None:
        """The records of one article (consecutive in attrib output), each into its statement."""
        dated = (r.get("date") for r in records if r.get("date_source") == "article")
        number = len(self.articles)
        self.articles.append((str(records[0].get("doc")), outlet_of(records[0]), next(dated, None)))
        for record in records:
            text = record.get("quote_text") or record.get("quote") or ""
            tokens = word_hashes(text)
            if tokens:
                key = record_key(record)
                who = identity.get(unit_of(record, key), key) if key else None
                member = (number, record.get("quote_start"), record.get("quote_end"), record.get("kind"))
                said = Said(tokens, text, record.get("kind") in QUOTED, who, record.get("speaker"))
                self._add(said, member)

    def _add(self, said: Said, member: tuple) -> None:
        if len(said.tokens) < (MIN_WORDS if said.quoted else PARAPHRASE_WORDS):
            sid = self._short(said)
        else:
            sid = self._matching(said.tokens, said.key, said.quoted)
            if sid is None:
                sid = self._new(said)
            else:
                self._grow(sid, said)
        self.statements[sid].members.append(member)

    def _short(self, said: Said) -> int:
        """A short quotation joins only the same words said by the same named speaker; a short paraphrase
        ("criticized her") is a topic, not a statement, and joins nothing."""
        if said.key is None or not said.quoted:
            return self._new(said, index=False)
        sid = self.short.get((said.key, said.tokens.tobytes()))
        if sid is None:
            sid = self.short[(said.key, said.tokens.tobytes())] = self._new(said, index=False)
        return sid

    def _new(self, said: Said, index: bool = True) -> int:
        sid = len(self.statements)
        self.statements.append(_Statement(said.tokens, said.text, said.quoted, said.key, said.speaker))
        self.parent.append(sid)
        if index:
            self._index(sid, said.tokens)
        return sid

    def _index(self, sid: int, tokens: array) -> None:
        for h in winnow(shingles(tokens)):
            postings = self.fingerprints.setdefault(h, [])
            if len(postings) < COMMON and (not postings or postings[-1] != sid):
                postings.append(sid)

    def _matching(self, tokens: array, key: str | None, quoted: bool) -> int | None:
        """The statement the text belongs to, after merging the others it holds whole; None for a new one."""
        hits: Counter = Counter()
        parent = self.parent
        # every shingle asks: an excerpt with an edited word may share only a few of the fuller text's fingerprints
        for h in set(shingles(tokens)):
            postings = self.fingerprints.get(h)
            if postings and len(postings) < COMMON:
                hits.update({s if parent[s] == s else self.find(s) for s in postings})
        found, holds_found = None, False
        for sid, _ in hits.most_common(CANDIDATES):
            st = self.statements[sid]
            # an excerpt is one only of a quotation, and only when both speakers are named: a phrase
            # ("this is not who we are") said by nobody known may be anyone's
            excerpt = (
                key is not None and st.key is not None and (quoted if len(tokens) <= len(st.tokens) else st.quoted)
            )
            if not compatible(key, st.key) or not same_words(tokens, st.tokens, excerpt):
                continue
            if found is None:
                found, holds_found = sid, len(tokens) >= len(st.tokens)
            elif holds_found and len(tokens) >= len(st.tokens) and compatible(self.statements[found].key, st.key):
                # the text holds both: they are parts of one statement; an excerpt that fits two joins neither
                found = self._merge(found, sid)
        return found

    def _merge(self, a: int, b: int) -> int:
        """Two statements one text joins: the fuller keeps the fingerprints, the other's members move to it."""
        sa, sb = self.statements[a], self.statements[b]
        if len(sb.tokens) > len(sa.tokens):
            a, b, sa, sb = b, a, sb, sa
        sa.members += sb.members
        if sa.key is None:
            sa.key, sa.speaker = sb.key, sb.speaker
        self.parent[b] = a
        self.statements[b] = _Statement(array("I"), "", False, None, None)  # merged: its members live on in a
        return a

    def _grow(self, sid: int, said: Said) -> None:
        st = self.statements[sid]
        if st.key is None and said.key is not None:
            st.key, st.speaker = said.key, said.speaker
        if len(said.tokens) > len(st.tokens):
            # the fuller text names the statement; its fingerprints find later excerpts of it
            st.tokens, st.text, st.quoted = said.tokens, said.text, said.quoted
            self._index(sid, said.tokens)

    def clusters(self, min_articles: int = 1) -> Iterator[QuoteCluster]:
        """The statements printed by at least ``min_articles`` articles, in the order they were first seen."""
        for sid, st in enumerate(self.statements):
            if self.parent[sid] != sid or len({m[0] for m in st.members}) < min_articles:
                continue
            occurrences = tuple(
                Occurrence(*self.articles[n][:2], self.articles[n][2], start, end, kind)
                for n, start, end, kind in sorted(st.members, key=lambda m: m[0])
            )
            yield QuoteCluster(cluster_id(st.key, st.text), st.text, st.speaker, st.key, occurrences)


def compatible(a: str | None, b: str | None) -> bool:
    # a record without a speaker key may be anyone's
    return a is None or b is None or a == b


def same_words(a: array, b: array, excerpt: bool = True) -> bool:
    """The shorter text's words stand, MATCH of them at least and in order, in the longer one; without
    ``excerpt`` the two must also be of about one length (a copy, a few words edited)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    needed = MATCH * len(short)
    if not excerpt and len(short) < MATCH * len(long):
        return False
    vocabulary = set(long)
    # a cheap bound first: words the longer text lacks cannot be matched in order either
    if sum(w in vocabulary for w in short) < needed:
        return False
    blocks = SequenceMatcher(None, short.tolist(), long.tolist(), autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= needed


def shingles(tokens: array) -> list[int]:
    """A 64-bit hash of every SHINGLE words in a row (the whole text when it is shorter)."""
    if len(tokens) < SHINGLE:
        h = 0
        for t in tokens:
            h = (h * PRIME + t) & MASK
        return [h]
    # SHINGLE is three words: a, b, c
    return [((a * PRIME + b) * PRIME + c) & MASK for a, b, c in zip(tokens, tokens[1:], tokens[2:])]


def winnow(hashes: list[int]) -> set[int]:
    """The smallest hash of every WINDOW in a row: texts sharing a long enough run share one of them."""
    if len(hashes) <= WINDOW:
        return {min(hashes)}
    return {min(hashes[i : i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def cluster_id(key: str | None, text: str) -> str:
    """A stable id: the same statement (speaker and folded fullest text) has it in every run."""
    digest = hashlib.sha1(f"{key or ''}\n{' '.join(words(text))}".encode()).hexdigest()
    return f"q{digest[:12]}"


def by_article(records: Iterable[dict]) -> Iterator[list[dict]]:
    """The records grouped by article: attrib writes an article's records together."""
    batch: list[dict] = []
    for record in records:
        if batch and record.get("doc") != batch[-1].get("doc"):
            yield batch
            batch = []
        batch.append(record)
    if batch:
        yield batch


def quote_clusters(records: Iterable[dict], identity: dict[Unit, str], min_articles: int = 2) -> list[QuoteCluster]:
    """The statements of ``records`` printed by ``min_articles`` articles or more, the most printed first.

    ``identity`` is the corpus merge of speaker keys (``corpus.identities`` over the same records).
    """
    index = QuoteIndex()
    for article in by_article(records):
        index.add_article(article, identity)
    found = list(index.clusters(min_articles))
    return sorted(found, key=lambda c: (-c.articles, -c.outlets, c.first.date or "", c.cluster_id))
