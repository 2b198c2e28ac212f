"""Embedded social posts flattened into text that open with their author: "Donald J. Trump
(@realDonaldTrump) What a year it’s been …", "CHIRLA (@CHIRLA) Day 1 of …" — a name of one to
six capitalised words, the handle in brackets, then the post. The story's own words go on with a
verb in lower case after such a handle ("Trump (@realDonaldTrump) tweeted …"): not a post."""

from __future__ import annotations

import re

from .evidence import STRONG, Verdict
from .shapes import Shape

#: "Name (@handle) Post": the name's words capitalised (or all capitals), the post opening with
#: anything but a lower-case word.
_AUTHOR_HANDLE = re.compile(
    r"^[‘“\"']?(?:[A-Z0-9][\w.&'’-]*\s+){0,5}[A-Z0-9][\w.&'’-]*\s*\(@\w{1,30}\)\s+(?![a-z])\S"
)


def mark_posts(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """Strong embed evidence for a block that opens with a post's author and handle."""
    for s, v in zip(shapes, verdicts, strict=True):
        if v.score < STRONG and "(@" in s.text[:90] and _AUTHOR_HANDLE.match(s.text):
            v.add(STRONG, "an embedded post (name (@handle) …)", "embed")
