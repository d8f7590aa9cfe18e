"""The SQLite store: ``attrib extract -o corpus.sqlite`` writes articles, attributions and corpus speakers.

Each article goes in one transaction with all of its records, so a killed run leaves whole
articles only; ``--resume`` skips the articles the database holds. At the end of a run the corpus
identities (``speakers``, and ``attributions.corpus_key``), the wire groups (``articles.wire_group``,
from the sketch of each text kept in ``articles.sketch``) and the ``quote_clusters`` are computed
again over the whole database, so a resumed run ends with the same content as one clean run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from ..batch.resume import key_of
from ..batch.runner import lock_output, unlock_output
from ..errors import InputError, OutputError
from ..records import FIELDS, ArticleResult
from .corpus import ArticleFacts, count, identities, outlet_of, speaker_rows
from .quote_clusters import quote_clusters
from .wire import Sketch, sketch, wire_groups

INTEGER_FIELDS = {f for f in FIELDS if f.endswith(("_start", "_end"))}
# numbers that are no offsets: stored as REAL so that they read back as floats
REAL_FIELDS = {"speaker_confidence"}
# quote_spans is a list: stored as JSON text, read back as a list
JSON_FIELDS = {"quote_spans"}
ATTRIBUTION_COLUMNS = {f: "INTEGER" if f in INTEGER_FIELDS else "REAL" if f in REAL_FIELDS else "TEXT" for f in FIELDS}
SPEAKER_COLUMNS = (
    "speaker_key",
    "name",
    "type",
    "title",
    "gender",
    "gender_source",
    "attributions",
    "articles",
    "first",
    "last",
    "direct",
    "indirect",
    "mixed",
    "cues",
    "keys",
)
SPEAKER_JSON = {"cues", "keys"}
# the article's metadata and counts (ArticleResult.to_dict), added to databases written before them
ARTICLE_COLUMNS = {
    "title": "TEXT",
    "author": "TEXT",
    "url": "TEXT",
    "attributions": "INTEGER",
    "direct": "INTEGER",
    "indirect": "INTEGER",
    "mixed": "INTEGER",
}

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    article_id INTEGER PRIMARY KEY,  -- input order
    doc TEXT NOT NULL,               -- the article's id, as in the records' doc field
    text_sha1 TEXT NOT NULL,         -- with doc, what --resume knows an article by
    date TEXT,                       -- the article date used (ISO)
    outlet TEXT NOT NULL,            -- see README, "outlet"
    speakers TEXT NOT NULL,          -- the article's speakers as a JSON array, as the json format gives them
    sketch BLOB,                     -- the MinHash sketch of the text (wire.Sketch), null when unknown
    wire_group INTEGER,              -- the article_id of the first article of its wire group (its own when alone)
    {", ".join(f"{c} {t}" for c, t in ARTICLE_COLUMNS.items())},
    UNIQUE (doc, text_sha1)
);
CREATE TABLE IF NOT EXISTS quote_clusters (
    cluster_id TEXT PRIMARY KEY, speaker_key TEXT, speaker TEXT, text TEXT, articles INTEGER, outlets INTEGER,
    records INTEGER, first_doc TEXT, first_outlet TEXT, first_date TEXT, occurrences TEXT
);
CREATE TABLE IF NOT EXISTS attributions (
    article_id INTEGER NOT NULL REFERENCES articles (article_id),
    seq INTEGER NOT NULL,            -- the record's place in its article
    {", ".join(f"{f} {kind}" for f, kind in ATTRIBUTION_COLUMNS.items())},
    corpus_key TEXT,                 -- the corpus identity: speakers.speaker_key
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE IF NOT EXISTS speakers (
    speaker_key TEXT PRIMARY KEY, name TEXT, type TEXT, title TEXT, gender TEXT, gender_source TEXT,
    attributions INTEGER, articles INTEGER, first TEXT, last TEXT, direct INTEGER, indirect INTEGER,
    mixed INTEGER, cues TEXT, keys TEXT
);
CREATE INDEX IF NOT EXISTS attributions_by_identity ON attributions (corpus_key, date);
CREATE INDEX IF NOT EXISTS attributions_by_key ON attributions (speaker_key, date);
CREATE INDEX IF NOT EXISTS attributions_by_date ON attributions (date);
CREATE INDEX IF NOT EXISTS articles_by_outlet ON articles (outlet, date);
CREATE INDEX IF NOT EXISTS speakers_by_type ON speakers (type, gender);
CREATE INDEX IF NOT EXISTS quote_clusters_by_speaker ON quote_clusters (speaker_key, first_date);
"""
# columns added since the first databases: a --resume on an older one adds them
ADDED_COLUMNS = (
    ("articles", "sketch", "BLOB"),
    ("articles", "wire_group", "INTEGER"),
    *(("articles", column, kind) for column, kind in ARTICLE_COLUMNS.items()),
    *(("attributions", field, kind) for field, kind in ATTRIBUTION_COLUMNS.items()),
)
CLUSTER_COLUMNS = (
    "cluster_id",
    "speaker_key",
    "speaker",
    "text",
    "articles",
    "outlets",
    "records",
    "first_doc",
    "first_outlet",
    "first_date",
    "occurrences",
)


def connect(path: str | Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    else:
        db = sqlite3.connect(path, isolation_level=None)  # transactions are begun and committed by hand
        # WAL with NORMAL sync: a committed article survives a killed process
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    return db


class SqliteWriter:
    """Writes articles to ``path`` one transaction each; ``resume`` keeps what the database holds."""

    def __init__(self, path: str | Path, resume: bool = False):
        self.path = Path(path)
        # the lock comes first: a second run must stop before it deletes what the first one writes
        self._lock = lock_output(self.path)
        try:
            if not resume:
                for stale in (self.path, *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm"))):
                    stale.unlink(missing_ok=True)
            self.db = connect(self.path)
            for table, column, kind in ADDED_COLUMNS:
                if self.db.execute(f"SELECT 1 FROM sqlite_master WHERE name = '{table}'").fetchone() and column not in {
                    row[1] for row in self.db.execute(f"PRAGMA table_info({table})")
                }:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            self.db.executescript(SCHEMA)
        except BaseException:
            unlock_output(self.path, self._lock)
            raise
        self.insert = (
            f"INSERT INTO attributions (article_id, seq, {', '.join(FIELDS)}, corpus_key) "
            f"VALUES ({', '.join('?' * (len(FIELDS) + 3))})"
        )

    def done(self) -> set[str]:
        """The keys (id, tab, text hash) of the articles the database holds whole."""
        return {key_of(doc, sha) for doc, sha in self.db.execute("SELECT doc, text_sha1 FROM articles")}

    def write(self, result: ArticleResult, key: str) -> None:
        """One article and its records, in one transaction; ``key`` is its resume key (id, tab, text hash)."""
        sha = key.rsplit("\t", 1)[-1]
        speakers = json.dumps([s.to_dict() for s in result.speakers], ensure_ascii=False)
        # the text itself is not kept: its sketch is what wire grouping needs
        found = sketch(result.text) if result.text else None
        text_sketch = found.to_bytes() if found else None
        self.db.execute("BEGIN")
        try:
            facts = {"title": result.title, "author": result.author, "url": result.url} | result.counts()
            outlet = result.outlet or outlet_of({"doc": result.doc, "url": result.url})
            article = self.db.execute(
                f"INSERT INTO articles (doc, text_sha1, date, outlet, speakers, sketch, {', '.join(ARTICLE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * (6 + len(ARTICLE_COLUMNS)))})",
                (result.doc, sha, result.date, outlet, speakers, text_sketch, *(facts[c] for c in ARTICLE_COLUMNS)),
            ).lastrowid
            rows = []
            for seq, a in enumerate(result.attributions):
                record = a.to_dict()
                values = [json.dumps(record[f]) if f in JSON_FIELDS else record[f] for f in FIELDS]
                rows.append((article, seq, *values, record["speaker_key"]))
            self.db.executemany(self.insert, rows)
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as e:
            # a full disk, a lost file: the database keeps whole articles, and --resume completes it
            self._rollback()
            raise OutputError(f"cannot write the database: {e}") from e
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite has already rolled back after some errors (a full disk): a second ROLLBACK would fail
        if self.db.in_transaction:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")

    def close(self) -> None:
        """Compute the corpus identities, wire groups and quote clusters over the whole database, then close it
        (once)."""
        if self._lock is None:
            return
        try:
            identity = refresh_speakers(self.db)
            refresh_wire_groups(self.db)
            refresh_quote_clusters(self.db, identity)
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as e:
            self._rollback()
            raise OutputError(f"cannot write the database: {e}") from e
        finally:
            self.db.close()
            unlock_output(self.path, self._lock)
            self._lock = None


def refresh_speakers(db: sqlite3.Connection) -> dict:
    """Fill ``speakers`` and ``attributions.corpus_key`` from the corpus merge, in one transaction; the
    merge (``corpus.identities``) is returned."""
    identity = identities(_records(db))
    corpus = count(_records(db), identity)
    db.execute("BEGIN")
    db.execute("UPDATE attributions SET corpus_key = speaker_key WHERE corpus_key IS NOT speaker_key")
    merged = [(who, u.key, u.month, u.gender) for u, who in identity.items() if who != u.key]
    db.executemany(
        # the month as corpus.month_of reads it: none for a date coarser than a month
        "UPDATE attributions SET corpus_key = ? WHERE speaker_key = ? AND (CASE WHEN coalesce(date_precision, 'day') "
        "IN ('day', 'week', 'month') THEN substr(date, 1, 7) END) IS ? AND speaker_gender IS ?",
        merged,
    )
    db.execute("DELETE FROM speakers")
    rows = [
        [json.dumps(r[c], ensure_ascii=False) if c in SPEAKER_JSON else r[c] for c in SPEAKER_COLUMNS]
        for r in speaker_rows(corpus, None)
    ]
    db.executemany(f"INSERT INTO speakers VALUES ({', '.join('?' * len(SPEAKER_COLUMNS))})", rows)
    db.execute("COMMIT")
    return identity


def refresh_wire_groups(db: sqlite3.Connection) -> None:
    """Fill ``articles.wire_group`` from the articles' sketches, in one transaction."""
    rows = db.execute("SELECT article_id, sketch FROM articles ORDER BY article_id")
    groups = wire_groups((str(a), Sketch.from_bytes(s) if s else None) for a, s in rows)
    db.execute("BEGIN")
    db.execute("UPDATE articles SET wire_group = article_id")
    db.executemany(
        "UPDATE articles SET wire_group = ? WHERE article_id = ?", [(int(g), int(a)) for a, g in groups.items()]
    )
    db.execute("COMMIT")


def refresh_quote_clusters(db: sqlite3.Connection, identity: dict) -> None:
    """Fill ``quote_clusters`` with the statements two articles or more printed, in one transaction."""
    rows = []
    for cluster in quote_clusters(_records(db), identity):
        row = cluster.to_dict()
        row["occurrences"] = json.dumps(row["occurrences"], ensure_ascii=False)
        rows.append([row[c] for c in CLUSTER_COLUMNS])
    db.execute("BEGIN")
    db.execute("DELETE FROM quote_clusters")
    db.executemany(f"INSERT INTO quote_clusters VALUES ({', '.join('?' * len(CLUSTER_COLUMNS))})", rows)
    db.execute("COMMIT")


def stored_wire_groups(path: str | Path) -> dict[str, str] | None:
    """Article id -> the id of its wire group's first article, for the articles of a database in a group;
    None when the database keeps no sketch (written before wire groups, or without texts)."""
    db = connect(path, read_only=True)
    try:
        columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
        if "wire_group" not in columns or not db.execute("SELECT 1 FROM articles WHERE sketch IS NOT NULL").fetchone():
            return None
        query = (
            "SELECT a.doc, f.doc FROM articles a JOIN articles f ON f.article_id = a.wire_group "
            "WHERE a.wire_group IN (SELECT wire_group FROM articles GROUP BY wire_group HAVING count(*) > 1)"
        )
        return dict(db.execute(query).fetchall())
    finally:
        db.close()


def _records(db: sqlite3.Connection, with_article: bool = False) -> Iterator:
    """The records in article order (with ``with_article``, as pairs of their article_id and the record)."""
    # a database of an older attrib lacks the newer fields: they read as null
    have = {row[1] for row in db.execute("PRAGMA table_info(attributions)")}
    columns = ", ".join(f if f in have else f"NULL AS {f}" for f in FIELDS)
    for article_id, *row in db.execute(f"SELECT article_id, {columns} FROM attributions ORDER BY article_id, seq"):
        record = dict(zip(FIELDS, row))
        for f in JSON_FIELDS:
            record[f] = json.loads(record[f])
        yield (article_id, record) if with_article else record


def read_records(path: str | Path, articles: bool = False) -> Iterator[dict | ArticleFacts]:
    """The records of a database ``attrib extract -o`` wrote, in article order, as the JSONL gives them;
    with ``articles``, each article's facts come before its records, for articles without records too."""
    try:
        db = connect(path, read_only=True)
        db.execute("SELECT 1 FROM attributions LIMIT 1")
    except sqlite3.DatabaseError as e:
        raise InputError(str(path), f"not an attrib database ({e})") from None
    try:
        yield from _with_articles(db) if articles else _records(db)
    finally:
        db.close()


def _with_articles(db: sqlite3.Connection) -> Iterator[dict | ArticleFacts]:
    """Each article's facts, then its records: one pass over articles joined with their records."""
    query = (
        "SELECT a.article_id, a.doc, a.date, a.outlet, "
        "(SELECT count(*) FROM attributions t WHERE t.article_id = a.article_id) FROM articles a ORDER BY article_id"
    )
    records = _records(db, with_article=True)
    record = next(records, None)
    for article_id, doc, date, outlet, n in db.execute(query):
        yield ArticleFacts(doc, date, outlet, n)
        while record is not None and record[0] == article_id:
            yield record[1]
            record = next(records, None)
