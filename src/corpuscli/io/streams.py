"""Opening an input: files or stdin, transparent decompression, and format sniffing."""

from __future__ import annotations

import io
import json
import sys
from typing import IO

from corpuscli.errors import InputError

from .decode import open_decompressed, sniff_compression
from .inputs import InputItem
from .limits import DEFAULT_MAX_INPUT_SIZE, DEFAULT_MAX_LINE_SIZE, Bounded, ByteSource

#: Formats read line by line (their lines are bounded), and formats whose file is one article
#: (read whole, bounded by the line size: one article is one record).
LINE_FORMATS = frozenset({"jsonl", "csv", "tsv"})
ARTICLE_FORMATS = frozenset({"text", "html"})

_PEEK = 64 * 1024
#: Enough bytes to tell every compression by its magic number.
_MAGIC_BYTES = 6


def _read_upto(raw: ByteSource, size: int) -> bytes:
    """The first ``size`` bytes of ``raw`` (fewer at its end), however a pipe hands them over."""
    data = b""
    while len(data) < size:
        block = raw.read(size - len(data))
        if not block:
            break
        data += block
    return data


class _Prefixed(io.RawIOBase):
    """A raw stream that yields ``head`` and then the rest of ``rest`` (to un-read a peek)."""

    def __init__(
        self,
        head: bytes,
        rest: ByteSource,
        error: BaseException | None = None,
        *,
        close: tuple[ByteSource, ...] = (),
    ) -> None:
        self._head = memoryview(head)
        self._rest = rest
        #: Streams to close with this one (a decompressor does not close the file under it).
        self._close = close
        #: An error met while peeking, raised once the bytes read before it are consumed.
        self._error = error

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes, handed on without copying (the streams above call this)."""
        if self._head:
            n = len(self._head) if size is None or size < 0 else min(size, len(self._head))
            data = self._head[:n].tobytes()
            self._head = self._head[n:]
            return data
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._rest.read(size)

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        for stream in self._close:
            stream.close()
        super().close()


def _broken(compression: str, exc: Exception, where: str) -> InputError:
    """The error for compressed data that cannot be read from its start: a cut before the
    first whole block (EOFError) is worded as a later cut is, anything else as broken data."""
    if isinstance(exc, EOFError):
        message = f"read error: {exc}; nothing before it could be recovered"
    else:
        message = f"broken {compression} compression: {exc}"
    return InputError(message, where=where, hint="check the file")


def _peek(
    stream: ByteSource, *, tolerant: bool = False, close: tuple[ByteSource, ...] = ()
) -> tuple[bytes, IO[bytes]]:
    head = b""
    error: BaseException | None = None
    while len(head) < _PEEK:
        try:
            block = stream.read(min(8192, _PEEK - len(head)))
        except Exception as exc:  # broken compressed data: keep what came before it
            if not tolerant or not head:
                raise
            error = exc
            break
        if not block:
            break
        head += block
    wrapper = _Prefixed(head, stream, error, close=close)
    return head, io.BufferedReader(wrapper, buffer_size=1 << 20)


class ByteCount(io.RawIOBase):
    """A raw stream over ``inner`` that counts the bytes read from it (:attr:`count`): how far
    into a file (compressed or not) reading has come, for a progress bar."""

    def __init__(self, inner: ByteSource | None = None) -> None:
        self._inner: ByteSource = inner  # type: ignore[assignment]
        self.count = 0

    def attach(self, inner: ByteSource) -> None:
        """Count the reads of ``inner`` from now on."""
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._inner.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n

    def read(self, size: int = -1) -> bytes:
        data = self._inner.read(size)
        self.count += len(data)
        return data

    def close(self) -> None:
        self._inner.close()
        super().close()


def unread(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A stream of ``head`` (bytes already read from ``rest``), then the rest of ``rest``."""
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=1 << 20)


def sniff_format(head: bytes) -> str:
    """Guess the format of content starting with ``head`` (stdin, or files of unknown type)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    first_line = text.split(b"\n", 1)[0]
    if text.startswith(b"{"):
        try:
            json.loads(first_line)
            return "jsonl"
        except ValueError:
            return "json"
    if text.startswith(b"["):
        return "json"
    lowered = text[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return "html"
    header = first_line.decode("utf-8", "replace").strip().lower()
    for sep, fmt in (("\t", "tsv"), (",", "csv"), (";", "csv"), ("|", "csv")):
        if sep in header:
            from .columns import CANDIDATES, fold_name

            names = {fold_name(c.strip().strip('"')) for c in header.split(sep)}
            if names & {fold_name(n) for n in CANDIDATES["text"]}:
                return fmt
    return "text"


def _open_span(item: InputItem, max_size: int, max_line: int) -> IO[bytes]:
    """The bytes of a part of a (plain, uncompressed) JSON Lines file, bounded as the whole
    file would be read: the part where the size bound falls stops there, parts after it are
    empty (the bound is reported once)."""
    assert item.span is not None and item.path is not None
    start, end = item.span
    if item.decompressed is not None:
        return _open_decompressed_part(item)
    if max_size and start > max_size:
        return io.BytesIO(b"")
    try:
        with open(item.path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=item.display) from exc
    bounded = Bounded(io.BytesIO(data), item.display, max_size=max_size, offset=start)
    bounded.bound_lines(max_line)
    return io.BufferedReader(bounded, buffer_size=1 << 20)


def _open_decompressed_part(item: InputItem) -> IO[bytes]:
    """The bytes of a part of a compressed JSON Lines file that the planning process
    decompressed (within the input bounds) into a temporary file, removed once read; then the
    error that stopped the planner's reading, if one did."""
    assert item.decompressed is not None
    try:
        data = item.decompressed.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=item.display) from exc
    finally:
        item.decompressed.unlink(missing_ok=True)
    return io.BufferedReader(_Prefixed(data, io.BytesIO(b""), item.fault), buffer_size=1 << 20)


def open_item(
    item: InputItem,
    *,
    max_size: int = DEFAULT_MAX_INPUT_SIZE,
    max_line: int = DEFAULT_MAX_LINE_SIZE,
    counter: ByteCount | None = None,
) -> tuple[IO[bytes], str]:
    """Open an input for reading: (decompressed binary stream, format). Reading the stream
    raises :class:`~corpuscli.io.limits.InputTooLarge` past ``max_size`` bytes (after
    decompression) or, for line-based formats, past a line of ``max_line`` bytes; a file that
    holds one article (text, HTML) is bounded by ``max_line`` as a whole (0: no bound).
    ``counter`` (a :class:`ByteCount` made with no stream) counts the bytes read from the file
    itself, compressed where it is (for progress)."""
    if item.span is not None and item.path is not None:
        return _open_span(item, max_size, max_line), "jsonl"
    if item.path is None:
        raw: ByteSource = sys.stdin.buffer
    else:
        try:
            raw = open(item.path, "rb")  # noqa: SIM115 - the caller closes it
        except PermissionError as exc:
            raise InputError(
                "permission denied", where=item.display, hint="check the file's permissions"
            ) from exc
        except IsADirectoryError as exc:
            raise InputError("is a folder", where=item.display) from exc
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), where=item.display) from exc
    if counter is not None:
        counter.attach(raw)
        raw = counter
    # Standard input is not ours to close; a file is.
    closing = () if item.path is None else (raw,)
    try:
        magic = _read_upto(raw, _MAGIC_BYTES)
    except OSError:
        for stream in closing:
            stream.close()
        raise
    compression = sniff_compression(magic) or None
    source = _Prefixed(magic, raw, close=closing)
    if compression:
        buffered = io.BufferedReader(source, buffer_size=1 << 20)
        try:
            decompressed = open_decompressed(buffered, compression)
        except Exception as exc:  # each decompressor has its own error types
            buffered.close()
            raise _broken(compression, exc, item.display) from exc
        bounded = Bounded(decompressed, item.display, max_size=max_size, compressed=True)
        try:
            head, stream = _peek(bounded, tolerant=True, close=(bounded, buffered))
        except InputError:
            buffered.close()
            raise
        except Exception as exc:
            buffered.close()
            raise _broken(compression, exc, item.display) from exc
    else:
        bounded = Bounded(source, item.display, max_size=max_size)
        head, stream = _peek(bounded, tolerant=True, close=(bounded,))
    fmt = item.fmt or sniff_format(head)
    if fmt in LINE_FORMATS:
        bounded.bound_lines(max_line)
    elif fmt in ARTICLE_FORMATS and max_line and (not max_size or max_line < max_size):
        bounded.bound_size(max_line, whole_article=True)
    return stream, fmt
