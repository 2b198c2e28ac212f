"""Who said what, and how outlets rendered it: ``quotes``, ``pairs`` and ``diff``, with the
commands' defaults and results."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpuscli.engine.compute import Compute
from corpuscli.engine.source import Cleaning, LoadReport, Source
from corpuscli.errors import NotFound, UsageError
from corpuscli.results import Table

if TYPE_CHECKING:
    import pandas as pd

    from corpuscli.coverage.diff import Diff

KINDS = ("direct", "partial", "indirect")
#: The largest part of the input a worker finds the quotes of: quotes read about 1 MB a second
#: on a core, so a part of the default 16 MB could keep one core busy some 15 s after the other
#: had finished; even parts of 4 MB at most, as many for each worker, end within a few seconds
#: (simulated from the CPU time of each article of AllSides: 1% to 2% over an even split from
#: 1,000 articles to the corpus x4; the default sizes took 8% longer on 3,000, 35% on 1,000).
QUOTES_PART_BYTES = 4 * 2**20


def quotes(
    corpus: Any,
    *,
    speaker: str | None = None,
    kind: Sequence[str] = (),
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """Every quote and reported-speech sentence with its speaker and attribution verb
    (``corpus quotes``); ``speaker`` keeps one speaker's ("Putin" finds "Vladimir Putin"),
    ``kind`` keeps direct, partial or indirect quotes. NotFound when none is left."""
    from corpuscli.coverage.quotes import quotes_frame
    from corpuscli.coverage.quotes_in_files import quotes_in_files

    source, compute = Source.of(corpus), compute or Compute()
    compute.local_only("quotes")
    kinds = set(kind)
    if kinds - set(KINDS):
        raise UsageError("--kind takes direct, partial or indirect")
    report = source.new_report(load_report)
    # workers load their own parts of the input files when they can; else one reader streams
    table = compute.in_parts(
        source, report, partial(quotes_in_files, speaker=speaker), max_part=QUOTES_PART_BYTES
    )
    if table is None:
        table = quotes_frame(
            compute.stream(source, report), speaker=speaker, jobs=compute.cores,
            progress=compute.progress,
        )  # fmt: skip
    if kinds:
        table = table[table["kind"].isin(kinds)].reset_index(drop=True)
    if not len(table):
        who = f" by a speaker matching {speaker!r}" if speaker else ""
        raise NotFound(f"no quotes found{who}", hint="check the speaker's name, or drop --kind")
    return Table(table, "quotes", load=report)


def pairs(
    corpus: Any,
    *,
    by: str = "source",
    threshold: float = 0.08,
    max_days: float = 4.0,
    top: int | None = None,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """Pairs of articles from different ``by`` groups that cover the same story
    (``corpus pairs``), each the other's best match, scored at least ``threshold``, best first;
    with ``top``, at most that many for each pair of groups."""
    from corpuscli.coverage.pairs import find_pairs

    source, compute = Source.of(corpus), compute or Compute()
    report = source.new_report(load_report)
    if top is not None and top < 1:
        raise UsageError("--top must be 1 or more")
    frame, features = _with_features(source, compute, report, by)
    table = find_pairs(
        frame, by=by, threshold=threshold, max_days=max_days, jobs=compute.cores,
        features=features, progress=compute.progress,
    )  # fmt: skip
    if top is not None and len(table):
        groups = [
            min(a, b) + "\x00" + max(a, b)
            for a, b in zip(
                table["source_a"].astype(str), table["source_b"].astype(str), strict=True
            )
        ]
        # the best ``top`` of each pair of groups (ties: the first in the table), in table order
        rank = table["score"].groupby(groups).rank(method="first", ascending=False)
        table = table[(rank <= top).to_numpy()].reset_index(drop=True)
    return Table(table, "same-story pairs", load=report)


def stories(
    corpus: Any,
    *,
    by: str = "source",
    threshold: float = 0.08,
    max_days: float = 4.0,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Table:
    """The articles of different ``by`` groups that cover one event, grouped into stories
    (``corpus stories``): one row per article of a story, with the story's label, size, groups
    and date span, and the article's closest match in another group."""
    from corpuscli.coverage.stories import find_stories

    source, compute = Source.of(corpus), compute or Compute()
    report = source.new_report(load_report)
    frame, features = _with_features(source, compute, report, by)
    table = find_stories(
        frame, by=by, threshold=threshold, max_days=max_days, jobs=compute.cores,
        features=features, progress=compute.progress,
    )  # fmt: skip
    return Table(table, "stories", load=report)


def _with_features(
    source: Source, compute: Compute, report: LoadReport, by: str
) -> tuple[pd.DataFrame, Any]:
    """The corpus, and its articles' pairing features where they are made as it is read: by
    worker processes that load their own parts of the input files (the corpus then comes
    without its text, which no analysis of stories reads again), or on Dask by the cluster;
    else the features are made by the pairing itself."""
    if not compute.dask:
        from corpuscli.coverage.pairs_in_files import pair_features_in_files

        made = compute.in_parts(source, report, pair_features_in_files)
        if made is not None:
            return made
        return compute.read(source, report), None
    from corpuscli.coverage.pairs_on_dask import pair_features, pairs_input

    with compute.dask_corpus(source, report, by=by) as dask_corpus:
        (computed,) = dask_corpus.compute(pair_features(dask_corpus.frame))
    return pairs_input(computed)


def diff(
    a: str | pd.Series,
    b: str | pd.Series,
    *,
    corpus: Any = None,
    speaker: str | None = None,
    manifest: str | None = None,
    encoding: str | None = None,
    clean: bool = False,
    compute: Compute | None = None,
    load_report: LoadReport | None = None,
) -> Diff:
    """How two articles covered the same statements (``corpus diff``). ``a`` and ``b`` are
    files, doc_ids of ``corpus`` (a Source, frame or paths) or corpus-frame rows. Returns the
    :class:`~corpuscli.coverage.diff.Diff`; its ``notes`` are worth telling ("identical")."""
    from corpuscli.coverage.diff import diff_articles, side

    compute = compute or Compute()
    report = load_report if load_report is not None else LoadReport()
    cleaning = Cleaning() if clean else None
    pool = None
    if corpus is not None:
        pool_source = Source.of(corpus, manifest=manifest, encoding=encoding, clean=cleaning)
        pool = compute.read(pool_source, pool_source.new_report(report))
    ids = set(pool["doc_id"]) if pool is not None else set()
    refs = [ref for ref in (a, b) if isinstance(ref, str)]
    files = [ref for ref in refs if ref not in ids and Path(ref).is_file()]
    loaded = None
    if files:  # read both files in one go (one manifest join, one set of warnings)
        files_source = Source(
            paths=tuple(dict.fromkeys(files)), manifest=manifest, encoding=encoding, clean=cleaning
        )
        loaded = compute.read(files_source, files_source.new_report(report))
    rows = []
    for ref in (a, b):
        if not isinstance(ref, str):
            rows.append(ref)
        elif pool is not None and ref in ids:
            rows.append(pool[pool["doc_id"] == ref].iloc[0])
        elif ref in files:
            read_from = loaded[_read_from(loaded["path"], ref)] if loaded is not None else None
            # nothing read from it: the loader skipped it (empty, binary, unreadable)
            if read_from is None or read_from.empty:
                raise UsageError(
                    f"no article to compare in {ref}",
                    hint="the file was skipped (see above): give a file with text",
                )
            if len(read_from) > 1:
                first = " ".join(str(i) for i in read_from["doc_id"].head(2))
                raise UsageError(
                    f"{ref} holds {len(read_from):,} articles: which one to compare?",
                    hint=f"give doc_ids with --corpus {ref} (e.g. corpus diff {first} "
                    f"--corpus {ref}; corpus load {ref} lists them)",
                )
            rows.append(read_from.iloc[0])
        else:
            import difflib

            close = difflib.get_close_matches(ref, sorted(ids), n=5)
            hint = (f"close doc_ids: {', '.join(close)}" if close
                    else "give a file, or a doc_id with --corpus PATH")  # fmt: skip
            raise UsageError(f"no file or doc_id {ref!r}", hint=hint)
    if pool is not None and not any(isinstance(r, str) and r in ids for r in (a, b)):
        raise UsageError(
            "--corpus names where doc_ids are found, and A and B are both files",
            hint="drop --corpus, or give doc_ids of it as A or B",
        )
    result = diff_articles(side(rows[0], speaker=speaker), side(rows[1], speaker=speaker))
    if speaker and not (result.a.statements or result.b.statements):
        raise NotFound(f"neither article quotes a speaker matching {speaker!r}")
    return result


def _read_from(paths: pd.Series, ref: str) -> pd.Series:
    """Which rows were read from the file ``ref``: their path is the file's, or the file's with
    the ``:LINE`` of a record of a JSON Lines, JSON or CSV file."""
    target = Path(ref).resolve()

    def same(path: object) -> bool:
        text = str(path)
        if Path(text).resolve() == target:
            return True
        head, _, line = text.rpartition(":")
        return bool(head) and line.isdigit() and Path(head).resolve() == target

    return paths.map(same).astype(bool)
