"""Quoted fragments: a quotation inside a clause quotes the subject of the verb above it.

"The senator has been pounding the governor as a “fraud artist”" gives the senator's words
although "pound" reports no speech: the quotation marks are the evidence. The nearest verb over the
fragment is the cue, its subject the speaker, and its arguments up to the end of the one holding
the fragment the content.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lexicon import linking_verbs, title_small_words
from ..nlp.labels import ARGUMENTS, EMPTY_SPEAKERS, FRAGMENT_COMMENTS, OBJECT_PREPOSITIONS, RELATIVE_TAGS, SUBJECTS
from ..nlp.spans import text_of
from .cues import Cue, cue_tokens, speaker_root
from .quotes import QuotedSpan

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def fragment_cue(doc: Doc, quote: QuotedSpan) -> tuple[Cue, tuple[int, int]] | None:
    """The cue over a quotation in running text and the character range of its content, or None
    when the quotation heads its own clause or no one stands as the verb's subject."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or is_title(text_of(doc)[quote.start : quote.end]):
        return None
    # the fragment's head word: its marks and commas may hang anywhere
    roots = [t for t in span if not t.is_punct and (not span.start <= t.head.i < span.end or t.head == t)]
    if not roots or roots[0].head == roots[0]:
        return None
    verb = _completed_verb(_governing_verb(roots[0].head))
    if verb is None or verb.i >= span.start:
        return None
    speaker = speaker_root(verb)
    if speaker is None or speaker.lower_ in EMPTY_SPEAKERS or span.start <= speaker.i < span.end:
        return None
    tokens = cue_tokens(verb)
    arguments = [c for c in verb.rights if c.dep_ in ARGUMENTS and c.i > tokens[-1].i]
    words = [t.i for t in span if not t.is_punct]
    holding = [c for c in arguments if c.left_edge.i <= words[0] and words[-1] <= c.right_edge.i]
    if not holding:
        return None
    first = min(arguments[0].left_edge.i, span.start)
    # "the plant, which she described as “like a giant beehive”": the relative pronoun is the object
    relatives = [c.i for c in verb.lefts if c.dep_ == "dobj" and c.tag_ in RELATIVE_TAGS]
    if relatives:
        first = relatives[0]
    last = _last_token(holding[0], words[-1])
    return Cue(verb, tokens, arguments[0], "fragment", speaker), (
        doc[first].idx,
        max(quote.end, doc[last].idx + len(doc[last].text)),
    )


def is_title(quoted: str) -> bool:
    """A show, a book, a nickname or a slogan in title case ("“The Morning Hour”"): a name, not words said."""
    words = _WORD.findall(quoted)
    return bool(words) and all(w[0].isupper() or w.lower() in title_small_words() for w in words)


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token``; a linking verb governs nothing."""
    while token.pos_ != "VERB":
        if token.head == token:
            return None
        token = token.head
    return None if token.lemma_.lower() in linking_verbs() else token


def _completed_verb(verb: Token | None) -> Token | None:
    """ "asked residents to stay in to keep the roads “clear and safe”": an infinitive, or
    a gerund completing an object ("praised X for helping draft “smart rules”"), without a subject of
    its own is part of the act of the verb before it; ", mentioning ..." or "by echoing" is an act of its own."""
    while verb is not None and not any(c.dep_ in SUBJECTS for c in verb.children):
        head = verb.head
        infinitive = verb.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        )
        completing = verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in OBJECT_PREPOSITIONS
        if completing:
            head = head.head
        if not (infinitive or completing) or head.pos_ != "VERB" or head.i > verb.i:
            break
        verb = head
    return verb


def _last_token(argument: Token, quote_end: int) -> int:
    """The argument's last token, short of a comment set off by a comma after the fragment."""
    doc = argument.doc
    last = argument.right_edge.i
    # the tokens after the quotation up to the argument's right edge, its own checked last: spaCy's Token.subtree
    # walks each token's left and right edges again, quadratic in a deep tree
    for token in doc[quote_end + 1 : last + 1]:
        if (
            token.dep_ in FRAGMENT_COMMENTS
            and token.left_edge.i > 0
            and doc[token.left_edge.i - 1].text == ","
            and (token == argument or argument.is_ancestor(token))
        ):
            last = min(last, token.left_edge.i - 2)
    return max(last, quote_end)
