"""Throughput of our tone score vs textblob-de's `.sentiment` per sentence, on the seed texts.

    python bench/tone_speed.py     # prints sentences/s of both and the ratio
Sentences: data/corpus/*.txt split with a simple regex. Both run warm (lexicons and taggers loaded before timing).
Our score's per-token cache is cleared before timing so repeated words are not free.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from framing.textblob_offline import textblob_polarity
from framing.tone import score_tone, word_polarity

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences() -> list[str]:
    return [s.strip() for p in sorted(CORPUS.glob("*.txt")) for s in SPLIT.split(p.read_text(encoding="utf-8"))
            if s.strip()]


def throughput(function, texts: list[str], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            function(text)
    return repeat * len(texts) / (time.perf_counter() - start)


def main() -> None:
    texts = sentences()
    textblob_polarity(texts[0]), score_tone(texts[0])  # warm up: load lexicons, tagger
    theirs = throughput(textblob_polarity, texts)
    word_polarity.cache_clear()
    ours = throughput(score_tone, texts, repeat=1)
    print(f"{len(texts)} sentences, {sum(map(len, texts))} characters")
    print(f"textblob-de .sentiment per sentence: {theirs:8.0f} sentences/s")
    print(f"framing.tone.score_tone:             {ours:8.0f} sentences/s (cold word cache)")
    print(f"ratio: {ours / theirs:.1f}x")


if __name__ == "__main__":
    main()
