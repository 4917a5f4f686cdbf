"""Where speaker attribution goes wrong on SpkAtt train: one line per error, grouped, to find the largest classes.

    python quality/spkatt_errors.py                      # export, analyse and list (about 20 s)
    python quality/spkatt_errors.py --pred OUT           # list the errors of an existing `framing analyze` output
    python quality/spkatt_errors.py --json errors.json   # ... and write every error with its sentence as JSON

It matches predictions and gold events exactly as ../shared/eval/evaluate.py scores them (word-set Jaccard >= 0.3,
speaker right when the predicted mention overlaps the gold source) and sorts the errors into: `speaker_wrong`
(matched, the mention overlaps no gold source word), `speaker_none` (matched, no mention), `missed_<form>` (a
Direct / Indirect event no prediction matches) and `false_positive`. Counts come first, by gold form, predicted
mode and whether the gold speaker stands in the message's sentence; then samples. Only figures and the public
train split are read: nothing from the held-out splits.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quality.official import EVAL  # noqa: E402

THRESHOLD = 0.3  # evaluate.py's looser overlap, the one the F1 and speaker accuracy are measured at


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _analyse(evaluate: Path, workdir: Path) -> Path:
    corpus, out = workdir / "in", workdir / "out"
    subprocess.run([sys.executable, str(evaluate), "export", "spkatt", "--split", "train", str(corpus)], check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out), "--no-cache",
                    "--no-textblob", "--quiet"], check=True, capture_output=True, cwd=ROOT)
    return out


def errors(ev, pred: Path) -> dict[str, list[dict]]:
    """Every error of the predictions in `pred`, by class (`ev` is evaluate.py as a module)."""
    arts = {r["article_id"]: r["text"] for r in ev.read_csv(pred / "articles.csv")}
    quotes: dict[str, list[dict]] = {}
    for r in ev.read_csv(pred / "quotes.csv"):
        quotes.setdefault(r["article_id"], []).append(r)
    out: dict[str, list[dict]] = collections.defaultdict(list)
    for doc_id, _text, spans, toks, anns in ev.spkatt_docs("train"):
        text = arts[doc_id]
        sp = ev.align(_text, text, spans)

        def keys(ids):
            return {k for k in ((int(a), int(b)) for a, b in (x.split(":") for x in ids))
                    if k in toks and k in sp and not ev.PUNCT.match(toks[k])}

        def words(ks):
            return " ".join(toks[k] for k in sorted(ks))

        gold = [(a["Form"], keys(a["Message"]), keys(a["Source"]), keys(a.get("Cue", []))) for a in anns]
        gold = [g for g in gold if g[1]]
        preds = []
        for q in quotes.get(doc_id, []):
            s, e = ev.as_int(q["start"]), ev.as_int(q["end"])
            ss, se = ev.as_int(q.get("speaker_start")), ev.as_int(q.get("speaker_end"))
            mention = ev.covered(sp, toks, ss, se) if ss is not None and se is not None else set()
            preds.append((ev.covered(sp, toks, s, e), mention, q))
        for pm, _, q in preds:
            if not any(_jaccard(pm, gm) >= THRESHOLD for _, gm, _, _ in gold):
                out["false_positive"].append({"doc": doc_id, "mode": q["mode"], "speaker": q.get("speaker", ""),
                                              "message": text[int(q["start"]):int(q["end"])]})
        for form, gm, gs, gc in gold:
            best = max(preds, key=lambda p: _jaccard(p[0], gm), default=None)
            hit = best is not None and _jaccard(best[0], gm) >= THRESHOLD
            sentence = " ".join(words({k for k in toks if k[0] == s}) for s in sorted({k[0] for k in gm | gs | gc}))
            item = {"doc": doc_id, "form": form, "cue": words(gc), "gold_speaker": words(gs), "sentence": sentence}
            if not hit and form in ("Direct", "Indirect", "IndirectFreeIndirect"):
                out["missed_" + form].append({**item, "message": words(gm)})
            elif hit and gs and not best[1] & gs:
                q = best[2]
                said = text[int(q["speaker_start"]):int(q["speaker_end"])] if q.get("speaker_start") else ""
                out["speaker_wrong" if said else "speaker_none"].append({
                    **item, "predicted_speaker": said, "predicted_cue": q.get("cue") or "", "mode": q["mode"],
                    "same_sentence": bool({k[0] for k in gs} & {k[0] for k in gm})})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pred", type=Path, help="a `framing analyze` output folder of the SpkAtt train export")
    parser.add_argument("--eval", type=Path, default=EVAL, help=f"the evaluation folder (default {EVAL})")
    parser.add_argument("--json", type=Path, help="write every error as JSON here")
    parser.add_argument("--samples", type=int, default=15, help="errors shown per class (default 15)")
    args = parser.parse_args()
    evaluate = args.eval / "evaluate.py"
    if not evaluate.exists():
        print(f"{evaluate} is absent: the gold data lives beside the project on the build machines", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.eval))
    import evaluate as ev  # noqa: E402 (evaluate.py is a script of ../shared/eval, not a package)

    with tempfile.TemporaryDirectory() as tmp:
        found = errors(ev, args.pred or _analyse(evaluate, Path(tmp)))
    rng = random.Random(1)
    for name, items in sorted(found.items()):
        print(f"== {name}: {len(items)}")
        by = collections.Counter((i.get("form"), i.get("mode"), i.get("same_sentence")) for i in items)
        print("   " + "; ".join(f"{k}: {n}" for k, n in by.most_common(6)))
        for i in rng.sample(items, min(args.samples, len(items))):
            print("   -", json.dumps({k: v for k, v in i.items() if k != "doc"}, ensure_ascii=False)[:300])
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
