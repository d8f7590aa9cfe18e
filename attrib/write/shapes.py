"""The shape of attrib's records read back for a report: a record from a file someone else wrote may be anything."""

from __future__ import annotations

# fields a report reads from an attribution, with the type each must have when present (None is always allowed)
_OFFSETS = ("cue_start", "cue_end", "speaker_start", "speaker_end", "date_start", "date_end")
_TEXTS = ("cue", "speaker", "speaker_mention", "speaker_id", "date", "date_source", "speaker_title")


def attribution_problem(record: object) -> str | None:
    """Why an attribution record cannot go into a report, or None when its shape is attrib's."""
    if not isinstance(record, dict):
        return "an attribution is not a JSON object"
    if not isinstance(record.get("doc"), str):
        return "the record's doc is not a string"
    if not isinstance(record.get("quote"), str) or not isinstance(record.get("kind"), str):
        return "the record has no string quote and kind"
    if not (_offset(record.get("quote_start")) and _offset(record.get("quote_end"))):
        return "the record's quote_start and quote_end are not offsets"
    spans = record.get("quote_spans")
    if not isinstance(spans, list) or not all(
        isinstance(s, list) and len(s) == 2 and all(map(_offset, s)) for s in spans
    ):
        return "the record's quote_spans is not a list of [start, end] offsets"
    bad = [f for f in _OFFSETS if record.get(f) is not None and not _offset(record[f])]
    bad += [f for f in _TEXTS if record.get(f) is not None and not isinstance(record[f], str)]
    return f"the record's {bad[0]} has the wrong type" if bad else None


def article_problem(article: object) -> str | None:
    """Why an article record (the json and articles formats) cannot go into a report, or None."""
    if not isinstance(article, dict) or not isinstance(article.get("doc"), str):
        return "the article's doc is not a string"
    if article.get("date") is not None and not isinstance(article["date"], str):
        return "the article's date is not a string"
    if article.get("text") is not None and not isinstance(article["text"], str):
        return "the article's text is not a string"
    speakers = article.get("speakers") or []
    if not isinstance(speakers, list) or not all(
        isinstance(s, dict) and isinstance(s.get("speaker_id"), str) and isinstance(s.get("name"), str)
        for s in speakers
    ):
        return "the article's speakers are not objects with a string speaker_id and name"
    return next((p for p in map(attribution_problem, article["attributions"]) if p), None)


def fits(record: dict, text: str) -> bool:
    """Whether every offset of a record lies in ``text`` and its quote is the text at its offsets."""
    pairs = [(record["quote_start"], record["quote_end"]), *record["quote_spans"]]
    pairs += [(record.get(a), record.get(b)) for a, b in zip(_OFFSETS[::2], _OFFSETS[1::2])]
    inside = all(0 <= s <= e <= len(text) for s, e in pairs if s is not None and e is not None)
    return inside and text[record["quote_start"] : record["quote_end"]] == record["quote"]


def _offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
