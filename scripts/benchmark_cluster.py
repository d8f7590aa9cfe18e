#!/usr/bin/env python3
"""Throughput of the Dask runner against ``--jobs N`` on the same articles, and its overheads.

    python scripts/benchmark_cluster.py [--articles 400] [--workers 2] [--partition 25]

Prints words per second of ``attrib extract --jobs N`` (one command, model loads included) and of
``--dask local:N`` (cluster start and model loads included, then again on a running cluster), the
scheduler and idle time per partition (workers x wall time less the tasks' own compute time,
over the partitions), and each worker's memory after a small and a four-times larger run.
The articles are the first N of PolNeAR train, copied to a temporary folder (never the repo).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train.jsonl"


def _articles(n: int, folder: Path) -> tuple[Path, int]:
    lines = TRAIN.read_text(encoding="utf-8").splitlines()[:n]
    path = folder / f"train-{n}.jsonl"
    path.write_text(
        "\n".join(json.dumps({k: d[k] for k in ("id", "text", "date")}) for d in map(json.loads, lines)) + "\n",
        encoding="utf-8",
    )
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    return path, words


def _rss_per_worker(client) -> list[float]:
    import psutil

    return sorted(v / 2**20 for v in client.run(lambda: psutil.Process().memory_info().rss).values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition", type=int, default=25, help="articles per partition")
    args = ap.parse_args(argv)
    from distributed import Client, get_task_stream

    from attrib.batch import cluster
    from attrib.batch.worker_setup import local_cluster

    tmp = Path(tempfile.mkdtemp(prefix="attrib-bench-"))
    data, words = _articles(args.articles, tmp)
    small, _ = _articles(args.articles // 4, tmp)
    n = args.workers

    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "attrib", "extract", str(data), "--jobs", str(n), "-q", "-o", str(tmp / "jobs.jsonl")]
    )  # exit 1 when some article failed: it fails on the cluster too
    jobs_seconds = time.monotonic() - started

    started = time.monotonic()
    cluster.extract_on_cluster([str(data)], tmp / "cold", f"local:{n}", partition_articles=args.partition)
    cold_seconds = time.monotonic() - started

    with (
        local_cluster(n) as local,
        Client(local) as client,
    ):
        cluster.extract_on_cluster(
            [str(small)], tmp / "small", local.scheduler_address, partition_articles=args.partition
        )
        rss_small = _rss_per_worker(client)
        started = time.monotonic()
        with get_task_stream(client) as tasks:
            summary = cluster.extract_on_cluster(
                [str(data)], tmp / "warm", local.scheduler_address, partition_articles=args.partition
            )
        warm_seconds = time.monotonic() - started
        stream = tasks.data
        rss_large = _rss_per_worker(client)
    compute = sum(s["stop"] - s["start"] for t in stream for s in t["startstops"] if s["action"] == "compute")
    same = (tmp / "jobs.jsonl").read_bytes() == b"".join(p.read_bytes() for p in cluster.shards(tmp / "cold"))
    partitions = summary.shards
    print(f"{args.articles} articles, {words:,} words, {partitions} partitions of {args.partition}, {n} workers")
    print(f"--jobs {n}            {words / jobs_seconds:8,.0f} words/s ({jobs_seconds:.1f} s)")
    print(
        f"--dask local:{n} cold {words / cold_seconds:8,.0f} words/s ({cold_seconds:.1f} s; "
        f"ratio to --jobs {n}: {jobs_seconds / cold_seconds:.2f})"
    )
    print(
        f"--dask running warm {words / warm_seconds:8,.0f} words/s ({warm_seconds:.1f} s; "
        f"ratio to --jobs {n}: {jobs_seconds / warm_seconds:.2f})"
    )
    print(
        f"scheduler and idle time per partition: {(n * warm_seconds - compute) / partitions * 1000:.0f} ms "
        f"(tasks computed {compute:.1f} s of {n * warm_seconds:.1f} worker-seconds)"
    )
    print(
        f"worker memory after {args.articles // 4} articles: {', '.join(f'{r:.0f}' for r in rss_small)} MiB; "
        f"after {args.articles} more: {', '.join(f'{r:.0f}' for r in rss_large)} MiB"
    )
    print(f"sharded output equals --jobs {n} output: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    sys.exit(main())
