"""Aligning the statements of two articles: which renderings report the same statement.

Every pair of statements (one of each article) is scored by a small logistic regression over
general features of the pair (:mod:`pair_features`: how much of their content words, numbers and
names they share both ways, weighted by rarity in the two articles; the longest run of words
they have in the same order; whether their speakers agree, differ or are unknown; quote or
reported speech; positions and lengths; how the pair ranks among each statement's other pairs).
Its weights were fitted on hand-aligned development pairs (:mod:`alignment_model`). A pair is
linked when its score reaches the model's threshold and is not far below the best score either
statement has; a statement rendered word for word on the other side is linked to that rendering
only (two identical articles align row for row). A one-word quote beside one of two words is not
one statement (a name or a scare quote both outlets wrote), nor is a term ("known as the “nuclear
option”") or a quote that the other side's quote cites in marks of its own; and a weaker partner that renders another sentence of
a statement's best partner (a long quote) reports another remark, not this one.

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

import bisect
from dataclasses import dataclass, field

from .alignment_model import Model, shipped_model
from .pair_features import NAMES, NEAR_SAME, StatementInfo, pair_features, statement_info
from .quoted_terms import cites, is_term
from .quotes import Quote
from .similarity import (
    Profile,
    Similarity,
    Weights,
    compare,
    content_senses,
    content_words,
    word_key,
)
from .statements import Sentence, sentences
from .worddiff import Op, Token, bag_diff, contained, folded, ratio, tokenize, word_diff

LABELS = ("same", "reworded", "split", "contained", "only in A", "only in B")

#: A run of this many words in the same order makes a fragment of a longer statement.
RUN = 5
#: Words a statement needs for its word-for-word rendering on the other side to be linked
#: whatever the model says: one word in quotation marks ("Today", "Progressivism") is a name or
#: a scare quote as often as a statement, and the model weighs it with the rest.
MIN_EXACT = 2
#: Words a statement needs for a one-word quote to be linked to it: "fake" inside "fake news" is
#: a word both outlets wrote, not a statement.
BESIDE_WORD = 3
#: Words a partial quote needs for its word-for-word place inside the other side's statement to
#: link the two whatever the model says ("will be vindicated"; two words, "very close", are a
#: phrase both outlets may write of their own).
CONTAINED = 3
#: Content words two statements that share too small a part of their words (the model's
#: ``own_overlap``) must have in common to be linked all the same: two long statements that
#: report the same points, each with much else around them (a list of proposals, an account
#: of who asked whom what).
MIN_SHARED = 6


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


@dataclass
class Candidates:
    """Every pair of statements of two articles, measured: their similarities, their features
    (:mod:`pair_features`), the pairs whose words are the same, and each statement's tokens."""

    sims: list[list[Similarity]]
    features: dict[tuple[int, int], list[float]]
    exact: set[tuple[int, int]]
    ta: list[list[Token]]
    tb: list[list[Token]]
    ia: list[StatementInfo] = field(default_factory=list)
    ib: list[StatementInfo] = field(default_factory=list)
    weights: Weights = field(default_factory=Weights)
    #: Pairs of which one statement is a term or the other's citation (:mod:`quoted_terms`).
    not_one: set[tuple[int, int]] = field(default_factory=set)


def candidates(a: list[Quote], b: list[Quote], a_text: str, b_text: str) -> Candidates:
    """Measure every pair of statements ``a`` (of ``a_text``) and ``b`` (of ``b_text``)."""
    sa, sb = sentences(a_text), sentences(b_text)
    weights = Weights.of([s.text for s in sa + sb])
    ia = [statement_info(q, a_text, weights, holding(sa, q, a_text)) for q in a]
    ib = [statement_info(q, b_text, weights, holding(sb, q, b_text)) for q in b]
    sims = [[compare(x.profile, y.profile, weights) for y in ib] for x in ia]
    ta = [tokenize(a_text, q.start, q.end) for q in a]
    tb = [tokenize(b_text, q.start, q.end) for q in b]
    fa = [folded(t) for t in ta]
    fb = [folded(t) for t in tb]
    exact = {
        (i, j)
        for i in range(len(a))
        for j in range(len(b))
        if sum(k[0].isalnum() for k in fa[i]) >= MIN_EXACT and fa[i] == fb[j]
    }
    features = pair_features(sims, a, b, ia, ib, exact)
    terms_a = {i for i, q in enumerate(a) if is_term(q, a_text)}
    terms_b = {j for j, q in enumerate(b) if is_term(q, b_text)}
    not_one = {
        (i, j)
        for i in range(len(a))
        for j in range(len(b))
        if i in terms_a or j in terms_b or cites(a[i], b[j]) or cites(b[j], a[i])
    }
    return Candidates(sims, features, exact, ta, tb, ia, ib, weights, not_one)


def holding(parts: list[Sentence], q: Quote, text: str) -> str:
    """The text of the sentences of ``text`` (``parts``, in order) that statement ``q`` overlaps:
    the statement with who said it and how."""
    starts = [p.start for p in parts]
    first = max(bisect.bisect_right(starts, q.start) - 1, 0)
    last = max(bisect.bisect_left(starts, q.end) - 1, first)
    if not parts:
        return q.text
    return text[min(parts[first].start, q.start) : max(parts[last].end, q.end)]


def choose(c: Candidates, model: Model) -> dict[tuple[int, int], Similarity]:
    """The links among the candidates: pairs whose probability reaches the model's threshold and
    at least ``relative`` times the best of either statement, whose own words overlap by the
    model's ``own_overlap`` at least or have ``MIN_SHARED`` content words in common (the words
    around them alone make two remarks of one speaker on one subject, not one statement), and
    that share a word beyond their speakers' names; and, whatever the model says, pairs that
    read the same word for word but for a word or two (``near_same``: a changed word is what a
    diff is for, and one negated or swapped word must not hide it) or of which the shorter, of
    ``CONTAINED`` words or more, stands word for word inside the other's quote (a partial quote
    of the sentence the other outlet quotes whole; not inside reported speech, where "unfair
    trade practices" or "a new deal" are the outlet's words for what someone else said). Never a one-word statement
    beside one of fewer than ``BESIDE_WORD`` words, nor a term or a quote the other statement
    cites (:mod:`quoted_terms`); a statement with a word-for-word rendering on the other side keeps that link
    only; two statements that each have a near word-for-word rendering of their own are not
    linked to each other (one remark said on two occasions); and one linked to a rendering by
    its own speaker loses its links to statements of another named speaker (an echo of its
    words by someone else, a question and its answer)."""
    prob = {key: model.probability(x) for key, x in c.features.items()}
    near = NAMES.index("near_same")
    whole = NAMES.index("fragment_whole")
    quoted = NAMES.index("both_quoted")
    sure = c.exact | {
        key
        for key, x in c.features.items()
        if x[near]
        or (x[whole] and x[quoted] and _contained_quote(c, *key) and key not in c.not_one)
    }
    top_a: dict[int, float] = {}
    top_b: dict[int, float] = {}
    for (i, j), p in prob.items():
        top_a[i] = max(top_a.get(i, 0.0), p)
        top_b[j] = max(top_b.get(j, 0.0), p)
    keys = [
        (i, j)
        for (i, j), p in prob.items()
        if (i, j) in sure
        or (
            p >= model.threshold
            and p >= model.relative * max(top_a[i], top_b[j])
            and (c.sims[i][j].overlap >= model.own_overlap or c.sims[i][j].shared >= MIN_SHARED)
        )
    ]
    # a one-word quote ("Today", "Progressivism", "fake") is a name or a scare quote that both
    # outlets wrote as often as a statement: it is linked only inside a statement of a few
    # words (not to "fake news"); a term ("known as the “nuclear option”") and a quote that the
    # other statement cites in quotation marks of its own (a reply quoting the remark) are not
    # linked at all; unless the sentences that hold the two are themselves one sentence (a
    # copied article)
    context = NAMES.index("sentence_dice")
    keys = [
        (i, j)
        for i, j in keys
        if c.features[(i, j)][context] >= NEAR_SAME
        or (long_enough(_words(c.ta[i]), _words(c.tb[j])) and (i, j) not in c.not_one)
    ]
    # a link needs words in common beyond the names of the two speakers ("Trump said …" and
    # "… Mr. Trump …" share who, not what)
    keys = [key for key in keys if key in sure or beyond_speakers(c, *key)]
    other = _other_remarks(c, keys, prob)
    keys = [key for key in keys if key in sure or key not in other]
    exact_a = {i for i, _ in c.exact}
    exact_b = {j for _, j in c.exact}
    keys = [(i, j) for i, j in keys if (i, j) in c.exact or (i not in exact_a and j not in exact_b)]
    # two statements that each have a near word-for-word rendering of their own on the other
    # side are not one statement: the same words said on two occasions (a first and a second
    # telling, each reported by both outlets)
    sure_a = {i for i, _ in sure}
    sure_b = {j for _, j in sure}
    keys = [(i, j) for i, j in keys if (i, j) in sure or not (i in sure_a and j in sure_b)]
    # a statement linked to a rendering by its own speaker is not also another speaker's words
    same, differs = NAMES.index("speaker_same"), NAMES.index("speaker_differs")
    own_a = {i for i, j in keys if c.features[(i, j)][same]}
    own_b = {j for i, j in keys if c.features[(i, j)][same]}
    return {
        (i, j): c.sims[i][j]
        for i, j in sorted(keys)
        if (i, j) in sure or not (c.features[(i, j)][differs] and (i in own_a or j in own_b))
    }


def _other_remarks(
    c: Candidates, keys: list[tuple[int, int]], prob: dict[tuple[int, int], float]
) -> set[tuple[int, int]]:
    """Links of a statement that render another remark of its best partner's: when a statement
    is linked to several on the other side and the best of them (by probability) is a quote of
    several sentences, a weaker partner that is closest to another sentence of that quote than
    the one the statement renders, and closer to it than to the statement, reports that other
    remark (a lead's summary of a speaker's first point, against the other outlet's rendering
    of the speaker's last: one speaker's two remarks on one subject). A partner that overlaps the
    best one (a quote inside it) stays."""
    out: set[tuple[int, int]] = set()
    for mine, theirs, toks, flip in ((c.ib, c.ia, c.ta, False), (c.ia, c.ib, c.tb, True)):
        partners: dict[int, list[int]] = {}
        for i, j in keys:
            k, m = (i, j) if flip else (j, i)
            partners.setdefault(k, []).append(m)
        for k, ms in partners.items():
            if len(ms) < 2:
                continue
            best = max(ms, key=lambda m: (prob[(k, m) if flip else (m, k)], -m))
            parts = theirs[best].profile.parts
            if len(parts) < 2:
                continue
            own = [compare(mine[k].profile, q, c.weights).dice for q in parts]
            top = max(own)
            for m in ms:
                if m == best or _inside(toks[m], toks[best]):
                    continue
                key = (k, m) if flip else (m, k)
                part, dice = _closest(theirs[m].profile, parts, c.weights)
                if dice > c.sims[key[0]][key[1]].dice and own[part] < top / 2:
                    out.add(key)
    return out


def _contained_quote(c: Candidates, i: int, j: int) -> bool:
    """Whether the shorter of statements ``i`` of A and ``j`` of B is a quote of at least
    ``CONTAINED`` words found word for word, in order, inside the other: one outlet's partial
    quote ("will be vindicated") of the sentence the other quotes whole."""
    short = min(len(c.ia[i].profile.words), len(c.ib[j].profile.words))
    return short >= CONTAINED and c.sims[i][j].run >= short


def beyond_speakers(c: Candidates, i: int, j: int) -> bool:
    """Whether statements ``i`` of A and ``j`` of B share a content word that is not a word of
    their speakers' names."""
    names = set(content_senses(" ".join(sorted(c.ia[i].speaker | c.ib[j].speaker))))
    return bool((c.ia[i].profile.content & c.ib[j].profile.content) - names)


def _inside(x: list[Token], y: list[Token]) -> bool:
    """Whether the statement of tokens ``x`` overlaps that of ``y`` in the text (a quote inside a
    reported statement)."""
    return bool(x and y) and x[0].start < y[-1].end and y[0].start < x[-1].end


def _closest(p: Profile, parts: tuple[Profile, ...], weights: Weights) -> tuple[int, float]:
    """The sentence of ``parts`` whose content words overlap ``p``'s most, and that overlap."""
    scores = [compare(p, q, weights).dice for q in parts]
    top = max(range(len(scores)), key=lambda n: (scores[n], -n))
    return top, scores[top]


def long_enough(x: int, y: int) -> bool:
    """Whether statements of ``x`` and ``y`` words may be one statement: not two one-word
    quotes, and a one-word quote only beside a statement of ``BESIDE_WORD`` words or more."""
    return max(x, y) >= (BESIDE_WORD if min(x, y) <= 1 else MIN_EXACT)


def _words(tokens: list[Token]) -> int:
    """How many words (not marks) ``tokens`` hold."""
    return sum(t.key[:1].isalnum() for t in tokens)


def align(
    a: list[Quote], b: list[Quote], a_text: str, b_text: str, model: Model | None = None
) -> tuple[list[Row], dict[tuple[int, int], Similarity]]:
    """The rows of a diff of statements ``a`` (of ``a_text``) and ``b`` (of ``b_text``), in
    reading order: A's order, with B's unaligned statements placed before the first row that
    aligns a later statement of B. Also returns the links found, by statement indices. The
    links are chosen by ``model`` (the shipped one by default)."""
    c = candidates(a, b, a_text, b_text)
    links = choose(c, model or shipped_model())
    return rows_of(links, a, b, a_text, b_text, c), links


def rows_of(
    links: dict[tuple[int, int], Similarity],
    a: list[Quote],
    b: list[Quote],
    a_text: str,
    b_text: str,
    c: Candidates,
) -> list[Row]:
    """The rows of a diff for the links chosen, labelled and diffed word by word."""
    ta, tb = c.ta, c.tb
    groups = _group(links, a, b)
    rows: list[tuple[tuple[int, int], Row]] = []
    for ia, ib in groups:
        toks_a = [t for i in ia for t in ta[i]]
        toks_b = [t for j in ib for t in tb[j]]
        best = max(
            (links[(i, j)] for i in ia for j in ib if (i, j) in links), key=lambda s: s.score
        )
        sim = ratio(toks_a, toks_b)
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
            sim = min(shared_share(ops, len(toks_a), len(toks_b)), 0.99)
        else:
            ops = word_diff(toks_a, toks_b, a_text, b_text)
        row = Row(label, round(sim, 4), qa, qb, ops, best, fa, fb)
        rows.append(((min(ia), min(ib)), row))
    return _order(rows, a, b)


def shared_share(ops: list[Op], len_a: int, len_b: int) -> float:
    """The share of the tokens shown that the diff marks as shared (2 x equal / all): a row's
    similarity as its marks show it, so that a row mostly struck through never reads 0.99."""
    equal = sum(op.a[1] - op.a[0] for op in ops if op.op == "equal")
    return round(2 * equal / max(len_a + len_b, 1), 4)


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
    inside it, not overlapping one another, within a few paragraphs of each other (the largest
    such group: a far partner does not undo the split of the near ones)."""
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
    # the most fragments within a few paragraphs of one another: a far one (the same words in
    # another remark) stays a link of its own and does not undo the split
    best: list[int] = []
    for k, j in enumerate(parts):
        near = [m for m in parts[k:] if other[m].paragraph - other[j].paragraph <= 2]
        if len(near) > len(best):
            best = near
    return best if len(best) >= 2 else []


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
