"""The text-reuse step of `framing analyze` alone, as its driver runs it after the other tables are written: the
corpus loaded as analyze loads it, then framing.pipeline.stored_reuse.find_pairs and the stamped parquet written by
write_tables into a temporary folder. Prints the pairs, CPU and wall time of the step and this process's memory
(VmRSS with the articles loaded, VmHWM after the step).

    python -m bench.reuse_step CORPUS      # e.g. bench.corpora's reused_100000.jsonl (write_reused)
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _memory_mb() -> dict[str, float]:
    with open("/proc/self/status", encoding="ascii") as status:
        return {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status
                if line.startswith(("VmRSS", "VmHWM"))}


def main() -> int:
    import polars as pl

    from framing.load import load_corpus
    from framing.pipeline import stored_reuse
    from framing.present.export import write_tables

    articles = load_corpus([sys.argv[1]]).articles
    loaded = _memory_mb()
    print(f"{articles.height:,} articles loaded: VmRSS {loaded['VmRSS']:,.0f} MB", file=sys.stderr)
    print("finding the passages the articles share …", file=sys.stderr, flush=True)  # a sampler's marker
    cpu, wall = _cpu(), time.perf_counter()
    stamps: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as out:
        def tables():
            pairs, stamps[stored_reuse.TABLE] = stored_reuse.find_pairs(articles)
            yield stored_reuse.TABLE, pairs

        write_tables(tables(), Path(out) / "out", parquet_only=(stored_reuse.TABLE,), metadata=stamps)
        size = (Path(out) / "out" / "text_reuse.parquet").stat().st_size
        pairs = len(pl.read_parquet(Path(out) / "out" / "text_reuse.parquet", columns=["article_a"]))
    after = _memory_mb()
    print(f"{pairs:,} pairs ({size / 2**20:.1f} MB): {_cpu() - cpu:.1f} s CPU, {time.perf_counter() - wall:.1f} s wall "
          f"at load {os.getloadavg()[0]:.1f}; VmHWM {after['VmHWM']:,.0f} MB, "
          f"{after['VmHWM'] - loaded['VmRSS']:,.0f} MB above the loaded articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
