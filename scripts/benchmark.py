#!/usr/bin/env python3
"""Throughput, CPU, memory and start-up time of attrib against the bare spaCy pipeline it parses with.

    python scripts/benchmark.py [--articles 400] [--corpus PATH.jsonl] [--parts throughput,long,version]
                                [--long-sizes 10000,100000,1000000]

Each measurement runs in a process of its own:
- throughput: the bare pipeline (``nlp.pipe`` over the same texts, same model, same batch size)
  and attrib's ``Extractor`` with ``jobs=1`` and ``jobs=2``: words per second, the total CPU time
  of each run (its worker processes included) and the --jobs 2 / --jobs 1 CPU ratio, then attrib's
  peak memory on the first 100 articles and on all of them;
- long: one article of 10k, 100k and 1M characters (corpus texts run together, written to a
  temporary folder and removed): attrib's CPU time over the bare pipeline's on the same text;
- version: the wall time of ``python -m attrib --version`` (best and median of 10).
The corpus is the texts of ../shared/eval/polnear-train.jsonl when present, else generated
news-like text. The machine's load moves every figure: compare runs made close together.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train.jsonl"
# the bare pipeline: the first of attrib's default models that is installed, as spaCy loads it
LOAD_BARE = """
import spacy
from attrib.pipeline import DEFAULT_MODELS
for name in DEFAULT_MODELS:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
"""
BARE = (
    LOAD_BARE
    + """
import json, sys, time
from attrib.extractor import BATCH_SIZE
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
started = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - started)
"""
)
BARE_LONG = (
    LOAD_BARE
    + """
import sys, time
text = open(sys.argv[1], encoding="utf-8").read()
nlp.max_length = len(text) + 1
started = time.process_time()
nlp(text)
print(time.process_time() - started)
"""
)
ATTRIB_LONG = """
import sys, time
from attrib import Article, Extractor
text = open(sys.argv[1], encoding="utf-8").read()
extractor = Extractor(max_chars=len(text))
started = time.process_time()
extractor.analyse(Article("long", text))
print(time.process_time() - started)
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
        return rng.choice(
            [
                f"{who} said the committee would meet again on Tuesday to discuss the budget.",
                f"“We have done what we could,” {who} told reporters after the vote.",
                f"Officials said the plan would cost more than {rng.randint(2, 90)} million dollars over five years.",
                "The council met for three hours and adjourned without a decision on the bridge.",
            ]
        )

    return ["\n\n".join(" ".join(sentence() for _ in range(4)) for _ in range(12)) for _ in range(n)]


def run(code: str, *args: str) -> tuple[float, float, float]:
    """Seconds the child reports, its peak resident memory in MiB, and the CPU seconds of the child
    and of every process it waited for (its workers)."""
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"benchmark child failed with status {status}")
    return float(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def long_articles(texts: list[str], sizes: list[int], tmp: Path) -> None:
    """attrib's CPU time over the bare pipeline's on one article of each size."""
    run_together = "\n\n".join(texts)
    while len(run_together) < max(sizes):
        run_together += "\n\n" + run_together
    for size in sizes:
        path = tmp / f"long-{size}.txt"
        path.write_text(run_together[:size], encoding="utf-8")
        bare, _, _ = run(BARE_LONG, str(path))
        ours, _, _ = run(ATTRIB_LONG, str(path))
        print(
            f"one article of {size:>9,} characters: bare spaCy {bare:6.1f} s CPU   attrib {ours:6.1f} s CPU   "
            f"ratio {ours / bare:.2f}"
        )


def version_time(runs: int = 10) -> None:
    """Wall time of ``python -m attrib --version``, which must not load spaCy."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "attrib", "--version"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    print(f"attrib --version: best {min(times):.2f} s, median {statistics.median(times):.2f} s ({runs} runs)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--corpus", type=Path, help="a JSONL file with a text field (default: PolNeAR train)")
    ap.add_argument("--parts", default="throughput,long,version", help="which measurements, comma-separated")
    ap.add_argument("--long-sizes", default="10000,100000,1000000", help="characters of the long articles")
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    texts = corpus(args.articles, args.corpus)
    tmp = Path(tempfile.mkdtemp())
    try:
        if "version" in parts:
            version_time()
        if "throughput" in parts:
            throughput(texts, tmp, args.corpus)
        if "long" in parts:
            long_articles(texts, [int(n) for n in args.long_sizes.split(",")], tmp)
    finally:
        shutil.rmtree(tmp)
    return 0


def throughput(texts: list[str], tmp: Path, source: Path | None) -> None:
    words = sum(len(t.split()) for t in texts)
    full, first = tmp / "all.jsonl", tmp / "first100.jsonl"
    full.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    first.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts[:100]), encoding="utf-8")
    name = "PolNeAR train" if TRAIN.exists() and not source else source or "generated"
    print(f"corpus: {len(texts)} articles, {words:,} words ({name})")
    rates, cpu = {}, {}
    for jobs in (1, 2):
        bare, _, _ = run(BARE, str(full), str(jobs))
        ours, peak, cpu[jobs] = run(ATTRIB, str(full), str(jobs), os.devnull)
        rates[jobs] = words / ours
        print(
            f"jobs {jobs}: bare spaCy {words / bare:7.0f} words/s   attrib {words / ours:7.0f} words/s   "
            f"ratio {bare / ours:.2f}   CPU {cpu[jobs]:.1f} s   peak {peak:.0f} MiB"
        )
    print(f"attrib --jobs 2 / --jobs 1: speed {rates[2] / rates[1]:.2f}, total CPU {cpu[2] / cpu[1]:.3f}")
    _, peak_100, _ = run(ATTRIB, str(first), "1", os.devnull)
    _, peak_all, _ = run(ATTRIB, str(full), "1", os.devnull)
    print(
        f"peak memory: 100 articles {peak_100:.0f} MiB, {len(texts)} articles {peak_all:.0f} MiB, "
        f"ratio {peak_all / peak_100:.2f}"
    )


if __name__ == "__main__":
    started = time.perf_counter()
    code = main()
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    sys.exit(code)
