"""Find: quotation marks, cues, and each attribution's source and content in a parsed article."""

__all__ = ["find_attributions"]


def __getattr__(name: str):
    # on first use: the quotation marks (attrib.find.quotes) are read without spaCy, by the report too
    if name == "find_attributions":
        from .finder import find_attributions

        return find_attributions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
