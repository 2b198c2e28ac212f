"""Cutting a corpus into partitions that worker processes (or Dask workers) load on their own.

A partition is a list of input items of about a target size in bytes (compressed files weigh four
times their size on disk): small files are grouped, and a large plain JSON Lines file is cut at
line ends into parts that each know the number of their first line, so that messages name the
same ``file:line`` as a load in one process; a large compressed one is decompressed once by the
process that hands out the parts and cut the same way (:class:`PartPlan`,
:mod:`corpuscli.engine.decompressed`). Items keep their input order.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from corpuscli.engine.decompressed import SpillFolder, decompressed_parts, is_compressed_jsonl
from corpuscli.errors import UsageError
from corpuscli.io.decode import sniff_compression
from corpuscli.io.inputs import InputItem
from corpuscli.io.limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE, parse_size

#: Input bytes gathered into one partition; the environment variable CORPUSCLI_PARTITION_MB
#: overrides it.
PARTITION_BYTES = 64 * 2**20
_BLOCK = 8 * 2**20


def partition_bytes() -> int:
    """The partition size: CORPUSCLI_PARTITION_MB if set (0 puts each file alone), else
    :data:`PARTITION_BYTES`."""
    value = os.environ.get("CORPUSCLI_PARTITION_MB")
    if not value:
        return PARTITION_BYTES
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = math.nan
    if not 0 <= megabytes < math.inf:  # (nan is neither)
        raise UsageError(
            f"CORPUSCLI_PARTITION_MB must be a number of megabytes, 0 or more, not {value!r}",
            hint="e.g. 64 (0 puts each file in a part of its own)",
        )
    return int(megabytes * 2**20)


def weight(item: InputItem) -> int:
    """Bytes an item stands for (compressed files count four times their size)."""
    if item.span is not None:
        return item.span[1] - item.span[0]
    try:
        return item.path.stat().st_size * (4 if item.compression else 1) if item.path else 0
    except OSError:
        return 0  # the loader reports it


def split_jsonl(item: InputItem, target: int) -> list[InputItem]:
    """A plain (uncompressed) JSON Lines file larger than ``target`` as parts of about ``target``
    bytes, cut after a newline; any other item as it is."""
    size = weight(item)
    if item.path is None or item.fmt != "jsonl" or item.compression or target <= 0:
        return [item]
    if size <= target:
        return [item]
    try:
        with open(item.path, "rb") as handle:
            if sniff_compression(handle.read(8)):
                return [item]
            handle.seek(0)
            parts: list[InputItem] = []
            start, line, pos = 0, 1, 0  # where the current part starts; bytes read so far
            lines_before = 0
            goal = target
            while True:
                block = handle.read(_BLOCK)
                if not block:
                    break
                while goal < pos + len(block):
                    cut = block.find(b"\n", max(goal - pos, 0))
                    if cut < 0:
                        break
                    end = pos + cut + 1
                    newlines = lines_before + block.count(b"\n", 0, cut + 1)
                    if end < size:
                        parts.append(replace(item, span=(start, end), first_line=line))
                        start, line = end, newlines + 1
                    goal = end + target
                lines_before += block.count(b"\n")
                pos += len(block)
    except OSError:
        return [item]  # the loader reports it
    if not parts:
        return [item]
    parts.append(replace(item, span=(start, size), first_line=line))
    return parts


def iter_partitions(
    items: Sequence[InputItem],
    target: int,
    *,
    split: bool = False,
    spill: SpillFolder | None = None,
    max_size: int = DEFAULT_MAX_INPUT_SIZE,
    max_line: int = DEFAULT_MAX_LINE_SIZE,
) -> Iterator[list[InputItem]]:
    """:func:`plan_partitions`, made as they are taken; with ``spill`` too, a large compressed
    JSON Lines file is decompressed once, here, and its parts written there (see
    :mod:`corpuscli.engine.decompressed`; ``max_size`` and ``max_line`` are the input bounds)."""
    current: list[InputItem] = []
    size = 0
    for whole in items:
        if whole.path is None:
            raise UsageError(
                "partitioned reading needs files, not standard input",
                hint="save the input to a file",
            )
        pieces: Iterable[InputItem] = [whole]
        if split and spill is not None and is_compressed_jsonl(whole) and weight(whole) > target:
            pieces = decompressed_parts(whole, target, spill, max_size=max_size, max_line=max_line)
        elif split:
            pieces = split_jsonl(whole, target)
        for item in pieces:
            w = weight(item)
            if current and size + w > target:
                yield current
                current, size = [], 0
            current.append(item)
            size += w
    if current:
        yield current


def plan_partitions(
    items: Sequence[InputItem], target: int | None = None, *, split: bool = False
) -> list[list[InputItem]]:
    """Group input items into partitions of about ``target`` bytes, in input order; with
    ``split``, large plain JSON Lines files are cut into parts first."""
    target = partition_bytes() if target is None else target
    return list(iter_partitions(items, target, split=split))


class PartPlan:
    """The partitions of a load for worker processes, in input order, made as they are taken
    (iterate once): a large compressed JSON Lines file is decompressed as its parts are handed
    out (unless ``inflate`` is false: one worker reads such a file as well from the file itself).
    ``expected`` is how many there should be (for a progress bar: a compressed file's size
    after decompression is guessed). Use it as a context manager: leaving it removes the
    temporary folder of decompressed parts."""

    def __init__(
        self,
        items: Sequence[InputItem],
        target: int,
        *,
        max_size: int | str | None = None,
        max_line: int | str | None = None,
        inflate: bool = True,
    ) -> None:
        self.items = list(items)
        self.target = target
        self.max_size = parse_size(DEFAULT_MAX_INPUT_SIZE if max_size is None else max_size)
        self.max_line = parse_size(DEFAULT_MAX_LINE_SIZE if max_line is None else max_line)
        self.spill = SpillFolder()
        self.inflates = inflate and any(
            is_compressed_jsonl(i) and weight(i) > target for i in self.items
        )
        self._planned: list[list[InputItem]] | None = None
        if not self.inflates:  # cut now: only line ends are looked for
            self._planned = list(iter_partitions(self.items, target, split=True))
            self.expected = len(self._planned)
        else:
            total = sum(weight(i) for i in self.items)
            self.expected = max(1, -(-total // max(target, 1)))

    def __iter__(self) -> Iterator[list[InputItem]]:
        if self._planned is not None:
            return iter(self._planned)
        return iter_partitions(
            self.items, self.target, split=True, spill=self.spill,
            max_size=self.max_size, max_line=self.max_line,
        )  # fmt: skip

    def __enter__(self) -> PartPlan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.spill.close()
