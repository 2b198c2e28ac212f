"""Text that is safe to draw at a terminal.

Article text and file names come from anywhere: a title may hold ``ESC [ 2 J`` (clear the
screen) or a carriage return that draws over the line before it. Drawn as they are, control
characters let an input rewrite what a person sees. :func:`printable` shows each one as its
escape instead (``\\x1b``), so the data stays visible and the terminal stays ours. Machine
formats (TSV, CSV, JSON ...) keep the text as it is: they escape what their format needs.
"""

from __future__ import annotations

import re

#: C0 controls but tab, DEL, and the C1 controls (``\\x9b`` is a one-byte CSI on some terminals).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def printable(text: str) -> str:
    """``text`` with every control character but tab shown as its ``\\xNN`` escape
    (``"a\\x1b[2Jb"`` -> ``"a\\\\x1b[2Jb"``); other text unchanged."""
    return _CONTROL.sub(_escape, text)
