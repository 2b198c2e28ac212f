"""Metadata a plain-text article carries only implicitly: its headline and its outlet.

**Title.** Among the first eight non-empty lines (Markdown ``#`` marks removed), skip

- banner and call-to-action lines of up to six words ("Support The Moscow Times!", "Advertisement",
  "Sign up ...", "Skip to content", "Share"),
- tag lines: a list of capitalised names separated by commas, pipes, slashes or bullets
  ("Russia, Vladimir Putin", "World | Europe"),
- bylines ("By Jane Doe"), bare dates and times, photo/agency credit lines ("Name / AGENCY"),

then take the first line of 3 to 40 words and at most 300 characters. None when no line qualifies.

**Outlet named in the text.** Banner and appeal lines name their own outlet: "Support X!",
"A Message from X:", "Copyright © 2019 X, LLC.", "© X 2020", "Subscribe to X", "Get the X app".
Each such line is a vote; the name with most votes wins when it has two votes, or one from an
unambiguous cue (a "Support X!" banner with its exclamation mark, "A Message from X", a copyright
line). Names made only of generic words ("Us", "Local Journalism") do not count.
"""

from __future__ import annotations

import re
from collections import Counter

_MAX_TITLE_SCAN = 8

_CTA = re.compile(
    r"^(support|subscribe|sign (up|in)|log ?in|advertisement|advertising|skip to|share|follow us"
    r"|donate|menu|search|breaking( news)?|live( updates)?|read more|listen|watch( live)?"
    r"|newsletter|cookies?|accept|close|home|trending|sponsored|most read|related)\b",
    re.I,
)
_BYLINE = re.compile(r"^(by|from|reporting by|written by)\s+\S", re.I)
_DATE_WORDS = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,4}(?:st|nd|rd|th)?[,.:/-]?|"
    r"\d{1,2}:\d{2}(?::\d{2})?|[ap]\.?m\.?|utc|gmt|[ecmp][sd]t|updated|published|posted|"
    r"last|on|at|[,.|:/–—-])$",
    re.I,
)
_CREDIT = re.compile(r"\S\s+/\s+(?:[A-Z][A-Za-z]*|[A-Z]{2,})(?:\s+[A-Z][A-Za-z]*)*\s*$")
_TAG_SPLIT = re.compile(r"\s*(?:[,;|/•·›»>]|\s-\s)\s*")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_SENTENCE_END = re.compile(r"[.!?]['\"’”]?$")


def _is_tag_line(line: str) -> bool:
    if _SENTENCE_END.search(line):  # before splitting: most lines a rule asks about are prose
        return False
    parts = [p for p in _TAG_SPLIT.split(line) if p]
    if len(parts) < 2:
        return False
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4:
            return False
        if not all(
            w[0].isupper() or w[0].isdigit() or w.lower() in {"of", "and", "the"} for w in words
        ):
            return False
    return True


def _is_date_line(line: str) -> bool:
    words = line.replace(",", " , ").split()
    return bool(words) and len(words) <= 10 and all(_DATE_WORDS.match(w) for w in words)


def skip_reason(line: str) -> str | None:
    """Why a line near the top of an article is not its headline (None if it could be)."""
    words = line.split()
    if len(words) <= 6 and _CTA.match(line):
        return "banner"
    if len(words) <= 6 and _BYLINE.match(line):
        return "byline"
    if _is_date_line(line):
        return "date"
    if len(words) <= 8 and _CREDIT.search(line) and not _SENTENCE_END.search(line):
        return "credit"
    if _is_tag_line(line):
        return "tag line"
    return None


def is_tag_line(line: str) -> bool:
    """Whether :func:`skip_reason` finds ``line`` a tag line (the rarest shape, tested first:
    the other reasons are looked for only in a line that has it)."""
    return _is_tag_line(line) and skip_reason(line) == "tag line"


def infer_title(text: str) -> str | None:
    """The headline of a plain-text article, by the rules in this module's docstring."""
    seen = 0
    for raw in text.split("\n"):
        line = _HEADING_MARK.sub("", raw.strip()).strip()
        if not line:
            continue
        seen += 1
        if seen > _MAX_TITLE_SCAN:
            break
        if skip_reason(line):
            continue
        n_words = len(line.split())
        if 3 <= n_words <= 40 and len(line) <= 300:
            return line
    return None


# --- outlet named in banners -------------------------------------------------------------------

_NAME = (
    r"(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+|&\s+|and\s+)?[A-Z][\w&'’.-]*){0,4})"
)
_STRONG_CUES = (
    re.compile(rf"^Support\s+{_NAME}\s*!$"),
    re.compile(rf"^(?i:a\s+message\s+from)\s+{_NAME}\s*:?$"),
    re.compile(
        rf"^(?:Copyright\s*)?(?:©|\(c\)|Copyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*,?\s*)?{_NAME}"
    ),
)
_WEAK_CUES = (
    re.compile(rf"^Support\s+{_NAME}\s*\.?$"),
    re.compile(rf"^Subscribe\s+to\s+{_NAME}"),
    re.compile(rf"^(?i:(?:click here to\s+)?(?:get|download)\s+the)\s+{_NAME}\s+(?i:app)\b"),
    re.compile(rf"\bBy\s+supporting\s+{_NAME}\s*,"),
    re.compile(rf"\b(?:journalists|readers|newsletter)\s+of\s+{_NAME}\b"),
    re.compile(rf"\bfrom\s+{_NAME}\s*\.\s+You\s+will\s+receive\b"),
)
#: Literal strings that any cue contains; the cue patterns run only on the lines holding one.
#: (str.find over a few literals is many times faster than one regex alternation.)
_CUE_WORDS = (
    "Support", "essage from", "ESSAGE FROM", "opyright", "OPYRIGHT", "©", "(c)", "(C)",
    "Subscribe to", " app", " App", " APP", "supporting", "journalists of", "readers of",
    "newsletter of", "You will receive",
)  # fmt: skip


def _cue_lines(text: str) -> list[str]:
    starts: set[int] = set()
    for word in _CUE_WORDS:
        pos = text.find(word)
        while pos >= 0:
            starts.add(text.rfind("\n", 0, pos) + 1)
            pos = text.find(word, pos + len(word))
    lines = []
    for start in sorted(starts):
        end = text.find("\n", start)
        lines.append(text[start : end if end >= 0 else len(text)].strip())
    return lines


_GENERIC = {
    "us", "our", "the", "local", "journalism", "news", "independent", "free", "today", "now",
    "here", "all", "rights", "reserved", "this", "it", "llc", "inc", "ltd", "media", "app",
}  # fmt: skip
_TRAILING_JUNK = re.compile(r"[\s,.:;!]+$")
_CORPORATE = re.compile(r",?\s+(?:LLC|Inc|Ltd|Limited|plc|GmbH|Corp)\.?$", re.I)


def _clean_name(name: str) -> str | None:
    name = _CORPORATE.sub("", _TRAILING_JUNK.sub("", name.strip()))
    words = name.split()
    if not words or all(w.lower().strip(".") in _GENERIC for w in words):
        return None
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def infer_source(text: str) -> str | None:
    """The outlet an article names in its own banner/appeal lines, by the module's rules."""
    votes: Counter[str] = Counter()
    strong: set[str] = set()
    for line in _cue_lines(text):
        if not line or len(line) > 400:
            continue
        short = len(line.split()) <= 12
        if short:
            for cue in _STRONG_CUES:
                m = cue.search(line)
                if m and (name := _clean_name(m.group("name"))):
                    votes[name] += 1
                    strong.add(name)
                    break
            else:
                for cue in _WEAK_CUES[:3]:
                    m = cue.search(line)
                    if m and (name := _clean_name(m.group("name"))):
                        votes[name] += 1
                        break
        for cue in _WEAK_CUES[3:]:
            m = cue.search(line)
            if m and (name := _clean_name(m.group("name"))):
                votes[name] += 1
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    name, count = ranked[0]
    if count >= 2 or name in strong:
        return name
    return None
