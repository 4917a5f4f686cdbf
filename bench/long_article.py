"""Time to analyse one very long article, by size: does the analysis stay close to linear in the text length?

    python -m bench.long_article                 # 100 KB, 400 KB, 1 MB, 4 MB
    python -m bench.long_article 1000000 16000000

The article is the bundled seed corpus (data/corpus) joined and repeated up to each size: real paragraphs, quotes,
commentary and reader comments, so every stage sees the text it sees in practice. `framing.pipeline.analyze_text`
without the textblob-de column (as `framing analyze --no-textblob`), warm (lexicons loaded before timing).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (100_000, 400_000, 1_000_000, 4_000_000)


def seed_text() -> str:
    from framing.load import load_corpus

    return "\n\n".join(load_corpus([ROOT / "data" / "corpus"]).articles["text"].to_list())


def main(sizes: list[int]) -> None:
    from framing.pipeline import analyze_text

    base = seed_text()
    analyze_text(base, textblob=False)  # warm: lexicons, gazetteer, compiled patterns
    print("| characters | seconds | seconds per MB |\n|---:|---:|---:|")
    for size in sizes:
        text = (base + "\n\n") * (size // (len(base) + 2) + 1)
        started = time.perf_counter()
        analyze_text(text, textblob=False)
        took = time.perf_counter() - started
        print(f"| {len(text):,} | {took:.1f} | {took / (len(text) / 1e6):.1f} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or list(SIZES))
