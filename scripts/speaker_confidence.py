#!/usr/bin/env python3
"""Print how well ``speaker_confidence`` predicts a right canonical speaker name.

    python scripts/speaker_confidence.py ../shared/eval/polnear-dev-canon.jsonl OUT.jsonl [--scorer PATH]

OUT.jsonl is attrib's output on the gold file's articles. Attributions are matched to the gold
ones as the shared scorer matches contents; on documents with canonical gold, the first table
gives, for each confidence value, how many matched attributions have it and how many of them
name the speaker right; the second, for each threshold, the share of matched attributions at or
above it (coverage) and their canonical accuracy.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def matched(scorer, gold_docs: list[dict], records: list[dict]) -> list[tuple[float, bool]]:
    """(confidence, canonical name right) for every system attribution matched to a gold one."""
    by_doc = defaultdict(list)
    for r in records:
        by_doc[str(r["doc"]).replace("\\", "/").rsplit("/", 1)[-1]].append(r)
    out = []
    for d in gold_docs:
        if not (d.get("meta") or {}).get("canonical_gold"):
            continue
        text, gold, found = d["text"], d["quotes"], by_doc.get(d["id"].rsplit("/", 1)[-1], [])
        gold_sets = [scorer.content_chars(text, q) for q in gold]
        pairs = scorer.match(gold_sets, [scorer.content_chars(text, r) for r in found], 0.5)
        for gi, si in pairs.items():
            r = found[si]
            right = scorer.canonical_name(r.get("speaker")) == scorer.canonical_name(gold[gi].get("speaker_canonical"))
            out.append((float(r.get("speaker_confidence") or 0.0), right))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("system", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score.py to use")
    args = ap.parse_args(argv)
    if not args.scorer.exists():
        print(f"speaker_confidence: scorer {args.scorer} not found (give --scorer)", file=sys.stderr)
        return 2

    def read(p):
        return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]

    rows = matched(load_scorer(args.scorer), read(args.gold), read(args.system))
    if not rows:
        print("speaker_confidence: no matched attributions with canonical gold", file=sys.stderr)
        return 1
    print(f"{'confidence':>10} {'matched':>8} {'right':>6} {'accuracy':>8}")
    for value in sorted({c for c, _ in rows}, reverse=True):
        hits = [ok for c, ok in rows if c == value]
        print(f"{value:>10.2f} {len(hits):>8} {sum(hits):>6} {100 * sum(hits) / len(hits):>8.1f}")
    print(f"\n{'threshold':>10} {'coverage':>8} {'accuracy':>8}   (of {len(rows)} matched attributions)")
    for t in THRESHOLDS:
        kept = [ok for c, ok in rows if c >= t]
        accuracy = f"{100 * sum(kept) / len(kept):8.1f}" if kept else f"{'-':>8}"
        print(f"{'>= ' + str(t):>10} {100 * len(kept) / len(rows):>8.1f} {accuracy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
