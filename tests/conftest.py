from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_dc1100c513e7660b.txt"
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "seeds" / "seed-gold.jsonl"
DEV = SHARED / "eval" / "polnear-dev.jsonl"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def extractor():
    from attrib import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text without attrib's own component (for calling its stages directly)."""

    def run(text):
        with nlp.select_pipes(disable=["attrib"]):
            return nlp(text)

    return run


def needs_shared(*paths: Path):
    missing = [p for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(missing), reason=f"{missing[0] if missing else ''} is absent")


def load_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("attrib_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
