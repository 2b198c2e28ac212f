"""The cycle collector held off for a step (engine.collector) and the allocator pools given back."""

from __future__ import annotations

import gc

import pytest

from corpuscli.engine.collector import collector_paused
from corpuscli.engine.parallel import give_back_memory


@pytest.fixture(autouse=True)
def _collector_restored():
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_when_the_step_raises() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("stop")
    assert gc.isenabled()


def test_nested_pauses_leave_it_off_until_the_outermost_ends() -> None:
    gc.enable()
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_as_a_decorator_each_call_pauses_it() -> None:
    @collector_paused()
    def step() -> bool:
        return gc.isenabled()

    gc.enable()
    assert step() is False and step() is False
    assert gc.isenabled()


def test_giving_back_memory_keeps_arrow_tables_whole() -> None:
    pa = pytest.importorskip("pyarrow")
    kept = pa.array(["a line of text"] * 1000)
    dropped = pa.array(["another line"] * 100_000)
    del dropped
    give_back_memory()
    assert kept.to_pylist()[:1] == ["a line of text"] and len(kept) == 1000


def test_judging_boilerplate_leaves_the_collector_as_it_found_it() -> None:
    import pandas as pd

    from corpuscli.boilerplate.detection import detect

    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "source": ["X", "X"],
            "text": ["Officials met on Monday.\nFollow us on Twitter @x", "A second story.\nAP"],
        }
    )
    gc.enable()
    verdicts = detect(frame)
    assert gc.isenabled()
    assert verdicts["boilerplate"].tolist() == [False, True, False, True]
