"""Spreading batches of work over processes, with a bounded number in flight.

Work runs in the calling process when there is only one batch or one job (no start-up cost for
small corpora); otherwise in a pool of worker processes, each keeping its state (the tokeniser's
vocabulary and cache) across batches. At most ``jobs + 1`` batches (by default) wait at any time,
so a corpus streamed from disk never piles up in memory.

On Linux, workers are forked from the calling process when it runs no other thread: they start
at once with everything it has imported (a fresh interpreter importing pandas takes about 0.4 s,
a serial step before any work is shared out). The objects the caller holds are frozen for the
garbage collector before the fork, so the workers' collections do not touch — and copy — the
memory they share with it. Elsewhere, or beside other threads (where forking is unsafe),
workers come from a fork server (which :func:`start_early` can start in the background) or are
spawned.

Workers ignore Ctrl-C (which a terminal sends to the whole process group): the caller stops
them, at once and without waiting for their batches, when it is interrupted
(:func:`stop_workers`). A worker interrupted in the middle of a queue operation used to leave
the pool's locks held, and the run hung (#18).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_STATE: dict[str, Any] = {}


def available_cores() -> int:
    """Cores this process may use (respects CPU affinity and container limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def worker_state() -> dict[str, Any]:
    """Per-process state that worker functions keep between batches."""
    return _STATE


def _init(initializer: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    _STATE.clear()
    if initializer is not None:
        initializer(*args)


def _init_worker(initializer: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    """A pool worker's start: it ignores Ctrl-C (its caller stops it; a Ctrl-C held back while
    it was forked is dropped), then :func:`_init`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _init(initializer, args)


@contextlib.contextmanager
def _holding_interrupts() -> Iterator[None]:
    """Ctrl-C held back while workers are forked: raised in an at-fork hook it was lost
    ("Exception ignored in ... _releaseLock"), and a worker half started could not be stopped.
    The threads the pool starts meanwhile keep it blocked, so that it reaches the main thread;
    the workers unblock it once they ignore it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def stop_workers() -> None:
    """Kill every worker process this process started, now, without waiting for their batches:
    for a run that is interrupted (its pools may be suspended between two batches)."""
    for process in mp.active_children():
        with contextlib.suppress(OSError, ValueError, AttributeError):  # already gone
            process.kill()


def start_method() -> str:
    """How worker processes start here and now: ``fork`` on Linux with no other thread running,
    else ``forkserver`` where there is one, else ``spawn``."""
    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _context() -> Any:
    return mp.get_context(start_method())


def start_early(module: str) -> None:
    """Start the server that worker processes fork from, with ``module`` (the one whose
    functions they will run) imported, in the background: its imports then overlap the caller's
    own, instead of delaying the first batch."""
    if start_method() != "forkserver":
        return  # forked workers need no server; spawned ones cannot use one
    from multiprocessing import forkserver

    _context().set_forkserver_preload([module])
    forkserver.ensure_running()


def run_batches(
    func: Callable[[T], R],
    batches: Iterable[T],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    ahead: int = 1,
) -> Iterator[R]:
    """Yield ``func(batch)`` for each batch, in order. ``initializer(*initargs)``, when given,
    runs once in every process that does work, before its first batch. Up to ``ahead`` batches
    wait beyond the ones being worked on (more keep workers busy when batches take unequal time
    and results are small; fewer bound the memory of large batches)."""
    iterator = iter(batches)
    head = list(islice(iterator, 2))
    if jobs <= 1 or len(head) < 2:
        _init(initializer, initargs)
        for batch in chain(head, iterator):
            yield func(batch)
        return
    context = _context()
    forking = context.get_start_method() == "fork"
    if context.get_start_method() == "forkserver":  # workers fork from a server that has the
        context.set_forkserver_preload([(initializer or func).__module__])  # heavy imports done
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_worker,
        initargs=(initializer, initargs),
    ) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for batch in chain(head, iterator):
                if forking and not pending:  # the first submit forks every worker
                    gc.freeze()
                    try:
                        with _holding_interrupts():
                            pending.append(pool.submit(func, batch))
                    finally:
                        gc.unfreeze()
                else:
                    pending.append(pool.submit(func, batch))
                if len(pending) >= jobs + ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except (KeyboardInterrupt, SystemExit):
            # Ctrl-C: the batches in flight are of no use. Kill the workers first, or leaving
            # the pool would wait for them (#18). (A failure or an early stop still lets them
            # finish their batches.)
            stop_workers()
            raise
        finally:
            for future in pending:
                future.cancel()
