"""General features of a candidate pair of statements, one from each of two articles, for the
alignment scorer (:mod:`alignment_model`).

Every feature is a property of the two statements and of their place among the other statements
of the two articles, never of a particular outlet, speaker or story:

- how alike their words are (:mod:`similarity`: weighted content-word overlap both ways, the
  share of the smaller found in the larger, the longest run of words in the same order, the
  word-for-word likeness), and how many content words, numbers and names they share;
- who said them: the same named speaker, two different named speakers, or one unknown;
- what they are: both quotes, one a quote and one reported speech, both reported;
- where they stand: their relative positions in their articles, their length ratio;
- whether they read nearly the same word for word, stopwords included (``NEAR_SAME``);
- how the pair ranks among the others: whether each is the other's closest statement, and its
  overlap against the best overlap either statement has with anything.

The names of the features are ``NAMES``; :func:`pair_features` gives one row per pair.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .quotes import Quote
from .similarity import Profile, Similarity, Weights, content_senses, content_words
from .speaker_match import same_speaker, speaker_names

NAMES = (
    "dice",
    "cover",
    "wording",
    "run_share",
    "log_run",
    "log_shared",
    "log_shared_weight",
    "numbers_shared",
    "names_shared",
    "names_share",
    "speaker_same",
    "speaker_differs",
    "both_quoted",
    "quote_and_reported",
    "position_gap",
    "length_ratio",
    "log_min_words",
    "fragment_whole",
    "best_for_a",
    "best_for_b",
    "mutual_best",
    "dice_to_best",
    "exact",
    "soft_dice",
    "dice_same_speaker",
    "cover_both_quoted",
    "reported_both",
    "speaker_in_context",
    "near_same",
    "sentence_dice",
    "sentence_cover",
    "question_and_not",
)

_QUOTED = frozenset({"direct", "partial"})
#: A capitalised word not at the start of its sentence: a name ("Lieberman", "Treasury").
_NAME = re.compile(r"(?<![.!?\"“‘]\s)(?<!^)\b[A-Z][\w'’-]+")
_CAPITAL = re.compile(r"\b[A-Z][\w'’-]+")


@dataclass(frozen=True)
class StatementInfo:
    """What the features need of one statement, computed once for all its pairs."""

    profile: Profile
    numbers: frozenset[str]
    names: frozenset[str]
    position: float
    quoted: bool
    weights: dict[str, float]
    weight: float
    families: frozenset[str]
    endings: frozenset[str]
    speaker: frozenset[str]
    around: frozenset[str]
    sentence: dict[str, float]
    sentence_weight: float
    question: bool


#: Word-for-word likeness (stopwords included) at which two statements of three words or more
#: read as one with a few words changed ("we will not do it" / "we will do it").
NEAR_SAME = 0.75
#: How far around a statement its context reaches (within its paragraph).
CONTEXT = 300


def statement_info(q: Quote, text: str, weights: Weights, sentence: str = "") -> StatementInfo:
    """The profile, numbers, names, relative position and word weights of statement ``q`` of
    ``text``, its speaker's names, the capitalised words of its paragraph around it (where a
    speaker left unresolved is often named), and the weighted content words of ``sentence``, the
    sentences that hold it (who reported it, with what verb, about what: a short clause, "to give
    up his bid", shares little with its rendering, its sentence much)."""
    profile = Profile.of(q.text)
    numbers = frozenset(w for w in profile.content if w.isdigit())
    names = frozenset(w for m in _NAME.findall(q.text) for w in content_words(m))
    position = (q.start + q.end) / 2 / max(len(text), 1)
    lo = text.rfind("\n", max(0, q.start - CONTEXT), q.start) + 1 or max(0, q.start - CONTEXT)
    hi = text.find("\n", q.end, q.end + CONTEXT)
    hi = hi if hi >= 0 else min(len(text), q.end + CONTEXT)
    around = frozenset(
        w.lower().replace("’", "'").removesuffix("'s") for w in _CAPITAL.findall(text, lo, hi)
    )
    own = {w: weights(w) for w in sorted(profile.content)}
    families = frozenset(k for w in own for k in _family(w))
    endings = frozenset(k for k in families if not k.startswith("^"))
    context = {w: weights(w) for w in sorted(set(content_senses(sentence or q.text)))}
    return StatementInfo(profile, numbers, names, position, q.kind in _QUOTED, own,
                         math.fsum(own.values()), families, endings, speaker_names(q.speaker),
                         around, context, math.fsum(context.values()),
                         q.text.rstrip(" \"”’'").endswith("?"))  # fmt: skip


def pair_features(
    sims: list[list[Similarity]],
    a: list[Quote],
    b: list[Quote],
    ia: list[StatementInfo],
    ib: list[StatementInfo],
    exact: set[tuple[int, int]],
) -> dict[tuple[int, int], list[float]]:
    """One row of features (in the order of ``NAMES``) for every pair (i, j) of statements, given
    their similarities ``sims[i][j]`` and the pairs whose words are the same (``exact``)."""
    best_a = [max((s.dice for s in row), default=0.0) for row in sims]
    best_b = [max((sims[i][j].dice for i in range(len(a))), default=0.0) for j in range(len(b))]
    out: dict[tuple[int, int], list[float]] = {}
    for i, (qa, xa) in enumerate(zip(a, ia, strict=True)):
        for j, (qb, xb) in enumerate(zip(b, ib, strict=True)):
            s = sims[i][j]
            na, nb = len(xa.profile.words), len(xb.profile.words)
            short = max(1, min(na, nb))
            who = same_speaker(qa.speaker, qb.speaker)
            names = xa.names & xb.names
            fragment = any(
                q.kind == "partial" and p.words and s.run == len(p.words)
                for q, p in ((qa, xa.profile), (qb, xb.profile))
            )
            top = max(best_a[i], best_b[j])
            out[(i, j)] = [
                s.dice,
                s.cover,
                s.wording,
                s.run / short,
                math.log1p(s.run),
                math.log1p(s.shared),
                math.log1p(s.shared_weight),
                float(len(xa.numbers & xb.numbers)),
                math.log1p(len(names)),
                len(names) / max(1, min(len(xa.names), len(xb.names))),
                float(who is True),
                float(who is False),
                float(xa.quoted and xb.quoted),
                float(xa.quoted != xb.quoted),
                abs(xa.position - xb.position),
                math.log((max(na, nb) + 1) / (short + 1)),
                math.log1p(short),
                float(fragment),
                float(s.dice > 0 and s.dice >= best_a[i]),
                float(s.dice > 0 and s.dice >= best_b[j]),
                float(s.dice > 0 and s.dice >= best_a[i] and s.dice >= best_b[j]),
                s.dice / top if top > 0 else 0.0,
                float((i, j) in exact),
                soft_dice(xa, xb),
                s.dice * float(who is True),
                s.cover * float(xa.quoted and xb.quoted),
                float(not xa.quoted and not xb.quoted),
                float(bool(xa.speaker & xb.around or xb.speaker & xa.around)),
                float(s.wording >= NEAR_SAME and short >= 3),
                _dice(xa.sentence, xb.sentence, xa.sentence_weight + xb.sentence_weight),
                _dice(xa.sentence, xb.sentence, 2 * min(xa.sentence_weight, xb.sentence_weight)),
                float(xa.question != xb.question),
            ]
    return out


def _dice(x: dict[str, float], y: dict[str, float], total: float) -> float:
    """The weighted Dice overlap of two sets of weighted words whose weights sum to ``total``."""
    if total == 0:
        return 0.0
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    return 2 * math.fsum(w for word, w in small.items() if word in large) / total


def _family(word: str) -> list[str]:
    """Keys under which a stem meets the stems of its word family: its first five letters, and
    each of its endings of four letters or more ("lawsuit" holds "suit"). Numbers have none."""
    if word.isdigit() or len(word) < 4:
        return []
    keys = [word[k:] for k in range(1, len(word) - 3)]
    return [f"^{word[:5]}", *keys] if len(word) >= 5 else keys


def soft_dice(x: StatementInfo, y: StatementInfo) -> float:
    """The weighted Dice overlap of two statements' content words where a word also counts as
    shared when the other has a word of its family: the same first five letters ("constitut",
    "constitution"), or one ending in the other ("suit", "lawsuit")."""
    total = x.weight + y.weight
    if total == 0:
        return 0.0
    hit = 0.0
    for mine, other in ((x, y), (y, x)):
        hit += math.fsum(
            w
            for word, w in mine.weights.items()
            if word in other.weights
            or word in other.endings
            or any(k in other.families for k in _family(word))
        )
    return hit / total
