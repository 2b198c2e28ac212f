"""A quote's speaker is never a word inside another quote: asked once per quote by a bisection
(:class:`~corpuscli.coverage.spans.SpanSet`), not by reading every quote's span, which took
quadratic time on a run-on text of thousands of quotes. The answers are those of the scan
(checked on generated spans); the work grows with the number of quotes times its logarithm
(comparisons counted, not timed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import corpuscli.coverage.quotes as quotes_module
from corpuscli.coverage.quotes import extract_quotes
from corpuscli.coverage.spans import SpanSet, starting_within
from tests.conftest import bounded

spans_st = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(spans_st, st.lists(st.integers(-5, 270), max_size=40))
def test_holds_is_the_scan(raw, positions):
    spans = [(a, a + n) for a, n in raw] + [(a + n, a) for a, n in raw[:3]]  # empty ones too
    found = SpanSet(spans)
    for pos in positions:
        assert found.holds(pos) == any(a <= pos < b for a, b in spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 100), max_size=40), st.integers(-5, 110), st.integers(-5, 110))
def test_starting_within_is_the_filter(values, start, end):
    starts = sorted(values)
    assert [starts[i] for i in starting_within(starts, start, end)] == [
        v for v in starts if start <= v < end
    ]


class _Counted(int):
    """A position that counts the comparisons made with it."""

    made = 0

    def _count(self, other: object, op: str) -> bool:
        _Counted.made += 1
        return bool(getattr(int(self), op)(other))

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        return self._count(other, "__lt__")

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        return self._count(other, "__le__")

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        return self._count(other, "__gt__")

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        return self._count(other, "__ge__")


def test_each_question_reads_a_logarithm_of_the_spans():
    n = 4000
    found = SpanSet((10 * i, 10 * i + 5) for i in range(n))
    _Counted.made = 0
    for i in range(0, 10 * n, 7):
        assert found.holds(_Counted(i)) == (i % 10 < 5)
    questions = len(range(0, 10 * n, 7))
    assert _Counted.made <= questions * 16  # a scan: thousands a question


def test_a_run_on_text_of_many_quotes_asks_each_quote_once(monkeypatch):
    """Thousands of quotes in one paragraph with no full stop, each attributed after it: every
    speaker is checked against the quotes by one question, and each is found."""
    asked: list[int] = []
    original = SpanSet.holds

    def holds(self: SpanSet, pos: int) -> bool:
        asked.append(len(self.starts))
        return original(self, pos)

    monkeypatch.setattr(quotes_module.SpanSet, "holds", holds)
    n = 1500
    text = "".join(f"“We will stay number {i},” Putin said, " for i in range(n)) + "and left."
    with bounded(120):
        found = extract_quotes(text)
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == n
    assert all(q.speaker == "Putin" for q in direct)
    assert len(asked) <= 3 * n  # one question a quote (and a few for reported clauses)
