"""Fit the tone label thresholds on gerntsa (train split) and report 5-fold cross-validated macro-F1.

    python quality/fit_tone.py          # prints CV and in-sample figures
    python quality/fit_tone.py --write  # also writes data/lexicon/tone_params.json (thresholds fitted on all of train)
Only two numbers are fitted (the positive and the negative threshold on `tone`); the lexicon is not fitted on gold.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentence_eval import evaluate_module, items  # noqa: E402

from framing.tone import LEXICON_DIR, score_tone  # noqa: E402

LABELS = ["positive", "neutral", "negative"]
GRID = [round(x * 0.02, 2) for x in range(0, 40)]


def label(tone: float, pos: float, neg: float) -> str:
    return "positive" if tone >= pos and tone > 0 else "negative" if tone <= -neg and tone < 0 else "neutral"


def fit(rows: list[tuple[float, str]]) -> tuple[float, float, float]:
    ev = evaluate_module()
    best = (-1.0, 0.0, 0.0)
    for pos in GRID:
        for neg in GRID:
            f = ev.macro_f1([(g, label(t, pos, neg)) for t, g in rows], LABELS)[0]
            if f > best[0]:
                best = (f, pos, neg)
    return best


def main() -> None:
    ev = evaluate_module()
    rows = [(score_tone(text).tone, gold) for _, text, gold in items("gerntsa", "train")]
    order = list(range(len(rows)))
    random.Random(13).shuffle(order)
    folds = [order[k::5] for k in range(5)]
    pairs = []
    for k, test in enumerate(folds):
        held = set(test)
        _, pos, neg = fit([r for i, r in enumerate(rows) if i not in held])
        pairs += [(rows[i][1], label(rows[i][0], pos, neg)) for i in test]
        print(f"fold {k}: pos {pos} neg {neg}")
    cv = ev.macro_f1(pairs, LABELS)
    f, pos, neg = fit(rows)
    print("gerntsa 5-fold CV macro-F1", cv)
    print(f"gerntsa train (fitted on all of train) {f:.3f} with positive >= {pos}, negative <= -{neg}")
    if "--write" in sys.argv:
        path = LEXICON_DIR / "tone_params.json"
        params = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        params.update({"positive": pos, "negative": -neg, "fitted_on": "gerntsa train (quality/fit_tone.py)",
                       "gerntsa_cv_macro_f1": cv[0]})
        path.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
