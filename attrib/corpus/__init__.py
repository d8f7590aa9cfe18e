"""Corpus: attrib output read back, counted by speaker, period, outlet, type or gender; quote clusters, wire groups."""

from .corpus import count, identities
from .quote_clusters import quote_clusters
from .reading import read_records
from .wire import sketch, wire_groups

__all__ = ["count", "identities", "quote_clusters", "read_records", "sketch", "wire_groups"]
