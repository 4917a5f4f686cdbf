"""Score `framing analyze` on the external gold data with ../shared/eval/evaluate.py, exactly as its README says.

    python quality/evaluate.py                 # all three datasets, prints the figures as JSON
    python quality/evaluate.py --write         # ... and records them in quality/baseline.json (floors unchanged)

For each dataset: `evaluate.py export`, `framing analyze IN --out OUT`, `evaluate.py score --pred OUT`.
The gold data stays in ../shared (licensed for evaluation); only the figures are committed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "quality" / "baseline.json"
RUNS = {
    # dataset: (split, what the issue measures)
    "spkatt": "train",
    "gerntsa": "train",
    "checkthat": "dev",
}


def run_official(dataset: str, split: str, workdir: Path) -> dict:
    """The three documented steps; returns evaluate.py's JSON."""
    corpus, out = workdir / f"{dataset}_in", workdir / f"{dataset}_out"
    evaluate = [sys.executable, str(EVAL / "evaluate.py")]
    subprocess.run([*evaluate, "export", dataset, "--split", split, str(corpus)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out), "--no-cache",
                    "--no-textblob", "--quiet"], check=True, capture_output=True, cwd=ROOT)
    scored = subprocess.run([*evaluate, "score", dataset, "--split", split, "--pred", str(out)], check=True,
                            capture_output=True, text=True)
    return json.loads(scored.stdout)


def measure(datasets: list[str] | None = None) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        return {name: run_official(name, RUNS[name], Path(tmp)) for name in datasets or RUNS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="*", help=f"any of {', '.join(RUNS)} (default: all)")
    parser.add_argument("--write", action="store_true", help="record the measured figures in quality/baseline.json")
    args = parser.parse_args()
    unknown = set(args.datasets) - set(RUNS)
    if unknown:
        parser.error(f"unknown dataset(s) {', '.join(sorted(unknown))}; choose from {', '.join(RUNS)}")
    if not EVAL.is_dir():
        print(f"{EVAL} is absent: the gold data lives beside the project on the build machines", file=sys.stderr)
        return 2
    figures = measure(args.datasets)
    print(json.dumps(figures, indent=1))
    if args.write:
        baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        for name, result in figures.items():
            baseline.setdefault("official", {})[name] = {"split": RUNS[name], "result": result}
        BASELINE.write_text(json.dumps(baseline, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
