"""`corpus terms`: word and n-gram frequencies, overall or per group, with TF-IDF."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source
from corpuscli.text.token_options import Tokens

from .command import Out, command
from .options import AllOpt, NgramOpt, TopOpt
from .session import Session

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


MinCountOpt = Annotated[
    int, typer.Option("--min-count", min=1, help="Drop terms seen fewer times (per group).")
]
MinDocsOpt = Annotated[
    int, typer.Option("--min-docs", min=1, help="Drop terms found in fewer documents (per group).")
]


@command("input", "filters", "store", "cleaning", "tokens", "jobs", "dask", "output")
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
    session: Session,
    source: Source,
    compute: Compute,
    tokens: Tokens,
    out: Out,
) -> None:
    compute.start_early(source)
    from corpuscli.api.terms import terms

    table = terms(
        source, by=by, measure=measure, term=term, top=None if all_terms else top, ngram=ngram,
        min_count=min_count, min_docs=min_docs, tokens=tokens, compute=compute,
        load_report=session.load,
    )  # fmt: skip
    people = out.fmt in ("table", "md", "html")
    if by and not term and (long is False or (long is None and people)):
        from corpuscli.analysis.terms import wide_table

        group_col = str(table.frame.columns[0])
        value = "tfidf" if measure == "tfidf" else "count"
        table.frame = wide_table(table.frame, group_col, value)
    session.emit(table, out.fmt, out.path)
