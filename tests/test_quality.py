"""Quality floor on the PolNeAR dev set (skips when ../shared/eval is absent).

The floors sit 2 points under what the extractor reaches; a change that lowers quality more
than that fails here.
"""

import pytest

from .conftest import DEV, SCORER, load_scorer, needs_shared, read_jsonl

FLOORS = {"content_overlap": 73.0, "attribution": 70.1, "content_exact": 60.8}
RECALL_FLOORS = {"direct": 94.3, "mixed": 83.5, "indirect": 59.9}
# canonical speaker names on the hand-annotated sample of dev articles
DEV_CANON = DEV.with_name("polnear-dev-canon.jsonl")
CANONICAL_FLOOR = 90.5
# statement dates on the same sample
DATE_FLOOR = 93.3


@pytest.fixture(scope="module")
def dev_records(extractor):
    from attrib import Article

    gold = read_jsonl(DEV)
    results = list(extractor.pipe(Article(d["id"], d["text"], d.get("date")) for d in gold))
    assert all(r.error is None for r in results), [r.error for r in results if r.error]
    return [a.to_dict() for r in results for a in r.attributions]


@pytest.fixture(scope="module")
def dev_scores(dev_records):
    return load_scorer().score(read_jsonl(DEV), dev_records)


@needs_shared(DEV, SCORER)
@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_dev_f1_floor(dev_scores, measure):
    assert dev_scores[measure]["f1"] >= FLOORS[measure]


@needs_shared(DEV, SCORER)
@pytest.mark.parametrize("kind", sorted(RECALL_FLOORS))
def test_dev_recall_floor(dev_scores, kind):
    assert dev_scores["recall_by_kind"][kind] >= RECALL_FLOORS[kind]


@needs_shared(DEV, DEV_CANON, SCORER)
def test_dev_canonical_floor(dev_records):
    assert load_scorer().score(read_jsonl(DEV_CANON), dev_records)["canonical_accuracy"] >= CANONICAL_FLOOR


@needs_shared(DEV, DEV_CANON, SCORER)
def test_dev_date_floor(dev_records):
    assert load_scorer().score(read_jsonl(DEV_CANON), dev_records)["date_accuracy"] >= DATE_FLOOR
