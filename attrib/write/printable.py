"""Text from inputs shown to a person on a terminal: control characters escaped, never obeyed."""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts a terminal's escape sequences), DEL, and the bidirectional overrides that
# reorder what a terminal shows
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with each control character written as an escape (``\\x1b``, ``\\u202e``); the rest as it is."""
    return _CONTROLS.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
