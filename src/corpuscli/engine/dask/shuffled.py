"""Boilerplate on Dask: the corpus shuffled by outlet, detection and cleaning per partition."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .partitions import ORDER

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.boilerplate.detection import Patterns

_GROUP = "_group"


def _with_group(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    from corpuscli.boilerplate.detection import outlet_keys

    return frame.assign(**{_GROUP: outlet_keys(frame, by)})


def by_group(frame: Any, by: str = "source") -> Any:
    """The Dask corpus frame shuffled so that every article of a group (outlet) shares a
    partition: what is learned of an outlet's repeated blocks then sees all its articles."""
    meta = frame._meta.assign(**{_GROUP: frame._meta["doc_id"].astype(object)})
    keyed = frame.map_partitions(_with_group, by, meta=meta)
    return keyed.shuffle(on=_GROUP)


def _detect_partition(frame: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    from corpuscli.boilerplate import detection as boilerplate

    verdicts = boilerplate.detect(frame.drop(columns=_GROUP), **options)
    order = dict(zip(frame["doc_id"], frame[ORDER], strict=False))
    return verdicts.assign(**{ORDER: verdicts["doc_id"].map(order).astype("int64")})


def _clean_partition(frame: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    from corpuscli.boilerplate import detection as boilerplate

    cleaned, _ = boilerplate.clean(frame.drop(columns=_GROUP), all_verdicts=False, **options)
    return cleaned


def _meta_of(
    func: Callable[[pd.DataFrame, dict[str, Any]], pd.DataFrame],
    frame: Any,
    options: dict[str, Any],
) -> pd.DataFrame:
    """The empty frame ``func`` returns for an empty partition (Dask's meta)."""
    return func(frame._meta.assign(**{_GROUP: frame._meta["doc_id"].astype(object)}), options)


def detect(frame: Any, *, by: str = "source", shuffled: Any = None, **options: Any) -> Any:
    """Lazy verdicts of :func:`corpuscli.boilerplate.detection.detect` for a Dask corpus frame, with the
    ``_order`` column (sort by it and ``block`` for the pandas engine's order). ``shuffled``:
    ``by_group(frame, by)`` made already (to share one shuffle with :func:`learn`)."""
    options = {"by": by, **options}
    shuffled = by_group(frame, by) if shuffled is None else shuffled
    return shuffled.map_partitions(
        _detect_partition, options, meta=_meta_of(_detect_partition, frame, options)
    )


def _learn_partition(frame: pd.DataFrame, by: str, min_repeats: int, min_share: float) -> Patterns:
    from corpuscli.boilerplate import detection as boilerplate

    return boilerplate.learn_repeats(frame, by=by, min_repeats=min_repeats, min_share=min_share)


def learn(shuffled: Any, *, by: str, min_repeats: int, min_share: float) -> list[Any]:
    """Lazy :class:`~corpuscli.boilerplate.detection.Patterns` of each partition of ``by_group(frame,
    by)`` (each outlet lies whole in one), to merge once computed."""
    from dask.delayed import delayed

    return [
        delayed(_learn_partition)(part, by, min_repeats, min_share)
        for part in shuffled.to_delayed()
    ]


def clean_frame(
    frame: Any, *, by: str = "source", patterns: str | None = None, **options: Any
) -> Any:
    """The Dask corpus frame with boilerplate removed (and a ``removed`` column), as
    :func:`corpuscli.boilerplate.detection.clean` makes it; ``patterns``: a saved patterns file."""
    from corpuscli.boilerplate import detection as boilerplate

    learned = boilerplate.Patterns.load(patterns) if patterns else None
    options = {"by": by, "patterns": learned, **options}
    shuffled = by_group(frame, by)
    return shuffled.map_partitions(
        _clean_partition, options, meta=_meta_of(_clean_partition, frame, options)
    )
