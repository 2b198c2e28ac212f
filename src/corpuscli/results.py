"""What the public API returns: a :class:`Table` (a frame, its title and what a user should know
about it), which :mod:`corpuscli.render` turns into any output format. Statement diffs and
reports have their own result types (:class:`corpuscli.coverage.diff.Diff`,
:class:`corpuscli.reporting.build.Report`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

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


@dataclass
class CleanedCorpus(Table):
    """The corpus with its boilerplate removed (``corpuscli.clean``), and ``verdicts``: the
    judgement of each block (None on Dask, or when not asked for), for a view of what was
    struck out."""

    verdicts: pd.DataFrame | None = None


class RowTable(Table):
    """A :class:`Table` made of plain rows, whose frame is built (pandas imported) only when it
    is asked for: a short run that writes TSV or CSV never imports pandas."""

    def __init__(
        self,
        columns: Sequence[str],
        rows: list[tuple[Any, ...]],
        title: str = "",
        *,
        notes: list[str] | None = None,
        warnings: list[str] | None = None,
        load: LoadReport | None = None,
    ) -> None:
        self.columns = list(columns)
        self.rows = rows
        self.title = title
        self.notes = notes or []
        self.warnings = warnings or []
        self.load = load
        # every field of Table, or a renderer that reads one (``clip`` at a terminal) fails
        self.justify = {}
        self.clip = {}

    @cached_property
    def frame(self) -> pd.DataFrame:  # type: ignore[override]
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)

    def __len__(self) -> int:
        return len(self.rows)
