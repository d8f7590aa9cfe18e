#!/usr/bin/env python3
"""Print how long each stage of attrib takes on a JSONL corpus: parsing, finding, resolving, dating.

python scripts/profile_stages.py ../shared/eval/polnear-dev.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from attrib import annotate as annotate_module
from attrib.dates import dates, statements, timeline
from attrib.find import finder
from attrib.pipeline import load_pipeline
from attrib.speakers import resolve


def main(path: str) -> int:
    texts = [json.loads(line)["text"] for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    spent: Counter = Counter()

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return wrapper

    annotate_module.find_attributions = timed("find", finder.find_attributions)
    annotate_module.Resolver.__init__ = timed("resolve", resolve.Resolver.__init__)
    annotate_module.Resolver.resolve = timed("resolve", resolve.Resolver.resolve)
    annotate_module.statement_date = timed("dates", statements.statement_date)
    annotate_module.article_date = timed("dates", dates.article_date)
    annotate_module.carry_dates = timed("dates", timeline.carry_dates)
    nlp = load_pipeline()
    nlp.disable_pipe("attrib")  # annotated below, stage by stage
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    spent["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        annotate_module.annotate(doc)
    spent["annotate (all)"] = time.perf_counter() - started
    total = spent["parse"] + spent["annotate (all)"]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, {total:.1f} s in all")
    for name in ("parse", "annotate (all)", "find", "resolve", "dates"):
        print(f"{name:15} {spent[name]:7.2f} s  {100 * spent[name] / total:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
