"""Score our sentence functions directly on ../shared/eval gold data (no CLI): gerntsa tone, checkthat opinion.

    python quality/sentence_eval.py            # prints macro-F1 figures
The gold data stays in ../shared/eval (evaluation-only licences); nothing of it is written into the repository.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

# Quotations approximated for `reported`: text inside quote marks, and the clause after a speech verb + comma/dass.
QUOTE_SPANS = re.compile(r"„[^“”\"]*[“”\"]|\"[^\"]*\"|»[^«]*«|«[^»]*»|‚[^‘’]*[‘’]")


def evaluate_module():
    if str(EVAL_DIR) not in sys.path:
        sys.path.insert(0, str(EVAL_DIR))
    import evaluate

    return evaluate


def items(name: str, split: str) -> list[tuple[str, str, str]]:
    return list(evaluate_module().sentence_items(name, split))


def reported_spans(text: str) -> list[tuple[int, int]]:
    """Approximate quotation spans in one sentence (see framing.opinion.approximate_reported for the real one)."""
    from framing.opinion import approximate_reported

    return approximate_reported(text)


def gerntsa_f1(split: str = "train") -> float:
    from framing.tone import score_tone

    ev = evaluate_module()
    pairs = [(gold, score_tone(text).label) for _, text, gold in items("gerntsa", split)]
    return ev.macro_f1(pairs, ["positive", "neutral", "negative"])


def checkthat_f1(split: str = "dev") -> float:
    from framing.opinion import score_opinion

    ev = evaluate_module()
    pairs = []
    for _, text, gold in items("checkthat", split):
        op = score_opinion(text, reported_spans(text)).opinion
        pairs.append((gold, "SUBJ" if op >= 0.5 else "OBJ"))
    return ev.macro_f1(pairs, ["SUBJ", "OBJ"])


def textblob_gerntsa_f1(split: str = "train") -> float:
    from framing.textblob_offline import textblob_polarity

    ev = evaluate_module()
    lab = lambda p: "positive" if p > 0 else "negative" if p < 0 else "neutral"
    return ev.macro_f1([(g, lab(textblob_polarity(t))) for _, t, g in items("gerntsa", split)],
                       ["positive", "neutral", "negative"])


if __name__ == "__main__":
    what = sys.argv[1:] or ["gerntsa", "checkthat"]
    if "gerntsa" in what:
        print("gerntsa train", gerntsa_f1("train"))
    if "checkthat" in what:
        print("checkthat train", checkthat_f1("train"))
        print("checkthat dev", checkthat_f1("dev"))
    if "textblob" in what:
        print("textblob gerntsa train", textblob_gerntsa_f1("train"))
