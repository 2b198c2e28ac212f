"""Lines that say who made something, which the single-block rules of :mod:`.rules` miss:

- an embedded social post that opens with its author: "Donald J. Trump (@realDonaldTrump) What
  a year it’s been …", "CHIRLA (@CHIRLA) Day 1 of …" — a name of one to six capitalised words, the
  handle in brackets, then the post (the story's own words go on with a verb in lower case:
  "Trump (@realDonaldTrump) tweeted …" is not a post);
- a photo's caption closed by its credit, photographer and agency, in brackets or after a
  sentence: "… Des Moines, Iowa. (Mike Segar/Reuters)", "… July 9, 2019. REUTERS/Jonathan Ernst"
  (a poll's "(Reuters/Ipsos)" names no photographer);
- an author's one-line bio: "• Polly Toynbee is a Guardian columnist" — a name, "is a/an", and
  at most five words ending with a role noun (data/boilerplate/role_nouns.txt); or, among the
  last three blocks, a bulleted "• Name is a …" about someone the story does not name elsewhere;
- a pull quote signed by its speaker: "I don’t think that this disqualifies him …, not at all.
  Nancy Pelosi" — words of six or more, not in title case (a headline), that another block of
  the article holds, then a name (and maybe ", Place") with no full stop after it."""

from __future__ import annotations

import re

from .evidence import STRONG, Verdict
from .shapes import Shape, leading_name
from .vocabulary import word_set, words_of

#: "Name (@handle) Post": the name's words capitalised (or all capitals), the post opening with
#: anything but a lower-case word.
_AUTHOR_HANDLE = re.compile(
    r"^[‘“\"']?(?:[A-Z0-9][\w.&'’-]*\s+){0,5}[A-Z0-9][\w.&'’-]*\s*\(@\w{1,30}\)\s+(?![a-z])\S"
)
_CAP_WORD = r"[A-Z][\w.&'’-]*"
_NAME = rf"{_CAP_WORD}(?:\s{_CAP_WORD}){{0,3}}"
#: A photo's credit closing its caption, after a sentence or in brackets, or alone on its line:
#: "(Mike Segar/Reuters)", "Aaron Lavinsky/Star Tribune via AP, FILE",
#: "(AP Photo/Seth Wenig, File)", ". REUTERS/Kevin Lamarque/File Photo", ". Andy Wong/Pool via
#: Reuters" — a photographer of two or more names, or an agency in capitals, before the slash.
_PHOTO_CREDIT = re.compile(
    rf"(?:^|\.\s+|\(\s?)(?:{_CAP_WORD}\s{_NAME}|[A-Z]{{2,}}(?:\sPhoto)?)\s?/\s?{_NAME}"
    rf"(?:/{_NAME})?(?:\s(?:via|for)\s{_NAME})?(?:,\s?(?:File|FILE))?\)?$"
)
_BULLET = "•⦁·*-– "
_BULLETS = ("•", "⦁", "·")
#: A speaker's name closing a pull quote: two to four capitalised words, maybe ", Place".
_SIGNATURE = re.compile(
    r"(?:[.!?…]\s+|\s)(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){1,3})(?:,\s[A-Z][\w'’.-]*"
    r"(?:\s[A-Z][\w'’.-]*){0,3})?$"
)


def mark_attributions(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """Strong evidence for posts, credited captions and one-line bios (module docstring)."""
    roles = word_set("role_nouns")
    n = len(shapes)
    body: str | None = None
    for i, (s, v) in enumerate(zip(shapes, verdicts, strict=True)):
        if v.score >= STRONG:
            continue
        if 8 <= s.n <= 45 and not s.sentence_end and s.text[-1:].isalpha():
            m = _SIGNATURE.search(s.text, max(0, len(s.text) - 80))
            said = s.text[: m.start("name")] if m else ""
            quote = " ".join(words_of(said))
            if m is not None and len(quote.split()) >= 6 and not _title_case(said):
                if body is None:
                    body = "\n".join(" ".join(other.words) for other in shapes)
                if body.count(quote) >= 2:
                    v.add(
                        STRONG, f"a pull quote signed by its speaker ({m.group('name')})", "embed"
                    )
                    continue
        if i >= n - 3 and s.text.startswith(_BULLETS) and s.n <= 60 and _tail_bio(s, shapes):
            v.add(STRONG, "an author's bio (• name is a …)", "bio")
            continue
        if "(@" in s.text[:90] and _AUTHOR_HANDLE.match(s.text):
            v.add(STRONG, "an embedded post (name (@handle) …)", "embed")
        elif (
            s.n <= 100
            and "/" in s.text[-90:]
            and _PHOTO_CREDIT.search(s.text, max(0, len(s.text) - 90))
        ):
            v.add(STRONG, "a photo's caption (… (photographer/agency))", "caption")
        elif 4 <= s.n <= 12 and s.words[-1] in roles and not s.sentence_end:
            text = s.text.lstrip(_BULLET)
            name = leading_name(text)
            after = text[len(name) :].split() if name else []
            if name and after[:2] in (["is", "a"], ["is", "an"]) and len(after) <= 7:
                v.add(STRONG, f"an author's bio ({name} is a … {s.words[-1]})", "bio")


def _title_case(text: str) -> bool:
    """Most words capitalised: a headline ("College Republicans Offer GOP Advice For …"), not
    someone's words."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(1 for w in words if w[0].isupper()) >= 0.5 * len(words)


def _tail_bio(s: Shape, shapes: list[Shape]) -> bool:
    """ "• Name is a/an …" about someone whose surname no other block holds."""
    text = s.text.lstrip(_BULLET)
    name = leading_name(text)
    if name is None or text[len(name) :].split()[:2] not in (["is", "a"], ["is", "an"]):
        return False
    surname = name.split()[-1].lower().replace("’", "'")
    return sum(1 for other in shapes if surname in other.wordset) <= 1
