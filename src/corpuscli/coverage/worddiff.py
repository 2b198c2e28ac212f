"""Word-level differences between two renderings of a statement, computed on tokens and kept as
offsets into each article's text, so that a display can mark them on the text exactly as the
article has it (never on re-spaced tokens).

A token is a word (with inner hyphens, apostrophes and dots: ``Armenia-held``, ``U.S.``) or one
punctuation mark. Tokens compare by a folded key: lower case, typographic quotes and apostrophes
as plain ones, dashes as one dash, so that ``“Russia’s”`` and ``"Russia's"`` are equal.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*(?:\.(?!\.))?|\.\.\.|…|--|[^\w\s]")
_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-",
     "—": "-", "…": "...", "\u2010": "-", "\u2011": "-"}
)  # fmt: skip


@dataclass(frozen=True)
class Token:
    """A token at ``[start, end)`` of an article's text, and the key it is compared by."""

    start: int
    end: int
    text: str
    key: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group(0)
        key = word.lower().translate(_FOLD)
        if key == "--":
            key = "-"
        bare = key[:-1].replace("'", "").replace("-", "")
        if len(key) > 1 and key.endswith(".") and bare.isalpha() and "." not in key[:-1]:
            key = key[:-1]  # a word before a full stop ("don't."), not an abbreviation (U.S.)
            out.append(Token(m.start(), m.end() - 1, word[:-1], key))
            out.append(Token(m.end() - 1, m.end(), ".", "."))
            continue
        out.append(Token(m.start(), m.end(), word, key))
    return out


def folded(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The keys of the tokens, less punctuation at either end (a quote's closing comma)."""
    keys = [t.key for t in tokens]
    while keys and not keys[-1][0].isalnum():
        keys.pop()
    while keys and not keys[0][0].isalnum():
        keys.pop(0)
    return tuple(keys)


@dataclass(frozen=True)
class Op:
    """One run of a word diff: ``equal``, ``delete`` (only in A), ``insert`` (only in B) or
    ``replace``; token index ranges on each side, and the character spans in each article's
    text that the run covers (one span per stretch of adjacent tokens)."""

    op: str
    a: tuple[int, int]
    b: tuple[int, int]
    a_spans: tuple[tuple[int, int], ...]
    b_spans: tuple[tuple[int, int], ...]
    a_text: str
    b_text: str


def _spans(tokens: Sequence[Token], i: int, j: int, text: str) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for t in tokens[i:j]:
        if out and text[out[-1][1] : t.start].strip() == "":
            out[-1][1] = t.end
        else:
            out.append([t.start, t.end])
    return tuple((s, e) for s, e in out)


def _text(spans: tuple[tuple[int, int], ...], text: str) -> str:
    return " … ".join(text[s:e] for s, e in spans)


#: Marks an editor puts inside a quote: a word diff shows them even where it ignores punctuation.
EDITORIAL = frozenset("[]()")


def word_diff(a: Sequence[Token], b: Sequence[Token], a_text: str, b_text: str) -> list[Op]:
    """The runs that turn A's tokens into B's (difflib on the folded keys), each with its spans
    and its text as each article has it."""
    matcher = difflib.SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        sa, sb = _spans(a, i1, i2, a_text), _spans(b, j1, j2, b_text)
        out.append(Op(op, (i1, i2), (j1, j2), sa, sb, _text(sa, a_text), _text(sb, b_text)))
    return out


def bag_diff(
    a: Sequence[Token],
    b: Sequence[Token],
    a_text: str,
    b_text: str,
    same: Callable[[str], str] = lambda key: key,
) -> list[Op]:
    """For renderings in other words and another order (a translation, a paraphrase), where a
    sequence diff matches words out of place: each side's runs of words the other side has
    (``equal``) or lacks (``delete`` on A's side, ``insert`` on B's), words compared by
    ``same(key)`` (a stem, a number's value). Punctuation never counts as a difference, but for
    brackets and parentheses (``EDITORIAL``): "pay [for] it" against "pay for it" marks the
    brackets an editor added."""
    keys_a = {same(t.key) for t in a}
    keys_b = {same(t.key) for t in b}
    out: list[Op] = []
    for tokens, others, text, side in ((a, keys_b, a_text, "a"), (b, keys_a, b_text, "b")):
        runs: list[tuple[str, int, int]] = []
        for i, t in enumerate(tokens):
            mute = not t.key[0].isalnum() and t.key not in EDITORIAL
            kind = (
                "equal"
                if mute or same(t.key) in others
                else ("delete" if side == "a" else "insert")
            )
            if runs and (runs[-1][0] == kind or mute):
                runs[-1] = (runs[-1][0], runs[-1][1], i + 1)
            else:
                runs.append((kind, i, i + 1))
        for kind, i, j in runs:
            spans = _spans(tokens, i, j, text)
            if side == "a":
                out.append(Op(kind, (i, j), (0, 0), spans, (), _text(spans, text), ""))
            else:
                out.append(Op(kind, (0, 0), (i, j), (), spans, "", _text(spans, text)))
    return out


def ratio(a: Sequence[Token], b: Sequence[Token]) -> float:
    """How alike the two token sequences are (difflib's ratio over the folded words, punctuation
    at either end ignored): 1.0 exactly when they are the same after folding."""
    ka, kb = folded(a), folded(b)
    if ka == kb:
        return 1.0
    value = difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()
    return min(value, 0.99)


def _words(tokens: Sequence[Token]) -> list[str]:
    """The folded words of ``tokens``, a hyphenated word as its parts ("tax-filing" is
    "tax filing"): punctuation left out."""
    return [p for k in folded(tokens) if k[0].isalnum() for p in k.split("-") if p]


def contained(short: Sequence[Token], long: Sequence[Token]) -> bool:
    """Whether the shorter rendering is, word for word, a part of the longer one: every one of
    its words matched in order inside the longer one (after folding quote marks, case,
    spaces and hyphens), whose extra words lie mostly before or after the match (words added inside make it
    reworded). A word changed ("destructive to" / "destructive of") is a rewording, not a part."""
    ks = _words(short)
    kl = _words(long)
    if not ks or len(kl) <= len(ks):
        return False
    blocks = [
        b
        for b in difflib.SequenceMatcher(None, ks, kl, autojunk=False).get_matching_blocks()
        if b.size
    ]
    matched = sum(b.size for b in blocks)
    if matched < len(ks):
        return False
    inside = (blocks[-1].b + blocks[-1].size - blocks[0].b) - matched
    outside = len(kl) - matched - inside
    return outside >= max(1, inside)
