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
from .vocabulary import lexicon, words_of

#: A photographer's name and the slash after it: "Nam Y. Huh/", "Olivier Douliery-Pool/".
_PHOTOGRAPHER = re.compile(r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}/")
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
    if "/" in text[:60]:
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
