"""Helpers shared by the tests, the benchmarks (`python -m bench.run`) and the quality scripts: paths, small
analysis frames (`frames`), the hostile input files (`bad_inputs`) and a dashboard server in Chromium (`browser`)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEED_CORPUS = DATA / "corpus"
# gold data and corpora, beside the checkout on the build machines (never copied); a git worktree under /work/wt/
# finds it two levels up
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
EVAL = SHARED / "eval"
GNAD = SHARED / "corpora" / "10kgnad" / "test.csv"
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots of the browser tests (gitignored)
