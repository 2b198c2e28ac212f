"""Lines that say who made something, which the single-block rules of :mod:`.rules` miss:

- an embedded social post that opens with its author: "Donald J. Trump (@realDonaldTrump) What
  a year it’s been …", "CHIRLA (@CHIRLA) Day 1 of …" — a name of one to six capitalised words, the
  handle in brackets, then the post (the story's own words go on with a verb in lower case:
  "Trump (@realDonaldTrump) tweeted …" is not a post);
- a photo's caption closed by its credit, photographer and agency, in brackets or after a
  sentence: "… Des Moines, Iowa. (Mike Segar/Reuters)", "… July 9, 2019. REUTERS/Jonathan Ernst"
  (a poll's "(Reuters/Ipsos)" names no photographer);
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
_CAP_WORD = r"[A-Z][\w.&'’-]*"
_NAME = rf"{_CAP_WORD}(?:\s{_CAP_WORD}){{0,3}}"
#: A photo's credit closing its caption, after a sentence or in brackets: "(Mike Segar/Reuters)",
#: "(AP Photo/Seth Wenig, File)", ". REUTERS/Kevin Lamarque/File Photo", ". Andy Wong/Pool via
#: Reuters" — a photographer of two or more names, or an agency in capitals, before the slash.
_PHOTO_CREDIT = re.compile(
    rf"(?:\.\s+|\(\s?)(?:{_CAP_WORD}\s{_NAME}|[A-Z]{{2,}}(?:\sPhoto)?)\s?/\s?{_NAME}"
    rf"(?:/{_NAME})?(?:\s(?:via|for)\s{_NAME})?(?:,\s?File)?\)?$"
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
        elif s.n <= 100 and "/" in s.text[-90:] and _PHOTO_CREDIT.search(s.text, len(s.text) - 90):
            v.add(STRONG, "a photo's caption (… (photographer/agency))", "caption")
        elif 4 <= s.n <= 12 and s.words[-1] in roles and not s.sentence_end:
            text = s.text.lstrip(_BULLET)
            name = leading_name(text)
            after = text[len(name) :].split() if name else []
            if name and after[:2] in (["is", "a"], ["is", "an"]) and len(after) <= 7:
                v.add(STRONG, f"an author's bio ({name} is a … {s.words[-1]})", "bio")
