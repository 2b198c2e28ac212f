"""Scale-out on Dask: the same pandas functions, run per partition on a Dask cluster.

A *partition* is one input file, or a group of small files (about :data:`PARTITION_BYTES` of
input each): a folder of Parquet or JSONL partitions is the natural input. Each partition is
loaded on a worker by the ordinary :class:`~corpuscli.io.loader.Loader` (same columns, sources,
dates and time window as the pandas engine) into a Dask DataFrame, and the analyses run on it with
``map_partitions``:

- **counting** (``terms``, ``compare``): each partition counts its n-grams per group with the
  ordinary :class:`~corpuscli.engine.counting.Counter` and returns them as a frame of
  (n, group, term, count, docs); Dask sums the frames by (n, group, term). Counts and document
  frequencies add up exactly (an article lies in one partition), so the merged table equals the
  pandas engine's, and everything after it (ranking, TF-IDF, keyness) is the same code.
- **boilerplate** (``boilerplate``, ``clean``, ``--clean``): the corpus is shuffled by source, so
  that every article of an outlet lands in one partition, and detection runs per partition.

What the loaders report (skipped files and lines, notes) comes back from the workers with the
result. Two things are per partition rather than corpus-wide: ``--dedupe`` (refused: it needs the
whole corpus) and the renaming of doc_ids that clash between files (``fox/story``), which the
pandas engine does across the whole load.
"""

from corpuscli.engine.partitions import PARTITION_BYTES, partition_bytes, plan_partitions

from .cluster import EngineError, connect, require_dask
from .counts import count_terms, to_term_counts
from .partitions import EXTRAS, ORDER, Loaded, finish_reports, in_input_order, load
from .shuffled import by_group, clean_frame, detect, learn

__all__ = [
    "EXTRAS", "ORDER", "PARTITION_BYTES", "EngineError", "Loaded", "by_group", "clean_frame",
    "connect", "count_terms", "detect", "finish_reports", "in_input_order", "learn", "load",
    "partition_bytes", "plan_partitions", "require_dask",
    "to_term_counts",
]  # fmt: skip
