"""The term table of a handful of texts, counted and ranked without pandas.

Importing pandas takes most of a short run (about 0.3 s of 0.4 on two articles), so the words
of a few articles are counted with NumPy and Python dictionaries — the same tokens, by the same
tokeniser (:meth:`corpuscli.engine.counting.Counter.word_totals`) — and ranked here by the rules
of :func:`corpuscli.analysis.terms.term_table` for one group of single words: the same numbers,
the same order (measure, then term), the measures in full. Anything else (groups, n-grams, TF-IDF, chosen
terms) goes the ordinary way; so does a table with no term left, which that way explains.
"""

from __future__ import annotations

from typing import cast

from corpuscli.engine.counting import Counter, TermOptions, has_letter

#: The columns of the table (as :func:`corpuscli.analysis.terms.term_table` names them).
COLUMNS = ("term", "count", "per_10k", "docs", "share_docs")
#: The measures ranked here.
MEASURES = ("count", "per_10k", "docs")


def few_term_rows(
    texts: list[str],
    options: TermOptions,
    *,
    top: int | None = 50,
    measure: str = "count",
    min_count: int = 1,
    min_docs: int = 1,
) -> list[tuple[str, int, float, int, float]] | None:
    """The rows of the term table of ``texts`` (one group, single words): term, count, per_10k,
    docs, share_docs; None when this way cannot give them (see the module docstring)."""
    if measure not in MEASURES or options.ngram != (1, 1) or options.stemmed:
        return None
    counter = Counter(options.token_spec(), light=True)
    totals = counter.word_totals(texts)
    if totals is None:
        return None
    counts, docs = (column.tolist() for column in totals)
    tokens = max(sum(counts), 1)
    documents = max(len(texts), 1)
    terms = counter.terms
    stop = options.stopwords
    rows = []
    for tid, count in enumerate(counts):
        if not count:
            continue
        term = terms[tid]
        if term in stop or (not options.keep_numbers and not has_letter(term)):
            continue
        if count < min_count or docs[tid] < min_docs:
            continue
        rows.append((term, count, count / tokens * 10_000, docs[tid], docs[tid] / documents))
    if not rows:
        return None
    column = COLUMNS.index(measure)
    rows.sort(key=lambda row: (-cast(float, row[column]), row[0]))
    if top is not None:
        rows = rows[:top]
    return rows  # measures in full, as the ordinary way gives them to machine formats
