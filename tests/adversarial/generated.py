"""Inputs built by the adversarial tests: bombs built small, broken files, real article text.

The article text is real (the AllSides roundups in sample_data/); what is adversarial about
these inputs is their shape, never invented prose.
"""

from __future__ import annotations

import bz2
import functools
import gzip
import json
import lzma
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import zstandard

from tests.conftest import ROUNDUPS

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "": lambda data: data,
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


def articles(n: int = 3) -> list[dict]:
    """The first ``n`` roundup articles (id, source, title, date, url, text)."""
    rows = [json.loads(line) for line in ROUNDUPS.read_text(encoding="utf-8").splitlines()]
    return [
        {k: row[k] for k in ("id", "source", "title", "date", "url", "text")} for row in rows[:n]
    ]


def jsonl(rows: Iterable[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def compressed_stream(suffix: str, chunks: Iterable[bytes]) -> bytes:
    """``chunks`` compressed as one stream (one gzip member, bz2/xz stream, zstd frame) without
    holding them all, fast rather than small (to build a bomb)."""
    compressor: Any
    if suffix == ".gz":
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    elif suffix == ".bz2":
        compressor = bz2.BZ2Compressor()
    elif suffix == ".xz":
        compressor = lzma.LZMACompressor(preset=0)
    elif suffix == ".zst":
        compressor = zstandard.ZstdCompressor().compressobj()
    else:
        raise ValueError(suffix)
    return b"".join([*(compressor.compress(c) for c in chunks), compressor.flush()])


@functools.cache
def _bomb_body(suffix: str, unit: bytes, mib: int) -> bytes:
    block = unit * ((1 << 20) // len(unit))
    return compressed_stream(suffix, [block] * mib)


def bomb(path: Path, suffix: str, *, head: bytes = b"", unit: bytes = b"\0", mib: int = 32) -> Path:
    """A compressed file of ``head`` followed by ``mib`` MiB of ``unit`` repeated: a few KB on
    disk that inflate to far more than the tests' bounds. Head and body are two members (gzip),
    streams (bz2, xz) or frames (zstd), which every reader reads on from one to the next; the
    body is compressed once per run."""
    target = path.with_name(path.name + suffix)
    head_part = compressed_stream(suffix, [head]) if head else b""
    target.write_bytes(head_part + _bomb_body(suffix, unit, mib))
    return target
