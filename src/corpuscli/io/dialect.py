"""Which character separates the fields of a CSV input: ``,`` ``;`` tab or ``|``.

Excel writes ``;`` where the decimal mark is a comma (German, French, Italian ... settings), and
exports from databases use tabs or ``|``. The separator is read off the header line alone: a
comma CSV is never misread, because another separator is chosen only when the header is one
field when split on commas and several when split on it. Data rows play no part, so a decimal
comma ("1,5") or a comma in a text cannot sway the choice.
"""

from __future__ import annotations

import csv

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


def detect_delimiter(header: str) -> str:
    """The separator of a CSV whose first line is ``header``: a comma, unless the header is
    one field split on commas and several split on ``;``, tab or ``|`` (the most fields wins,
    in that order on a tie)."""
    if len(header_fields(header, ",")) > 1:
        return ","
    best, most = ",", 1
    for delimiter in DELIMITERS[1:]:
        count = len(header_fields(header, delimiter))
        if count > most:
            best, most = delimiter, count
    return best
