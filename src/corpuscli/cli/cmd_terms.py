"""`corpus terms`: word and n-gram frequencies, overall or per group, with TF-IDF."""

from __future__ import annotations

from typing import Annotated

import typer

from ._command import corpus_command
from ._engine import Compute
from ._run import InputSpec, Run
from ._token_options import (
    AllOpt,
    MinCountOpt,
    MinDocsOpt,
    NgramOpt,
    Tokens,
    TopOpt,
)

HELP = """Word and n-gram frequencies: which words, how often, in how many articles.

Columns: \\[group], term, \\[n], count, per_10k (count per 10,000 word tokens of the group), docs (articles containing the term), share_docs (docs / articles), \\[tfidf]. With --by, people get one column per group (term and count) unless --long; programs get the long form unless --wide. With --term, one row per group and term, zeros included: a time series with --by month.

TF-IDF is count × (ln((1 + N) / (1 + df)) + 1), N articles, df articles containing the term. N-grams never cross sentence or paragraph boundaries, and an n-gram is dropped when it starts or ends with a stopword.
"""

EPILOG = """\b
Examples:
  corpus terms sample_data/ --top 30
  corpus terms corpus.jsonl --ngram 2 --by source
  corpus terms corpus.jsonl --by month --term karabakh
  corpus terms corpus.jsonl --measure tfidf --by doc --top 5
  corpus terms corpus.jsonl --ngram 1-3 --stopwords none --keep-case --all -o terms.tsv
  corpus terms parts/ --engine dask --scheduler tcp://10.0.0.5:8786 --by source
"""

ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="GROUP",
        help="Count per group: doc, source (or any column), day, week, month, year.",
    ),
]
MeasureOpt = Annotated[
    str,
    typer.Option("--measure", "-m", metavar="NAME", help="Rank by count, per_10k, docs or tfidf."),
]
TermOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--term", "-t", metavar="TERM", help="Only these terms (repeatable), every group listed."
    ),
]
LongOpt = Annotated[
    bool | None,
    typer.Option(
        "--long/--wide", help="Long form (a row per group and term) or a column per group."
    ),
]


@corpus_command(tokens=True, compute=True)
def terms_command(
    by: ByOpt = None,
    measure: MeasureOpt = "count",
    term: TermOpt = None,
    long: LongOpt = None,
    top: TopOpt = 50,
    all_terms: AllOpt = False,
    ngram: NgramOpt = "1",
    min_count: MinCountOpt = 1,
    min_docs: MinDocsOpt = 1,
    *,
    tokens: Tokens,
    compute: Compute,
    run: Run,
    inputs: InputSpec,
    fmt: str,
    output: str | None,
) -> None:
    compute.start_early(inputs)
    options = tokens.options(ngram)
    from corpuscli.analysis.terms import MEASURES, term_table, wide_table
    from corpuscli.errors import UsageError

    from ._engine import term_counts

    if measure not in MEASURES:
        raise UsageError(f"unknown --measure {measure!r}", hint=f"use one of {', '.join(MEASURES)}")
    if top < 1 and not all_terms:
        raise UsageError("--top must be 1 or more", hint="or use --all for every term")
    counts = term_counts(run, inputs, by=by, options=options, compute=compute)
    table = term_table(
        counts,
        top=None if all_terms else top,
        measure=measure,
        min_count=min_count,
        min_docs=min_docs,
        terms=term,
    )
    for missing in sorted(set(term or []) - set(table.loc[table["count"] > 0, "term"])):
        run.warn(f"the term {missing!r} does not occur in the corpus")
    group_col = table.columns[0] if by else None
    people = fmt in ("table", "md", "html")
    if by and not term and (long is False or (long is None and people)):
        table = wide_table(table, group_col, "tfidf" if measure == "tfidf" else "count")
    run.emit(table, fmt, output, title="terms")
