"""The exceptions attrib raises; the CLI turns each into a one-line message."""


class AttribError(Exception):
    """Base class for every error attrib raises on purpose."""


class ModelNotFound(AttribError):
    """The spaCy pipeline asked for cannot be loaded."""


class InputError(AttribError):
    """An input cannot be read as an article: missing, empty, binary, not UTF-8, malformed."""

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source, self.problem, self.line = source, problem, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class InvalidDate(AttribError, ValueError):
    """An article date that is not a real date of the form YYYY-MM-DD ("banana", "2026-13-45")."""


class OutputError(AttribError):
    """The output cannot be written (a full disk, a lost mount) or is in use by another run."""


def one_line(error: BaseException) -> str:
    """An unexpected exception as one line of text: its type and its message with the line breaks folded."""
    return " ".join(f"{type(error).__name__}: {error}".split())
