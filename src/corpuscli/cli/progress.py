"""Progress bars on stderr, drawn from the library's progress calls (see corpuscli.progress).

One bar at a time, for the step under way: its name, the bar, done / total (articles, files or
bytes), the rate and the time left, and what is at hand (the file being read). A step's bar
appears once the step has run for ``delay`` seconds (a second by default: short steps stay
silent), and goes when the step ends or the output is written. Nothing is drawn unless stderr is
a terminal and --quiet is off, and nothing ever goes to stdout.

The bar is redrawn from the calls themselves (at most ten times a second), not by a thread of
its own: worker processes are then still forked from a process with one thread (see
corpuscli.engine.parallel), and an interrupt finds no thread to wait for.
"""

from __future__ import annotations

import time
from typing import Any

from corpuscli.progress import STEP

#: Seconds between two redraws of the bar.
REDRAW = 0.1
#: Seconds a step runs before its bar appears, unless this environment variable says otherwise.
DELAY = 1.0
DELAY_VARIABLE = "CORPUSCLI_PROGRESS_DELAY"


def delay_from(value: str | None) -> float:
    """The delay a ``CORPUSCLI_PROGRESS_DELAY`` value asks for (seconds; :data:`DELAY` when
    unset or not a number)."""
    try:
        return max(0.0, float(value)) if value else DELAY
    except ValueError:
        return DELAY


class LazyProgress:
    """A progress callback ``(done, total, label, *, step, unit)`` drawing the bar (see the
    module docstring); :meth:`close` takes it away."""

    def __init__(self, enabled: bool, delay: float = DELAY, console: Any = None) -> None:
        self.enabled = enabled
        self.delay = delay
        self.console = console
        self._bar: Any = None
        self._task: Any = None
        self._step: str | None = None
        self._started = time.monotonic()
        self._drawn = 0.0

    def __call__(
        self, done: int, total: int, label: str = "", *, step: str = "loading", unit: str = "files"
    ) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if step != self._step:  # a new step: its own bar, once it has lasted
            self._end_task()
            self._step, self._started = step, now
        if self._task is None:
            announced = unit == STEP
            if not announced and (now - self._started < self.delay or (total and done >= total)):
                return
            self._task = self._open().add_task(step, total=total or None, unit=unit, label="")
            self._drawn = 0.0  # a new bar is drawn at once
        self._bar.update(
            self._task, completed=done, total=total or None, unit=unit, label=label[-40:]
        )
        if now - self._drawn >= REDRAW or (total and done >= total):
            self._drawn = now
            self._bar.refresh()

    def _open(self) -> Any:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            from .progress_columns import Count, Rate

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                Count(),
                Rate(),
                TimeRemainingColumn(),
                TextColumn("[dim]{task.fields[label]}"),
                console=self.console or Console(stderr=True),
                transient=True,
                auto_refresh=False,  # no thread: redrawn from the calls (see the docstring)
                redirect_stdout=False,  # stdout carries the output, never the bar
            )
            self._bar.start()
        return self._bar

    def _end_task(self) -> None:
        if self._task is not None and self._bar is not None:
            self._bar.remove_task(self._task)
            self._bar.refresh()
        self._task = None

    def close(self) -> None:
        """Take the bar away (before the output is written, and at the end of a run)."""
        self._task = None
        self._step = None
        if self._bar is not None:
            bar, self._bar = self._bar, None
            bar.stop()
