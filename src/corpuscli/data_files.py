"""The lines of a data file shipped inside the package (``corpuscli/data/``), blank lines and
comments dropped: the one reader of the word lists, vocabularies and patterns the rules use, so
that what a comment is and how a line is trimmed are decided in one place.

Two readers keep a difference of their own, as options: the quote-attribution patterns
(``data/quotes/``) are kept as written (``strip=False``: a pattern's spaces are part of it), and
there, as in a few plain word lists, only a ``#`` in the first column starts a comment
(``indented_comments=False``: an indented ``#`` is data, as a pattern may hold one)."""

from __future__ import annotations

from importlib import resources


def data_lines(path: str, *, strip: bool = True, indented_comments: bool = True) -> list[str]:
    """The lines of ``corpuscli/data/<path>`` (read as UTF-8) that :func:`useful_lines` keeps."""
    text = resources.files("corpuscli").joinpath(f"data/{path}").read_text(encoding="utf-8")
    return useful_lines(text, strip=strip, indented_comments=indented_comments)


def useful_lines(text: str, *, strip: bool = True, indented_comments: bool = True) -> list[str]:
    """The lines of ``text``, in order, without blank lines (nothing but whitespace) and
    comments (a line whose first non-blank character is ``#``; with ``indented_comments=False``
    only a line that starts with ``#``).

    ``strip``: each line without its leading and trailing whitespace; ``strip=False`` keeps the
    lines as written (the line break out). Case is left as written: the callers lower-case what
    they match regardless of case."""
    out = []
    for line in text.splitlines():
        trimmed = line.strip()
        if not trimmed:
            continue
        if (trimmed if indented_comments else line).startswith("#"):
            continue
        out.append(trimmed if strip else line)
    return out
