"""What a search query means: FTS5 syntax where it is written on purpose, plain words elsewhere.

SQLite's FTS5 reads a query in its own language, where ``border-wall`` means "the column
``border`` minus ..." and fails with "no such column: border". People type words, names and
phrases as they are written, so a query is rewritten before it reaches FTS5:

- FTS5 syntax is kept as written: phrases in double quotes (``"border wall"``), the operators
  ``AND``, ``OR``, ``NOT`` and ``NEAR(...)`` in capitals, parentheses, a ``*`` after a word
  (prefix search: ``impeach*``), ``^`` before one (the field's first word), and a column filter
  ``title:`` or ``text:`` (the store's two indexed columns);
- every other word is searched as written: a word FTS5 would take as syntax (``border-wall``,
  ``U.S.``, ``don't``, ``9/11``, ``foo:bar``) becomes a phrase of its parts, so
  ``border-wall`` finds "border wall" and "border-wall" alike. Lower-case ``and``/``or``/``not``
  are words, as in FTS5 itself.

A query FTS5 still cannot read (an unclosed quote) is refused with FTS5's message.
"""

from __future__ import annotations

import re

from corpuscli.errors import UsageError

#: The store's full-text columns, usable as ``column:`` filters.
COLUMNS = ("title", "text")
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})

#: A quoted phrase (a quote inside is doubled), a parenthesis, a comma, or a run of anything else.
_PIECE = re.compile(r'"(?:[^"]|"")*"?|[()]|,|[^\s"(),]+')
#: A word FTS5 reads as one bareword: ASCII letters, digits and _, and any non-ASCII character.
_BAREWORD = re.compile(r"[A-Za-z0-9_\x1a\u0080-\U0010ffff]+")
_WORDLIKE = re.compile(r"\w")
_FILTER = re.compile(rf"(?:{'|'.join(COLUMNS)}):", re.IGNORECASE)


def fts_query(query: str) -> str:
    """``query`` as FTS5 should read it (see the module docstring)."""
    out: list[str] = []
    depth = 0  # parentheses open
    near_depth: list[int] = []  # depths at which a NEAR( group opened
    previous = ""
    for piece in _PIECE.findall(query.replace("\x00", " ")):  # SQLite ends a string at NUL
        if piece == "(":
            depth += 1
            if previous == "NEAR":
                near_depth.append(depth)
            out.append(piece)
        elif piece == ")":
            if near_depth and near_depth[-1] == depth:
                near_depth.pop()
            depth = max(0, depth - 1)
            out.append(piece)
        elif piece == ",":
            if near_depth:  # NEAR(a b, 5); elsewhere a word break
                out.append(piece)
        elif piece.startswith('"') or piece in OPERATORS or piece == "^":
            out.append(piece)
        elif _FILTER.fullmatch(piece):  # title: "border wall", title:(a OR b)
            out.append(piece.lower())
        elif near_depth and piece.isdigit() and previous == ",":
            out.append(piece)  # NEAR's distance
        elif _WORDLIKE.search(piece):
            out.append(_word(piece))
        # else: punctuation alone ("-", "&") holds no word to search for
        previous = piece
    if not any(_WORDLIKE.search(piece) for piece in out):
        raise UsageError(
            f"the search query {query!r} holds no word", hint='e.g. "border wall" or impeach*'
        )
    return " ".join(out)


def _word(piece: str) -> str:
    """One whitespace-free piece: a column filter, ``^`` and a trailing ``*`` are kept, the
    rest made an FTS5 string unless it is a bareword already."""
    prefix = ""
    column = _FILTER.match(piece)
    if column and len(piece) > column.end():
        prefix, piece = piece[: column.end()].lower(), piece[column.end() :]
    if piece.startswith("^") and len(piece) > 1:
        prefix, piece = prefix + "^", piece[1:]
    if piece.startswith('"'):  # title:"border wall"
        return prefix + piece
    star = ""
    if piece.endswith("*") and len(piece) > 1:
        star, piece = "*", piece[:-1]
    if _BAREWORD.fullmatch(piece):
        return prefix + piece + star
    return prefix + '"' + piece.replace('"', '""') + '"' + star
