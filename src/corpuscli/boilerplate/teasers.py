"""Related-link teasers the single-block rules of :mod:`.rules` miss, by their shape:

- **closed**: a headline closed by a teaser's closer ("<headline> Read more", "… Continue
  reading", "… →"; data/boilerplate/teaser_closers.txt), however long the headline (25 words at
  most, no final full stop);
- **bare label**: a label glued to a headline in title case with no colon ("Related NPR Stories
  <Headline>", "More on Election 2016"; bare_teaser_labels.txt);
- **sourced list**: two or more lines in a row, each a headline followed by its source in
  brackets ("Obamacare is doomed. Now what? (Milwaukee Journal Sentinel)"), with the short
  heading right above them ("Around the Aftermath").

A block that quotes someone by name, or that goes on from a block ending in a colon (a list the
story introduces), is left alone."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .evidence import STRONG, Verdict
from .shapes import Shape, headline_shaped
from .vocabulary import lexicon

#: A headline's source in brackets at its end: "(Milwaukee Journal Sentinel)", "(USA TODAY)".
_SOURCE_TAIL = re.compile(r"\((?:[A-Z][\w.&'’-]*\s?){1,5}\)$")
_CAPITALISED = re.compile(r"^[‘“'\"]?[A-Z0-9]")


@cache
def closers() -> tuple[str, ...]:
    """Teaser closers (data/boilerplate/teaser_closers.txt), lower-cased, longest first."""
    text = (
        resources.files("corpuscli")
        .joinpath("data/boilerplate/teaser_closers.txt")
        .read_text("utf-8")
    )
    found = {
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }
    return tuple(sorted(found, key=len, reverse=True))


def closed_teaser(text: str) -> str | None:
    """The closer of "<headline> Read more" (a headline of 3 to 25 words before it), or None."""
    stripped = text.rstrip()
    lowered = stripped.lower()
    for closer in closers():
        if not lowered.endswith(closer):
            continue
        rest = stripped[: len(stripped) - len(closer)]
        first = stripped[len(rest)]
        if first.isalpha() and (rest[-1:].isalnum() or not first.isupper()):
            continue  # a button's label is capitalised: not "… he wanted to read more"
        rest = rest.rstrip(" |:-–—.…")
        if 3 <= len(rest.split()) <= 25 and headline_shaped(rest) and _CAPITALISED.match(rest):
            return closer
    return None


def bare_label(s: Shape) -> str | None:
    """The label of "Related <Headline>" (no colon, the headline in title case), or None."""
    if s.n > 25 or s.sentence_end or ":" in s.text[:30]:
        return None
    m = lexicon("bare_teaser_labels").start(s.text, s.words)
    if m is None or not m.group(0)[:1].isupper():
        return None
    rest = s.text.lstrip("([\"'“‘•⦁·*-– ")[m.end() :].strip()
    words = rest.split()
    if not words or not words[0][:1].isupper():
        return None
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return m.group(0) if capitalised >= 0.5 * len(words) else None


def mark_teasers(shapes: list[Shape], verdicts: list[Verdict], quoting: list[bool]) -> None:
    """Strong teaser evidence for the three shapes of the module docstring."""
    n = len(shapes)
    for i, s in enumerate(shapes):
        v = verdicts[i]
        if v.score >= STRONG or quoting[i] or s.n > 40:
            continue
        if i and shapes[i - 1].text.rstrip().endswith(":"):
            continue
        closer = closed_teaser(s.text)
        if closer is not None:
            v.add(STRONG, f"a related-link teaser (<headline> {closer})", "teaser")
            continue
        label = bare_label(s)
        if label is not None:
            v.add(STRONG, f"a related-link teaser ({label} <headline>)", "teaser")
    i = 0
    while i < n:
        j = i
        while j < n and _sourced(shapes[j]) and not quoting[j]:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                verdicts[k].add(STRONG, "a list of headlines with their sources", "teaser")
            head = shapes[i - 1] if i else None
            if head is not None and head.n <= 6 and not head.sentence_end:
                verdicts[i - 1].add(STRONG, "the heading of a list of headlines", "teaser")
        i = max(j, i + 1)


def _sourced(s: Shape) -> bool:
    """A headline followed by its source in brackets."""
    text = s.text.rstrip()
    if s.n > 30 or not text.endswith(")"):
        return False
    m = _SOURCE_TAIL.search(text)
    if m is None:
        return False
    rest = text[: m.start()].rstrip()
    return bool(rest) and headline_shaped(rest) and bool(_CAPITALISED.match(rest))
