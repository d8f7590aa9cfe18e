"""Dependency labels, tags and closed word classes that the rules share, each named once.

The labels are those of spaCy's English pipelines (ClearNLP dependencies, Penn Treebank tags).
Open word lists (verbs, titles, nouns) are data under ``models/``; these small closed sets are
part of the grammar the rules are written against, so they live with the code that reads them.
"""

from __future__ import annotations

# --- dependency labels ---------------------------------------------------------------------------
# a clause's nominal subject, active or passive
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# what gives a clause a subject of its own, "there" included ("there is no plan")
CLAUSE_SUBJECTS = SUBJECTS | {"expl"}
# auxiliaries of a verb ("has said", "was told")
AUXILIARIES = frozenset({"aux", "auxpass"})
# the words a cue takes in front of its verb: "has not repeatedly said"
CUE_PREMODIFIERS = AUXILIARIES | {"neg", "advmod"}
# clauses that modify a noun or a verb; a "that" clause the parser hung there may be a cue's content
MODIFIER_CLAUSES = frozenset({"relcl", "acl", "advcl"})
# verbs that lend their subject to a dependent cue: "X declined to comment, saying ..."
SUBJECT_LENDERS = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "relcl"})
# relations that start a verb's content: objects, complements and the prepositions that complete them
ARGUMENTS = frozenset({"dobj", "dative", "prep", "xcomp", "ccomp", "oprd", "acomp", "attr", "advcl", "pcomp"})
# what a comma or dash after a quotation may set off as the reporter's comment on it
COMMENTS = frozenset({"appos", "advcl", "acl", "relcl"})
# clauses set off after a quoted fragment comment on it: "the “clean slate” plan, which came with ..."
FRAGMENT_COMMENTS = COMMENTS | {"conj"}
# a verb's objects and adverbials: "reporters" in ", Ruiz told reporters,"
OBJECTS_AND_ADVERBIALS = frozenset({"dobj", "dative", "iobj", "advmod", "npadvmod", "prep"})

# --- tags and parts of speech --------------------------------------------------------------------
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
# "who", "which", "that" as relative pronouns
RELATIVE_TAGS = frozenset({"WP", "WDT"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# entity labels of a moment in time
TIME_ENTITIES = frozenset({"DATE", "TIME"})

# --- closed word classes -------------------------------------------------------------------------
# prepositions that complete an object ("criticized the council for delaying ...")
OBJECT_PREPOSITIONS = frozenset({"for", "as", "of", "over", "against", "about", "to"})
# prepositions whose object a predicative adjective reports ("critical of", "worried about", "silent on"); on train
# half their objects are annotated contents, of "for", "with", "to" and "in" a fifth or less
ADJECTIVE_PREPOSITIONS = frozenset({"of", "about", "on"})
# prepositions that join a cue noun to what it is about: "criticism of X", "support for X", "attacks on X" (train,
# four fifths: "to" and "with" added nothing)
NOUN_PREPOSITIONS = frozenset({"of", "about", "on", "for", "against"})
# prepositions whose object names what a verb's act is about however short ("talked about taxes", "lashed out at
# Khan", "pushed for a ban"), unlike a short direct object ("sent a letter")
TOPIC_OBJECT_PREPOSITIONS = frozenset({"for", "about", "on", "with", "at", "against", "over"})
# pronoun objects are talk about talk ("he said it"), not content
EMPTY_OBJECTS = frozenset(
    {"it", "this", "that", "so", "something", "anything", "nothing", "what", "which", "much", "more"}
)
# subjects that are no one: "it showed the “trend”", "there are “concerns”"
EMPTY_SPEAKERS = frozenset({"it", "this", "that", "there", "which", "what", "these", "those"})
# subjects before a colon that introduce an explanation, not a speaker ("It is simple: “…”")
EMPTY_INTRODUCERS = frozenset({"it", "this", "that", "there"})
# personal, possessive and relative pronouns a speaker phrase may be
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "him",
        "her",
        "them",
        "who",
        "his",
        "hers",
        "their",
        "its",
        "my",
        "our",
    }
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# determiners that make a noun definite: it points back to a thing the reader was told of ("the poll", "that debate")
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# particles belong to the surname: "Fernandez de Cossio", "van der Leyen", "bin Salman"
NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "st",
        "ter",
    }
)
# generational suffixes, no part of what tells two names apart
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
