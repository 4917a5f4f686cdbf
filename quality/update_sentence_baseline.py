"""Measure gerntsa (train) and checkthat (dev) with our functions and pin them in quality/baseline.json.

    python quality/update_sentence_baseline.py          # print the figures and the pinned floors
    python quality/update_sentence_baseline.py --write  # update the keys gerntsa and checkthat (other keys kept)
A floor is the measured figure minus TOLERANCE, never below the issue's floor and never lowered: to lower one,
edit baseline.json by hand and say why in the commit message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentence_eval import checkthat_f1, gerntsa_f1  # noqa: E402

BASELINE = Path(__file__).resolve().parent / "baseline.json"
TOLERANCE = 0.01
ISSUE_FLOORS = {"gerntsa": 0.50, "checkthat": 0.65}
COMMANDS = {
    "gerntsa": "python quality/sentence_eval.py gerntsa  (official flow equivalent: sentences of each record voted, split train; "
    "thresholds fitted by quality/fit_tone.py, which prints the 5-fold CV figure)",
    "checkthat": "python quality/sentence_eval.py checkthat  (score_opinion per record with approximate_reported, "
    "split dev; fitted on train by quality/fit_opinion.py)",
}


def main() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    measured = {"gerntsa": gerntsa_f1("train")[0], "checkthat": checkthat_f1("dev")[0]}
    for key, value in measured.items():
        old = baseline.get(key, {})
        floor = round(max(value - TOLERANCE, old.get("floor", 0.0)), 3)
        entry = {**old, "macro_f1": value, "floor": floor, "issue_floor": ISSUE_FLOORS[key],
                 "split": "train" if key == "gerntsa" else "dev", "command": COMMANDS[key]}
        if value < ISSUE_FLOORS[key]:
            entry["note"] = (f"below the issue floor {ISSUE_FLOORS[key]}: the pinned floor guards against "
                             "regressions; tests/test_quality_sentences.py marks the issue floor as not reached")
        else:
            entry.pop("note", None)
            entry["floor"] = max(entry["floor"], ISSUE_FLOORS[key])
        if key == "gerntsa":  # the cross-validated figure printed by quality/fit_tone.py --write
            params = json.loads((BASELINE.parents[1] / "data" / "lexicon" / "tone_params.json").read_text("utf-8"))
            entry["cv_macro_f1"] = params.get("gerntsa_cv_macro_f1")
        baseline[key] = entry
        print(key, json.dumps(entry, ensure_ascii=False))
    if "--write" in sys.argv:
        BASELINE.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote", BASELINE)


if __name__ == "__main__":
    main()
