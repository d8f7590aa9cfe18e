"""Speakers: the mentions of one entity merged, pronouns and descriptions resolved, each source named.

Nothing is imported here: the corpus commands read ``identity`` and ``names`` without loading spaCy.
"""
