"""compare --naming does work in proportion to the text on hostile input: two articles that
repeat one sentence with one word swapped ("dictator" / "leader") and no full stop once took
cubic time (13 s on 4,000 characters, 94 s on 8,000): every place of a two-word context in one
article was paired with every place in the other, and each pair read its whole sentence again.
The work is counted, not timed: the calls made for a text twice as long stay about twice as
many."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

import pandas as pd
import pytest

from corpuscli.analysis import naming
from corpuscli.analysis.naming import naming_differences
from corpuscli.errors import NotFound
from tests.conftest import bounded

#: Sentences that, repeated, made the search cubic (no full stop) or quadratic (full stops).
HOSTILE = [
    ("North Korean dictator Kim Jong Un said the US ", "dictator", "leader"),
    ("North Korean dictator Kim Jong Un said the US. ", "dictator", "leader"),
]


def _run(text_a: str, text_b: str) -> None:
    frame = pd.DataFrame({"side": ["a", "b"], "text": [text_a, text_b]})
    with contextlib.suppress(NotFound):  # no pair aligned on a stop-context: a sane answer
        naming_differences(frame, by="side", a="a", b="b")


def _calls(run: Callable[[], None]) -> int:
    """How many functions (Python's and C's) ``run()`` calls."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(("unit", "word_a", "word_b"), HOSTILE)
def test_a_repeated_swap_takes_work_in_proportion(unit, word_a, word_b):
    _run("North Korean leader said.", "North Korean dictator said.")  # data read beforehand

    def texts(size: int) -> tuple[str, str]:
        text = unit * (size // len(unit))
        return text, text.replace(word_a, word_b)

    with bounded(120):
        small = _calls(lambda: _run(*texts(4000)))
        large = _calls(lambda: _run(*texts(8000)))
    assert large < 3 * small, large / small  # linear: about 2; quadratic: 4; cubic: 8


def test_a_swap_is_still_found_below_the_stop_context():
    """A context written fewer than STOP_CONTEXT times is aligned as before: the swap of the
    hostile text is found when the sentence is repeated a few times."""
    unit = HOSTILE[0][0]
    text = unit * 5
    frame = pd.DataFrame({"side": ["a", "b"], "text": [text, text.replace("dictator", "leader")]})
    table = naming_differences(frame, by="side", a="a", b="b")
    assert ("dictator", "leader") in set(zip(table["term_a"], table["term_b"], strict=True))
    assert naming.STOP_CONTEXT > 5


def test_an_abbreviation_written_in_every_sentence_is_compared_in_few_places(monkeypatch):
    """An article that writes "EU" in each of its sentences, against one that writes
    "European Union" in each of its own, compares at most PLACES sentences of each for the
    pair: each place of one against each place of the other grew as the square of the
    count."""
    seen = 0
    real = naming.overlap

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal seen
        seen += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(naming, "overlap", counted)
    unit = "The European Union (EU) set tariffs on steel from Canada number {}. "
    text_a = "".join(unit.format(i) for i in range(200))
    text_b = text_a.replace("(EU) ", "").replace("European Union", "EU")
    frame = pd.DataFrame({"side": ["a", "b"], "text": [text_a, text_b]})
    table = naming_differences(frame, by="side", a="a", b="b")
    assert ("european union", "eu") in set(zip(table["term_a"], table["term_b"], strict=True))
    assert seen <= 4 * naming.PLACES**2, seen
