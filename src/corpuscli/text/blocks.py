"""Blocks: the lines of an article's text (paragraphs, headings, captions, button labels), with
offsets into ``text`` so that every finding can be traced back and cut out exactly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

_LINE = re.compile(r"[^\n]+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Block:
    index: int
    start: int
    end: int
    text: str


def split_blocks(text: str) -> list[Block]:
    """Every non-blank line of ``text``, stripped, with its [start, end) offsets."""
    out: list[Block] = []
    for m in _LINE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        out.append(Block(len(out), start, start + len(stripped), stripped))
    return out


#: The months and days of the week a signature folds away (whole words only).
_MONTH_WORDS = frozenset([
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
])  # fmt: skip
_WORD_RUN = re.compile(r"\w+")
#: Each byte of an ASCII text as a signature keeps it: a word character lower-cased, any other a
#: space.
_ASCII_FOLD = bytes(
    (c | 0x20 if chr(c).isupper() else c) if chr(c).isalnum() or c == 0x5F else 0x20
    for c in range(256)
)
#: :data:`_ASCII_FOLD` with every digit as "0": a run of digits is then a run of zeros, and one
#: "0" where the line has no two digits in a row (no substitution needed).
_ASCII_FOLD_ZERO = bytes(0x30 if 0x30 <= c <= 0x39 else f for c, f in enumerate(_ASCII_FOLD))
_ASCII_ZEROS = re.compile(rb"00+")
_ASCII_MONTHS = frozenset(month.encode() for month in _MONTH_WORDS)
#: The signs that keep most English lines from being ASCII; none is a word character.
_WIDE_MARKS = ("’", "“", "”", "—", "–")


def signature(text: str) -> str:
    """A block's text with case, punctuation, numbers and dates folded away, so that a newsletter
    line with another date, or a copyright line with another year, reads the same.

    That is, the runs of word characters of the lower-cased text, one space between them, each
    run of digits as "0" and a run that is a month or a weekday as "m": what replacing the
    months with a regular expression (``\\b(jan(uary)?|…)\\b`` to "<m>"), the digits, and every
    run of other characters with one space makes (tested). A line that is ASCII but for curly
    quotes and dashes (97% of news lines) is folded as bytes, by a table: twice as fast."""
    if not text.isascii():
        plain = text
        for mark in _WIDE_MARKS:
            plain = plain.replace(mark, " ")
        if not plain.isascii():
            return _signature_of_any(text)
        text = plain
    folded = text.encode("ascii").translate(_ASCII_FOLD_ZERO)
    if b"00" in folded:
        folded = _ASCII_ZEROS.sub(b"0", folded)
    runs = folded.split()
    if not _ASCII_MONTHS.isdisjoint(runs):
        runs = [b"m" if run in _ASCII_MONTHS else run for run in runs]
    return b" ".join(runs).decode("ascii")


def _signature_of_any(text: str) -> str:
    runs = _WORD_RUN.findall(_DIGITS.sub("0", text.lower().replace("’", "'")))
    if not _MONTH_WORDS.isdisjoint(runs):
        runs = ["m" if run in _MONTH_WORDS else run for run in runs]
    return " ".join(runs)


def blocks_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The blocks of every article: doc_id, block, start, end, text."""
    rows: list[tuple[str, int, int, int, str]] = []
    for doc_id, text in zip(frame["doc_id"], frame["text"], strict=True):
        if isinstance(text, str):
            rows.extend((doc_id, b.index, b.start, b.end, b.text) for b in split_blocks(text))
    return pd.DataFrame(rows, columns=["doc_id", "block", "start", "end", "text"])


def iter_lines_kept(text: str, drop: set[int]) -> Iterator[str]:
    """The lines of ``text`` whose block index is not in ``drop`` (blank lines kept in place)."""
    index = 0
    for raw in text.split("\n"):
        if raw.strip():
            if index not in drop:
                yield raw
            index += 1
        else:
            yield raw


def remove_blocks(text: str, drop: set[int]) -> str:
    """``text`` without the given blocks; runs of blank lines left behind fold to one."""
    if not drop:
        return text
    kept = "\n".join(iter_lines_kept(text, drop))
    return re.sub(r"\n{3,}", "\n\n", kept).strip("\n")
