"""Run the per-article analysis as tasks on a Dask cluster (dask.distributed), for corpora beyond one machine.

The tasks are exactly the local ones (framing.analysis._analyze_batch over batches of articles); only where they
run changes. Without a scheduler address a LocalCluster on this machine is started (one process per core).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from framing.analysis import Analysis, analyze_paths
from framing.errors import FramingError


def analyze_paths_dask(paths: Sequence[str | Path], *, scheduler: str | None = None, **kwargs) -> Analysis:
    """analyze_paths with the batches sent to a Dask scheduler (`tcp://host:8786`) or a LocalCluster."""
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
            return analyze_paths(paths, executor=client, **kwargs)
    workers = kwargs.pop("workers", None) or os.cpu_count() or 1
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        return analyze_paths(paths, executor=client, **kwargs)
