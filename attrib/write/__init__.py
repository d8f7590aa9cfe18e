"""Write: records as a table, JSON Lines, JSON, CSV or an HTML report, and attrib output read back."""

from .output import FORMATS, make_writer

__all__ = ["FORMATS", "make_writer"]
