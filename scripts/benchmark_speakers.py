#!/usr/bin/env python3
"""Time and peak memory of ``attrib speakers`` over generated records (no article text is needed).

    python scripts/benchmark_speakers.py --records 100000 1000000 [--speakers 5000] [--sqlite]

Records are invented: a few thousand speakers with a long-tailed share of the quotes, each
quoted under a full name or its surname, over a year of dates and ten outlets, ten records an
article. For each size it writes the JSONL (and with ``--sqlite`` a database through the SQLite
writer), runs ``python -m attrib speakers FILE --format jsonl`` in a child process and prints its
wall time and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from attrib.batch.resume import article_key  # noqa: E402
from attrib.records import ArticleResult, Attribution  # noqa: E402
from attrib.speakers.identity import speaker_key  # noqa: E402

FIRST = ["Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hugo", "Ines", "Jonas", "Karen", "Liam"]
LAST_SYLLABLES = ["ber", "dan", "fel", "gor", "hal", "kin", "lor", "mar", "nov", "pel", "ros", "tan", "vel", "wen"]
OUTLETS = [f"outlet{i}" for i in range(10)]
CUES = ["said", "told", "says", "added", "according to", "wrote", "argued"]
WORDS = "the council would vote on the plan next week and the budget was not yet final".split()


def people(n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(full name, surname, gender) of ``n`` invented people."""
    out = []
    for i in range(n):
        surname = "".join(rng.choice(LAST_SYLLABLES) for _ in range(3)).capitalize() + str(i)
        first = rng.choice(FIRST)
        out.append((f"{first} {surname}", surname, "f" if FIRST.index(first) % 2 == 0 else "m"))
    return out


def records(total: int, speakers: int, seed: int = 7):
    """``total`` records, ten an article, as attrib writes them."""
    rng = random.Random(seed)
    who = people(speakers, rng)
    # a few are quoted far more than the rest (cumulative weights: choices() would sum them per call)
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(speakers)))
    start = date(2026, 1, 1)
    for n in range(total):
        article = n // 10
        day = (start + timedelta(days=article % 365)).isoformat()
        full, surname, gender = rng.choices(who, cum_weights=cumulative)[0]
        name = full if rng.random() < 0.6 else surname
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
        yield {
            "doc": f"{OUTLETS[article % 10]}_{day}_{article}",
            "quote": quote,
            "quote_start": 0,
            "quote_end": len(quote),
            "quote_spans": [[0, len(quote)]],
            "kind": rng.choice(["direct", "indirect", "mixed"]),
            "cue": rng.choice(CUES),
            "cue_start": None,
            "cue_end": None,
            "speaker": name,
            "speaker_mention": name,
            "speaker_start": None,
            "speaker_end": None,
            "speaker_id": "S1",
            "speaker_type": "person",
            "speaker_title": None,
            "date": day,
            "date_source": "article",
            "date_text": None,
            "date_start": None,
            "date_end": None,
            "date_precision": "day",
            "speaker_key": speaker_key(name),
            **(
                {"speaker_gender": gender, "speaker_gender_source": "pronoun"}
                if rng.random() < 0.5
                else {"speaker_gender": None, "speaker_gender_source": None}
            ),
        }


def write_sqlite(path: Path, jsonl: Path) -> float:
    from attrib.corpus.store import SqliteWriter
    from attrib.read.articles import Article

    started = time.monotonic()
    writer = SqliteWriter(path)
    batch: list[Attribution] = []
    with jsonl.open(encoding="utf-8") as f:
        for line in f:
            a = Attribution.from_dict(json.loads(line))
            if batch and batch[-1].doc != a.doc:
                _flush(writer, batch, Article)
            batch.append(a)
    _flush(writer, batch, Article)
    writer.close()
    return time.monotonic() - started


def _flush(writer, batch: list, article_type) -> None:
    doc = batch[0].doc
    writer.write(ArticleResult(doc, batch[0].date, list(batch), []), article_key(article_type(doc, doc)))
    batch.clear()


# runs the command as ``python -m attrib`` would, then reports its own peak RSS (KiB) on the last stderr line
CHILD = """import resource, runpy, sys
sys.argv = ["attrib", "speakers", sys.argv[1], "--format", "jsonl"]
try:
    runpy.run_module("attrib", run_name="__main__")
except SystemExit as e:
    assert not e.code, e.code
sys.stderr.write(f"\\n{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


def run_speakers(path: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``attrib speakers path`` in a fresh process."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
    )
    return time.monotonic() - started, int(done.stderr.split()[-1]) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--speakers", type=int, default=5000)
    ap.add_argument("--sqlite", action="store_true", help="also write a database and read that")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for total in sorted(args.records):
            jsonl = Path(tmp) / f"r{total}.jsonl"
            with jsonl.open("w", encoding="utf-8") as f:
                f.writelines(json.dumps(r) + "\n" for r in records(total, args.speakers))
            size = jsonl.stat().st_size / 2**20
            seconds, rss = run_speakers(jsonl)
            print(
                f"{total:>9,} records  JSONL {size:,.0f} MiB  attrib speakers {seconds:.1f} s  peak RSS {rss:.0f} MiB"
            )
            if args.sqlite:
                db = Path(tmp) / f"r{total}.sqlite"
                built = write_sqlite(db, jsonl)
                seconds, rss = run_speakers(db)
                print(
                    f"{total:>9,} records  SQLite written in {built:.1f} s  attrib speakers {seconds:.1f} s  "
                    f"peak RSS {rss:.0f} MiB"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
