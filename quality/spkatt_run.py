"""Score `framing.quotes` on the SpkAtt gold data in ../shared/eval (German Wikinews speech events).

Runs the same flow as `evaluate.py export spkatt; framing analyze; evaluate.py score spkatt`, but calls
`find_quotes` directly so it works while the CLI is being built and stays fast:

    python quality/spkatt_run.py [--split train] [--out DIR] [--write-baseline]

It exports the gold texts, finds quotes with the project's sentence splitter and section segmenter, writes
articles.csv and quotes.csv to DIR (a temporary folder by default) and prints evaluate.py's figures.
`--write-baseline` stores them under the key `spkatt` in quality/baseline.json (other keys are kept), with floors
= measured - 0.01, never below the issue's floors and never lower than the floors already there.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "quality" / "baseline.json"
ISSUE_FLOORS = {"f1": 0.70, "direct_recall": 0.95, "indirect_recall": 0.60, "speaker_accuracy": 0.75}
COMMAND = "python quality/spkatt_run.py --split train"


def _evaluate_module():
    spec = importlib.util.spec_from_file_location("framing_eval_evaluate", EVAL_DIR / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _splitters():
    try:
        from framing.segment.sentences import split_sentences
    except ImportError:  # the sentence splitter is not there yet: a plain regex stands in
        def split_sentences(text: str) -> list[tuple[int, int]]:
            pattern = r"\S[^\n]*?(?:[.!?](?=\s+[A-ZÄÖÜ„»\"])|(?=\n)|$)"
            return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    try:
        from framing.segment.sections import segment_sections
    except ImportError:
        def segment_sections(text: str) -> list:
            return []
    return split_sentences, segment_sections


def predict(texts: dict[str, str], out: Path) -> int:
    """Write articles.csv and quotes.csv for the texts to `out`; return the number of quotes."""
    from framing.quotes import find_quotes

    split_sentences, segment_sections = _splitters()
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out / "articles.csv", "w", encoding="utf-8", newline="") as fa, \
            open(out / "quotes.csv", "w", encoding="utf-8", newline="") as fq:
        wa, wq = csv.writer(fa), csv.writer(fq)
        wa.writerow(["article_id", "text"])
        wq.writerow(["article_id", "quote_id", "mode", "start", "end", "speaker_start", "speaker_end", "speaker",
                     "speaker_kind", "cue"])
        for article_id, text in texts.items():
            wa.writerow([article_id, text])
            quotes = find_quotes(text, split_sentences(text), segment_sections(text))
            for i, q in enumerate(quotes):
                wq.writerow([article_id, i, q.mode, q.start, q.end,
                             "" if q.speaker_start is None else q.speaker_start,
                             "" if q.speaker_end is None else q.speaker_end, q.speaker or "", q.speaker_kind,
                             q.cue or ""])
                n += 1
    return n


def run(split: str = "train", out: Path | None = None) -> dict:
    """Export, predict and score; returns evaluate.py's result plus timing."""
    ev = _evaluate_module()
    texts = {doc_id: text for doc_id, text, *_ in ev.spkatt_docs(split)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(out) if out else Path(tmp)
        t0 = time.perf_counter()
        n = predict(texts, folder)
        seconds = time.perf_counter() - t0
        result = ev.score_spkatt(split, folder)
    result["seconds_find_quotes"] = round(seconds, 2)
    result["n_chars"] = sum(len(t) for t in texts.values())
    result["n_quotes"] = n
    return result


def write_baseline(result: dict) -> dict:
    """Read-modify-write quality/baseline.json: only the key `spkatt` changes; floors never go down."""
    data = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    old = data.get("spkatt", {}).get("floors", {})
    measured = {k: result["t0.3"][k] for k in ISSUE_FLOORS}
    floors = {k: round(max(ISSUE_FLOORS[k], measured[k] - 0.01, old.get(k, 0.0)), 3) for k in ISSUE_FLOORS}
    data["spkatt"] = {**measured, "t0.8": {k: result["t0.8"][k] for k in ISSUE_FLOORS},
                      "floors": floors, "command": COMMAND}
    BASELINE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return data["spkatt"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--write-baseline", action="store_true")
    a = ap.parse_args()
    if not (EVAL_DIR / "evaluate.py").exists():
        sys.exit(f"no evaluation data at {EVAL_DIR}")
    result = run(a.split, a.out)
    print(json.dumps(result, indent=1))
    if a.write_baseline:
        print(json.dumps(write_baseline(result), indent=1))


if __name__ == "__main__":
    main()
