"""A compressed JSON Lines file decompressed once and shared among worker processes.

A compressed stream cannot be cut where one likes: a worker given a ``.gz`` file reads it alone,
from its start. Here the process that hands out the parts decompresses the file once, as the
workers take them, cuts the stream at line ends into parts of about the target size, and writes
each part to a temporary folder (:class:`SpillFolder`, removed when the work is done); a
worker reads its part from there and removes it. Each part knows the number of its first line
and its place in the decompressed stream, so messages name the same ``file:line`` and the
bounds of :mod:`corpuscli.io.limits` stop at the same byte as a load in one process: the file
is opened and read line by line exactly as the loader reads it (:func:`corpuscli.io.streams.open_item`,
bounds included), and whatever stops that reading — ``--max-input-size``, ``--max-line-size``, a
truncated or broken file — stops the cutting too and travels with the last part, to be raised
once its lines are read. The planner holds at most a part and a line.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from corpuscli.errors import CorpusError, TemporarySpaceError
from corpuscli.io.decode import sniff_compression
from corpuscli.io.inputs import InputItem
from corpuscli.io.streams import open_item


class SpillFolder:
    """A temporary folder for decompressed parts, made when the first part is written and
    removed (with whatever the workers left) on :meth:`close`."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._written = 0

    def write(self, data: bytes | bytearray | memoryview) -> Path:
        """A new file in the folder holding ``data``."""
        try:
            if self._path is None:
                self._path = Path(tempfile.mkdtemp(prefix="corpuscli-parts-"))
            self._written += 1
            path = self._path / f"part{self._written:06d}.jsonl"
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise TemporarySpaceError("a part of a compressed file for the workers", exc) from exc
        return path

    def close(self) -> None:
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None

    def __enter__(self) -> SpillFolder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def is_compressed_jsonl(item: InputItem) -> bool:
    """True for a file named as compressed JSON Lines (its magic bytes are checked later)."""
    return item.path is not None and item.fmt == "jsonl" and item.compression is not None


def decompressed_parts(
    item: InputItem,
    target: int,
    spill: SpillFolder,
    *,
    max_size: int,
    max_line: int,
) -> Iterator[InputItem]:
    """The parts of compressed JSON Lines ``item``, of about ``target`` decompressed bytes each,
    cut after a newline and written to ``spill``, made as they are taken. ``item`` itself when
    it cannot be cut here (not compressed after all, or it cannot be opened): the worker that
    reads it then says why, as a load in one process would."""
    assert item.path is not None
    try:
        with open(item.path, "rb") as handle:
            magic = handle.read(8)
        stream, _ = open_item(item, max_size=max_size, max_line=max_line)
    except (CorpusError, OSError):
        yield item
        return
    with stream:
        if sniff_compression(magic) is None:
            yield item
            return
        yield from _cut(item, stream, target, spill)


def _cut(
    item: InputItem, lines: Iterable[bytes], target: int, spill: SpillFolder
) -> Iterator[InputItem]:
    pending: list[bytes] = []
    size = 0
    start = 0  # place of the pending lines in the decompressed stream
    first_line = 1

    def part(fault: BaseException | None = None) -> InputItem:
        nonlocal start, first_line, size
        path = spill.write(b"".join(pending))
        made = replace(
            item, span=(start, start + size), first_line=first_line, decompressed=path,
            fault=fault,
        )  # fmt: skip
        start += size
        first_line += len(pending)
        pending.clear()
        size = 0
        return made

    try:
        for line in lines:
            pending.append(line)
            size += len(line)
            if size >= target:
                yield part()
    except Exception as exc:  # what stops one process reading stops the cutting: the last part
        yield part(exc)  # raises it once its lines are read
        return
    if pending:
        yield part()
