"""Every comparison table of `framing compare --analysis OUT_DIR` (text reuse left out), by outlet and by outlet
and period (month, week), written to a folder once and compared with it after a change (issue 19.3: the tables
read faster must stay exactly the same: same columns in the same order, same dtypes, same values).

    python -m bench.tables_equal OUT_DIR --write /tmp/tables_before     # before the change
    python -m bench.tables_equal OUT_DIR --against /tmp/tables_before   # after it: lists every table that differs

Exact but for one thing: a float mean may differ in its last bits (at most FLOAT_TOLERANCE, relative), which the
comparison lists apart. The tables before the change do that between two runs of the same code already (at 10,000
articles over_time's journalist_tone differed by up to 1.2e-17 from run to run): polars sums a group in the order its
threads deliver the rows.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import polars as pl

GROUPINGS = (("outlet", "month"), ("outlet_date", "month"), ("outlet_date", "week"))
REUSE = ("text_reuse", "outlet_reuse")


def tables_of(out: Path, by: str, period: str) -> dict[str, pl.DataFrame]:
    """The tables as `framing compare --analysis out` computes them (`stored_tables`), in the order of TABLES."""
    from framing.aggregate.tables import TABLES
    from framing.pipeline import stored_tables

    made = dict(stored_tables(out, by=by, period=period, skip=REUSE))
    return {name: made[name] for name in TABLES if name in made}


FLOAT_TOLERANCE = 1e-12  # relative: the last bits of a mean depend on the order polars sums in (see main's note)


def float_gap(new: pl.Series, old: pl.Series) -> float | None:
    """The largest relative difference of two float columns with nulls in the same rows, else None."""
    if not new.is_null().equals(old.is_null()):
        return None
    both = pl.DataFrame({"new": new, "old": old}).drop_nulls()
    if both.is_empty():
        return 0.0
    gap = both.select(((pl.col("new") - pl.col("old")).abs()
                       / pl.max_horizontal(pl.col("old").abs(), pl.lit(1.0))).max()).item()
    return None if gap is None or gap != gap else float(gap)


def differences(new: pl.DataFrame, old: pl.DataFrame, notes: list[str] | None = None) -> str | None:
    """Why two tables differ (columns, dtypes, rows, values), or None when they are equal. Float columns whose values
    differ only in the last bits (within FLOAT_TOLERANCE) count as equal and are named in `notes`."""
    if new.columns != old.columns:
        return f"columns {new.columns} != {old.columns}"
    if new.schema != old.schema:
        return f"dtypes {dict(new.schema)} != {dict(old.schema)}"
    if new.height != old.height:
        return f"{new.height} rows != {old.height}"
    if not new.equals(old, null_equal=True):
        bad = []
        for column in new.columns:
            if new[column].equals(old[column], null_equal=True):
                continue
            gap = float_gap(new[column], old[column]) if new[column].dtype.is_float() else None
            if gap is not None and gap <= FLOAT_TOLERANCE:
                if notes is not None:
                    notes.append(f"{column} (last bits, at most {gap:.1e})")
            else:
                bad.append(column)
        return f"values differ in {bad}" if bad else None
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path)
    what.add_argument("--against", type=Path)
    args = parser.parse_args()
    failed = 0
    for by, period in GROUPINGS:
        started = time.perf_counter()
        tables = tables_of(args.out, by, period)
        print(f"{by} {period}: {len(tables)} tables in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for name, table in tables.items():
            path = (args.write or args.against) / f"{by}_{period}" / f"{name}.parquet"
            if args.write:
                path.parent.mkdir(parents=True, exist_ok=True)
                table.write_parquet(path)
                continue
            notes: list[str] = []
            why = differences(table, pl.read_parquet(path), notes) if path.exists() else "not written before"
            if notes:
                print(f"  floats {by} {period} {name}: {', '.join(notes)}")
            if why:
                failed += 1
                print(f"  DIFFERS {by} {period} {name}: {why}")
        if args.against:
            missing = {p.stem for p in (args.against / f"{by}_{period}").glob("*.parquet")} - set(tables)
            for name in sorted(missing):
                failed += 1
                print(f"  MISSING {by} {period} {name}")
    if args.against:
        print("all tables equal" if not failed else f"{failed} tables differ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
