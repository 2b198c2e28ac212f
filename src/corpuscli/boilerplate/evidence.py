"""Evidence for a block: weighted reasons a user can read, and the word and sentence shapes the
rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STRONG, MEDIUM, WEAK = 1.0, 0.6, 0.3

#: A block that ends like a sentence (closing quotes and brackets allowed after the stop).
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
#: A word: letters, with inner apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class Verdict:
    """Evidence for one block."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: float, reason: str) -> None:
        self.score += weight
        self.reasons.append(reason)
