"""Keyword in context: every occurrence of a word, phrase or pattern with the text around it.

Offsets (``start``, ``end``) are character positions in the article's ``text``, so any line can be
traced back. A plain query matches whole words, and its apostrophes match straight and curly ones
alike ("Russia's" finds "Russia’s"). Context is cut at ``width`` characters and shown on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from corpuscli.errors import NotFound, UsageError

COLUMNS = ("doc_id", "source", "start", "end", "left", "match", "right")
SORTS = ("position", "left", "right")
_APOSTROPHE = "['’‘ʼ]"
_SPACE = re.compile(r"\s+")


def compile_query(query: str, *, regex: bool = False, ignore_case: bool = False) -> re.Pattern[str]:
    """The pattern a query searches for."""
    if not query.strip():
        raise UsageError("the query is empty", hint="give a word, a phrase or --regex PATTERN")
    flags = re.IGNORECASE if ignore_case else 0
    if regex:
        try:
            return re.compile(query, flags)
        except re.error as exc:
            raise UsageError(
                f"the regex does not compile: {exc}", hint="check the pattern"
            ) from None
    parts = [re.escape(p) for p in re.split(r"['’‘ʼ]", query.strip())]
    body = _APOSTROPHE.join(parts)
    body = r"\s+".join(body.split(r"\ "))  # a space in the query matches any run of whitespace
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text)


def kwic(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    query: str,
    *,
    regex: bool = False,
    ignore_case: bool = False,
    width: int = 40,
    sort: str = "position",
    limit: int | None = None,
) -> pd.DataFrame:
    """Concordance lines: doc_id, source, start, end, left, match, right.

    ``sort``: position (article order, then offset), left (by the words before the match, nearest
    first) or right (by the words after it).
    """
    if width < 1:
        raise UsageError("--width must be 1 or more")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}", hint=f"use one of {', '.join(SORTS)}")
    pattern = compile_query(query, regex=regex, ignore_case=ignore_case)
    rows = []
    searched = 0
    frames = [corpus] if isinstance(corpus, pd.DataFrame) else corpus
    for frame in frames:
        for doc_id, source, text in zip(
            frame["doc_id"], frame["source"], frame["text"], strict=True
        ):
            searched += 1
            if not isinstance(text, str):
                continue
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                rows.append(
                    {
                        "doc_id": doc_id,
                        "source": None if source is pd.NA else source,
                        "start": m.start(),
                        "end": m.end(),
                        "left": _one_line(text[max(0, m.start() - width) : m.start()]),
                        "match": _one_line(m.group(0)),
                        "right": _one_line(text[m.end() : m.end() + width]),
                    }
                )
    if not rows:
        raise NotFound(
            f"no match for {query!r} in {searched:,} articles",
            hint="try --ignore-case, or --regex for a pattern",
        )
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    if sort == "right":
        key = table["right"].str.lower().str.lstrip()
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable")
    elif sort == "left":
        key = table["left"].str.lower().str.rstrip().map(lambda s: " ".join(reversed(s.split())))
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable")
    table = table.drop(columns="_k", errors="ignore")
    if limit is not None:
        table = table.head(limit)
    table = table.reset_index(drop=True)
    table.attrs["justify"] = {"left": "right"}  # the match lines up in a table
    return table
