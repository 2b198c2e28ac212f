"""Who "they" are when two people speak together: "The university system’s board chair, Harry
Smith, and president, Margaret Spellings, denounced the toppling of the statue in a joint
statement. ¶ “…,” they said." — the people the sentence before names as its joint subject.

"They said" takes the joint subject nearest before it, in its paragraph or the one before: the
words that open a sentence up to its first verb of speech or of judgement, when they name two
people or more joined by "and" (each a capitalised name of two words or more). The speaker is
written "A and B". With no such subject the pronoun is left to the other rules.

A definite description of two people ("the two lawmakers", "both senators", "the pair": the
words of ``pair_words`` in data/quotes/speaker_words.tsv) takes the last two people named together
anywhere in those sentences ("…, Democratic Reps. Jerry Nadler and Karen Bass on Friday called
…"), each a first name the lexicon knows and a family name ("Steny H. Hoyer", with an initial,
is not read); with none the description stays as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from corpuscli.text.sentences import sentence_spans

from .lexicon import lexicon
from .quote_patterns import Quote, paragraph_starts_of, verb_hits

#: A person's name in a joint subject: two to four capitalised words ("Margaret Spellings").
_NAME = re.compile(r"\b[A-Z][\w.’'-]+(?:[ \t]+(?:[A-Z][\w.’'-]+|al|bin|de|van|von)){1,3}\b")
#: A lower-case word ending in -ed or -s after the subject: its verb ("denounced", "say").
_VERB = re.compile(r"(?<=[ \t])(?:[a-z]+ed|[a-z]+s)\b")


def _joint_subject(text: str, start: int, end: int) -> str | None:
    """ "A and B" when the sentence ``text[start:end]`` opens with two names or more joined by
    "and" before its verb."""
    hit = verb_hits(text).first(start, end)
    verb = _VERB.search(text, start, end)
    stop = min(h for h in (hit.start() if hit else end, verb.start() if verb else end))
    subject = text[start:stop]
    if " and " not in subject or len(subject.split()) > 25:
        return None
    names = [m.group(0) for m in _NAME.finditer(subject)]
    names = [n for n in names if not n.startswith(("The ", "A ", "An "))]
    if len(names) < 2:
        names = _family_names(subject)
    if len(names) < 2:
        return None
    return (
        " and ".join(names[-2:]) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]
    )


#: A subject of family names alone: "Kavanagh and Rich", "Smith, Jones and Brown".
_FAMILY_NAMES = re.compile(
    r"[ \t]*([A-Z][\w’'-]+)((?:,[ \t]+[A-Z][\w’'-]+)*),?[ \t]+and[ \t]+([A-Z][\w’'-]+)[ \t]*"
)


def _family_names(subject: str) -> list[str]:
    """The names of a subject that is only family names joined by "and" ("Kavanagh and Rich
    say"), none of them a word that opens a sentence ("But", "Meanwhile"); else none. Each is
    named by its fullest form in the article later (:mod:`corpuscli.coverage.speaker_names`)."""
    m = _FAMILY_NAMES.fullmatch(subject)
    if m is None:
        return []
    names = [m.group(1), *m.group(2).replace(",", " ").split(), m.group(3)]
    lex = lexicon()
    if any(n in lex.not_names or n in lex.words("name_openers") for n in names):
        return []
    return names


#: Two people named together: a first name and a family name each ("Jerry Nadler and Karen Bass").
_PAIR = re.compile(
    r"\b([A-Z][\w’'-]+)[ \t]+([A-Z][\w’'-]+)(?:,[^,]{1,40},)?[ \t]+and[ \t]+"
    r"([A-Z][\w’'-]+)[ \t]+([A-Z][\w’'-]+)\b(?![.\w’'-])"
)


def _pair_description(speaker: str | None) -> bool:
    """Whether ``speaker`` describes two people: "the two lawmakers", "Both senators", "the
    pair"."""
    pair = lexicon().words("pair_words")
    words = (speaker or "").lower().split()
    definite = words[:1] == ["the"]
    if definite:
        words = words[1:]
    if len(words) == 1:
        return definite and words[0] in pair and words[0] not in ("two", "both")
    return (
        len(words) in (2, 3)
        and (words[0] == "both" or (definite and words[0] in pair))  # not "two rebel officials"
        and words[-1].endswith("s")
    )


def _named_pair(text: str, start: int, end: int) -> str | None:
    """ "A and B" for the last two people named together in ``text[start:end]``, each by a first
    name the lexicon knows and a family name."""
    first_names = lexicon().first_names
    found = None
    for m in _PAIR.finditer(text, start, end):
        if m.group(1) in first_names and m.group(3) in first_names:
            found = f"{m.group(1)} {m.group(2)} and {m.group(3)} {m.group(4)}"
    return found


def resolve_they(text: str, quotes: list[Quote]) -> None:
    """Give each quote said by "they", or by a description of two people, the people a joint
    subject before it names (see the module docstring)."""
    theys = [
        q for q in quotes
        if (q.speaker_source == "pronoun" and (q.speaker or "") in ("they", "They"))
        or (q.speaker_source == "description" and _pair_description(q.speaker))
    ]  # fmt: skip
    if not theys:
        return
    paragraph_starts = paragraph_starts_of(text)
    for q in theys:
        para = bisect_right(paragraph_starts, q.start) - 1
        begin = paragraph_starts[max(0, para - 1)] if paragraph_starts else 0
        if q.speaker_source == "description":  # "the two lawmakers": two people named in full
            found = _named_pair(text, begin, q.start)
            if found is not None:
                q.speaker = found
            continue
        found = None
        for s_start, s_end in sentence_spans(text, begin, q.start):
            joint = _joint_subject(text, s_start, min(s_end, q.start))
            if joint is not None:
                found = joint
        if found is not None:
            q.speaker = found
