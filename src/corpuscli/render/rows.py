"""Plain rows written as TSV or CSV, byte for byte as :func:`corpuscli.render.frames.
write_delimited` writes the frame they make (pandas hands each value to the same ``csv`` writer,
floats as their shortest repr), without importing pandas."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO, Any


def write_rows(columns: Sequence[str], rows: list[tuple[Any, ...]], out: IO[str], sep: str) -> None:
    """A header line and one line per row; values that hold the separator, a quote or a line
    break are quoted."""
    writer = csv.writer(out, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows(rows)
