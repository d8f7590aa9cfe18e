"""The ``attrib`` spaCy component: attributions on ``doc._.attributions``.

Results hold offsets and strings only, so they survive ``nlp.pipe(..., n_process=2)``. An
exception inside the component goes to spaCy's error handler (``nlp.set_error_handler``) like any
component's; with ``collect_errors`` it is kept in ``doc._.attrib_error`` instead, so one odd
article of a batch fails alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .annotate import annotate
from .errors import AttribError, InvalidDate
from .find.scorer import load_scorer
from .read.articles import parse_article_date

for _name in ("attributions", "speakers", "article_date", "attrib_error"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class AttributionComponent:
    """Finds attributions, resolves their speakers and dates them; ``learned`` adds the learned cue scorer
    to the word lists (attrib.find.scorer)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        article_date: str | None = None,
        collect_errors: bool = False,
        learned: bool = True,
    ):
        self.name = name
        self.article_date = checked_date(article_date)
        self.collect_errors = collect_errors
        self.scorer = load_scorer() if learned else None

    def __call__(self, doc: Doc) -> Doc:
        if not self.collect_errors:
            return self._annotate(doc)
        try:
            return self._annotate(doc)
        except Exception as e:  # collect_errors: the caller reads doc._.attrib_error
            internal = f"internal error while analysing: {type(e).__name__}: {e}"
            doc._.attrib_error = str(e) if isinstance(e, AttribError) else internal
            doc._.attributions, doc._.speakers = [], []
            return doc

    def _annotate(self, doc: Doc) -> Doc:
        try:
            date, attributions, speakers = annotate(
                doc, checked_date(doc._.article_date) or self.article_date, scorer=self.scorer
            )
        except KeyError as e:
            # spaCy turns a component's KeyError into an unrelated message (E109), past the error handler
            raise RuntimeError(f"attrib: KeyError {e}") from e
        doc._.article_date = date
        doc._.attributions = [a.to_dict() for a in attributions]
        doc._.speakers = [s.to_dict() for s in speakers]
        return doc


def checked_date(value) -> str | None:
    """``value`` (YYYY-MM-DD or a ``date``) as an ISO date, None for None; InvalidDate for anything else."""
    if value is None:
        return None
    try:
        return parse_article_date(value).isoformat()
    except ValueError as e:
        raise InvalidDate(str(e)) from None


@Language.factory(
    "attrib",
    assigns=["doc._.attributions", "doc._.speakers", "doc._.article_date", "doc._.attrib_error"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"article_date": None, "collect_errors": False, "learned": True},
)
def make_attrib(
    nlp: Language, name: str, article_date: str | None, collect_errors: bool, learned: bool
) -> AttributionComponent:
    """Factory for ``nlp.add_pipe("attrib")``: ``article_date`` (YYYY-MM-DD) dates relative statements;
    ``collect_errors`` keeps an exception in ``doc._.attrib_error`` instead of raising it; ``learned=False``
    finds cues by the word lists alone."""
    return AttributionComponent(nlp, name, article_date, collect_errors, learned)
