"""Boilerplate: the page furniture scrapers leave in article text, found and removed block by block.

Every block (line) gets evidence, each with a weight, a reason a user can read and the family of
furniture it points to: the single-article rules (:mod:`.rules`: widgets, teasers, follow lines,
credits, bios, embeds, captions, data widgets, forms, calls to action, appeals, banners, button
runs), then what the block's outlet repeats — the same line (strong when it is short or at the
head or tail, medium in the body) or a learned template whose changing part is a headline
(:mod:`.templates`). A block with total weight 1.0 or more is boilerplate. Runs at the head and
the tail of an article count together (:func:`.rules.extend_runs`); with ``page=True`` the page's
story is found instead (:mod:`.page`). Conservative by default: a block that quotes someone is
kept unless the outlet repeats it word for word across many articles, and an editor's update
note always.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from corpuscli.engine.collector import collector_paused
from corpuscli.errors import InputError
from corpuscli.progress import Progress, tell, tracked
from corpuscli.schema import PERIODS, group_keys
from corpuscli.text.blocks import Block, remove_blocks, signature, split_blocks
from corpuscli.text.stopwords import load_stopwords

from .evidence import MEDIUM, STRONG, Verdict
from .quote_sources import follow_quotations
from .rules import block_evidence, extend_runs
from .templates import HEADLINE, OPENS, describe, template_keys

PATTERNS_VERSION = 1
#: A block is learned as its outlet's when this many of its articles carry it, and this share.
MIN_REPEATS = 3
MIN_SHARE = 0.05
COLUMNS = ("source", "text", "articles", "where", "why", "score", "family")
#: The columns of :func:`detect`'s verdicts (``--explain``).
VERDICT_COLUMNS = ("doc_id", "source", "block", "start", "end", "text", "boilerplate", "score",
                   "why", "where", "family")  # fmt: skip


@dataclass
class Patterns:
    """Repeated blocks learned per source (saved with --save-patterns, applied with --patterns)."""

    #: source -> signature -> (example text, articles carrying it)
    by_source: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)

    def save(self, path: str) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    def to_json(self) -> str:
        """The patterns as the JSON document :meth:`load` reads."""
        data = {
            "corpuscli_boilerplate_patterns": PATTERNS_VERSION,
            "sources": {
                source: [
                    {"signature": sig, "example": ex, "articles": n}
                    for sig, (ex, n) in sorted(sigs.items())
                ]
                for source, sigs in sorted(self.by_source.items())
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def load(cls, path: str) -> Patterns:
        p = Path(path)
        if not p.is_file():
            raise InputError("patterns file not found", where=path, hint="check --patterns")
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"patterns file is not valid JSON: {exc}", where=path,
                             hint="save it again with corpus boilerplate --save-patterns") from None  # fmt: skip
        version = data.get("corpuscli_boilerplate_patterns") if isinstance(data, dict) else None
        if version != PATTERNS_VERSION:
            raise InputError(
                f"not a corpuscli patterns file of version {PATTERNS_VERSION} (found {version!r})",
                where=path,
                hint="save it again with this version: corpus boilerplate --save-patterns",
            )
        out = cls()
        try:
            for source, items in data["sources"].items():
                out.by_source[source] = {
                    i["signature"]: (i["example"], int(i["articles"])) for i in items
                }
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"patterns file is damaged: {exc}", where=path) from None
        return out

    def merge(self, other: Patterns) -> None:
        for source, sigs in other.by_source.items():
            self.by_source.setdefault(source, {}).update(sigs)


def outlet_keys(corpus: pd.DataFrame, by: str) -> pd.Series:
    """The group whose repeated blocks each article is judged by: its ``by`` value (source by
    default, or a period), "(none)" for all when the corpus has no such column."""
    if by in corpus.columns or by in PERIODS:
        return group_keys(corpus, by)
    return pd.Series("(none)", index=corpus.index, dtype=object)


def _where(index: int, total: int) -> str:
    if index < max(1, total // 5):
        return "head"
    if index >= total - max(1, total // 5):
        return "tail"
    return "body"


def learn_repeats(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    by: str = "source",
    min_repeats: int = MIN_REPEATS,
    min_share: float = MIN_SHARE,
) -> Patterns:
    """Blocks that recur (by signature) in at least ``min_repeats`` articles and ``min_share`` of
    the articles of one source. Scales linearly: one hash per block, no pairwise comparison."""
    keys: list[str] = []
    prepared: list[list[tuple[Block, str, str | None]]] = []
    for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
        titles = _given_titles(frame)
        for key, text, title in zip(group_keys(frame, by), frame["text"], titles, strict=True):
            keys.append(key)
            prepared.append(_prepare(text, title))
    return _learn(keys, prepared, min_repeats, min_share)


def _given_titles(frame: pd.DataFrame) -> list[str | None]:
    """Each article's headline as its input gives it: None where there is none, and for plain
    text files, whose title is their own first line (inferred, so no repeat of anything)."""
    if "title" not in frame.columns:
        return [None] * len(frame)
    paths = frame["path"].tolist() if "path" in frame.columns else [None] * len(frame)
    return [
        title
        if isinstance(title, str) and title and not (isinstance(path, str) and _PLAIN.search(path))
        else None
        for title, path in zip(frame["title"].tolist(), paths, strict=True)
    ]


_PLAIN = re.compile(r"\.(?:txt|md)$", re.I)


def _prepare(text: object, title: str | None = None) -> list[tuple[Block, str, str | None]]:
    """The blocks of one article, each with its signature and its template key (or None)."""
    if not isinstance(text, str):
        return []
    blocks = split_blocks(text)
    texts = [block.text for block in blocks]
    signs = [signature(block_text) for block_text in texts]
    keys = template_keys(texts, title, signs)
    return list(zip(blocks, signs, keys, strict=True))


def _learn(
    keys: list[str],
    prepared: list[list[tuple[Block, str, str | None]]],
    min_repeats: int,
    min_share: float,
) -> Patterns:
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[str, dict[str, str]] = defaultdict(dict)  # key -> signature -> first text
    articles: Counter[str] = Counter()
    for key, pairs in zip(keys, prepared, strict=True):
        if key == "(none)" or not pairs:
            continue
        articles[key] += 1
        sigs = set()
        first = example[key]
        for block, sig, template in pairs:
            if len(sig) >= 3 and sig not in sigs:
                sigs.add(sig)
                first.setdefault(sig, block.text)
            if template is not None and template not in sigs:
                sigs.add(template)
                first.setdefault(template, block.text)
        seen[key].update(sigs)
    patterns = Patterns()
    for key, counter in seen.items():
        floor = max(min_repeats, int(min_share * articles[key] + 0.999))
        chosen = {sig: (example[key][sig], n) for sig, n in counter.items() if n >= floor}
        if chosen:
            patterns.by_source[key] = chosen
    return patterns


def detect(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    patterns: Patterns | None = None,
    learn: bool = True,
    min_repeats: int = MIN_REPEATS,
    min_share: float = MIN_SHARE,
    page: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
    boilerplate_only: bool = False,
) -> pd.DataFrame:
    """Every block of every article with its verdict: doc_id, source, block, start, end, text,
    boilerplate (bool), score, why, where. With ``boilerplate_only``, the rows of the
    boilerplate blocks only (the same rows, in the same order): all that a summary, a cleaning or
    a report reads, while the rows of the content blocks hold the whole text of the corpus again
    (and travel back from every worker process).

    With ``jobs > 1`` the sources are shared out among worker processes (what is learned of one
    source never depends on another, so the result is the same). ``progress`` is told the
    articles judged (step ``boilerplate``; see :mod:`corpuscli.progress`).

    ``page=True`` is for the text of whole web pages rather than extracted articles: blocks
    outside the page's main text (:func:`main_region`) are boilerplate too."""
    if jobs > 1 and len(corpus) > 2 * _PART_DOCS:
        return _detect_parallel(
            corpus, by, patterns, learn, min_repeats, min_share, page, jobs, progress,
            boilerplate_only,
        )[0]  # fmt: skip
    return _detect_here(
        corpus, by=by, patterns=patterns, learn=learn, min_repeats=min_repeats,
        min_share=min_share, page=page, progress=progress, boilerplate_only=boilerplate_only,
    )  # fmt: skip


@collector_paused()  # a few objects a block, none in a cycle: see engine.collector
def _detect_here(
    corpus: pd.DataFrame,
    *,
    by: str,
    patterns: Patterns | None,
    learn: bool,
    min_repeats: int,
    min_share: float,
    page: bool,
    progress: Progress | None,
    boilerplate_only: bool,
) -> pd.DataFrame:
    """:func:`detect` in this process."""
    stop = load_stopwords("en")
    known = Patterns()
    key_list = outlet_keys(corpus, by).tolist()
    prepared = [  # blocks, signed and keyed once
        _prepare(text, title)
        for text, title in zip(corpus["text"].tolist(), _given_titles(corpus), strict=True)
    ]
    if learn:
        known.merge(_learn(key_list, prepared, min_repeats, min_share))
    if patterns is not None:
        known.merge(patterns)
    rows = []
    outlets = corpus["source"].tolist() if "source" in corpus.columns else [None] * len(corpus)
    for number, (doc_id, source, outlet, pairs) in enumerate(
        zip(corpus["doc_id"], key_list, outlets, prepared, strict=True)
    ):
        if progress is not None and number % 200 == 0:
            tell(progress, number, len(corpus), step="boilerplate")
        if not pairs:
            continue
        outlet = outlet if isinstance(outlet, str) else None
        blocks = [block for block, _, _ in pairs]
        verdicts = block_evidence(blocks, outlet=outlet, stopwords=stop)
        _mark_repeats(pairs, verdicts, known.by_source.get(source, {}), source)
        if page:
            from corpuscli.boilerplate.page import mark_page_furniture

            mark_page_furniture(blocks, verdicts, stop)
        else:
            extend_runs(blocks, verdicts)
            follow_quotations(blocks, verdicts)
        for block, verdict in zip(blocks, verdicts, strict=True):
            if boilerplate_only and not verdict.boilerplate:
                continue
            rows.append(
                (doc_id, source, block.index, block.start, block.end, block.text,
                 verdict.boilerplate, round(verdict.score, 2), "; ".join(verdict.reasons),
                 _where(block.index, len(blocks)), verdict.family if verdict.boilerplate else "")
            )  # fmt: skip
    out = pd.DataFrame(rows, columns=list(VERDICT_COLUMNS))
    if boilerplate_only and not rows:  # a mask still, with no row to infer it from
        out = out.astype({"boilerplate": bool})
    return out


#: The family a learned template names when no rule named one: "JUST WATCHED <…>" could be
#: any widget; a headline again at the head is navigation; labels and capitals are teasers.
_TEMPLATE_FAMILY = {OPENS[:3]: "repeated", HEADLINE[:3]: "navigation"}


def _mark_repeats(
    pairs: list[tuple[Block, str, str | None]],
    verdicts: list[Verdict],
    repeats: dict[str, tuple[str, int]],
    source: str,
) -> None:
    """Evidence from what the outlet repeats: the same line (strong when short or at the head or
    tail, medium in the body), or a line of a learned template (strong)."""
    if not repeats:
        return
    n = len(pairs)
    for (block, sig, template), verdict in zip(pairs, verdicts, strict=True):
        hit = repeats.get(sig)
        family = "" if verdict.family else "repeated"
        if hit is not None:
            reason = f"repeated in {hit[1]} articles of {source}"
            if len(block.text.split()) <= 25 or _where(block.index, n) != "body":
                verdict.add(STRONG, reason, family)
            else:
                verdict.add(MEDIUM, reason, family)
        elif template is not None and (hit := repeats.get(template)) is not None:
            verdict.add(
                STRONG,
                f"{describe(template)} repeated in {hit[1]} articles of {source}",
                verdict.family or _TEMPLATE_FAMILY.get(template[:3], "teaser"),
            )


_PART_DOCS = 1000


def _detect_part(args: tuple) -> tuple[pd.DataFrame, Cleaned | None]:  # type: ignore[type-arg]
    frame, options, cleaning = args
    verdicts = detect(frame, **options)
    return verdicts, _cleaned(frame, verdicts) if cleaning else None


#: Each article's text without its boilerplate blocks, and its removed blocks as JSON.
Cleaned = tuple[list[object], list[str]]


def _cleaned(corpus: pd.DataFrame, verdicts: pd.DataFrame) -> Cleaned:
    """The texts of ``corpus`` without the blocks ``verdicts`` judge boilerplate, and each
    article's removed blocks (JSON: offsets into the original text, and the reasons)."""
    removed = verdicts[verdicts["boilerplate"]]
    per_doc: dict[Hashable, list[dict[str, Any]]] = defaultdict(list)
    for row in removed.itertuples(index=False):
        # pandas-stubs types a row's every field as any scalar: these three are int columns
        per_doc[row.doc_id].append(
            {
                "block": int(cast(int, row.block)),
                "start": int(cast(int, row.start)),
                "end": int(cast(int, row.end)),
                "text": row.text,
                "why": row.why,
            }
        )
    texts, notes = [], []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        drop = {b["block"] for b in per_doc.get(doc_id, [])}
        texts.append(remove_blocks(text, drop) if isinstance(text, str) else text)
        notes.append(json.dumps(per_doc.get(doc_id, []), ensure_ascii=False))
    return texts, notes


def _detect_parallel(
    corpus: pd.DataFrame,
    by: str,
    patterns: Patterns | None,
    learn: bool,
    min_repeats: int,
    min_share: float,
    page: bool,
    jobs: int,
    progress: Progress | None = None,
    boilerplate_only: bool = False,
    cleaning: bool = False,
) -> tuple[pd.DataFrame, Cleaned | None]:
    """Share whole sources out among parts of about equal size, detect in each, restore order;
    with ``cleaning``, each part's articles are cleaned where they were judged, too."""
    from corpuscli.engine.parallel import run_batches

    keys = outlet_keys(corpus, by)
    sizes = keys.value_counts()
    n_parts = max(jobs, int(len(corpus) / _PART_DOCS))
    loads = [0] * n_parts
    part_of: dict[Hashable, int] = {}
    for key, size in sizes.items():  # largest sources first, each to the lightest part
        lightest = loads.index(min(loads))
        part_of[key] = lightest
        loads[lightest] += int(size)
    assignment = keys.map(part_of).to_numpy()
    options = {"by": by, "patterns": patterns, "learn": learn, "min_repeats": min_repeats,
               "min_share": min_share, "page": page,
               "boilerplate_only": boilerplate_only}  # fmt: skip
    # made as the workers take them: the parts together are a copy of the corpus
    taken = [k for k in range(n_parts) if (assignment == k).any()]
    parts = ((corpus[assignment == k], options, cleaning) for k in taken)
    done = list(
        tracked(
            lambda batches: run_batches(_detect_part, batches, jobs=jobs), parts, progress,
            step="boilerplate", total=len(corpus), size=lambda part: len(part[0]),
        )
    )  # fmt: skip
    results = [verdicts for verdicts, _ in done]
    cleaned: Cleaned | None = None
    if cleaning:  # back in the corpus's order
        texts: list[object] = [None] * len(corpus)
        notes: list[str] = [""] * len(corpus)
        for k, (_, part) in zip(taken, done, strict=True):
            assert part is not None
            for place, text, note in zip(np.flatnonzero(assignment == k).tolist(), *part,
                                         strict=True):  # fmt: skip
                texts[place], notes[place] = text, note
        cleaned = texts, notes
    # parts with no row (none of their blocks is boilerplate, with ``boilerplate_only``) have no
    # dtypes to agree with the others' on
    if boilerplate_only:
        results = [r for r in results if len(r)] or results[:1]
    out = pd.concat(results, ignore_index=True)
    order = {doc_id: i for i, doc_id in enumerate(corpus["doc_id"])}
    out = out.assign(_o=out["doc_id"].map(order)).sort_values(["_o", "block"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True), cleaned


def summarise(verdicts: pd.DataFrame) -> pd.DataFrame:
    """The boilerplate blocks found, one row per distinct block per source: source, text,
    articles (how many carry it), where (head/body/tail, the most common), why, score (highest)."""
    bp = verdicts[verdicts["boilerplate"]]
    if not len(bp):
        return pd.DataFrame(columns=list(COLUMNS))
    # a block repeated across articles is signed once
    signed = {text: signature(text) for text in dict.fromkeys(bp["text"].tolist())}
    bp = bp.assign(sig=bp["text"].map(signed))
    grouped = bp.groupby(["source", "sig"], sort=False)
    out = grouped.agg(
        position=("block", "median"),
        text=("text", "first"),
        articles=("doc_id", "nunique"),
        why=("why", "first"),
        score=("score", "max"),
        family=("family", "first"),
    ).reset_index()
    common = _most_common(bp["source"].tolist(), bp["sig"].tolist(), bp["where"].tolist())
    out.insert(
        list(out.columns).index("articles") + 1,
        "where",
        [common.get(key) for key in zip(out["source"].tolist(), out["sig"].tolist(), strict=True)],
    )
    out = out.sort_values(
        ["source", "articles", "score", "text"], ascending=[True, False, False, True], kind="stable"
    )
    return out[list(COLUMNS)].reset_index(drop=True)


def _most_common(
    sources: list[object], sigs: list[str], wheres: list[str]
) -> dict[tuple[object, str], str]:
    """The most common ``where`` of each (source, signature), ties to the one met first (as
    ``value_counts().index[0]`` orders them), in one pass."""
    tallies: dict[tuple[object, str], dict[str, int]] = {}
    for key, where in zip(zip(sources, sigs, strict=True), wheres, strict=True):
        tally = tallies.setdefault(key, {})
        tally[where] = tally.get(where, 0) + 1
    # max keeps the first of equals, and a dict keeps the order values were met in
    return {key: max(tally, key=tally.__getitem__) for key, tally in tallies.items()}


def clean(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    patterns: Patterns | None = None,
    learn: bool = True,
    page: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
    all_verdicts: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus frame with boilerplate blocks removed from ``text``, a ``removed`` column (JSON:
    the removed blocks with offsets into the original text and the reasons), and the verdicts
    (``progress``: see :func:`detect`); ``all_verdicts=False``: the verdicts of the boilerplate
    blocks only (see ``boilerplate_only`` there), for a caller that counts or lists them."""
    if jobs > 1 and len(corpus) > 2 * _PART_DOCS:  # each worker cleans what it judged
        verdicts, cleaned = _detect_parallel(
            corpus, by, patterns, learn, MIN_REPEATS, MIN_SHARE, page, jobs, progress, not all_verdicts,
            cleaning=True,
        )  # fmt: skip
        assert cleaned is not None
    else:
        verdicts = detect(
            corpus, by=by, patterns=patterns, learn=learn, page=page, progress=progress,
            boilerplate_only=not all_verdicts,
        )  # fmt: skip
        cleaned = _cleaned(corpus, verdicts)
    texts, notes = cleaned
    out = corpus.copy()
    # the text column's dtype (object or str) is known at run time only: no overload takes it
    out["text"] = pd.array(texts, dtype=corpus["text"].dtype)  # type: ignore[arg-type]
    out["removed"] = notes
    return out, verdicts
