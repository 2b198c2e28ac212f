"""Photo captions known by their credit: the credit after a caption's bar ("<caption> | AP
Photo", "<caption> | Saul Loeb/AFP/Getty Images <the page's headline>") or a photographer's
credit opening the caption ("Caitlin Ochs/Reuters <caption>", "Ann Hermes/The Christian Science
Monitor <caption>"). A credit is a picture agency's word (data/boilerplate/photo_agencies.txt)
or the outlet's own name, maybe after a photographer's name and a slash; at the block's start
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
    return None
