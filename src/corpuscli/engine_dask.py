"""Scale-out on Dask: the same pandas functions, run per partition on a Dask cluster.

A *partition* is one input file, or a group of small files (about :data:`PARTITION_BYTES` of
input each): a folder of Parquet or JSONL partitions is the natural input. Each partition is
loaded on a worker by the ordinary :class:`~corpuscli.io.loader.Loader` (same columns, sources,
dates and time window as the pandas engine) into a Dask DataFrame, and the analyses run on it with
``map_partitions``:

- **counting** (``terms``, ``compare``): each partition counts its n-grams per group with the
  ordinary :class:`~corpuscli.counting.Counter` and returns them as a frame of
  (n, group, term, count, docs); Dask sums the frames by (n, group, term). Counts and document
  frequencies add up exactly (an article lies in one partition), so the merged table equals the
  pandas engine's, and everything after it (ranking, TF-IDF, keyness) is the same code.
- **boilerplate** (``boilerplate``, ``clean``, ``--clean``): the corpus is shuffled by source, so
  that every article of an outlet lands in one partition, and detection runs per partition.

What the loaders report (skipped files and lines, notes) comes back from the workers with the
result. Two things are per partition rather than corpus-wide: ``--dedupe`` (refused: it needs the
whole corpus) and the renaming of doc_ids that clash between files (``fox/story``), which the
pandas engine does across the whole load.
"""

from __future__ import annotations

import logging
import os
import warnings
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from corpuscli.errors import CorpusError, ExitCode, MissingExtraError, Problem, UsageError

if TYPE_CHECKING:
    import pandas as pd
    from distributed import Client

    from corpuscli.counting import Counter, TokenSpec
    from corpuscli.io.inputs import InputItem
    from corpuscli.terms import TermCounts, TermOptions

#: Input bytes (on disk; compressed files count four times) gathered into one partition; the
#: environment variable CORPUSCLI_PARTITION_MB overrides it.
PARTITION_BYTES = 64 * 2**20
#: Separates the words of an n-gram in the frames the partitions return (no token contains it).
_SEP = "\x1f"
#: Column giving each article's place in the input (partition number << 32 | row), so that
#: results leave in input order whatever the shuffles did.
ORDER = "_order"
#: Column carrying the metadata columns beyond the core ones, as JSON (see :func:`load`).
EXTRAS = "_extras"


class EngineError(CorpusError):
    """The Dask scheduler cannot be reached, or the cluster cannot be started."""

    exit_code = ExitCode.ENGINE


def require_dask() -> None:
    """Raise :class:`MissingExtraError` naming the extra when Dask is not installed."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("--engine dask", "dask", exc.name or "dask") from None


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A Dask client: on the scheduler at ``scheduler`` (``tcp://HOST:8786``), else on a local
    cluster of ``workers`` single-threaded worker processes (default: every core)."""
    require_dask()
    from distributed import Client, LocalCluster

    from corpuscli.parallel import available_cores

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                hint="check the address and that `dask scheduler` runs there",
            ) from None
        with client:
            yield client
        return
    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():  # nothing in them for a user to act on
            warnings.simplefilter("ignore", UserWarning)
            cluster = LocalCluster(
                n_workers=workers or available_cores(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
    except (OSError, RuntimeError) as exc:
        raise EngineError(f"cannot start a local Dask cluster: {exc}") from None
    with cluster, Client(cluster) as client:
        yield client


# --- partitions -------------------------------------------------------------------------------------


def partition_bytes() -> int:
    """The partition size: CORPUSCLI_PARTITION_MB if set (0 puts each file alone), else
    :data:`PARTITION_BYTES`."""
    value = os.environ.get("CORPUSCLI_PARTITION_MB")
    if not value:
        return PARTITION_BYTES
    try:
        return max(0, int(float(value) * 2**20))
    except ValueError:
        raise UsageError(
            f"CORPUSCLI_PARTITION_MB must be a number of megabytes, not {value!r}"
        ) from None


def plan_partitions(items: Sequence[InputItem], target: int | None = None) -> list[list[InputItem]]:
    """Group input items into partitions of about ``target`` bytes, in input order."""
    target = partition_bytes() if target is None else target
    parts: list[list[InputItem]] = []
    current: list[InputItem] = []
    size = 0
    for item in items:
        if item.path is None:
            raise UsageError(
                "--engine dask reads files, not standard input",
                hint="save the input to a file, or use --engine pandas",
            )
        try:
            weight = item.path.stat().st_size * (4 if item.compression else 1)
        except OSError:
            weight = 0  # the loader reports it
        if current and size + weight > target:
            parts.append(current)
            current, size = [], 0
        current.append(item)
        size += weight
    if current:
        parts.append(current)
    return parts


@dataclass
class Loaded:
    """A corpus as a Dask DataFrame, and what its loaders will report."""

    frame: Any  # dask.dataframe.DataFrame; None when no input file was found
    #: Delayed (problems, notes, articles) of each partition; compute with the result.
    reports: list[Any]
    #: Problems found before loading (missing paths).
    problems: list[Problem] = field(default_factory=list)


def _load_partition(
    items: list[InputItem],
    options: dict[str, Any],
    columns: tuple[str, ...],
    extras: bool,
    number: int,
) -> tuple[pd.DataFrame, tuple[list[Problem], list[str], int]]:
    import numpy as np
    import pandas as pd

    from corpuscli.io.loader import Loader
    from corpuscli.schema import coerce_frame

    loader = Loader([], items=items, **options)
    frames = list(loader.chunks())
    frame = coerce_frame(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame())
    for col in columns:
        if col not in frame.columns:
            frame[col] = pd.Series(pd.NA, index=frame.index, dtype="string[pyarrow]")
    if extras:
        frame[EXTRAS] = _pack_extras(frame[[c for c in frame.columns if c not in columns]])
        columns = (*columns, EXTRAS)
    frame = frame[list(columns)]
    frame[ORDER] = number * 2**32 + np.arange(len(frame), dtype=np.int64)
    return frame, (loader.problems, loader.notes, loader.articles)


def load(
    paths: Sequence[str], *, keep: Sequence[str] = (), extras: bool = False, **options: Any
) -> Loaded:
    """The inputs as a Dask DataFrame of corpus frames (core columns plus ``keep``), one
    partition per file or group of small files. ``options`` are :class:`Loader` options.

    Partitions of a Dask frame share one set of columns, while files may each bring their own
    metadata: with ``extras``, every other column travels packed as JSON in an ``_extras`` column,
    which :func:`in_input_order` unpacks (for outputs that are the corpus itself, as ``clean``)."""
    require_dask()
    import dask
    import dask.dataframe as dd

    from corpuscli.io.inputs import expand_inputs
    from corpuscli.schema import CORE_COLUMNS, STRING, empty_frame

    if options.get("dedupe"):
        raise UsageError(
            "--dedupe needs the whole corpus in one place",
            hint="drop it with --engine dask, or dedupe once with corpus load --dedupe -o corpus.parquet",
        )
    items, problems = expand_inputs(paths)
    # absolute paths: a worker's working folder may not be ours (the files must be reachable at
    # the same path from every worker); messages and the path column keep the names as given
    items = [
        replace(i, path=i.path.absolute(), root=i.root.absolute() if i.root else None)
        if i.path is not None
        else i
        for i in items
    ]
    if options.get("manifest"):
        from corpuscli.io.manifest import read_manifest

        read_manifest(options["manifest"])  # a bad manifest stops here, not on every worker
        options = {**options, "manifest": os.path.abspath(options["manifest"])}
    keep = tuple(CORE_COLUMNS) + tuple(c for c in keep if c not in CORE_COLUMNS)
    parts = plan_partitions(items)
    if not parts:  # nothing to read: the caller reports the problems
        return Loaded(frame=None, reports=[], problems=problems)
    loads = [
        dask.delayed(_load_partition, nout=2, pure=True)(part, options, keep, extras, number)
        for number, part in enumerate(parts)
    ]
    meta = empty_frame()
    for col in keep[len(CORE_COLUMNS) :]:
        meta[col] = meta["doc_id"].astype(STRING)
    if extras:
        meta[EXTRAS] = meta["doc_id"]
    meta = meta[list(keep) + ([EXTRAS] if extras else [])]
    meta[ORDER] = meta.index.to_numpy(dtype="int64")
    frame = dd.from_delayed([load[0] for load in loads], meta=meta, verify_meta=False)
    return Loaded(frame=frame, reports=[load[1] for load in loads], problems=problems)


def _pack_extras(extra: pd.DataFrame) -> list[str | None]:
    import json

    import pandas as pd

    if not len(extra.columns):
        return [None] * len(extra)
    out: list[str | None] = []
    for row in extra.astype(object).itertuples(index=False):
        values = {
            col: (v.isoformat() if hasattr(v, "isoformat") else v)
            for col, v in zip(extra.columns, row, strict=True)
            if not (v is None or v is pd.NA or (isinstance(v, float) and v != v))
        }
        out.append(json.dumps(values, ensure_ascii=False, default=str) if values else None)
    return out


def _unpack_extras(frame: pd.DataFrame) -> pd.DataFrame:
    import json

    import pandas as pd

    from corpuscli.schema import STRING

    at = list(frame.columns).index(EXTRAS)
    packed = frame.pop(EXTRAS)
    rows = [json.loads(v) if isinstance(v, str) else {} for v in packed]
    extra = pd.DataFrame.from_records(rows, index=frame.index)
    if not len(extra.columns):
        return frame
    typed = extra.convert_dtypes()
    for col in typed.columns:
        if isinstance(typed[col].dtype, pd.StringDtype):
            typed[col] = typed[col].astype(STRING)
    return pd.concat([frame.iloc[:, :at], typed, frame.iloc[:, at:]], axis=1)


def finish_reports(loaded: Loaded, reports: list[Any]) -> tuple[list[Problem], list[str], int]:
    """Problems (in input order), distinct notes and the number of articles read."""
    problems = list(loaded.problems)
    notes: list[str] = []
    articles = 0
    for part_problems, part_notes, part_articles in reports:
        problems.extend(part_problems)
        notes.extend(n for n in part_notes if n not in notes)
        articles += part_articles
    return problems, notes, articles


# --- counting ----------------------------------------------------------------------------------------


def _worker_counter(spec: TokenSpec) -> Counter:
    """The worker's Counter for ``spec``, kept across partitions (one per thread): its cache of
    tokenised chunks stays warm, as in the pandas engine's worker processes."""
    import threading

    from corpuscli.counting import Counter
    from corpuscli.parallel import worker_state

    state = worker_state()
    key = ("dask-counter", spec, threading.get_ident())
    if key not in state:
        state[key] = Counter(spec)
    return state[key]


def _count_partition(frame: pd.DataFrame, by: str | None, options: TermOptions) -> pd.DataFrame:
    """One partition's counts as rows (n, group, term, count, docs, first); ``n == 0`` rows carry
    a group's word tokens (count) and articles (docs), and where the group first appears."""
    import numpy as np
    import pandas as pd

    from corpuscli.counting import Totals
    from corpuscli.terms import TermCounts, _filtered, batch_texts

    names: dict[str, int] = {}
    counter = _worker_counter(options.token_spec())
    totals = Totals()  # in the counter's vocabulary as it stands: no remapping
    totals.terms, totals.term_ids = list(counter.terms), dict(counter.term_ids)
    totals._maps[os.getpid()] = array("q", range(len(counter.terms)))
    seen: list[np.ndarray] = []
    for texts, groups in batch_texts(frame, by, names):
        totals.add(counter.count(texts, groups, options.sizes))
        seen.append(groups)
    group_names = np.array(sorted(names, key=names.__getitem__), dtype=object)
    first = np.zeros(len(group_names), dtype=np.int64)
    if seen:  # where each group first appears in the input
        order = pd.Series(frame[ORDER].to_numpy())
        first = order.groupby(np.concatenate(seen)).min().to_numpy()
    out = [
        pd.DataFrame({
            "n": np.zeros(len(group_names), dtype=np.int64),
            "group": group_names,
            "term": "",
            "count": [totals.group_tokens.get(g, 0) for g in range(len(group_names))],
            "docs": [totals.group_docs.get(g, 0) for g in range(len(group_names))],
            "first": first,
        })
    ]  # fmt: skip
    counts = TermCounts(totals=totals, options=options, by=by, group_names=list(group_names))
    words = np.array(totals.terms, dtype=object)
    for n in options.sizes:
        table = _filtered(counts, n)
        parts = totals.component_ids(table["key"].to_numpy(), n)
        term = pd.Series(words[parts[0]])
        for part in parts[1:]:
            term = term + _SEP + words[part]
        out.append(
            pd.DataFrame({
                "n": np.full(len(table), n, dtype=np.int64),
                "group": group_names[table["group"].to_numpy()],
                "term": term.to_numpy(dtype=object),
                "count": table["count"].to_numpy(),
                "docs": table["docs"].to_numpy(),
                "first": np.zeros(len(table), dtype=np.int64),
            })
        )  # fmt: skip
    return pd.concat(out, ignore_index=True)


def _count_meta() -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    return pd.DataFrame({
        "n": np.array([], dtype=np.int64), "group": np.array([], dtype=object),
        "term": np.array([], dtype=object), "count": np.array([], dtype=np.int64),
        "docs": np.array([], dtype=np.int64), "first": np.array([], dtype=np.int64),
    })  # fmt: skip


def count_terms(frame: Any, *, by: str | None = None, options: TermOptions | None = None) -> Any:
    """The lazy merged counts of a Dask corpus frame (compute it, then :func:`to_term_counts`)."""
    from corpuscli.terms import TermOptions

    options = options or TermOptions()
    partial = frame.map_partitions(_count_partition, by, options, meta=_count_meta())
    return partial.groupby(["n", "group", "term"], sort=False).agg(
        {"count": "sum", "docs": "sum", "first": "min"}, split_every=8
    )


def to_term_counts(merged: pd.DataFrame, *, by: str | None, options: TermOptions) -> TermCounts:
    """The :class:`TermCounts` of a merged count table (as :func:`count_terms` computes it), in
    the form the pandas engine produces: groups in order of first appearance, terms packed by id."""
    import numpy as np
    import pandas as pd

    from corpuscli.counting import GLOBAL_BITS, Totals
    from corpuscli.terms import TermCounts

    merged = merged.reset_index()
    head = merged[merged["n"] == 0].sort_values("first", kind="stable")
    group_names = head["group"].tolist()
    group_index = {name: i for i, name in enumerate(group_names)}
    totals = Totals()
    totals.group_tokens = dict(enumerate(head["count"].astype(int).tolist()))
    totals.group_docs = dict(enumerate(head["docs"].astype(int).tolist()))
    body = merged[merged["n"] > 0]
    split = {
        int(n): part["term"].str.split(_SEP, expand=True, regex=False)
        for n, part in body.groupby("n", sort=True)
    }
    columns = [w[c] for w in split.values() for c in w.columns]
    all_words = pd.concat(columns, ignore_index=True) if columns else pd.Series([], dtype=object)
    codes, vocab = pd.factorize(all_words)
    totals.terms = list(vocab)
    totals.term_ids = {t: i for i, t in enumerate(totals.terms)}
    offset = 0
    for n in split:
        if n > 1 and len(vocab) >= (1 << GLOBAL_BITS):
            raise OverflowError("vocabulary too large to pack n-grams")
        part = body[body["n"] == n]
        key = np.zeros(len(part), dtype=np.int64)
        for _ in range(n):
            key = (key << GLOBAL_BITS) | codes[offset : offset + len(part)]
            offset += len(part)
        totals.tables[str(n)] = [
            pd.DataFrame({
                "group": part["group"].map(group_index).to_numpy(dtype=np.int64),
                "key": key,
                "count": part["count"].to_numpy(dtype=np.int64),
                "docs": part["docs"].to_numpy(dtype=np.int64),
            })
        ]  # fmt: skip
        totals.arity[str(n)] = n
    for n in options.sizes:
        totals.arity.setdefault(str(n), n)
        totals.tables.setdefault(str(n), [])
    return TermCounts(totals=totals, options=options, by=by, group_names=group_names)


# --- boilerplate -------------------------------------------------------------------------------------

_GROUP = "_group"


def _with_group(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    from corpuscli.stats import PERIODS, group_keys

    keyed = by in frame.columns or by in PERIODS
    keys = group_keys(frame, by) if keyed else "(none)"
    return frame.assign(**{_GROUP: keys})


def by_group(frame: Any, by: str = "source") -> Any:
    """The Dask corpus frame shuffled so that every article of a group (outlet) shares a
    partition: what is learned of an outlet's repeated blocks then sees all its articles."""
    meta = frame._meta.assign(**{_GROUP: frame._meta["doc_id"].astype(object)})
    keyed = frame.map_partitions(_with_group, by, meta=meta)
    return keyed.shuffle(on=_GROUP)


def _detect_partition(frame: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    from corpuscli import boilerplate

    verdicts = boilerplate.detect(frame.drop(columns=_GROUP), **options)
    order = dict(zip(frame["doc_id"], frame[ORDER], strict=False))
    return verdicts.assign(**{ORDER: verdicts["doc_id"].map(order).astype("int64")})


def _clean_partition(frame: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    from corpuscli import boilerplate

    cleaned, _ = boilerplate.clean(frame.drop(columns=_GROUP), **options)
    return cleaned


def _meta_of(func: Any, frame: Any, options: dict[str, Any]) -> pd.DataFrame:
    """The empty frame ``func`` returns for an empty partition (Dask's meta)."""
    return func(frame._meta.assign(**{_GROUP: frame._meta["doc_id"].astype(object)}), options)


def detect(frame: Any, *, by: str = "source", **options: Any) -> Any:
    """Lazy verdicts of :func:`corpuscli.boilerplate.detect` for a Dask corpus frame, with the
    ``_order`` column (sort by it and ``block`` for the pandas engine's order)."""
    options = {"by": by, **options}
    shuffled = by_group(frame, by)
    return shuffled.map_partitions(
        _detect_partition, options, meta=_meta_of(_detect_partition, frame, options)
    )


def clean_frame(
    frame: Any, *, by: str = "source", patterns: str | None = None, **options: Any
) -> Any:
    """The Dask corpus frame with boilerplate removed (and a ``removed`` column), as
    :func:`corpuscli.boilerplate.clean` makes it; ``patterns``: a saved patterns file."""
    from corpuscli import boilerplate

    learned = boilerplate.Patterns.load(patterns) if patterns else None
    options = {"by": by, "patterns": learned, **options}
    shuffled = by_group(frame, by)
    return shuffled.map_partitions(
        _clean_partition, options, meta=_meta_of(_clean_partition, frame, options)
    )


def in_input_order(frame: pd.DataFrame, *also: str) -> pd.DataFrame:
    """A computed frame sorted back into input order, without the ``_order`` column."""
    out = frame.sort_values([ORDER, *also], kind="stable")
    out = out.drop(columns=ORDER).reset_index(drop=True)
    return _unpack_extras(out) if EXTRAS in out.columns else out


# --- pairs -------------------------------------------------------------------------------------------


def _features_partition(frame: pd.DataFrame, quotes: bool) -> pd.DataFrame:
    from corpuscli.pairs import article_features

    counts, keys = article_features(frame, quotes=quotes)
    out = frame.drop(columns="text")
    out["counts"] = _object_array(counts)
    out["quote_keys"] = _object_array([sorted(k) for k in keys])
    return out


def _object_array(values: list[Any]) -> Any:
    import numpy as np

    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def pair_features(frame: Any, *, quotes: bool = True) -> Any:
    """Lazy per-article features for :func:`corpuscli.pairs.find_pairs` (content-word counts and
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
