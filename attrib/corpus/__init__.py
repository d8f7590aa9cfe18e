"""Corpus: attrib output read back and counted by speaker, period, outlet, type or gender."""

from .corpus import count, identities
from .reading import read_records

__all__ = ["count", "identities", "read_records"]
