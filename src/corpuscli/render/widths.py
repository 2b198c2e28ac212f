"""How wide each column of a table drawn at a terminal is, so that the table never hides data.

Rich's own layout shrinks every column alike when a table is too wide, down to one character and
an ellipsis: numbers lost digits (``said (1,…``), and whole columns vanished (kwic's match,
search's score). Here the widths are settled first, then handed to rich:

- every column gets a minimum width: its header readable (broken after ``_`` or ``-`` or at a
  space onto more lines, never cut), a number column its longest value whole (numbers never wrap
  nor shrink), a text column at least :data:`TEXT_MIN` characters and its longest number whole
  (``said (1,234)`` wraps before ``(1,234)``);
- number columns then get their headers on one line, and text columns share what is left, each
  up to its longest value, the narrowest served first (so a short ``source`` column shows whole
  beside a long ``title``); text wraps onto more lines, and only a column marked to be clipped
  (kwic's contexts, one line per match) is cut, at the end away from the match;
- when even the minimums do not fit, :func:`layout` says so (None): the caller then shows each row
  as a record (a field per line, as psql's expanded display does) rather than cut anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rich.cells import cell_len

#: The least width of a text column (unless its longest value is narrower).
TEXT_MIN = 10
#: What a column separator takes in a table drawn without outer edges: " │ ".
SEPARATOR = 3
#: Kinds of column: a number (or a date) is never cut; text wraps; clipped text is cut on one
#: line at its start or its end.
NUMBER, TEXT, CLIP_START, CLIP_END = "number", "text", "clip-start", "clip-end"

_PIECES = re.compile(r"[^\s_-]*[_-]+|[^\s_-]+\s*|\s+")
_NUMBER = re.compile(r"[(\[]?[-+]?\d[\d,.:/%]*[)\]]?")


@dataclass(frozen=True)
class Column:
    """A column as it is drawn: its header, its cells (one line each) and its kind."""

    header: str
    cells: tuple[str, ...]
    kind: str = TEXT

    @cached_property
    def content(self) -> int:
        """The width of its widest cell."""
        return max((cell_len(c) for c in self.cells), default=0)

    @cached_property
    def natural(self) -> int:
        """The width that shows every cell and the header on one line."""
        return max(self.content, cell_len(self.header), 1)

    @cached_property
    def minimum(self) -> int:
        """The least width that hides nothing (see the module docstring)."""
        head = header_minimum(self.header)
        if self.kind == NUMBER:
            return max(self.content, head, 1)
        numbers = max(
            (cell_len(m) for c in self.cells for m in _NUMBER.findall(c)),
            default=0,
        )
        return max(head, min(self.content, TEXT_MIN), numbers, 1)


def header_pieces(header: str) -> list[str]:
    """The pieces a header may be broken into: after ``_`` or ``-``, and at spaces."""
    return _PIECES.findall(header) or [header]


def header_minimum(header: str) -> int:
    """The width of the header's longest piece (its narrowest unbroken layout)."""
    return max((cell_len(p.rstrip()) for p in header_pieces(header)), default=0)


def header_lines(header: str, width: int) -> str:
    """The header broken onto lines of at most ``width`` cells, between its pieces (a piece
    wider than that, which a minimum width never allows, is folded)."""
    lines: list[str] = []
    line = ""
    for piece in header_pieces(header):
        if line and cell_len((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        while cell_len(piece.rstrip()) > width:
            lines.append(piece[:width])
            piece = piece[width:]
        line += piece
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return "\n".join(lines)


def layout(columns: list[Column], width: int | None) -> list[int] | None:
    """Each column's width in a table ``width`` cells wide (None: as wide as it needs), or None
    when the columns' minimum widths do not fit (see the module docstring)."""
    natural = [c.natural for c in columns]
    if not columns:
        return []
    room = None if width is None else width - SEPARATOR * (len(columns) - 1)
    if room is None or sum(natural) <= room:
        return natural
    widths = [c.minimum for c in columns]
    extra = room - sum(widths)
    if extra < 0:
        return None
    for i, column in enumerate(columns):  # number headers on one line
        if column.kind == NUMBER:
            given = min(extra, natural[i] - widths[i])
            widths[i] += given
            extra -= given
    others = sorted(
        (i for i, c in enumerate(columns) if c.kind != NUMBER),
        key=lambda i: (natural[i] - widths[i], i),
    )
    for left, i in zip(range(len(others), 0, -1), others, strict=True):  # narrowest first
        given = min(extra // left, natural[i] - widths[i])
        widths[i] += given
        extra -= given
    for i in reversed(others):  # what integer division left over, to the widest
        if extra <= 0:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
            extra -= 1
    return widths


def clip(text: str, width: int, kind: str) -> str:
    """``text`` cut to ``width`` cells with an ellipsis: at its start for ``CLIP_START`` (the
    end is kept), else at its end."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    if cell_len(text) == len(text):  # one cell a character: slice
        return (
            "…" + text[len(text) - width + 1 :] if kind == CLIP_START else text[: width - 1] + "…"
        )
    if kind == CLIP_START:
        kept = text
        while cell_len(kept) > width - 1:
            kept = kept[1:]
        return "…" + kept
    kept = text
    while cell_len(kept) > width - 1:
        kept = kept[:-1]
    return kept + "…"
