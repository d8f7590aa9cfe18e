"""The speaker of a verb cue: its subject, a passive's agent, or the subject it borrows from a verb above it."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from ..lexicon import event_nouns, occasion_nouns, reporting_verbs
from ..nlp.labels import NOMINAL, RELATIVE_TAGS, SUBJECT_LENDERS
from .frames import object_of

# closing quotation marks, as the tokenizer gives them
CLOSING_QUOTES = frozenset({'"', "”", "''"})
# a dependent cue borrows a subject from at most this many verbs up ("declined to comment, saying ...")
MAX_LENDER_STEPS = 4


def speaker_root(verb: Token) -> Token | None:
    """The head of the verb's speaker: its subject, the agent of a passive, or a lender's subject."""
    for child in verb.children:
        if child.dep_ == "agent" and (agent := object_of(child)) is not None:
            return agent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    # of two subjects, one a colon closes is a headline's label ("The Latest: Ruiz says ..."), not the speaker
    labels = [c for c in subjects if _before_colon(c)]
    subjects = [c for c in subjects if c not in labels] or labels
    if subjects:
        # of two subjects the parser gives one verb, a named person beats a common noun (a subhead glued
        # to the sentence: "THE LOANS When he ..., Mr. Reed said")
        named = [c for c in subjects if c.ent_type_ == "PERSON" and c.i < verb.i]
        common = subjects[0].ent_type_ != "PERSON" and subjects[0].pos_ != "PROPN"
        chosen = named[-1] if named and common else subjects[0]
        return _glued_name(chosen, verb) or _antecedent_of_relative(chosen)
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "acl" and verb.head.pos_ in NOMINAL:
        # "reports suggesting that ...": the noun speaks
        return _occasion_holder(verb.head) or _purpose_holder(verb) or verb.head
    seen = 0
    # "were angered by the deal and predicted ...": an active verb coordinated with a passive one shares its subject
    active = not any(c.dep_ == "auxpass" for c in verb.children)
    while verb.dep_ in SUBJECT_LENDERS and verb.head != verb and seen < MAX_LENDER_STEPS:
        if _spoken_to(verb):
            return None
        if verb.dep_ == "relcl":
            return _occasion_holder(verb.head) or _purpose_holder(verb) or verb.head
        if (sibling := _listed_sibling(verb)) is not None:
            return sibling
        if (
            verb.dep_ == "conj"
            and verb.head.lemma_.lower() not in reporting_verbs()
            and verb.head.dep_ not in ("ROOT", "conj")  # a chain of predicates ("rushed in and said") walks up
            and not any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in verb.head.children)
        ):
            # coordination deep inside a clause is too often a misparse to borrow from, short of a named subject; but
            # "He says the fix failed and says he ...": a verb of saying in the same form higher up is the one it joins
            return _parallel_speaker(verb)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head  # "published the results by announcing that ...": the verb the phrase modifies
            while verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep":
                verb = verb.head.head  # "in addition to stating that ...": a compound preposition
        # "is expected to endorse", "was devoted to criticizing": the subject of the passive or adjective completed
        raised = verb.dep_ in ("xcomp", "prep")
        shares_passive = raised or verb.dep_ == "conj" and active and seen == 0
        verb = verb.head.head if raised and verb.head.dep_ == "acomp" else verb.head
        seen += 1
        for child in verb.children:
            if child.dep_ == "nsubj" or shares_passive and child.dep_ == "nsubjpass":
                return _antecedent_of_relative(child)
    return None


def _parallel_speaker(verb: Token) -> Token | None:
    """The subject of the nearest verb of saying above a coordinated cue that has the cue's form ("says ... and
    says", "noting ... and saying"): the parser hung the second on a verb of the first one's content."""
    for above in islice(verb.ancestors, MAX_LENDER_STEPS + 2):  # a bounded walk, however deep the tree
        if above.tag_ == verb.tag_ and above.lemma_.lower() in reporting_verbs():
            subject = next((c for c in above.children if c.dep_ == "nsubj"), None)
            return _antecedent_of_relative(subject) if subject is not None else None
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """'"We love cats!" reply Ruiz and Hale.': a verb of saying right after a closing quotation mark, without a
    subject, names its speaker after it (the parser takes the name for an object)."""
    name = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.i == verb.i + 1), None)
    after_quote = verb.i > 0 and verb.doc[verb.i - 1].text in CLOSING_QUOTES
    return name if name is not None and after_quote and verb.lemma_.lower() in reporting_verbs() else None


def _before_colon(token: Token) -> bool:
    """Whether a colon follows the phrase ``token`` heads."""
    after = token.right_edge.i + 1
    return after < len(token.doc) and token.doc[after].text == ":"


def _occasion_holder(noun: Token) -> Token | None:
    """ "She said at a news conference announcing that ...": an occasion speaks with the voice of whoever
    held it, the subject of the verb of saying it hangs on."""
    prep = noun.head
    # "began a speech blasting X": an occasion its verb's subject holds speaks with that subject's voice
    held = noun.dep_ == "dobj" and prep.pos_ == "VERB" and noun.lower_ in occasion_nouns()
    if held:
        verb = prep
    elif noun.dep_ != "pobj" or prep.lower_ not in ("at", "during") or noun.lower_ not in event_nouns():
        return None
    else:
        verb = prep.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting_verbs():
            return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _antecedent_of_relative(subject) if subject is not None else None


def _purpose_holder(verb: Token) -> Token | None:
    """ "bought shares in a bid to persuade X", "will have more to say": an infinitive on a purpose phrase or on a
    word of amount is the act of the subject of the verb above, not of the noun it hangs on."""
    noun = verb.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "VERB":
        above = noun.head.head  # "in a bid to", "in an effort to": the purpose of whoever acts
    elif noun.dep_ == "dobj" and noun.pos_ not in ("NOUN", "PROPN") and noun.head.pos_ in ("VERB", "AUX"):
        above = noun.head  # "more to say", "nothing to add": no noun that could speak
    else:
        return None
    subject = next((c for c in above.children if c.dep_ == "nsubj"), None)
    return _antecedent_of_relative(subject) if subject is not None else None


def _listed_sibling(verb: Token) -> Token | None:
    """ "when Hale mocked X, cited Y and asked Z": a finite verb without a subject hung beside a clause of the same
    tense that has one is that clause's next verb in a list the parser split; it shares that clause's subject."""
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or not after_comma:
        return None
    before = [c for c in verb.head.children if c.dep_ == "advcl" and c.i < verb.i and c.tag_ == verb.tag_]
    subject = next((c for c in before[-1].children if c.dep_ == "nsubj"), None) if before else None
    return _antecedent_of_relative(subject) if subject is not None else None


def _glued_name(subject: Token, verb: Token) -> Token | None:
    """ "The number of towns The Globe reported ...": a name the parser hung without a comma in apposition inside the
    subject's phrase, ending right before the verb, is the verb's own subject glued after a fronted phrase (one that
    opens with its own article: "the union Tom Hale said" is one phrase)."""
    for token in subject.subtree:
        first = token.left_edge
        glued = first.i > subject.i and first.dep_ == "det" and token.doc[first.i - 1].text != ","
        if token.dep_ == "appos" and token.head.dep_ == "pobj" and token.i == verb.i - 1 and glued:
            return token if token.ent_type_ in ("PERSON", "ORG") else None
    return None


def _spoken_to(verb: Token) -> bool:
    """ "Asked whether ..., Lopez said": the subject a passive participle of speech borrows was spoken to (not
    "Having said ...", and not "Worried that ...", whose subject is the one who worries)."""
    entry = reporting_verbs().get(verb.lemma_.lower())
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and entry is not None
        and entry.kind == "speech"
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _antecedent_of_relative(subject: Token) -> Token:
    """ "who"/"which" as a subject stands for the noun its clause modifies."""
    if subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject
