"""Regular expressions from the user (``kwic --regex``, ``--pattern``), run in linear time.

Python's ``re`` backtracks: ``(a+)+$`` takes half a minute on 28 a's and never ends on a long
article. So a user's pattern runs on RE2 (google-re2), whose time grows linearly with the text,
whenever RE2 can run it with the same meaning:

- the pattern language stays Python's: a pattern must compile with ``re`` (the same errors as
  before), and is then translated for RE2 — ``\\w``, ``\\d``, ``\\s`` (and their negations) to
  their Unicode classes (RE2's are ASCII), ``\\Z`` to ``\\z``, ``\\uXXXX`` to ``\\x{XXXX}``,
  ``{,n}`` to ``{0,n}``;
- ``\\b`` and ``\\B`` are ASCII in RE2: a text with a non-ASCII letter or digit is searched by
  ``re`` (a text of ASCII words alone, the usual news article, by RE2); so is a text ending
  with a newline when the pattern has ``$`` (``re``'s ``$`` also matches before it);
- a pattern RE2 cannot run (look-around, back-references, possessive or atomic groups,
  comments, verbose mode) and one with a POSIX class (``[[:alpha:]]``, a literal set to ``re``)
  run on ``re`` alone; where RE2 finds an empty match in a text, ``re`` searches that text again
  (the two step over an empty match differently).

What runs on ``re`` runs under a time budget per text (:data:`BUDGET` seconds, the environment
variable ``CORPUSCLI_REGEX_BUDGET`` changes it): past it the search stops with a message that
names the pattern. The budget uses a timer signal, so it holds in the main thread of a process
on systems that have ``SIGALRM`` (Linux, macOS); elsewhere ``re`` runs without one.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from corpuscli.errors import UsageError

_T = TypeVar("_T")

#: Seconds one text may take on Python's ``re`` (see the module docstring).
BUDGET = 5.0

_CLASSES = {
    "w": r"\p{L}\p{N}_",
    "d": r"\p{Nd}",
    "s": r"\t\n\x0b\f\r\x1c-\x1f\x85\p{Z}",
}
#: Characters that are a word character to ``re`` but not to RE2's ASCII ``\b``.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


class _OutOfTime(Exception):
    """The time budget of one text ran out."""


def _budget_seconds() -> float:
    value = os.environ.get("CORPUSCLI_REGEX_BUDGET")
    if not value:
        return BUDGET
    try:
        seconds = float(value)
    except ValueError:
        raise UsageError(
            f"CORPUSCLI_REGEX_BUDGET={value!r} is not a number of seconds", hint="e.g. 5"
        ) from None
    if not seconds > 0:
        raise UsageError("CORPUSCLI_REGEX_BUDGET must be above 0")
    return seconds


#: Whether a budgeted search is running in this process (the SIGALRM handler raises only then),
#: and the handler that was there before ours (called otherwise).
_ARMED = [False]
_PREVIOUS: list[Any] = []


def _expired(signum: int, frame: Any) -> None:
    if _ARMED[0]:
        raise _OutOfTime
    previous = _PREVIOUS[0] if _PREVIOUS else None
    if callable(previous):
        previous(signum, frame)


def _can_budget() -> bool:
    """Whether a timer signal can interrupt ``re`` here: a system with SIGALRM, in the main
    thread (where Python runs signal handlers). The handler is installed once per process."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    if not _PREVIOUS:
        _PREVIOUS.append(signal.signal(signal.SIGALRM, _expired))
    return True


def _run_within(seconds: float, run: Callable[[str], _T], text: str) -> _T:
    """``run(text)``, raising :class:`_OutOfTime` after ``seconds`` (``re`` checks for signals
    as it backtracks); without a budget where :func:`_can_budget` says none is possible."""
    if not _can_budget():
        return run(text)
    _ARMED[0] = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return run(text)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _ARMED[0] = False


def translate(pattern: str) -> str | None:
    """``pattern`` (Python syntax) in RE2 syntax with the same meaning, or None when there is
    no such translation (see the module docstring)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = 0
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            if e.lower() in _CLASSES:
                body = _CLASSES[e.lower()]
                if e.islower():
                    out.append(body if in_class else f"[{body}]")
                elif in_class:
                    return None  # [\W...]: no RE2 class holds a negated one
                else:
                    out.append(f"[^{body}]")
            elif e == "Z":
                out.append(r"\z")
            elif e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", pattern[i + 2 : i + 6]):
                out.append(r"\x{" + pattern[i + 2 : i + 6] + "}")
                i += 6
                continue
            elif e == "U" and re.fullmatch(r"[0-9a-fA-F]{8}", pattern[i + 2 : i + 10]):
                out.append(r"\x{" + pattern[i + 2 : i + 10] + "}")
                i += 10
                continue
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and i + 1 < n and pattern[i + 1] in ":.=":
                return None  # a POSIX class to RE2, literal characters to re
            if c == "]" and i > class_start:
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            j = i + 2 if pattern[i + 1 : i + 2] == "^" else i + 1
            out.append(pattern[i:j])
            in_class, class_start, i = True, j, j  # a ] right after [ or [^ is a literal one
            continue
        if c == "{":
            m = re.match(r"\{,(\d+)\}", pattern[i:])
            if m:
                out.append("{0," + m.group(1) + "}")
                i += m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _re2_compile(pattern: str, ignore_case: bool) -> Any:
    """The RE2 object of a translated pattern, or None when RE2 cannot run it."""
    try:
        import re2
    except ImportError:  # pragma: no cover - a hard dependency; kept for odd installs
        return None
    options = re2.Options()
    options.log_errors = False  # its errors are answered by falling back, not printed
    if ignore_case:
        options.case_sensitive = False
    try:
        return re2.compile(pattern, options)
    except re2.error:
        return None


@dataclass
class UserRegex:
    """A user's pattern, compiled for RE2 where it can run there (see the module docstring),
    else for Python's ``re`` under a time budget per text. Pickles as its pattern and flags
    (worker processes compile it again)."""

    pattern: str
    ignore_case: bool = False
    #: Which option the pattern came from (``--regex``, ``--pattern``), for messages.
    option: str = "--regex"
    _python: re.Pattern[str] = field(init=False, repr=False)
    _re2: Any = field(init=False, repr=False, default=None)
    _word_boundaries: bool = field(init=False, repr=False, default=False)
    _dollar: bool = field(init=False, repr=False, default=False)
    _budget: float = field(init=False, repr=False, default=BUDGET)

    def __post_init__(self) -> None:
        flags = re.IGNORECASE if self.ignore_case else 0
        try:
            self._python = re.compile(self.pattern, flags)
        except (re.error, OverflowError, RecursionError) as exc:
            raise UsageError(
                f"{self.option} {self.pattern!r} does not compile: {exc}", hint="check the pattern"
            ) from None
        self._budget = _budget_seconds()
        translated = translate(self.pattern)
        if translated is None:
            return
        self._re2 = _re2_compile(translated, self.ignore_case)
        self._word_boundaries = bool(re.search(r"(?<!\\)(?:\\\\)*\\[bB]", self.pattern))
        self._dollar = "$" in self.pattern

    def __getstate__(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "ignore_case": self.ignore_case, "option": self.option}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def groups(self) -> int:
        return self._python.groups

    @property
    def linear(self) -> bool:
        """Whether RE2 runs this pattern (on texts it can run it on, see :meth:`_engine`)."""
        return self._re2 is not None

    def _engine(self, text: str) -> Any:
        """RE2 when it gives ``re``'s answer on ``text``, else None (``re``)."""
        if self._re2 is None:
            return None
        if self._word_boundaries and not text.isascii() and _NON_ASCII_WORD.search(text):
            return None
        if self._dollar and text.endswith("\n"):
            return None
        return self._re2

    def _out_of_time(self, what: str | None) -> UsageError:
        where = f" ({what})" if what else ""
        return UsageError(
            f"{self.option} {self.pattern!r} ran for more than {self._budget:g} s on one "
            f"text{where}: it backtracks without end",
            hint="avoid nested repetition such as (a+)+; look-around and back-references make "
            "a pattern need the slower engine",
        )

    def _re2_matches(self, text: str) -> list[Any] | None:
        """RE2's matches in ``text``, or None when ``re`` must answer: RE2 cannot run the
        pattern there with the same meaning, or it found an empty match (after one, RE2 and
        ``re`` go on from different places; up to it they agree)."""
        engine = self._engine(text)
        if engine is None:
            return None
        found = list(engine.finditer(text))
        if any(m.end() == m.start() for m in found):
            return None
        return found

    def _python_run(self, run: Callable[[str], _T], text: str, what: str | None) -> _T:
        try:
            return _run_within(self._budget, run, text)
        except _OutOfTime:
            raise self._out_of_time(what) from None

    def spans(self, text: str, *, what: str | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text``, as ``re.finditer`` finds them (``what``
        names the text in the message when the time budget runs out)."""
        found = self._re2_matches(text)
        if found is not None:
            return [m.span() for m in found]
        return self._python_run(lambda t: [m.span() for m in self._python.finditer(t)], text, what)

    def findall(self, text: str, *, what: str | None = None) -> list[Any]:
        """What ``re.findall`` gives for ``text``: the matches, or their groups."""
        found = self._re2_matches(text)
        if found is None:
            return self._python_run(self._python.findall, text, what)
        groups = self._python.groups
        if not groups:
            return [m.group() for m in found]
        if groups == 1:
            return [m.group(1) or "" for m in found]
        return [tuple(g or "" for g in m.groups()) for m in found]

    def matches_empty(self) -> bool:
        """Whether the pattern matches the empty string."""
        return self._python.fullmatch("") is not None
