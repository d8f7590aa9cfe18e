#!/usr/bin/env python3
"""Time and peak memory of ``attrib quotes`` and ``attrib speakers --dedupe`` over records made from real ones.

    python scripts/benchmark_quotes.py OUT.jsonl... --articles ARTICLES.jsonl [--records 200000]

OUT.jsonl is attrib's JSONL output of ARTICLES.jsonl (for example ``attrib extract
../shared/eval/polnear-train.jsonl --format jsonl``). The script copies the real articles under
new ids (ten invented outlets, a year of dates) until it has ``--records`` records: each copy's
quotes are kept (40%), cut to an excerpt (20%), given one edited word (20%) or shuffled into new
words (20%), so that statements recur across outlets as in news; each copy's text gets a new
headline, and one copy in three also loses a paragraph or has its paragraphs reordered (then it is
another story). It writes the records and the articles as JSONL, runs ``python -m attrib quotes
RECORDS --format jsonl`` and ``python -m attrib speakers RECORDS --dedupe --texts ARTICLES`` in
child processes, and prints the wall time and peak RSS of each.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = [f"outlet{i}" for i in range(10)]


def real_articles(outputs: list[str], articles: str) -> list[tuple[str, list[dict]]]:
    """(text, records) of each real article that has records."""
    by_doc: dict[str, list[dict]] = {}
    for path in outputs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                by_doc.setdefault(r["doc"], []).append(r)
    out = []
    with open(articles, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in by_doc:
                out.append((a["text"], by_doc[a["id"]]))
    return out


def mutate(quote: str, rng: random.Random) -> str:
    """The quote kept, cut to an excerpt, with one word edited, or shuffled into other words."""
    words = quote.split()
    roll = rng.random()
    if roll < 0.4 or len(words) < 4:
        return quote
    if roll < 0.6:
        start = rng.randint(0, len(words) // 3)
        return " ".join(words[start : start + max(5, len(words) * 2 // 3)])
    if roll < 0.8:
        words[rng.randrange(len(words))] = rng.choice(["new", "big", "last", "other"])
        return " ".join(words)
    rng.shuffle(words)
    return " ".join(words)


def copy_text(text: str, n: int, rng: random.Random) -> str:
    """The text under a new headline; one copy in three loses a paragraph or is reordered."""
    paragraphs = text.split("\n\n")
    body = paragraphs[1:] or paragraphs
    roll = rng.random()
    if roll < 0.15 and len(body) > 2:
        del body[rng.randrange(len(body))]
    elif roll < 0.33:
        rng.shuffle(body)
    return "\n\n".join([f"Copy {n}: {paragraphs[0]}", *body])


def synthesize(real: list, total: int, records_out: Path, articles_out: Path, seed: int = 7) -> int:
    """Write ``total`` records and their articles; returns the number of articles."""
    rng = random.Random(seed)
    start, written, n = date(2026, 1, 1), 0, 0
    with records_out.open("w", encoding="utf-8") as rf, articles_out.open("w", encoding="utf-8") as af:
        while written < total:
            text, records = real[n % len(real)]
            day = (start + timedelta(days=rng.randrange(365))).isoformat()
            doc = f"{OUTLETS[rng.randrange(len(OUTLETS))]}_{day}_{n}"
            af.write(json.dumps({"id": doc, "text": copy_text(text, n, rng), "date": day}) + "\n")
            for r in records[: total - written]:
                quote = mutate(r["quote_text"], rng)
                out = {**r, "doc": doc, "quote": quote, "quote_text": quote, "quote_end": r["quote_start"] + len(quote)}
                out["quote_spans"] = [[out["quote_start"], out["quote_end"]]]
                rf.write(json.dumps(out, ensure_ascii=False) + "\n")
                written += 1
            n += 1
    return n


# runs the command as ``python -m attrib`` would, then reports its own peak RSS (KiB) on the last stderr line
CHILD = """import resource, runpy, sys
sys.argv = ["attrib", *sys.argv[1:]]
try:
    runpy.run_module("attrib", run_name="__main__")
except SystemExit as e:
    assert not e.code, e.code
sys.stderr.write(f"\\n{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


def run(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and stdout of ``attrib ARGS`` in a fresh process."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CHILD, *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return time.monotonic() - started, int(done.stderr.split()[-1]) / 1024, done.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outputs", nargs="+", help="attrib JSONL output of the articles")
    ap.add_argument("--articles", required=True, help="the articles (JSONL with id and text) the output was made from")
    ap.add_argument("--records", type=int, default=200_000)
    args = ap.parse_args()
    real = real_articles(args.outputs, args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        records, articles = Path(tmp) / "records.jsonl", Path(tmp) / "articles.jsonl"
        made = synthesize(real, args.records, records, articles)
        size = records.stat().st_size / 2**20
        print(f"{args.records:,} records ({size:,.0f} MiB) in {made:,} articles, from {len(real):,} real articles")
        seconds, rss, out = run(["quotes", str(records), "--format", "jsonl"])
        multi = sum(json.loads(line)["outlets"] > 1 for line in out.splitlines())
        found = f"{len(out.splitlines()):,} clusters ({multi:,} in 2+ outlets)"
        print(f"attrib quotes: {seconds:.1f} s, peak RSS {rss:.0f} MiB, {found}")
        seconds, rss, _ = run(["speakers", str(records), "--format", "jsonl", "--dedupe", "--texts", str(articles)])
        print(f"attrib speakers --dedupe --texts: {seconds:.1f} s, peak RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
