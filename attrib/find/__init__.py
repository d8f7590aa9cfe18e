"""Find: quotation marks, cues, and each attribution's source and content in a parsed article."""

from .finder import find_attributions

__all__ = ["find_attributions"]
