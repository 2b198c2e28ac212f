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
