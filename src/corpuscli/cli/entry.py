"""The `corpus` console script (and `python -m corpuscli`): Ctrl-C is handled from the first
moment, before the command line's modules are imported (see corpuscli.interrupts), then the
command runs. In a worker process the command starts, Ctrl-C is ignored (the command stops
its workers)."""

from __future__ import annotations

import errno
import io
import sys

if sys.modules.get("__mp_main__", sys.modules["__main__"]) is not sys.modules["__main__"]:
    # A worker process of this command: multiprocessing's spawn and forkserver import the main
    # script in each, as "__mp_main__", before anything else (in the command itself that name is
    # absent, or another name for "__main__"). The terminal's Ctrl-C reaches the whole process
    # group, and a worker still importing its libraries (a Dask worker: a second or two) would
    # print a KeyboardInterrupt traceback; stopping the workers is the command's job.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main() -> None:
    from corpuscli import interrupts

    interrupts.early()
    _closed_streams()
    from .app import main as run

    try:
        run()
    except OSError as exc:  # outside a command's session (--help with stdout closed)
        if not isinstance(sys.stdout, _ClosedOutput) or exc.errno != errno.EBADF:
            raise
        sys.stderr.write(f"corpus: error: cannot write the output: {exc.strerror}\n")
        sys.exit(2)


def _closed_streams() -> None:
    """Give a standard stream that was closed (``corpus stats x >&-``, a daemon started with
    no stdin) something to stand for it: Python sets it to None, and the run ended in
    ``internal error: AttributeError``. Closed stdin reads as empty and closed stderr takes the
    messages away, as the caller asked; writing to a closed stdout fails as writing to a bad
    descriptor does (EBADF), which the command says in one line, exit 2 (``-o`` needs none)."""
    import os

    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the whole run
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()


class _ClosedOutput(io.StringIO):
    """Standard output that was closed: every write fails with EBADF."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False
