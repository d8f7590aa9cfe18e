"""attrib: who said what, and when. Attribution extraction for news articles.

    >>> import attrib
    >>> attributions = attrib.extract(text, date="2026-02-10")

``Extractor`` loads the pipeline once for many articles; the ``attrib`` spaCy component
(``nlp.add_pipe("attrib")``) sets ``doc._.attributions`` and ``doc._.speakers``.
"""
from .articles import Article
from .errors import AttribError, InputError, ModelNotFound
from .records import ArticleResult, Attribution, Speaker

__version__ = "0.1.0"
__all__ = ["extract", "Extractor", "Article", "ArticleResult", "Attribution", "Speaker", "AttribError", "InputError", "ModelNotFound", "__version__"]


def __getattr__(name: str):
    # spaCy loads only when the extractor is asked for: ``attrib speakers`` never needs it
    if name in ("Extractor", "extract"):
        from . import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module 'attrib' has no attribute {name!r}")
