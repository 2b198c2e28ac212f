"""Aligning the statements of two articles: which renderings report the same statement.

Two statements are **linked** when (see :mod:`similarity` for the measures)

- one has, word for word, a run of at least ``RUN`` words of the other, or a quoted fragment is
  found whole in the other (a partial quote "a politically driven vendetta" inside the full quote);
- their weighted content words overlap (Dice) by at least ``DICE``; or
- the smaller one's weighted content words are mostly (``COVER``) in the larger one, with enough
  weight of words shared (``MIN_SHARED``) that a coincidence of two common words does not count.

A statement may be linked to several on the other side: an outlet may report one statement as a
lead paraphrase and again as a quote, and another may split it into two quotes. The links are
then grouped into rows, each labelled so that the label agrees with the words:

- ``same``: the two read the same after folding case, quote marks, dashes and spaces (similarity
  1.00, and only then: otherwise the similarity is the larger of their word-for-word likeness and
  their weighted content-word overlap, at most 0.99);
- ``contained``: the shorter one is, word for word, part of the longer one;
- ``split``: one statement on one side, two or more fragments of it on the other;
- ``reworded``: anything else that was linked;
- ``only in A`` / ``only in B``: statements linked to nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .quotes import Quote
from .similarity import Profile, Similarity, Weights, compare, content_words, word_key
from .statements import sentences
from .worddiff import Op, bag_diff, contained, ratio, tokenize, word_diff

LABELS = ("same", "reworded", "split", "contained", "only in A", "only in B")

#: A run of this many words in the same order links two statements.
RUN = 5
#: A link by overlap alone is dropped when weaker than this share of either statement's best.
WEAKER = 0.5
#: Word-for-word likeness (stopwords included) that links two statements of three words or more.
WORDING = 0.75
#: Weighted Dice overlap of content words that links two statements ...
DICE = 0.45
#: ... or two statements that are each other's closest (one may be the other's second closest).
BEST_DICE = 0.3
#: ... with at least this many content words shared (two could be the story's own: "war", "Obama").
MIN_WORDS = 3
#: Weighted share of the smaller statement's content words found in the larger one ...
COVER = 0.6
#: ... with at least this much weight shared (about two rare words, or four common ones).
MIN_SHARED = 5.0


@dataclass
class Row:
    """One line of a diff: the statements of A and of B it aligns (one side empty for ``only
    in``), its label, the similarity of the texts compared (1.0 only for ``same``), the measures
    that linked them, and the word-level differences of the parts compared (``a_focus``,
    ``b_focus``: the spans of each article's text that were diffed — for a reworded statement of
    several sentences, the sentences that report what the other side has)."""

    label: str
    similarity: float
    a: list[Quote] = field(default_factory=list)
    b: list[Quote] = field(default_factory=list)
    ops: list[Op] = field(default_factory=list)
    link: Similarity | None = None
    a_focus: list[tuple[int, int]] = field(default_factory=list)
    b_focus: list[tuple[int, int]] = field(default_factory=list)


def linked(s: Similarity, x: Profile, y: Profile, qx: Quote, qy: Quote, best: bool) -> str | None:
    """Whether two statements report the same thing (the module docstring's rules): "verbatim"
    (the same words), "overlap" (shared content words), or None; ``best`` says whether each is
    the other's closest statement (by ``dice``), or nearly."""
    if s.run >= RUN or (s.wording >= WORDING and min(len(x.words), len(y.words)) >= 3):
        return "verbatim"
    for q, p in ((qx, x), (qy, y)):
        if q.kind == "partial" and p.words and s.run == len(p.words) and s.shared >= 1:
            return "verbatim"  # a quoted fragment found whole in the other statement
    if s.dice >= DICE and s.shared >= MIN_WORDS:
        return "overlap"
    if same_speaker(qx.speaker, qy.speaker) is False:
        return None  # weaker evidence does not outweigh two different named speakers
    if best and s.dice >= BEST_DICE and s.shared >= MIN_WORDS:
        return "overlap"
    if s.cover >= COVER and s.shared_weight >= MIN_SHARED:
        return "overlap"
    return None


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    text = resources.files("corpuscli").joinpath("data/speaker_titles.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


_NAME_WORD = re.compile(r"\b[A-Z][\w'’.-]*")


def _names(speaker: str | None) -> frozenset[str]:
    if not speaker:
        return frozenset()
    titles = _titles()
    out = set()
    for w in _NAME_WORD.findall(speaker):
        key = w.lower().replace("’", "'").removesuffix("'s").rstrip(".")
        if key not in titles and key.rstrip(".") not in titles and len(key) > 1:
            out.add(key)
    return frozenset(out)


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """Whether two speakers are one person: True when their names share a word ("Sen. Arlen
    Specter", "Mr. Specter"), False when both are named and share none, None when either is a
    pronoun, a description or unknown."""
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return None
    return bool(na & nb)


def align(
    a: list[Quote], b: list[Quote], a_text: str, b_text: str
) -> tuple[list[Row], dict[tuple[int, int], Similarity]]:
    """The rows of a diff of statements ``a`` (of ``a_text``) and ``b`` (of ``b_text``), in
    reading order: A's order, with B's unaligned statements placed before the first row that
    aligns a later statement of B. Also returns the links found, by statement indices."""
    weights = Weights.of([s.text for s in sentences(a_text) + sentences(b_text)])
    pa = [Profile.of(q.text) for q in a]
    pb = [Profile.of(q.text) for q in b]
    sims = [[compare(x, y, weights) for y in pb] for x in pa]
    rank_a = [_ranks([s.dice for s in row]) for row in sims]
    rank_b = [_ranks([sims[i][j].dice for i in range(len(a))]) for j in range(len(b))]
    kinds: dict[tuple[int, int], str] = {}
    for i, x in enumerate(pa):
        for j, y in enumerate(pb):
            mutual = min(rank_a[i][j], rank_b[j][i]) == 0 and max(rank_a[i][j], rank_b[j][i]) <= 1
            kind = linked(sims[i][j], x, y, a[i], b[j], mutual)
            if kind:
                kinds[(i, j)] = kind
    # a link by overlap alone far weaker than a statement's best link is another statement on
    # the same subject (in two identical articles, every statement's best is itself)
    top_a: dict[int, float] = {}
    top_b: dict[int, float] = {}
    for i, j in kinds:
        top_a[i] = max(top_a.get(i, 0.0), sims[i][j].dice)
        top_b[j] = max(top_b.get(j, 0.0), sims[i][j].dice)
    links = {
        (i, j): sims[i][j]
        for (i, j), kind in kinds.items()
        if kind == "verbatim" or sims[i][j].dice >= WEAKER * max(top_a[i], top_b[j])
    }
    ta = [tokenize(a_text, q.start, q.end) for q in a]
    tb = [tokenize(b_text, q.start, q.end) for q in b]
    # a statement rendered word for word on the other side is that statement: its other links
    # are to other statements on the same subject (two identical articles align row for row)
    exact = {(i, j) for (i, j) in links if ratio(ta[i], tb[j]) == 1.0}
    exact_a = {i for i, _ in exact}
    exact_b = {j for _, j in exact}
    links = {
        (i, j): sim
        for (i, j), sim in links.items()
        if (i, j) in exact or (i not in exact_a and j not in exact_b)
    }
    groups = _group(links, a, b)
    rows: list[tuple[tuple[int, int], Row]] = []
    for ia, ib in groups:
        toks_a = [t for i in ia for t in ta[i]]
        toks_b = [t for j in ib for t in tb[j]]
        best = max(
            (links[(i, j)] for i in ia for j in ib if (i, j) in links), key=lambda s: s.score
        )
        sim = ratio(toks_a, toks_b)
        if sim < 1.0:
            sim = min(max(sim, best.dice), 0.99)
        if len(ia) > 1 or len(ib) > 1:
            label = "split"
        elif sim == 1.0:
            label = "same"
        elif contained(toks_a, toks_b) or contained(toks_b, toks_a):
            label = "contained"
        else:
            label = "reworded"
        qa, qb = [a[i] for i in ia], [b[j] for j in ib]
        fa = [(q.start, q.end) for q in qa]
        fb = [(q.start, q.end) for q in qb]
        if label in ("reworded", "split"):
            fa = focus(qa, a_text, qb)
            fb = focus(qb, b_text, qa)
            toks_a = [t for s, e in fa for t in tokenize(a_text, s, e)]
            toks_b = [t for s, e in fb for t in tokenize(b_text, s, e)]
            ops = bag_diff(toks_a, toks_b, a_text, b_text, word_key)
        else:
            ops = word_diff(toks_a, toks_b, a_text, b_text)
        row = Row(label, round(sim, 4), qa, qb, ops, best, fa, fb)
        rows.append(((min(ia), min(ib)), row))
    return _order(rows, a, b), links


def focus(mine: list[Quote], text: str, other: list[Quote]) -> list[tuple[int, int]]:
    """The spans of ``mine`` that report what ``other`` says: of a statement of several
    sentences, the run of sentences from the first to the last that share at least half as many
    content words with ``other`` as the best one does; a one-sentence statement whole."""
    other_words: set[str] = set()
    for q in other:
        other_words |= set(content_words(q.text))
    out = []
    for q in mine:
        parts = sentences(text[q.start : q.end])
        if len(parts) <= 1:
            out.append((q.start, q.end))
            continue
        overlap = [len(set(content_words(p.text)) & other_words) for p in parts]
        top = max(overlap)
        hits = [k for k, n in enumerate(overlap) if top and n >= max(1, top / 2)]
        if not hits:
            out.append((q.start, q.end))
            continue
        out.append((q.start + parts[hits[0]].start, q.start + parts[hits[-1]].end))
    return out


def _ranks(values: list[float]) -> list[int]:
    """Each value's place from the largest (0), ties sharing the better place."""
    ordered = sorted(values, reverse=True)
    first: dict[float, int] = {}
    for k, v in enumerate(ordered):
        first.setdefault(v, k)
    return [first[v] for v in values]


def _group(
    links: dict[tuple[int, int], Similarity], a: list[Quote], b: list[Quote]
) -> list[tuple[list[int], list[int]]]:
    """Rows of linked statements: a statement with two or more fragments of it on the other
    side is one ``split`` row; every other link is a row of its own."""
    partners: dict[str, dict[int, list[int]]] = {"a": {}, "b": {}}
    for i, j in sorted(links):
        partners["a"].setdefault(i, []).append(j)
        partners["b"].setdefault(j, []).append(i)
    out: list[tuple[list[int], list[int]]] = []
    done: set[tuple[int, int]] = set()
    for side, own, other in (("a", a, b), ("b", b, a)):
        for i, mine in sorted(partners[side].items()):
            parts = _fragments(i, mine, own, other, links, side)
            pairs = {((i, j) if side == "a" else (j, i)) for j in parts}
            if len(parts) < 2 or pairs & done:
                continue
            done |= pairs
            out.append(([i], parts) if side == "a" else (parts, [i]))
    out += [([i], [j]) for i, j in sorted(links) if (i, j) not in done]
    return out


def _fragments(
    i: int,
    partners: list[int],
    own: list[Quote],
    other: list[Quote],
    links: dict[tuple[int, int], Similarity],
    side: str,
) -> list[int]:
    """The partners of statement ``i`` that are fragments of it: each shorter than it, mostly
    inside it, not overlapping one another, within a few paragraphs of each other."""
    if len(partners) < 2:
        return []
    parts = []
    for j in partners:
        s = links[(i, j) if side == "a" else (j, i)]
        if len(other[j].text) < len(own[i].text) and (s.cover >= 0.7 or s.run >= RUN):
            parts.append(j)
    parts = [
        j for k, j in enumerate(parts) if not any(_overlap(other[j], other[m]) for m in parts[:k])
    ]
    if len(parts) < 2 or other[parts[-1]].paragraph - other[parts[0]].paragraph > 2:
        return []
    return parts


def _overlap(x: Quote, y: Quote) -> bool:
    return x.start < y.end and y.start < x.end


def _order(rows: list[tuple[tuple[int, int], Row]], a: list[Quote], b: list[Quote]) -> list[Row]:
    aligned_a = {id(q) for _, r in rows for q in r.a}
    aligned_b = {id(q) for _, r in rows for q in r.b}
    out: list[Row] = []
    b_done: set[int] = set()
    by_a: dict[int, list[tuple[int, Row]]] = {}
    for (i, j), row in sorted(rows, key=lambda t: t[0]):
        by_a.setdefault(i, []).append((j, row))
    for i, q in enumerate(a):
        if i not in by_a:
            if id(q) not in aligned_a:
                out.append(Row("only in A", 0.0, [q], []))
            continue
        for j, row in by_a[i]:
            for k in range(j):
                if k not in b_done and id(b[k]) not in aligned_b:
                    out.append(Row("only in B", 0.0, [], [b[k]]))
                    b_done.add(k)
            out.append(row)
    for k, q in enumerate(b):
        if k not in b_done and id(q) not in aligned_b:
            out.append(Row("only in B", 0.0, [], [q]))
    return out
