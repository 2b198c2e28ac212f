"""Plain rows written as TSV or CSV, byte for byte as :func:`corpuscli.render.frames.
write_delimited` writes the frame they make (pandas hands each value to the same ``csv`` writer,
floats as their shortest repr), without importing pandas."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO, Any

from corpuscli.io.tsv import escape


def write_rows(columns: Sequence[str], rows: list[tuple[Any, ...]], out: IO[str], sep: str) -> None:
    """A header line and one line per row. CSV: values that hold the separator, a quote or a
    line break are quoted. TSV: a record a line, never quoted, backslash, line feed, tab and
    carriage return escaped (:func:`corpuscli.io.tsv.escape`)."""
    if sep != "\t":
        writer = csv.writer(out, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(columns)
        writer.writerows(rows)
        return

    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool | int | float):
            return repr(value) if isinstance(value, float) else str(value)
        return escape(str(value))

    out.write("\t".join(cell(c) for c in columns) + "\n")
    out.writelines("\t".join(cell(v) for v in row) + "\n" for row in rows)
