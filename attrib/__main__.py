"""``python -m attrib`` runs the CLI."""

from .cli import app

app(prog_name="attrib")
