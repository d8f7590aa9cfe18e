"""Is an article English? A cheap check on its letters' script and on the share of common function words.

English text is about 40% function words ("the", "of", "said", ...) from ``models/function_words.tsv``;
a Spanish or German article has few of them and many of its own language's. The check names a
language only when the text is clearly not English; a short text, or English with foreign phrases,
passes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from ..lexicon import data_dir

ENGLISH = "English"
# fewer words than this say too little to judge: the article is read as English
MIN_WORDS = 20
# English news text keeps well above this share of English function words, whatever it quotes
ENGLISH_FLOOR = 0.15
# another language's words must be this common, and this many times as common as English ones
OTHER_FLOOR = 0.20
OTHER_RATIO = 2.0
# a text whose letters are mostly of another script than Latin is not English
FOREIGN_SCRIPT_SHARE = 0.5
# words are read from the first this many characters: enough to judge, cheap for long articles
SAMPLE_CHARS = 5000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Language name -> its function words, lower-cased."""
    words: dict[str, set[str]] = {}
    text = data_dir().joinpath("function_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            language, listed = line.split("\t")
            words.setdefault(language, set()).update(listed.split())
    return {language: frozenset(listed) for language, listed in words.items()}


def foreign_language(text: str) -> str | None:
    """The likely language of a text that is clearly not English ("Spanish", "Cyrillic script"), else None."""
    sample = text[:SAMPLE_CHARS]
    script = _main_script(sample)
    if script is not None:
        return f"{script if script == 'CJK' else script.title()} script"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    shares = {language: sum(w in listed for w in words) / len(words) for language, listed in function_words().items()}
    english = shares.pop(ENGLISH)
    language, share = max(shares.items(), key=lambda item: item[1])
    if english < ENGLISH_FLOOR and share >= OTHER_FLOOR and share >= OTHER_RATIO * english:
        return language
    return None


def _main_script(text: str) -> str | None:
    """The script most letters are written in, when it is not Latin and holds most letters."""
    scripts = Counter(_script(ch) for ch in text if ch.isalpha())
    total = sum(scripts.values())
    if not total:
        return None
    script, count = scripts.most_common(1)[0]
    return script if script != "LATIN" and count / total > FOREIGN_SCRIPT_SHARE else None


def _script(ch: str) -> str:
    # Unicode names begin with the script: "CYRILLIC SMALL LETTER A", "CJK UNIFIED IDEOGRAPH-4E2D"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
