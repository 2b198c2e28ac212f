"""Related-link teasers the single-block rules of :mod:`.rules` miss, by their shape:

- **closed**: a headline closed by a teaser's closer ("<headline> Read more", "… Continue
  reading", "… →"; data/boilerplate/teaser_closers.txt), however long the headline (25 words at
  most, no final full stop);
- **bare label**: a label glued to a headline in title case with no colon ("Related NPR Stories
  <Headline>", "More on Election 2016"; bare_teaser_labels.txt);
- **glued or lone label**: a teaser's label (teaser_labels.txt) glued to its headline with no
  space, even when the headline closes with a full stop ("More:Michael Flynn faces legal peril
  in Washington. In his … hometown, he's revered."); a label of two words or more, or a
  medium's, and a colon alone ("Also see:", "Video:"; not "Analysis:", which heads the story's
  own analysis);
- **widget label**: "<Outlet> Video: <headline>" — a label of at most three words ending with a
  medium's name (media_labels.txt) before a headline; a gallery's "Photos: <title> Photos: <title>
  …" (the label and the title's first words twice);
- **truncated lead**: a teaser's label of two words or more, in any case, before a headline and
  the first words of its story cut off by an ellipsis ("see also Cuomo orders lockdown … Gov.
  Andrew Cuomo ordered a statewide lockdown as New York..."), 45 words at most;
- **run of links**: a headline in title case (four to fifteen words, most of them capitalised,
  no full stop) right after a teaser, or after a block that ends with a teaser's label and its
  colon ("… primary on March 15. Related Stories:"; not a player's "WATCH:"): the next link of the same list ("Read:
  Oil Advances as …" then "U.K. Seeks to Calm Tensions With Iran After Tanker Seizure");
- **sourced list**: two or more lines in a row, each a headline followed by its source in
  brackets ("Obamacare is doomed. Now what? (Milwaukee Journal Sentinel)"), with the short
  heading right above them ("Around the Aftermath"); not a list the story introduces (after a
  colon), nor titles in quotes (works the story cites).

A block that quotes someone by name, or that goes on from a block ending in a colon (a list the
story introduces), is left alone."""

from __future__ import annotations

import re
from functools import cache

from corpuscli.text.stopwords import load_stopwords

from .evidence import STRONG, Verdict
from .shapes import Shape, headline_shaped, label_split
from .vocabulary import entries, lexicon, word_set, words_of

#: A headline's source in brackets at its end: "(Milwaukee Journal Sentinel)", "(USA TODAY)".
#: Not a party and state ("(D-CA)"): letters, dots, ampersands and apostrophes only.
_SOURCE_WORD = r"[A-Z][^\W\d_]*(?:[.&'’][^\W\d_]*)?"
_SOURCE_TAIL = re.compile(rf"\({_SOURCE_WORD}(?: {_SOURCE_WORD}){{0,4}}\)$")
_CAPITALISED = re.compile(r"^[‘“'\"]?[A-Z0-9]")


@cache
def closers() -> tuple[str, ...]:
    """Teaser closers (data/boilerplate/teaser_closers.txt, kind ``closers``), lower-cased,
    longest first."""
    found = {entry.lower() for entry in entries("teaser_closers", "closers")}
    return tuple(sorted(found, key=len, reverse=True))


def closed_teaser(text: str) -> str | None:
    """The closer of "<headline> Read more" (a headline of 3 to 25 words before it), or None."""
    stripped = text.rstrip()
    lowered = stripped.lower()
    if not lowered.endswith(closers()):  # one test of them all: most blocks end with none
        return None
    for closer in closers():
        if not lowered.endswith(closer):
            continue
        rest = stripped[: len(stripped) - len(closer)]
        first = stripped[len(rest)]
        if first.isalpha() and (rest[-1:].isalnum() or not first.isupper()):
            continue  # a button's label is capitalised: not "… he wanted to read more"
        rest = rest.rstrip(" |:-–—")  # a full stop stays: a sentence is no headline
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
    if not words or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return None
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return m.group(0) if capitalised >= 0.5 * len(words) else None


#: How many words may follow a known teaser label glued to its headline ("Related column:…").
_GLUED_EXTRA = 2
#: The most words of a teaser's label alone with its colon.
_LONE_LABEL_WORDS = 7


def glued_label(s: Shape) -> str | None:
    """The label of "More:Headline …" (no space after the colon; 25 words at most) or of a label
    alone before its links ("Also see:"), when it is a teaser's (teaser_labels.txt)."""
    if s.n > 25 or (":" not in s.text[:30] and not s.text.rstrip().endswith(":")):
        return None
    text = s.text.strip()
    if text.endswith(":") and s.n <= _LONE_LABEL_WORDS:  # "You may also be interested in:"
        label, rest = text[:-1].strip(), ""
    else:
        labelled = label_split(text)
        if labelled is None or labelled.spaced or labelled.bracketed:
            return None
        label, rest = labelled.label, labelled.rest
        if not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "‘“'\""):
            return None
    label_words = words_of(label)
    if not rest and len(label_words) < 2 and not set(label_words) <= word_set("media_labels"):
        return None  # "Analysis:" alone heads the story's own analysis; "Also see:" heads links
    known = lexicon("teaser_labels").start(label, label_words)
    if known is None:
        return None
    # glued to its headline, the label may name what it links to after the known word
    # ("Related column:McCain wanted …", "More coverage:…"); alone, it must be the known label
    named = words_of(label[known.end() :])
    if known.end() < len(label.lstrip("([ ")) - 1 and (not rest or len(named) > _GLUED_EXTRA):
        return None
    return label


def widget_label(s: Shape) -> str | None:
    """The label of "Vox Video: <headline>" or of a gallery's "Photos: <title> Photos: <title> …",
    or None."""
    labelled = label_split(s.text) if ":" in s.text[:40] else None
    if labelled is None:
        return None
    label_words = words_of(labelled.label)
    if not 1 <= len(label_words) <= 3 or label_words[-1] not in word_set("media_labels"):
        return None
    named = all(w[:1].isupper() for w in labelled.label.split()[:-1])  # not "The video"
    if (
        named
        and len(label_words) >= 2
        and label_words[0] not in load_stopwords("en")
        and headline_shaped(labelled.rest)
        and s.n <= 20
    ):
        return labelled.label
    title = " ".join(labelled.rest.split()[:2])
    if len(title) >= 4 and s.text.count(f"{labelled.label}: {title}") >= 2:
        return labelled.label
    return None


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
        label = bare_label(s) or glued_label(s)
        if label is not None:
            v.add(STRONG, f"a related-link teaser ({label} <headline>)", "teaser")
            continue
        widget = widget_label(s)
        if widget is not None:
            v.add(STRONG, f"a video or gallery's title ({widget}: <headline>)", "video_gallery")
            continue
        label = truncated_teaser(s)
        if label is not None:
            v.add(STRONG, f"a related-link teaser ({label} <headline> <lead>...)", "teaser")
    tail: int | None = None  # where the closing run of headlines and short lines starts
    for i in range(1, n):
        v = verdicts[i]
        if v.score >= STRONG or quoting[i] or not 3 <= shapes[i].n <= 15:
            continue
        k = _link_above(shapes, verdicts, i)
        if k is None:
            continue
        # the tail is found once, for the first sentence-shaped headline (no assignment inside
        # the condition: a compiler of typed Python, mypyc, mistypes it)
        hit = _title_headline(shapes[i])
        if not hit and _sentence_headline(shapes[i]):
            if tail is None:
                tail = _tail_start(shapes)
            hit = i + 1 >= tail and _led_by_label(shapes, verdicts, k)
        if hit:
            v.add(STRONG, "a headline in a run of related links", "teaser")
    i = 0
    while i < n:
        j = i
        while j < n and _sourced(shapes[j]) and not quoting[j]:
            j += 1
        introduced = i > 0 and shapes[i - 1].text.rstrip().endswith(":")
        if j - i >= 2 and not introduced:
            for k in range(i, j):
                verdicts[k].add(STRONG, "a list of headlines with their sources", "teaser")
            head = shapes[i - 1] if i else None
            if head is not None and head.n <= 6 and not head.sentence_end:
                verdicts[i - 1].add(STRONG, "the heading of a list of headlines", "teaser")
        i = max(j, i + 1)


#: The end of a sentence inside a block (where the block's last sentence starts).
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s+")
#: An ellipsis cutting a teaser's lead off: "… as New York..." (after a word or a comma).
_CUT = re.compile(r"[^\W\d_],?\s?(?:\.{3}|…)$")


def truncated_teaser(s: Shape) -> str | None:
    """The label of "see also <headline> <the story's first words>..." (module docstring)."""
    if s.n > 45 or s.n < 6 or not s.text.endswith(("...", "…")) or not _CUT.search(s.text[-6:]):
        return None
    m = lexicon("teaser_labels").start(s.text, s.words)
    if m is None or len(m.group(0).split()) < 2:
        return None
    rest = s.text.lstrip("([\"'“‘•⦁·*-–— ")[m.end() :].lstrip(" :")
    return m.group(0) if rest[:1].isupper() or rest[:1].isdigit() else None


def _title_headline(s: Shape) -> bool:
    """A headline in title case: four to fifteen words, most capitalised, no full stop."""
    if not 4 <= s.n <= 15 or s.sentence_end or not _CAPITALISED.match(s.text):
        return False
    words = [w for w in s.text.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.6 * len(words) and headline_shaped(s.text)


#: The most words of a furniture block (an advertisement's label, a player's) that a run of
#: related links goes on across.
_BETWEEN_LINKS = 25


def _link_above(shapes: list[Shape], verdicts: list[Verdict], i: int) -> int | None:
    """The block a run of related links goes on from, for block ``i``: the first block above it
    that is not short furniture of another family ("Advertisement", a player's label: pages set
    them between the links), when it is a teaser or ends with a teaser's label and colon."""
    k = i - 1
    while (
        k > 0
        and verdicts[k].score >= STRONG
        and verdicts[k].family != "teaser"
        and shapes[k].n <= _BETWEEN_LINKS
        and not _lone_label(shapes[k])
    ):
        k -= 1
    above = verdicts[k]
    if (
        (above.score >= STRONG and above.family == "teaser")
        or _closing_label(shapes[k])
        or _lone_label(shapes[k])  # "READ MORE:", removed as a call to action
    ):
        return k
    return None


def _led_by_label(shapes: list[Shape], verdicts: list[Verdict], k: int) -> bool:
    """Whether block ``k`` is a teaser's label alone, or the run of links and furniture it is
    part of goes up to one."""
    while k >= 0:
        if _lone_label(shapes[k]):
            return True
        if verdicts[k].score < STRONG or shapes[k].n > _BETWEEN_LINKS:
            return False
        k -= 1
    return False


def _lone_label(s: Shape) -> bool:
    """A teaser's label alone with its colon: "READ MORE:", "You may also be interested in:"."""
    text = s.text.strip()
    if not text.endswith(":") or s.n > 7:
        return False
    label = text[:-1].strip()
    words = words_of(label)
    if lexicon("media_leadins").start(label, words) is not None:
        return False  # "WATCH:" points at a player the text lost; the story goes on after it
    m = lexicon("teaser_labels").start(label, words)
    return m is not None and m.end() >= len(label.lstrip("([ ")) - 1


def _sentence_headline(s: Shape) -> bool:
    """A headline in sentence case: three to fifteen words, capitalised, no full stop at its end
    (a question mark may close it): "Photos show overcrowding at US migrant centres"."""
    return 3 <= s.n <= 15 and bool(_CAPITALISED.match(s.text)) and headline_shaped(s.text)


def _tail_start(shapes: list[Shape]) -> int:
    """Where the article's closing run starts: the first block after which no paragraph of the
    story comes (each block from there on is a headline or short). Found once per article."""
    k = len(shapes)
    while (
        k > 0
        and shapes[k - 1].n <= 15
        and (shapes[k - 1].n <= 3 or headline_shaped(shapes[k - 1].text))
    ):
        k -= 1
    return k


def _closing_label(s: Shape) -> bool:
    """A block whose last sentence is a teaser's label and its colon ("… Related Stories:")."""
    text = s.text.rstrip()
    if not text.endswith(":"):
        return False
    last = _SENTENCE_BREAK.split(text[-60:])[-1][:-1].strip()
    if not last or len(last.split()) > 4:
        return False
    words = words_of(last)
    if lexicon("media_leadins").start(last, words) is not None:
        return False  # "WATCH:" points at a player the text lost; the story goes on after it
    m = lexicon("teaser_labels").start(last, words)
    return m is not None and m.end() >= len(last) - 1 and last[:1].isupper()


def _sourced(s: Shape) -> bool:
    """A headline followed by its source in brackets."""
    text = s.text.rstrip()
    if s.n > 30 or not text.endswith(")"):
        return False
    m = _SOURCE_TAIL.search(text, max(0, len(text) - 60))
    if m is None:
        return False
    rest = text[: m.start()].rstrip()
    if not rest or rest[0] in "‘“'\"":
        return False  # a title in quotes: the story citing a work
    return headline_shaped(rest) and bool(_CAPITALISED.match(rest))


#: The most words of a teaser after a link's label (:func:`link_label_teaser`), and sentences.
_LINK_TEASER_WORDS = 30
_LINK_TEASER_SENTENCES = 2


def link_label_teaser(s: Shape) -> str | None:
    """The label of "More: <a sentence or two>" — a label that only ever heads a link
    (link_labels.txt), its colon, then a teaser of at most 30 words and two sentences that opens
    with a capital, a digit or a quotation mark ("More: The Parkland survivors started a movement
    when they took on gun violence. Here's how it happened."), or None."""
    labelled = label_split(s.text) if ":" in s.text[:40] else None
    if labelled is None or labelled.bracketed:
        return None
    rest = labelled.rest.strip()
    if not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "‘“'\""):
        return None
    if len(rest.split()) > _LINK_TEASER_WORDS:
        return None
    if len(re.findall(r"[.!?][\"'”’)]*(?:\s|$)", rest)) > _LINK_TEASER_SENTENCES:
        return None
    label_words = words_of(labelled.label)
    known = lexicon("link_labels").start(labelled.label, label_words)
    if known is None or known.end() < len(labelled.label.lstrip("([ ")) - 1:
        return None
    return labelled.label


#: The most words of the line that introduces a list of links, and of each link.
_INTRO_WORDS = 20
_LISTED_WORDS = 15


def mark_introduced_links(shapes: list[Shape], verdicts: list[Verdict]) -> None:
    """A list of links the page introduces: a line that opens with a call to read of two words
    or more from link_labels.txt ("Check out The Monitor's five-part Free Trade in America
    series:", "Don't miss:") and ends with a colon, then two or more headlines in a row (three to
    fifteen words, no sentence: "Part 1: The harsh downside of free trade – and the glimmer of
    hope"). The line and the headlines are teasers. "More than 20 states have such laws:" opens
    with one word of the list, and heads the story's own list."""
    n = len(shapes)
    for k in range(n - 2):
        s = shapes[k]
        if not 2 <= s.n <= _INTRO_WORDS or not s.text.rstrip().endswith(":"):
            continue
        call = lexicon("link_labels").start(s.text, s.words)
        if call is None or len(call.group(0).split()) < 2:
            continue
        j = k + 1
        while (
            j < n
            and 3 <= shapes[j].n <= _LISTED_WORDS
            and not shapes[j].sentence_like
            and not shapes[j].text.rstrip().endswith(":")
            and headline_shaped(shapes[j].text)
        ):
            j += 1
        if j - k - 1 < 2:
            continue
        for b in range(k, j):
            if verdicts[b].score < STRONG:
                verdicts[b].add(STRONG, f"a list of links ({call.group(0).lower()} …:)", "teaser")
