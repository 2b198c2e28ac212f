"""Pairing features on Dask: each article's content words and quote keys, per partition."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from corpuscli.engine.dask.partitions import in_input_order

if TYPE_CHECKING:
    import pandas as pd


def _features_partition(frame: pd.DataFrame, quotes: bool) -> pd.DataFrame:
    from corpuscli.coverage.pairs import article_features

    features = article_features(frame, quotes=quotes)
    out = frame.drop(columns="text")
    out["counts"] = _object_array(features.counters())
    out["quote_keys"] = _object_array([sorted(k) for k in features.signatures])
    return out


def _object_array(values: list[Any]) -> Any:
    import numpy as np

    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def pair_features(frame: Any, *, quotes: bool = True) -> Any:
    """Lazy per-article features for :func:`corpuscli.coverage.pairs.find_pairs` (content-word counts and
    quote keys, the costly part), computed per partition; the pairing itself then runs on the
    client over them (see :func:`pairs_input`)."""
    meta = frame._meta.drop(columns="text")
    meta["counts"] = _object_array([])
    meta["quote_keys"] = _object_array([])
    return frame.map_partitions(_features_partition, quotes, meta=meta)


def pairs_input(features: pd.DataFrame) -> tuple[pd.DataFrame, tuple[list[Any], list[set[str]]]]:
    """The computed features as (corpus frame without text, features) for ``find_pairs``."""
    ordered = in_input_order(features)
    counts = ordered.pop("counts").tolist()
    keys = [set(k) for k in ordered.pop("quote_keys").tolist()]
    return ordered.assign(text=""), (counts, keys)
