"""Boilerplate: the page furniture scrapers leave in article text, found and removed block by block.

Every block (line) gets evidence, each with a weight and a reason a user can read:

- **strong (1.0)**: a call to action in a short block (subscribe, sign up, newsletter, donate,
  privacy policy, cookies, share, follow us, read more, all rights reserved, ©, "get the app");
  a photo or agency credit ("Name / AGENCY", "Photo: …", "Image copyright …", "AFP contributed
  reporting."); the outlet's own banner ("Support The Moscow Times!", "A Message from …:");
  a section tag line at the head ("Russia, Vladimir Putin"); a run of three or more button labels
  ("Once", "Monthly", "Annual", "Continue"); a block that recurs in many articles of the same
  outlet (``min_repeats`` and ``min_share`` of them) when it is short, or sits in a head or tail run;
- **medium (0.6)**: an appeal in the first person plural ("we need your help", "support us",
  "our journalism"); a call to action in a longer block; a block repeated in several articles;
- **weak (0.3)**: a short block with no sentence punctuation and few function words.

A block with total weight 1.0 or more is boilerplate. Runs at the head and the tail of an article
count together: from the end backwards (and from the start forwards), blocks with medium or strong
evidence or of three words or fewer form a run, and the whole run is boilerplate when it holds strong evidence —
that is how a donation appeal's paragraphs go with its "A Message from …" banner and its buttons.
Conservative by default: a block that quotes someone ("…,” Putin said) is never removed unless the
outlet repeats it word for word across many articles.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from corpuscli.errors import InputError
from corpuscli.io.infer import skip_reason
from corpuscli.progress import Progress, tell, tracked
from corpuscli.schema import PERIODS, group_keys
from corpuscli.text.blocks import Block, remove_blocks, signature, split_blocks
from corpuscli.text.stopwords import load_stopwords

from .evidence import MEDIUM, SENTENCE_END, STRONG, WEAK, WORD, Verdict

PATTERNS_VERSION = 1
COLUMNS = ("source", "text", "articles", "where", "why", "score")

_CTA = re.compile(
    r"\b(subscrib\w*|sign(?:ing)? up|newsletters?|donat\w*|support us|privacy policy|cookies?|"
    r"terms of (?:use|service)|share (?:this|on)|follow us|read more|click here|all rights reserved|"
    r"get the [\w ]{1,30} app|download (?:the|our) app|advertisement|sponsored content|"
    r"manage newsletters|reprint permission|log ?in|register now|remind me later|skip to content|"
    r"enlarge this image|toggle caption|story continued below)\b"
    r"|©|\bcopyright\b",
    re.I,
)
_CREDIT = re.compile(
    r"(?:^|\s)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*(?:[A-Z]{2,}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s*$"
    r"|^(?:photo|image|picture|video|credit|source)s?\s*(?:copyright|credit)?\s*[:©]"
    r"|^image copyright\b|^getty images$"
    r"|\b(?:AFP|AP|Reuters|The Associated Press|Associated Press|Bloomberg|dpa|TASS|Interfax)"
    r"(?:\s+and\s+\w+)?\s+contributed(?: to)?(?: this)?(?: reporting| report)?\.?$",
    re.I,
)
_APPEAL = re.compile(
    r"\b(your support|support us|support (?:our|independent)|our (?:work|journalism|staff|newsroom|"
    r"reporting|readers)|we need your help|your help|contribution|donation|dear readers?|thank you for "
    r"(?:reading|standing|your support)|standing with us|independent journalism)\b",
    re.I,
)
#: Words without which a pattern cannot match (checked as a set before running the regex).
_CTA_WORDS = frozenset(
    [
        "subscribe",
        "subscribed",
        "subscriber",
        "subscribers",
        "subscription",
        "subscribing",
        "sign",
        "signing",
        "newsletter",
        "newsletters",
        "donate",
        "donating",
        "donation",
        "donations",
        "donated",
        "support",
        "privacy",
        "cookie",
        "cookies",
        "terms",
        "share",
        "follow",
        "read",
        "click",
        "rights",
        "get",
        "download",
        "advertisement",
        "sponsored",
        "manage",
        "reprint",
        "log",
        "login",
        "register",
        "remind",
        "skip",
        "enlarge",
        "toggle",
        "story",
        "copyright",
    ]
)
_CREDIT_WORDS = frozenset(
    [
        "photo",
        "photos",
        "image",
        "images",
        "picture",
        "pictures",
        "video",
        "videos",
        "credit",
        "credits",
        "source",
        "sources",
        "copyright",
        "getty",
        "contributed",
    ]
)
_APPEAL_WORDS = frozenset(
    [
        "support",
        "our",
        "help",
        "contribution",
        "donation",
        "dear",
        "thank",
        "standing",
        "independent",
        "we",
        "your",
    ]
)
_SHORT_APPEAL = re.compile(r"\b(support|donate|contribute|subscribe|membership)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(we|our|us)\b", re.I)
_QUOTE_ATTRIBUTION = re.compile(
    r"[“”\"]\s*,?\s*(?:he|she|they|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+"
    r"(?:said|says|told|asked|added|insisted|wrote|noted|stressed|warned|argued|explained)\b"
    r"|\b(?:said|says|told|asked|added|insisted|noted|stressed|warned|argued|explained)\s*[:,]?\s*[“\"]"
)
_ANCHOR = re.compile(r"^(?:a message from\b|dear readers?\b|support\b.*!$)", re.I)


@dataclass
class Patterns:
    """Repeated blocks learned per source (saved with --save-patterns, applied with --patterns)."""

    #: source -> signature -> (example text, articles carrying it)
    by_source: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)

    def save(self, path: str) -> None:
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
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

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


def _short(block: Block) -> int:
    return len(block.text.split())


def block_evidence(
    blocks: list[Block], *, outlet: str | None, stopwords: frozenset[str]
) -> list[Verdict]:
    """Single-article evidence for every block of one article (see the module docstring)."""
    verdicts = [Verdict() for _ in blocks]
    n = len(blocks)
    names_outlet = (
        re.compile(rf"(?<!\w){re.escape(outlet)}(?!\w)", re.I).search
        if outlet and len(outlet) >= 3
        else (lambda _text: None)
    )
    for i, block in enumerate(blocks):
        text = block.text
        words = WORD.findall(text)
        nw = len(words)
        v = verdicts[i]
        quoted = bool(_QUOTE_ATTRIBUTION.search(text))
        if quoted:
            continue
        # Cheap keyword checks first: the regexes below run on few blocks.
        lowered = {w.lower() for w in words}
        if nw <= 40 and ("/" in text or lowered & _CREDIT_WORDS) and _CREDIT.search(text):
            v.add(STRONG, "photo or agency credit")
        cta = _CTA.search(text) if (lowered & _CTA_WORDS or "©" in text) else None
        if cta:
            v.add(STRONG if nw <= 15 else MEDIUM, f"call to action ({cta.group(0).lower()})")
        if names_outlet(text) and (_ANCHOR.search(text) or nw <= 6):
            v.add(STRONG, "the outlet's own banner")
        elif _ANCHOR.search(text) and nw <= 8:
            v.add(STRONG, "appeal banner")
        if i < 3 and skip_reason(text) == "tag line":
            v.add(STRONG, "section tag line")
        if nw <= 8 and _SHORT_APPEAL.search(text) and not cta:
            v.add(MEDIUM, "short appeal")
        appeal = _APPEAL.search(text) if lowered & _APPEAL_WORDS else None
        if appeal and (len(_FIRST_PLURAL.findall(text)) >= 1 or "your" in text.lower()):
            v.add(MEDIUM, f"appeal ({appeal.group(0).lower()})")
        elif len(_FIRST_PLURAL.findall(text)) >= 3 and names_outlet(text):
            v.add(MEDIUM, "the outlet speaking of itself")
        if nw <= 8 and not SENTENCE_END.search(text):
            density = sum(1 for w in words if w.lower() in stopwords) / max(nw, 1)
            if density < 0.3:
                v.add(WEAK, "short, no sentence, few function words")
    # runs of button labels: three or more consecutive blocks of at most three words (not in a
    # transcript, where short turns — "Right.", "Hi, Julie." — alternate with speakers' names)
    transcript: bool | None = None  # found out only when a run turns up
    i = 0
    while i < n:
        j = i
        while j < n and _short(blocks[j]) <= 3 and not _QUOTE_ATTRIBUTION.search(blocks[j].text):
            j += 1
        if j - i >= 3:
            if transcript is None:
                transcript = _is_transcript(blocks)
            if transcript:
                break
            for k in range(i, j):
                verdicts[k].add(STRONG, "run of button labels")
        i = max(j, i + 1)
    return verdicts


_SPEAKER_LABEL = re.compile(r"^[A-Za-z][A-Za-z.' -]{1,40}:?$")


def _is_transcript(blocks: list[Block]) -> bool:
    """An interview or podcast transcript: speakers' names ("michael barbaro", "JULIE DAVIS:",
    two to four words) each followed by a sentence they say — six turns or more, two or more
    speakers with two turns each."""

    def label(k: int) -> str | None:
        text = blocks[k].text.strip()
        ok = 2 <= len(text.split()) <= 4 and _SPEAKER_LABEL.match(text)
        return text.rstrip(":").lower() if ok else None

    labels: Counter[str] = Counter()
    for k in range(len(blocks) - 1):
        name = label(k)
        if name and label(k + 1) is None and SENTENCE_END.search(blocks[k + 1].text):
            labels[name] += 1  # a name, then what that person says
    return sum(labels.values()) >= 6 and sum(1 for count in labels.values() if count >= 2) >= 2


def _extend_runs(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Head and tail runs: evidence-bearing or tiny blocks next to strong ones go together."""
    n = len(blocks)

    def in_run(k: int) -> bool:
        return verdicts[k].score >= MEDIUM or _short(blocks[k]) <= 3

    for order in (range(n - 1, -1, -1), range(n)):
        run = []
        for k in order:
            if not in_run(k):
                break
            run.append(k)
        if any(verdicts[k].score >= STRONG for k in run) and len(run) < n:
            for k in run:
                if verdicts[k].score < STRONG:
                    verdicts[k].add(
                        STRONG - verdicts[k].score,
                        "part of a boilerplate run at the "
                        + ("tail" if order.start == n - 1 else "head"),
                    )


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
    min_repeats: int = 3,
    min_share: float = 0.05,
) -> Patterns:
    """Blocks that recur (by signature) in at least ``min_repeats`` articles and ``min_share`` of
    the articles of one source. Scales linearly: one hash per block, no pairwise comparison."""
    keys: list[str] = []
    prepared: list[list[tuple[Block, str]]] = []
    for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
        for key, text in zip(group_keys(frame, by), frame["text"], strict=True):
            keys.append(key)
            prepared.append(_prepare(text))
    return _learn(keys, prepared, min_repeats, min_share)


def _prepare(text: object) -> list[tuple[Block, str]]:
    if not isinstance(text, str):
        return []
    return [(block, signature(block.text)) for block in split_blocks(text)]


def _learn(
    keys: list[str], prepared: list[list[tuple[Block, str]]], min_repeats: int, min_share: float
) -> Patterns:
    seen: dict[str, Counter] = defaultdict(Counter)
    example: dict[tuple[str, str], str] = {}
    articles: Counter = Counter()
    for key, pairs in zip(keys, prepared, strict=True):
        if key == "(none)" or not pairs:
            continue
        articles[key] += 1
        sigs = set()
        for block, sig in pairs:
            if len(sig) >= 3 and sig not in sigs:
                sigs.add(sig)
                example.setdefault((key, sig), block.text)
        seen[key].update(sigs)
    patterns = Patterns()
    for key, counter in seen.items():
        floor = max(min_repeats, int(min_share * articles[key] + 0.999))
        chosen = {sig: (example[(key, sig)], n) for sig, n in counter.items() if n >= floor}
        if chosen:
            patterns.by_source[key] = chosen
    return patterns


def detect(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    patterns: Patterns | None = None,
    learn: bool = True,
    min_repeats: int = 3,
    min_share: float = 0.05,
    page: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Every block of every article with its verdict: doc_id, source, block, start, end, text,
    boilerplate (bool), score, why, where.

    With ``jobs > 1`` the sources are shared out among worker processes (what is learned of one
    source never depends on another, so the result is the same). ``progress`` is told the
    articles judged (step ``boilerplate``; see :mod:`corpuscli.progress`).

    ``page=True`` is for the text of whole web pages rather than extracted articles: blocks
    outside the page's main text (:func:`main_region`) are boilerplate too."""
    if jobs > 1 and len(corpus) > 2 * _PART_DOCS:
        return _detect_parallel(
            corpus, by, patterns, learn, min_repeats, min_share, page, jobs, progress
        )
    stop = load_stopwords("en")
    known = Patterns()
    key_list = outlet_keys(corpus, by).tolist()
    prepared = [_prepare(text) for text in corpus["text"].tolist()]  # blocks, signed once
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
        blocks = [block for block, _ in pairs]
        verdicts = block_evidence(blocks, outlet=outlet, stopwords=stop)
        repeats = known.by_source.get(source, {})
        for (block, sig), verdict in zip(pairs, verdicts, strict=True):
            hit = repeats.get(sig)
            if hit is not None:
                where = _where(block.index, len(blocks))
                reason = f"repeated in {hit[1]} articles of {source}"
                if _short(block) <= 25 or where != "body":
                    verdict.add(STRONG, reason)
                else:
                    verdict.add(MEDIUM, reason)
        if page:
            from corpuscli.boilerplate.page import mark_page_furniture

            mark_page_furniture(blocks, verdicts, stop)
        else:
            _extend_runs(blocks, verdicts)
        for block, verdict in zip(blocks, verdicts, strict=True):
            rows.append(
                (doc_id, source, block.index, block.start, block.end, block.text,
                 verdict.score >= STRONG, round(verdict.score, 2), "; ".join(verdict.reasons),
                 _where(block.index, len(blocks)))
            )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "source",
            "block",
            "start",
            "end",
            "text",
            "boilerplate",
            "score",
            "why",
            "where",
        ],
    )


_PART_DOCS = 1000


def _detect_part(args: tuple) -> pd.DataFrame:  # type: ignore[type-arg]
    frame, options = args
    return detect(frame, **options)


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
) -> pd.DataFrame:
    """Share whole sources out among parts of about equal size, detect in each, restore order."""
    from corpuscli.engine.parallel import run_batches

    keys = outlet_keys(corpus, by)
    sizes = keys.value_counts()
    n_parts = max(jobs, int(len(corpus) / _PART_DOCS))
    loads = [0] * n_parts
    part_of: dict[str, int] = {}
    for key, size in sizes.items():  # largest sources first, each to the lightest part
        lightest = loads.index(min(loads))
        part_of[key] = lightest
        loads[lightest] += int(size)
    assignment = keys.map(part_of).to_numpy()
    options = {"by": by, "patterns": patterns, "learn": learn, "min_repeats": min_repeats,
               "min_share": min_share, "page": page}  # fmt: skip
    parts = [(corpus[assignment == k], options) for k in range(n_parts) if (assignment == k).any()]
    results = list(
        tracked(
            lambda batches: run_batches(_detect_part, batches, jobs=jobs), parts, progress,
            step="boilerplate", total=len(corpus), size=lambda part: len(part[0]),
        )
    )  # fmt: skip
    out = pd.concat(results, ignore_index=True)
    order = {doc_id: i for i, doc_id in enumerate(corpus["doc_id"])}
    out = out.assign(_o=out["doc_id"].map(order)).sort_values(["_o", "block"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def summarise(verdicts: pd.DataFrame) -> pd.DataFrame:
    """The boilerplate blocks found, one row per distinct block per source: source, text,
    articles (how many carry it), where (head/body/tail, the most common), why, score (highest)."""
    bp = verdicts[verdicts["boilerplate"]]
    if not len(bp):
        return pd.DataFrame(columns=list(COLUMNS))
    bp = bp.assign(sig=bp["text"].map(signature))
    grouped = bp.groupby(["source", "sig"], sort=False)
    out = grouped.agg(
        position=("block", "median"),
        text=("text", "first"),
        articles=("doc_id", "nunique"),
        where=("where", lambda s: s.value_counts().index[0]),
        why=("why", "first"),
        score=("score", "max"),
    ).reset_index()
    out = out.sort_values(
        ["source", "articles", "score", "text"], ascending=[True, False, False, True], kind="stable"
    )
    return out[list(COLUMNS)].reset_index(drop=True)


def clean(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    patterns: Patterns | None = None,
    learn: bool = True,
    page: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus frame with boilerplate blocks removed from ``text``, a ``removed`` column (JSON:
    the removed blocks with offsets into the original text and the reasons), and the verdicts
    (``progress``: see :func:`detect`)."""
    verdicts = detect(
        corpus, by=by, patterns=patterns, learn=learn, page=page, jobs=jobs, progress=progress
    )
    removed = verdicts[verdicts["boilerplate"]]
    per_doc: dict[str, list[dict]] = defaultdict(list)
    for row in removed.itertuples(index=False):
        per_doc[row.doc_id].append(
            {
                "block": int(row.block),
                "start": int(row.start),
                "end": int(row.end),
                "text": row.text,
                "why": row.why,
            }
        )
    out = corpus.copy()
    texts, notes = [], []
    for doc_id, text in zip(out["doc_id"], out["text"], strict=True):
        drop = {b["block"] for b in per_doc.get(doc_id, [])}
        texts.append(remove_blocks(text, drop) if isinstance(text, str) else text)
        notes.append(json.dumps(per_doc.get(doc_id, []), ensure_ascii=False))
    out["text"] = pd.array(texts, dtype=corpus["text"].dtype)
    out["removed"] = notes
    return out, verdicts
