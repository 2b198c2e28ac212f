"""The scorer that decides which statements of two articles render the same statement.

A logistic regression over the features of :mod:`pair_features`: the probability that a pair of
statements is one statement reported twice is ``1 / (1 + exp(-(intercept + coef · z)))``, where
``z`` is each feature standardised by the mean and scale it had when fitted. A pair is linked when
its probability reaches ``threshold`` and is at least ``relative`` times the best probability
either of its statements has with any statement (a far weaker link of a statement that has a
strong one is another remark on the same subject). Whatever the probability, a pair is linked only
when its own words overlap by at least ``own_overlap`` (the larger of their weighted Dice and the
share of the smaller found in the larger): the words around two statements (one speaker, one
paragraph's subject) make the probability of two remarks on one subject as high as that of one
remark reworded, and only the statements' own words tell them apart.

The numbers live in ``data/alignment_model.json``; they were fitted on hand-aligned article pairs
of the development split only, and chosen by leave-one-pair-out cross-validation
(``benchmarks/fit_alignment.py`` writes the file and says how).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from corpuscli.errors import CorpusError

from .pair_features import NAMES


@dataclass(frozen=True)
class Model:
    """Coefficients over standardised features (``names``, some or all of those
    :mod:`pair_features` computes), and the decision's three cut-offs."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    relative: float
    own_overlap: float = 0.0

    @cached_property
    def index(self) -> tuple[int, ...]:
        """Where each of the model's features is among ``pair_features.NAMES``."""
        return tuple(NAMES.index(n) for n in self.names)

    def probability(self, x: Sequence[float]) -> float:
        """The probability that the pair with features ``x`` (all of ``pair_features.NAMES``, in
        that order; the model reads those it was fitted on) is linked."""
        z = self.intercept
        for k, m, s, c in zip(self.index, self.mean, self.scale, self.coef, strict=True):
            z += c * (x[k] - m) / s
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_json(self) -> dict[str, object]:
        return {"features": list(self.names), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept,
                "threshold": self.threshold, "relative": self.relative,
                "own_overlap": self.own_overlap}  # fmt: skip

    @classmethod
    def of(cls, data: dict) -> Model:  # type: ignore[type-arg]
        names = tuple(data["features"])
        if not set(names) <= set(NAMES):
            raise CorpusError(
                "the alignment model was fitted on other features than this version computes"
            )
        return cls(names, tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                   float(data["intercept"]), float(data["threshold"]), float(data["relative"]),
                   float(data.get("own_overlap", 0.0)))  # fmt: skip


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model shipped in ``data/alignment_model.json``."""
    text = resources.files("corpuscli").joinpath("data/alignment_model.json").read_text("utf-8")
    return Model.of(json.loads(text))
