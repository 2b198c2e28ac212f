"""Does evidence of meaning from word vectors help statement alignment? A study, not shipped.

    python benchmarks/build_word_vectors.py --out VECTORS.npz
    python benchmarks/study_word_vectors.py VECTORS.npz [--floor 0.45] [--level own|sentence]

Issue #16's alignment misses are mostly paraphrases whose words overlap by less than half ("the
bill is dead on arrival" / "the Senate will not take up the bill"). This adds three features to
every candidate pair of statements: how near in meaning the two statements' content words are,
by the word vectors of ``build_word_vectors.py`` (a weighted Dice overlap and cover where a word
the other lacks counts by its nearest word there, in proportion to how far their cosine rises
above ``--floor``; and the share of the unshared words so explained), of the statements' own
words or (``--level sentence``) of the sentences that hold them.

It fits the scorer (benchmarks/fit_alignment.py's regression, penalty 100, relative 0.35) on the
dev pairs not held aside (bench_alignment.held_aside), with and without those features, chooses
the cut-offs on that half by F0.5, and scores both on the held-aside half (dev and dev2 pairs of
an odd first SHA-256 byte of the event id, and dev3b). It also gives, among candidate pairs of
one speaker whose own words overlap by less than 0.5 (where the paraphrases are), how well each
feature alone ranks the true pairs above the others (AUC).

Result (2026-12-07, see docs/benchmarks.md): no gain on the held-aside half; the features were
not shipped.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from _harness import REPO, corpora_dir

sys.path.insert(0, str(REPO / "src"))

import corpuscli.coverage.pair_features as pair_features

EXTRA = ("meaning_dice", "meaning_cover", "meaning_rest")
# the new features take the last three columns: the modules that read features by name must
# see them, so the names are extended before those are imported
pair_features.NAMES = (*pair_features.NAMES, *EXTRA)

import fit_alignment as F  # noqa: E402
from bench_alignment import score_pair  # noqa: E402

FLOOR = 0.45


@dataclass(frozen=True)
class Vectors:
    """Unit vectors of content-word stems: ``index[word]`` is the word's row of ``matrix``."""

    index: Mapping[str, int]
    matrix: np.ndarray

    def rows(self, words: Iterable[str]) -> dict[str, int]:
        return {w: self.index[w] for w in words if w in self.index}

    @classmethod
    def load(cls, path: str) -> Vectors:
        with np.load(path, allow_pickle=False) as npz:
            words = str(npz["words"]).split("\n")
            matrix = npz["vectors"].astype(np.float32) / 127.0
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-6)
        return cls({w: k for k, w in enumerate(words)}, matrix)


VECTORS: Vectors | None = None


def vectors() -> Vectors:
    assert VECTORS is not None
    return VECTORS


class Meaning:
    """The cosines between every content word of one article's statements and every content
    word of the other's, computed at once; :meth:`overlap` reads them for one pair."""

    def __init__(self, words_a: Iterable[str], words_b: Iterable[str]) -> None:
        v = vectors()
        rows_a = v.rows(sorted(set(words_a)))
        rows_b = v.rows(sorted(set(words_b)))
        self.col_a = {w: k for k, w in enumerate(rows_a)}
        self.col_b = {w: k for k, w in enumerate(rows_b)}
        left = v.matrix[list(rows_a.values())]
        right = v.matrix[list(rows_b.values())]
        self.cos = left @ right.T

    def _near(self, mine: list[int], theirs: list[int], a_side: bool) -> list[float]:
        """For each word of ``mine`` (rows of side A when ``a_side``), how near in meaning it
        is to the nearest of ``theirs`` (the other side's), from 0 (no closer than ``FLOOR``)
        to 1."""
        if not mine or not theirs:
            return [0.0] * len(mine)
        sub = self.cos[np.ix_(mine, theirs)] if a_side else self.cos[np.ix_(theirs, mine)].T
        best = sub.max(axis=1)
        return [max(0.0, (float(x) - FLOOR) / (1 - FLOOR)) for x in best]

    def overlap(self, a: Mapping[str, float], b: Mapping[str, float]) -> tuple[float, float, float]:
        """How near in meaning two statements' content words are (``a``, ``b``: each word's
        weight): their weighted Dice overlap and cover (share of the lighter side found in the
        other) where a word the other lacks counts by its nearness in meaning to the nearest of
        the other's; and the weighted share of the words they do not share that are near in
        meaning to the other's (what a rewording explains of its new words)."""
        wa, wb = math.fsum(a.values()), math.fsum(b.values())
        if wa + wb == 0:
            return 0.0, 0.0, 0.0
        hits, extra, rest = [], [], []
        for mine, theirs, cols, other_cols, a_side in (
            (a, b, self.col_a, self.col_b, True),
            (b, a, self.col_b, self.col_a, False),
        ):
            lacking = [w for w in mine if w not in theirs and w in cols]
            near = self._near(
                [cols[w] for w in lacking],
                [other_cols[w] for w in theirs if w in other_cols],
                a_side,
            )
            gained = math.fsum(mine[word] * n for word, n in zip(lacking, near, strict=True))
            hits.append(math.fsum(w for word, w in mine.items() if word in theirs) + gained)
            extra.append(gained)
            rest.append(math.fsum(w for word, w in mine.items() if word not in theirs))
        dice = (hits[0] + hits[1]) / (wa + wb)
        cover = hits[0] / wa if wa <= wb and wa > 0 else hits[1] / wb if wb > 0 else 0.0
        explained = (extra[0] + extra[1]) / (rest[0] + rest[1]) if rest[0] + rest[1] > 0 else 0.0
        return dice, cover, explained


def with_meaning(level: str):  # type: ignore[no-untyped-def]
    """fit_alignment's ``candidates`` with the three features of meaning appended to each row."""
    real = F.candidates

    def candidates(a, b, a_text, b_text):  # type: ignore[no-untyped-def]
        c = real(a, b, a_text, b_text)
        words = (lambda x: x.weights) if level == "own" else (lambda x: x.sentence)
        m = Meaning((w for x in c.ia for w in words(x)), (w for x in c.ib for w in words(x)))
        for (i, j), row in c.features.items():
            row.extend(m.overlap(words(c.ia[i]), words(c.ib[j])))
        return c

    return candidates


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def evaluate(fit: list, held: list, used: tuple[str, ...], label: str) -> None:  # type: ignore[type-arg]
    names = pair_features.NAMES
    F.USED = tuple(n for n in names if n in used)
    cols = [names.index(n) for n in F.USED]
    fitted = F.fit(
        np.vstack([p.x[:, cols] for p in fit]), np.concatenate([p.y for p in fit]), 100.0
    )
    best = None
    for threshold, own in itertools.product(F.THRESHOLDS, F.OWN_OVERLAPS):
        model = F.model_of(fitted, threshold, 0.35, own)
        t = F.totals([score_pair(p.label, F.links_of(p, model)) for p in fit])
        if best is None or t["fbeta"] > best[0] + 1e-9:
            best = (t["fbeta"], model)
    assert best is not None
    model = best[1]
    t = F.totals([score_pair(p.label, F.links_of(p, model)) for p in held])
    print(f"{label}: threshold {model.threshold:g}, own overlap {model.own_overlap:g}; held aside "
          f"recall {t['recall']:.3f} ({int(t['found'])}/{int(t['true'])}), precision "
          f"{t['precision']:.3f} ({int(t['right'])}/{int(t['links'])})")  # fmt: skip


def main() -> None:
    global VECTORS, FLOOR
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vectors", help="the .npz build_word_vectors.py wrote")
    parser.add_argument("--corpora")
    parser.add_argument("--floor", type=float, default=FLOOR)
    parser.add_argument("--level", choices=("own", "sentence"), default="own")
    args = parser.parse_args()
    VECTORS, FLOOR = Vectors.load(args.vectors), args.floor
    F.candidates = with_meaning(args.level)
    corpora = corpora_dir(args.corpora)
    fit, held = F.dev_pairs(corpora, "fit"), F.dev_pairs(corpora, "held")
    names = pair_features.NAMES
    x = np.vstack([p.x for p in fit])
    y = np.concatenate([p.y for p in fit])
    overlap = np.maximum(x[:, names.index("dice")], x[:, names.index("cover")])
    hard = (overlap < 0.5) & (x[:, names.index("speaker_same")] == 1)
    print(f"fit half: {len(fit)} pairs; one speaker, own overlap < 0.5: "
          f"{int((hard & (y == 1)).sum())} true, {int((hard & (y == 0)).sum())} not; AUC:")  # fmt: skip
    for name in (*EXTRA, "dice", "cover", "soft_dice", "sentence_dice"):
        k = names.index(name)
        print(f"  {name:15s} {auc(x[hard & (y == 1), k], x[hard & (y == 0), k]):.3f}")
    base = tuple(n for n in F.USED if n not in EXTRA)
    evaluate(fit, held, base, "without meaning")
    evaluate(fit, held, (*base, *EXTRA), f"with meaning ({args.level}, floor {FLOOR:g})")


if __name__ == "__main__":
    main()
