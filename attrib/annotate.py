"""One parsed article to its attributions and speakers: finder, resolver and dates together."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .dates import DateValue, article_date, statement_date
from .finder import Found, find_attributions
from .gender import gender_evidence
from .identity import speaker_key
from .records import Attribution, Speaker
from .resolve import Entity, Resolution, Resolver
from .spans import text_of
from .timeline import Statement, carry_dates


def annotate(doc: Doc, date: str | None = None, doc_id: str = "") -> tuple[str | None, list[Attribution], list[Speaker]]:
    """The article date, attributions and speakers of a parsed article; ``date`` (ISO) overrides the dateline."""
    text = text_of(doc)
    base = date or article_date(text)
    resolver = Resolver(doc)
    found = find_attributions(doc)
    resolutions: dict[int, Resolution] = {}
    dates: dict[int, DateValue] = {}
    for item in found:
        if item.continues is None:
            resolutions[id(item)] = _resolve(doc, resolver, item)
            dates[id(item)] = statement_date(item.cue_token, _content_tokens(doc, item), base)
    # statements their own clause leaves undated take the date of the story's event (attrib.timeline)
    sources = [item for item in found if item.continues is None]
    speakers = [resolutions[id(i)].entity for i in sources]
    statements = [
        Statement(i.cue_token, dates[id(i)], frozenset(_content_tokens(doc, i)), None if e is None else id(e))
        for i, e in zip(sources, speakers)
    ]
    dates.update(zip(map(id, sources), carry_dates(doc, statements, base)))
    for item in found:
        if item.continues is not None:
            # a floating quotation shares its source's speaker and date
            resolutions[id(item)] = resolutions[id(item.continues)]
            dates[id(item)] = dates[id(item.continues)]
    entities = resolver.speakers()
    ids = {id(e): f"S{i + 1}" for i, e in enumerate(entities)}
    records = [_record(text, doc_id, item, resolutions[id(item)], dates[id(item)], ids) for item in found]
    mentions: dict[int, list[str]] = {}
    for item, record in zip(found, records):
        entity = resolutions[id(item)].entity
        if entity is not None:
            mentions.setdefault(id(entity), []).append(record.speaker_mention or "")
    genders = {id(e): _gender(e, mentions.get(id(e), [])) for e in entities}
    records = [_with_gender(r, resolutions[id(item)].entity, genders) for item, r in zip(found, records)]
    speakers = [_speaker(e, ids[id(e)], len(mentions[id(e)]), genders[id(e)]) for e in entities if mentions.get(id(e))]
    return base, records, speakers


def _resolve(doc: Doc, resolver: Resolver, item: Found) -> Resolution:
    if item.speaker is None or item.speaker_token is None:
        return Resolution(None, None, "other", None)
    span = doc.char_span(*item.speaker, alignment_mode="expand")
    if span is None or not (span.start <= item.speaker_token.i < span.end):
        span = doc[item.speaker_token.i : item.speaker_token.i + 1]
    return resolver.resolve(span, item.speaker_token)


def _content_tokens(doc: Doc, item: Found) -> set[int]:
    out: set[int] = set()
    for start, end in item.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _record(text: str, doc_id: str, item: Found, res: Resolution, when: DateValue, ids: dict[int, str]) -> Attribution:
    start, end = item.content[0][0], item.content[-1][1]
    cue = item.cue
    speaker = item.speaker
    return Attribution(
        doc=doc_id,
        quote=text[start:end],
        quote_start=start,
        quote_end=end,
        quote_spans=tuple(item.content),
        kind=item.kind,
        cue=text[cue[0] : cue[1]] if cue else None,
        cue_start=cue[0] if cue else None,
        cue_end=cue[1] if cue else None,
        speaker=res.speaker,
        speaker_mention=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        speaker_id=ids.get(id(res.entity)) if res.entity is not None else None,
        speaker_type=res.type,
        speaker_title=res.title,
        speaker_confidence=res.confidence,
        date=when.iso,
        date_source=when.source,
        date_text=when.text,
        date_start=when.start,
        date_end=when.end,
        date_precision=when.precision if when.iso or when.source == "vague" else None,
        speaker_key=speaker_key(res.speaker),
    )


def _gender(entity: Entity, mentions: list[str]) -> tuple[str | None, str | None]:
    if entity.type != "person":
        return None, None
    return gender_evidence(entity.name, mentions, entity.titles, entity.gender)


def _with_gender(record: Attribution, entity: Entity | None, genders: dict) -> Attribution:
    if entity is None or genders[id(entity)] == (None, None):
        return record
    gender, source = genders[id(entity)]
    return replace(record, speaker_gender=gender, speaker_gender_source=source)


def _speaker(entity: Entity, speaker_id: str, attributions: int, gender: tuple[str | None, str | None]) -> Speaker:
    return Speaker(
        speaker_id=speaker_id,
        name=entity.name,
        type=entity.type,
        aliases=tuple(entity.aliases),
        titles=tuple(entity.titles),
        affiliation=entity.affiliation,
        gender=gender[0],
        gender_source=gender[1],
        attributions=attributions,
    )
