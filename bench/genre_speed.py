"""Benchmark: how fast the load step decides an article's genre and wire credit (framing.segment.genre,
framing.load.agency, framing.segment.interview), and how the 10kGNAD sample's articles come out.

    python -m bench.genre_speed            # prints the section
    python -m bench.genre_speed --write    # and writes it into bench/RESULTS.md

The texts are the 1,028 articles of ../shared/corpora/10kgnad/test.csv (read in place, never copied); three passes,
the fastest counted, one core.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpora" / "10kgnad" / "test.csv"
HEADING = "## Genre and wire credit at load (issue 21)"
PASSES = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not SAMPLE.exists():
        sys.exit(f"{SAMPLE} not found: the benchmark reads the 10kGNAD sample in ../shared/corpora")
    from framing.load.agency import find_credit
    from framing.load.corpus import guess_title
    from framing.segment.genre import decide_genre

    with open(SAMPLE, encoding="utf-8", newline="") as handle:
        texts = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2]
    decide_genre(texts[0], credit=find_credit(texts[0]))  # data files read, patterns compiled
    best, genres = float("inf"), Counter()
    for _ in range(PASSES):
        started = time.perf_counter()
        genres = Counter(decide_genre(t, title=guess_title(t), credit=find_credit(t)).genre for t in texts)
        best = min(best, time.perf_counter() - started)
    chars = sum(map(len, texts))
    found = ", ".join(f"{genre} {n}" for genre, n in genres.most_common())
    table = "\n".join([
        HEADING, "",
        f"`python -m bench.genre_speed`, {time.strftime('%Y-%m-%d', time.gmtime())}: genre, wire credit and "
        f"interview layout of {len(texts):,} 10kGNAD articles ({chars / 1e6:.1f} M characters) in {best:.2f} s, "
        f"{len(texts) / best:,.0f} articles/s ({best / len(texts) * 1000:.2f} ms each), one core, fastest of "
        f"{PASSES} passes. Genres: {found}.", ""])
    print(table)
    if args.write:
        from bench.big_inputs import write_section

        write_section(table, HEADING)


if __name__ == "__main__":
    main()
