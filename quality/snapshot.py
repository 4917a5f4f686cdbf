"""Snapshot the tables `framing analyze` and `framing compare` write, and compare two snapshots.

    python quality/snapshot.py write DIR      # analyse the seeds and 10kGNAD's test split into DIR
    python quality/snapshot.py diff OLD NEW   # every table equal? prints the differences, exit 1 if any

Used to check that a refactoring keeps behaviour exactly (same rows, same values, same column order): write a
snapshot before the change, one after, and diff them. 10kGNAD is read in place from ../shared (licensed for
evaluation, never copied into the project); the seeds from data/.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; from a git worktree (/work/wt/NAME) the nearest ancestor that holds shared/eval
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT.parent / "shared")
GNAD = SHARED / "corpora" / "10kgnad" / "test.csv"


def gnad_corpus(folder: Path) -> Path:
    """10kGNAD's test split as a JSON-lines corpus (its CSV has no header row); the topic label is the outlet."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "10kgnad.jsonl"
    with open(GNAD, encoding="utf-8", newline="") as handle, open(target, "w", encoding="utf-8") as out:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'"), start=1):
            if len(row) >= 2:
                out.write(json.dumps({"id": f"gnad-{number:04d}", "outlet": row[0], "text": row[1]},
                                     ensure_ascii=False) + "\n")
    return folder


def framing(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "framing.cli", *args], check=True, cwd=ROOT)


def write(out: Path) -> None:
    corpora = {"seeds": ROOT / "data"}
    if GNAD.exists():
        corpora["10kgnad"] = gnad_corpus(out / "input_10kgnad")
    else:
        print(f"{GNAD} is absent: only the seeds are snapshot", file=sys.stderr)
    (out / "roots.json").write_text(json.dumps({name: str(path) for name, path in corpora.items()}), encoding="utf-8")
    for name, path in corpora.items():
        framing("analyze", str(path), "--out", str(out / name / "analysis"), "--no-cache", "--quiet")
        for by in ("outlet", "article", "outlet_kind", "outlet_date"):
            framing("compare", "--analysis", str(out / name / "analysis"), "--by", by,
                    "--out", str(out / name / f"compare_{by}"))


def _relative(frame: pl.DataFrame, snapshot: Path) -> pl.DataFrame:
    """`source_path` relative to the corpus folder, so snapshots of two checkouts compare equal."""
    if "source_path" not in frame.columns:
        return frame
    roots = json.loads((snapshot / "roots.json").read_text(encoding="utf-8")).values()
    column = pl.col("source_path")
    for root in roots:
        column = column.str.replace(root, "<corpus>", literal=True)
    return frame.with_columns(column)


def diff(old: Path, new: Path) -> int:
    """Compares every parquet table under `old` with its twin under `new` (the CSVs hold the same rows)."""
    problems = []
    old_files = {p.relative_to(old) for p in old.rglob("*.parquet")}
    new_files = {p.relative_to(new) for p in new.rglob("*.parquet")}
    for missing in sorted(old_files - new_files):
        problems.append(f"{missing}: missing in {new}")
    for extra in sorted(new_files - old_files):
        problems.append(f"{extra}: new in {new}")
    for rel in sorted(old_files & new_files):
        a, b = _relative(pl.read_parquet(old / rel), old), _relative(pl.read_parquet(new / rel), new)
        if a.columns != b.columns:
            problems.append(f"{rel}: columns differ: {a.columns} vs {b.columns}")
        elif a.schema != b.schema:
            problems.append(f"{rel}: types differ: {a.schema} vs {b.schema}")
        elif not a.equals(b, null_equal=True):
            rows = a.height if a.height != b.height else sum(
                1 for x, y in zip(a.iter_rows(), b.iter_rows()) if x != y)
            problems.append(f"{rel}: {a.height} vs {b.height} rows, {rows} rows differ")
    for line in problems:
        print(line)
    print(f"{len(old_files & new_files)} tables compared, {len(problems)} differences")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="analyse the seeds and 10kGNAD into DIR")
    w.add_argument("out", type=Path)
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out)
        return 0
    return diff(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
