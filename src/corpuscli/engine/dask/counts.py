"""Term counts per partition (``map_partitions``), summed by Dask, turned back into the pandas
engine's :class:`~corpuscli.engine.term_counts.TermCounts`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from .partitions import ORDER

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.engine.counting import Counter, TermOptions, TokenSpec
    from corpuscli.engine.term_counts import TermCounts

#: Separates the words of an n-gram in the frames the partitions return (no token contains it).
_SEP = "\x1f"


def _worker_counter(spec: TokenSpec) -> Counter:
    """The worker's Counter for ``spec``, kept across partitions (one per thread): its cache of
    tokenised chunks stays warm, as in the pandas engine's worker processes."""
    import threading

    from corpuscli.engine.counting import Counter
    from corpuscli.engine.parallel import worker_state

    counters: dict[tuple[TokenSpec, int], Counter] = worker_state().setdefault("dask-counters", {})
    key = (spec, threading.get_ident())
    if key not in counters:
        counters[key] = Counter(spec)
    return counters[key]


def _count_partition(frame: pd.DataFrame, by: str | None, options: TermOptions) -> pd.DataFrame:
    """One partition's counts as rows (n, group, term, count, docs, first); ``n == 0`` rows carry
    a group's word tokens (count) and articles (docs), and where the group first appears."""
    import numpy as np
    import pandas as pd

    from corpuscli.engine.counting import Totals
    from corpuscli.engine.term_counts import TermCounts, batch_texts

    names: dict[str, int] = {}
    counter = _worker_counter(options.token_spec())
    totals = Totals.in_step_with(counter)
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
        table = counts.filtered(n)
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
    from corpuscli.engine.counting import TermOptions

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

    from corpuscli.engine.counting import GLOBAL_BITS, Totals, check_ngram_vocabulary
    from corpuscli.engine.term_counts import TermCounts

    merged = merged.reset_index()
    head = merged[merged["n"] == 0].sort_values("first", kind="stable")
    group_names = head["group"].tolist()
    group_index = {name: i for i, name in enumerate(group_names)}
    totals = Totals()
    totals.group_tokens = dict(enumerate(head["count"].astype(int).tolist()))
    totals.group_docs = dict(enumerate(head["docs"].astype(int).tolist()))
    body = merged[merged["n"] > 0]
    split = {
        int(cast(int, n)): part["term"].str.split(_SEP, expand=True, regex=False)
        for n, part in body.groupby("n", sort=True)  # column n holds ints
    }
    columns = [w[c] for w in split.values() for c in w.columns]
    all_words = pd.concat(columns, ignore_index=True) if columns else pd.Series([], dtype=object)
    codes, vocab = pd.factorize(all_words)
    totals.terms = list(vocab)
    totals.term_ids = {t: i for i, t in enumerate(totals.terms)}
    offset = 0
    for n in split:
        check_ngram_vocabulary(len(vocab), n)
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
