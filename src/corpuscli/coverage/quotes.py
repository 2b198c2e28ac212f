"""Quotes and reported speech, with their speakers.

- **direct**: text between quotation marks (“…”, "…", «…»; ‘…’ inside them stays part of the
  quote) that forms a statement; a paragraph that opens with a quotation mark and does not close it
  continues into the next; a closing mark with no opening one in its paragraph
  (``Our position is absolutely open …,” Putin said``) quotes from the paragraph's start;
- **partial**: a quoted fragment of four words or fewer inside a sentence (Putin accused the
  Soviet leadership of “inaction”);
- **indirect**: a sentence of reported speech without quotation marks — ``Putin also said that
  …`` or ``…, President Vladimir Putin said Thursday.``

The speaker is the name (or pronoun) next to an attribution verb after the quote (``,” Putin
said``, ``,” said Putin``, ``,” he added``) or before it (``Putin said: “…``, ``according to …``).
A pronoun or a description ("the Russian president") is resolved to a person the article names
before it, and quotes with no attribution of their own get one from their context
(:mod:`corpuscli.coverage.speakers`; the shared patterns are in :mod:`corpuscli.coverage.quote_patterns`).
Offsets (``start``, ``end``) point into the article's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

import pandas as pd

from corpuscli.progress import Progress

from .quote_patterns import (
    _ABBREV_END,
    _AFTER,
    _AFTER_APPOSITIVE,
    _BEFORE,
    _CLOSE,
    _OPEN,
    _REPORTED_LEAD,
    _REPORTED_TAIL,
    _SENTENCE,
    _TITLE_CASE,
    COLUMNS,
    Quote,
)  # fmt: skip
from .speakers import resolve_speakers

__all__ = ["COLUMNS", "Quote", "extract_quotes", "quotes_frame"]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans


def _direct_quotes(text: str) -> list[Quote]:
    """Quoted spans, paragraph by paragraph, with the continuation and missing-mark rules."""
    out: list[Quote] = []
    paragraphs = _paragraphs(text)
    carry: Quote | None = None
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        i = 0
        if carry is not None:
            # a quote left open continues: this paragraph re-opens it, or just goes on
            lead = len(para) - len(para.lstrip())
            if para.lstrip()[:1] in _OPEN:
                i = lead + 1
            close = para.find("”", i)
            if close < 0 and para.lstrip()[:1] in _OPEN:
                carry.end = p_end
                continue
            if close >= 0:
                carry.end = p_start + close
                carry.text = text[carry.start : carry.end]
                out.append(carry)
                carry = None
                i = close + 1
            else:
                out.append(carry)
                carry = None
        first_open = min((para.find(c) for c in _OPEN if c in para), default=-1)
        first_close = para.find("”")
        if first_close >= 0 and (first_open < 0 or first_close < first_open) and i == 0:
            # closing mark with no opening one: the quote runs from the paragraph's start
            out.append(
                Quote(
                    p_start,
                    p_start + first_close,
                    para[:first_close],
                    "direct",
                    paragraph=p_index,
                )
            )
            i = first_close + 1
        while i < len(para):
            opens = [(para.find(c, i), c) for c in _OPEN if para.find(c, i) >= 0]
            if not opens:
                break
            pos, mark = min(opens)
            closer = _CLOSE[mark]
            end = para.find(closer, pos + 1)
            if end < 0:  # mixed marks: “…" or "…”
                end = para.find('"' if mark == "“" else "”", pos + 1)
            if end < 0:
                if mark in "“«" or para.count('"') % 2:
                    carry = Quote(
                        p_start + pos + 1,
                        p_end,
                        text[p_start + pos + 1 : p_end],
                        "direct",
                        paragraph=p_index,
                    )
                break
            out.append(
                Quote(
                    p_start + pos + 1,
                    p_start + end,
                    para[pos + 1 : end],
                    "direct",
                    paragraph=p_index,
                )
            )
            i = end + 1
    if carry is not None:
        carry.text = text[carry.start : carry.end]
        out.append(carry)
    for q in out:
        lead = len(q.text) - len(q.text.lstrip())
        q.start += lead
        q.text = q.text.strip().rstrip(",")
        q.end = q.start + len(q.text)
    return [q for q in out if q.text and any(ch.isalpha() for ch in q.text)]


def _attribute(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        after = text[q.end + 1 : q.end + 120].split("\n")[0]
        after = after.lstrip('”"»’')
        m = _AFTER.search(after)
        if m:
            q.speaker = m.group("speaker") or m.group("speaker2")
            q.verb = m.group("verb") or m.group("verb2")
            continue
        m = _AFTER_APPOSITIVE.search(after)
        if m:
            q.speaker, q.verb = m.group("speaker"), m.group("verb")
            continue
        before_start = text.rfind("\n", 0, q.start) + 1
        before = text[max(before_start, q.start - 160) : q.start].rstrip('“"« ')
        m = _BEFORE.search(before + " ")
        if m is None:
            m = _BEFORE.search(before)
        if m:
            speaker = m.group("speaker") or m.group("acc")
            q.speaker, q.verb = speaker, (m.group("verb") or "according to")


def _classify(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        if (
            len(q.text.split()) <= 6
            and _TITLE_CASE.match(q.text)
            and q.text[:1].isupper()
            and " " in q.text
        ):
            q.kind = "title"
            continue
        before = text[max(0, q.start - 3) : q.start].rstrip('“"«')
        if (
            before
            and before[-1:].isalpha() is False
            and before.endswith(" ")
            and before.rstrip()[-1:].isalpha()
        ):
            q.kind = "partial"  # a fragment inside a sentence ("stands “squarely behind” his")
            continue
        if q.verb is not None:
            continue
        before = text[max(0, q.start - 3) : q.start].rstrip('“"«')
        embedded = (
            bool(before)
            and (before[-1:].isalnum() or before.endswith(" "))
            and not before.rstrip().endswith((".", ":", "?", "!"))
        )
        if len(q.text.split()) <= 4 or embedded:
            q.kind = "partial"


def _reported(text: str, quotes: list[Quote]) -> list[Quote]:
    """Sentences of reported speech that hold no direct quote."""
    taken = sorted((q.start, q.end) for q in quotes)
    taken_starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # the furthest end so far
    out = []
    for p_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        para = text[p_start:p_end]
        pending = ""
        offset = 0
        for m in _SENTENCE.finditer(para):
            sentence = m.group(0)
            if _ABBREV_END.search(sentence.rstrip()) and m.end() < len(para):
                pending += sentence
                continue
            sentence = pending + sentence
            s_start = p_start + m.end() - len(sentence)
            pending = ""
            offset = m.end()
            stripped = sentence.strip()
            if not stripped or any(c in stripped for c in '“”"'):
                continue
            start = s_start + (len(sentence) - len(sentence.lstrip()))
            end = start + len(stripped)
            k = bisect_left(taken_starts, end) - 1  # the quotes starting before the end
            if k >= 0 and reach[k] > start:
                continue  # overlaps a quote
            lead = _REPORTED_LEAD.match(stripped)
            tail = None if lead else _REPORTED_TAIL.match(stripped)
            if lead:
                out.append(
                    Quote(
                        start,
                        end,
                        stripped,
                        "indirect",
                        lead.group("who"),
                        lead.group("verb"),
                        p_index,
                    )
                )
            elif tail:
                out.append(
                    Quote(
                        start,
                        end,
                        stripped,
                        "indirect",
                        tail.group("speaker"),
                        tail.group("verb"),
                        p_index,
                    )
                )
        del offset
    return out


def extract_quotes(text: str) -> list[Quote]:
    """Direct, partial and indirect quotes of one article, in text order, speakers resolved."""
    quotes = _direct_quotes(text)
    _attribute(text, quotes)
    _classify(text, quotes)
    quotes = [q for q in quotes if q.kind != "title"]
    quotes = sorted(quotes + _reported(text, quotes), key=lambda q: q.start)
    resolve_speakers(text, quotes)
    return quotes


def _quote_rows(batch: tuple[list, list, list]) -> list[dict]:
    ids, sources, texts = batch
    rows = []
    for doc_id, source, text in zip(ids, sources, texts, strict=True):
        if not isinstance(text, str):
            continue
        for n, q in enumerate(extract_quotes(text), start=1):
            rows.append(
                {"doc_id": doc_id, "source": source if isinstance(source, str) else None,
                 "quote_id": n, "speaker": q.speaker, "verb": q.verb, "kind": q.kind,
                 "text": q.text, "start": q.start, "end": q.end}
            )  # fmt: skip
    return rows


def quotes_frame(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    speaker: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Every quote of every article: doc_id, source, quote_id, speaker, verb, kind, text, start,
    end. ``speaker`` keeps the quotes whose speaker contains it (case-insensitive): "Putin" finds
    "Vladimir Putin" and "President Vladimir Putin", and the pronouns resolved to them.
    ``progress`` is told the articles read (step ``quotes``; see :mod:`corpuscli.progress`)."""
    from corpuscli.engine.parallel import run_batches
    from corpuscli.progress import tracked

    def batches():  # type: ignore[no-untyped-def]
        for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
            ids = frame["doc_id"].tolist()
            sources = frame["source"].tolist() if "source" in frame.columns else [None] * len(frame)
            texts = frame["text"].tolist()
            for i in range(0, len(ids), 500):
                yield ids[i : i + 500], sources[i : i + 500], texts[i : i + 500]

    rows = []
    total = len(corpus) if isinstance(corpus, pd.DataFrame) else 0
    for part in tracked(
        lambda parts: run_batches(_quote_rows, parts, jobs=jobs), batches(), progress,
        step="quotes", total=total, size=lambda batch: len(batch[0]),
    ):  # fmt: skip
        rows.extend(part)
    out = pd.DataFrame(rows, columns=["doc_id", "source", *COLUMNS[1:]])
    if speaker:
        mask = out["speaker"].fillna("").str.contains(re.escape(speaker), case=False, regex=True)
        out = out[mask].reset_index(drop=True)
    return out
