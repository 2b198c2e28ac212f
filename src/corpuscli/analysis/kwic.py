"""Keyword in context: every occurrence of a word, phrase or pattern with the text around it.

Offsets (``start``, ``end``) are character positions in the article's ``text``, so any line can be
traced back. A plain query matches whole words, and its apostrophes match straight and curly ones
alike ("Russia's" finds "Russia’s"). Context is cut at ``width`` characters and shown on one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from corpuscli.engine.parallel import worker_state
from corpuscli.engine.partitioned import (
    FilesRead,
    Partitions,
    PartRead,
    each_part,
    part_loader,
    part_read,
)
from corpuscli.errors import NotFound, UsageError
from corpuscli.io.inputs import InputItem
from corpuscli.progress import Progress
from corpuscli.text.regex import UserRegex
from corpuscli.text.unspaced import UNSPACED_SCRIPTS

COLUMNS = ("doc_id", "source", "start", "end", "left", "match", "right")
SORTS = ("position", "left", "right")
_APOSTROPHE = "['’‘ʼ]"
_SPACE = re.compile(r"\s+")
#: Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) and
#: Hangul, whose particles join the noun before them: a query's end in one of them has no word
#: boundary to keep to ("俄罗斯" inside "与俄罗斯加强合作", "서울" in "서울에서"), and a letter
#: of them ends the word of a spaced script beside it ("DeepMind" in "公司DeepMind开发").
_UNSPACED_RANGES = UNSPACED_SCRIPTS + "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # + Hangul
_UNSPACED = re.compile(f"[{_UNSPACED_RANGES}]")
#: A word character of a script written with spaces: what may not touch a plain query's end.
_SPACED_WORD = f"[^\\W{_UNSPACED_RANGES}]"
#: A plain query's pattern starts so: no such word character right before the match.
_WORD_START = f"(?<!{_SPACED_WORD})"


def compile_query(
    query: str, *, regex: bool = False, ignore_case: bool = False
) -> re.Pattern[str] | UserRegex:
    """The pattern a query searches for: a plain query's (whole words, any apostrophe; an end
    in a script written without spaces, such as Chinese, matches inside a run of it), or with
    ``regex`` the user's regular expression, run in linear time where it can be
    (:class:`corpuscli.text.regex.UserRegex`)."""
    if not query.strip():
        raise UsageError("the query is empty", hint="give a word, a phrase or --regex PATTERN")
    if regex:
        return UserRegex(query, ignore_case=ignore_case, option="--regex")
    flags = re.IGNORECASE if ignore_case else 0
    parts = [re.escape(p) for p in re.split(r"['’‘ʼ]", query.strip())]
    body = _APOSTROPHE.join(parts)
    body = r"\s+".join(body.split(r"\ "))  # a space in the query matches any run of whitespace
    query = query.strip()
    start = "" if _UNSPACED.match(query[0]) else _WORD_START
    end = "" if _UNSPACED.match(query[-1]) else f"(?!{_SPACED_WORD})"
    return re.compile(f"{start}{body}{end}", flags)


def _finder(
    pattern: re.Pattern[str] | UserRegex,
) -> Callable[[str, str | None], Iterable[tuple[int, int]]]:
    """A function of (text, what it is) giving the (start, end) of every match, as
    ``finditer`` finds them: a --regex by :meth:`UserRegex.spans`, and a plain query faster
    than ``pattern.finditer`` would. Its pattern opens with
    a look-behind, which makes the regex engine try every position of the text, while a pattern
    that opens with the query's first letters lets it jump to where they occur (ten to twenty
    times faster on news text). So the query is searched for without the look-behind, which is
    then checked on each hit: the same matches, in the same order."""
    if isinstance(pattern, UserRegex):
        return lambda text, what: pattern.spans(text, what=what)
    if not pattern.pattern.startswith(_WORD_START):
        return lambda text, what: (m.span() for m in pattern.finditer(text))
    search = re.compile(pattern.pattern[len(_WORD_START) :], pattern.flags).search

    def finditer(text: str, what: str | None) -> Iterator[tuple[int, int]]:
        pos = 0
        while (m := search(text, pos)) is not None:
            start = m.start()
            before = text[start - 1] if start else " "
            if (before.isalnum() or before == "_") and not _UNSPACED.match(before):
                pos = start + 1
                continue
            yield m.span()
            pos = max(m.end(), start + 1)

    return finditer


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text)


@dataclass(frozen=True)
class Search:
    """A checked concordance request: what to find and how much context to keep. Plain data,
    so that worker processes can search partitions of the corpus with it."""

    query: str
    regex: bool = False
    ignore_case: bool = False
    width: int = 40

    def __post_init__(self) -> None:
        if self.width < 1:
            raise UsageError("--width must be 1 or more")
        compile_query(self.query, regex=self.regex, ignore_case=self.ignore_case)

    @cached_property
    def _finditer(self) -> Callable[[str, str | None], Iterable[tuple[int, int]]]:
        pattern = compile_query(self.query, regex=self.regex, ignore_case=self.ignore_case)
        return _finder(pattern)

    def __getstate__(self) -> dict[str, Any]:  # the compiled search is made again where used
        return {k: v for k, v in self.__dict__.items() if k != "_finditer"}

    def lines(self, frame: pd.DataFrame) -> list[tuple[Any, ...]]:
        """Every match in the texts of ``frame``: (row number, source, start, end, left, match,
        right), in order."""
        finditer, width = self._finditer, self.width
        out: list[tuple[Any, ...]] = []
        rows = zip(frame["source"], frame["text"], frame["doc_id"], strict=True)
        for row, (source, text, doc_id) in enumerate(rows):
            if not isinstance(text, str):
                continue
            for start, end in finditer(text, str(doc_id)):
                if end == start:
                    continue
                out.append((
                    row,
                    None if source is pd.NA else source,
                    start,
                    end,
                    _one_line(text[max(0, start - width) : start]),
                    _one_line(text[start:end]),
                    _one_line(text[end : end + width]),
                ))  # fmt: skip
        return out


@dataclass
class Found:
    """Concordance lines found so far (each a row of :data:`COLUMNS`), and the articles
    searched."""

    lines: list[tuple[Any, ...]] = field(default_factory=list)
    searched: int = 0


def search(corpus: pd.DataFrame | Iterable[pd.DataFrame], request: Search) -> Found:
    """The lines of ``request`` in a corpus frame or a stream of them."""
    found = Found()
    for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
        ids = frame["doc_id"].tolist()
        found.lines.extend((ids[row], *rest) for row, *rest in request.lines(frame))
        found.searched += len(frame)
    return found


def check_sort(sort: str) -> None:
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}", hint=f"use one of {', '.join(SORTS)}")


def concordance(
    found: Found, request: Search, *, sort: str = "position", limit: int | None = None
) -> pd.DataFrame:
    """The table of the lines found, sorted (see :func:`kwic`) and cut to ``limit``; NotFound
    when there is none."""
    check_sort(sort)
    if not found.lines:
        raise NotFound(
            f"no match for {request.query!r} in {found.searched:,} articles",
            hint=(
                "try another form of the words, or --regex for a pattern"
                if request.ignore_case
                else "without --keep-case any case matches; or --regex for a pattern"
            ),
        )
    table = pd.DataFrame(found.lines, columns=list(COLUMNS))
    if sort == "right":
        key = table["right"].str.lower().str.lstrip()
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable")
    elif sort == "left":
        key = table["left"].str.lower().str.rstrip().map(lambda s: " ".join(reversed(s.split())))
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable")
    table = table.drop(columns="_k", errors="ignore")
    if limit is not None:
        table = table.head(limit)
    return table.reset_index(drop=True)


#: How people formats align a concordance: the left context against the match.
JUSTIFY = {"left": "right"}
#: At a terminal too narrow for the contexts, each is cut at its far end (one line per match).
CLIP = {"left": "start", "right": "end"}


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
    request = Search(query, regex=regex, ignore_case=ignore_case, width=width)
    check_sort(sort)
    return concordance(search(corpus, request), request, sort=sort, limit=limit)


# --- searching input files in worker processes that load them (--jobs) ---------------------------


@dataclass
class PartitionLines(PartRead):
    #: Concordance lines, each opening with the article's place in ``ids``.
    lines: list[tuple[Any, ...]]


def _search_partition(items: list[InputItem]) -> PartitionLines:
    search: Search = worker_state()["task"]
    loader = part_loader(items)
    lines: list[tuple[Any, ...]] = []
    for frame in loader.chunks():
        places = frame.index  # each article's place among the ids read (see Loader)
        lines.extend((places[i], *rest) for i, *rest in search.lines(frame))
    return PartitionLines(lines=lines, **part_read(loader))


def search_files(
    partitions: Partitions,
    search: Search,
    *,
    jobs: int = 1,
    loader: dict[str, Any] | None = None,
    manifest: Any = None,
    progress: Progress | None = None,
) -> tuple[Found, FilesRead]:
    """Concordance lines of ``search`` (see :class:`corpuscli.analysis.kwic.Search`) in input
    partitions, each loaded and searched by a worker process: the lines (doc_ids made unique
    across the whole load, as one load makes them) and what the load found."""
    found = Found()
    read = FilesRead()
    for result, unique in each_part(
        partitions, _search_partition, read, task=search, jobs=jobs, loader=loader,
        manifest=manifest, progress=progress,
    ):  # fmt: skip
        found.lines.extend((unique[place], *rest) for place, *rest in result.lines)
    found.searched = read.articles
    return found, read
