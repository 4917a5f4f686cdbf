"""Score our sentence functions directly on ../shared/eval gold data (no CLI): gerntsa tone, checkthat opinion.

    python -m quality.sentence_eval            # prints macro-F1 figures
gerntsa is measured as the official flow does (evaluate.py export / framing analyze / score): each record split into
sentences like framing.pipeline.analyze_text, each labelled by score_tone, the labels voted per record.
The gold data stays in ../shared/eval (evaluation-only licences); nothing of it is written into the repository.
"""

from __future__ import annotations

import functools
import importlib.util
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; from a git worktree (/work/wt/NAME) the nearest ancestor that holds shared/eval
EVAL_DIR = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
                ROOT.parent / "shared" / "eval")


@functools.cache
def evaluate_module():
    """../shared/eval/evaluate.py, loaded from its file (it is not a package of ours)."""
    spec = importlib.util.spec_from_file_location("shared_eval_evaluate", EVAL_DIR / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def items(name: str, split: str) -> list[tuple[str, str, str]]:
    return list(evaluate_module().sentence_items(name, split))


def text_folds(texts: list[str], seed: int, k: int = 5) -> list[int]:
    """The fold (0..k-1) of each record, records of the same text in one fold: 81 GerNTSA sentences carry two or
    more targets, and a sentence seen in training must not be scored again. The distinct texts are shuffled with
    `seed` and dealt round the folds."""
    distinct = list(dict.fromkeys(texts))
    random.Random(seed).shuffle(distinct)
    fold = {text: i % k for i, text in enumerate(distinct)}
    return [fold[text] for text in texts]


def reported_spans(text: str) -> list[tuple[int, int]]:
    """Approximate quotation spans in one sentence (see framing.score.opinion.approximate_reported for the real one)."""
    from framing.score.opinion import approximate_reported

    return approximate_reported(text)


def record_sentences(text: str) -> list[str]:
    """The sentences `framing analyze` scores for one record (sections, then framing.segment.sentences), as analyze_text."""
    from framing.segment.sections import segment_sections
    from framing.segment.sentences import split_sentences

    return [text[a:b] for s in segment_sections(text) for a, b in split_sentences(text, s.start, s.end)]


def vote(labels: list[str]) -> str:
    """evaluate.py score_sentences: one label per record from its sentences' labels (positive vs negative count)."""
    pos, neg = labels.count("positive"), labels.count("negative")
    return "positive" if pos > neg else "negative" if neg > pos else "neutral"


def gerntsa_f1(split: str = "train", official: bool = True) -> tuple[float, list[float]]:
    """macro-F1 as the official flow measures it (each record split into sentences, labels voted); with
    official=False score_tone on the whole record."""
    from framing.score.tone import score_tone

    ev = evaluate_module()
    pairs = []
    for _, text, gold in items("gerntsa", split):
        if official:
            pairs.append((gold, vote([score_tone(s).label for s in record_sentences(text)])))
        else:
            pairs.append((gold, score_tone(text).label))
    return ev.macro_f1(pairs, ["positive", "neutral", "negative"])


def checkthat_f1(split: str = "dev") -> float:
    from framing.score.opinion import score_opinion

    ev = evaluate_module()
    pairs = []
    for _, text, gold in items("checkthat", split):
        op = score_opinion(text, reported_spans(text)).opinion
        pairs.append((gold, "SUBJ" if op >= 0.5 else "OBJ"))
    return ev.macro_f1(pairs, ["SUBJ", "OBJ"])


def textblob_gerntsa_f1(split: str = "train") -> float:
    from framing.score.textblob.offline import textblob_polarity

    ev = evaluate_module()
    lab = lambda p: "positive" if p > 0 else "negative" if p < 0 else "neutral"
    return ev.macro_f1([(g, lab(textblob_polarity(t))) for _, t, g in items("gerntsa", split)],
                       ["positive", "neutral", "negative"])


if __name__ == "__main__":
    what = sys.argv[1:] or ["gerntsa", "checkthat"]
    if "gerntsa" in what:
        print("gerntsa train, official flow (sentences voted per record)", gerntsa_f1("train"))
        print("gerntsa train, score_tone on the whole record", gerntsa_f1("train", official=False))
    if "checkthat" in what:
        print("checkthat train", checkthat_f1("train"))
        print("checkthat dev", checkthat_f1("dev"))
    if "textblob" in what:
        print("textblob gerntsa train", textblob_gerntsa_f1("train"))
