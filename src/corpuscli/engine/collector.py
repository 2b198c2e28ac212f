"""Python's cycle collector held off while a step builds many small objects that hold no cycles.

A step that makes a few objects for every line of a corpus (lists of words, tuples, shapes and
verdicts) sets off the collector's generations again and again, and each full collection walks
every object still alive, the step's own growing lists included: about a tenth of the CPU of
judging boilerplate went there. None of those objects is part of a cycle, so nothing the
collector would free is left waiting; what a paused step leaves behind is collected as usual
once the collector runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cycle collector inside the block (reference counting still frees every
    object that holds no cycle); it runs again after, as it was, also when the block raises.
    Nested uses leave it off until the outermost ends."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
