"""Reported speech stays linear in the length of a run-on sentence: each speech verb reads the
words near it (its complement's first words, its subject's last words, the next verbs of its
clause, the phrase after "according to"), never the sentence to its end or from its start.
A sentence of thousands of verbs and no full stop once made each of them read it whole
(``_complement_start``, ``_aside``, the mask of ``_phrase_end``, the count of a clause's words,
the subject before a verb with no clause boundary in reach). The work is counted, not timed: the
characters and verbs the helpers are handed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.reported as reported
from corpuscli.coverage.quotes import extract_quotes
from tests.conftest import bounded

#: The helpers counted, and what each call costs: the characters of text or the verbs it gets.
MEASURES: dict[str, Callable[[tuple, Any], int]] = {
    "_clause_like": lambda a, r: len(a[0]),
    "_that_opens_clause": lambda a, r: len(a[0]),
    "mask_abbreviations": lambda a, r: len(a[0]),
    "_strip_negation": lambda a, r: len(a[0]),
    "_strip_adverbs": lambda a, r: len(a[0]),
    "_verbs_in": lambda a, r: len(r),
    "parse_subject": lambda a, r: a[2] - a[1],
}

#: Runs that once made every verb read the sentence (each one a verb with no clause of its own,
#: a phrase with no stop, a subject with no clause boundary before it).
UNITS = [
    "the plan, officials said, would go on and on ",
    "officials said, ",
    "according to the man ",
    "he told reporters, ",
    "When asked, Trump said ",
    "Smith, who met them, noted ",
    "the man accused of fraud ",
]


@contextmanager
def _counted() -> Iterator[Counter[str]]:
    """The work of the helpers of ``MEASURES`` inside the block (a context manager, so that
    hypothesis's examples can use it too)."""
    work: Counter[str] = Counter()
    originals = {name: getattr(reported, name) for name in MEASURES}

    def counting(name: str) -> Callable[..., Any]:
        original = originals[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            work[name] += MEASURES[name](args, result)
            return result

        return call

    for name in MEASURES:
        setattr(reported, name, counting(name))
    try:
        yield work
    finally:
        for name, original in originals.items():
            setattr(reported, name, original)


def _work(text: str) -> int:
    with _counted() as work, bounded(120):
        extract_quotes(text)
    return sum(work.values())


@pytest.mark.parametrize("unit", UNITS)
def test_a_run_on_sentence_four_times_longer_costs_about_four_times_more(unit):
    short, long = ("He said " + unit * n + "end." for n in (250, 1000))
    small, large = _work(short), _work(long)
    assert large <= 5 * small + 1000  # quadratic: some 16 times
    assert large <= 80 * len(long)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([" said", " says", ",", " and", " he", " told", " reporters",
                                 " that", " the", " minister", " Putin", " according to", " who",
                                 " noted", " when", " asked", " both", " denied", " warned",
                                 " Smith", " officials", " on Monday", " Axios"]),
                min_size=600, max_size=1500))  # fmt: skip
def test_generated_run_on_sentences_cost_a_bounded_amount_per_character(words):
    text = "Officials met" + "".join(words)  # 3,000 characters or more
    # each verb reads a bounded stretch near it (its subject up to _SUBJECT_REACH characters
    # back), so the work is a multiple of the length; a verb that read the sentence would cost
    # its length each, hundreds of times the length in all
    assert _work(text) <= 250 * len(text)


def test_the_windows_cover_what_the_rules_read():
    # a complement is decided by its first words (a "that" within the first 160 characters), a
    # subject by its last words before the verb, a name after "according to" by its first stop
    assert reported._COMPLEMENT_WINDOW >= 300
    assert reported._SUBJECT_REACH >= 300
    assert reported._PHRASE_MAX >= 256
    assert reported._WORDS_WINDOW >= 1000
