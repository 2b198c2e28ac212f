"""The load report's list of skipped inputs and records, with repeats summarised.

A file of a million broken lines must not make a million messages (nor hold a million objects):
the first :data:`SHOWN` problems of each kind are kept as they are, and the rest of that kind are
counted into one :class:`Repeated` summary (from where to where, how many). Problems are of one
kind when their messages differ at most in numbers ("row has 4 fields, the header 5").
Summaries of parts of a load (worker processes) merge into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from corpuscli.errors import Problem

#: Problems of one kind shown one by one before the rest are summarised.
SHOWN = 5

_NUMBER = re.compile(r"\d[\d,.]*")
#: Nouns that problem messages count (with errors.plural): "1 field" is of a kind with "4 fields".
_ONE = re.compile(r"\b1 (field)\b")


def kind_of(message: str) -> str:
    """The kind of a problem: its message with numbers left out (and a counted noun plural)."""
    return _NUMBER.sub("#", _ONE.sub(r"# \1s", message))


class Repeated(Problem):
    """Problems of one kind beyond the first few: how many, the first and last place. Its
    ``message`` and ``where`` say so ("line is not valid JSON: 395 more like this",
    "f:7 … f:401"), so it prints as any problem does; ``base`` is the message it stands for."""

    __slots__ = ("base", "count", "first", "last", "same")

    base: str
    count: int
    same: bool
    first: str
    last: str

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.where, problem.message, problem.hint)
        if isinstance(problem, Repeated):
            self.base, self.count, self.same = problem.base, problem.count, problem.same
            self.first, self.last = problem.first, problem.last
        else:
            self.base, self.count, self.same = problem.message, 1, True
            self.first = self.last = problem.where
        self._describe()

    def add(self, problem: Problem) -> None:
        if isinstance(problem, Repeated):
            self.count += problem.count
            self.last = problem.last
            self.same = self.same and problem.same and problem.base == self.base
        else:
            self.count += 1
            self.last = problem.where
            self.same = self.same and problem.message == self.base
        self._describe()

    def _describe(self) -> None:
        what = self.base if self.same else kind_of(self.base).replace("#", "N")
        self.message = f"{what}: {self.count:,} more like this"
        self.where = self.first if self.count == 1 else f"{self.first} … {self.last}"

    def __repr__(self) -> str:
        return f"Repeated({self.count}, {self.base!r}, {self.first!r} … {self.last!r})"


class ProblemLog:
    """Problems in the order met, the first :data:`SHOWN` of each kind one by one and the rest
    counted (see the module docstring). Readers ``append``; :meth:`items` gives the report."""

    def __init__(self, shown: int = SHOWN) -> None:
        self._limit = shown
        self._shown: list[Problem] = []
        self._counts: dict[str, int] = {}
        self._more: dict[str, Repeated] = {}

    def append(self, problem: Problem) -> None:
        kind = kind_of(problem.base if isinstance(problem, Repeated) else problem.message)
        if isinstance(problem, Repeated):
            self._fold(kind, problem)
            return
        seen = self._counts.get(kind, 0)
        if seen < self._limit:
            self._counts[kind] = seen + 1
            self._shown.append(problem)
        else:
            self._fold(kind, problem)

    def _fold(self, kind: str, problem: Problem) -> None:
        more = self._more.get(kind)
        if more is None:
            self._more[kind] = Repeated(problem)
        else:
            more.add(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def items(self) -> list[Problem]:
        """The problems shown one by one, then a summary per kind that had more."""
        return [*self._shown, *self._more.values()]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items())

    def __len__(self) -> int:
        return len(self._shown) + len(self._more)

    def __bool__(self) -> bool:
        return bool(self._shown)


def summarise(problems: Iterable[Problem], shown: int = SHOWN) -> list[Problem]:
    """``problems`` with repeats of a kind beyond the first ``shown`` summarised (idempotent:
    summaries already made are merged)."""
    log = ProblemLog(shown)
    log.extend(problems)
    return log.items()


def skipped_count(problems: Iterable[Problem]) -> int:
    """How many problems a (summarised) list stands for."""
    return sum(p.count if isinstance(p, Repeated) else 1 for p in problems)
