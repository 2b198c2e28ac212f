"""Pairs of articles from different outlets that cover the same story.

The pairs are those inside the stories of :mod:`corpuscli.coverage.stories`: every two articles
of one story from different groups, with the story they belong to and how alike they are (the
score and its parts: cosine of the TF-IDF vectors, title overlap, statements both quote). Rows
come grouped by story (in the stories' order), the strongest pair of a story first.

Scales with the number of candidates, not the square of the corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

from corpuscli.errors import NothingToAnalyse
from corpuscli.progress import Progress

from .stories import COHESION, MAX_DAYS, ONE_WAY, THRESHOLD, StoryGraph, story_graph, story_label
from .story_features import Features, article_features

__all__ = ["COLUMNS", "article_features", "evaluate", "find_pairs", "pairs_frame"]

COLUMNS = (
    "doc_a", "source_a", "doc_b", "source_b", "score", "cosine", "title_overlap", "days_apart",
    "shared_quotes", "shared_terms", "title_a", "title_b", "story", "label",
)  # fmt: skip


def pairs_frame(corpus: pd.DataFrame, graph: StoryGraph) -> pd.DataFrame:
    """Every pair of articles from different groups inside each story (see :data:`COLUMNS`)."""
    index = graph.index
    ids = corpus["doc_id"].tolist()
    titles = [t if isinstance(t, str) else "" for t in corpus["title"].tolist()]
    rows = []
    for k, members in enumerate(graph.members, start=1):
        label = story_label(index, members, titles)
        story_rows = []
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if index.groups[i] == index.groups[j]:
                    continue
                s = index.score(i, j)
                gap = index.days_apart(i, j)
                story_rows.append(
                    {
                        "doc_a": ids[i], "source_a": index.groups[i], "doc_b": ids[j],
                        "source_b": index.groups[j], "score": round(s.score, 4),
                        "cosine": round(s.cosine, 4), "title_overlap": round(s.title_overlap, 4),
                        "days_apart": None if math.isnan(gap) else round(gap, 2),
                        "shared_quotes": s.shared_quotes,
                        "shared_terms": ", ".join(index.shared_terms(i, j)),
                        "title_a": titles[i], "title_b": titles[j], "story": k, "label": label,
                    }
                )  # fmt: skip
        story_rows.sort(key=lambda r: (-r["score"], r["doc_a"], r["doc_b"]))
        rows.extend(story_rows)
    return pd.DataFrame(rows, columns=list(COLUMNS))


def find_pairs(
    corpus: pd.DataFrame,
    *,
    by: str = "source",
    keywords: int = 30,
    vector_terms: int = 60,
    max_df: float = 0.2,
    max_days: float = MAX_DAYS,
    threshold: float = THRESHOLD,
    cohesion: float = COHESION,
    one_way: float = ONE_WAY,
    quotes: bool = True,
    quote_table: pd.DataFrame | None = None,
    jobs: int = 1,
    features: Features | tuple[Sequence[Counter[str]], Sequence[set[str]]] | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Same-story pairs across the groups of ``by`` (see the module docstring; the parameters
    are those of :func:`corpuscli.coverage.stories.story_graph`)."""
    graph = story_graph(
        corpus, by=by, keywords=keywords, vector_terms=vector_terms, max_df=max_df,
        max_days=max_days, threshold=threshold, cohesion=cohesion, one_way=one_way, quotes=quotes,
        quote_table=quote_table, jobs=jobs, features=features, progress=progress,
    )  # fmt: skip
    if not graph.members:
        raise NothingToAnalyse(
            "no pair of articles from different groups covers the same story",
            hint="lower --threshold, or widen --max-days",
        )
    return pairs_frame(corpus, graph)


def evaluate(pairs: pd.DataFrame, truth: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Precision and recall of found pairs against true same-story pairs (unordered)."""
    found = {frozenset((a, b)) for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True)}
    gold = {frozenset(p) for p in truth}
    tp = len(found & gold)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(gold) if gold else 0.0
    return {
        "pairs_found": len(found),
        "true_pairs": len(gold),
        "precision": precision,
        "recall": recall,
    }
