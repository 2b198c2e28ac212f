"""Photo captions known by their credit: the credit after a caption's bar ("<caption> | AP
Photo", "<caption> | Saul Loeb/AFP/Getty Images <the page's headline>") or a photographer's
credit opening the caption ("Caitlin Ochs/Reuters <caption>", "Ann Hermes/The Christian Science
Monitor <caption>"). A credit is a picture agency's word (data/boilerplate/photo_agencies.txt)
or the outlet's own name, maybe after a photographer's name and a slash; a caption may also close
with its credit in brackets, slashed ("Joe Biden in Montclair, N.J. (Reuters/Shannon Stapleton)"),
when no full stop ends the caption before it, or after a dash ("… Peter van Agtmael—Magnum Photos
for TIME"), or by an agency's name alone after its last sentence; at the block's start
the photographer and the slash are required (a sentence may open with "AP" or "Reuters").

The patterns are linear: a bounded run of capitalised words, then a literal slash."""

from __future__ import annotations

import re
from collections.abc import Callable

from .shapes import Shape
from .vocabulary import lexicon, word_set, words_of

#: A photographer's name and the slash after it: "Nam Y. Huh/", "Olivier Douliery-Pool/".
_PHOTOGRAPHER = re.compile(r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}/")
#: A story's dateline: places in capitals (slashed when it is filed from two: "BEIRUT/WASHINGTON"),
#: the agency in brackets and a dash ("SAN FRANCISCO/NEW YORK (Reuters) - …"): the story's first
#: paragraph, not a caption opened by "photographer/agency".
_DATELINE = re.compile(r"[A-Z][A-Z .,'’/-]{0,80}\([^()]{1,40}\)\s*[-—–]")
#: How many lowercase words in a row after an agency's word make a clause, not a credit.
_CLAUSE = 4
_CLAUSE_AFTER = re.compile(r"(?:\s+[a-z][\w'’-]*){" + str(_CLAUSE) + "}")
#: A credit in brackets closing a caption, with a slash: "(Reuters/Shannon Stapleton)",
#: "(metamorworks/iStock/Getty Images Plus)".
_BRACKET_CREDIT = re.compile(r"[(\[]([^()\[\]/]{2,60}(?:/[^()\[\]/]{2,60}){1,3})[)\]]\s*$")
#: A photographer's name right before a dash, after the caption's last sentence ("… on April 16.
#: Peter van Agtmael—"): capitalised parts and name particles only.
_DASH_PHOTOGRAPHER = re.compile(
    r"(?:^|(?<=[.!?”]\s))[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|van|von|de|da|del|der|la|le)){1,4}$"
)
#: The words after a block's last sentence end ("… coronavirus. Reuters" -> "Reuters").
_LAST_WORDS = re.compile(r"[.!?”]\s+([^.!?”]{2,40})$")
#: A photographer's name: two to four capitalised parts ("Shannon Stapleton", "Nam Y. Huh").
_PERSON = re.compile(r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){1,3}")
#: The most words of a caption closed by a bracketed credit.
_BRACKETED_WORDS = 40
#: The subject a caption opens with: one to fourteen capitalised words (a name with its titles,
#: "Sen. Mitch McConnell, R-Ky.,"; names joined by "and", "former Florida Gov. Jeb Bush"), then a
#: space.
_SUBJECT = re.compile(r"(?:(?:[A-Z][\w.'’-]*|and|of|former|de|van|von|al|bin)[, ]+){1,14}")
#: A caption's date after its verb: a year after "in" or a comma ("in 2009", "in April 2014",
#: "June 21, 2013"), a month's day or a weekday after "on" ("on April 28", "on Monday").
_CAPTION_DATE = re.compile(
    r"\b(?:in\s+(?:([A-Z][a-z]+)\.?\s+)?(?:19|20)\d\d|on\s+([A-Z][a-z]+)\b|([A-Z][a-z]+)\.?\s+\d{1,2},?\s+(?:19|20)\d\d)"
)
#: A month's day and a year after a caption's weekday (", Nov. 2, 2016"): the month's name is
#: group 1.
_DATED_WEEKDAY = re.compile(r",?\s+([A-Z][a-z]+)\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b")
#: The most words of a caption that lost its credit.
_UNCREDITED_WORDS = 45
#: A caption's bar: the credit follows it.
_BAR = " | "


def _credit_opens(text: str, names_outlet: Callable[[str], object]) -> bool:
    """``text`` opens with a picture agency's word or the outlet's name ("The Christian Science
    Monitor", "Special to The …"). An agency's word followed by a clause (a run of
    :data:`_CLAUSE` lowercase words) is a sentence's subject, not a credit ("EPA rule would
    expand …", "Bloomberg vows to ban …": headlines joined by bars in a story's link text);
    a credit's own lowercase words stay short ("Getty Images for GMA", "AP Photo health care
    <headline>", "Getty image")."""
    head = text[:60]
    agency = lexicon("photo_agencies").start(head, words_of(head))
    if agency is not None:
        return _CLAUSE_AFTER.match(agency.string, agency.end()) is None
    m = names_outlet(head)
    return m is not None and len(head[: m.start()].split()) <= 3  # type: ignore[attr-defined]


def credited_caption(s: Shape, names_outlet: Callable[[str], object]) -> str | None:
    """The reason a block is a credited photo caption, or None (see the module docstring)."""
    if s.n > 90:
        return None
    text = s.text
    if "/" in text[:60] and _DATELINE.match(text) is None:
        m = _PHOTOGRAPHER.match(text)
        if m is not None and _credit_opens(text[m.end() :], names_outlet):
            return "a photo caption opening with its credit (photographer/agency …)"
    at = text.find(_BAR)
    while at > 0:
        after = text[at + len(_BAR) :].lstrip()
        m = _PHOTOGRAPHER.match(after)
        if _credit_opens(after[m.end() :] if m is not None else after, names_outlet):
            return "a photo caption with its credit after a bar (… | agency)"
        at = text.find(_BAR, at + 1)
    if s.n <= _BRACKETED_WORDS:
        return _closing_credit(text, names_outlet)
    return None


def _closing_credit(text: str, names_outlet: Callable[[str], object]) -> str | None:
    """The reason a caption is known by the credit that closes it, or None: a slashed credit in
    brackets ("… (Reuters/Shannon Stapleton)", "… [Paul Sancya/AP Photo]") with no full stop
    before it; a photographer and an agency after a dash ("… Peter van Agtmael—Magnum Photos for
    TIME"); an agency's name alone after the caption's last sentence ("… coronavirus. Reuters")."""
    if text.endswith((")", "]")) and (m := _BRACKET_CREDIT.search(text)):
        before = text[: m.start()].rstrip()
        parts = [part.strip() for part in m.group(1).split("/")]
        agency = [_credit_opens(part, names_outlet) for part in parts]
        # an agency and a photographer ("Reuters/Shannon Stapleton") or three parts
        # ("metamorworks/iStock/Getty Images Plus"); not a poll's "(Reuters/Ipsos)"
        credited = any(agency) and (
            len(parts) >= 3
            or any(not a and _PERSON.fullmatch(p) for a, p in zip(agency, parts, strict=True))
        )
        if credited and not before.endswith((".", "!", "?")):
            return "a photo caption closed by its credit ((agency/photographer))"
    dash = text.rfind("—")
    if (
        dash > 0
        and _DASH_PHOTOGRAPHER.search(text, max(0, dash - 80), dash) is not None
        and _credit_opens(text[dash + 1 :].strip(), names_outlet)
    ):
        return "a photo caption closed by its credit (photographer—agency)"
    if (m := _LAST_WORDS.search(text, max(0, len(text) - 44))) is not None:
        last = m.group(1).strip().rstrip(".")
        if lexicon("photo_agencies").pattern.fullmatch(last):
            return "a photo caption closed by an agency's name (… . Agency)"
    return None


def uncredited_caption(s: Shape, stopwords: frozenset[str]) -> str | None:
    """The reason a block is a photo's caption that lost its credit, or None: a name, a verb of
    what the people of a photo do in the present tense (data/boilerplate/caption_verbs.txt:
    "speaks", "poses", "looks on") and a date after it ("Rubio speaks to the media at the Doral
    restaurant in April 2014.", "Presidents George W. Bush, George H. W. Bush and former Florida
    Gov. Jeb Bush pose in 2009."), 5 to 45 words, no quotation and no colon at its end. A story
    tells its past in the past tense and opens its present-tense sentences otherwise ("The vote
    …", "However, protests continued on Sunday")."""
    text = s.text
    if not 5 <= s.n <= _UNCREDITED_WORDS or text.rstrip().endswith(":") or not text[:1].isupper():
        return None
    if '"' in text or "“" in text or "”" in text:
        return None  # "Mick Mulvaney is seen in Congress in 2016. “Everyone respects him,” …"
    verbs = lexicon("caption_verbs")
    if verbs.keys.isdisjoint(s.keyed):
        return None
    subject = _SUBJECT.match(text)
    if subject is None or s.words[0] in stopwords:
        return None
    verb = verbs.pattern.match(text, subject.end())
    if verb is None:
        return None
    months = word_set("caption_dates")
    weekdays = word_set("caption_weekdays")
    for date in _CAPTION_DATE.finditer(text, verb.end()):
        named = date.group(1) or date.group(2) or date.group(3)
        end = date.end()
        if named is not None and named.lower() in weekdays:
            dated = _DATED_WEEKDAY.match(text, end)  # "on Monday, Nov. 2, 2016"
            if dated is None or dated.group(1).lower() not in months:
                continue  # "on Wednesday" alone: as often the story's schedule
            end = dated.end()
        elif named is not None and named.lower() not in months:
            continue
        if _goes_on(text[end:]):
            return None
        return f"a photo caption without its credit (<name> {verb.group(0).lower()} … <date>)"
    return None


def _goes_on(tail: str) -> bool:
    """Whether a line goes on after its date the way a story's sentence does (", where she is
    expected to …", ", which drew …", "…, the White House said": caption_clauses.txt and
    speech_verbs.txt), not the way a caption closes ("…, in Washington.")."""
    return (
        lexicon("caption_clauses").pattern.search(tail) is not None
        or lexicon("speech_verbs").pattern.search(tail) is not None
    )
