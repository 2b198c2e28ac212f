"""Attributions a review found too eager: each case is said by nobody, or by someone else than a
newer rule picked. One test per family; short constructed sentences in the shape of the
reviewer's examples."""

from __future__ import annotations

from corpuscli.coverage.quotes import extract_quotes


def test_participle_after_a_dash_takes_no_subject_from_a_later_sentence() -> None:
    # with no comma before "saying", no ", and" clause may be looked for past it
    text = (
        "The minister spoke for an hour — saying that the plan would work. Later, the talks "
        "stalled, and former Defense Secretary Jim Mattis issued a rebuke."
    )
    assert all(q.speaker != "Jim Mattis" for q in extract_quotes(text))
