"""corpuscli: analyse corpora of news articles.

The public Python API is the command line's: one function per command, with the same defaults
and the same results, so a notebook gets what ``corpus`` prints::

    import corpuscli as cc

    cc.terms("sample_data/", by="source", top=5).frame     # corpus terms sample_data/ --by source
    cc.quotes("sample_data/", speaker="Putin").frame       # corpus quotes sample_data/ --speaker Putin
    cc.terms(cc.Source(paths=("sample_data/",), sources=("Anatolia Today",)))  # --source filters

A corpus is given as paths, a corpus frame (``cc.load(paths).frame``) or a :class:`Source`
(inputs, filters, store, cleaning); where the work runs is a :class:`Compute` (``jobs``,
``engine``); what counts as a token is :class:`Tokens`. Results are :class:`Table` objects
(``.frame``, ``.notes``, ``.warnings``, ``.load``), a statement diff, or a report.

The heavy modules (pandas, NLTK) are imported on first use, so that ``corpus --help`` stays fast.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "CORE_COLUMNS",
    "CleanedCorpus",
    "Cleaning",
    "Compute",
    "CorpusError",
    "LoadReport",
    "LoadResult",
    "Source",
    "Table",
    "Tokens",
    "articles",
    "clean",
    "collocations",
    "compare",
    "corpus_stats",
    "diff",
    "find_boilerplate",
    "kwic",
    "load",
    "normalize_text",
    "pairs",
    "quotes",
    "read_frame",
    "report",
    "stats",
    "stories",
    "terms",
    "word_counts",
]

# name -> module that defines it; resolved lazily by __getattr__.
_LAZY = {
    # the commands
    "articles": "corpuscli.api.corpus",
    "stats": "corpuscli.api.corpus",
    "terms": "corpuscli.api.terms",
    "collocations": "corpuscli.api.terms",
    "kwic": "corpuscli.api.terms",
    "compare": "corpuscli.api.terms",
    "find_boilerplate": "corpuscli.api.boilerplate",
    "clean": "corpuscli.api.boilerplate",
    "quotes": "corpuscli.api.coverage",
    "pairs": "corpuscli.api.coverage",
    "stories": "corpuscli.api.coverage",
    "diff": "corpuscli.api.coverage",
    "report": "corpuscli.api.report",
    # what they take and give
    "Source": "corpuscli.engine.source",
    "Cleaning": "corpuscli.engine.source",
    "LoadReport": "corpuscli.engine.source",
    "Compute": "corpuscli.engine.compute",
    "Tokens": "corpuscli.text.token_options",
    "Table": "corpuscli.results",
    "CleanedCorpus": "corpuscli.results",
    # loading and the corpus frame
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
    """The public API and the package's own attributes, not the names this module imports."""
    own = [name for name in globals() if name.startswith("__") or name in __all__]
    return sorted(set(own) | set(__all__))
