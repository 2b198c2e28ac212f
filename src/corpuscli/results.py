"""What the public API returns: a :class:`Table` (a frame, its title and what a user should know
about it), which :mod:`corpuscli.render` turns into any output format. Statement diffs and
reports have their own result types (:class:`corpuscli.coverage.diff.Diff`,
:class:`corpuscli.reporting.build.Report`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.engine.source import LoadReport


@dataclass
class Table:
    """A result table.

    ``notes`` are things worth telling (the CLI prints them on stderr, ``corpus: …``);
    ``warnings`` are things that may be wrong (``corpus: warning: …``); ``load`` is what reading
    the input found (skipped inputs, notes, articles read). ``justify`` asks people formats to
    align a column (``{"left": "right"}``: kwic's left context lines up against the match);
    ``clip`` asks a terminal too narrow for a text column to cut it on one line, at its
    ``start`` or its ``end``, rather than wrap it (kwic's contexts: one line per match)."""

    frame: pd.DataFrame
    title: str = ""
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    load: LoadReport | None = None
    justify: dict[str, str] = field(default_factory=dict)
    clip: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.frame)
