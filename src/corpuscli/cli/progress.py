"""A progress bar on stderr that appears only when loading takes more than a moment."""

from __future__ import annotations

import time
from typing import Any


class LazyProgress:
    """Callable ``(done, total, label)``; draws nothing for runs shorter than ``delay`` seconds."""

    def __init__(self, enabled: bool, delay: float = 0.5) -> None:
        self.enabled = enabled
        self.delay = delay
        self._start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if done >= total or time.monotonic() - self._start < self.delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("loading"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=total)
        self._bar.update(self._task, completed=done, description=label[-50:])

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
