"""Ctrl-C ends the run — the command and every worker process — within two seconds, every time.

Ctrl-C raises KeyboardInterrupt in the main thread, and the run unwinds: the session stops the
worker processes and says ``corpus: interrupted``. Unwinding may still wait: on a thread of a
process pool whose worker was killed half-way through sending a result (it waits for the rest
for ever), or on a slow clean-up. So the first Ctrl-C also arms a deadline: :data:`DEADLINE`
seconds later, a daemon thread kills the worker processes still alive and ends the process with
exit status 130, wherever the unwinding is. A second Ctrl-C ends it at once. The end of an
interrupted run does not wait for the interpreter's exit either (its hooks join the pools'
threads): :func:`end` exits at once.

Worker processes ignore Ctrl-C (see corpuscli.engine.parallel); one forked before it could say so
has this handler, which then does nothing in it: its caller stops it. Before the command line's
modules are even imported, :func:`early` makes Ctrl-C end the process at once, quietly (there is
nothing to clean up yet).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from types import FrameType
from typing import Any

#: Seconds from Ctrl-C to the end of the process, whatever its clean-up is doing.
DEADLINE = 1.5
#: The exit status of an interrupted run (128 + SIGINT).
INTERRUPTED = 130


class _State:
    owner: int | None = None
    previous: Any = None
    interrupted = False
    said = False


def say() -> None:
    """``corpus: interrupted`` on stderr, once."""
    if not _State.said:
        _State.said = True
        with contextlib.suppress(OSError, ValueError):
            print("corpus: interrupted", file=sys.stderr, flush=True)


def early() -> None:
    """Ctrl-C while the command line starts (importing its modules): end at once, with a line
    rather than a traceback. :func:`install` takes over once the command line is loaded."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _early)


def _early(signum: int, frame: FrameType | None) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("corpus: interrupted\n")
        sys.stderr.flush()
    os._exit(INTERRUPTED)


def install() -> None:
    """Handle Ctrl-C in this process as the module docstring says (a SIGINT ignored on purpose,
    as a shell does for a background job, stays ignored); the handler installed before is
    still called, so that a handler of its own (raising KeyboardInterrupt) keeps its say."""
    current = signal.getsignal(signal.SIGINT)
    if current is signal.SIG_IGN or current is _handle:
        return
    _State.owner = os.getpid()
    _State.previous = signal.default_int_handler if current is _early else current
    signal.signal(signal.SIGINT, _handle)
    previous_hook = sys.unraisablehook

    def unraisable(info: Any) -> None:
        """Ctrl-C raised where Python can only print it (a __del__, an at-fork hook) is not
        printed as a traceback: the deadline ends the run all the same."""
        if not isinstance(info.exc_value, KeyboardInterrupt):
            previous_hook(info)

    sys.unraisablehook = unraisable


def interrupted() -> bool:
    """Whether this process has received Ctrl-C."""
    return _State.interrupted


def end(code: int = INTERRUPTED) -> None:
    """End an interrupted run now: kill the worker processes still alive, flush stderr, exit
    with ``code`` without the interpreter's exit hooks (which wait for the pools' threads)."""
    from corpuscli.engine.parallel import stop_workers

    try:
        say()
        stop_workers()
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os._exit(code)


def _quiet(args: Any) -> None:
    return None


def _handle(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _State.owner:
        return  # a worker forked before it could ignore Ctrl-C: its caller stops it
    if _State.interrupted:
        end()  # a second Ctrl-C: no more waiting
    _State.interrupted = True
    if hasattr(signal, "SIGPIPE"):  # a pipe to a killed worker must not end the run as SIGPIPE
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    # A pool's thread may fail as its workers are killed (Python 3.11 sets an error on futures
    # already cancelled): a consequence of the stop, not worth a traceback.
    threading.excepthook = _quiet
    watchdog = threading.Timer(DEADLINE, end)
    watchdog.daemon = True
    watchdog.start()
    previous = _State.previous
    if callable(previous):
        previous(signum, frame)  # Python's own raises KeyboardInterrupt
    raise KeyboardInterrupt
