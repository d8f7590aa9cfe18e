"""The ``attrib`` command line: thin commands that check their arguments and call the library."""

from .app import app

__all__ = ["app"]
