"""The date a statement's own clause (or the clause its cue hangs on) gives it: which date expressions
belong to a cue, and which verbs share its occasion."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import event_nouns
from ..nlp.spans import ents_in, ents_of, sentence, text_of
from .dates import RELATIVE, WEEKDAYS, DateValue, base_date, resolve


def statement_date(cue: Token | None, content_tokens: set[int], base: str | None) -> DateValue:
    """The date in the cue's own clause or in the clause it hangs on (not in its content), else
    the article date."""
    ref = base_date(base)
    verbs = hosts(cue)
    # a present perfect names no day: in "has begun to rebut ..., fundraising in April" April dates the fundraising
    if any(_present_perfect(v) for v in verbs):
        verbs = []
    for verb in verbs:
        for expr in _date_expressions(verb, content_tokens, verb is cue):
            resolved = resolve(expr.text, ref, future=_future(verb))
            if resolved:
                iso, source, precision = resolved
                return DateValue(iso, source, precision, expr.text, expr.start_char, expr.end_char)
    if cue is not None and _has_long(cue):
        return DateValue(None, "vague", "unknown")
    if ref is not None:
        return DateValue(ref.isoformat(), "article", "day")
    return DateValue(None, None)


def hosts(cue: Token | None) -> list[Token]:
    """The cue, then the verbs whose occasion it shares: a coordinated verb's head, the head of a
    participle ("appeared on Tuesday and began by saying", "vied Wednesday, each saying"), the verb an
    occasion with a participle hangs on ("opened a rally blasting ..."), and the cue above a content the parser
    hung a coordinated cue on."""
    if cue is None:
        return []
    out = [cue]
    if cue.lemma_ == "accord":  # "according to" dates by its own phrase, not by the clause it hangs on
        return out
    token = cue
    for _ in range(4):
        dep, head = token.dep_, token.head
        if head == token:
            break
        if dep == "prep" and head.pos_ not in ("VERB", "AUX"):
            break  # a phrase on a noun: that noun's clause is no occasion of the cue
        # participles and infinitives share their head's occasion ("appeared to blame", "saying")
        shares = dep in ("conj", "pcomp", "prep", "xcomp") or (dep == "advcl" and token.tag_ in ("VBG", "VBN"))
        # a purpose infinitive shares its verb's occasion ("went to Ohio on Monday to rally supporters, saying ...")
        infinitive = token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        shares = shares or (dep == "advcl" and infinitive)
        # a noun cue in a verb's phrase or its object is made when that verb happens ("responded Friday with a note
        # saying", "made a plea for calm on Tuesday")
        shares = shares or (dep in ("pobj", "dobj") and token == cue and cue.pos_ == "NOUN")
        # "told reporters on Feb. 1 that ... and that he believed ...": the second cue sits in the first's content
        shares = shares or (dep == "ccomp" and out[-1].dep_ == "conj")
        # "opened a rally on Tuesday blasting X": a participle on an occasion shares the verb that noun hangs on
        if dep == "acl" and token.tag_ == "VBG" and is_occasion(head) and head.dep_ in ("dobj", "pobj"):
            token = head.head if head.dep_ == "dobj" else head.head.head
            if token.pos_ in ("VERB", "AUX"):
                out.append(token)
            continue
        if not shares:
            break
        token = head
        if token.pos_ in ("VERB", "AUX"):
            out.append(token)
    return out


def _future(verb: Token) -> bool:
    """The verb speaks of what is still to come: "will speak", "is to report", "plans to testify"."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in ("be", "plan", "schedule", "expect", "set") and head != verb


def _present_perfect(verb: Token) -> bool:
    """ "has said", "have begun": a present perfect, which English does not pin to a past day."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _has_long(cue: Token) -> bool:
    """ "has long said": a stance held over time, never one day's statement ("has repeatedly said" is
    said again up to the article's day)."""
    return any(c.dep_ == "advmod" and c.lower_ == "long" for c in cue.children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children
    )


def _date_expressions(cue: Token, content_tokens: set[int] = frozenset(), own: bool = True) -> list[Span]:
    """Date spans in the cue's own clause and outside its content: DATE entities and weekday or
    relative phrases under the verb, or (``own`` cue) standing right after it, before its content."""
    doc = cue.doc
    sent = sentence(cue)
    content_start = min(content_tokens, default=None)
    found: list[Span] = []

    def wanted(span: Span) -> bool:
        # a day on a noun content is the saying's, though the content's span took it in ("offered thanks on Monday")
        if any(t.i in content_tokens for t in span) and not _on_object(span, cue):
            return False
        # "said on Monday the talks ...", "told reporters on Feb. 1 that ...": the parser may hang it on the content
        between = own and content_start is not None and 0 < span.start - cue.i <= 4 and span.end <= content_start
        return between or _governed_by(span.root, cue)

    # our patterns first: they take in what the NER splits ("Tuesday" DATE + "night" TIME)
    for m in RELATIVE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and wanted(span):
            found.append(span)
    for ent in ents_in(sent):
        if (
            ent.label_ in ("DATE", "TIME")
            and wanted(ent)
            and not any(s.start < ent.end and ent.start < s.end for s in found)
        ):
            found.append(ent)
    return sorted(found, key=lambda s: s.start)


def _on_object(span: Span, cue: Token) -> bool:
    """A day on the thing said when that is a noun, not a clause ("offered condolences on Monday"): the day of
    the saying, though the content's span took it in."""
    token, path = span.root, []
    while token.dep_ in ("npadvmod", "pobj", "prep") and token.head != token and len(path) < 3:
        path.append(token.dep_)
        token = token.head
    prep_ok = path == ["npadvmod"] or (path == ["pobj", "prep"] and span.root.head.lower_ in ("on", "at"))
    # a day of someone's remarks or of an occasion dates them, not this saying ("called her remarks on Saturday ...")
    owned = is_occasion(token) or any(c.dep_ == "poss" for c in token.children)
    return prep_ok and token.dep_ == "dobj" and token.head == cue and token.pos_ == "NOUN" and not owned


def date_expressions_in(doc: Doc) -> list[Span]:
    """Every date expression of the text: weekday and relative phrases, then DATE entities they leave."""
    text = text_of(doc)
    found = [doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in RELATIVE.finditer(text)]
    found = [s for s in found if s is not None]
    taken = {t.i for s in found for t in s}
    found += [e for e in ents_of(doc) if e.label_ in ("DATE", "TIME") and not any(t.i in taken for t in e)]
    return sorted(found, key=lambda s: s.start)


def occasion_before(span: Span) -> Token | None:
    """The occasion a day right after it dates ("in an op-ed Thursday", "at a rally Monday"), however the parser hung
    the day: the occasion's verb is the day's."""
    noun = span.doc[span.start - 1] if span.start else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    word = noun.lower_
    if noun.i >= 2 and span.doc[noun.i - 1].text == "-":
        word = span.doc[noun.i - 2].lower_ + "-" + word  # "op-ed" is three tokens
    return noun if _occasion_word(word) else None


def occasion_after(span: Span) -> Token | None:
    """The occasion a calendar day right before it dates, across the occasion's proper name ("the Oct. 3 Channel 9
    debate", "a Jan. 5 letter"), whatever part of speech the parser gave the noun."""
    for token in span.doc[span.end : span.end + 4]:
        if _occasion_word(token.lower_):
            return token
        if token.tag_ not in ("NNP", "NNPS"):
            return None
    return None


def _governed_by(token: Token, cue: Token) -> bool:
    """The date hangs from the cue through adverbial or prepositional links, not through a clause
    or a thing it dates ("the 2011 raid"); an occasion's date counts ("in a Thursday interview",
    "in a message posted Friday", "at Sunday night's debate")."""
    below, path, child = "", [], None
    for _ in range(8):
        if token == cue:
            return True
        head, dep = token.head, token.dep_
        if head == token:
            return False
        if dep in ("ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "csubj", "parataxis"):
            # a clause of its own has its own time, unless it only dates an occasion
            if head != cue and not (dep in ("acl", "relcl") and is_occasion(head)):
                return False
            # under the cue, an adverbial clause is part of its occasion when it has no subject of its own
            # ("said, speaking Monday") or happens meanwhile ("said as they marched Sunday"), not "after X did"
            if head == cue and (dep != "advcl" or _other_time(token)):
                return False
        elif dep in ("nsubj", "nsubjpass", "attr", "oprd") and not (
            is_occasion(token)
            or below == "npadvmod"
            or path == ["pobj", "prep"]
            or _aside(child)
            or _day_as_subject(token, cue)
        ):
            return False  # the subject's own time ("the 1999 report"), but "Trump this week said" is the verb's
        elif dep in ("compound", "amod", "nummod", "poss", "nmod") and not is_occasion(head):
            return False
        elif dep == "prep" and token.lower_ in ("since", "until", "till", "before", "ahead"):
            return False  # a bound, not the time of the statement
        below, child, token = dep, token, head
        path.append(dep)
    return False


def _day_as_subject(token: Token, cue: Token) -> bool:
    """A day name the parser made the cue's subject is the time of the saying, since a day does not speak
    ("Saturday at the convention the senator said")."""
    return token.dep_ == "nsubj" and token.head == cue and token.lower_ in WEEKDAYS


def _aside(prep: Token | None) -> bool:
    """A phrase set off by commas after the subject is the verb's: "Trump, in an interview on Thursday, said"."""
    return prep is not None and prep.dep_ == "prep" and prep.i > 0 and prep.doc[prep.i - 1].text == ","


def _other_time(clause: Token) -> bool:
    """An adverbial clause with a subject of its own, not introduced by as, while or when."""
    children = list(clause.children)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
    return has_subject and not any(c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in children)


def is_occasion(token: Token) -> bool:
    """A noun for an occasion or document statements are made in or at ("interview", "debates")."""
    return _occasion_word(token.lower_)


def _occasion_word(word: str) -> bool:
    return word in event_nouns() or word.endswith("s") and word[:-1] in event_nouns()
