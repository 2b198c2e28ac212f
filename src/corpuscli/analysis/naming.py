"""Naming and framing differences: terms two outlets use for the same thing.

For outlets A and B, candidates are the words and two-word phrases each strongly prefers (keyness
of A against B: log ratio at least ``min_log_ratio`` and G² significant at ``p``, uncorrected;
and the reverse). A candidate of A and one of B are paired when

- they occur in the same contexts: the cosine of their context vectors (content words up to
  ``window`` tokens either side, over both outlets' articles, weighted by positive pointwise
  mutual information) is at least ``min_context``; or
- they are near-identical spellings of names (``Shusha`` / ``Shushi``): a difflib ratio of at
  least 0.8, for words of five letters or more written with a capital at least 80% of the time; or
- a user declared them in an aliases file (one pair per line: ``term<TAB>term`` or
  ``term = term``).

Each pair comes with its evidence: the counts of both terms in both outlets, the similarities, and
the context words they share.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from corpuscli.analysis.compare import critical_g2, keyness_scores
from corpuscli.errors import InputError, NothingToAnalyse, UsageError
from corpuscli.io.decode import looks_binary
from corpuscli.schema import group_keys
from corpuscli.text.stopwords import load_stopwords
from corpuscli.text.tokens import Tokenizer

COLUMNS = (
    "term_a", "term_b", "a_in_A", "a_in_B", "b_in_A", "b_in_B", "context_similarity",
    "spelling_similarity", "basis", "shared_contexts",
)  # fmt: skip


def read_aliases(path: str) -> list[tuple[str, str]]:
    """Declared pairs: ``term<TAB>term`` or ``term = term`` per line; ``#`` starts a comment."""
    p = Path(path)
    if not p.is_file():
        raise InputError("aliases file not found", where=path, hint="check --aliases")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read the aliases file: {exc.strerror or exc}", where=path
        ) from None
    try:
        if looks_binary(data):
            raise UnicodeError
        text = data.decode("utf-8-sig")
    except UnicodeError:
        raise InputError(
            "the aliases file is not UTF-8 text",
            where=path,
            hint="give a text file of 'term = term' lines to --aliases",
        ) from None
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        parts = [x.strip() for x in (text.split("\t") if "\t" in text else text.split("="))]
        if len(parts) != 2 or not all(parts):
            raise InputError(
                "expected two terms",
                where=f"{path}:{number}",
                hint="write 'term = term' or 'term<TAB>term'",
            )
        pairs.append((parts[0].lower().replace("’", "'"), parts[1].lower().replace("’", "'")))
    return pairs


def _units(tokens: list[str], longest: int = 2) -> Iterable[tuple[str, int, int]]:
    """Words and phrases of up to ``longest`` words, with their token span."""
    for i in range(len(tokens)):
        for n in range(1, longest + 1):
            if i + n <= len(tokens):
                yield " ".join(tokens[i : i + n]), i, i + n


def naming_differences(
    corpus: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    by: str = "source",
    a: str,
    b: str,
    aliases: str | None = None,
    min_count: int = 3,
    min_log_ratio: float = 1.0,
    p: float = 0.05,
    window: int = 3,
    min_context: float = 0.15,
    candidates: int = 150,
    top: int | None = 50,
) -> pd.DataFrame:
    """Pairs of terms that outlet ``a`` and outlet ``b`` use for the same thing (see the module
    docstring). Sorted by the stronger of the two similarities; declared pairs first."""
    stop = load_stopwords("en")
    tok = Tokenizer(lower=False)
    docs: dict[str, list[list[str]]] = {a: [], b: []}
    capitalised: Counter = Counter()  # how often each word is written with a capital
    names: set[str] = set()
    for frame in [corpus] if isinstance(corpus, pd.DataFrame) else corpus:
        keys = group_keys(frame, by)
        names.update(keys)
        for key, text in zip(keys, frame["text"], strict=True):
            if key in docs and isinstance(text, str):
                raw = tok.tokens(text)
                capitalised.update(t.lower() for t in raw if t[:1].isupper())
                docs[key].append([t.lower() for t in raw])
    for name in (a, b):
        if not docs[name]:
            close = difflib.get_close_matches(name, sorted(names), n=3, cutoff=0.5)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else f"groups: {', '.join(sorted(names)[:15])}"
            )
            raise UsageError(f"no articles of {name!r} in --by {by}", hint=hint)
    if a == b:
        raise UsageError("compare two different outlets")

    def is_content(unit: str) -> bool:
        words = unit.split()
        return words[0] not in stop and words[-1] not in stop and any(c.isalpha() for c in unit)

    declared = read_aliases(aliases) if aliases else []
    declared_terms = {t for pair in declared for t in pair}
    longest = max([2, *(len(t.split()) for t in declared_terms)])
    counts = {name: Counter() for name in (a, b)}
    sizes = {}
    for name in (a, b):
        size = 0
        for tokens in docs[name]:
            size += len(tokens)
            counts[name].update(
                u
                for u, i, j in _units(tokens, longest)
                if (j - i <= 2 and is_content(u)) or u in declared_terms
            )
        sizes[name] = size
    vocab = sorted(set(counts[a]) | set(counts[b]))
    fa = np.array([counts[a][t] for t in vocab], dtype=float)
    fb = np.array([counts[b][t] for t in vocab], dtype=float)
    scores = keyness_scores(fa, fb, sizes[a], sizes[b])
    critical = critical_g2(p)
    # Each side's preferred terms: used relatively more, by at least min_log_ratio (or absent
    # from the other side), significantly, and often enough.
    over = scores["direction"] == "over"
    strong = scores["g2"] >= critical
    pref_a = (
        over & ((scores["log_ratio"] >= min_log_ratio) | (fb == 0)) & strong & (fa >= min_count)
    )
    pref_b = (
        ~over & ((scores["log_ratio"] <= -min_log_ratio) | (fa == 0)) & strong & (fb >= min_count)
    )
    side_a = [vocab[i] for i in np.argsort(-scores["g2"] * pref_a)[:candidates] if pref_a[i]]
    side_b = [vocab[i] for i in np.argsort(-scores["g2"] * pref_b)[:candidates] if pref_b[i]]
    wanted = set(side_a) | set(side_b) | declared_terms
    contexts = _contexts(docs[a] + docs[b], wanted, window, stop, longest)
    weights = _ppmi(contexts)
    rows = []
    seen = set()
    for x, y in declared:
        rows.append(_row(x, y, counts, a, b, weights, contexts, "declared"))
        seen.add((x, y))
    for x in side_a:
        for y in side_b:
            if (x, y) in seen or x in y.split() or y in x.split():
                continue
            ctx = _cosine(weights.get(x, {}), weights.get(y, {}))
            # Spelling variants are names (Shusha / Shushi), not common words (started / stated).
            proper = all(capitalised[t] >= 0.8 * (counts[a][t] + counts[b][t]) for t in (x, y))
            spell = _spelling(x, y) if proper else 0.0
            if ctx >= min_context or spell >= 0.8:
                basis = "spelling" if spell >= 0.8 and spell >= ctx else "context"
                rows.append(_row(x, y, counts, a, b, weights, contexts, basis))
    if not rows:
        raise NothingToAnalyse(
            f"no naming differences found between {a!r} and {b!r}",
            hint="lower --min-context or --min-count, or declare known pairs with --aliases",
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    declared_rows = out[out["basis"] == "declared"]  # in the order of the aliases file
    found = out[out["basis"] != "declared"]
    found = found.assign(_score=found[["context_similarity", "spelling_similarity"]].max(axis=1))
    found = found.sort_values(
        ["_score", "term_a", "term_b"], ascending=[False, True, True], kind="stable"
    ).drop(columns="_score")
    out = pd.concat([declared_rows, found], ignore_index=True)
    if top is not None:
        out = out.head(top)
    return out


def _contexts(
    texts: list[list[str]], wanted: set[str], window: int, stop: frozenset[str], longest: int
) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for tokens in texts:
        for unit, start, end in _units(tokens, longest):
            if unit not in wanted:
                continue
            left = tokens[max(0, start - window) : start]
            right = tokens[end : end + window]
            out[unit].update(
                w for w in left + right if w not in stop and any(c.isalpha() for c in w)
            )
    return out


def _ppmi(contexts: dict[str, Counter]) -> dict[str, dict[str, float]]:
    total = sum(sum(c.values()) for c in contexts.values())
    if not total:
        return {}
    word_totals: Counter = Counter()
    for c in contexts.values():
        word_totals.update(c)
    out = {}
    for unit, c in contexts.items():
        unit_total = sum(c.values())
        vec = {}
        for word, n in c.items():
            pmi = math.log((n * total) / (unit_total * word_totals[word]))
            if pmi > 0:
                vec[word] = pmi
        out[unit] = vec
    return out


def _cosine(x: dict[str, float], y: dict[str, float]) -> float:
    if not x or not y:
        return 0.0
    dot = sum(v * y[k] for k, v in x.items() if k in y)
    nx = math.sqrt(sum(v * v for v in x.values()))
    ny = math.sqrt(sum(v * v for v in y.values()))
    return dot / (nx * ny) if nx and ny else 0.0


def _spelling(x: str, y: str) -> float:
    if len(x) < 5 or len(y) < 5 or " " in x or " " in y:
        return 0.0
    return difflib.SequenceMatcher(None, x, y).ratio()


def _row(x, y, counts, a, b, weights, contexts, basis):  # type: ignore[no-untyped-def]
    shared = set(contexts.get(x, {})) & set(contexts.get(y, {}))
    ranked = sorted(shared, key=lambda w: (-(contexts[x][w] + contexts[y][w]), w))[:5]
    return {
        "term_a": x,
        "term_b": y,
        "a_in_A": counts[a][x],
        "a_in_B": counts[b][x],
        "b_in_A": counts[a][y],
        "b_in_B": counts[b][y],
        "context_similarity": round(_cosine(weights.get(x, {}), weights.get(y, {})), 4),
        "spelling_similarity": round(_spelling(x, y), 4),
        "basis": basis,
        "shared_contexts": ", ".join(ranked),
    }
