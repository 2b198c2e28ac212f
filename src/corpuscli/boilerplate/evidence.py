"""Evidence for a block: weighted reasons a user can read, each naming the family of furniture it
points to, and the word and sentence shapes the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STRONG, MEDIUM, WEAK = 1.0, 0.6, 0.3

#: The families of boilerplate a removal is named by (``--explain``'s ``family`` column): the
#: labelling guide's (benchmarks/labels/boilerplate_guide.md), plus "repeated" (a line an outlet
#: repeats across its articles, of no other family) and "outside_story" (page mode: outside the
#: page's main text).
FAMILIES = (
    "video_gallery", "teaser", "social", "credit", "bio", "embed", "caption", "data_widget",
    "newsletter_donation", "navigation", "legal", "other", "repeated", "outside_story",
)  # fmt: skip

#: A block that ends like a sentence (closing quotes and brackets allowed after the stop).
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)」』]*$")
#: A word: letters, with inner apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(slots=True)
class Verdict:
    """Evidence for one block: the sum of the weights, the reasons, and the family of the
    heaviest evidence for boilerplate (the first of equals)."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    family: str = ""
    _weight: float = 0.0

    def add(self, weight: float, reason: str, family: str = "") -> None:
        self.score += weight
        self.reasons.append(reason)
        if family and weight > self._weight:
            self.family, self._weight = family, weight

    @property
    def boilerplate(self) -> bool:
        return self.score >= STRONG
