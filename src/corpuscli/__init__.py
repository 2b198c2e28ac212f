"""corpuscli: analyse corpora of news articles.

The public Python API mirrors the commands, so a notebook gets the same results as the CLI::

    import corpuscli
    result = corpuscli.load(["sample_data/"])
    frame = result.frame                      # the corpus frame, one row per article
    corpuscli.corpus_stats(frame, by="source")

The heavy modules (pandas, NLTK) are imported on first use, so that ``corpus --help`` stays fast.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "CORE_COLUMNS",
    "CorpusError",
    "LoadResult",
    "corpus_stats",
    "load",
    "normalize_text",
    "read_frame",
    "word_counts",
]

# name -> module that defines it; resolved lazily by __getattr__.
_LAZY = {
    "load": "corpuscli.io.loader",
    "LoadResult": "corpuscli.io.loader",
    "read_frame": "corpuscli.io.loader",
    "CORE_COLUMNS": "corpuscli.schema",
    "normalize_text": "corpuscli.io.decode",
    "corpus_stats": "corpuscli.analysis.stats",
    "word_counts": "corpuscli.analysis.stats",
    "CorpusError": "corpuscli.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'corpuscli' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
