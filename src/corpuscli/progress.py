"""How long work tells its progress: through a callback its caller gives, never by printing.

A progress callback is called as ``progress(done, total, label, step=..., unit=...)``:

- ``step``: the work under way (``loading``, ``reading``, ``boilerplate``, ``quotes`` ...; the
  report prefixes its section: ``report 3/7: quotes``);
- ``done`` of ``total`` ``unit`` (``files``, ``parts``, ``bytes``, ``articles``); ``total`` is
  0 when it is not known beforehand (a stream);
- ``label``: what is at hand (the file being read), or empty;
- ``unit`` :data:`STEP` announces a step that may tell nothing more (a report section): the
  command line shows it at once, rather than once it has lasted.

The command line draws a bar on stderr from these calls (at a terminal, for steps that last
more than a second); a notebook may pass its own callback, or none. :func:`tell` calls a
callback that may be None; :func:`tracked` tells the progress of work done in batches.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: The unit of a call that announces a step (see the module docstring).
STEP = "step"


class Progress(Protocol):
    """A progress callback (see the module docstring)."""

    def __call__(
        self, done: int, total: int, label: str = "", *, step: str = "loading", unit: str = "files"
    ) -> None: ...


def tell(
    progress: Progress | None,
    done: int,
    total: int,
    label: str = "",
    *,
    step: str,
    unit: str = "articles",
) -> None:
    """``progress(done, total, label, step=, unit=)`` when there is a callback."""
    if progress is not None:
        progress(done, total, label, step=step, unit=unit)


def tracked(
    run: Callable[[Iterable[T]], Iterable[R]],
    batches: Iterable[T],
    progress: Progress | None,
    *,
    step: str,
    total: int = 0,
    size: Callable[[T], int] = len,  # type: ignore[assignment]
    unit: str = "articles",
) -> Iterator[R]:
    """The results of ``run(batches)`` (a function that yields one result per batch, in order,
    such as :func:`corpuscli.engine.parallel.run_batches`), telling ``progress`` after each how
    much is done: the ``size`` of the batches whose results came back."""
    if progress is None:
        yield from run(batches)
        return
    sizes: deque[int] = deque()

    def counted() -> Iterator[T]:
        for batch in batches:
            sizes.append(size(batch))
            yield batch

    done = 0
    tell(progress, 0, total, step=step, unit=unit)
    for result in run(counted()):
        done += sizes.popleft() if sizes else 0
        tell(progress, done, total, step=step, unit=unit)
        yield result


class AsStep:
    """A progress callback that hands every call on to ``inner`` under one ``step`` name (the
    report's ``report 3/9: quotes`` for what the quotes analysis tells as ``quotes``)."""

    def __init__(self, inner: Progress, step: str, total: int = 0) -> None:
        self.inner = inner
        self.step = step
        #: The total to tell when the work tells none (it is given its input in pieces).
        self.total = total

    def __call__(
        self, done: int, total: int, label: str = "", *, step: str = "", unit: str = "files"
    ) -> None:
        self.inner(done, total or self.total, label, step=self.step, unit=unit)

    def begin(self) -> None:
        """Announce the step (see the module docstring: unit ``step``)."""
        self.inner(0, 0, "", step=self.step, unit=STEP)
