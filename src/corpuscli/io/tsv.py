"""TSV as Unix tools read it: one record per line.

corpuscli writes TSV the way PostgreSQL's ``COPY`` text format and Miller do: fields never
quoted; a backslash, a line feed, a tab and a carriage return inside a field written as ``\\\\``,
``\\n``, ``\\t`` and ``\\r``. Every record is then one line (``wc -l``, ``cut -f2``, ``sort``,
``grep`` see whole records), and the text is restored exactly by :func:`unescape`.

Reading a TSV, corpuscli tells the two conventions apart by the file's first 64 KB
(:func:`quotes_fields`): a field in CSV-style double quotes that holds a tab, a line break or a
doubled quote (``"…""…"``), as a spreadsheet or pandas writes one, means the file quotes its
fields and is read as CSV with tabs; otherwise it is read a line a record, and escapes undone.
"""

from __future__ import annotations

import re

#: How much of a TSV input :func:`quotes_fields` looks at.
HEAD_BYTES = 1 << 16

#: What :func:`escape` replaces, backslash first (str.replace runs at C speed; str.translate
#: with a mapping is ten times slower on article text).
_ESCAPES = (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"))
_UNESCAPE = {"\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPED = re.compile(r"\\([\\ntr])")


def escape(text: str) -> str:
    """``text`` as one TSV field: backslash, line feed, tab and carriage return escaped."""
    for char, escaped in _ESCAPES:
        if char in text:
            text = text.replace(char, escaped)
    return text


def unescape(field: str) -> str:
    """A field of a line-based TSV as the text it stands for (``\\n`` -> line feed ...); a
    backslash before any other character stays as it is."""
    if "\\" not in field:
        return field
    return _ESCAPED.sub(lambda m: _UNESCAPE[m.group(1)], field)


def quotes_fields(head: str, *, whole: bool = False) -> bool:
    """Whether TSV text starting with ``head`` (``whole``: all of it) quotes its fields
    CSV-style: some field opens with ``"`` and its next ``"`` is either doubled (an escaped
    quote) or closes the field (a tab or a line end follows) with a tab or a line break inside.
    A quoted field that runs past the head with a line break in it counts too. Linear in
    ``head``."""
    at = 0
    while True:
        at = head.find('"', at)
        if at < 0:
            return False
        if at > 0 and head[at - 1] not in "\t\n":
            at += 1  # a quote inside a field: literal in either convention
            continue
        close = head.find('"', at + 1)
        if close < 0:
            return not whole and "\n" in head[at:]  # runs on past what was read
        after = head[close + 1 : close + 2]
        if after == '"':
            return True
        if after in ("\t", "\n", "\r", ""):
            inside = head[at + 1 : close]
            if "\t" in inside or "\n" in inside:
                return True
        at = close + 1
