#!/usr/bin/env python3
"""Run attrib on a gold JSONL file and print the shared scorer's table.

    python scripts/evaluate.py ../shared/eval/polnear-dev.jsonl [--scorer PATH] [--out FILE] [--json] [--no-learned]

Each gold line gives the article (``id``, ``text``, ``date``); attrib's records go to ``--out``
(a temporary file by default) and the scorer compares them with the gold annotations.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

from attrib import Article, Extractor

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score.py to use")
    ap.add_argument("--out", type=Path, help="keep attrib's JSONL output here")
    ap.add_argument("--model", help="spaCy pipeline to use")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    ap.add_argument("--no-learned", action="store_true", help="the rules alone, without the learned cue scorer")
    args, scorer_args = ap.parse_known_args(argv)
    if not args.scorer.exists():
        print(f"evaluate: scorer {args.scorer} not found (give --scorer)", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = args.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    started = time.monotonic()
    extractor = Extractor(model=args.model, learned=not args.no_learned)
    with out.open("w", encoding="utf-8") as f:
        for result in extractor.pipe(Article(d["id"], d["text"], d.get("date")) for d in gold):
            for a in result.attributions:
                f.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    print(f"{len(gold)} articles in {time.monotonic() - started:.1f} s, output in {out}", file=sys.stderr)
    spec = importlib.util.spec_from_file_location("score", args.scorer)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer.main([str(args.gold), str(out)] + (["--json"] if args.json else []) + scorer_args)


if __name__ == "__main__":
    sys.exit(main())
