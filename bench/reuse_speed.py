"""Text reuse beside its baseline (issue 19.2 and 19.5): framing.aggregate.reuse.shared_text against the dict-based
implementation it replaced (tests/helpers/reuse_reference.py), on the same articles in the same run.

    python -m bench.reuse_speed                         # 3,700, 10,000 and 100,000 articles (baseline up to 10,000)
    python -m bench.reuse_speed --sizes 3700 --baseline-upto 3700

The corpora are those of bench/corpora.py (10kgnad texts, 30 % of the articles carrying an agency passage run by
two to six articles). Each measurement runs in a fresh process: wall time of the call, and its peak resident memory
above the process's memory with the articles loaded (VmHWM before and after), and its CPU time (user + system,
all threads: less dependent on what else the machine runs than the wall time). Both tables are compared: equal or
not.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.peak import PEAK_SOURCE

ROOT = Path(__file__).resolve().parents[1]

_CHILD = PEAK_SOURCE + r"""
import polars as pl
path, which, out = sys.argv[1], sys.argv[2], sys.argv[3]
articles = pl.read_ndjson(path).rename({"id": "article_id"}).select("article_id", "outlet", "text")
if which == "baseline":
    from tests.helpers.reuse_reference import shared_text
else:
    from framing.aggregate.reuse import shared_text
    from framing.aggregate.reuse import _unsafe_to_fold
    _unsafe_to_fold()  # found once per process (0.1-0.3 s), as in a server that found reuse before
usage = resource.getrusage(resource.RUSAGE_SELF)
before, cpu = hwm_kb(), usage.ru_utime + usage.ru_stime
started = time.perf_counter()
pairs = shared_text(articles)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = hwm_kb(), usage.ru_utime + usage.ru_stime - cpu
pairs.write_parquet(out)
print(json.dumps({"seconds": seconds, "cpu_s": cpu, "extra_mb": (peak - before) / 1024, "base_mb": before / 1024,
                  "pairs": pairs.height}))
"""


def measure(corpus: Path, which: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(corpus), which, str(out)], cwd=ROOT, check=True,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load": os.getloadavg()[0]}


def run(sizes: list[int], baseline_upto: int, work: Path) -> list[dict]:
    """One row per corpus size: the new implementation, and the baseline where n <= baseline_upto."""
    from bench.corpora import write_reused
    from bench.run import gnad_texts

    import polars as pl

    texts = gnad_texts()
    rows = []
    for n in sizes:
        corpus = work / f"reused_{n}.jsonl"
        if not corpus.exists():
            write_reused(work, texts, n)
        print(f"text reuse, {n:,} articles ...", file=sys.stderr, flush=True)
        row = {"articles": n, "new": measure(corpus, "new", work / f"new_{n}.parquet")}
        if n <= baseline_upto:
            row["baseline"] = measure(corpus, "baseline", work / f"baseline_{n}.parquet")
            row["equal"] = pl.read_parquet(work / f"new_{n}.parquet").equals(
                pl.read_parquet(work / f"baseline_{n}.parquet"))
        rows.append(row)
        print(f"  {row}", file=sys.stderr)
    return rows


def report(rows: list[dict]) -> list[str]:
    lines = ["| articles | pairs | new: seconds (CPU s) | new: memory above the loaded articles (MB) | baseline: "
             "seconds (CPU s) | baseline: memory (MB) | ratio (wall / CPU) | same table | 1-min load at the new / "
             "baseline run |",
             "|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        new, base = r["new"], r.get("baseline")
        if base:
            lines.append(f"| {r['articles']:,} | {new['pairs']:,} | {new['seconds']:.2f} ({new['cpu_s']:.1f}) | "
                         f"{new['extra_mb']:,.0f} | {base['seconds']:.2f} ({base['cpu_s']:.1f}) | {base['extra_mb']:,.0f} | "
                         f"**{base['seconds'] / new['seconds']:.1f}× / {base['cpu_s'] / new['cpu_s']:.1f}×** "
                         f"| {'yes' if r['equal'] else 'NO'} | {new['load']:.1f} / {base['load']:.1f} |")
        else:
            lines.append(f"| {r['articles']:,} | {new['pairs']:,} | {new['seconds']:.2f} ({new['cpu_s']:.1f}) | "
                         f"{new['extra_mb']:,.0f} | – | "
                         f"– | – | – | {new['load']:.1f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[3700, 10000, 100000])
    parser.add_argument("--baseline-upto", type=int, default=10000)
    parser.add_argument("--work", type=Path, help="keep the corpora here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print("\n".join(report(run(args.sizes, args.baseline_upto, work))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
