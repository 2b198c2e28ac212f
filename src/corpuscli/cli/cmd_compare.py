"""`corpus compare`: what each group of articles (outlet, bias rating ...) says differently."""

from __future__ import annotations

from typing import Annotated

import typer

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Source
from corpuscli.text.token_options import Tokens

from .command import Out, command
from .options import AllOpt, NgramOpt, TopOpt
from .session import Session

HELP = """Compare groups of articles — outlets by default, or any metadata column — by keyness (which terms one group uses far more or less than the others), similarity, or a profile.

Keyness columns: group, term, target_count, reference_count, target_per_10k, reference_per_10k, g2 (Rayson's log-likelihood; --ll 2 is the two-cell form of Rayson & Garside 2000 as in conc, --ll 4 the four-cell form AntConc uses), p_value (chi-square, 1 df, Bonferroni-corrected per group unless --correction none), log_ratio (Hardie's binary log of the ratio of relative frequencies), pct_diff (Gabrielatos & Marchi's %DIFF), direction (over or under). A zero frequency counts as 0.5 in log_ratio and pct_diff, so nothing is infinite. Terms seen fewer than --min-count times in target and reference together are not tested.

--naming lists pairs of terms that --target and --reference (two values of --by: outlets, or sides given by any column) use for the same thing, found without hints: the articles of the two groups that tell one story are paired, their passages that read the same but for a few words are aligned ("the city of Shusha" / "the city of Shushi", in sentences that share most of their words), and the swapped words that stand where a name stands (not a speaker, not a list in another order, not one word spelled two ways) are kept when each group uses its own term at least as often as the other's; an abbreviation one group writes where the other writes the name in full (EU / European Union) is a candidate too, when some article spells that name out before abbreviating it or the two sentences that write them share most of their words ("US" amid lower-case words is an abbreviation, not the pronoun; an abbreviation stands for the one name the articles define it as); and so is what the two groups each call one person or body where they name it, before the name or in apposition after it ("House Speaker" / "Representative" Nancy Pelosi), when two pairs of articles show it. Columns term_a, term_b, a_in_A, a_in_B, b_in_A, b_in_B (how often each term is written by each group), swaps (aligned passages that swap them; with an abbreviation, at least --min-swaps; with a description, the pairs of articles that show it), preference (the smaller of the two groups' shares for their own term), score, basis (aligned, abbreviation, described, or declared in --aliases), example_a, example_b (one aligned pair of sentences, or a sentence of each side that writes the term its way). Declared pairs come first.

--similarity gives a group x group matrix: cosine of TF-IDF vectors, or --metric jaccard of vocabularies. --profile gives per group: articles, words, mean_words, sttr (standardised type/token ratio over 1,000-token stretches), quoted_share (share of the text inside direct and partial quotes), top_quoted (the speakers most often quoted, by last name).
"""

EPILOG = """\b
Examples:
  corpus compare corpus.jsonl --by source
  corpus compare corpus.jsonl --by source --target "Fox News" --reference "New York Times"
  corpus compare corpus.jsonl --by bias --unit docs --ll 4
  corpus compare corpus.jsonl --reference-list bnc_freq.tsv
  corpus compare sample_data/ --by source --similarity
  corpus compare corpus.jsonl --by source --profile
  corpus compare corpus.jsonl --naming --target "Fox News" --reference "New York Times" --aliases pairs.txt
"""

ByOpt = Annotated[
    str,
    typer.Option(
        "--by", metavar="COLUMN", help="Column that defines the groups (source, bias, ...)."
    ),
]
TargetOpt = Annotated[
    str | None, typer.Option("--target", metavar="GROUP", help="Only this group as the target.")
]
ReferenceOpt = Annotated[
    str | None,
    typer.Option(
        "--reference", metavar="GROUP", help="Compare against this group (default: all others)."
    ),
]
ReferenceListOpt = Annotated[
    str | None,
    typer.Option(
        "--reference-list",
        metavar="FILE",
        help="A word-frequency list (word, count) as the reference corpus.",
    ),
]
UnitOpt = Annotated[
    str,
    typer.Option(
        "--unit", metavar="tokens|docs", help="Frequencies as token counts or document counts."
    ),
]
LlOpt = Annotated[
    int, typer.Option("--ll", metavar="2|4", help="Log-likelihood in its 2-term or 4-term form.")
]
POpt = Annotated[
    float,
    typer.Option("--p", min=0.0, max=1.0, help="Keep terms with (corrected) p at or below this."),
]
CorrectionOpt = Annotated[
    str,
    typer.Option("--correction", metavar="bonferroni|none", help="Multiple-testing correction."),
]
DirectionOpt = Annotated[
    str,
    typer.Option("--direction", metavar="over|under|both", help="Over-used, under-used or both."),
]
SortOpt = Annotated[
    str,
    typer.Option(
        "--sort", metavar="g2|log-ratio", help="Rank by G² or by the size of the log ratio."
    ),
]
MinCountOpt = Annotated[
    int, typer.Option("--min-count", min=1, help="Test terms seen at least this often.")
]
SimilarityOpt = Annotated[
    bool, typer.Option("--similarity", help="A group x group similarity matrix instead.")
]
MetricOpt = Annotated[
    str, typer.Option("--metric", metavar="cosine|jaccard", help="Similarity measure.")
]
ProfileOpt = Annotated[bool, typer.Option("--profile", help="A profile of each group instead.")]
NamingOpt = Annotated[
    bool,
    typer.Option(
        "--naming",
        help="Terms --target and --reference use for the same thing (naming and framing).",
    ),
]
AliasesOpt = Annotated[
    str | None,
    typer.Option(
        "--aliases", metavar="FILE", help="Known pairs for --naming: 'term = term' per line."
    ),
]
MinSwapsOpt = Annotated[
    int,
    typer.Option(
        "--min-swaps",
        min=1,
        help="--naming: least number of aligned passages that swap a pair (an abbreviation counts as one).",
    ),
]


@command("input", "filters", "store", "cleaning", "tokens", "jobs", "dask", "output")
def compare_command(
    by: ByOpt = "source",
    target: TargetOpt = None,
    reference: ReferenceOpt = None,
    reference_list: ReferenceListOpt = None,
    unit: UnitOpt = "tokens",
    ll: LlOpt = 2,
    p: POpt = 0.05,
    correction: CorrectionOpt = "bonferroni",
    direction: DirectionOpt = "both",
    sort: SortOpt = "g2",
    min_count: MinCountOpt = 5,
    similarity: SimilarityOpt = False,
    metric: MetricOpt = "cosine",
    profile: ProfileOpt = False,
    naming: NamingOpt = False,
    aliases: AliasesOpt = None,
    min_swaps: MinSwapsOpt = 1,
    top: TopOpt = 50,
    all_terms: AllOpt = False,
    ngram: NgramOpt = "1",
    *,
    session: Session,
    source: Source,
    compute: Compute,
    tokens: Tokens,
    out: Out,
) -> None:
    if not (profile or naming):
        compute.start_early(source)
    from corpuscli.api.terms import compare

    table = compare(
        source, by=by, target=target, reference=reference, reference_list=reference_list,
        unit=unit, ll=ll, p=p, correction=correction, direction=direction, sort=sort,
        min_count=min_count, similarity=similarity, metric=metric, profile=profile,
        naming=naming, aliases=aliases, min_swaps=min_swaps,
        top=None if all_terms else top, ngram=ngram, tokens=tokens, compute=compute,
        load_report=session.load,
    )  # fmt: skip
    session.emit(table, out.fmt, out.path)
