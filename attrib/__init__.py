"""attrib: who said what, and when. Attribution extraction for news articles.

    >>> import attrib
    >>> attributions = attrib.extract(text, date="2026-02-10")

``Extractor`` loads the pipeline once for many articles; ``add_to_pipeline(nlp)`` adds attrib's
spaCy components to a pipeline of your own, which then sets ``doc._.attributions`` and
``doc._.speakers``.

Importing attrib does not import spaCy: the names that need it load on first use (PEP 562), so
``attrib --version`` and ``attrib schema`` start at once.
"""

from importlib import import_module

from .errors import AttribError, InputError, InvalidDate, ModelNotFound
from .read.articles import Article
from .records import ArticleResult, Attribution, Speaker

__version__ = "0.1.0"
__all__ = [
    "extract",
    "Extractor",
    "Article",
    "ArticleResult",
    "Attribution",
    "Speaker",
    "add_to_pipeline",
    "AttribError",
    "InputError",
    "InvalidDate",
    "ModelNotFound",
    "__version__",
]
# the names that import spaCy, and the module each lives in
_LAZY = {
    "extract": ".extractor",
    "Extractor": ".extractor",
    "add_to_pipeline": ".pipeline",
}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'attrib' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name], __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
