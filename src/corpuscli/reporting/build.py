"""`corpus report`: one document that assembles the analyses for a time window, for cron.

The report is plain data (a :class:`Report`, whose document is the JSON output); :mod:`corpuscli.render.report`
turns it into Markdown, a self-contained HTML page or a terminal view. Sections, each optional:
overview, terms, keyness, trending (the window against a comparison window), boilerplate, pairs
(the stories covered by more than one source, each with its strongest pair's statement diff),
quotes (the most-quoted speakers). The same input gives the same bytes: nothing in it depends on
the clock unless a timestamp is asked for.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast

import pandas as pd

from corpuscli.engine.parallel import give_back_memory
from corpuscli.errors import CorpusError, NothingToAnalyse, UsageError
from corpuscli.progress import AsStep, Progress


@dataclass
class Report:
    """A report: its ``document`` (the sections as plain data: exactly the JSON output, which
    Markdown, HTML and the terminal view are drawn from) and the grouping column ``by``."""

    document: dict[str, Any]
    by: str = "source"


SECTIONS = ("overview", "terms", "keyness", "trending", "boilerplate", "pairs", "quotes")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    from corpuscli.render.frames import records

    return records(frame)


def window(frame: pd.DataFrame, since: datetime | None, until: datetime | None) -> pd.DataFrame:
    """Articles with ``since <= published < until`` (undated ones are left out)."""
    keep = frame["published"].notna()
    if since is not None:
        keep &= frame["published"] >= pd.Timestamp(since)
    if until is not None:
        keep &= frame["published"] < pd.Timestamp(until)
    return frame[keep.fillna(False)].reset_index(drop=True)


def build_report(
    corpus: pd.DataFrame,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    compare_since: datetime | None = None,
    sections: tuple[str, ...] = SECTIONS,
    by: str = "source",
    top: int = 10,
    clean: bool = True,
    patterns: str | None = None,
    skipped: list[str] | None = None,
    title: str = "Corpus report",
    stamp: str | None = None,
    jobs: int = 1,
    log: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Assemble the report for articles published in [since, until) (all articles when neither
    is given); ``compare_since`` starts the comparison window that ends at ``since``.

    ``clean`` removes boilerplate first (``patterns``: a saved patterns file applied too).
    ``log`` receives one line per step with the seconds it took (the CLI's -v). ``progress`` is
    told each step as it begins (``report 3/9: quotes``) and the articles it has done where it
    counts them (see :mod:`corpuscli.progress`)."""
    clock = time.perf_counter()
    plan = _plan(sections, clean)

    def begin(name: str, total: int = 0) -> Progress | None:
        """The progress callback of a step of the plan, the step announced (``total``: the
        articles of a step that is given them in pieces)."""
        if progress is None:
            return None
        announced = AsStep(progress, f"report {plan.index(name) + 1}/{len(plan)}: {name}", total)
        announced.begin()
        return announced

    def step(name: str) -> None:
        nonlocal clock
        give_back_memory()  # a step's temporary tables, before the next one forks workers
        now = time.perf_counter()
        if log:
            log(f"{name}: {now - clock:.1f} s")
        clock = now

    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise UsageError(
            f"unknown report sections: {', '.join(sorted(unknown))}",
            hint=f"use {', '.join(SECTIONS)}",
        )
    undated = int(corpus["published"].isna().sum())
    current = window(corpus, since, until) if (since or until) else corpus.reset_index(drop=True)
    if current.empty:
        raise NothingToAnalyse(
            "no article falls in the report's window", hint="widen --since/--until"
        )
    report: dict[str, Any] = {
        "title": title,
        "window": {
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        },
        "generated": stamp,
        "sources": {},
        "notes": [],
    }
    removed = None
    if clean or "boilerplate" in sections:
        from corpuscli.boilerplate.detection import Patterns, detect
        from corpuscli.boilerplate.detection import clean as clean_corpus

        known = Patterns.load(patterns) if patterns else None
        # only the boilerplate blocks' verdicts are gathered, and the texts are cut only to
        # clean: the section lists what was found either way
        if clean:
            cleaned, verdicts = clean_corpus(
                current, by=by, patterns=known, jobs=jobs, progress=begin("boilerplate"),
                all_verdicts=False,
            )  # fmt: skip
            current = cleaned.drop(columns="removed")
            del cleaned  # the text each article lost: the section reads the verdicts
        else:
            verdicts = detect(
                current, by=by, patterns=known, jobs=jobs, progress=begin("boilerplate"),
                boilerplate_only=True,
            )  # fmt: skip
        removed = verdicts[verdicts["boilerplate"]]
        del verdicts
        step("boilerplate removed")
    groups = (
        current[by].astype(object).where(current[by].notna(), "(none)") if by in current else None
    )
    report["sources"] = (
        dict(sorted(Counter(groups).items(), key=lambda kv: (-kv[1], str(kv[0]))))
        if groups is not None
        else {}
    )
    shared: dict[str, Any] = {}

    def counts() -> Any:
        """One tokenising pass for all: words per source (terms, keyness), two-word phrases
        over all sources (the terms' phrases, which are read overall only), each article's
        number of words and each source's distinct words (the overview)."""
        if "counts" not in shared:
            from corpuscli.engine.counting import TermOptions
            from corpuscli.engine.term_counts import count_terms
            from corpuscli.text.stopwords import load_stopwords

            options = TermOptions(stopwords=load_stopwords("en"), ngram=(1, 2))
            shared["counts"] = count_terms(
                pieces(current), by=by if by in current else None, options=options, jobs=jobs,
                words_by_group=True, pooled=(2,), progress=begin("counting", len(current)),
            )  # fmt: skip
            step("words and phrases counted")
        return shared["counts"]

    if "overview" in sections:
        # the counting pass serves the overview too when another section needs it anyway
        counted = counts() if {"terms", "keyness", "trending"} & set(sections) else None
        report["overview"] = _overview(
            current, by, undated if (since or until) else 0, skipped or [], jobs, counted,
            begin("overview"),
        )  # fmt: skip
        step("overview")

    def quote_table() -> pd.DataFrame:  # quotes found once, for the quotes and the pairs
        if "quotes" not in shared:
            from corpuscli.reporting.quoted import report_quotes, report_quotes_and_features

            told = begin("quotes found", len(current))
            if "pairs" in wanted and by in current and _unique_ids(current):
                # the stories' features made in the same pass over each article as its quotes
                shared["quotes"], shared["features"] = report_quotes_and_features(
                    pieces(current), jobs=jobs, progress=told
                )
            else:
                shared["quotes"] = report_quotes(pieces(current), jobs=jobs, progress=told)
            step("quotes found")
        found: pd.DataFrame = shared["quotes"]
        return found

    wanted = set(sections)
    # The sections are drawn in the order of what they read, each shared input let go as soon
    # as no section left reads it, and placed in the document in the order of SECTIONS: the
    # counts' sections first, so that the counts are gone before the quotes' workers fork
    # (forked workers keep the pages of whatever the calling process held); the boilerplate
    # section next, which lets go of the verdicts; then the quotes, the most-quoted section,
    # and the stories, which read only the quotes of the leads.
    drawn: dict[str, Any] = {}
    notes: dict[str, str] = {}

    def draw(name: str, build: Callable[[Progress | None], Any]) -> None:
        if name not in wanted:
            return
        told = begin(f"section {name}")
        try:
            drawn[name] = build(told)
        except CorpusError as exc:  # a section with nothing to show says why
            drawn[name] = None
            notes[name] = f"{name}: {exc.message}"
        step(f"section {name}")

    if {"terms", "keyness", "trending"} & wanted:
        counts()
    draw("terms", lambda _: _terms(counts(), by in current, top))
    draw("keyness", lambda _: _keyness(counts(), by, top))
    draw("trending", lambda p: _trending(corpus, counts(), compare_since, since, top, jobs, p))
    shared.pop("counts", None)
    draw("boilerplate", lambda _: _boilerplate(removed, top))
    removed = None
    if {"quotes", "pairs"} & wanted:
        quote_table()
    draw("quotes", lambda _: _quotes(quote_table(), top))
    if "pairs" in wanted:
        if "features" in shared:
            shared.pop("quotes")  # the features hold what the stories read of the quotes
            given = {"features": shared.pop("features")}
        else:
            given = {"quotes": lead_quotes_only(quote_table())}
            shared.pop("quotes")
        draw("pairs", lambda _: _pairs(current, by, top, jobs, given))
    shared.pop("quotes", None)
    for name in SECTIONS:
        if name in drawn:
            report[name] = drawn[name]
        if name in notes:
            report["notes"].append(notes[name])
    return Report(report, by=by)


#: Articles handed at a time to the counting and the quotes, whose workers are sent texts as
#: Python strings: in pieces, the corpus's text is never copied whole (a multiple of their
#: batches, 1,000 and 500 articles, so that they see the batches they would see in one piece).
PIECE = 4000


def pieces(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """``frame`` in slices of :data:`PIECE` articles (views, not copies)."""
    for start in range(0, len(frame), PIECE):
        yield frame.iloc[start : start + PIECE]


def _plan(sections: Sequence[str], clean: bool) -> list[str]:
    """The steps a report of ``sections`` takes, in order (what its progress counts)."""
    wanted = set(sections)
    plan = ["boilerplate"] if clean or "boilerplate" in wanted else []
    if {"terms", "keyness", "trending"} & wanted:
        plan.append("counting")
    if "overview" in wanted:
        plan.append("overview")
    plan += [f"section {name}" for name in ("terms", "keyness", "trending", "boilerplate")
             if name in wanted]  # fmt: skip
    if {"quotes", "pairs"} & wanted:
        plan.append("quotes found")
    return plan + [f"section {name}" for name in ("quotes", "pairs") if name in wanted]


def _unique_ids(frame: pd.DataFrame) -> bool:
    """Whether every article has a doc_id of its own, a string (the stories read the lead
    quotes of a quote table by doc_id: only then are an article's quotes its own)."""
    ids = frame["doc_id"]
    return bool(ids.is_unique) and all(isinstance(i, str) for i in ids.tolist())


def lead_quotes_only(quotes: pd.DataFrame) -> pd.DataFrame:
    """The rows and columns of the report's quote table that the stories read: the quotes that
    end in an article's lead (see :func:`corpuscli.coverage.story_features.lead_quotes`)."""
    from corpuscli.coverage.story_features import QUOTE_CHARS

    return quotes.loc[quotes["end"] <= QUOTE_CHARS, ["doc_id", "kind", "text", "end"]].reset_index(
        drop=True
    )


def _overview(
    frame: pd.DataFrame,
    by: str,
    undated: int,
    skipped: list[str],
    jobs: int = 1,
    counts: Any = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    from corpuscli.analysis.stats import corpus_stats

    stats = corpus_stats(
        frame, by=by if by in frame else None, jobs=jobs, counts=counts, progress=progress
    )
    days = frame.assign(day=frame["published"].dt.strftime("%Y-%m-%d"))
    per_day = (
        days.dropna(subset=["day"]).groupby([by, "day"]).size().rename("articles").reset_index()
        if by in frame
        else pd.DataFrame(columns=[by, "day", "articles"])
    )
    dated = frame["published"].dropna()
    return {
        "articles": len(frame),
        "words": int(stats["words"].sum()),
        "first_published": dated.min().isoformat() if len(dated) else None,
        "last_published": dated.max().isoformat() if len(dated) else None,
        "undated_outside_window": undated,
        "skipped_inputs": skipped,
        "by_source": _records(stats),
        "per_day": _records(per_day),
    }


def _terms(counts: Any, per_source: bool, top: int) -> dict[str, Any]:
    from corpuscli.analysis.terms import term_table
    from corpuscli.engine.term_counts import collapse

    def overall(size: int) -> pd.DataFrame:
        """The top terms of one size over all sources: each size collapsed on its own, so that
        one collapsed table is held at a time."""
        summed = collapse(counts, sizes=(size,)) if counts.by is not None else counts
        return term_table(summed, top=top, sizes=(size,))

    return {
        "words": _records(overall(1)),
        "bigrams": _records(overall(2)),
        "by_source": _records(term_table(counts, top=top, sizes=(1,)))
        if per_source and counts.by
        else [],
    }


def _keyness(counts: Any, by: str, top: int) -> list[dict[str, Any]]:
    from corpuscli.analysis.compare import keyness

    return _records(keyness(counts, by=by, direction="over", top=top, ngram_sizes=(1,)))


def _trending(
    corpus: pd.DataFrame,
    current: Any,
    compare_since: datetime | None,
    since: datetime | None,
    top: int,
    jobs: int = 1,
    progress: Progress | None = None,
) -> dict[str, Any] | None:
    """Keyness of the window (``current``: its counts) against the comparison window, which is
    the only text counted here."""
    if compare_since is None or since is None:
        raise NothingToAnalyse("no comparison window", hint="give --compare-to with --since")
    from corpuscli.analysis.compare import keyness
    from corpuscli.engine.counting import TermOptions
    from corpuscli.engine.term_counts import count_terms, merge_collapsed
    from corpuscli.text.stopwords import load_stopwords

    before = window(corpus, compare_since, since)
    if before.empty:
        raise NothingToAnalyse("no article in the comparison window")
    earlier = count_terms(
        before, options=TermOptions(stopwords=load_stopwords("en")), jobs=jobs, progress=progress
    )
    both = merge_collapsed({"now": current, "before": earlier}, by="_window")
    table = keyness(both, by="_window", target="now", min_count=3, top=top * 2, ngram_sizes=(1,))
    rising = table[table["direction"] == "over"].head(top)
    falling = table[table["direction"] == "under"].head(top)
    return {"compared_with": {"since": compare_since.isoformat(), "articles": len(before)},
            "rising": _records(rising), "falling": _records(falling)}  # fmt: skip


def _boilerplate(removed: pd.DataFrame | None, top: int) -> dict[str, Any]:
    if removed is None or removed.empty:
        return {"blocks_removed": 0, "by_source": [], "repeated": []}
    from corpuscli.boilerplate.detection import summarise

    per_source = (
        removed.groupby("source")
        .agg(blocks=("text", "size"), articles=("doc_id", "nunique"))
        .reset_index()
    )
    summary = summarise(removed.assign(boilerplate=True))
    return {
        "blocks_removed": len(removed),
        "by_source": _records(
            per_source.sort_values(["blocks", "source"], ascending=[False, True])
        ),
        "repeated": _records(
            summary.sort_values(["articles", "source"], ascending=[False, True]).head(top)
        ),
    }


def _pairs(
    frame: pd.DataFrame, by: str, top: int, jobs: int, given: dict[str, Any]
) -> list[dict[str, Any]]:
    """The stories covered by more than one source, the most widely covered first: for each, its
    strongest pair with the diff of their statements, and the story itself. ``given`` holds
    the articles' story features (``features``), else the quotes of their leads (``quotes``):
    taken out of it, so that the stories let them go once indexed."""
    from corpuscli.coverage.diff import diff_articles, side, to_json
    from corpuscli.coverage.pairs import pairs_frame
    from corpuscli.coverage.stories import story_graph

    graph = story_graph(
        frame, by=by, quote_table=given.pop("quotes", None),
        features=given.pop("features", None), jobs=jobs,
    )  # fmt: skip
    if not graph.members:
        raise NothingToAnalyse(f"no story is covered by two groups of {by}")
    # the strongest pair of each of the first stories: only their pairs are scored and named
    # (the stories are numbered in order, so theirs are the rows of every story's pairs)
    shown = replace(graph, members=graph.members[: min(top, 5)])
    pairs = pairs_frame(frame, shown).drop_duplicates("story")
    rows = frame.set_index("doc_id")
    out = []
    for pair in pairs.itertuples(index=False):
        # pandas-stubs types a row's every field as any scalar (doc ids are str, story an int),
        # and .loc of a label as Series | DataFrame: a doc id is unique, so its row is a Series
        a = cast(pd.Series, rows.loc[cast(str, pair.doc_a)]).copy()
        b = cast(pd.Series, rows.loc[cast(str, pair.doc_b)]).copy()
        a["doc_id"], b["doc_id"] = pair.doc_a, pair.doc_b
        d = to_json(diff_articles(side(a), side(b)))
        aligned = [r for r in d["rows"] if r["label"] in ("same", "reworded")][:3]
        members = graph.members[cast(int, pair.story) - 1]
        story = {
            "story": pair.story,
            "label": pair.label,
            "articles": len(members),
            "sources": sorted({graph.index.groups[i] for i in members}),
        }
        out.append({"pair": {k: getattr(pair, k) for k in ("doc_a", "source_a", "doc_b", "source_b", "score")},
                    "titles": d["summary"]["headlines"], "rows": d["summary"]["rows"], "aligned": aligned,
                    "story": story})  # fmt: skip
    return out


def _display_name(forms: pd.Series) -> str:
    """How to name a speaker quoted under several forms ("Harris", "Vice President Kamala
    Harris"): the most frequent form with a first name or title, else the most frequent one."""
    counts = forms.value_counts()
    full = [(n, len(str(f)), str(f)) for f, n in counts.items() if len(str(f).split()) > 1]
    if full:
        return max(full)[2]
    return str(counts.index[0])


def _quotes(quotes: pd.DataFrame, top: int) -> list[dict[str, Any]]:
    quotes = quotes[quotes["speaker"].notna() & (quotes["kind"] != "partial")]
    if quotes.empty:
        raise NothingToAnalyse("no attributed quotes")
    quotes = quotes.assign(key=quotes["speaker"].str.split().str[-1])
    out = []
    counts = quotes.groupby("key").agg(quotes=("text", "size"), articles=("doc_id", "nunique"))
    counts = counts.sort_values(["quotes", "articles"], ascending=False).head(top)
    for key, row in counts.iterrows():
        mine = quotes[quotes["key"] == key]
        name = _display_name(mine["speaker"])
        # a label of the quote table's RangeIndex (pandas-stubs: any Hashable)
        example = mine.loc[cast(int, mine["text"].str.len().idxmax())]
        out.append({"speaker": name, "quotes": int(row["quotes"]), "articles": int(row["articles"]),
                    "sources": sorted(set(mine["source"].dropna())), "example": example["text"],
                    "example_doc": example["doc_id"]})  # fmt: skip
    return out
