"""Collocations: word pairs that co-occur within a window more often than chance.

Counting: every ordered pair (w1 earlier, w2 later) of tokens at most ``window`` tokens apart in
the same sentence is one co-occurrence (``window=1``: adjacent words, i.e. bigrams). From the
table of all pairs, for a pair (w1, w2):

- ``O11`` (``count``): co-occurrences of w1 then w2;
- ``R1`` (``f1``): pairs with w1 first; ``C1`` (``f2``): pairs with w2 second; ``N``: all pairs;
- ``E11`` (``expected``) ``= R1 * C1 / N``;
- ``llr``: log-likelihood G² ``= 2 * Σ O_ij * ln(O_ij / E_ij)`` over the 2x2 table
  (``O12 = R1 - O11``, ``O21 = C1 - O11``, ``O22 = N - R1 - C1 + O11``; ``0 * ln 0 = 0``);
- ``pmi`` ``= log2(O11 / E11)``; ``t_score`` ``= (O11 - E11) / sqrt(O11)``;
- ``dice`` ``= 2 * O11 / (R1 + C1)``.

These are the pair-table definitions of Evert (2008), as NLTK's association measures use them.
Stopwords and numbers are removed from the listed pairs, not from the counts.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from corpuscli.engine.counting import Counter, Partial, TermOptions, Totals, has_letter
from corpuscli.engine.parallel import run_batches, worker_state
from corpuscli.engine.term_counts import batch_texts
from corpuscli.errors import NotFound, NothingToAnalyse, UsageError
from corpuscli.text.tokens import fold_quotes

MEASURES = {"llr": "llr", "pmi": "pmi", "t": "t_score", "t_score": "t_score", "dice": "dice"}
COLUMNS = ("w1", "w2", "count", "expected", "f1", "f2", "llr", "pmi", "t_score", "dice")


def _init_worker(options: TermOptions, window: int, node: str | None) -> None:
    state = worker_state()
    state["counter"] = Counter(options.token_spec())
    state["window"] = window
    state["node"] = node


def _pairs_batch(batch: tuple[list[str], np.ndarray]) -> Partial:
    state = worker_state()
    counter: Counter = state["counter"]
    return counter.pairs(batch[0], state["window"], state["node"])


def association(count: np.ndarray, f1: np.ndarray, f2: np.ndarray, n: int) -> pd.DataFrame:
    """The association measures of the module docstring, vectorised."""
    o11 = count.astype(float)
    r1 = f1.astype(float)
    c1 = f2.astype(float)
    total = float(n)
    e11 = r1 * c1 / total
    observed = [o11, r1 - o11, c1 - o11, total - r1 - c1 + o11]
    expected = [
        e11,
        r1 * (total - c1) / total,
        (total - r1) * c1 / total,
        (total - r1) * (total - c1) / total,
    ]
    g2 = np.zeros(len(o11))
    for o, e in zip(observed, expected, strict=True):
        with np.errstate(divide="ignore", invalid="ignore"):
            term = np.where(o > 0, o * np.log(o / e), 0.0)
        g2 += term
    return pd.DataFrame(
        {
            "expected": e11,
            "llr": 2 * g2,
            "pmi": np.log2(o11 / e11),
            "t_score": (o11 - e11) / np.sqrt(o11),
            "dice": 2 * o11 / (r1 + c1),
        }
    )


def collocations(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    node: str | None = None,
    window: int = 1,
    measure: str = "llr",
    options: TermOptions | None = None,
    min_count: int = 3,
    top: int | None = 50,
    jobs: int = 1,
    counted: Totals | None = None,
) -> pd.DataFrame:
    """Ranked collocations (see the module docstring for every column), optionally of one
    ``node`` word. Ties are broken by w1, then w2. ``counted``: pair counts made already (by
    :func:`corpuscli.engine.partitioned.count_pairs_in_files`, with :func:`pair_options` and
    :func:`node_key`); ``corpus`` is then not read."""
    check_request(measure=measure, window=window, top=top)
    options = pair_options(options)
    key = node_key(node, options) if node else None
    totals = counted if counted is not None else _count_pairs(corpus, options, window, key, jobs)
    if key is not None and key not in totals.term_ids:
        import difflib

        close = difflib.get_close_matches(key, totals.terms, n=5)
        hint = f"close matches: {', '.join(close)}" if close else "check the spelling"
        raise NotFound(f"the node word {node!r} does not occur in the corpus", hint=hint)
    pairs = totals.table("pairs")
    first = totals.table("first")
    second = totals.table("second")
    n_pairs = int(first["count"].sum())
    if not len(pairs) or n_pairs == 0:
        raise NothingToAnalyse("no word pairs to count", hint="the texts have too few words")
    f1 = pd.Series(first["count"].to_numpy(), index=first["key"].to_numpy())
    f2 = pd.Series(second["count"].to_numpy(), index=second["key"].to_numpy())
    a, b = totals.component_ids(pairs["key"].to_numpy(), 2)
    terms = totals.terms
    drop = np.zeros(len(pairs), dtype=bool)
    stop = np.fromiter((t in options.stopwords for t in terms), bool, len(terms))
    number = np.fromiter((not has_letter(t) for t in terms), bool, len(terms))
    drop |= stop[a] | stop[b]
    if not options.keep_numbers:
        drop |= number[a] | number[b]
    keep = ~drop & (pairs["count"].to_numpy() >= min_count)
    if key is not None:
        nid = totals.term_ids[key]
        keep &= (a == nid) | (b == nid)
    a, b, count = a[keep], b[keep], pairs["count"].to_numpy()[keep]
    if not len(count):
        raise NothingToAnalyse(
            f"no pair occurs {min_count} times or more after removing stopwords",
            hint="lower --min-count, widen --window, or use --stopwords none",
        )
    table = pd.DataFrame(
        {
            "w1": [terms[i] for i in a],
            "w2": [terms[i] for i in b],
            "count": count,
            "f1": f1.reindex(a).to_numpy(),
            "f2": f2.reindex(b).to_numpy(),
        }
    )
    scores = association(
        table["count"].to_numpy(), table["f1"].to_numpy(), table["f2"].to_numpy(), n_pairs
    )
    table = pd.concat([table, scores], axis=1)
    column = MEASURES[measure]
    table = table.sort_values([column, "w1", "w2"], ascending=[False, True, True], kind="stable")
    if top is not None:
        table = table.head(top)
    # values in full: machine formats promise them; people formats round when they draw
    return table[list(COLUMNS)].reset_index(drop=True)


def check_request(*, measure: str, window: int, top: int | None) -> None:
    """A usage error for a measure, window or top that :func:`collocations` cannot take (before
    any counting)."""
    if measure not in MEASURES:
        raise UsageError(f"unknown measure {measure!r}", hint="use llr, pmi, t or dice")
    if not 1 <= window <= 20:
        raise UsageError("--window must be between 1 and 20")
    if top is not None and top < 1:
        raise UsageError("--top must be 1 or more", hint="or use --all")


def pair_options(options: TermOptions | None) -> TermOptions:
    """The token options collocations count with: ``options`` marking sentence boundaries (pairs
    never cross them)."""
    options = options or TermOptions()
    return TermOptions(
        lower=options.lower, stopwords=options.stopwords, stem=options.stem, ngram=(1, 2),
        pattern=options.pattern, keep_numbers=options.keep_numbers, languages=options.languages,
    )  # fmt: skip


def _count_pairs(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    options: TermOptions,
    window: int,
    node: str | None,
    jobs: int,
) -> Totals:
    totals = Totals()
    for part in run_batches(
        _pairs_batch,
        batch_texts(corpus, None, {}),
        jobs=jobs,
        initializer=_init_worker,
        initargs=(options, window, node),
    ):
        totals.add(part)
    return totals


def node_key(word: str, options: TermOptions) -> str:
    """A node word as the counting saw its tokens (quotes folded, lowercased, stemmed)."""
    text = fold_quotes(word.strip())
    if options.lower:
        text = text.lower()
    languages = options.languages
    stem = options.stem or (languages.stemmer(languages.fallback) if languages else None)
    if stem:  # with --lang auto, as an article of the fallback language (English) would be
        from corpuscli.text.nltk_light import snowball

        text = snowball(stem).stem(text)
    return text
