"""SIGTERM and SIGHUP stop a run as Ctrl-C does, and never in the middle of a step that must be
whole, and the whole run ends within two seconds of the first one.

``timeout``, systemd and cron stop a job with SIGTERM; closing its terminal sends SIGHUP. By
default either kills the process on the spot: its worker processes are left blocked for ever and
a half-written ``-o`` file stays behind. The command line calls :func:`install`, which makes
both raise :class:`~corpuscli.errors.Terminated` in the main thread instead: it unwinds like
Ctrl-C's KeyboardInterrupt (temporary files removed, worker processes stopped) to exit
``128 + signum``.

A step that must not be cut in two (starting a worker process, creating a temporary file and
noting its name) runs inside :func:`deferred`: a stop that comes meanwhile is raised when the
step ends. Blocking the signals would not do: Python runs its handlers in the main thread
whichever thread the signal reached. Without :func:`install` (a notebook calling the API) these
are no-ops and Python's own handling stands.

Unwinding may itself wait: a process pool's thread whose worker was killed half-way through
sending a result waits for the rest for ever, a clean-up may be slow. So the first stop signal
also arms a deadline: :data:`DEADLINE` seconds later a daemon thread kills the worker processes
still alive and ends the process with the stop's exit status, wherever the unwinding is; a
second Ctrl-C ends it at once. Before the command line's modules are imported, :func:`early`
makes Ctrl-C end the process at once, quietly (there is nothing to clean up yet).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, ClassVar

from corpuscli.errors import Terminated

#: Seconds from the first stop signal to the end of the process, whatever its clean-up is doing.
DEADLINE = 1.5

#: The signals that stop a run like Ctrl-C (SIGHUP does not exist on Windows).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _State:
    """What the handlers know: the stop signal received first; whether its exception was
    swallowed (raised where Python only prints an exception: a ``__del__``, a weakref
    callback, an at-fork hook); how deep in :func:`deferred` the main thread is, and the signal
    that came meanwhile."""

    installed = False
    owner: int | None = None
    deadline: threading.Timer | None = None
    said = False
    received: int | None = None
    swallowed = False
    holding = 0
    pending: int | None = None
    temporaries: ClassVar[set[str]] = set()


def early() -> None:
    """Ctrl-C while the command line starts (importing its modules): end at once, with a line
    rather than a traceback. :func:`install` takes over once the command line is loaded."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _early)


def _early(signum: int, frame: FrameType | None) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write("corpus: interrupted\n")
        sys.stderr.flush()
    os._exit(exit_code(signum))


def install() -> None:
    """Handle SIGTERM and SIGHUP (and Ctrl-C, to defer it too) in this, the main, thread. A
    signal ignored on purpose stays ignored (``nohup`` ignores SIGHUP)."""
    _State.owner = os.getpid()
    for signum in (*STOP_SIGNALS, signal.SIGINT):
        current = signal.getsignal(signum)
        if current is not signal.SIG_IGN and (
            signum != signal.SIGINT or current in (signal.default_int_handler, _early)
        ):
            signal.signal(signum, _handle)
    if not _State.installed:
        previous = sys.unraisablehook

        def unraisable(info: Any) -> None:
            """A stop swallowed where exceptions cannot propagate is sent again, to be raised
            at the next ordinary point of the main thread. Once stopping, what libraries cut
            short print from their finalizers and exit hooks is noise, and is not printed."""
            exc = info.exc_value
            if isinstance(exc, KeyboardInterrupt):
                _State.swallowed = True
                signum = exc.signum if isinstance(exc, Terminated) else int(signal.SIGINT)
                threading.Thread(target=_send_again, args=(signum,), daemon=True).start()
                return
            if _State.received is None:
                previous(info)

        sys.unraisablehook = unraisable
    _State.installed = True


def received() -> int | None:
    """The stop signal this process received, if any: a run that fails while stopping (a
    worker killed by the same signal, say) still exits as stopped."""
    return _State.received


@contextmanager
def deferred() -> Iterator[None]:
    """Run the block whole: a stop signal that comes meanwhile is raised as it ends."""
    _State.holding += 1
    try:
        yield
    finally:
        _State.holding -= 1
    if _State.holding == 0 and _State.pending is not None:
        signum, _State.pending = _State.pending, None
        raise _exception(signum)


def hold() -> None:
    """From here to the end of the process a stop signal is noted, never raised: the run has
    ended (its exit status is known) and is only leaving, so an exception raised now would cut
    nothing but the exit itself, with a traceback. The deadline still stands."""
    _State.holding += 1


def signal_of(exc: BaseException) -> int:
    """The signal that stopped the run, given the exception it ends with: a Terminated's, else
    the stop signal received, else Ctrl-C's."""
    if isinstance(exc, Terminated):
        return exc.signum
    return _State.received if _State.received is not None else int(signal.SIGINT)


def exit_code(signum: int) -> int:
    """The exit status of a run stopped by ``signum``: 128 + its number (130 for Ctrl-C)."""
    return 128 + signum


def describe(signum: int) -> str:
    """``stopped by SIGTERM``, ``interrupted`` (Ctrl-C)."""
    return "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"


def _exception(signum: int) -> KeyboardInterrupt:
    if signum == signal.SIGINT:
        return KeyboardInterrupt()
    return Terminated(signum, signal.Signals(signum).name)


def say(line: str) -> None:
    """The one line that tells how the run was stopped, on stderr, once."""
    if not _State.said:
        _State.said = True
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr, flush=True)


def end(signum: int) -> None:
    """End a stopped run now: kill the worker processes still alive, say how it was stopped,
    exit with the stop's status without the interpreter's exit hooks (they join the pools'
    threads, which may wait for ever on a killed worker)."""
    from corpuscli.engine.parallel import kill_children, stop_workers

    try:
        say(f"corpus: {describe(signum)}")
        stop_workers()
        kill_children()
        _remove_temporaries()
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os._exit(exit_code(signum))


def note_temporary(path: str) -> None:
    """``path`` is a temporary file to remove if the run ends by a stop before its owner could
    (the deadline cut the unwinding short)."""
    _State.temporaries.add(path)


def forget_temporary(path: str) -> None:
    """``path`` was renamed into place or removed by its owner."""
    _State.temporaries.discard(path)


def _remove_temporaries() -> None:
    for path in list(_State.temporaries):
        with contextlib.suppress(OSError):
            os.unlink(path)


def stopping() -> bool:
    """Whether a stop signal (or Ctrl-C) has come to this process."""
    return _State.deadline is not None


def leave(code: int) -> None:
    """End a stopped run that has unwound (its temporary files removed, its message said) with
    ``code``: every process it started killed first (a Dask cluster's, and the resource tracker
    that would warn of their semaphores), then the process ended without the interpreter's exit
    hooks, which would wait on them, start a new tracker, and print what they cut short."""
    from corpuscli.engine.parallel import kill_children

    try:
        kill_children()
        _remove_temporaries()
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os._exit(code)


def _arm(signum: int) -> None:
    """The deadline of a stop (see the module docstring); a second Ctrl-C ends the run now."""
    if _State.deadline is not None:
        if signum == signal.SIGINT:
            end(_State.received or signum)
        return
    seconds = float(os.environ.get("CORPUSCLI_INTERRUPT_DEADLINE", DEADLINE))
    _State.deadline = threading.Timer(seconds, end, args=(signum,))
    _State.deadline.daemon = True
    _State.deadline.start()


def _quiet_libraries() -> None:
    """Once stopping, what the libraries of a cut-short run log (a Dask client's tasks: "Task
    exception was never retrieved", its workers' farewells) is noise, not news."""
    import logging

    for name in ("asyncio", "distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _handle(signum: int, frame: FrameType | None) -> None:
    if _State.owner is not None and os.getpid() != _State.owner:
        return  # a worker forked before it could ignore the signal: its caller stops it
    _quiet_libraries()
    _arm(signum)
    if signum == signal.SIGINT:  # every Ctrl-C counts: a second one cuts a slow clean-up short
        if _State.holding:
            _State.pending = _State.pending or signum
            return
        raise KeyboardInterrupt
    if _State.received is not None:
        if not _State.swallowed:
            return  # already stopping: a second signal must not break off the clean-up
        signum = _State.received
    _State.received = signum
    _State.swallowed = False
    if _State.holding:
        _State.pending = signum
        return
    raise _exception(signum)


def _send_again(signum: int) -> None:
    time.sleep(0.01)  # the swallowing code has returned by then
    if hasattr(signal, "pthread_kill"):  # not on Windows
        signal.pthread_kill(threading.main_thread().ident or 0, signum)
