"""The act an attribution reports: speech, thought, document or evidence, from its cue and its speaker.

PolNeAR (and attrib) count beliefs, intentions and what documents and polls show as attributions
("Mr. Obama believes ...", "polls showed ..."); the act tells them apart, so a study can keep
speech alone. The word lists are data: models/reporting_verbs.tsv (each verb's class) and
models/acts.tsv (cue nouns and speakers' head nouns).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicon import acts, reporting_verbs

ACTS = ("speech", "thought", "document", "evidence", "other")
# an adjective cue reports a state of mind: "was confident that ...", "is critical of X"
ADJECTIVE_ACT = "thought"
HEAD_ENDS = re.compile(r"\s(?:by|from|of|in|on|for|at|with)\s")


def act_of(cue: Token | None, cue_text: str | None, speaker: str | None) -> str:
    """The act of an attribution with cue token ``cue`` (as written: ``cue_text``) and speaker name ``speaker``."""
    if cue is None:
        # a quotation with no cue of its own: words in quotation marks were said or written
        return _by_speaker(speaker) or "speech"
    # a text or a poll "says" what it holds: the speaker decides before the verb
    by_speaker = _by_speaker(speaker)
    if by_speaker:
        return by_speaker
    verb = reporting_verbs().get(cue.lemma_.lower())
    if verb is not None:
        return verb.kind  # the list's classes are acts
    words = acts()
    phrase = " ".join((cue_text or "").lower().split()[-2:])
    for word in (phrase, cue.lower_, cue.lemma_.lower()):
        if word in words:
            return words[word]
    return ADJECTIVE_ACT if cue.pos_ == "ADJ" else "other"


def _by_speaker(speaker: str | None) -> str | None:
    """The act "document" for a speaker named by a text or numbers ("the report", "a Gallup poll", "census data")."""
    # the head noun comes before a prepositional phrase: "report by Drop Site News", "data from the bureau"
    words = HEAD_ENDS.split((speaker or "").lower(), 1)[0].split()
    return "document" if words and acts().get(words[-1]) == "document" else None
