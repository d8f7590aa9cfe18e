"""Where and how an article names people: name spans and their titles, headline lines, the
surnames whose honorifics give a sex, and the paragraphs a pronoun may reach back over."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..lexicon import first_names, honorifics, person_nouns, role_nouns
from ..nlp.labels import NAME_PARTICLES, NOMINAL, PLURAL_NOUN_TAGS, SUBJECTS
from ..nlp.spans import sentence
from .names import ACRONYM_SKIPS, acronym, fold, fullness, gender_of, name_key, split_title
from .speakers import Mention

# participles that give a noun its person's name: "a freshman named Jane Roe"
NAMING = frozenset({"named", "called"})
# participles that name a noun's person through "as": "a woman later identified as Jane Roe"
NAMING_AS = frozenset({"identified"})
# a byline ("By Ana Ruiz") or an author's note closing an opinion piece ("Ana Ruiz is a writer in Ohio.")
BYLINE = re.compile(r"^[ \t]*By ([A-Z][\w'’-]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2})[ \t]*$", re.MULTILINE)
AUTHOR_NOTE = re.compile(
    r"^[ \t]*([A-Z][\w'’-]+(?: [A-Z]\.)?(?: [A-Z][\w'’-]+){1,2}),? (?:is|was|writes|teaches|edits) ", re.MULTILINE
)


def name_of(span: Span) -> tuple[list[str], tuple[str, ...]]:
    """The title words a name span opens with, and the folded key of the name after them."""
    title, name = split_title([t.text for t in span if t.tag_ != "POS"])
    return title, name_key(name)


def surname_sexes(people: list[Span]) -> dict[tuple[str, ...], str]:
    """Bare surnames whose honorifics all agree ("Mr. Obama" and never "Mrs. Obama"), with that honorific."""
    seen: dict[tuple[str, ...], set[str]] = {}
    for span in people:
        title, key = name_of(span)
        honorific = [w for w in title_before(span) + title if w in honorifics()]
        if len(key) == 1 and honorific:
            seen.setdefault(key, set()).add(gender_of([], honorific[-1:]) or "")
    return {key: "Mr." if sexes == {"m"} else "Ms." for key, sexes in seen.items() if sexes in ({"m"}, {"f"})}


def office(title_words: list[str]) -> str | None:
    """The title without honorifics: "Mr." is no title, "Mr. President" is "President", and the
    capitalised word before an honorific is none either ("Both Mr. King")."""
    marks = [i for i, w in enumerate(title_words) if w in honorifics()]
    words = title_words[marks[-1] + 1 :] if marks else title_words
    return " ".join(words) or None


def from_first_name(tokens: list[Token]) -> list[Token]:
    """The name from its last first name on, or its surname alone when it has no known first name:
    headline capitals and quoted epithets glue words to a name ("Rip Donald Trump", "Crooked Hillary
    Clinton", "Derelict Obama"), and "Rip" may be a first name too."""
    firsts = [i for i, t in enumerate(tokens[:-1]) if fold(t.text) in first_names()]
    if not firsts:
        start = len(tokens) - 1
        while start > 0 and tokens[start - 1].lower_ in NAME_PARTICLES | {"-"}:
            start -= 1
        return tokens[start:]
    # the last first name: a headline's subject may be a first name too ("Carter Slams Lena Ortiz")
    return tokens[firsts[-1] :]


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case (most words of four letters or more capitalised): headlines and subheads."""
    out, pos = [], 0
    for line in text.split("\n"):
        long_words = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
        if long_words and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def unlabelled_names(doc: Doc) -> list[Span]:
    """Runs of proper nouns the NER left unlabelled that open with a known first name ("Ana María Ruiz"),
    or that open a person's name the NER cut short ("Odeline" before the PERSON "Joseph")."""
    # a surname the article gives a full name for needs no first name guessed ("Team Trump", "Though Kaine")
    named = {fold(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    # news gives a first name once, at the first mention: a word seen again is a nickname ("Crooked Hillary")
    seen = Counter(t.lower_ for t in doc)
    runs, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and doc[j].text[:1].isupper():
            j += 1
        if 2 <= j - i <= 4 and fold(doc[i].text) in first_names():
            runs.append(doc[i:j])
        elif j == i + 1 and _described_person(doc, j):
            runs.append(doc[i : j + 1])  # "Ana Quell, a city spokeswoman": the NER took the surname for a place
        elif j == i + 1 and _lone_person(doc, j) and fold(doc[j].text) not in named and seen[doc[i].lower_] == 1:
            whole = doc[i : j + 1]
            # a title is no first name ("Sen. Joseph"), nor is a shout or a broken word ("SUPER", "Released-")
            if len(name_of(whole)[1]) > 1 and doc[i].text.isalpha() and not doc[i].is_upper:
                runs.append(whole)
        i = max(j, i + 1)
    return runs


def quoted_full_names(doc: Doc, quoted) -> dict[str, list[str]]:
    """Folded surname -> the one two-word name a quotation gives it ("Barack Obama" in a speaker's words), when its
    first word is capitalised wherever the article uses it: a first name, not an epithet ("crooked")."""
    lower = {t.lower_ for t in doc if not t.is_title}
    found: dict[str, set[tuple[str, str]]] = {}
    for ent in doc.ents:
        first, last = ent[0], ent[-1]
        if ent.label_ != "PERSON" or len(ent) != 2 or not quoted(ent.start_char) or not first.is_title:
            continue
        if first.is_alpha and last.is_alpha and first.text not in honorifics() and first.lower_ not in lower:
            found.setdefault(fold(last.text), set()).add((first.text, last.text))
    return {key: list(names.pop()) for key, names in found.items() if len(names) == 1}


def complete_from_quotes(doc: Doc, people: list, quoted) -> None:
    """Give a person the article names only by surname outside quotation marks the full name a quotation gives
    ("Obama" is "Barack Obama"), when no one else bears that surname."""
    full = quoted_full_names(doc, quoted)
    by_surname: dict[str, list] = {}
    for e in people:
        if e.type == "person" and e.key:
            by_surname.setdefault(e.key[-1], []).append(e)
    for surname, bearers in by_surname.items():
        if surname in full and len(bearers) == 1 and len(bearers[0].key) == 1:
            words = full[surname]
            bearers[0].rename(" ".join(words), name_key(words), (fullness(words), 0))


def names_in_titles(doc: Doc) -> list[list[str]]:
    """Full names inside the title of a show or a body ("The Ana Ruiz Show", "Ana Ruiz Foundation"): the article
    may call the person by surname alone everywhere else."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("WORK_OF_ART", "ORG"):
            continue
        words = [t for t in ent if t.text[:1].isupper()]
        for first, last in zip(words, words[1:]):
            # a first name and the capitalised word after it, with more of the title around them
            whole = first.i > ent.start or last.i < ent.end - 1
            if whole and last.i == first.i + 1 and fold(first.text) in first_names() and last.pos_ == "PROPN":
                out.append([first.text, last.text])
    return out


def shared_surname(first: Token) -> Token | None:
    """ "Joe and Ann Smith": the surname a lone first name shares with the full name joined right after it."""
    doc, i = first.doc, first.i
    if fold(first.text) not in first_names() or i + 3 >= len(doc) or doc[i + 1].lower_ not in ("and", "&"):
        return None
    start = end = i + 2
    # the full name as the NER labels it, or as a run of proper nouns it left unlabelled
    label = doc[start].ent_type_
    if label not in ("PERSON", "") or doc[start].pos_ != "PROPN" or fold(doc[start].text) not in first_names():
        return None
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ == label:
        end += 1
    return doc[end] if end > start else None


def _described_person(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a one-word place, people or body the NER found right after an unlabelled capitalised
    word it heads, with a person's role in apposition ("Ana Quell, a city spokeswoman"): a person's surname."""
    if i >= len(doc) or i == 0 or doc[i].ent_iob_ != "B" or doc[i].ent_type_ not in ("GPE", "NORP", "ORG"):
        return False
    if i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        return False
    first = doc[i - 1]
    if first.dep_ != "compound" or first.head != doc[i] or not first.text.isalpha() or first.is_upper:
        return False
    return any(c.dep_ == "appos" and c.lower_ in role_nouns() for c in doc[i].children)


def _lone_person(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a one-word PERSON entity."""
    following = doc[i + 1].ent_iob_ if i + 1 < len(doc) else "O"
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON" and following != "I"


def subject_sentence(token: Token) -> int | None:
    """The start of the token's sentence when it is a subject, or names one ("His daughter Ana Ruiz
    spoke", "Her father, Tom Reed, spoke") or is coordinated with one; else None."""
    if token.dep_ in SUBJECTS or token.dep_ in ("conj", "appos", "compound") and token.head.dep_ in SUBJECTS:
        return sentence(token).start_char
    return None


def title_before(span: Span) -> list[str]:
    """Title words just before a name entity: "Mr." in "Mr. Trump" sits outside the PERSON span."""
    doc = span.doc
    words: list[str] = []
    i = span.start - 1
    while i >= 0 and doc[i].text[:1].isupper() and not doc[i].ent_type_ and len(words) < 4:
        words.insert(0, doc[i].text)
        i -= 1
    title, _ = split_title(words + ["x"])
    return title


def without_article(span: Span | str) -> str:
    """The phrase without its article; "one" before a description counts like "a" ("one senior official")."""
    words = (span if isinstance(span, str) else span.text).split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    elif len(words) > 1 and words[0].lower() == "one" and words[1][:1].islower() and words[1] != "of":
        words = words[1:]
    return " ".join(words)


def paragraph_start(text: str, pos: int, paragraphs_back: int) -> int:
    start = pos
    for _ in range(paragraphs_back + 1):
        start = text.rfind("\n", 0, max(start - 1, 0))
        if start < 0:
            return 0
        while start > 0 and text[start - 1] == "\n":
            start -= 1
    return start


def author_span(text: str) -> tuple[int, int] | None:
    """Where the text names its author: a byline in its first lines, else a note in its last paragraph."""
    head = BYLINE.search(text, 0, 300)
    if head:
        return head.span(1)
    last = text.rstrip().rfind("\n")
    note = AUTHOR_NOTE.match(text, last + 1) if last >= 0 else None
    return note.span(1) if note else None


def name_type(mention: Mention) -> str:
    """An untyped proper name: a person when titled, or short and led by a known first name or
    a lone word (speakers named by one word are people: "Trump told reporters")."""
    words = mention.name
    if mention.title or len(words) == 1 or len(words) <= 3 and fold(words[0]) in first_names():
        return "person"
    return "organization"


def named_head(head: Token) -> Token:
    """A title noun with the name in apposition ("Minister … Carlos Fernandez de Cossio") or after titles joined to
    it ("Vice President and Managing Editor Ana Ruiz") is that name; so is a noun with a body's name in apposition."""
    if head.ent_type_ in ("DATE", "TIME"):
        # "Saturday at the convention Sen. Ana Ruiz": a day the parser took for the subject is no speaker; the name is
        people = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
        return _name_end(people[0]) if len(people) == 1 else head
    if head.ent_type_ != "PERSON" and (head.pos_ in NOMINAL or head.pos_ == "NUM"):
        # "An attorney for Bryan Hale, Mark Dorsey": a name set off after the phrase's object names the phrase
        late = _name_after_object(head)
        if late is not None:
            return late
        # the parser may make the participle the verb: "A voter later identified as Jane Roe(,) asked ..."
        naming = head.head if head.dep_ in SUBJECTS and head.head.lower_ in NAMING_AS else None
        if naming is not None and _named_as(naming) is not None:
            return _named_as(naming)
        for child in head.children:
            # "a freshman named Jane Roe": the name a participle of naming gives the noun
            named = [c for c in child.children if c.ent_type_ == "PERSON"] if child.lower_ in NAMING else []
            if child.dep_ == "acl" and named:
                return named[-1]
            # "a woman identified as Jane Roe": the name "as" gives the noun is hers, as "named" would be
            named_as = _named_as(child) if child.dep_ == "acl" and child.lower_ in NAMING_AS else None
            if named_as is not None:
                return named_as
            if child.dep_ in ("appos", "compound", "conj") and child.ent_type_ == "PERSON" and child.i > head.i:
                return child
            # "One group, Occupy Main Street": a body's name in apposition to a common noun is that body
            body = child.pos_ == "PROPN" and child.ent_type_ in ("ORG", "FAC", "")
            if child.dep_ == "appos" and body and head.pos_ == "NOUN" and child.i > head.i:
                return child
    return head


def _name_after_object(head: Token) -> Token | None:
    """A person's name the parser hung in apposition, after a comma, on the object of the phrase's preposition, when
    that object cannot be the one it names: a name already, a plural or no noun for a person ("the hotels")."""
    for prep in (c for c in head.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            person_like = noun.pos_ == "NOUN" and noun.tag_ not in PLURAL_NOUN_TAGS and noun.lower_ in person_nouns()
            for name in noun.children:
                set_off = name.left_edge.i > 0 and name.doc[name.left_edge.i - 1].text == ","
                if name.dep_ == "appos" and name.ent_type_ == "PERSON" and set_off and not person_like:
                    return name
    return None


def _named_as(participle: Token) -> Token | None:
    """The person's name the object of "as" gives after a participle of naming, else None."""
    for prep in participle.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            names = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
            return names[-1] if names else None
    return None


def _name_end(first: Token) -> Token:
    """The last token of the entity that ``first`` opens."""
    end = first.i
    while end + 1 < len(first.doc) and first.doc[end + 1].ent_iob_ == "I":
        end += 1
    return first.doc[end]


def spelled_out(doc: Doc) -> list[Span]:
    """Organisation names an acronym in brackets spells out right after them: "Citizens for Ethics in Ohio (CEO)"."""
    out = []
    for t in doc[2:-1]:
        if not (t.is_upper and t.is_alpha and 2 <= len(t) <= 6 and t.nbor(-1).text == "(" and t.nbor(1).text == ")"):
            continue
        start = t.i - 1
        # back over the capitalised words and the small words between them, until their initials spell the acronym
        while start > 0 and t.i - start <= 12 and (doc[start - 1].is_title or doc[start - 1].lower_ in ACRONYM_SKIPS):
            start -= 1
            words = [w.text for w in doc[start : t.i - 1]]
            if doc[start].is_title and acronym(words) == t.lower_:
                out.append(Span(doc, start, t.i - 1, label="ORG"))
                break
    return out
