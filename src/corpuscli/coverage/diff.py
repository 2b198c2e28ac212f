"""How two articles covered the same statements: their statements aligned (:mod:`align`), the
word-level differences of each aligned pair kept as offsets into each article's text
(:mod:`worddiff`), and a summary that names the differences an editor looks for
(:mod:`editorial`).

The statements are the quotes and reported speech of each article (:mod:`statements`), or its
sentences when it has none. Everything here is data: rendering is in :mod:`corpuscli.render.diff`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .align import LABELS, Row, align
from .editorial import Finding, editorial_findings, term_contrast
from .quotes import Quote
from .statements import article_statements, looks_english
from .worddiff import folded, tokenize

__all__ = ["LABELS", "Diff", "Row", "Side", "attribution", "diff_articles", "side", "to_frame",
           "to_json"]  # fmt: skip


@dataclass
class Side:
    """One article: its metadata, its text as read, and its statements."""

    doc_id: str
    source: str | None
    title: str | None
    published: str | None
    text: str
    statements: list[Quote] = field(default_factory=list)
    unit: str = "quotes"


@dataclass
class Diff:
    """Two articles, the rows that align their statements, what an editor would note
    (``findings``), a summary of counts and metadata, and ``notes`` for the person reading it
    (identical articles, an empty or binary article, one that does not look English)."""

    a: Side
    b: Side
    rows: list[Row]
    findings: list[Finding]
    summary: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def side(row: pd.Series, *, speaker: str | None = None) -> Side:
    """An article (a row of the corpus frame) with its statements: its quotes and reported
    speech (of ``speaker`` only, if given), else its sentences."""
    text = _text_of(row.get("text"))
    unit = "quotes"
    if _binary(text):  # a binary file read as text: nothing in it is a statement
        text, unit = "", "binary"
    statements, found_unit = article_statements(text, speaker=speaker)
    unit = unit if unit == "binary" else found_unit
    published = row.get("published")
    return Side(
        doc_id=str(row.get("doc_id")),
        source=row.get("source") if isinstance(row.get("source"), str) else None,
        title=row.get("title") if isinstance(row.get("title"), str) else None,
        published=published.isoformat() if isinstance(published, pd.Timestamp) else None,
        text=text,
        statements=statements,
        unit=unit,
    )


def _binary(text: str) -> bool:
    """Text with NUL bytes or mostly control and replacement characters is not an article."""
    if "\x00" in text:
        return True
    sample = text[:4000]
    odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\n\t\r"))
    return bool(sample) and odd > 0.1 * len(sample)


_TAIL = re.compile(r"^[,.]?[”\"’»]?([^“\"]*?[.!?])(?:\s|$)")


def attribution(text: str, q: Quote) -> str:
    """The rest of the sentence after a quote (", Putin said at an investment forum.")."""
    if q.kind not in ("direct", "partial"):
        return ""
    tail = text[q.end : q.end + 200].split("\n")[0]
    m = _TAIL.match(tail)
    return m.group(1).strip(" ,") if m else ""


def diff_articles(a: Side, b: Side) -> Diff:
    """Align the statements of two articles, diff each aligned pair word by word, and name the
    editorial differences (see the module docstring)."""
    rows, _ = align(a.statements, b.statements, a.text, b.text)
    findings = editorial_findings(rows, a.text, b.text)
    counts = {label: sum(r.label == label for r in rows) for label in LABELS}
    only_a, only_b = term_contrast(a.text, b.text)
    identical = folded(tokenize(a.text)) == folded(tokenize(b.text))
    summary = {
        "identical": identical,
        "statements": {
            "a": len(a.statements),
            "b": len(b.statements),
            "unit": a.unit if a.unit == b.unit else "mixed",
        },
        "rows": counts,
        "terms_only_in_a": only_a,
        "terms_only_in_b": only_b,
        "headlines": {"a": a.title, "b": b.title},
        "published": {"a": a.published, "b": b.published},
    }
    return Diff(a, b, rows, findings, summary, _notes(a, b, identical))


def _notes(a: Side, b: Side, identical: bool) -> list[str]:
    out = []
    if identical and a.text.strip():
        out.append("the two articles are identical: every statement is the same")
    for letter, s in (("A", a), ("B", b)):
        if s.unit == "binary":
            out.append(f"{letter} ({s.doc_id}) is not text (a binary file?): nothing to compare")
        elif not s.text.strip():
            out.append(f"{letter} ({s.doc_id}) has no text: nothing to compare")
        elif not looks_english(s.text):
            out.append(f"{letter} ({s.doc_id}) does not look like English: its quotes are found, "
                       "but words are compared by English rules (stems, stopwords, numbers)")  # fmt: skip
    if a.unit == b.unit == "sentences":
        out.append("neither article quotes anyone: compared sentence by sentence")
    return out


def _statement(qs: list[Quote], s: Side) -> dict[str, Any] | None:
    """A row's side as plain data: for several fragments, their texts joined by " … ", the span
    from the first to the last, and each fragment."""
    if not qs:
        return None
    first = qs[0]
    return {
        "text": " … ".join(q.text for q in qs),
        "start": first.start,
        "end": qs[-1].end,
        "speaker": next((q.speaker for q in qs if q.speaker), None),
        "verb": next((q.verb for q in qs if q.verb), None),
        "kind": first.kind,
        "attribution": attribution(s.text, qs[-1]),
        "fragments": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "verb": q.verb,
            }
            for q in qs
        ],
    }


def to_json(d: Diff) -> dict[str, Any]:
    """The diff as plain data (the JSON output). Every text is the article's own, character for
    character; ``ops`` carry the offsets (``a_spans``, ``b_spans``: [start, end) into each
    article's text) of each run of the word diff."""

    def article(s: Side) -> dict[str, Any]:
        return {"doc_id": s.doc_id, "source": s.source, "title": s.title,
                "published": s.published, "unit": s.unit}  # fmt: skip

    return {
        "a": article(d.a),
        "b": article(d.b),
        "rows": [
            {
                "label": r.label,
                "similarity": r.similarity,
                "a": _statement(r.a, d.a),
                "b": _statement(r.b, d.b),
                "ops": [
                    {
                        "op": o.op,
                        "a": o.a_text,
                        "b": o.b_text,
                        "a_spans": [list(x) for x in o.a_spans],
                        "b_spans": [list(x) for x in o.b_spans],
                    }
                    for o in r.ops
                ],
            }
            for r in d.rows
        ],
        "findings": [f.to_json() for f in d.findings],
        "summary": d.summary,
    }


def to_frame(d: Diff) -> pd.DataFrame:
    """One line per row (TSV/CSV/JSON Lines output)."""
    records = []
    for r in d.rows:
        a, b = _statement(r.a, d.a), _statement(r.b, d.b)
        records.append(
            {
                "label": r.label,
                "similarity": r.similarity,
                "a_speaker": a["speaker"] if a else None,
                "a_verb": a["verb"] if a else None,
                "a_text": a["text"] if a else None,
                "a_start": a["start"] if a else None,
                "a_end": a["end"] if a else None,
                "b_speaker": b["speaker"] if b else None,
                "b_verb": b["verb"] if b else None,
                "b_text": b["text"] if b else None,
                "b_start": b["start"] if b else None,
                "b_end": b["end"] if b else None,
                "notes": "; ".join(f.kind for f in d.findings if f.row == d.rows.index(r)) or None,
            }
        )
    columns = ["label", "similarity", "a_speaker", "a_verb", "a_text", "a_start", "a_end",
               "b_speaker", "b_verb", "b_text", "b_start", "b_end", "notes"]  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=columns)
    for col in ("a_start", "a_end", "b_start", "b_end"):
        frame[col] = frame[col].astype("Int64")
    return frame
