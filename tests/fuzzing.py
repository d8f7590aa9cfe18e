"""Article generators and record invariants shared by tests/test_fuzz.py and scripts/fuzz.py (invented text only)."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import jsonschema

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "attrib" / "schema.json").read_text(encoding="utf-8"))
NAMES = ["Ana Ruiz", "the mayor", "Paul Okafor", "She", "He", "officials", "a spokeswoman", "Dr. Lena Brandt", "it"]
CUES = ["said", "told reporters", "added", "warned", "denied", "according to", "wrote", "says", "asked"]
DATES = [
    "on Monday",
    "last week",
    "on Feb. 1",
    "yesterday",
    "in 1999",
    "on Jan. 1, 0001",
    "on Dec. 31, 9999",
    "this weekend",
    "last year",
    "",
]
MARKS = ["“", "”", '"', "''", "``", "«", "»", "‘", "’", "―", "—", "\n", "\n\n", ":", "(", ")"]
NOISE = ["\u2028", "\u2029", "\x85", "\ufeff", "\u200b", "\t", "\r\n", "é", "😀", "ﬁ", "\u0301", "İ", "ß"]


def sentence(rng: random.Random) -> str:
    speaker, cue, when = rng.choice(NAMES), rng.choice(CUES), rng.choice(DATES)
    content = " ".join(
        rng.choice(
            ["the", "bridge", "will", "reopen", "soon", "we", "are", "done", "not", "Cuba", "talks", "May", "2026"]
        )
        for _ in range(rng.randint(1, 12))
    )
    shapes = [
        f"{speaker} {cue} {when} that {content}.",
        f"“{content.capitalize()},” {speaker} {cue} {when}.",
        f"“{content},” {speaker} {cue}, “{content}.”",
        f"{content.capitalize()}, {cue} {speaker}.",
        f"{speaker} {cue} {when} the {content} was a “{content}.”",
        f'{speaker.upper()} {cue.upper()}, "{content.upper()}."',
    ]
    return rng.choice(shapes)


def article(rng: random.Random) -> str:
    """A short invented article, sometimes mutated: marks and odd characters inserted, pieces cut."""
    parts = [sentence(rng) for _ in range(rng.randint(1, 8))]
    text = ("WASHINGTON, Feb. 10 (Reuters) - " if rng.random() < 0.3 else "") + "\n\n".join(parts)
    for _ in range(rng.randint(0, 6)):
        pos = rng.randint(0, len(text))
        text = text[:pos] + rng.choice(MARKS + NOISE) + text[pos:]
    if rng.random() < 0.2:
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        text = text[:a] + text[b:]
    return text or "x"


def violations(text: str, record: dict) -> list[str]:
    """What is wrong with one record against its article's text (empty when nothing is)."""
    found = []
    try:
        jsonschema.validate(record, SCHEMA)
    except jsonschema.ValidationError as e:
        found.append(f"schema: {e.message[:80]}")
    start, end = record["quote_start"], record["quote_end"]
    if text[start:end] != record["quote"]:
        found.append("quote != text[quote_start:quote_end]")
    spans = record["quote_spans"]
    if any(s >= e for s, e in spans) or spans != sorted(spans) or spans[0][0] < start or spans[-1][1] > end:
        found.append(f"quote_spans {spans} not inside [{start}, {end})")
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        found.append(f"quote_spans {spans} overlap")
    for name in ("cue", "speaker_mention", "date_text"):
        prefix = name.split("_")[0]
        s, e = record.get(f"{prefix}_start"), record.get(f"{prefix}_end")
        if record.get(name) is not None and text[s:e] != record[name]:
            found.append(f"{name} != text[{prefix}_start:{prefix}_end]")
    if record["date"] is not None:
        try:
            date.fromisoformat(record["date"])
        except ValueError:
            found.append(f"date {record['date']!r} is not ISO")
    return found
