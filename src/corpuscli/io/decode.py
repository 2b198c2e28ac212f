"""Bytes to text: decompression, encoding detection and the normalisation DESIGN.md describes.

Normalisation fixes transport noise only: CRLF/CR become LF, NBSP and the other Unicode spaces
become a plain space, zero-width characters, soft hyphens and stray control characters go, and the
text is put in NFC. Curly quotes and apostrophes are left alone (quote extraction needs them).
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import re
import unicodedata
from dataclasses import dataclass
from typing import IO, Any, cast

from corpuscli.errors import InputError, MissingExtraError, UsageError, plural

#: Unicode space characters that become a plain space (NBSP, the U+2000 block, narrow NBSP, ...).
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: Characters removed outright: zero-width ones, BOMs inside the text, soft hyphens, C0 controls
#: other than tab and newline, DEL.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
#: Any of the above, to skip the substitutions for the many texts that have none.
_ANY_NOISE = re.compile(
    "[\r\x0b\x0c\x85\u2028\u2029\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff"
    "\u00ad\x00-\x08\x0e-\x1f\x7f]"
)
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: Vertical tab, form feed and the Unicode line/paragraph separators end a line.
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def normalize_text(text: str) -> str:
    """Return ``text`` with transport noise fixed and its meaning untouched.

    >>> normalize_text("Putin\\u00a0said\\r\\nit\\u200b.")
    'Putin said\\nit.'
    """
    if text.isascii():
        if "\r" in text or "\x0b" in text or "\x0c" in text:
            text = _LINE_BREAKS.sub("\n", text)
        if _ASCII_CONTROL.search(text):
            text = _ASCII_CONTROL.sub("", text)
        return text
    # Every noise character is unprintable (a control, separator or format character), and
    # checking printability is faster than the regex: most texts skip the substitutions.
    if not text.replace("\n", " ").isprintable() and _ANY_NOISE.search(text):
        text = _LINE_BREAKS.sub("\n", text)
        text = _SPACES.sub(" ", text)
        text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --- compression -------------------------------------------------------------------------------

_MAGIC = (
    (b"\x1f\x8b", "gz"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zst"),
)
COMPRESSED_SUFFIXES = {".gz": "gz", ".gzip": "gz", ".bz2": "bz2", ".xz": "xz", ".zst": "zst"}


def sniff_compression(head: bytes) -> str | None:
    """The compression a stream starting with ``head`` uses (gz, bz2, xz, zst), or None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def open_decompressed(raw: IO[bytes], compression: str | None) -> IO[bytes]:
    """Wrap a binary stream so that reading it yields the decompressed bytes."""
    if compression is None:
        return raw
    if compression == "gz":
        # a binary file object, though typeshed does not declare GzipFile an IO[bytes]
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw))
    if compression == "bz2":
        return bz2.BZ2File(raw)
    if compression == "xz":
        return lzma.LZMAFile(raw)
    if compression == "zst":
        return io.BufferedReader(ZstdStream(raw), buffer_size=1 << 16)
    raise ValueError(compression)


class ZstdStream(io.RawIOBase):
    """The decompressed bytes of a stream of zstd frames, one after the other. zstandard's own
    stream reader ends a cut file quietly, as if it were whole; this one raises EOFError, as
    gzip, bz2 and lzma do, so that the loader names the file and keeps what came before. The
    input is fed in small pieces: a piece of zstd inflates to at most about 32,768 times its
    size, so what one read holds stays bounded (a bomb is stopped by the input bounds)."""

    #: Compressed bytes fed at a time: at most ~8 MB out (as fast as zstandard's reader).
    PIECE = 256

    def __init__(self, raw: IO[bytes]) -> None:
        try:
            import zstandard
        except ImportError as exc:
            raise MissingExtraError("reading .zst files", "zstd", "zstandard") from exc
        super().__init__()
        self._raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._frame = self._new()
        self._in_frame = False  # part of a frame read, its end not yet
        self._out = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._out):
            piece = self._raw.read(self.PIECE)
            if not piece:
                if self._in_frame:
                    raise EOFError(
                        "Compressed file ended before the end-of-stream marker was reached"
                    )
                return 0
            self._out, self._at = self._inflate(piece), 0
        size = min(len(buffer), len(self._out) - self._at)
        buffer[:size] = self._out[self._at : self._at + size]
        self._at += size
        return size

    def _inflate(self, piece: bytes) -> bytes:
        out = []
        while piece:
            if self._frame.eof:  # the next frame begins
                self._frame = self._new()
            out.append(self._frame.decompress(piece))
            self._in_frame = not self._frame.eof
            piece = self._frame.unused_data if self._frame.eof else b""
        return b"".join(out)


# --- encodings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    text: str
    #: The encoding used, and whether it was detected (a legacy encoding: worth a warning).
    encoding: str
    detected: bool = False


def check_encoding(encoding: str) -> str:
    """``encoding`` if Python can decode text with it; a UsageError for an unknown codec or one
    that is not a text encoding (``base64``, ``zlib``)."""
    try:
        b"a".decode(encoding, "ignore")  # (an empty input is not looked up)
    except (LookupError, UnicodeError, ValueError, TypeError):
        raise UsageError(
            f"{encoding!r} is not a text encoding Python knows",
            hint="give a Python codec name such as utf-8, cp1252 or latin-1 to --encoding",
        ) from None
    return encoding


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes outside UTF-16/32)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode_bytes(data: bytes, *, encoding: str | None = None, where: str = "") -> Decoded:
    """Decode ``data``: a forced ``encoding``, else UTF-8 (BOM or not), UTF-16 with a BOM, else
    the encoding charset-normalizer detects. Raises InputError for binary or undecodable data."""
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except LookupError as exc:
            raise InputError(
                f"unknown encoding {encoding!r}", hint="use a Python codec name such as cp1252"
            ) from exc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"cannot decode as {encoding} at byte {exc.start}",
                where=where,
                hint="check --encoding, or leave it out to detect the encoding",
            ) from exc
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("broken UTF-16 text", where=where, hint="check the file") from exc
    if looks_binary(data):
        raise InputError(
            "looks like a binary file, not text",
            where=where,
            hint="give text, JSON Lines, CSV, Parquet or HTML files",
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # charset-normalizer ranks cp1250/cp1257 level with cp1252 on Western text; among the
        # candidates that read as cleanly as the best, prefer the commonest legacy encoding.
        for preferred in _PREFERRED_LEGACY:
            tied = next(
                (m for m in matches if m.encoding == preferred and m.chaos <= best.chaos + 0.01),
                None,
            )
            if tied is not None:
                best = tied
                break
    if best is None or best.encoding is None:
        raise InputError(
            "cannot tell the text encoding",
            where=where,
            hint="give it with --encoding (e.g. --encoding cp1252)",
        )
    return Decoded(str(best), best.encoding, detected=True)


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 broken in a few places (a download cut and resumed, a stray byte), read as UTF-8
    with each broken place as U+FFFD; None for text in another encoding. A legacy encoding's
    accented letters almost never form valid UTF-8 sequences, so text holding more characters
    that do than places that do not is UTF-8: a legacy detector reads the whole of it wrongly
    (charset-normalizer took such an article for mac_iceland, every curly quote garbled)."""
    text = data.decode("utf-8", errors="replace")
    places = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    if valid <= places:
        return None
    label = plural(places, "invalid byte sequence")
    return Decoded(text, f"UTF-8, {label} replaced by U+FFFD", detected=True)


_PREFERRED_LEGACY = ("cp1252", "latin_1", "cp1251", "cp1250")


def read_all(stream: IO[bytes]) -> bytes:
    """Read a whole (possibly non-seekable) binary stream."""
    chunks = []
    while True:
        block = stream.read(1 << 20)
        if not block:
            break
        chunks.append(block)
    return b"".join(chunks)


def text_stream(raw: IO[bytes], encoding: str | None) -> IO[str]:
    """A text view over a binary stream for line-oriented formats (JSONL, CSV)."""
    return io.TextIOWrapper(raw, encoding=encoding or "utf-8-sig", errors="strict", newline="")
