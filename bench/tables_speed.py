"""Every comparison table from the parquet output of `framing analyze` (issue 19.3): time per table and the peak
memory of the whole process, by outlet and by outlet and period.

    python -m bench.tables_speed OUT_DIR                  # by outlet, and by outlet_date with month and week
    python -m bench.tables_speed OUT_DIR --by outlet_date --period month
    python -m bench.tables_speed BIG_DIR --repeat SMALL_DIR --times 10   # first write BIG_DIR from SMALL_DIR

Each grouping runs in a fresh process (peak memory = its VmHWM, interpreter and imports included) and does what
`framing compare --analysis OUT_DIR` does, without writing the files: every table of TABLES (a table made from
another one derived from it) from `framing.pipeline.stored_tables`, each let go as soon as it is made (framing
compare writes it then). That reads the columns the tables read (`read_for_tables`, the article text only with
--with-reuse; "read the parquet"), then the tables, then the sentences' and mentions' text columns for the few
tables that read them (counted in "all tables"). Text reuse (`text_reuse`, `outlet_reuse`) is measured apart by
bench/reuse_speed.py and left out here unless --with-reuse.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.peak import PEAK_SOURCE

ROOT = Path(__file__).resolve().parents[1]

_CHILD = PEAK_SOURCE + r"""
out, by, period, with_reuse = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
REUSE = ("text_reuse", "outlet_reuse")
started = time.perf_counter()
from framing.pipeline import stored_tables
from framing.pipeline.run import READING
imported = time.perf_counter()
times = {}  # the reading, then each table
rows = {name: table.height for name, table in stored_tables(out, by=by, period=period,
                                                            skip=() if with_reuse else REUSE, timings=times)}
done = time.perf_counter()
read = times.pop(READING)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu_s": usage.ru_utime + usage.ru_stime, "import_s": imported - started, "read_s": read,
                  "tables_s": done - imported - read, "total_s": done - started, "peak_mb": hwm_kb() / 1024,
                  "times": times, "rows": rows}))
"""


def measure(out: Path, by: str, period: str, with_reuse: bool = False) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(out), by, period, "1" if with_reuse else "0"], cwd=ROOT,
                          check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "by": by, "period": period,
            "load": os.getloadavg()[0]}


GROUPINGS = (("outlet", "month"), ("outlet_date", "month"), ("outlet_date", "week"))


def report(runs: list[dict]) -> list[str]:
    lines = ["| grouping | read the parquet (s) | all tables (s) | whole run incl. imports (s; CPU s) | peak memory (MB) "
             "| slowest tables | 1-min load |", "|---|---:|---:|---:|---:|---|---:|"]
    for r in runs:
        slow = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(r["times"].items(), key=lambda kv: -kv[1])[:3])
        label = r["by"] if r["by"] != "outlet_date" else f"outlet_date, period {r['period']}"
        lines.append(f"| {label} | {r['read_s']:.2f} | {r['tables_s']:.2f} | {r['total_s']:.2f}; {r['cpu_s']:.1f} | "
                     f"{r['peak_mb']:,.0f} | {slow} | {r['load']:.1f} |")
    return lines


def repeat_analysis(source: Path, target: Path, times: int) -> None:
    """Write into `target` the analysis in `source` (the --out folder of `framing analyze`) `times` over, the
    article ids of copy k suffixed with `~k` (k > 0), so that a corpus ten times larger need not be analysed."""
    import polars as pl

    from framing.pipeline import scan_analysis

    target.mkdir(parents=True, exist_ok=True)
    for name, frame in scan_analysis(source).items():
        if "article_id" not in frame.collect_schema().names():
            frame.sink_parquet(target / f"{name}.parquet")
            continue
        copies = [frame.with_columns(pl.col("article_id") + (f"~{k}" if k else "")) for k in range(times)]
        pl.concat(copies).sink_parquet(target / f"{name}.parquet")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--by")
    parser.add_argument("--period", default="month")
    parser.add_argument("--with-reuse", action="store_true")
    parser.add_argument("--repeat", type=Path, help="first write OUT_DIR as this analysis --times over")
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    if args.repeat:
        repeat_analysis(args.repeat, args.out, args.times)
    groupings = [(args.by, args.period)] if args.by else GROUPINGS
    runs = []
    for by, period in groupings:
        print(f"{by} {period} ...", file=sys.stderr, flush=True)
        runs.append(measure(args.out, by, period, args.with_reuse))
        print(f"  {runs[-1]}", file=sys.stderr)
    print("\n".join(report(runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
