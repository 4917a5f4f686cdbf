"""Fit the weight of each opinion signal type on checkthat train; report macro-F1 on train and on dev (not fitted on).

    python -m quality.fit_opinion          # prints figures with the fitted weights
    python -m quality.fit_opinion --write  # also writes data/lexicon/opinion_weights.json
Logistic regression over the signal counts of framing.score.opinion (one weight per signal type, ~17 numbers, L2), then the
bias is moved so that opinion >= 0.5 maximises macro-F1 on train. Reported spans are approximated by
framing.score.opinion.approximate_reported (quotations and clauses after a speech verb).
"""

from __future__ import annotations

import json
import sys

import numpy as np

from quality.sentence_eval import evaluate_module, items

from framing.score.opinion import FEATURES, approximate_reported, feature_values, signal_counts
from framing.score.tone import LEXICON_DIR

LABELS = ["SUBJ", "OBJ"]


def matrix(split: str) -> tuple[np.ndarray, np.ndarray]:
    rows, gold = [], []
    for _, text, label in items("checkthat", split):
        counts, _ = signal_counts(text, approximate_reported(text))
        rows.append(feature_values(counts))
        gold.append(1.0 if label == "SUBJ" else 0.0)
    return np.array(rows), np.array(gold)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 4000) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):  # full-batch gradient descent; the problem is tiny and convex
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.1 * (x.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= 0.1 * float(np.mean(p - y))
    return w, b


def f1(x: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> tuple[float, list[float]]:
    pred = (x @ w + b) >= 0
    pairs = [("SUBJ" if g else "OBJ", "SUBJ" if p else "OBJ") for g, p in zip(y, pred)]
    return evaluate_module().macro_f1(pairs, LABELS)


def main() -> None:
    x_train, y_train = matrix("train")
    x_dev, y_dev = matrix("dev")
    w, b = fit(x_train, y_train)
    best = max((f1(x_train, y_train, w, b + shift)[0], b + shift) for shift in np.arange(-2, 2.01, 0.05))
    b = float(best[1])
    print("checkthat train macro-F1", f1(x_train, y_train, w, b))
    print("checkthat dev macro-F1 (not fitted on)", f1(x_dev, y_dev, w, b))
    for k, v in sorted(zip(FEATURES, w), key=lambda kv: -kv[1]):
        print(f"  {k:20s} {v:+.3f}")
    if "--write" in sys.argv:
        out = {"fitted_on": "checkthat train_de (quality/fit_opinion.py)", "bias": round(b, 4),
               "weights": {"bias": round(b, 4), **{k: round(float(v), 4) for k, v in zip(FEATURES, w)}}}
        path = LEXICON_DIR / "opinion_weights.json"
        path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
