"""Read: articles from files, folders, JSONL/CSV records, web pages and stdin, checked and decoded."""

from .articles import Article, Fields, Reading, read_inputs

__all__ = ["Article", "Fields", "Reading", "read_inputs"]
