#!/usr/bin/env python3
"""Throughput and memory of attrib against the bare spaCy pipeline it parses with.

    python scripts/benchmark.py [--articles 500] [--corpus PATH.jsonl]

Each measurement runs in a process of its own: the bare pipeline (``nlp.pipe`` over the same
texts, same model, same batch size) and ``attrib extract`` with ``--jobs 1`` and ``--jobs 2``,
then attrib's peak memory on the first 100 articles and on all of them. The corpus is the texts
of ../shared/eval/polnear-train.jsonl when present, else generated news-like text.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train.jsonl"
BARE = """
import json, sys, time, spacy
from attrib.extractor import BATCH_SIZE
from attrib.pipeline import DEFAULT_MODELS
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
for name in DEFAULT_MODELS:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
started = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - started)
"""
ATTRIB = """
import json, sys, time
from attrib import Article, Extractor
articles = [Article(str(i), json.loads(l)["text"]) for i, l in enumerate(open(sys.argv[1], encoding="utf-8"))]
extractor = Extractor(jobs=int(sys.argv[2]))
started = time.perf_counter()
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for result in extractor.pipe(articles):
        out.write("".join(json.dumps(a.to_dict()) + "\\n" for a in result.attributions))
print(time.perf_counter() - started)
"""


def corpus(n: int, path: Path | None) -> list[str]:
    source = path or TRAIN
    if source.exists():
        texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
        return (texts * (n // len(texts) + 1))[:n]
    rng = random.Random(0)
    people = ["Ana Ruiz", "Tom Reed", "Mary Hollis", "John Baker"]
    def sentence():
        who = rng.choice(people)
        return rng.choice([
            f"{who} said the committee would meet again on Tuesday to discuss the budget.",
            f"“We have done what we could,” {who} told reporters after the vote.",
            f"Officials said the plan would cost more than {rng.randint(2, 90)} million dollars over five years.",
            "The council met for three hours and adjourned without a decision on the bridge.",
        ])
    return ["\n\n".join(" ".join(sentence() for _ in range(4)) for _ in range(12)) for _ in range(n)]


def run(code: str, *args: str) -> tuple[float, float]:
    """Seconds the child reports, and its peak resident memory in MiB."""
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"benchmark child failed with status {status}")
    return float(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--corpus", type=Path, help="a JSONL file with a text field (default: PolNeAR train)")
    args = ap.parse_args()
    texts = corpus(args.articles, args.corpus)
    words = sum(len(t.split()) for t in texts)
    tmp = Path(tempfile.mkdtemp())
    full, first = tmp / "all.jsonl", tmp / "first100.jsonl"
    full.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    first.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts[:100]), encoding="utf-8")
    print(f"corpus: {len(texts)} articles, {words:,} words ({'PolNeAR train' if TRAIN.exists() and not args.corpus else args.corpus or 'generated'})")
    rates = {}
    for jobs in (1, 2):
        bare, _ = run(BARE, str(full), str(jobs))
        ours, peak = run(ATTRIB, str(full), str(jobs), os.devnull)
        rates[jobs] = words / ours
        print(f"jobs {jobs}: bare spaCy {words / bare:7.0f} words/s   attrib {words / ours:7.0f} words/s   ratio {bare / ours:.2f}   peak {peak:.0f} MiB")
    print(f"attrib --jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f}")
    _, peak_100 = run(ATTRIB, str(first), "1", os.devnull)
    _, peak_all = run(ATTRIB, str(full), "1", os.devnull)
    print(f"peak memory: 100 articles {peak_100:.0f} MiB, {len(texts)} articles {peak_all:.0f} MiB, ratio {peak_all / peak_100:.2f}")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    sys.exit(code)
