"""The project's exception types and the exit codes they map to.

Analyses raise these; only the CLI turns them into a message on stderr and an exit code.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit statuses of every `corpus` command (documented in README.md)."""

    OK = 0
    #: The command produced its output, but some inputs were skipped (each named on stderr).
    PARTIAL = 1
    #: Bad usage, or nothing usable at all in the input.
    USAGE = 2
    #: A search found nothing (kwic query, collocation node word).
    NOT_FOUND = 3
    #: The Dask scheduler could not be reached, or a local cluster could not start.
    ENGINE = 4
    #: A bug in corpuscli: rerun with --debug and report the traceback.
    INTERNAL = 70
    #: Stopped by SIGHUP (128 + 1): the terminal closed.
    HANGUP = 129
    #: Interrupted with Ctrl-C (128 + SIGINT).
    INTERRUPTED = 130
    #: Stopped by SIGTERM (128 + 15): ``timeout``, systemd, cron, ``kill``.
    TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """The run was asked to stop by a signal (SIGTERM, SIGHUP): raised in the main thread by
    the CLI's signal handler, so that it unwinds as Ctrl-C does — worker processes stopped,
    temporary files removed — and exits ``128 + signum``. A KeyboardInterrupt, so that every
    clean-up written for Ctrl-C runs for it too."""

    def __init__(self, signum: int, name: str) -> None:
        super().__init__(name)
        self.signum = signum
        self.name = name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class CorpusError(Exception):
    """Base class of every error corpuscli reports to a user.

    ``where`` names the file (and line) concerned, ``hint`` says what to do about it.
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = self.message
        if self.where:
            text += f" ({self.where})"
        if self.hint:
            text += f" — {self.hint}"
        return text


class UsageError(CorpusError):
    """An option or argument that cannot work (bad regex, unknown column, conflicting flags)."""


class InputError(CorpusError):
    """One input (file, line, row) that cannot be read; others in the batch may still be fine."""


class TemporarySpaceError(CorpusError):
    """A temporary file could not be written (a full or size-limited ``TMPDIR``): an error of
    the machine, not of the input, said as such rather than as a crash."""

    def __init__(self, purpose: str, exc: OSError) -> None:
        import tempfile

        super().__init__(
            f"cannot write a temporary file ({purpose}): {exc.strerror or exc}",
            where=tempfile.gettempdir(),
            hint="free some space there, or set TMPDIR to a folder with room",
        )


class NothingToAnalyse(CorpusError):
    """No usable article at all after loading and filtering."""


class MissingExtraError(CorpusError):
    """A feature needs an optional dependency that is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package '{module}'",
            hint=f"install it with: pip install 'corpuscli[{extra}]'",
        )
        self.extra = extra
        self.module = module


class Problem:
    """One input that was skipped (or partly skipped), to be reported as ``file:line: message``."""

    __slots__ = ("hint", "message", "where")

    def __init__(self, where: str, message: str, hint: str | None = None) -> None:
        self.where = where
        self.message = message
        self.hint = hint

    @classmethod
    def from_error(cls, error: CorpusError, where: str) -> Problem:
        return cls(error.where or where, error.message, error.hint)

    def __str__(self) -> str:
        text = f"{self.message} ({self.where})"
        if self.hint:
            text += f" — {self.hint}"
        return text

    def __repr__(self) -> str:
        return f"Problem({self.where!r}, {self.message!r})"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "article")`` is "1 article", ``plural(3, "article")`` "3 articles"."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


class NotFound(CorpusError):
    """A search found nothing: a node word, a query or a term that does not occur."""

    exit_code = ExitCode.NOT_FOUND
