"""CSV cells a spreadsheet will not run: text that opens like a formula gets a leading apostrophe (OWASP's advice)."""

from __future__ import annotations

# a spreadsheet reads a cell opening with one of these as a formula (a tab or a carriage return can hide one)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: object) -> object:
    """A text cell that a spreadsheet would take for a formula, with a ``'`` in front; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised_row(row: dict) -> dict:
    """Every cell of a CSV row, neutralised."""
    return {k: neutralised(v) for k, v in row.items()}
