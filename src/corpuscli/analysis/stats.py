"""Corpus overview: articles, words, vocabulary and dates, overall or per group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from corpuscli.engine.parallel import run_batches, worker_state
from corpuscli.progress import Progress, tracked
from corpuscli.schema import PERIODS, group_keys
from corpuscli.text.tokens import Tokenizer

if TYPE_CHECKING:
    from corpuscli.engine.term_counts import TermCounts

STATS_COLUMNS = (
    "articles",
    "words",
    "distinct_words",
    "mean_words",
    "median_words",
    "characters",
    "first_published",
    "last_published",
    "undated",
)


def word_counts(frame: pd.DataFrame, tokenizer: Tokenizer | None = None) -> pd.Series:
    """Number of word tokens in each article (the default tokenizer: see ``corpuscli.text.tokens``)."""
    tok = tokenizer or Tokenizer(lower=False)
    counts = [sum(tok.counts(t).values()) if isinstance(t, str) else 0 for t in frame["text"]]
    return pd.Series(counts, index=frame.index, dtype="int64", name="words")


def article_summary(
    frame: pd.DataFrame, *, jobs: int = 1, progress: Progress | None = None
) -> pd.DataFrame:
    """One line per article for people: doc_id, source, title, published, lang, words."""
    out = frame[["doc_id", "source", "title", "published"]].copy()
    out["lang"] = article_languages(frame, jobs=jobs, progress=progress)
    out["words"] = word_counts(frame)
    return out


def article_languages(
    frame: pd.DataFrame, *, jobs: int = 1, progress: Progress | None = None
) -> pd.Series:
    """Each article's language (see :mod:`corpuscli.text.languages`), detected by ``jobs``
    worker processes from the first characters of each text (``progress``: step ``languages``,
    see :mod:`corpuscli.progress`)."""
    from corpuscli.text.languages import SAMPLE_CHARS, detect_languages, language_column

    samples = [t[:SAMPLE_CHARS] if isinstance(t, str) else None for t in frame["text"]]
    size = 2000
    batches = (samples[i : i + size] for i in range(0, len(samples), size))
    parts = tracked(
        lambda parts: run_batches(detect_languages, parts, jobs=jobs), batches, progress,
        step="languages", total=len(samples),
    )  # fmt: skip
    detected = [code for part in parts for code in part]
    return language_column(frame, detected)


def with_language(
    frame: pd.DataFrame, *, jobs: int = 1, progress: Progress | None = None
) -> pd.DataFrame:
    """``frame`` with a ``lang`` column (:func:`article_languages`) after the core columns, or
    its own ``lang`` column filled where empty."""
    from corpuscli.schema import CORE_COLUMNS
    from corpuscli.text.languages import COLUMN

    column = article_languages(frame, jobs=jobs, progress=progress)
    out = frame.copy(deep=False)
    if COLUMN in out.columns:
        out[COLUMN] = column
    else:
        out.insert(sum(c in CORE_COLUMNS for c in out.columns), COLUMN, column)
    return out


def _setup() -> None:
    worker_state()["tok"] = Tokenizer(lower=True)


def _word_batch(
    batch: tuple[Sequence[object], Sequence[object]],
) -> tuple[list[int], dict[object, set[str]]]:
    """Word tokens per article and the lowercased types per group, for one batch (the group
    keys and the texts of its articles)."""
    tok: Tokenizer = worker_state()["tok"]
    words: list[int] = []
    vocab: dict[object, set[str]] = {}
    for key, text in zip(*batch, strict=True):
        c: Counter[str] = tok.counts(text) if isinstance(text, str) else Counter()
        words.append(sum(c.values()))
        vocab.setdefault(key, set()).update(c)
    return words, vocab


def _count_words(
    texts: Sequence[object],
    key_list: Sequence[object],
    jobs: int,
    progress: Progress | None = None,
) -> tuple[list[int], dict[object, int]]:
    size = 2000
    batches = ((key_list[i : i + size], texts[i : i + size]) for i in range(0, len(texts), size))
    words: list[int] = []
    vocab: dict[object, set[str]] = {}
    for part_words, part_vocab in tracked(
        lambda parts: run_batches(_word_batch, parts, jobs=jobs, initializer=_setup), batches,
        progress, step="counting", total=len(texts), size=lambda batch: len(batch[0]),
    ):  # fmt: skip
        words.extend(part_words)
        for key, types in part_vocab.items():
            vocab.setdefault(key, set()).update(types)
    return words, {k: len(v) for k, v in vocab.items()}


def _plain_words(counts: TermCounts) -> bool:
    """Counts whose per-article words are the lowercased tokens this module counts."""
    opts = counts.options
    return (
        opts.lower and not opts.stemmed and opts.pattern is None and bool(counts.totals.doc_tokens)
    )


def _words_from_counts(
    counts: TermCounts, key_list: Sequence[object], by: str | None
) -> tuple[list[int], dict[object, int]] | None:
    """Each article's word tokens and each group's distinct words: the rows of each group in
    the counts' table of words per group when they were counted by the same ``by``, else the
    (group, word) pairs of the articles' (doc, word) table, told apart once (one code per pair,
    counted per group); None when the counts hold neither for these groups."""
    import numpy as np

    from corpuscli.engine.counting import WORDS

    if WORDS in counts.totals.arity and counts.by == by:
        doc_tokens = np.concatenate(counts.totals.doc_tokens)
        sizes = counts.totals.rows_per_group(WORDS, len(counts.group_names)).tolist()
        named = zip(counts.group_names, sizes, strict=True)
        return doc_tokens.tolist(), {k: int(n) for k, n in named if n}
    if not counts.totals.doc_words:
        return None
    doc_tokens, table = counts.totals.word_table()
    codes, names = pd.factorize(pd.Series(list(key_list), dtype=object))
    groups, keys = codes[table["doc"].to_numpy()], table["key"].to_numpy()
    width = int(keys.max()) + 1 if len(keys) else 1
    if len(keys) and groups.min() >= 0 and int(groups.max()) < (1 << 62) // width:
        # a pair as one integer, hashed once: a third of the time and memory of a frame's
        # drop_duplicates over two columns (millions of rows on a large corpus)
        pairs = pd.unique(groups.astype(np.int64) * width + keys.astype(np.int64))
        sizes = np.bincount(pairs // width, minlength=len(names))
        return doc_tokens.tolist(), {names[g]: int(n) for g, n in enumerate(sizes.tolist()) if n}
    frame = pd.DataFrame({"g": groups, "k": keys})
    found = frame.drop_duplicates().groupby("g").size()
    return doc_tokens.tolist(), {names[g]: int(n) for g, n in zip(found.index, found, strict=True)}


def corpus_stats(
    frame: pd.DataFrame,
    by: str | None = None,
    *,
    jobs: int = 1,
    counts: TermCounts | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Articles, words, distinct words (lowercased types), mean and median words per article,
    characters, first and last publication time and undated articles — overall, or per group.

    The first column is ``by`` (or ``corpus`` with the value "all"); groups are sorted by articles,
    most first, ties by name — or in time order when ``by`` is a period. ``jobs`` worker
    processes tokenise — unless ``counts`` (``count_terms(frame, per_doc=True)``, lowercased,
    unstemmed) already hold each article's words: then the text is not read again.
    ``progress`` is told the articles counted (see :mod:`corpuscli.progress`).
    """
    key_name = by or "corpus"
    keys = group_keys(frame, by) if by else pd.Series("all", index=frame.index, dtype=object)
    key_list = keys.tolist()
    known = (
        _words_from_counts(counts, key_list, by)
        if counts is not None and counts.has_article_words(len(frame))
        else None
    )
    if known is not None:
        words, distinct = known
    else:
        words, distinct = _count_words(frame["text"].tolist(), key_list, jobs, progress)
    work = pd.DataFrame(
        {
            "key": keys.to_numpy(),
            "words": words,
            "chars": frame["text"].str.len().fillna(0).astype("int64").to_numpy(),
            "published": frame["published"].to_numpy(),
        }
    )
    grouped = work.groupby("key", sort=False)
    out = pd.DataFrame(
        {
            "articles": grouped.size(),
            "words": grouped["words"].sum(),
            "mean_words": grouped["words"].mean().round(1),
            "median_words": grouped["words"].median(),
            "characters": grouped["chars"].sum(),
            "first_published": grouped["published"].min(),
            "last_published": grouped["published"].max(),
            "undated": grouped["published"].apply(lambda s: int(s.isna().sum())),
        }
    )
    out["distinct_words"] = [distinct.get(k, 0) for k in out.index]
    out = out.reset_index(names=key_name)
    if by in PERIODS:  # time order, undated last
        out = out.sort_values(key_name, key=lambda k: k.replace("(none)", "~"), kind="stable")
    else:
        out = out.sort_values(["articles", key_name], ascending=[False, True], kind="stable")
    return out[[key_name, *STATS_COLUMNS]].reset_index(drop=True)
