#!/usr/bin/env python3
"""Fuzz attrib with many generated and mutated articles and print a summary table.

    python scripts/fuzz.py [--inputs 10000] [--seed 0]

Each input is an invented article (tests/fuzzing.py: templates of quotes, cues, speakers and
dates, mutated with quotation marks, line breaks, separators and odd characters) or arbitrary
Unicode, with an article date that may sit at the ends of the calendar. Every record is checked
against the schema and its offsets; any exception is counted against its generator.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzzing import article, violations  # noqa: E402

DATES = [None, "2026-02-10", "0001-01-01", "9999-12-31", "2016-02-29"]


def arbitrary(rng: random.Random) -> str:
    return "".join(
        chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x2FFF), rng.randint(0x1F300, 0x1F6FF)]))
        for _ in range(rng.randint(1, 300))
    )


GENERATORS = {"templates": article, "arbitrary": arbitrary}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    from attrib import Article, Extractor

    rng = random.Random(args.seed)
    extractor = Extractor()
    inputs, records, exceptions, broken = Counter(), Counter(), Counter(), Counter()
    examples: list[str] = []
    started = time.monotonic()
    names = [rng.choice(list(GENERATORS)) for _ in range(args.inputs)]
    texts = [GENERATORS[name](rng) for name in names]
    articles = (Article(str(i), t, rng.choice(DATES)) for i, t in enumerate(texts))
    try:
        results = extractor.pipe(articles)
        for name, text, result in zip(names, texts, results):
            inputs[name] += 1
            if result.error:
                exceptions[name] += 1
                examples.append(f"{name}: {result.error[:120]}")
            for a in result.attributions:
                records[name] += 1
                found = violations(text, a.to_dict())
                if found:
                    broken[name] += 1
                    examples.append(f"{name}: {found[0]}")
    except Exception:  # noqa: BLE001 - the table says the run itself broke
        exceptions["run"] += 1
        examples.append(traceback.format_exc(limit=3))
    print(f"{'generator':<12}{'inputs':>8}{'records':>9}{'exceptions':>12}{'violations':>12}")
    for name in [*GENERATORS, "run"]:
        if inputs[name] or exceptions[name]:
            print(f"{name:<12}{inputs[name]:>8}{records[name]:>9}{exceptions[name]:>12}{broken[name]:>12}")
    print(
        f"{'all':<12}{sum(inputs.values()):>8}{sum(records.values()):>9}{sum(exceptions.values()):>12}"
        f"{sum(broken.values()):>12}   ({time.monotonic() - started:.0f} s)"
    )
    for line in examples[:10]:
        print("  " + line)
    return 1 if exceptions or broken else 0


if __name__ == "__main__":
    sys.exit(main())
