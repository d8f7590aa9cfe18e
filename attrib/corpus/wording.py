"""The words of a quotation as articles compare them: quotation marks, dashes, ellipses, accents and case fold away.

Two outlets printing one statement differ in typography ("don’t" / "don't", "—" / "--", "…" /
"..."), in case and in the "that" of reported speech; the words that remain are what a quote
cluster compares. Each word is kept as a 32-bit hash (``zlib.crc32``: the same in every run),
four bytes a word, so that a corpus's statements are held as compact arrays, not as texts.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array

# a word: letters and digits, with the apostrophes inside it ("don’t" is one word, and "dont" when folded)
WORD = re.compile(r"\w+(?:['’]\w+)*")
COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# the content of reported speech opens with "that", which another article may leave out
OPENERS = frozenset({"that"})


def words(text: str) -> list[str]:
    """The folded words of ``text``: lower case, no accents, no apostrophes, no opening "that"."""
    # accents go: NFKD splits them off as combining marks
    folded = COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()
    out = [w.replace("'", "").replace("’", "") for w in WORD.findall(folded)]
    return out[1:] if out and out[0] in OPENERS else out


def word_hashes(text: str) -> array:
    """The words of ``text`` as unsigned 32-bit hashes, in order."""
    return array("I", (zlib.crc32(w.encode("utf-8")) for w in words(text)))
