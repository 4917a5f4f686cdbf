"""Run the per-article analysis as tasks on a Dask cluster (dask.distributed), for corpora beyond one machine.

The tasks are exactly the local ones (framing.pipeline.run._analyze_batch over batches of articles, sent to the client as `executor`); only where they
run changes. Without a scheduler address a LocalCluster on this machine is started (one process per core).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from framing.errors import FramingError


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A dask.distributed Client of the scheduler at `scheduler` (`tcp://host:8786`), or of a LocalCluster of
    `workers` processes (default: one per core), closed when the `with` block ends."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # the dask extra is optional
        raise FramingError("--engine dask needs dask.distributed: pip install 'framing[dask]'") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise FramingError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address "
                               "(tcp://HOST:PORT) and that the scheduler is running") from exc
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client

