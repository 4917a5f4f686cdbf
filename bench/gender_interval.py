"""CPU time of the bootstrap interval of the share of women (framing.aggregate.gender.share_interval) per group.

    python -m bench.gender_interval    # prints CPU seconds for groups of 1,000, 11,000 and 100,000 articles

A synthetic group: every article quotes 3 people on average drawn from a pool of a third as many people as
articles, a fifth of them women; 1,000 resamples as the table uses. CPU time (time.process_time), not wall time,
because the build machine is shared and its load swings the wall clock several-fold. 11,000 articles is one of
nine outlets of a 100,000-article corpus: the table by outlet costs about nine such groups.
"""

from __future__ import annotations

import time

import numpy as np

from framing.aggregate.gender import RESAMPLES, share_interval


def group(n_articles: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    n_pairs, n_people = 3 * n_articles, max(1, n_articles // 3)
    articles = rng.integers(0, n_articles, n_pairs)
    articles[:n_articles] = np.arange(n_articles)  # every article quotes someone
    people = rng.integers(0, n_people, n_pairs)
    women = rng.random(n_people) < 0.2
    return articles, people, women, ~women


def main() -> int:
    for n in (1_000, 11_000, 100_000):
        data = group(n)
        share_interval(*data, seed=1)  # warm
        start = time.process_time()
        low, high = share_interval(*data, seed=1)
        print(f"{n:>7,} articles, {RESAMPLES:,} resamples: {time.process_time() - start:.2f} s CPU "
              f"(interval {low:.3f}–{high:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
