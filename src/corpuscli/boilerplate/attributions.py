"""Lines that say who made something, which the single-block rules of :mod:`.rules` miss:

- an embedded social post that opens with its author: "Donald J. Trump (@realDonaldTrump) What
  a year it’s been …", "CHIRLA (@CHIRLA) Day 1 of …" — a name of one to six capitalised words, the
  handle in brackets, then the post (the story's own words go on with a verb in lower case:
  "Trump (@realDonaldTrump) tweeted …" is not a post);
- a photo's caption closed by its credit in brackets, photographer and agency: "… Des Moines,
  Iowa. (Mike Segar/Reuters)" (a poll's "(Reuters/Ipsos)" names no photographer);
- an author's one-line bio: "• Polly Toynbee is a Guardian columnist" — a name, "is a/an", and
  at most five words ending with a role noun (data/boilerplate/role_nouns.txt)."""

from __future__ import annotations

import re

from .evidence import STRONG, Verdict
from .shapes import Shape, leading_name
from .vocabulary import word_set

#: "Name (@handle) Post": the name's words capitalised (or all capitals), the post opening with
#: anything but a lower-case word.
_AUTHOR_HANDLE = re.compile(
    r"^[‘“\"']?(?:[A-Z0-9][\w.&'’-]*\s+){0,5}[A-Z0-9][\w.&'’-]*\s*\(@\w{1,30}\)\s+(?![a-z])\S"
)
#: "(First Last/Agency)" at the very end: a photographer of two to four names, a slash, an agency.
_PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w.&'’-]*(?:\s[\w.&'’-]+){0,4}\)$"
)
_BULLET = "•⦁·*-– "


def mark_attributions(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """Strong evidence for posts, credited captions and one-line bios (module docstring)."""
    roles = word_set("role_nouns")
    for s, v in zip(shapes, verdicts, strict=True):
        if v.score >= STRONG:
            continue
        if "(@" in s.text[:90] and _AUTHOR_HANDLE.match(s.text):
            v.add(STRONG, "an embedded post (name (@handle) …)", "embed")
        elif s.n <= 80 and s.text.endswith(")") and _PHOTO_CREDIT.search(s.text, max(0, len(s.text) - 90)):
            v.add(STRONG, "a photo's caption (… (photographer/agency))", "caption")
        elif 4 <= s.n <= 12 and s.words[-1] in roles and not s.sentence_end:
            text = s.text.lstrip(_BULLET)
            name = leading_name(text)
            after = text[len(name) :].split() if name else []
            if name and after[:2] in (["is", "a"], ["is", "an"]) and len(after) <= 7:
                v.add(STRONG, f"an author's bio ({name} is a … {s.words[-1]})", "bio")
