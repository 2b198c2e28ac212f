"""The pairing features of input files that worker processes load themselves (``corpus pairs``
and ``corpus stories`` on every core).

With one process reading for all, parsing JSON and normalising text is a serial step, and the
whole corpus's text is held in that process while the workers read each article's lead. Here
each worker loads a partition of the input (see :func:`corpuscli.engine.partitioned.each_part`)
and makes the features of its articles at once (their content words and quote signatures: see
:mod:`corpuscli.coverage.story_features`); the calling process gathers the features and the
articles' other columns, in input order, each article named by its doc_id made unique across
the whole load, and never holds a text. The features and the frame equal those of
:func:`~corpuscli.coverage.story_features.article_features` over the loaded corpus (tested), so
the stories and pairs are the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from corpuscli.engine.parallel import worker_state
from corpuscli.engine.partitioned import (
    FilesRead,
    Partitions,
    PartRead,
    each_part,
    part_loader,
    part_read,
)
from corpuscli.io.inputs import InputItem
from corpuscli.progress import Progress

from .story_features import (
    Features,
    Gathered,
    batch_features,
    init_worker,
    leads,
    story_stopwords,
)


@dataclass
class PartitionFeatures(PartRead):
    #: The partition's articles without their text, indexed by their places among the ids read
    #: (None when it has none).
    meta: pd.DataFrame | None
    #: Their features: terms, each entry's id into them and count, entries per article,
    #: signatures (as :meth:`Gathered.add` takes them).
    features: tuple[Any, ...]


def _feature_partition(items: list[InputItem]) -> PartitionFeatures:
    state = worker_state()
    if "stop" not in state:  # this worker's first partition
        init_worker(story_stopwords(), True)
    loader = part_loader(items)
    gathered = Gathered()
    metas = []
    for frame in loader.chunks():
        for batch in leads(frame["text"]):
            gathered.add(*batch_features(batch))
        metas.append(frame.drop(columns="text"))
    got = gathered.features()
    return PartitionFeatures(
        meta=pd.concat(metas) if metas else None,
        features=(got.terms, got.codes, got.counts, got.lengths, got.signatures),
        **part_read(loader),
    )


def pair_features_in_files(
    partitions: Partitions,
    *,
    jobs: int = 1,
    loader: dict[str, Any] | None = None,
    manifest: Any = None,
    progress: Progress | None = None,
) -> tuple[tuple[pd.DataFrame, Features], FilesRead]:
    """The corpus frame without its text, and the pairing features of its articles (in its
    order), of input partitions each loaded by a worker process; ``loader`` holds the
    :class:`~corpuscli.io.loader.Loader` options, ``manifest`` the manifest frame for the note
    on unused entries. Returns them and what the load found."""
    from corpuscli.engine.parallel import start_method
    from corpuscli.schema import empty_frame

    if jobs > 1 and start_method() == "fork":
        # imported once here, the workers forked with them, rather than once in every worker
        from corpuscli.text.nltk_light import porter

        porter()

        import corpuscli.coverage.quotes  # noqa: F401
    gathered = Gathered()
    metas: list[pd.DataFrame] = []
    read = FilesRead()
    for result, unique in each_part(
        partitions, _feature_partition, read, task=None, jobs=jobs, loader=loader,
        manifest=manifest, progress=progress,
    ):  # fmt: skip
        if result.meta is not None:
            metas.append(result.meta.assign(doc_id=[unique[p] for p in result.meta.index]))
        gathered.add(*result.features)
    frame = pd.concat(metas, ignore_index=True) if metas else empty_frame().drop(columns="text")
    return (frame, gathered.features()), read
