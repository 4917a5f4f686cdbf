"""Throughput of our tone score vs textblob-de's `.sentiment` per sentence, on the seed texts.

    python -m bench.tone_speed     # prints sentences/s of both and the ratio

The baseline is textblob-de exactly as shipped (`TextBlobDE(s, tokenizer=PatternTokenizer()).sentiment`); beside
it framing's `polarity_textblob` column, which must give the same numbers. Sentences: data/corpus/*.txt split with a simple regex. Both run warm
(lexicons and taggers loaded before timing); our caches are cleared so repeated words are not free.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences() -> list[str]:
    return [s.strip() for p in sorted(CORPUS.glob("*.txt")) for s in SPLIT.split(p.read_text(encoding="utf-8"))
            if s.strip()]


def naive_textblob():
    """`text -> TextBlobDE(text).sentiment.polarity` as the library ships it (offline Punkt data, no patch)."""
    from framing.score.textblob.offline import ensure_punkt

    ensure_punkt()
    from textblob_de import PatternTokenizer, TextBlobDE

    tokenizer = PatternTokenizer()
    return lambda text: TextBlobDE(text, tokenizer=tokenizer).sentiment.polarity


def throughput(function, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return len(texts) / (time.perf_counter() - start)


def compare(texts: list[str]) -> tuple[float, float]:
    """(our sentences/s, textblob-de sentences/s) on the same texts in this process."""
    from framing.score.tone import score_tone, word_polarity

    textblob = naive_textblob()
    textblob(texts[0]), score_tone(texts[0])  # warm up: load lexicons, tagger
    theirs = throughput(textblob, texts)
    word_polarity.cache_clear()
    score_tone.cache_clear()
    ours = throughput(score_tone, texts)
    return ours, theirs


def textblob_column(texts: list[str], chunk: int = 50) -> dict[str, float]:
    """framing's `polarity_textblob` (framing.score.textblob.polarity) against the naive textblob-de call on the
    same sentences in this process: CPU seconds of each, taken in alternating chunks so that a change in the
    machine's load falls on both, and how many values differ (must be 0)."""
    from framing.score.textblob.polarity import _model, textblob_polarity

    naive = naive_textblob()
    naive(texts[0]), _model(), textblob_polarity(texts[0])  # warm up: data loaded, no memo filled yet
    ours = theirs = 0.0
    differ = 0
    for start in range(0, len(texts), chunk):
        part = texts[start : start + chunk]
        t0 = time.process_time()
        reference = [naive(t) for t in part]
        t1 = time.process_time()
        fast = [textblob_polarity(t) for t in part]
        t2 = time.process_time()
        theirs, ours = theirs + t1 - t0, ours + t2 - t1
        differ += sum(a != b for a, b in zip(reference, fast))
    return {"sentences": len(texts), "naive_s": theirs, "framing_s": ours, "differ": differ}


def main() -> None:
    texts = sentences()
    ours, theirs = compare(texts)
    print(f"{len(texts)} sentences, {sum(map(len, texts))} characters")
    print(f"textblob-de .sentiment per sentence: {theirs:8.0f} sentences/s")
    print(f"framing.score.tone.score_tone:             {ours:8.0f} sentences/s (cold caches)")
    print(f"ratio: {ours / theirs:.1f}x")
    column = textblob_column(texts)
    print(f"polarity_textblob column: framing {column['sentences'] / column['framing_s']:8.0f} sentences/s, "
          f"textblob-de {column['sentences'] / column['naive_s']:8.0f} sentences/s (CPU), "
          f"ratio {column['naive_s'] / column['framing_s']:.1f}x, {column['differ']} values differ")


if __name__ == "__main__":
    main()
