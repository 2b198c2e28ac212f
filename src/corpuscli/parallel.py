"""Spreading batches of work over processes, with a bounded number in flight.

Work runs in the calling process when there is only one batch or one job (no start-up cost for
small corpora); otherwise in a pool of worker processes, each keeping its state (the tokeniser's
vocabulary and cache) across batches. At most ``jobs + 1`` batches (by default) wait at any time,
so a corpus streamed from disk never piles up in memory.
"""

from __future__ import annotations

import multiprocessing as mp
import os
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


def _context() -> Any:
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    return mp.get_context(method)


def start_early(module: str) -> None:
    """Start the server that worker processes fork from, with ``module`` (the one whose
    functions they will run) imported, in the background: its imports then overlap the caller's
    own, instead of delaying the first batch."""
    if "forkserver" not in mp.get_all_start_methods():
        return
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
    if context.get_start_method() == "forkserver":  # workers fork from a server that has the
        context.set_forkserver_preload([(initializer or func).__module__])  # heavy imports done
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init, initargs=(initializer, initargs)
    ) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for batch in chain(head, iterator):
                pending.append(pool.submit(func, batch))
                if len(pending) >= jobs + ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
