"""Fit the tone score on gerntsa (train split) and report 5-fold cross-validated macro-F1.

    python quality/fit_tone.py          # prints the CV figure and the in-sample figure
    python quality/fit_tone.py --write  # also writes the thresholds to data/lexicon/tone_params.json

Shipped: only the two label thresholds on `tone` (positive >= p, negative <= -n), fitted on all of gerntsa train;
the CV figure fits them inside each fold on the other four folds. The hand-written lexicon (textblob-de +
data/lexicon/*.tsv) is not fitted. Also reported, not shipped: a reliability weight per lexicon form (how much more
often than the base rate a sentence containing the word carries its polarity, shrunk towards 1 with ALPHA pseudo
sentences, clipped to [LOW, HIGH]); it raised the in-sample figure but not the CV figure, i.e. it overfits.
"""

from __future__ import annotations

import collections
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentence_eval import items  # noqa: E402

from framing.tone import LEXICON_DIR, assess, load_lexicon  # noqa: E402

LABELS = ["positive", "neutral", "negative"]
ALPHA, MIN_COUNT, LOW, HIGH = 5.0, 3, 0.25, 2.0
THRESHOLDS = np.round(np.arange(0.0, 0.9, 0.02), 2)  # on tone = s / (1 + |s|)


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for c in range(3):
        tp = np.sum((gold == c) & (pred == c))
        denom = np.sum(gold == c) + np.sum(pred == c)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def predict(tone: np.ndarray, pos: float, neg: float) -> np.ndarray:
    return np.where((tone >= pos) & (tone > 0), 0, np.where((tone <= -neg) & (tone < 0), 2, 1))


def fit_thresholds(tone: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    best = (-1.0, 0.0, 0.0)
    for pos in THRESHOLDS:
        for neg in THRESHOLDS:
            f = macro_f1(gold, predict(tone, pos, neg))
            if f > best[0]:
                best = (f, float(pos), float(neg))
    return best


def fit_reliability(hits: list[list[tuple[str, float]]], gold: np.ndarray, rows) -> dict[str, float]:
    base = {0: np.mean(gold[rows] == 0), 2: np.mean(gold[rows] == 2)}
    seen, agree = collections.Counter(), collections.Counter()
    for r in rows:
        for form, polarity in {(f, 1 if v > 0 else -1) for f, v in hits[r]}:
            label = 0 if polarity > 0 else 2
            seen[(form, label)] += 1
            agree[(form, label)] += gold[r] == label
    weights = {}
    for (form, label), n in seen.items():
        if n >= MIN_COUNT:
            rate = (agree[(form, label)] + ALPHA * base[label]) / (n + ALPHA)
            weights[form] = float(np.clip(rate / base[label], LOW, HIGH))
    return weights


def tones(hits, rows, weights: dict[str, float]) -> np.ndarray:
    sums = np.array([sum(v * weights.get(f, 1.0) for f, v in hits[r]) for r in rows])
    return sums * load_lexicon().params["scale"] / (1 + np.abs(sums * load_lexicon().params["scale"]))


def main() -> None:
    data = items("gerntsa", "train")
    hits = [[(form, value) for _, form, value in assess(text)] for _, text, _ in data]
    gold = np.array([LABELS.index(g) for _, _, g in data])
    order = list(range(len(data)))
    random.Random(13).shuffle(order)
    folds = [np.array(order[k::5]) for k in range(5)]
    pred = np.zeros(len(data), dtype=int)
    plain_pred = np.zeros(len(data), dtype=int)
    for k, test in enumerate(folds):
        train = np.setdiff1d(np.arange(len(data)), test)
        weights = fit_reliability(hits, gold, train)
        _, pos, neg = fit_thresholds(tones(hits, train, weights), gold[train])
        pred[test] = predict(tones(hits, test, weights), pos, neg)
        _, ppos, pneg = fit_thresholds(tones(hits, train, {}), gold[train])
        plain_pred[test] = predict(tones(hits, test, {}), ppos, pneg)
        print(f"fold {k}: {len(weights)} weights, positive >= {pos}, negative <= -{neg}")
    cv = round(macro_f1(gold, pred), 3)
    print("gerntsa 5-fold CV macro-F1, thresholds only:", round(macro_f1(gold, plain_pred), 3))
    print("gerntsa 5-fold CV macro-F1, reliability weights + thresholds (not shipped):", cv)
    all_rows = np.arange(len(data))
    f, pos, neg = fit_thresholds(tones(hits, all_rows, {}), gold)
    print(f"gerntsa train, thresholds fitted on all of train: {f:.3f} (positive >= {pos}, negative <= -{neg})")
    if "--write" in sys.argv:
        path = LEXICON_DIR / "tone_params.json"
        params = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        params.update({"positive": pos, "negative": -neg, "fitted_on": "gerntsa train (quality/fit_tone.py)",
                       "gerntsa_cv_macro_f1": round(macro_f1(gold, plain_pred), 3),
                       "gerntsa_train_macro_f1": round(f, 3)})
        path.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
