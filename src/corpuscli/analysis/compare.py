"""Comparing groups of articles (outlets, bias ratings, any column): keyness and similarity.

Keyness of a term for a target group against a reference (the other groups, one named group, or
a frequency list), with a = the term's frequency in the target, b = in the reference, c and d the
target's and the reference's sizes (word tokens, or documents with ``unit="docs"``):

- expected frequencies ``E1 = c * (a + b) / (c + d)``, ``E2 = d * (a + b) / (c + d)``;
- ``g2``, Rayson's log-likelihood. ``ll=2`` (Rayson & Garside 2000, the form conc uses):
  ``2 * (a ln(a/E1) + b ln(b/E2))``; ``ll=4`` (AntConc's default): the same sum over all four
  cells of the contingency table, adding ``(c-a) ln((c-a)/(c-E1)) + (d-b) ln((d-b)/(d-E2))``;
  ``0 ln 0 = 0``;
- ``p_value``: the chi-square (1 df) tail of g2, multiplied by the number of terms tested for the
  group (Bonferroni) and capped at 1, unless ``correction="none"``;
- ``log_ratio`` (Hardie 2014): ``log2((a/c) / (b/d))``;
- ``pct_diff`` (Gabrielatos & Marchi 2012): ``(a/c - b/d) * 100 / (b/d)``;
- for ``log_ratio`` and ``pct_diff`` a zero frequency is replaced by 0.5 (Hardie's correction),
  so no value is infinite; the raw counts are always shown beside them;
- ``direction``: ``over`` when ``a/c > b/d``, else ``under``.

Similarity between groups: cosine of TF-IDF vectors (a group's counts weighted by the smooth idf
over groups, ``ln((1 + G) / (1 + g)) + 1`` with g the number of groups using the term) and Jaccard of
vocabularies (terms used at least ``min_count`` times).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from corpuscli.analysis.terms import decode_terms, group_rank
from corpuscli.engine.counting import TermOptions
from corpuscli.engine.term_counts import TermCounts, count_terms
from corpuscli.errors import InputError, NothingToAnalyse, UsageError

KEYNESS_COLUMNS = (
    "group", "term", "target_count", "reference_count", "target_per_10k", "reference_per_10k",
    "g2", "p_value", "log_ratio", "pct_diff", "direction",
)  # fmt: skip
SORTS = ("g2", "log-ratio")


#: Counts, expected counts and scores: arrays of floats.
Floats = npt.NDArray[np.float64]


def g2_two_term(a: npt.ArrayLike, b: npt.ArrayLike, c: float | Floats, d: float | Floats) -> Floats:
    """Rayson & Garside's log-likelihood over the two frequency cells."""
    fa, fb = np.asarray(a, np.float64), np.asarray(b, np.float64)
    e1 = c * (fa + fb) / (c + d)
    e2 = d * (fa + fb) / (c + d)
    return 2 * (_xlogx(fa, e1) + _xlogx(fb, e2))


def g2_four_term(
    a: npt.ArrayLike, b: npt.ArrayLike, c: float | Floats, d: float | Floats
) -> Floats:
    """Log-likelihood over the full 2x2 contingency table (AntConc's default)."""
    fa, fb = np.asarray(a, np.float64), np.asarray(b, np.float64)
    e1 = c * (fa + fb) / (c + d)
    e2 = d * (fa + fb) / (c + d)
    return 2 * (_xlogx(fa, e1) + _xlogx(fb, e2) + _xlogx(c - fa, c - e1) + _xlogx(d - fb, d - e2))


def _xlogx(observed: npt.ArrayLike, expected: npt.ArrayLike) -> Floats:
    o = np.asarray(observed, np.float64)
    e = np.broadcast_to(np.asarray(expected, np.float64), o.shape)
    out = np.zeros_like(o)
    mask = o > 0
    out[mask] = o[mask] * np.log(o[mask] / e[mask])
    return out


def chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    """P(X > x) for a chi-square variable with one degree of freedom: erfc(sqrt(x / 2))."""
    return np.array([math.erfc(math.sqrt(max(v, 0.0) / 2)) for v in np.asarray(x, float)])


def keyness_scores(
    a: np.ndarray, b: np.ndarray, c: float, d: float, *, ll: int = 2, with_p: bool = True
) -> dict[str, np.ndarray]:
    """g2, raw p, log_ratio, pct_diff and over/under for target counts ``a`` against ``b``."""
    if ll not in (2, 4):
        raise UsageError("--ll must be 2 or 4")
    a, b = np.asarray(a, float), np.asarray(b, float)
    g2 = g2_two_term(a, b, c, d) if ll == 2 else g2_four_term(a, b, c, d)
    a_c = np.where(a > 0, a, 0.5) / c
    b_c = np.where(b > 0, b, 0.5) / d
    return {
        "g2": g2,
        "p": chi2_sf_1df(g2) if with_p else np.empty(0),
        "log_ratio": np.log2(a_c / b_c),
        "pct_diff": (a_c - b_c) * 100 / b_c,
        "direction": np.where(a / c > b / d, "over", "under"),
    }


def read_frequency_list(path: str) -> pd.Series:
    """A reference word list: CSV/TSV with (word, count) columns, header optional."""
    p = Path(path)
    if not p.is_file():
        raise InputError("reference list not found", where=path, hint="check --reference-list")
    sep = "\t" if p.suffix.lower() in (".tsv", ".tab", ".txt") else ","
    try:
        raw = pd.read_csv(
            p, sep=sep, header=None, dtype=str, keep_default_na=False, encoding="utf-8-sig"
        )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(f"cannot read the reference list: {exc}", where=path) from None
    if raw.shape[1] < 2:
        raise InputError("reference list needs two columns: word, count", where=path)
    counts = pd.to_numeric(raw.iloc[:, 1].str.replace(",", ""), errors="coerce")
    if pd.isna(counts.iloc[0]):  # a header row
        raw, counts = raw.iloc[1:], counts.iloc[1:]
    bad = counts.isna() | (counts < 0)
    if bad.any():
        line = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise InputError(
            "count is not a number", where=f"{path}:{line}", hint="give word, count per line"
        )
    words = raw.iloc[:, 0].str.strip().str.lower().str.replace("’", "'")
    return counts.astype(float).groupby(words.to_numpy()).sum()


def _group_table(
    counts: TermCounts, unit: str, sizes: tuple[int, ...] | None = None, *, decoded: bool = True
) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """(group, term, freq) for unigrams/n-grams after stopword filtering; sizes per group.
    ``decoded=False`` gives (group, n, key, freq) instead: each term by its packed key and size,
    its string not made (see :class:`_Vocabulary`)."""
    frames = []
    for n in sizes or counts.options.sizes:
        table = counts.filtered(n)
        if len(table):
            table = table.assign(n=n)
            frames.append(table)
    if not frames:
        raise NothingToAnalyse("no terms left after filtering", hint="try --stopwords none")
    table = pd.concat(frames, ignore_index=True)
    value = "docs" if unit == "docs" else "count"
    totals = counts.totals.group_docs if unit == "docs" else counts.totals.group_tokens
    group_sizes = np.array([totals.get(g, 0) for g in range(len(counts.group_names))], dtype=float)
    if not decoded:
        out = table[["group", "n", "key", value]].rename(columns={value: "freq"})
        return out, group_sizes, counts.group_names
    table["term"] = decode_terms(counts, table)
    out = table[["group", "term", value]].rename(columns={value: "freq"})
    return out, group_sizes, counts.group_names


def terms_by_key(counts: TermCounts, sizes: tuple[int, ...]) -> bool:
    """Whether keyness may tell terms apart by their packed keys: a key is one string exactly
    when no word holds a space (an n-gram's string joins its words with spaces)."""
    if list(sizes) == [1]:
        return True
    return not any(" " in term for term in counts.totals.terms)


class _Vocabulary:
    """The terms a keyness table scores, numbered 0.. by :meth:`codes`: by their strings, or by
    their packed keys and sizes (the strings made only for the rows listed). The numbering
    differs, not what is scored: the listed rows are ordered by score and term string."""

    def __init__(self, counts: TermCounts, table: pd.DataFrame) -> None:
        self.counts = counts
        self.strings: np.ndarray | None = None
        self.index: pd.Index | None = None
        if "term" in table:
            term_codes, vocab_index = pd.factorize(table["term"], sort=True)
            self.index = vocab_index
            self.strings = np.asarray(vocab_index, dtype=object)  # once: converting per group
            self.term_codes = term_codes
            self.size = len(vocab_index)
            return
        sizes = table["n"].to_numpy()
        keys = table["key"].to_numpy()
        self.term_codes = np.empty(len(table), dtype=np.int64)
        self.keys: list[tuple[int, int, np.ndarray]] = []  # (n, first code, the n-grams' keys)
        start = 0
        for n in sorted(set(sizes.tolist())):
            rows = np.flatnonzero(sizes == n)
            codes, uniques = pd.factorize(keys[rows])
            self.term_codes[rows] = codes + start
            self.keys.append((n, start, np.asarray(uniques)))
            start += len(uniques)
        self.size = start

    def names(self, codes: np.ndarray) -> np.ndarray:
        """The term strings of ``codes`` (an array of str)."""
        if self.strings is not None:
            named: np.ndarray = self.strings[codes].astype(str)
            return named
        out = np.empty(len(codes), dtype=object)
        for n, start, keys in self.keys:
            mine = np.flatnonzero((codes >= start) & (codes < start + len(keys)))
            if len(mine):
                out[mine] = self.counts.totals.decode(keys[codes[mine] - start], n)
        decoded: np.ndarray = out.astype(str)
        return decoded


def keyness(
    corpus: pd.DataFrame | Iterable[pd.DataFrame] | TermCounts,
    *,
    by: str = "source",
    target: str | None = None,
    reference: str | None = None,
    reference_list: str | None = None,
    options: TermOptions | None = None,
    unit: str = "tokens",
    ll: int = 2,
    min_count: int = 5,
    p: float = 0.05,
    correction: str = "bonferroni",
    direction: str = "both",
    sort: str = "g2",
    top: int | None = 50,
    jobs: int = 1,
    ngram_sizes: tuple[int, ...] | None = None,
) -> pd.DataFrame:
    """Keyness of every term of each target group (``target``, else every group) against
    ``reference`` (a group; default: all the other groups) or a ``reference_list`` file.

    Columns: group, term, target_count, reference_count, target_per_10k, reference_per_10k, g2,
    p_value, log_ratio, pct_diff, direction (see the module docstring). Terms with fewer than
    ``min_count`` occurrences in target and reference together are not tested; rows with
    ``p_value`` above ``p`` are dropped. One counting pass serves every group.
    """
    if unit not in ("tokens", "docs"):
        raise UsageError("--unit must be tokens or docs")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}", hint="use g2 or log-ratio")
    if direction not in ("over", "under", "both"):
        raise UsageError("--direction must be over, under or both")
    if correction not in ("bonferroni", "none"):
        raise UsageError("--correction must be bonferroni or none")
    if top is not None and top < 1:
        raise UsageError("--top must be 1 or more", hint="or use --all")
    if reference_list and unit == "docs":
        raise UsageError("--unit docs needs document counts, which a frequency list has not")
    counts = (
        corpus
        if isinstance(corpus, TermCounts)
        else count_terms(
            corpus, by=by if not reference_list or by else None, options=options, jobs=jobs
        )
    )
    # Terms by their keys where that tells them apart as their strings would: only the rows
    # listed are decoded (the vocabulary of a large corpus is millions of strings to sort).
    by_key = not reference_list and terms_by_key(counts, ngram_sizes or counts.options.sizes)
    table, sizes, names = _group_table(counts, unit, ngram_sizes, decoded=not by_key)
    present = [g for g in range(len(names)) if sizes[g] > 0]
    # One vector per group over the whole vocabulary: no dense terms x groups table, so
    # hundreds of outlets cost no more memory than one.
    vocab = _Vocabulary(counts, table)
    term_codes = vocab.term_codes
    group_col = table["group"].to_numpy()
    freq_col = table["freq"].to_numpy().astype(float)
    all_freq = np.bincount(term_codes, weights=freq_col, minlength=vocab.size)

    by_group = np.argsort(group_col, kind="stable")  # each group's rows are one slice
    bounds = np.searchsorted(group_col[by_group], np.arange(len(names) + 1))

    def vector(g: int) -> np.ndarray:
        rows = by_group[bounds[g] : bounds[g + 1]]
        return np.bincount(term_codes[rows], weights=freq_col[rows], minlength=vocab.size)

    index_of = {name: g for g, name in enumerate(names)}
    settings = _Settings(ll, min_count, p, correction, direction, top, sort)
    if reference_list:
        if target and target not in index_of:
            _unknown_group(target, names, by)
        ref = read_frequency_list(reference_list)
        ref_vector = ref.reindex(vocab.index, fill_value=0.0).to_numpy()
        targets = [index_of[target]] if target else present
        results = [
            _score(names[g], vocab, vector(g), ref_vector, sizes[g], float(ref.sum()), settings)
            for g in targets
        ]
    else:
        if [names[g] for g in present] == ["(none)"]:
            raise UsageError(
                f"no article has a value in the column {by!r}", hint="group by another column"
            )
        if len(present) < 2:
            raise UsageError(
                f"keyness needs at least two groups in --by {by}; the corpus has {len(present)}",
                hint="use another --by column, or a --reference-list",
            )
        for name in (target, reference):
            if name is not None and name not in index_of:
                _unknown_group(name, names, by)
        # Articles without a group value form "(none)": part of every reference, never a target
        # unless asked for.
        targets = [index_of[target]] if target else [g for g in present if names[g] != "(none)"]
        fixed_ref = None
        if reference is not None:
            r = index_of[reference]
            if r in targets and len(targets) == 1:
                raise UsageError("the target and the reference are the same group")
            fixed_ref = (vector(r), sizes[r], r)
        results = []
        for g in targets:
            a = vector(g)
            if fixed_ref is not None:
                if fixed_ref[2] == g:
                    continue
                b, d = fixed_ref[0], fixed_ref[1]
            else:
                b, d = all_freq - a, sizes.sum() - sizes[g]
            results.append(_score(names[g], vocab, a, b, sizes[g], d, settings))
    found = [rows for rows, _ in results if len(rows["term"])]
    if not found:
        if not any(tested for _, tested in results):
            raise NothingToAnalyse(
                f"no term occurs {min_count} times or more",
                hint="lower --min-count or use more text",
            )
        raise NothingToAnalyse(
            f"no term is significant at p <= {p}"
            + (" after the Bonferroni correction" if correction == "bonferroni" else ""),
            hint="raise --p, lower --min-count, or compare larger groups",
        )
    out = pd.DataFrame({k: np.concatenate([rows[k] for rows in found]) for k in found[0]})
    key = "g2" if sort == "g2" else "log_ratio"
    rank = group_rank(counts)
    order = {names[g]: rank[g] for g in targets}
    out = out.assign(_o=out["group"].map(order), _k=out[key] if key == "g2" else out[key].abs())
    out = out.sort_values(["_o", "_k", "term"], ascending=[True, False, True], kind="stable")
    if top is not None:
        out = out[out.groupby("group").cumcount() < top]
    out = out.drop(columns=["_o", "_k"]).reset_index(drop=True)
    return out[list(KEYNESS_COLUMNS)]  # values in full (people formats round when they draw)


def keyness_note(ll: int, correction: str) -> str:
    """What a keyness table's numbers are, in a line for its reader."""
    return f"G² in its {ll}-term form; p values " + (
        "Bonferroni-corrected per group" if correction == "bonferroni" else "uncorrected"
    )


def critical_g2(alpha: float) -> float:
    """The smallest G² whose chi-square (1 df) tail is at most ``alpha`` (by bisection)."""
    if alpha >= 1:
        return 0.0
    low, high = 0.0, 1.0
    while math.erfc(math.sqrt(high / 2)) > alpha:
        high *= 2
    for _ in range(200):
        mid = (low + high) / 2
        if math.erfc(math.sqrt(mid / 2)) > alpha:
            low = mid
        else:
            high = mid
    return low


@dataclass(frozen=True)
class _Settings:
    """The options of :func:`keyness` that score each group (as it documents them)."""

    ll: int
    min_count: int
    p: float
    correction: str
    direction: str
    top: int | None
    sort: str


def _score(
    name: str,
    vocab: _Vocabulary,
    a: np.ndarray,
    b: np.ndarray,
    c: float,
    d: float,
    settings: _Settings,
) -> tuple[dict[str, np.ndarray], int]:
    """Score one target group over the whole vocabulary and keep the rows that pass the
    filters (the columns of :data:`KEYNESS_COLUMNS`, as arrays); with the number of terms
    tested (the Bonferroni factor)."""
    if c <= 0 or d <= 0:
        raise NothingToAnalyse(f"group {name!r} or its reference has no text to compare")
    idx = np.flatnonzero((a + b) >= settings.min_count)
    tested = len(idx)
    if settings.direction != "both":  # only the terms of that direction are scored (a term the
        # target never uses is under-represented in it: most of a small outlet's vocabulary)
        over = a[idx] / c > b[idx] / d  # as keyness_scores tells the direction
        idx = idx[over if settings.direction == "over" else ~over]
    a, b = a[idx], b[idx]
    scores = keyness_scores(a, b, c, d, ll=settings.ll, with_p=False)
    bonferroni = settings.correction == "bonferroni"
    # corrected p = min(raw * tested, 1) <= p  exactly when raw <= p / tested (or p >= 1)
    alpha = settings.p / tested if bonferroni and tested and settings.p < 1 else settings.p
    # A row's p is at most alpha exactly when its G² reaches the critical value; the p values
    # (one math.erfc each) are computed only for rows that can be listed.
    keep = scores["g2"] >= critical_g2(alpha) * (1 - 1e-9)
    if settings.direction != "both":
        keep &= scores["direction"] == settings.direction
    if settings.top is not None:
        rank_by = scores["g2"] if settings.sort == "g2" else np.abs(scores["log_ratio"])
        candidates = np.flatnonzero(keep)
        if len(candidates) > settings.top:
            cut = np.sort(rank_by[candidates])[-settings.top]
            keep &= rank_by >= cut
    sel = np.flatnonzero(keep)
    p_raw = chi2_sf_1df(scores["g2"][sel])
    p_value = np.minimum(p_raw * tested, 1.0) if bonferroni else p_raw
    listed = p_value <= settings.p
    sel, p_value = sel[listed], p_value[listed]
    rows = {
        "group": np.full(len(sel), name, dtype=object),
        "term": vocab.names(idx[sel]),
        "target_count": a[sel].astype(np.int64),
        "reference_count": b[sel].astype(np.int64),
        "target_per_10k": a[sel] / c * 10_000,
        "reference_per_10k": b[sel] / d * 10_000,
        "g2": scores["g2"][sel],
        "p_value": p_value,
        "log_ratio": scores["log_ratio"][sel],
        "pct_diff": scores["pct_diff"][sel],
        "direction": scores["direction"][sel],
    }
    return rows, tested


def _unknown_group(name: str, names: list[str], by: str) -> None:
    import difflib

    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    listed = ", ".join(sorted(names)[:20]) + (" ..." if len(names) > 20 else "")
    hint = f"did you mean {', '.join(close)}?" if close else f"the groups are: {listed}"
    raise UsageError(f"no group {name!r} in --by {by}", hint=hint)


def similarity(
    corpus: pd.DataFrame | Iterable[pd.DataFrame] | TermCounts,
    *,
    by: str = "source",
    metric: str = "cosine",
    options: TermOptions | None = None,
    min_count: int = 1,
    max_terms: int = 50_000,
    jobs: int = 1,
) -> pd.DataFrame:
    """Group x group similarity matrix: the first column names the group, then one column per
    group. Cosine over TF-IDF vectors of the ``max_terms`` most frequent terms, or Jaccard over
    the vocabularies (terms used at least ``min_count`` times)."""
    if metric not in ("cosine", "jaccard"):
        raise UsageError("--metric must be cosine or jaccard")
    counts = (
        corpus
        if isinstance(corpus, TermCounts)
        else count_terms(corpus, by=by, options=options, jobs=jobs)
    )
    table, sizes, names = _group_table(counts, "tokens")
    table = table[table["freq"] >= min_count]
    groups = [g for g in range(len(names)) if sizes[g] > 0]
    if len(groups) < 2:
        raise UsageError(f"similarity needs at least two groups in --by {by}")
    # Terms in alphabetical order (the columns), the max_terms most frequent kept (ties: the
    # first alphabetically); a group x term matrix filled straight from the rows.
    codes, _ = pd.factorize(table["term"], sort=True)
    freq = table["freq"].to_numpy().astype(np.float64)
    totals = pd.Series(np.bincount(codes, weights=freq)).nlargest(max_terms)
    kept = np.sort(totals.index.to_numpy())
    column = np.searchsorted(kept, codes)
    row = pd.Series(range(len(groups)), index=groups).reindex(table["group"]).to_numpy()
    take = (column < len(kept)) & (kept[np.minimum(column, len(kept) - 1)] == codes)
    take &= ~np.isnan(row)
    values = np.zeros((len(groups), len(kept)), dtype=np.float64)
    np.add.at(values, (row[take].astype(np.int64), column[take]), freq[take])
    if metric == "cosine":
        used = (values > 0).sum(axis=0)
        idf = np.log((1 + len(groups)) / (1 + used)) + 1
        values *= idf  # the weights, in place: the matrix is groups x up to max_terms
        norms = np.linalg.norm(values, axis=1, keepdims=True)
        np.divide(values, norms, out=values, where=norms > 0)  # a zero row stays zero
        sim = values @ values.T
    else:
        present = (values > 0).astype(np.float64)
        inter = present @ present.T
        sizes_v = present.sum(axis=1)
        union = sizes_v[:, None] + sizes_v[None, :] - inter
        sim = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    labels = [names[g] for g in groups]
    key_column = "doc_id" if by == "doc" else by
    out = pd.DataFrame(sim, columns=labels)  # in full: people formats round when they draw
    out.insert(0, key_column, labels)
    return out


PROFILE_COLUMNS = (
    "articles", "words", "mean_words", "sttr", "quoted_share", "top_quoted",
)  # fmt: skip


@dataclass
class _GroupProfile:
    """What :func:`profile` adds up for one group, article after article."""

    articles: int = 0
    words: int = 0
    types: int = 0
    segments: int = 0
    chars: int = 0
    quoted: int = 0
    speakers: Counter[str] = field(default_factory=Counter)
    #: The group's running text past its last full segment, carried to its next article.
    carry: list[str] = field(default_factory=list)


def standardised_ttr(tokens: list[str], segment: int = 1000) -> tuple[int, int]:
    """Sum of types over the text's full ``segment``-token segments, and how many segments."""
    types = 0
    full = len(tokens) // segment
    for i in range(full):
        types += len(set(tokens[i * segment : (i + 1) * segment]))
    return types, full


def profile(
    corpus: pd.DataFrame | Iterable[pd.DataFrame], *, by: str = "source", segment: int = 1000
) -> pd.DataFrame:
    """Per group: articles, words, mean_words, sttr (standardised type/token ratio: the mean
    type/token ratio of consecutive ``segment``-token stretches of the group's running text,
    lowercased; empty for groups shorter than one stretch),
    quoted_share (share of the text inside direct and partial quotes), top_quoted (the speakers
    most often quoted, by last name, with counts; see ``corpuscli.coverage.quotes``)."""
    from corpuscli.coverage.quotes import extract_quotes
    from corpuscli.schema import group_keys
    from corpuscli.text.tokens import Tokenizer

    tok = Tokenizer()
    acc: dict[object, _GroupProfile] = {}
    frames = [corpus] if isinstance(corpus, pd.DataFrame) else corpus
    for frame in frames:
        keys = group_keys(frame, by)
        for key, text in zip(keys, frame["text"], strict=True):
            text = text if isinstance(text, str) else ""
            row = acc.setdefault(key, _GroupProfile())
            tokens = tok.tokens(text)
            running = row.carry + tokens  # the group's running text, article after article
            types, segments = standardised_ttr(running, segment)
            row.carry = running[segments * segment :]
            row.articles += 1
            row.words += len(tokens)
            row.types += types
            row.segments += segments
            row.chars += len(text)
            quotes = extract_quotes(text)
            row.quoted += sum(q.end - q.start for q in quotes if q.kind in ("direct", "partial"))
            for q in quotes:
                if (
                    q.speaker
                    and q.speaker[:1].isupper()
                    and not q.speaker.lower().startswith("the ")
                ):
                    row.speakers[q.speaker.split()[-1]] += 1
    if not acc:
        raise NothingToAnalyse("no articles to profile")
    rows = []
    for key, group in acc.items():
        top = ", ".join(
            f"{n} ({c})"
            for n, c in sorted(group.speakers.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        )
        rows.append(
            {
                by: key,
                "articles": group.articles,
                "words": group.words,
                "mean_words": round(group.words / group.articles, 1),
                "sttr": round(group.types / (group.segments * segment), 4)
                if group.segments
                else None,
                "quoted_share": round(group.quoted / group.chars, 4) if group.chars else 0.0,
                "top_quoted": top,
            }
        )
    out = pd.DataFrame(rows)
    out = out.sort_values(["articles", by], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)
