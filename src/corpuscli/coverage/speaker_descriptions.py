"""Who "the official" is when the article never names them: the unnamed speaker it introduced
before with the same head noun ("“…,” a Turkish official told Reuters. … “…,” said the
official"; "a Turkish security official said … ¶ “…,” the security official said").

A definite description ("the official", "the security official") takes the nearest speaker
before it described by an indefinite one ("a Turkish official", "an aide to the president",
"one official") whose head noun is its own and whose words include all of its modifiers. With no
such speaker, the description is left to the rules that look for a name
(:mod:`corpuscli.coverage.speaker_names`, :mod:`corpuscli.coverage.speakers`).
"""

from __future__ import annotations

import re

from .quote_patterns import Quote

_DEFINITE = re.compile(r"^[Tt]he\s+((?:[\w-]+\s+){0,3})([\w-]+)$")
_INDEFINITE = re.compile(r"^(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\w.’'-]+\s+){0,4})([\w-]+)$")


def _head(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def resolve_definite(quotes: list[Quote]) -> None:
    """Give each quote said by a definite description the unnamed speaker an indefinite one
    introduced before (see the module docstring)."""
    introduced: list[tuple[str, set[str], str]] = []  # (head, modifiers, speaker) in text order
    for q in sorted(quotes, key=lambda q: q.start):
        if not q.speaker or q.speaker_source != "description":
            continue
        definite = _DEFINITE.match(q.speaker)
        if definite is not None and introduced:
            head = _head(definite.group(2))
            mods = {w.lower() for w in definite.group(1).split()}
            for their_head, their_mods, speaker in reversed(introduced):
                if their_head == head and mods <= their_mods:
                    q.speaker = speaker
                    break
            continue
        indefinite = _INDEFINITE.match(q.speaker)
        if indefinite is not None:
            mods = {w.lower() for w in indefinite.group(1).split()}
            introduced.append((_head(indefinite.group(2)), mods, q.speaker))
