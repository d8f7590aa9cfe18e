"""Static word vectors for the learned cue scorer: a word it has not seen as a cue still lands near words it has.

The table (``models/word_vectors.npz``, built by ``scripts/build_word_vectors.py``) holds numbers only: the
spaCy string hashes of lower-case words, sorted, each with the row of its vector; the vectors are
en_core_web_md's (MIT) reduced by PCA to a few dimensions and stored as float16. Looking words up is a
binary search over the hashes, with numpy alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..lexicon import data_dir

VECTORS_FILE = "word_vectors.npz"


@dataclass(frozen=True)
class WordVectors:
    """``keys`` (sorted string hashes) -> ``rows`` -> a row of ``table``."""

    keys: np.ndarray  # uint64, sorted
    rows: np.ndarray  # the row of each key's vector
    table: np.ndarray  # float16, one vector per row

    @property
    def dim(self) -> int:
        return self.table.shape[1]

    def lookup(self, words: np.ndarray) -> np.ndarray:
        """The vectors of ``words`` (string hashes) as float64; zeros for a word without one (and for 0, no word)."""
        words = np.asarray(words, dtype=np.uint64)
        if not len(self.keys) or not len(words):
            return np.zeros((len(words), self.dim))
        at = np.minimum(np.searchsorted(self.keys, words), len(self.keys) - 1)
        found = (self.keys[at] == words) & (words != 0)
        out = self.table[self.rows[at]].astype(np.float64)
        out[~found] = 0.0
        return out


@lru_cache(maxsize=None)
def load_vectors() -> WordVectors:
    """The table shipped in ``models/`` (read once)."""
    with data_dir().joinpath(VECTORS_FILE).open("rb") as f:
        data = np.load(f)
        return WordVectors(data["keys"], data["rows"].astype(np.int64), data["table"])
