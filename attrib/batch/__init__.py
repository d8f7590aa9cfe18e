"""Batch: a run over many inputs, locally (ordered output, resume, locks) or on a Dask cluster."""

from .runner import run

__all__ = ["run"]
