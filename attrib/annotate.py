"""One parsed article to its attributions and speakers: finder, resolver and dates together."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from spacy.tokens import Doc, Token

from .dates.dates import DateValue, article_date
from .dates.statements import statement_date
from .dates.timeline import Statement, carry_dates
from .find.acts import act_of
from .find.finder import Found, find_attributions
from .find.scorer import CueScorer
from .nlp.spans import text_of
from .records import Attribution, Speaker
from .speakers.gender import gender_evidence
from .speakers.identity import speaker_key
from .speakers.resolve import Entity, Resolution, Resolver


@dataclass(frozen=True)
class Resolved:
    """One found attribution with its speaker resolved and its date."""

    found: Found
    resolution: Resolution
    date: DateValue


def annotate(
    doc: Doc, date: str | None = None, doc_id: str = "", scorer: CueScorer | None = None
) -> tuple[str | None, list[Attribution], list[Speaker]]:
    """The article date, attributions and speakers of a parsed article; ``date`` (ISO) overrides the dateline;
    ``doc_id`` names the article in the records; ``scorer`` (attrib.find.scorer) admits and vetoes cues beside
    the word lists, None runs the rules alone."""
    text = text_of(doc)
    base = date or article_date(text)
    resolver = Resolver(doc)
    found = find_attributions(doc, scorer)
    results = _resolved(doc, resolver, found, base)
    entities = resolver.speakers()
    # an Entity is mutable, so unhashable: its identity is the key
    ids = {id(e): f"S{i + 1}" for i, e in enumerate(entities)}
    records = [_record(text, doc_id, r, ids) for r in results]
    mentions: dict[int, list[str]] = {}
    for r, record in zip(results, records):
        if r.resolution.entity is not None:
            mentions.setdefault(id(r.resolution.entity), []).append(record.speaker_mention or "")
    genders = {id(e): _gender(e, mentions.get(id(e), [])) for e in entities}
    records = [_with_gender(record, r.resolution.entity, genders) for r, record in zip(results, records)]
    speakers = [_speaker(e, ids[id(e)], len(mentions[id(e)]), genders[id(e)]) for e in entities if mentions.get(id(e))]
    return base, records, speakers


def _resolved(doc: Doc, resolver: Resolver, found: list[Found], base: str | None) -> list[Resolved]:
    """Every attribution with its speaker and date. The resolver reads the attributions with a cue
    in text order; a floating quotation shares the speaker and date of the one it continues."""
    sources = [item for item in found if item.continues is None]
    resolutions = [_resolve(doc, resolver, item) for item in sources]
    contents = [_content_tokens(doc, item) for item in sources]
    own = [statement_date(item.cue_token, tokens, base) for item, tokens in zip(sources, contents)]
    # statements their own clause leaves undated take the date of the story's event (attrib.dates.timeline)
    timeline = [
        Statement(item.cue_token, when, frozenset(tokens), None if res.entity is None else id(res.entity))
        for item, when, tokens, res in zip(sources, own, contents, resolutions)
    ]
    dated = iter(zip(sources, resolutions, carry_dates(doc, timeline, base, partial(_subject_key, resolver))))
    results: list[Resolved | None] = [None if item.continues is not None else Resolved(*next(dated)) for item in found]
    for i, item in enumerate(found):
        if item.continues is not None:
            results[i] = replace(results[item.continues], found=item)
    return results


def _subject_key(resolver: Resolver, subject: Token) -> int | None:
    """The timeline's key for the person a dated event's subject names (as ``Statement.speaker``), else None."""
    person = resolver.registry.person_in(subject.left_edge.idx, subject.idx + len(subject))
    return None if person is None else id(person)


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


def _record(text: str, doc_id: str, resolved: Resolved, ids: dict[int, str]) -> Attribution:
    item, res, when = resolved.found, resolved.resolution, resolved.date
    start, end = item.start, item.end
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
        act=act_of(item.cue_token, text[cue[0] : cue[1]] if cue else None, res.speaker),
    )


def _gender(entity: Entity, mentions: list[str]) -> tuple[str | None, str | None]:
    if entity.type != "person":
        return None, None
    return gender_evidence(entity.name, mentions, entity.titles, entity.gender, entity.pronouns)


def _with_gender(record: Attribution, entity: Entity | None, genders: dict) -> Attribution:
    """The record with what the article says of its speaker as a whole: gender and affiliation."""
    if entity is None:
        return record
    gender, source = genders[id(entity)]
    return replace(record, speaker_gender=gender, speaker_gender_source=source, speaker_affiliation=entity.affiliation)


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
