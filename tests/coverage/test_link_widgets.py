"""The link widgets of data/quotes/link_widgets.txt declare the literal each pattern's matches
hold, and a pattern is tried on the texts that hold its literal: a new widget pattern is a data
change, and one that does not end in "MORE" is tried (the code once skipped every pattern on a
text without "MORE", so such a line was silently never used)."""

from __future__ import annotations

import dataclasses
import re

import corpuscli.coverage.quotes as quotes
from corpuscli.coverage.lexicon import lexicon
from corpuscli.coverage.quotes import extract_quotes

#: A related-stories run after a name (The Hill), and one that a data line of another site's
#: style would find: "Related: …" to the end of its line.
_HILL = (
    "Speaker Nancy Pelosi Nancy PelosiTrump says “we are winning” on trade | House panel "
    "advances flavored e-cig ban MORE (D- Calif.) has fought for months.\n\n"
    '"We are not going to be talking about impeachment today," Pelosi said.'
)
_RELATED = (
    "Putin met Erdogan on Monday.Related: Trump says “we are winning” on trade\n\n"
    '"We are not going to be talking about war today," Putin said.'
)


def test_every_literal_stands_in_its_pattern():
    widgets = lexicon().link_widgets
    assert widgets
    for literal, pattern in widgets:
        assert literal and literal in pattern.pattern, (literal, pattern.pattern)


def test_the_known_widget_hides_its_headlines():
    texts = [q.text for q in extract_quotes(_HILL)]
    assert "we are winning" not in texts
    assert "We are not going to be talking about impeachment today" in texts


def test_a_widget_without_more_is_tried(monkeypatch):
    assert "we are winning" in [q.text for q in extract_quotes(_RELATED)]  # no widget known
    related = ("Related:", re.compile(r"(?<=[a-z.])Related:[^\n]{0,300}"))
    widened = dataclasses.replace(lexicon(), link_widgets=(*lexicon().link_widgets, related))
    monkeypatch.setattr(quotes, "lexicon", lambda: widened)
    texts = [q.text for q in extract_quotes(_RELATED)]
    assert "we are winning" not in texts
    assert "We are not going to be talking about war today" in texts
