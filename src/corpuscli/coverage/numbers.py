"""Numbers as outlets write them: "7", "seven", "26", "twenty-six", "30,000", "1.5 million", and
sums spoken as such ("five plus two", "five (plus two)") — so that two renderings of one statement
can be seen to give the same figure in different words. The words are in ``data/numbers.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Number:
    """A number written in ``text[start:end]`` and its value."""

    start: int
    end: int
    text: str
    value: float


@dataclass(frozen=True)
class _Words:
    words: dict[str, int]
    scales: dict[str, int]
    operators: frozenset[str]
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = tomllib.loads(
        resources.files("corpuscli").joinpath("data/numbers.toml").read_text("utf-8")
    )
    words = {k.lower(): int(v) for k, v in data["words"].items()}
    scales = {k.lower(): int(v) for k, v in data["scales"].items()}
    operators = frozenset(k.lower() for k in data["operators"])

    def alt(items: list[str]) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True)
        )

    word = rf"(?:{alt(list(words))})(?:-(?:{alt(list(words))}))?"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    single = rf"(?:{digits}|{word})(?:\s+(?:{alt(list(scales))}))?"
    operator = rf"\(?\s*(?:{alt(list(operators))})\s+"
    pattern = re.compile(
        rf"(?<![\w.,])(?P<first>{single})(?P<more>(?:\s+{operator}(?:{single})\s*\)?)*)(?![\w])",
        re.IGNORECASE,
    )
    return _Words(words, scales, operators, pattern)


def _value(text: str, w: _Words) -> float | None:
    parts = text.lower().split()
    scale = 1
    if len(parts) > 1 and parts[-1] in w.scales:
        scale = w.scales[parts[-1]]
        parts = parts[:-1]
    head = " ".join(parts)
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", head):
        return float(head.replace(",", "")) * scale
    if head in w.words:
        return float(w.words[head]) * scale
    if "-" in head:
        tens, _, unit = head.partition("-")
        if tens in w.words and unit in w.words and w.words[tens] >= 20 and w.words[unit] < 10:
            return float(w.words[tens] + w.words[unit]) * scale
    return None


def find_numbers(text: str) -> list[Number]:
    """Every number written in ``text``, sums ("five plus two") as one number with their total."""
    w = _words()
    out = []
    for m in w.pattern.finditer(text):
        first = _value(m.group("first"), w)
        if first is None:
            continue
        total = first
        more = m.group("more") or ""
        for part in re.split(
            r"\(?\s*\b(?:" + "|".join(map(re.escape, w.operators)) + r")\s+", more, flags=re.I
        )[1:]:
            v = _value(part.strip(" )"), w)
            if v is None:
                break
            total += v
        raw = m.group(0).rstrip()
        if raw.endswith(")") and raw.count("(") < raw.count(")"):
            raw = raw[:-1].rstrip()
        out.append(Number(m.start(), m.start() + len(raw), raw, total))
    return out


def number_words(text: str) -> str:
    """``text`` with each number replaced by its value in digits ("five plus two" -> "7"): what
    the similarity of two statements compares."""
    parts = []
    last = 0
    for n in find_numbers(text):
        parts.append(text[last : n.start])
        value = n.value
        parts.append(str(int(value)) if value == int(value) else str(value))
        last = n.end
    parts.append(text[last:])
    return "".join(parts)
