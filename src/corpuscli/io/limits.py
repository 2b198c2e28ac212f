"""Bounds on what one input may make us read, so that a decompression bomb or a runaway line
stops with a message instead of eating the machine's memory.

Two bounds, both :class:`~corpuscli.io.loader.Loader` options (``--max-input-size`` and
``--max-line-size`` on the command line):

- **input size** (default 4 GiB): the bytes read from one input *after decompression*. A 10 MB
  ``.gz`` of zeros inflates to 10 GB; the largest real input we know (the 37,554-article AllSides
  corpus, one JSON Lines file) inflates to 242 MB, so the default leaves 16 times its size and
  still stops a bomb long before memory runs out (JSON Lines, CSV and TSV are streamed: their
  memory does not grow with the size; a JSON array is read whole).
- **line size** (default 64 MiB): the longest line of a line-based input (JSON Lines, CSV, TSV),
  the longest CSV/TSV field (a field that runs on is an unterminated quote), and the largest
  file that holds a single article (plain text, HTML), which is read whole. The longest line in
  that corpus is 78 KB; 64 MiB leaves room for articles with images inlined as data URIs, while
  a line of zeros stops after 64 MiB instead of growing until memory runs out.

Past a bound the input stops being read: what was read before the bound is kept, and the input is
reported as skipped (exit 1), named with the line where it stopped. ``0`` turns a bound off.
"""

from __future__ import annotations

import io
import re
from typing import IO, TypeAlias

from corpuscli.errors import InputError, UsageError

#: A stream of bytes to read: a file object, or a raw stream such as :class:`Bounded` that wraps
#: one (typeshed does not count an ``io.RawIOBase`` as an ``IO[bytes]``).
ByteSource: TypeAlias = IO[bytes] | io.RawIOBase

DEFAULT_MAX_INPUT_SIZE = 4 * 2**30
DEFAULT_MAX_LINE_SIZE = 64 * 2**20

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.I)
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


def parse_size(value: str | int, *, option: str = "--max-input-size") -> int:
    """``"500M"`` -> 524288000: a byte count with an optional K, M, G or T (powers of 1024,
    as ``sort -S`` and ``head -c`` read them); ``0`` means no bound."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise UsageError(f"{option} cannot be negative")
        return value
    m = _SIZE.match(str(value))
    if not m:
        raise UsageError(
            f"cannot read {option} {value!r}",
            hint="give a size such as 500M, 4G or 64M (0 for no bound)",
        )
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def format_size(size: int) -> str:
    """``524288000`` -> ``"500 MiB"`` (for messages)."""
    for unit, factor in (("TiB", 2**40), ("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size:,} bytes"


class InputTooLarge(InputError):
    """An input went past one of the bounds above; it was read up to the bound. Readers of
    line-based formats name the line it stopped at (:meth:`at`)."""

    def at(self, where: str) -> InputTooLarge:
        self.where = where
        return self


def too_large(where: str, size: int, *, compressed: bool) -> InputTooLarge:
    after = " after decompression" if compressed else ""
    return InputTooLarge(
        f"input is larger than {format_size(size)}{after}; stopped reading it there",
        where=where,
        hint="if the file is genuine, raise --max-input-size (0 for no bound)",
    )


def line_too_long(where: str, size: int) -> InputTooLarge:
    return InputTooLarge(
        f"line is longer than {format_size(size)}; stopped reading the input there",
        where=where,
        hint="if the line is genuine, raise --max-line-size (0 for no bound)",
    )


def article_too_large(where: str, size: int) -> InputTooLarge:
    return InputTooLarge(
        f"a file holding one article is larger than {format_size(size)}; not read",
        where=where,
        hint="if the article is genuine, raise --max-line-size (0 for no bound)",
    )


class Bounded(io.RawIOBase):
    """A raw stream over ``inner`` that stops with :class:`InputTooLarge` past a total size or,
    once :meth:`bound_lines` is called, past a line length. The bytes before the bound are
    delivered first; the error comes with the next read, so readers keep the records before it.

    ``offset`` says where in the input ``inner`` starts (a part of a larger file);
    ``close_inner`` whether closing this stream closes ``inner`` (not standard input). The
    stream does not count lines (that costs a fifth of reading a plain file): the readers that
    read lines name the line where it stopped.
    """

    def __init__(
        self,
        inner: ByteSource,
        where: str,
        *,
        max_size: int = DEFAULT_MAX_INPUT_SIZE,
        compressed: bool = False,
        offset: int = 0,
        close_inner: bool = True,
    ) -> None:
        self._inner = inner
        # A decompressor's read(n) gathers several inflated pieces, and loses them all when
        # the file is cut before n bytes came; read1 hands over one piece at a time, so only
        # the read that meets the cut raises, with nothing in hand.
        self._read = getattr(inner, "read1", inner.read) if compressed else inner.read
        self._close_inner = close_inner
        self._where = where
        self.max_size = max_size
        self.max_line = 0
        self._compressed = compressed
        self._whole_article = False
        #: Bytes delivered so far (from the start of the input), and the length of the line being
        #: read.
        self.total = offset
        self._run = 0
        self._error: InputTooLarge | None = None
        self._passthrough = False

    def unbounded(self) -> None:
        """Pass the bytes through unlooked-at from now on (compressed bytes, bounded above)."""
        self._passthrough = True

    def bound_size(self, max_size: int, *, whole_article: bool = False) -> None:
        """Change the size bound (a file holding one article is bounded by the line size)."""
        self.max_size = max_size
        self._whole_article = whole_article

    def bound_lines(self, max_line: int) -> None:
        """Bound the length of lines from now on (line-based formats)."""
        self.max_line = max_line

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (the streams above call this, sparing a copy)."""
        if self._passthrough:
            return self._inner.read(size)
        if self._error is not None:
            raise self._error
        if self.max_size and self.total >= self.max_size:
            # at the bound: more data means too large, none means the input fit exactly
            if self.total == self.max_size and not self._inner.read(1):
                return b""
            raise self._size_error()
        if size is None or size < 0:
            size = 1 << 20
        if self.max_size:
            size = min(size, self.max_size - self.total)
        data = self._read(size)
        if not data:
            return b""
        cut = self._line_cut(data)
        if cut is not None:
            data = data[:cut]
        self.total += len(data)
        if cut is not None:
            self._error = line_too_long(self._where, self.max_line)
            if not data:
                raise self._error
        return data

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _size_error(self) -> InputTooLarge:
        if self._whole_article:
            return article_too_large(self._where, self.max_size)
        return too_large(self._where, self.max_size, compressed=self._compressed)

    def _line_cut(self, data: bytes) -> int | None:
        """Where in ``data`` the current line goes past the bound (None if it does not);
        updates the length of the line being read."""
        limit = self.max_line or len(data) + self._run + 1
        first = data.find(b"\n")
        if first < 0:
            if self._run + len(data) > limit:
                return limit - self._run
            self._run += len(data)
            return None
        if self._run + first > limit:
            return limit - self._run
        if len(data) > limit:  # lines inside this block may be too long as well
            start = first + 1
            while True:
                end = data.find(b"\n", start)
                if end < 0:
                    break
                if end - start > limit:
                    return start + limit
                start = end + 1
            tail = len(data) - start
        else:
            tail = len(data) - data.rfind(b"\n") - 1
        if tail > limit:
            return len(data) - tail + limit
        self._run = tail
        return None

    def close(self) -> None:
        if self._close_inner:
            self._inner.close()
        super().close()
