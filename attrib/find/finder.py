"""Attributions as found in one parsed article: cue, content parts and speaker phrase.

The stages, in order: every cue of ``cues`` with its content (cut by ``content``) or the quotation
beside it; cues inside another's act dropped; quoted fragments in running text (``fragments``);
quotations left over, which continue the quote before them, are introduced by a colon or a
signature, or float to the nearest speaker.
"""

from __future__ import annotations

import re
from bisect import insort
from collections import defaultdict

from spacy.tokens import Doc, Token

from ..lexicon import reporting_verbs
from ..nlp.labels import (
    NOMINAL,
    OBJECTS_AND_ADVERBIALS,
    RELATIVE_TAGS,
    SUBJECTS,
    TIME_ENTITIES,
    TOPIC_OBJECT_PREPOSITIONS,
    VERBAL,
)
from ..nlp.spans import (
    after_comma,
    by_lines,
    char_before,
    entities_touching,
    index_before,
    paragraph_of,
    sentence,
    subtree_range,
    text_of,
    token_range,
    trim,
)
from .content import (
    clause_content,
    cut_after_last_quote,
    widen_to_quotes,
)
from .cue_clause import (
    around_clause,
    as_clause_content,
    relative_pronoun,
    sentence_after_clause,
    sentence_before_clause,
    without_speaker,
)
from .cues import Cue, find_cues, is_as_clause
from .found import Coverage, Draft, Found, Parts, finish, start_of
from .fragments import fragment_cue
from .frames import MAX_CLAUSE_TOKENS
from .headline_labels import headline_statement
from .leftovers import attach_leftover_quotes
from .nesting import borrow_outer_speakers, inside_same_act, without_nested
from .quotes import Quotations, quoted_spans
from .scorer import CueScorer

# between a quotation and its cue clause only separators may stand: "“…,” he said" / "he said: “…”"
# (matched whole from an offset, without a copy of the text; "\n?" is what a "$" let through)
_ADJACENT = re.compile(r"[ \t,:;—–-]*\n?")
_ADJACENT_BLOCK = re.compile(r"[ \t,—–-]*:\s*")
# a line of fewer words without closing punctuation is a headline, a caption or boilerplate
HEADLINE_MAX_WORDS = 25
# a cue in a frame only the scorer admits whose object is this short ("sent a letter", "opened the museum",
# "said goodbye") names an act done to a thing, not a statement (chosen on the held-out fifth of train: 2 to 4
# words tried)
MIN_LEARNED_OBJECT_WORDS = 3


def find_attributions(doc: Doc, scorer: CueScorer | None = None) -> list[Found]:
    """Every attribution in the document, ordered by where its content starts; ``scorer`` (attrib.find.scorer)
    admits and vetoes cues beside the word lists."""
    text = text_of(doc)
    quotes = Quotations(quoted_spans(text))
    headlines = _headline_paragraphs(doc)
    found: list[Draft] = []
    contents: set[tuple[tuple[int, int], ...]] = set()
    for cue in find_cues(doc, scorer):
        if quotes.inside(cue.token.idx) or paragraph_of(text, cue.token.idx) in headlines:
            continue
        if cue.speaker is not None and quotes.inside(cue.speaker.idx):
            continue  # the parser took words of a quotation for the subject of a cue outside it
        if _too_long(cue):
            continue  # no news sentence: a pathological parse, left out to keep the time per cue bounded
        item = _from_cue(doc, cue, quotes)
        if item is None and cue.fallback is not None and not _too_long(cue.fallback):
            item = _from_cue(doc, cue.fallback, quotes)  # no content in the cue's own frames, nor a quotation
        # a cue without a speaker is a participle or a misparse, not an attribution we can name
        if item and item.speaker is not None and tuple(item.content) not in contents:
            found.append(item)
            contents.add(tuple(item.content))
    found.sort(key=lambda f: f.start)
    by_speaker: dict[int, list[Draft]] = defaultdict(list)  # the only rivals in one act share the speaker
    for f in found:
        by_speaker[f.speaker_token.i].append(f)
    found = [f for f in found if not inside_same_act(f, by_speaker[f.speaker_token.i])]
    found = without_nested(found)
    borrow_outer_speakers(found)
    headline = headline_statement(doc, found)
    if headline is not None:
        insort(found, headline, key=start_of)
    _attach_fragments(doc, quotes, found, headlines)
    attach_leftover_quotes(doc, quotes, found, headlines)
    for f in found:
        f.content = by_lines(text, f.content) or f.content
    return finish(found, lambda parts: _kind(parts, quotes))


def _too_long(cue: Cue) -> bool:
    """Whether the cue's content clause is longer than any sentence of news."""
    return cue.content is not None and cue.content.right_edge.i - cue.content.left_edge.i >= MAX_CLAUSE_TOKENS


def _from_cue(doc: Doc, cue: Cue, quotes: Quotations) -> Draft | None:
    text = text_of(doc)
    cue_ids = {t.i for t in cue.tokens}
    speaker_ids = {t.i for t in cue.speaker.subtree} if cue.speaker is not None else set()
    if cue.token.i in speaker_ids:
        # the speaker's words, less the cue's own clause ("reports suggesting ..." holds its cue)
        speaker_ids -= {t.i for t in cue.token.subtree}
    clause = [doc[i] for i in sorted(cue_ids | speaker_ids)]
    clause_start, clause_end = token_range(clause)
    before = _quote_ending_before(text, clause_start, quotes)
    after = _quote_starting_after(text, clause_end, quotes)
    parts: list[tuple[int, int]] = []
    if cue.content is not None:
        # "The vote was “a disgrace,” she said": a quotation that goes on with a sentence begun in the writer's
        # words is only the end of what was said; the clause it ends is the content
        opening = before if before and _opens_sentence(text, before[0]) else None
        content = clause_content(doc, cue, cue_ids | speaker_ids, quotes, opening)
        parts.extend([content] if content else [])
    else:
        parts.extend(q for q in (before, after) if q)
        if not parts and _is_parenthetical(cue):
            around = as_clause_content if is_as_clause(cue.token) else around_clause
            parts.extend(around(doc, cue.token.head, cue_ids | speaker_ids | _object_ids(cue.token)))
    if parts and cue.content is not None and cue.content.i < cue.token.i:
        # a medial cue: "The proposal would be helped, Okafor said, by the calendar."
        rest = sentence_after_clause(doc, clause, cue)
        if rest:
            parts.append(rest)
    if after and ":" in text[clause_end : after[0]] and cue.content is not None and cue.content.i < cue.token.i:
        parts = [after]  # "X will make news, Ortiz said: “…”": what the cue introduces with a colon is what was said
    front = sentence_before_clause(doc, clause, parts)
    if front is not None:
        parts.append(front)  # "If it fails, she said, “we start again”": the words the cue clause interrupts
    if not parts:
        return None
    # a split quotation: "“A,” he said, “B.”" joins the part after the cue clause
    if after and all(after[0] >= p[1] or after[1] <= p[0] for p in parts) and any(p[1] <= clause_start for p in parts):
        parts.append(after)
    parts.sort()
    if cue.speaker is not None and not any(c.lower_ == "what" for c in cue.token.children):
        # content never holds its own speaker ("what he called X" is the one phrase that names it: a noun phrase
        # whole, object of the act around it)
        medial = cue.content is not None and cue.content.i < cue.token.i
        parts = without_speaker(text, parts, cue.speaker.idx, (clause_start, clause_end), medial)
        relative = relative_pronoun(cue, clause[0].i)
        if parts and relative is not None and relative.idx < parts[0][0]:
            parts.insert(0, (relative.idx, relative.idx + len(relative.text)))
    if not parts or _short_learned_object(cue, text, parts):
        return None
    speaker = _speaker_span(doc, cue, cue_ids, parts)
    return Draft(parts, token_range(cue.tokens), speaker, cue.speaker, cue.token)


def _short_learned_object(cue: Cue, text: str, parts: list[tuple[int, int]]) -> bool:
    """ "sent a letter": a short object of a verb in a learned frame names a thing acted on, not a statement; the
    object of a topic preposition names what was said about ("talked about taxes"; train four fifths: overlap F1
    +0.14)."""
    topic = (
        cue.content is not None and cue.content.dep_ == "pobj" and cue.content.head.lower_ in TOPIC_OBJECT_PREPOSITIONS
    )
    return cue.learned and cue.frame == "obj" and not topic and _words(text, parts) < MIN_LEARNED_OBJECT_WORDS


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether only a line break, a colon or a sentence's closing punctuation comes before ``pos``."""
    i = index_before(text, pos, " \t\u00a0")
    return i < 0 or text[i] in "\n.!?:\"”’'"


def _words(text: str, parts: list[tuple[int, int]]) -> int:
    return sum(len(text[start:end].split()) for start, end in parts)


def _is_parenthetical(cue: Cue) -> bool:
    """ "Over time, several analysts say, costs will fall": the cue hangs from the content."""
    verb = cue.token
    if (
        not (verb.dep_ in ("parataxis", "ccomp") or is_as_clause(verb))
        or not (verb.head.pos_ in VERBAL or _on_subject(verb))
        or cue.speaker is None
    ):
        return False
    entry = reporting_verbs().get(verb.lemma_.lower())
    if entry is None or entry.kind != "speech":  # a verb the scorer admitted is no saying verb for sure
        return False
    # the clause is set off by commas: ", several analysts say," or a final ", he said."
    # the speaker, the verb and its object: ", Ruiz told reporters,"
    clause = _object_ids(verb)
    first = min([cue.speaker.left_edge.i, cue.tokens[0].i] + list(clause))
    last = max([cue.speaker.right_edge.i, verb.i] + list(clause))
    doc = verb.doc
    # ", as a memo put it" may open the sentence ("As he put it, ...", after a conjunction: "But as he noted, ...")
    # or follow a comma inside a quotation
    opening = doc[sentence(verb).start : first]
    opens = is_as_clause(verb) and all(t.pos_ == "CCONJ" or t.dep_ == "cc" for t in opening)
    return (opens or first > 0 and after_comma(doc[first])) and last + 1 < len(doc) and doc[last + 1].text in (",", ".")


def _on_subject(verb: Token) -> bool:
    """ "The plan, he said, would ...": the parser may hang a clause set off by commas on the noun before it."""
    return verb.dep_ == "parataxis" and verb.head.pos_ in NOMINAL and verb.head.i < verb.i


def _object_ids(verb: Token) -> set[int]:
    """The verb's objects, adverbials and particle: "reporters" in ", Ruiz told reporters,", "earlier in the hearing"
    in ", the banker explained earlier in the hearing,", the "out" of "as she pointed out," and the "as" of ", as a
    memo put it"."""
    marks = {c.i for c in verb.lefts if c.dep_ == "mark"}
    return marks | {t.i for c in verb.rights if c.dep_ in OBJECTS_AND_ADVERBIALS | {"prt"} for t in c.subtree}


def _speaker_span(doc: Doc, cue: Cue, cue_ids: set[int], parts: list[tuple[int, int]]) -> tuple[int, int] | None:
    if cue.speaker is None:
        return None
    for child in cue.token.children:
        if child.dep_ in SUBJECTS and child.tag_ in RELATIVE_TAGS:
            # "economists who argue ...": the mention is "who"; the resolver reads its antecedent
            return child.idx, child.idx + len(child.text)
    exclude = set(cue_ids)
    for start, end in parts:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            exclude.update(range(span.start, span.end))
    for child in cue.speaker.rights:
        # "supporters planning protests against X": a participle clause that holds the cue is the act, not the speaker
        if child.dep_ == "acl" and any(t.i in cue_ids for t in child.subtree):
            exclude.update(t.i for t in child.subtree)
    exclude.discard(cue.speaker.i)
    start, end = trim(text_of(doc), *subtree_range(cue.speaker, exclude))
    # never cut a name in two: "Díaz-Canel" may parse as two subjects (a date the NER ran into a name is none)
    for ent in entities_touching(doc, start, end):
        if ent.label not in TIME_ENTITIES:
            start, end = min(start, ent.start_char), max(end, ent.end_char)
    start, end = _speaker_edges(doc, cue.speaker, start, end)
    return (start, end) if end > start else None


# what a time phrase after a speaker holds: "Trump in recent days", "a message on Tuesday", "Trump this week"
TIME_WORDS = frozenset({"recent", "past", "days", "weeks", "months", "years", "time"})


def _speaker_edges(doc: Doc, root: Token, start: int, end: int) -> tuple[int, int]:
    """The speaker phrase without a leading quotation mark and without a time phrase after its head:
    those say when, not who."""
    text = text_of(doc)
    while start < end and (text[start] in "\"“”'‘’" or text[start].isspace()):
        start += 1
    for child in root.rights:
        # the phrase's own noun names a time ("this week", "in recent days"), not a noun it modifies
        noun = next((c for c in child.children if c.dep_ == "pobj"), child)
        timed = noun.ent_type_ in TIME_ENTITIES or noun.lower_ in TIME_WORDS
        if child.dep_ in ("npadvmod", "prep", "advmod") and timed and start < child.left_edge.idx < end:
            return trim(text, start, child.left_edge.idx)
    return start, end


def _quote_ending_before(text: str, pos: int, quotes: Quotations) -> tuple[int, int] | None:
    # only the last quotation before ``pos`` can be adjacent: an earlier one has that one's marks between
    q = quotes.last_ending_by(pos)
    return (q.start, q.end) if q is not None and _ADJACENT.fullmatch(text, q.end, pos) else None


def _quote_starting_after(text: str, pos: int, quotes: Quotations) -> tuple[int, int] | None:
    q = quotes.first_starting_from(pos)
    if q is not None and (_ADJACENT.fullmatch(text, pos, q.start) or _ADJACENT_BLOCK.fullmatch(text, pos, q.start)):
        return q.start, q.end
    return None


def _headline_paragraphs(doc: Doc) -> set[tuple[int, int]]:
    """Lines that are headlines, captions or boilerplate (no closing punctuation, few words), or markup: an
    embedded post opens its line with a tag ("<tweet author=…>"), and its words are no report of the article's."""
    out = set()
    text = text_of(doc)
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        # a line that opens with a quotation mark is a quotation, however it ends ("“…” ― Name")
        # a closing mark typed as an opening one ("“Plainly wrong.“") still closes a sentence
        if stripped.startswith("<") or (
            stripped
            and stripped[-1] not in ".!?\"”’'):;…“"
            and stripped[0] not in '"“”«„'
            and len(stripped.split()) < HEADLINE_MAX_WORDS
        ):
            out.add((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _attach_fragments(doc: Doc, quotes: Quotations, found: list[Draft], headlines) -> None:
    """Quotations inside a clause that no cue took: the verb above them is the cue."""
    text = text_of(doc)
    covered = Coverage(found)
    parts = Parts(found)  # the content as it stood before this stage
    removed: set[int] = set()  # ids of the drafts a fragment replaced
    changed: list[Draft] = []  # drafts added or widened here, which ``parts`` does not know
    by_cue: dict[int, list[Draft]] = defaultdict(list)
    for f in found:
        if f.cue_token is not None:
            by_cue[f.cue_token.i].append(f)
    for q in quotes:
        if covered.touches(q.start, q.end) or paragraph_of(text, q.start) in headlines:
            continue
        # a quotation after a colon is introduced, not embedded: see _colon_introduction
        fragment = None if char_before(text, q.start) == ":" else fragment_cue(doc, q)
        if fragment is None:
            continue
        cue, (start, end) = fragment
        # "ruled that the “A” claim is “true,”": a content runs to the closing mark of every quotation it enters
        start, end = widen_to_quotes(start, end, quotes, list(cue.tokens))
        end = cut_after_last_quote(doc, start, end, quotes)
        same_cue = [f for f in by_cue[cue.token.i] if cue.token.idx < f.content[-1][0] <= start]
        if same_cue:
            # "condemned the launch as “reckless” and a “direct threat”": one act, one content
            last = same_cue[0].content[-1]
            same_cue[0].content[-1] = (last[0], max(last[1], end))
            covered.add(*same_cue[0].content[-1])
            changed.append(same_cue[0])
            continue
        near = {id(f): f for f in [*(found[k] for k in parts.meeting(start, end)), *changed]}
        overlapping = [f for f in near.values() if id(f) not in removed and f.overlaps(start, end)]
        # "asked the audience to welcome the governor - “my new partner”": the cue inside is part of the act
        if any(f.start < start or f.end > end or f.cue is None or not start <= f.cue[0] < end for f in overlapping):
            continue
        for f in overlapping:
            removed.add(id(f))
            if f.cue_token is not None:
                by_cue[f.cue_token.i].remove(f)
        pieces = _without_own_speaker(doc, cue, start, end)
        speaker = _speaker_span(doc, cue, {t.i for t in cue.tokens}, pieces)
        fragment_draft = Draft(pieces, token_range(cue.tokens), speaker, cue.speaker, cue.token)
        found.append(fragment_draft)
        by_cue[cue.token.i].append(fragment_draft)
        changed.append(fragment_draft)
        covered.add(start, end)  # what it replaced lay inside it
    found[:] = sorted((f for f in found if id(f) not in removed), key=lambda f: f.start)


def _without_own_speaker(doc: Doc, cue: Cue, start: int, end: int) -> list[tuple[int, int]]:
    """ "the blast, which the mayor described as “an act of war”": a fragment's content never holds its own speaker;
    the cue clause is cut out and the relative pronoun standing for what was described stays a piece of its own,
    as in a clause's content ("what he called X", one noun phrase, is kept whole there too)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if cue.speaker is None or first is None or not start <= cue.speaker.idx < end or first[0].lower_ == "what":
        return [(start, end)]
    last = cue.tokens[-1]
    clause = (cue.speaker.left_edge.idx, last.idx + len(last.text))
    parts = without_speaker(text_of(doc), [(start, end)], cue.speaker.idx, clause, False)
    if first[0].tag_ in RELATIVE_TAGS and first[0].idx < clause[0]:
        parts.insert(0, (first[0].idx, first[0].idx + len(first[0].text)))
    return parts or [(start, end)]


def _kind(parts: list[tuple[int, int]], quotes: Quotations) -> str:
    near = [quotes.touching(p[0] - 1, p[1] + 1) for p in parts]  # every candidate, and a few more
    covered = sum(1 for p, qs in zip(parts, near) if any(q.start <= p[0] and p[1] <= q.end for q in qs))
    if covered == len(parts):
        return "direct"
    if any(q.start < p[1] and q.end > p[0] for p, qs in zip(parts, near) for q in qs):
        return "mixed"
    return "indirect"
