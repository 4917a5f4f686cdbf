"""Fit the tone label parameters on gerntsa (train split) under the official aggregation; report 5-fold CV macro-F1.

    python -m quality.fit_tone          # prints the CV figures (4 fold seeds) and the in-sample figure
    python -m quality.fit_tone --write  # also writes the fitted numbers to data/lexicon/tone_params.json

The official flow (../shared/eval/evaluate.py with `framing analyze`) splits each record into sentences, labels each
with score_tone and votes the labels per record (positive if more positive than negative sentences, negative if more
negative, else neutral). Three numbers are fitted for exactly that, by a grid search maximising the voted macro-F1:
the two thresholds on `tone` (positive >= p, negative <= -n) and the strength of a negated negative word ("nicht
schlecht" counts as DAMPING x "schlecht", positive). The CV figure fits all three inside each fold on the other four
folds of records and scores the held-out records; it is reported for four fold seeds (the folds move it by about
+-0.004). Shipped: the three numbers fitted on all of gerntsa train. The hand-written lexicon is not fitted.

    python -m quality.fit_tone --reliability   # also: CV of per-word reliability weights (not shipped)

Not shipped, reported with --reliability: a reliability weight per lexicon form and polarity (how much more often
than the base rate a record containing the word carries its polarity, shrunk towards 1 with ALPHA pseudo records,
clipped to [LOW, HIGH]), fitted inside each fold. Under the official aggregation it raises the CV figure by about
0.005 (0.492 -> 0.497 on 2026-11-21), not to 0.50, and it is hundreds of numbers fitted on the gold data instead of a handful.
"""

from __future__ import annotations

import collections
import json
import sys

import numpy as np

from quality.sentence_eval import items, record_sentences, text_folds

from framing.score.tone import LEXICON_DIR, assess, load_lexicon, saturate

LABELS = ["positive", "neutral", "negative"]
THRESHOLDS = np.round(np.arange(0.02, 0.9, 0.01), 2)  # on the tone (framing.score.tone.saturate)
SEEDS = (13, 1, 2, 3)
DAMPING = (0.0, 0.2, 0.35, 0.5)  # candidate strengths of a negated negative word (nicht schlecht)
ALPHA, LOW, HIGH = 5.0, 0.25, 2.0


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for c in range(3):
        tp = np.sum((gold == c) & (pred == c))
        denom = np.sum(gold == c) + np.sum(pred == c)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def voted(tone: np.ndarray, record: np.ndarray, n: int, pos: float, neg: float) -> np.ndarray:
    """Record labels (0 positive, 1 neutral, 2 negative) from sentence tones, voted as evaluate.py does."""
    npos = np.bincount(record, weights=(tone >= pos) & (tone > 0), minlength=n)
    nneg = np.bincount(record, weights=(tone <= -neg) & (tone < 0), minlength=n)
    return np.where(npos > nneg, 0, np.where(nneg > npos, 2, 1))


def fit_thresholds(tone: np.ndarray, record: np.ndarray, gold: np.ndarray, rows: np.ndarray):
    """(voted macro-F1 on `rows`, p, n) maximising the voted macro-F1 of the records in `rows`."""
    n = len(gold)
    npos = np.stack([np.bincount(record, weights=(tone >= t) & (tone > 0), minlength=n)[rows] for t in THRESHOLDS])
    nneg = np.stack([np.bincount(record, weights=(tone <= -t) & (tone < 0), minlength=n)[rows] for t in THRESHOLDS])
    ppos = npos[:, None, :] > nneg[None, :, :]  # [p, n, record]
    pneg = nneg[None, :, :] > npos[:, None, :]
    pneu = ~(ppos | pneg)
    g = gold[rows]
    f = 0.0
    for pred, c in ((ppos, 0), (pneu, 1), (pneg, 2)):
        f = f + 2 * (pred & (g == c)).sum(-1) / (pred.sum(-1) + (g == c).sum())
    f = f / 3
    i, j = np.unravel_index(np.argmax(f), f.shape)
    return float(f[i, j]), float(THRESHOLDS[i]), float(THRESHOLDS[j])


def fit_reliability(hits, record, gold, rows) -> dict[tuple[str, int], float]:
    """Weight per (lexicon form, label) from the records in `rows` (not shipped; see the module docstring)."""
    keep = set(rows.tolist())
    base = {0: np.mean(gold[rows] == 0), 2: np.mean(gold[rows] == 2)}
    forms: dict[int, set] = collections.defaultdict(set)
    for r, sentence_hits in zip(record, hits):
        if r in keep:
            forms[r] |= {(f, 0 if v > 0 else 2) for f, v, negated in sentence_hits if not negated}
    seen, agree = collections.Counter(), collections.Counter()
    for r, keys in forms.items():
        for key in keys:
            seen[key] += 1
            agree[key] += gold[r] == key[1]
    return {k: float(np.clip((agree[k] + ALPHA * base[k[1]]) / (n + ALPHA) / base[k[1]], LOW, HIGH))
            for k, n in seen.items()}


def weighted_tones(hits, weights) -> np.ndarray:
    sums = np.array([sum(v * (1.0 if negated else weights.get((f, 0 if v > 0 else 2), 1.0)) for f, v, negated in h)
                     for h in hits])
    return saturate(sums)


def tones_by_damping(other: np.ndarray, negated_negative: np.ndarray, shipped: float) -> dict[float, np.ndarray]:
    """Sentence tones for each candidate strength of a negated negative word ("nicht schlecht"): its contribution
    is linear in the strength, so the sums are rescaled instead of scoring every sentence again."""
    out = {}
    for damp in DAMPING:
        total = other + negated_negative * (damp / shipped)
        out[damp] = np.round(saturate(total), 4)
    return out


def fit_all(tones: dict[float, np.ndarray], record, gold, rows) -> tuple[float, float, float, float]:
    """(macro-F1 on `rows`, damping, p, n): the damping and the two thresholds that fit `rows` best."""
    best = None
    for damp, tone in tones.items():
        f, pos, neg = fit_thresholds(tone, record, gold, rows)
        if best is None or f > best[0]:
            best = (f, damp, pos, neg)
    return best


TEXTS: list[str] = []  # per record: its text (records of one text share a fold; set by main)


def cross_validate(tones: dict[float, np.ndarray], record, gold, seed: int, hits=None) -> float:
    """5-fold CV over records (one text, one fold): the damping and the thresholds are fitted on four folds, the fifth is scored."""
    n = len(gold)
    folds = np.array(text_folds(TEXTS, seed))
    pred = np.zeros(n, dtype=int)
    for k in range(5):
        test = np.flatnonzero(folds == k)
        train = np.setdiff1d(np.arange(n), test)
        if hits is not None:
            tones = {None: weighted_tones(hits, fit_reliability(hits, record, gold, train))}
        _, damp, pos, neg = fit_all(tones, record, gold, train)
        pred[test] = voted(tones[damp], record, n, pos, neg)[test]
    return macro_f1(gold, pred)


def main() -> None:
    data = items("gerntsa", "train")
    TEXTS[:] = [text for _, text, _ in data]
    gold = np.array([LABELS.index(g) for _, _, g in data])
    shipped = load_lexicon().params["negated_negative"]
    other, negneg, record, hits = [], [], [], []
    for r, (_, text, _) in enumerate(data):
        for sentence in record_sentences(text):
            scored = assess(sentence)
            # a negated negative word is the only contribution that is positive and marked "negated"
            negneg.append(sum(v for label, _, v in scored if "negated" in label and v > 0))
            other.append(sum(v for label, _, v in scored) - negneg[-1])
            hits.append([(form, value, "negated" in label) for label, form, value in scored])
            record.append(r)
    record = np.array(record)
    tones = tones_by_damping(np.array(other), np.array(negneg), shipped)
    cvs = [round(cross_validate(tones, record, gold, seed), 3) for seed in SEEDS]
    cv = round(float(np.mean(cvs)), 3)
    print(f"gerntsa 5-fold CV macro-F1 (official aggregation), fold seeds {SEEDS}: {cvs}, mean {cv}")
    if "--reliability" in sys.argv:
        rel = [round(cross_validate(tones, record, gold, seed, hits), 3) for seed in SEEDS]
        print(f"not shipped: per-word reliability weights + thresholds, 5-fold CV {rel}, mean {np.mean(rel):.3f}")
    f, damp, pos, neg = fit_all(tones, record, gold, np.arange(len(gold)))
    print(f"gerntsa train, fitted on all of train: {f:.3f} (positive >= {pos}, negative <= -{neg}, "
          f"negated negative x{damp})")
    if "--write" in sys.argv:
        path = LEXICON_DIR / "tone_params.json"
        params = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        params.update({"positive": pos, "negative": -neg, "negated_negative": damp,
                       "fitted_on": "gerntsa train, official aggregation (quality/fit_tone.py)",
                       "gerntsa_cv_macro_f1": cv, "gerntsa_train_macro_f1": round(f, 3)})
        path.write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
