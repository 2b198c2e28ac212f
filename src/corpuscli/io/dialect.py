"""Which character separates the fields of a CSV input: ``,`` ``;`` tab or ``|``.

Excel writes ``;`` where the decimal mark is a comma (German, French, Italian ... settings), and
exports from databases use tabs or ``|``. The separator is read off the header line: another
separator than the comma is chosen when the header is one field when split on commas and several
when split on it. A header that splits both ways ("Titel;Quelle, Datum;Text": a comma inside a
column name of a ``;`` file) is settled by the first data rows: the other separator when every
row splits on it into as many fields as the header does (its commas may well repeat the header's,
"heise, 2015"), the comma otherwise (no rows, or rows that do not fit). A decimal comma ("1,5") or
a comma in a text cannot make a ``;`` header a comma one, and a comma CSV is misread only when its
header and every row hold that other separator at the same places.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence

#: The separators :func:`detect_delimiter` chooses among; a comma when no other fits.
DELIMITERS = (",", ";", "\t", "|")

#: Names a separator in the notes a load makes.
DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}


def header_fields(line: str, delimiter: str) -> list[str]:
    """The fields of a header ``line`` split on ``delimiter`` the CSV way (quotes respected;
    a quote left open at the line's end keeps the rest of the line in its field)."""
    try:
        return next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error:
        return [line]


def detect_delimiter(header: str, rows: Sequence[str] = ()) -> str:
    """The separator of a CSV whose first line is ``header``: a comma, unless the header is
    one field split on commas and several split on ``;``, tab or ``|`` (the most fields wins,
    in that order on a tie). When the header splits on commas and into more fields on another
    separator, ``rows`` (the lines that follow it) decide: see :func:`fits_rows`."""
    commas = len(header_fields(header, ","))
    best, most = ",", 1
    for delimiter in DELIMITERS[1:]:
        count = len(header_fields(header, delimiter))
        if count > most:
            best, most = delimiter, count
    if commas == 1:
        return best
    if most > commas and fits_rows(rows, best, most):
        return best
    return ","


def fits_rows(lines: Sequence[str], delimiter: str, fields: int) -> bool:
    """Whether the data rows in ``lines`` (the lines after the header; the last row is left
    out when it may be cut) split on ``delimiter`` into ``fields`` fields each; False when
    there is no whole row to tell."""
    try:
        records = list(csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        return False
    records = [r for r in records[:-1] if r] if len(records) > 1 else [r for r in records if r]
    return bool(records) and all(len(r) == fields for r in records)
