"""Counting words: ``terms``, ``collocations``, ``kwic`` and ``compare``, with the commands'
defaults and results."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from functools import partial
from typing import Any

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import LoadReport, Source
from corpuscli.errors import UsageError
from corpuscli.results import Table
from corpuscli.text.token_options import Tokens


def terms(
    corpus: Any,
    *,
    by: str | None = None,
    measure: str = "count",
    term: Sequence[str] | None = None,
    top: int | None = 50,
    ngram: str | int = 1,
    min_count: int = 1,
    min_docs: int = 1,
    tokens: Tokens | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """Word and n-gram frequencies (``corpus terms``): term, n, count, per_10k, docs,
    share_docs (and tfidf), per ``by`` group (doc, a column, or day/week/month/year), the
    ``top`` terms of each group by ``measure`` (None: every term); ``term`` lists only these
    terms, every group included. ``corpus`` is a :class:`Source`, a corpus frame or paths."""
    table = _terms(
        corpus, by=by, measure=measure, term=term, top=top, ngram=ngram, min_count=min_count,
        min_docs=min_docs, tokens=tokens, compute=compute, load_report=load_report,
    )  # fmt: skip
    _warn_unsegmented(table)
    return table


def _warn_unsegmented(table: Table) -> None:
    """Say so when terms are clauses of a script written without spaces (Chinese, Japanese)."""
    from corpuscli.results import RowTable
    from corpuscli.text.unspaced import unsegmented_terms, unsegmented_warning

    if isinstance(table, RowTable):
        if "term" not in table.columns:
            return
        at = table.columns.index("term")
        shown = [row[at] for row in table.rows]
    elif "term" in table.frame.columns:
        shown = table.frame["term"].tolist()
    else:
        return
    found = unsegmented_terms(shown)
    if found:
        table.warnings.append(unsegmented_warning(found, len(shown)))


def _terms(
    corpus: Any,
    *,
    by: str | None,
    measure: str,
    term: Sequence[str] | None,
    top: int | None,
    ngram: str | int,
    min_count: int,
    min_docs: int,
    tokens: Tokens | None,
    compute: Compute | None,
    load_report: LoadReport | None,
) -> Table:
    source, compute, tokens = Source.of(corpus), compute or Compute(), tokens or Tokens()
    options = tokens.options(ngram)
    if top is not None and top < 1:
        raise UsageError("--top must be 1 or more", hint="or use --all for every term")
    if by is None and not term and not compute.dask:
        few = _few_terms(source, options, top, measure, min_count, min_docs, load_report)
        if few is not None:
            return few
    from corpuscli.analysis.terms import MEASURES, term_table

    if measure not in MEASURES:
        raise UsageError(f"unknown --measure {measure!r}", hint=f"use one of {', '.join(MEASURES)}")
    report = source.new_report(load_report)
    counts = compute.count_terms(source, report, by=by, options=options)
    table = term_table(
        counts, top=top, measure=measure, min_count=min_count, min_docs=min_docs, terms=term
    )
    missing = sorted(set(term or []) - set(table.loc[table["count"] > 0, "term"]))
    warnings = [f"the term {t!r} does not occur in the corpus" for t in missing]
    return Table(table, "terms", warnings=warnings, load=report)


def _few_terms(
    source: Source,
    options: Any,
    top: int | None,
    measure: str,
    min_count: int,
    min_docs: int,
    load_report: LoadReport | None,
) -> Table | None:
    """The term table of small plain-text or JSON Lines inputs, read and counted in this process
    without pandas (see :meth:`Source.few_texts` and :mod:`corpuscli.analysis.few_terms`), or
    None to go the ordinary way."""
    from corpuscli.analysis.few_terms import COLUMNS, MEASURES, few_term_rows
    from corpuscli.results import RowTable

    if measure not in MEASURES:
        return None
    report = LoadReport()
    texts = source.few_texts(source.new_report(report))
    if texts is None:
        return None
    rows = few_term_rows(
        texts, options, top=top, measure=measure, min_count=min_count, min_docs=min_docs
    )
    if rows is None:
        return None
    load = source.new_report(load_report)
    load.add(report.problems, report.notes, report.articles)
    return RowTable(COLUMNS, rows, "terms", load=load)


def collocations(
    corpus: Any,
    *,
    node: str | None = None,
    window: int = 1,
    measure: str = "llr",
    min_count: int = 3,
    top: int | None = 50,
    tokens: Tokens | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """Word pairs that co-occur within ``window`` tokens more than chance predicts
    (``corpus collocations``), ranked by ``measure`` (llr, pmi, t, dice); with ``node``, only
    the pairs holding that word."""
    from corpuscli.analysis.collocations import (
        check_request,
        node_key,
        pair_options,
    )
    from corpuscli.analysis.collocations import (
        collocations as rank_pairs,
    )
    from corpuscli.engine.partitioned import count_pairs_in_files

    source, compute, tokens = Source.of(corpus), compute or Compute(), tokens or Tokens()
    compute.local_only("collocations")
    options = tokens.options(1)
    check_request(measure=measure, window=window, top=top)
    counting = pair_options(options)
    key = node_key(node, counting) if node else None
    report = source.new_report(load_report)
    counted = compute.in_parts(
        source, report, partial(count_pairs_in_files, window=window, node=key, options=counting)
    )
    table = rank_pairs(
        compute.stream(source, report) if counted is None else [],
        node=node, window=window, measure=measure, options=options, min_count=min_count,
        top=top, jobs=compute.cores, counted=counted,
    )  # fmt: skip
    return Table(table, "collocations", load=report)


def kwic(
    corpus: Any,
    query: str,
    *,
    regex: bool = False,
    keep_case: bool = False,
    width: int = 40,
    sort: str = "position",
    limit: int | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """Keyword in context (``corpus kwic``): every occurrence of ``query`` (a word or phrase,
    or a regular expression with ``regex``) with ``width`` characters of context each side,
    regardless of case unless ``keep_case`` (as ``terms`` folds case unless told to keep it)."""
    from corpuscli.analysis.kwic import (
        CLIP,
        JUSTIFY,
        Search,
        check_sort,
        concordance,
        search,
        search_files,
    )

    source, compute = Source.of(corpus), compute or Compute()
    compute.local_only("kwic")
    request = Search(query, regex=regex, ignore_case=not keep_case, width=width)
    check_sort(sort)  # a bad request fails before loading
    report = source.new_report(load_report)
    found = compute.in_parts(source, report, partial(search_files, search=request))
    if found is None:
        found = search(compute.stream(source, report), request)
    table = concordance(found, request, sort=sort, limit=limit)
    return Table(table, f"kwic: {query}", load=report, justify=dict(JUSTIFY), clip=dict(CLIP))


#: The flag of a parameter of :func:`compare` whose name is not its flag's.
_FLAGS = {"top": "--top/--all"}
#: What each way of ``compare`` honours of its options (keyness: "").
_KEYNESS = {"--target", "--reference", "--reference-list", "--unit", "--ll", "--p",
            "--correction", "--direction", "--sort", "--min-count", "--top/--all", "--ngram"}  # fmt: skip
_COMPARE_HONOURS = {
    "": _KEYNESS,
    "similarity": {"--metric", "--ngram"},
    "profile": set(),
    "naming": {"--target", "--reference", "--aliases", "--min-swaps", "--top/--all"},
}


def _refuse_unused(given: dict[str, bool], honoured: set[str], mode: str) -> None:
    """A usage error for an option given that this way of compare would ignore."""
    unused = [name for name, is_given in given.items() if is_given and name not in honoured]
    if not unused:
        return
    modes = [f"--{m}" if m else "keyness (the default)" for m, names in _COMPARE_HONOURS.items()
             if unused[0] in names]  # fmt: skip
    what = f"--{mode}" if mode else "keyness (the default)"
    raise UsageError(
        f"{unused[0]} does nothing with {what}",
        hint=f"it is for {' and '.join(modes)}" if modes else "leave it out",
    )


def compare(
    corpus: Any,
    *,
    by: str = "source",
    target: str | None = None,
    reference: str | None = None,
    reference_list: str | None = None,
    unit: str = "tokens",
    ll: int = 2,
    p: float = 0.05,
    correction: str = "bonferroni",
    direction: str = "both",
    sort: str = "g2",
    min_count: int = 5,
    similarity: bool = False,
    metric: str = "cosine",
    profile: bool = False,
    naming: bool = False,
    aliases: str | None = None,
    min_swaps: int = 1,
    top: int | None = 50,
    ngram: str | int = 1,
    tokens: Tokens | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """What each group says differently (``corpus compare``): keyness of terms per ``by`` group
    against the other groups (or ``reference``, or a ``reference_list`` file), or a group x group
    ``similarity`` matrix, a ``profile`` of each group, or ``naming`` differences between
    ``target`` and ``reference`` (pairs that at least ``min_swaps`` aligned passages swap)."""
    from corpuscli.analysis import compare as analysis

    source, compute, tokens = Source.of(corpus), compute or Compute(), tokens or Tokens()
    if sum((similarity, profile, naming)) > 1:
        raise UsageError("use one of --similarity, --profile and --naming")
    if naming and not (target and reference):
        raise UsageError(
            "--naming compares two groups", hint="name them with --target and --reference"
        )
    if ll not in (2, 4):
        raise UsageError("--ll must be 2 or 4")
    mode = "profile" if profile else "naming" if naming else "similarity" if similarity else ""
    values = {"target": target, "reference": reference, "reference_list": reference_list,
              "unit": unit, "ll": ll, "p": p, "correction": correction, "direction": direction,
              "sort": sort, "min_count": min_count, "metric": metric, "aliases": aliases,
              "min_swaps": min_swaps, "top": top, "ngram": str(ngram)}  # fmt: skip
    defaults = inspect.signature(compare).parameters
    given = {
        _FLAGS.get(name, "--" + name.replace("_", "-")): value != defaults[name].default
        and not (name == "ngram" and value == str(defaults[name].default))
        for name, value in values.items()
    }
    _refuse_unused(given, _COMPARE_HONOURS[mode], mode)
    options = tokens.options(ngram)
    if profile or naming:
        compute.local_only(f"--{'profile' if profile else 'naming'}")
    report = source.new_report(load_report)
    notes: list[str] = []
    if profile:
        table = analysis.profile(compute.stream(source, report), by=by)
        title = f"profile by {by}"
    elif naming:
        from corpuscli.analysis.naming import naming_differences

        assert target is not None and reference is not None
        table = naming_differences(
            compute.stream(source, report), by=by, a=target, b=reference, aliases=aliases,
            min_count=min_swaps, top=top,
        )  # fmt: skip
        title = f"naming: {target} vs {reference}"
    else:
        counts = compute.count_terms(
            source, report, by=by if not reference_list or by else None, options=options
        )
        if similarity:
            table = analysis.similarity(counts, by=by, metric=metric, options=options)
            title = f"{metric} similarity by {by}"
        else:
            table = analysis.keyness(
                counts, by=by, target=target, reference=reference,
                reference_list=reference_list, options=options, unit=unit, ll=ll,
                min_count=min_count, p=p, correction=correction, direction=direction, sort=sort,
                top=top,
            )  # fmt: skip
            title = f"keyness by {by}"
            notes.append(analysis.keyness_note(ll, correction))
    return Table(table, title, notes=notes, load=report)
