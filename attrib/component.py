"""The ``attrib`` spaCy component: attributions on ``doc._.attributions``.

Results hold offsets and strings only, so they survive ``nlp.pipe(..., n_process=2)``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .annotate import annotate

for _name in ("attributions", "speakers", "article_date", "attrib_error"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class AttributionComponent:
    """Finds attributions, resolves their speakers and dates them."""

    def __init__(self, nlp: Language, name: str, article_date: str | None = None):
        self.name = name
        self.article_date = article_date

    def __call__(self, doc: Doc) -> Doc:
        if doc._.attrib_error:
            return doc  # refused before parsing (too large)
        date = doc._.article_date or self.article_date
        try:
            date, attributions, speakers = annotate(doc, date)
        except Exception as e:  # one odd article must not end a batch of thousands
            doc._.attrib_error = f"internal error while analysing: {type(e).__name__}: {e}"
            attributions, speakers = [], []
        doc._.article_date = date
        doc._.attributions = [a.to_dict() for a in attributions]
        doc._.speakers = [s.to_dict() for s in speakers]
        return doc


@Language.factory(
    "attrib",
    assigns=["doc._.attributions", "doc._.speakers"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"article_date": None},
)
def make_attrib(nlp: Language, name: str, article_date: str | None) -> AttributionComponent:
    """Factory for ``nlp.add_pipe("attrib")``; ``article_date`` (YYYY-MM-DD) dates relative statements."""
    return AttributionComponent(nlp, name, article_date)
