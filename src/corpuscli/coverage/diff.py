"""How two articles covered the same statements: alignment of their quotes and reported speech,
with word-level differences.

Statements are the quotes of each article (direct, partial, indirect; see ``quotes``), or its
sentences when it has none. Two statements are compared by

- the Dice overlap of their content words, stemmed (Snowball), with numbers written as words
  ("7" and "seven" are one) — this tolerates rewording and translation;
- the Jaccard overlap of their character trigrams — this catches near-identical wording;

their similarity is the larger of the two. The pairs are matched one to one, best first, down to
``threshold``; a pair is ``same`` when the texts match after folding case, quotes and spacing,
``reworded`` otherwise, and unmatched statements are ``only in A`` / ``only in B``. The word diff
of a pair comes from difflib over word tokens, merged into runs (equal, delete, insert, replace).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from corpuscli.coverage.quotes import Quote, extract_quotes
from corpuscli.text.stopwords import load_stopwords

_WORDS = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")
_NUMBERS = {
    "0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
    "7": "seven", "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve",
    "first": "one", "second": "two", "third": "three",
}  # fmt: skip
_WORD_NUMBERS = {v: int(k) for k, v in _NUMBERS.items() if k.isdigit()}
_PLUS = re.compile(r"\b(\w+)\s+plus\s+(\w+)\b")


def _add_numbers(m: re.Match[str]) -> str:
    """'five plus two' reads as 'seven' (a figure of speech in Putin's translated remarks)."""
    values = []
    for word in (m.group(1), m.group(2)):
        values.append(int(word) if word.isdigit() else _WORD_NUMBERS.get(word))
    if None in values or sum(values) > 12:  # type: ignore[operator]
        return m.group(0)
    return _NUMBERS[str(sum(values))]  # type: ignore[arg-type]


_SENTENCES = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]?|$)")
LABELS = ("same", "reworded", "only in A", "only in B")


@dataclass
class Side:
    """One article: its metadata and statements."""

    doc_id: str
    source: str | None
    title: str | None
    published: str | None
    text: str
    statements: list[Quote] = field(default_factory=list)
    unit: str = "quotes"


@dataclass
class Row:
    label: str
    similarity: float
    a: Quote | None
    b: Quote | None
    ops: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Diff:
    a: Side
    b: Side
    rows: list[Row]
    summary: dict[str, Any]


class _Normaliser:
    def __init__(self) -> None:
        from nltk.stem.snowball import SnowballStemmer

        self.stem = SnowballStemmer("english").stem
        self.stop = load_stopwords("en")

    def content(self, text: str) -> set[str]:
        out = set()
        text = _PLUS.sub(_add_numbers, text.lower().replace("’", "'"))
        for w in _WORDS.findall(text):
            if not w[0].isalnum():
                continue
            w = _NUMBERS.get(w, w)
            if w not in self.stop:
                out.add(self.stem(w))
        return out


def _trigrams(text: str) -> set[str]:
    t = " ".join(text.lower().split())
    return {t[i : i + 3] for i in range(max(len(t) - 2, 0))}


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())


def similarity(a: str, b: str, norm: _Normaliser | None = None) -> float:
    """The larger of stemmed content-word Dice and character-trigram Jaccard (module docstring),
    for the whole statements or for their best-matching sentences (a long quote may hold the one
    sentence another outlet reported)."""
    norm = norm or _Normaliser()
    best = _pair_similarity(a, b, norm)
    sa, sb = _statement_sentences(a), _statement_sentences(b)
    if len(sa) > 1 or len(sb) > 1:
        for x in sa:
            for y in sb:
                best = max(best, _pair_similarity(x, y, norm))
    return best


def _statement_sentences(text: str) -> list[str]:
    return [m.group(0).strip() for m in _SENTENCES.finditer(text) if len(m.group(0).split()) >= 5]


def _pair_similarity(a: str, b: str, norm: _Normaliser) -> float:
    ca, cb = norm.content(a), norm.content(b)
    dice = 2 * len(ca & cb) / (len(ca) + len(cb)) if ca and cb else 0.0
    ta, tb = _trigrams(a), _trigrams(b)
    jaccard = len(ta & tb) / len(ta | tb) if ta and tb else 0.0
    return max(dice, jaccard)


def word_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """(op, a_text, b_text) runs: op is equal, delete, insert or replace."""
    ta, tb = _WORDS.findall(a), _WORDS.findall(b)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        out.append((op, _join(ta[i1:i2]), _join(tb[j1:j2])))
    return out


def _join(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return re.sub(r"\s+([,.;:!?)\]”’])", r"\1", re.sub(r"([(\[“‘])\s+", r"\1", text))


def _sentences(text: str) -> list[Quote]:
    out = []
    for m in _SENTENCES.finditer(text):
        s = m.group(0).strip()
        if len(s.split()) >= 4:
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append(Quote(start, start + len(s), s, "sentence"))
    return out


def side(row: pd.Series, *, speaker: str | None = None) -> Side:
    """An article's statements: its quotes (of ``speaker`` only, if given), else its sentences."""
    text = row["text"] if isinstance(row["text"], str) else ""
    quotes = extract_quotes(text)
    if speaker:
        quotes = [q for q in quotes if q.speaker and speaker.lower() in q.speaker.lower()]
    unit = "quotes"
    if not quotes and not speaker:
        quotes, unit = _sentences(text), "sentences"
    published = row.get("published")
    return Side(
        doc_id=str(row["doc_id"]),
        source=row.get("source") if isinstance(row.get("source"), str) else None,
        title=row.get("title") if isinstance(row.get("title"), str) else None,
        published=published.isoformat() if isinstance(published, pd.Timestamp) else None,
        text=text,
        statements=quotes,
        unit=unit,
    )


def attribution(text: str, q: Quote) -> str:
    """The rest of the sentence after a quote (", Putin said at an investment forum.")."""
    if q.kind not in ("direct", "partial"):
        return ""
    tail = text[q.end : q.end + 200].split("\n")[0]
    m = re.match(r"^[,.]?[”\"’»]?([^“\"]*?[.!?])(?:\s|$)", tail)
    return m.group(1).strip(" ,") if m else ""


def diff_articles(a: Side, b: Side, *, threshold: float = 0.25) -> Diff:
    """Align the statements of two articles and diff each pair (see the module docstring)."""
    norm = _Normaliser()
    sims = [[similarity(x.text, y.text, norm) for y in b.statements] for x in a.statements]
    pairs = sorted(
        ((sims[i][j], i, j) for i in range(len(a.statements)) for j in range(len(b.statements))),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    match: dict[int, tuple[int, float]] = {}
    for score, i, j in pairs:
        if score < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        match[i] = (j, score)
    rows: list[Row] = []
    b_done: set[int] = set()
    for i, qa in enumerate(a.statements):
        if i in match:
            j, score = match[i]
            # B's unmatched statements that come before this one go first, in B's order
            for k in range(j):
                if k not in used_b and k not in b_done:
                    rows.append(Row("only in B", 0.0, None, b.statements[k]))
                    b_done.add(k)
            qb = b.statements[j]
            label = "same" if _fold(qa.text) == _fold(qb.text) else "reworded"
            rows.append(Row(label, round(score, 4), qa, qb, word_diff(qa.text, qb.text)))
            b_done.add(j)
        else:
            rows.append(Row("only in A", 0.0, qa, None))
    for k, qb in enumerate(b.statements):
        if k not in b_done:
            rows.append(Row("only in B", 0.0, None, qb))
    return Diff(a, b, rows, _summary(a, b, rows, norm))


def _summary(a: Side, b: Side, rows: list[Row], norm: _Normaliser) -> dict[str, Any]:
    counts = {label: sum(r.label == label for r in rows) for label in LABELS}
    verbs = [
        {"a": r.a.verb, "b": r.b.verb, "speaker_a": r.a.speaker, "speaker_b": r.b.speaker}
        for r in rows
        if r.a and r.b and r.a.verb and r.b.verb and r.a.verb != r.b.verb
    ]
    swaps = [
        {"a": ta, "b": tb}
        for r in rows
        for op, ta, tb in r.ops
        if op == "replace" and len(ta.split()) <= 8 and len(tb.split()) <= 8
    ]
    words_a = _term_counts(a.text, norm)
    words_b = _term_counts(b.text, norm)
    only_a = [
        w
        for w, _ in sorted(
            ((w, n) for w, n in words_a.items() if w not in words_b), key=lambda t: (-t[1], t[0])
        )[:12]
    ]
    only_b = [
        w
        for w, _ in sorted(
            ((w, n) for w, n in words_b.items() if w not in words_a), key=lambda t: (-t[1], t[0])
        )[:12]
    ]
    return {
        "identical": _fold(a.text) == _fold(b.text),
        "statements": {
            "a": len(a.statements),
            "b": len(b.statements),
            "unit": a.unit if a.unit == b.unit else "mixed",
        },
        "rows": counts,
        "differing_verbs": verbs,
        "wording_swaps": swaps,
        "terms_only_in_a": only_a,
        "terms_only_in_b": only_b,
        "headlines": {"a": a.title, "b": b.title},
        "published": {"a": a.published, "b": b.published},
    }


def _term_counts(text: str, norm: _Normaliser) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in _WORDS.findall(text.replace("’", "'")):
        lw = w.lower()
        if w[0].isalpha() and lw not in norm.stop and len(lw) > 2:
            counts[lw] = counts.get(lw, 0) + 1
    return counts


def to_json(d: Diff) -> dict[str, Any]:
    """The diff as plain data (the JSON output)."""

    def article(s: Side) -> dict[str, Any]:
        return {
            "doc_id": s.doc_id,
            "source": s.source,
            "title": s.title,
            "published": s.published,
            "unit": s.unit,
        }

    def statement(q: Quote | None, s: Side) -> dict[str, Any] | None:
        if q is None:
            return None
        return {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker, "verb": q.verb,
                "kind": q.kind, "attribution": attribution(s.text, q)}  # fmt: skip

    return {
        "a": article(d.a),
        "b": article(d.b),
        "rows": [
            {
                "label": r.label,
                "similarity": r.similarity,
                "a": statement(r.a, d.a),
                "b": statement(r.b, d.b),
                "ops": [{"op": op, "a": ta, "b": tb} for op, ta, tb in r.ops],
            }
            for r in d.rows
        ],
        "summary": d.summary,
    }


def to_frame(d: Diff) -> pd.DataFrame:
    """One line per alignment row (TSV/CSV/JSON Lines output)."""
    records = []
    for r in d.rows:
        records.append(
            {
                "label": r.label,
                "similarity": r.similarity,
                "a_speaker": r.a.speaker if r.a else None,
                "a_verb": r.a.verb if r.a else None,
                "a_text": r.a.text if r.a else None,
                "a_start": r.a.start if r.a else None,
                "b_speaker": r.b.speaker if r.b else None,
                "b_verb": r.b.verb if r.b else None,
                "b_text": r.b.text if r.b else None,
                "b_start": r.b.start if r.b else None,
            }
        )
    frame = pd.DataFrame.from_records(records)
    for col in ("a_start", "b_start"):
        if col in frame:
            frame[col] = frame[col].astype("Int64")
    return frame
