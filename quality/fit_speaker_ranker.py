"""Fit the speaker ranker (framing.quotes.ranker) on SpkAtt train; report its cross-validated speaker accuracy.

    python -m quality.fit_speaker_ranker           # CV figures (folds grouped by article), then in-sample
    python -m quality.fit_speaker_ranker --write   # also writes data/speech/speaker_ranker.json

The articles are analysed as the official flow does (`evaluate.py export spkatt --split train`, `framing analyze`
for the texts and genres, then framing.pipeline.analyze_text per article with the ranker off): every quote the
rules attribute gives its candidates with their features. A candidate is right when its words overlap the gold
source of the SpkAtt event that the quote matches as evaluate.py matches them (word-set Jaccard >= 0.3, the
quote with the largest overlap); one quote matching two events counts twice. Model: a logistic regression
(scikit-learn, L2, C) over the standardised features of every candidate, and the decision margins of
framing.quotes.ranker.choose picked from a grid to maximise the speaker accuracy on out-of-fold scores inside
the training folds (3 inner folds of articles).
CV: 5 folds of articles (fold seeds SEEDS); per fold the model is fitted on four folds, the fifth is predicted
and, with all folds predicted, evaluate.py's own scorer (score_spkatt) scores the quotes. Shipped: the model fitted
on all of SpkAtt train (CC BY-NC-SA 4.0); the file is written with fixed rounding, so a retrain gives the same bytes.
Only the train split is read.
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from framing import resources
from framing.quotes.ranker import (
    FEATURES,
    WEIGHTS,
    Ranker,
    choose,
    collecting,
    ranker_from,
)
from quality.sentence_eval import EVAL_DIR, evaluate_module

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (13, 1, 2)
FOLDS = 5
INNER_FOLDS = 3  # the margins are chosen on out-of-fold scores inside the training folds
C_GRID = (0.1, 1.0, 10.0)
# Overruling a mention the rules named never gained in cross-validation (2026-12-03: as many events turned
# wrong as right at every margin from 0 to 3), so the rules keep every mention they name: margin inf.
MARGINS = (np.inf,)
THRESHOLDS = (-3.0, -2.0, -1.0, 0.0, 1.0, np.inf)  # logits; inf: never name one the rules did not
LICENCE = ("CC BY-NC-SA 4.0: fitted on SpkAtt-2023 (German Wikinews, task 2) train; numbers derived from "
           "non-commercial, share-alike data (data/LICENSES.md)")


def analysed_articles(workdir: Path) -> list[tuple[str, str, str | None]]:
    """(article_id, text, genre) of SpkAtt train as `framing analyze` reads the export."""
    evaluate = [sys.executable, str(EVAL_DIR / "evaluate.py")]
    corpus, out = workdir / "in", workdir / "out"
    subprocess.run([*evaluate, "export", "spkatt", "--split", "train", str(corpus)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out), "--no-cache",
                    "--no-textblob", "--quiet"], check=True, capture_output=True, cwd=ROOT)
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        return [(r["article_id"], r["text"], r["genre"] or None) for r in csv.DictReader(fh)]


class Data:
    """Every article's quotes (as quotes.csv rows), the ranked quotes with their candidates, and their labels."""

    def __init__(self, articles: list[tuple[str, str, str | None]]):
        from framing.pipeline.article import analyze_text

        ev = evaluate_module()
        self.ev = ev
        self.texts = {doc: text for doc, text, _ in articles}
        self.rows: dict[str, list[dict]] = {}  # article -> quotes.csv rows (the rules' speakers)
        self.ranked: list[tuple[str, int, np.ndarray, list[tuple[int, int]], int | None, bool]] = []
        for doc, text, genre in articles:
            with collecting(None) as found:
                result = analyze_text(text, textblob=False, genre=genre)
            rows = [{"start": q["start"], "end": q["end"], "speaker_start": q["speaker_start"],
                     "speaker_end": q["speaker_end"]} for q in result["quotes"]]
            self.rows[doc] = rows
            index = {(r["start"], r["end"]): k for k, r in enumerate(rows)}
            for q, cands, rule_index in found:
                k = index.get((q.start, q.end))
                if k is None or not cands:
                    continue
                x = np.array([c.features for c in cands], dtype=float)
                self.ranked.append((doc, k, x, [(c.start, c.end) for c in cands], rule_index,
                                    q.speaker_start is not None))
        # labels: per ranked quote, the gold sources of the events it is the scorer's match for
        self.targets: list[list[set]] = [[] for _ in self.ranked]
        self.cand_keys: list[list[set]] = [[] for _ in self.ranked]
        by_quote = {(doc, k): i for i, (doc, k, *_) in enumerate(self.ranked)}
        of_doc: dict[str, list[int]] = {}
        for i, (doc, *_) in enumerate(self.ranked):
            of_doc.setdefault(doc, []).append(i)
        for doc, gtext, spans, toks, anns in ev.spkatt_docs("train"):
            text = self.texts[doc]
            sp = ev.align(gtext, text, spans)

            def keys(ids, toks=toks, sp=sp):
                return {k for k in ((int(a), int(b)) for a, b in (x.split(":") for x in ids))
                        if k in toks and k in sp and not ev.PUNCT.match(toks[k])}

            preds = [ev.covered(sp, toks, r["start"], r["end"]) for r in self.rows[doc]]
            for i in of_doc.get(doc, ()):
                self.cand_keys[i] = [ev.covered(sp, toks, a, b) for a, b in self.ranked[i][3]]
            for a in anns:
                gm, gs = keys(a["Message"]), keys(a["Source"])
                if not gm or not preds:
                    continue
                best = max(range(len(preds)), key=lambda j: _jaccard(preds[j], gm))  # the first of equals
                if gs and _jaccard(preds[best], gm) >= 0.3 and (doc, best) in by_quote:
                    self.targets[by_quote[(doc, best)]].append(gs)
        self.docs = sorted(self.texts)
        # per ranked quote and candidate: how many of the quote's matched events' gold sources it overlaps
        self.labels = [np.array([sum(bool(ck & gs) for gs in self.targets[i]) for ck in self.cand_keys[i]],
                                dtype=float) for i in range(len(self.ranked))]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def folds(docs: list[str], seed: int, k: int = FOLDS) -> dict[str, int]:
    """Articles (sorted) shuffled with `seed` and dealt round k folds."""
    order = sorted(docs)
    random.Random(seed).shuffle(order)
    return {doc: i % k for i, doc in enumerate(order)}


def _regression(data: Data, train: list[int], c: float) -> dict:
    """Scaler and regression fitted on the candidates of the ranked quotes `train` (margins still 0)."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([data.ranked[i][2] for i in train])
    y = np.concatenate([data.labels[i] > 0 for i in train]).astype(int)
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    reg = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return {"features": list(FEATURES), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "weights": reg.coef_[0].round(6).tolist(), "intercept": round(float(reg.intercept_[0]), 6),
            "margin": 0.0, "threshold": 0.0}


def fit(data: Data, train: list[int], c: float, seed: int = SEEDS[0]) -> dict:
    """The model JSON fitted on the ranked quotes `train`: the regression on all of them, and the margins that
    gain most on their out-of-fold scores (INNER_FOLDS folds of their articles: scores of a quote from a model
    that did not see its article, so the margins are not tuned on memorised examples)."""
    fold = folds(sorted({data.ranked[i][0] for i in train}), seed + 100, INNER_FOLDS)
    scores: dict[int, np.ndarray] = {}
    for k in range(INNER_FOLDS):
        inner = [i for i in train if fold[data.ranked[i][0]] != k]
        ranker = ranker_from(_regression(data, inner, c))
        scores.update((i, ranker.scores(data.ranked[i][2])) for i in train if fold[data.ranked[i][0]] == k)
    best = None
    for m in MARGINS:
        for t in THRESHOLDS:
            r = Ranker(np.zeros(1), np.ones(1), np.zeros(1), 0.0, m, t)
            gain = sum(_gain(data, i, choose(r, scores[i], data.ranked[i][4], data.ranked[i][5])) for i in train)
            if best is None or gain > best[0]:  # the first of equals: the smallest margin, then threshold
                best = (gain, m, t)
    model = _regression(data, train, c)
    model["margin"] = _number(best[1])
    model["threshold"] = _number(best[2])
    return model


def _number(v: float) -> float | str:
    return "Infinity" if v == np.inf else float(v)


def _gain(data: Data, i: int, chosen: int | None) -> int:
    """Events of ranked quote i whose speaker turns right minus those that turn wrong when `chosen` replaces the
    rules' choice (as evaluate.py counts them: a quote without a speaker is wrong)."""
    if chosen is None:
        return 0
    labels = data.labels[i]
    rule = data.ranked[i][4]
    return int(labels[chosen] - (labels[rule] if rule is not None else 0.0))


def predict(model: dict, data: Data, which: list[int]) -> dict[int, tuple[int, int]]:
    """The new speaker span of each ranked quote in `which` that the model changes."""
    ranker = ranker_from(model)
    out = {}
    for i in which:
        _, _, x, spans, rule, named = data.ranked[i]
        chosen = choose(ranker, ranker.scores(x), rule, named)
        if chosen is not None:
            out[i] = spans[chosen]
    return out


def official_score(data: Data, changed: dict[int, tuple[int, int]]) -> dict:
    """evaluate.py's spkatt figures of the quotes with the `changed` speakers (the rules' elsewhere)."""
    rows = {doc: [dict(r) for r in rs] for doc, rs in data.rows.items()}
    for i, (a, b) in changed.items():
        doc, k = data.ranked[i][0], data.ranked[i][1]
        rows[doc][k]["speaker_start"], rows[doc][k]["speaker_end"] = a, b
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp)
        with open(pred / "articles.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["article_id", "text"])
            w.writerows((doc, data.texts[doc]) for doc in data.docs)
        with open(pred / "quotes.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["article_id", "start", "end", "speaker_start", "speaker_end"])
            for doc in data.docs:
                w.writerows((doc, r["start"], r["end"], _blank(r["speaker_start"]), _blank(r["speaker_end"]))
                            for r in rows[doc])
        return data.ev.score_spkatt("train", pred)["t0.3"]


def _blank(v: int | None) -> str:
    return "" if v is None else str(v)


def cross_validate(data: Data, seed: int, c: float) -> dict:
    fold = folds(data.docs, seed)
    changed: dict[int, tuple[int, int]] = {}
    for k in range(FOLDS):
        test = [i for i, r in enumerate(data.ranked) if fold[r[0]] == k]
        train = [i for i, r in enumerate(data.ranked) if fold[r[0]] != k]
        changed.update(predict(fit(data, train, c), data, test))
    return official_score(data, changed)


def write(model: dict, cv: dict, inside: dict, rules: dict) -> Path:
    model = {**model, "licence": LICENCE, "fitted_on": "SpkAtt-2023 train (700 articles), quality/fit_speaker_ranker.py",
             "seeds": list(SEEDS), "c": model.get("c"), "speaker_accuracy": {
                 "rules": rules["speaker_accuracy"], "cross_validated": cv, "in_sample": inside["speaker_accuracy"]}}
    path = resources.data_path(*WEIGHTS)
    path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = Data(analysed_articles(Path(tmp)))
    rules = official_score(data, {})
    print(f"{len(data.ranked)} ranked quotes, {sum(len(r[3]) for r in data.ranked)} candidates; rules alone: "
          f"speaker accuracy {rules['speaker_accuracy']} (f1 {rules['f1']})")
    results = {}
    for c in C_GRID:
        accs = [cross_validate(data, seed, c)["speaker_accuracy"] for seed in SEEDS]
        results[c] = accs
        print(f"C={c}: 5-fold CV speaker accuracy, fold seeds {SEEDS}: {accs}, mean {np.mean(accs):.3f}")
    c = max(C_GRID, key=lambda v: (round(float(np.mean(results[v])), 4), -v))
    cv = {"mean": round(float(np.mean(results[c])), 3), "per_seed": results[c], "folds": FOLDS,
          "grouping": "articles", "command": "python -m quality.fit_speaker_ranker"}
    model = fit(data, list(range(len(data.ranked))), c)
    model["c"] = c
    inside = official_score(data, predict(model, data, list(range(len(data.ranked)))))
    print(f"chosen C={c}; CV speaker accuracy {cv['mean']}; fitted on all of train (in-sample): "
          f"{inside['speaker_accuracy']}; margin {model['margin']}, threshold {model['threshold']}")
    for name, w in zip(FEATURES, model["weights"]):
        print(f"  {name:28s} {w:+.3f}")
    if "--write" in sys.argv:
        print("wrote", write(model, cv, inside, rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
