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

Workers never outlive the run. They ignore Ctrl-C (which reaches the whole process group) and
the caller stops them: at once when the work fails or is interrupted (:func:`stop_workers`
stops every pool, for a run interrupted between two batches), instead of waiting for their
batches. Should the caller die without a word (SIGKILL, the OOM killer), its workers end too
(see :func:`die_with_parent`).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, TypeVar

from corpuscli.interrupts import STOP_SIGNALS, deferred

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


def _init_worker(
    caller: int, initializer: Callable[..., None] | None, args: tuple[Any, ...]
) -> None:
    """A worker's start: its signals, its end with the ``caller`` (the process that runs the
    pool), then its state."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller stops us
    for signum in STOP_SIGNALS:  # a forked worker inherits the CLI's handlers
        signal.signal(signum, signal.SIG_DFL)
    die_with_parent(caller)
    _init(initializer, args)


def die_with_parent(caller: int) -> None:
    """End this process when ``caller`` (the process that runs the pool) ends, however it ends.

    A forked worker is the caller's child: on Linux the kernel kills it when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``). A fork server's worker is not, and the server outlives the
    caller while any worker lives (each holds the server's "alive" pipe): a daemon thread waits
    for the caller to end (on a pidfd on Linux, else asking every half second)."""
    if os.getppid() == caller and _set_death_signal():
        if os.getppid() != caller:
            os._exit(1)  # the caller died before the signal was set: nobody will send it
        return
    threading.Thread(target=_watch, args=(caller,), daemon=True, name="watch-caller").start()


def _set_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        return bool(libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(caller: int) -> None:
    try:
        pidfd = os.pidfd_open(caller)  # readable once the caller has ended
    except (AttributeError, OSError):  # not Linux 5.3+, or already gone
        pidfd = None
    if pidfd is not None:
        import select

        select.select([pidfd], [], [])
    else:
        while _alive(caller):
            time.sleep(0.5)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but is not ours to signal
    return True


class _TrackedContext:
    """A multiprocessing context that keeps the processes it starts, so that the pool's workers
    can be killed at once (the executor has no public way before Python 3.14)."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.processes: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.context, name)

    def Process(self, *args: Any, **kwargs: Any) -> Any:  # the name of the context's API
        process = self.context.Process(*args, **kwargs)
        self.processes.append(process)
        return process

    def kill(self) -> None:
        for process in self.processes:
            try:
                if process.is_alive():
                    process.kill()
            except (OSError, ValueError, AssertionError):
                pass  # already gone, or never started


#: The contexts of the pools running now (:func:`stop_workers`).
_RUNNING: weakref.WeakSet[_TrackedContext] = weakref.WeakSet()


def stop_workers() -> None:
    """Kill the worker processes of every pool running in this process, without waiting for
    their batches: for a run that is stopping (Ctrl-C, SIGTERM) while its pools are suspended
    between two batches."""
    for tracked in list(_RUNNING):
        tracked.kill()


def kill_children() -> None:
    """Kill every process this one started that is still alive (a Dask cluster's nannies and
    workers, the resource tracker that would warn of their semaphores, a fork server): for a
    run that is stopping, so that none outlives it. Linux reads them from /proc; elsewhere
    multiprocessing's own children are killed."""
    me = os.getpid()
    children: set[int] = {child.pid for child in mp.active_children() if child.pid}
    try:
        entries = os.listdir("/proc")
    except OSError:
        entries = []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 1 and int(fields[1]) == me:
            children.add(int(entry))
    for pid in children:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def start_method() -> str:
    """How worker processes start here and now: ``fork`` on Linux with no other thread running,
    else ``forkserver`` where there is one, else ``spawn``."""
    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _context() -> Any:
    return mp.get_context(start_method())


#: Preloaded first in the fork server: its workers ignore Ctrl-C from the start (see the module).
SERVER_SIGNALS = "corpuscli.engine.server_signals"


def start_early(module: str) -> None:
    """Start the server that worker processes fork from, with ``module`` (the one whose
    functions they will run) imported, in the background: its imports then overlap the caller's
    own, instead of delaying the first batch."""
    if start_method() != "forkserver":
        return  # forked workers need no server; spawned ones cannot use one
    from multiprocessing import forkserver

    _context().set_forkserver_preload([SERVER_SIGNALS, module])
    forkserver.ensure_running()


def give_back_memory() -> None:
    """Return the memory this process has freed to the system (glibc's ``malloc_trim``, nothing
    elsewhere; and pyarrow's pool's, when pyarrow is loaded). The allocators keep freed blocks
    for reuse: after a step's large temporary tables they would stay resident, and a worker
    forked next would dirty (and so copy) the free pages it reuses."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    arrow = sys.modules.get("pyarrow")  # loaded by now if any table used it; never loaded here
    if arrow is not None:
        # pyarrow allocates from its own pool (mimalloc or jemalloc), which keeps the pages
        # of freed buffers for reuse: a step's sliced or concatenated text columns stayed
        # resident through every later step (20-60 MB a step on 5,000 articles)
        arrow.default_memory_pool().release_unused()


def _malloc_trim() -> Callable[[int], int] | None:
    if "malloc_trim" not in _STATE_TRIM:
        found = None
        if sys.platform.startswith("linux"):
            import ctypes

            try:
                found = ctypes.CDLL(None).malloc_trim
            except (OSError, AttributeError):  # not glibc (musl has none)
                found = None
        _STATE_TRIM["malloc_trim"] = found
    trim: Callable[[int], int] | None = _STATE_TRIM["malloc_trim"]
    return trim


_STATE_TRIM: dict[str, Any] = {}


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
        # heavy imports done, and ignores Ctrl-C before it forks them
        context.set_forkserver_preload([SERVER_SIGNALS, (initializer or func).__module__])
    tracked = _TrackedContext(context)
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=tracked,  # type: ignore[call-overload]  # a context wrapper, duck-typed
        initializer=_init_worker,
        initargs=(os.getpid(), initializer, initargs),
    )
    _RUNNING.add(tracked)
    pending: deque[Future[R]] = deque()
    killed = False
    try:
        for batch in chain(head, iterator):
            if forking and not pending:  # the first submit forks every worker
                give_back_memory()
                gc.freeze()
                try:
                    with deferred():  # a stop raised in an at-fork hook would be lost
                        pending.append(pool.submit(func, batch))
                finally:
                    gc.unfreeze()
            else:
                with deferred():  # a worker half started could not be killed
                    pending.append(pool.submit(func, batch))
            if len(pending) >= jobs + ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except GeneratorExit:  # the caller stopped early: the workers finish their batches
        raise
    except BaseException:  # a failure, Ctrl-C, SIGTERM: their batches are of no use now
        tracked.kill()
        killed = True
        raise
    finally:
        # Once the workers are killed the pool's manager thread fails every pending future
        # itself; cancelling them too races with it, and Python 3.11's manager then dies on a
        # cancelled future with a traceback on stderr (InvalidStateError): leave them to it.
        if not killed:
            for future in pending:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=not killed)
        _RUNNING.discard(tracked)
