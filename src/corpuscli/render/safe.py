"""Text made safe to show a person: control characters shown, never obeyed.

An article's fields, a file's name or a column's name can hold terminal escape codes:
``ESC]0;TITLE BEL`` sets the window's title, ``ESC[2J`` clears the screen, and worse sequences
exist. Everything corpuscli draws at a terminal, and every message on stderr, goes through
:func:`printable`, which writes such characters out as escapes (``\\x1b``). Machine formats
written to a file or a pipe keep every value as it is.

Light on purpose (no pandas at import): the CLI's messages use it before any analysis runs.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: C0 controls but tab and newline, DEL, the C1 controls (U+0080-U+009F: some terminals obey
#: U+009B as CSI, the start of an escape sequence), and the Unicode controls of writing
#: direction that reorder what is shown (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{_CONTROLS}]")
#: The same and newline, for what must stay on one line (a message).
CONTROL_OR_NEWLINE = re.compile(f"[\n{_CONTROLS}]")


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with its control characters written out: ``"\\x1b[2J"`` for ESC [2J,
    ``"\\u202e"`` for a right-to-left override. Tab and newline stay (newline too is written
    out with ``one_line``, for a message). Already printable text comes back as it is."""
    pattern = CONTROL_OR_NEWLINE if one_line else CONTROL
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escaped, text)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text value and column name :func:`printable` (other values as
    they are): for a table drawn at a terminal."""
    import pandas as pd

    out = frame.rename(columns=lambda c: printable(c) if isinstance(c, str) else c)
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype | pd.CategoricalDtype):
            values = column.astype(object)  # a category escaped could meet another
            escaped = values.map(lambda v: printable(v) if isinstance(v, str) else v)
            out.isetitem(position, escaped.to_numpy(dtype=object))
    return out


def printable_data(value: Any) -> Any:
    """A JSON-like value (dicts, lists, strings, numbers) with every string :func:`printable`:
    for a document drawn at a terminal (the report's view)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(k): printable_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(printable_data(v) for v in value)
    return value


class PrintableStream:
    """A text stream that writes everything :func:`printable` to ``stream`` (a terminal): for
    the plain formats (TSV, CSV, JSON, Markdown ...) written at a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def isatty(self) -> bool:
        return self.stream.isatty()

    def __getattr__(self, name: str) -> Any:  # flush, fileno, encoding ...
        return getattr(self.stream, name)
