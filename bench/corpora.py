"""Synthetic corpora with the text reuse of a real one, for the text reuse and dashboard benchmarks.

bench/run.py's `write_synthetic` repeats each 10kgnad text whole (a worst case for text reuse: every article shares
all of its text with dozens of others). `write_reused` keeps the 10kgnad texts' words, punctuation and quote marks
but replaces every fifth word by a word drawn for that article, so that two articles built on one 10kgnad text share
no six words in a row; then a share of the articles (`wire_share`) carries one agency passage (two to four
consecutive sentences of an unaltered 10kgnad text), each passage run by two to six articles of different outlets,
as agency copy is.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

OUTLETS = ["nd", "OZD", "taz", "FAZ", "SZ", "Welt", "Spiegel", "Zeit", "dpa", "Chas Pravdy", "RT DE", "Tichys",
           "NachDenkSeiten"]
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def reused_texts(texts: list[str], n: int, *, wire_share: float = 0.3, seed: int = 11) -> list[str]:
    """n article texts as the module docstring says."""
    rng = random.Random(seed)
    vocab = sorted({w for t in texts[:200] for w in _WORD.findall(t) if len(w) > 3})
    sentences = [s for s in (_SENTENCE.split(t) for t in texts) if len(s) >= 6]
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        phase = rng.randrange(5)
        counter = iter(range(1 << 30))
        out.append(_WORD.sub(lambda m: rng.choice(vocab) if next(counter) % 5 == phase else m.group(), base))
    wired = rng.sample(range(n), int(n * wire_share))
    while wired:
        runs = min(len(wired), rng.randint(2, 6))
        source = rng.choice(sentences)
        start = rng.randrange(len(source) - 4)
        passage = " ".join(source[start:start + rng.randint(2, 4)])
        for _ in range(runs):
            doc = wired.pop()
            out[doc] = out[doc].rstrip() + "\n\n" + passage
    return out


def write_reused(folder: Path, texts: list[str], n: int, seed: int = 11) -> Path:
    """The corpus of `reused_texts` as JSON lines (id, outlet, date, text) in `folder`."""
    rng = random.Random(seed)
    path = folder / f"reused_{n}.jsonl"
    start = date(2025, 1, 1)
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(reused_texts(texts, n, seed=seed)):
            record = {"id": f"r{i:06d}", "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
                      "date": (start + timedelta(days=rng.randrange(365))).isoformat(), "text": text}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
