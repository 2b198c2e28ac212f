"""Blocks the page lifted out of the story or printed twice:

- **a pull quote closed by a full stop**: a sentence of the story set again as its own line, a
  little shortened or not ("Nineteen states and Washington, D.C., have increased their minimum
  tobacco age to 21, says the Campaign for Tobacco-Free Kids." after the paragraph that says it
  and goes on), maybe signed with a dash ("“We are here to honor …” — President Trump in
  Mississippi"). A block of 8 to 60 words (its signature left out), from the third block on, that
  ends like a sentence, at least 80% of whose word trigrams (six or more), its first and its
  last among them, one longer block of the article within five blocks holds (a quarter longer
  and five words at least), one that is not furniture itself (a video's description can hold the lede). A
  block that quotes someone and has no dash signature is one only when the longer block holds
  all its trigrams: a live blog that tells a quote again in a longer paragraph tells it in other
  words around it. Two blocks of the same length (a lede printed twice, a quote told again in an
  update) are no pull quote: the copy must be the shorter. A sentence told again with its source
  added ("… reports Tagesspiegel.") ends in words of its own: no copy. When one block is the
  source of two or more, it is a recap or the story printed again, not a pull quote's source.
- **captions printed twice**: a photo gallery flattened into text with each slide's caption
  twice in a row ("Trump walks on stage with his family …" twice, then the next slide's caption
  twice). Three or more blocks (of four words or more) each printed twice in a row, each pair
  within five blocks of the one before: both copies of each are the gallery's. One block printed
  twice (a lede, a headline) is left alone.

Both are cheap: candidates are compared only with blocks that hold one of their five-word runs,
and the doubled blocks are found in one pass."""

from __future__ import annotations

import re

from .evidence import SENTENCE_END, STRONG, Verdict
from .shapes import Shape

#: "<quote> — <signature>": the dash and the few words of who said it, after the quote's end.
_SIGNATURE = re.compile(r"^(?P<quote>.*?[.!?][\"'”’]?)\s*[—–―]\s*(?P<who>[A-Z][^—–―]{1,80})$")
_MIN_WORDS, _MAX_WORDS = 8, 60
_MIN_SHARED = 6
_SHARE = 0.8
#: How much longer the block it was lifted from is at least: this many words, and this share.
_LONGER_BY = 5
_LONGER_SHARE = 1.25
#: How far from the block it was lifted from a pull quote stands at most.
_NEAR = 5
_DASHES = "—–―-"
#: A quotation headed by a label and a colon ("Fox's Ainsley Earhardt: “…”"): a heading.
_LEAD_IN = re.compile(r"^[^\"“”]{1,60}:\s*[\"“]")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return {(words[k], words[k + 1], words[k + 2]) for k in range(len(words) - 2)}


def _quote_part(s: Shape) -> tuple[list[str], str, bool]:
    """The words and the text of the block without a dash signature, and whether it had one."""
    text = s.text.strip()
    m = _SIGNATURE.match(text) if any(d in text for d in "—–―") else None
    if m is None or len(m.group("who").split()) > 14:
        return s.words, text, False
    quote = m.group("quote")
    return [w.lower().replace("’", "'") for w in _WORD.findall(quote)], quote, True


def mark_lifted_sentences(
    shapes: list[Shape], verdicts: list[Verdict], quoting: list[bool]
) -> None:
    """Mark the pull quotes closed by a full stop of one article (see the module docstring)."""
    n = len(shapes)
    if n < 4:
        return
    joined: dict[int, str] = {}  # each block's words, made when a candidate is near it
    found: dict[int, list[int]] = {}  # the block lifted from -> the blocks that repeat it
    for k in range(2, n):
        s = shapes[k]
        if (
            verdicts[k].score >= STRONG
            or not _MIN_WORDS <= s.n <= _MAX_WORDS + 15
            or s.text.lstrip()[:1] in _DASHES
        ):
            continue
        words, body, signed = _quote_part(s)
        if (
            not _MIN_WORDS <= len(words) <= _MAX_WORDS
            or not SENTENCE_END.search(body)
            or _LEAD_IN.match(s.text)
        ):
            continue
        first, last = " ".join(words[:3]), " ".join(words[-3:])
        longer = max(len(words) + _LONGER_BY, _LONGER_SHARE * len(words))
        mine: set[tuple[str, str, str]] = set()
        for j in range(max(1, k - _NEAR), min(n, k + _NEAR + 1)):
            if j == k or shapes[j].n < longer or verdicts[j].score >= STRONG:
                continue
            if j not in joined:
                joined[j] = " ".join(shapes[j].words)
            if first not in joined[j] or last not in joined[j]:
                continue  # the copy opens and closes with words of the block it was lifted from
            if not mine:
                mine = _trigrams(words)
            need = len(mine) if quoting[k] and not signed else max(_MIN_SHARED, _SHARE * len(mine))
            theirs = _trigrams(shapes[j].words)
            ends = tuple(words[:3]) in theirs and tuple(words[-3:]) in theirs
            if ends and len(mine & theirs) >= need:
                found.setdefault(j, []).append(k)
                break
    for j, copies in found.items():
        if len(copies) == 1:  # one block the source of several: a recap or the story again
            verdicts[copies[0]].add(
                STRONG, f"a pull quote (a sentence of block {j} again)", "embed"
            )


_MIN_DOUBLED = 3
_DOUBLED_WORDS = 4
_DOUBLED_GAP = 5


def mark_doubled_captions(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """Mark a gallery's captions printed twice in a row (see the module docstring)."""
    starts = [
        k
        for k in range(len(shapes) - 1)
        if shapes[k].n >= _DOUBLED_WORDS and shapes[k].words == shapes[k + 1].words
    ]
    run: list[int] = []
    for k in [*starts, -1]:  # -1: closes the last run
        if k >= 0 and (not run or k - run[-1] <= _DOUBLED_GAP):
            run.append(k)
            continue
        if len(run) >= _MIN_DOUBLED:
            for first in run:
                for b in (first, first + 1):
                    if verdicts[b].score < STRONG:
                        verdicts[b].add(
                            STRONG, f"a gallery's caption printed twice ({len(run)} in a run)",
                            "video_gallery",
                        )  # fmt: skip
        run = [k]
