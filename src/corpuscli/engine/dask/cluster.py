"""Connecting to Dask: a scheduler's address, or a local cluster of worker processes."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from corpuscli.errors import CorpusError, ExitCode, MissingExtraError

if TYPE_CHECKING:
    from distributed import Client


class EngineError(CorpusError):
    """The Dask scheduler cannot be reached, or the cluster cannot be started."""

    exit_code = ExitCode.ENGINE


def require_dask() -> None:
    """Raise :class:`MissingExtraError` naming the extra when Dask is not installed."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("--engine dask", "dask", exc.name or "dask") from None


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A Dask client: on the scheduler at ``scheduler`` (``tcp://HOST:8786``), else on a local
    cluster of ``workers`` single-threaded worker processes (default: every core)."""
    require_dask()
    from distributed import Client, LocalCluster

    from corpuscli.engine.parallel import available_cores

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                hint="check the address and that `dask scheduler` runs there",
            ) from None
        with client:
            yield client
        return
    # A worker's failure reaches the user as its task's exception, named by the command; what the
    # cluster logs besides is teardown noise, such as a heartbeat that meets the closed scheduler
    # on a loaded machine (a traceback on stderr at the end of a good run).
    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():  # nothing in them for a user to act on
            warnings.simplefilter("ignore", UserWarning)
            cluster = LocalCluster(
                n_workers=workers or available_cores(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.CRITICAL,
            )
    except (OSError, RuntimeError) as exc:
        raise EngineError(f"cannot start a local Dask cluster: {exc}") from None
    with cluster, Client(cluster) as client:
        yield client
