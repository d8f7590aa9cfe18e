"""Dates: date expressions resolved against the article's date, and the date of each statement."""

from .timeline import carry_dates

__all__ = ["carry_dates"]
