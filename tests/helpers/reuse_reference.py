"""The text reuse of framing before issue 19 (a Python dict as inverted index, every n-gram's postings walked pair by
pair), kept unchanged as the reference: tests/aggregate/test_reuse.py checks framing.aggregate.reuse against it and
bench/run.py measures it beside the new one. Its docstring as it was:

Text reuse between articles: shared word n-grams and the passages they form (agency copy run by several outlets).

Words are normalised (Unicode NFKC, case-folded, so ß = ss; punctuation and quote marks dropped, hyphenated words
split) and every run of `n` consecutive words is an n-gram. An inverted index from n-gram hash to the articles that
contain it finds the pairs that share anything without comparing every pair of texts, so it scales to thousands
of articles. N-grams found in more than `max_postings` articles (boilerplate) are ignored.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from framing.aggregate.reuse import DEFAULT_MAX_POSTINGS, DEFAULT_N, REUSE_SCHEMA, merge_spans, tokens


def ngram_positions(words: list[str], n: int) -> dict[int, list[int]]:
    """Hash of each distinct n-gram -> the token positions where it starts."""
    positions: dict[int, list[int]] = defaultdict(list)
    for i in range(len(words) - n + 1):
        positions[hash(tuple(words[i : i + n]))].append(i)
    return positions


def shared_text(
    articles: pl.DataFrame,
    n: int = DEFAULT_N,
    *,
    min_shared: int = 1,
    max_postings: int = DEFAULT_MAX_POSTINGS,
) -> pl.DataFrame:
    """One row per pair of articles sharing at least `min_shared` distinct word n-grams, most shared first.

    `articles` needs article_id, outlet and text (an ARTICLES frame). Pairs are ordered so article_a < article_b.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    rows = articles.select("article_id", "outlet", "text").sort("article_id").unique("article_id", keep="first")
    rows = rows.sort("article_id")
    ids: list[str] = rows["article_id"].to_list()
    outlets: list[str | None] = rows["outlet"].to_list()
    texts: list[str] = [t or "" for t in rows["text"].to_list()]

    toks = [tokens(t) for t in texts]
    grams = [ngram_positions([t.word for t in ts], n) for ts in toks]

    index: dict[int, list[int]] = defaultdict(list)
    for doc, doc_grams in enumerate(grams):
        for gram in doc_grams:
            index[gram].append(doc)
    pair_counts: dict[tuple[int, int], int] = defaultdict(int)
    for postings in index.values():
        if len(postings) < 2 or len(postings) > max_postings:
            continue
        for i, a in enumerate(postings):
            for b in postings[i + 1 :]:
                pair_counts[(a, b)] += 1

    out = []
    for (a, b), count in pair_counts.items():
        if count < min_shared:
            continue
        small, large = (grams[a], grams[b]) if len(grams[a]) <= len(grams[b]) else (grams[b], grams[a])
        shared = [g for g in small if g in large and len(index[g]) <= max_postings]
        side = {}
        for name, doc in (("a", a), ("b", b)):
            starts = [pos for g in shared for pos in grams[doc][g]]
            spans = merge_spans(starts, n, toks[doc])
            side[name] = {
                "passages": [texts[doc][s:e] for s, e in spans],
                "chars": sum(e - s for s, e in spans),
            }
        out.append(
            {
                "article_a": ids[a],
                "article_b": ids[b],
                "outlet_a": outlets[a],
                "outlet_b": outlets[b],
                "shared_ngrams": count,
                "ngrams_a": len(grams[a]),
                "ngrams_b": len(grams[b]),
                "shared_share_a": count / len(grams[a]) if grams[a] else None,
                "shared_share_b": count / len(grams[b]) if grams[b] else None,
                "shared_chars_a": side["a"]["chars"],
                "shared_chars_b": side["b"]["chars"],
                "chars_a": len(texts[a]),
                "chars_b": len(texts[b]),
                "shared_chars_share_a": side["a"]["chars"] / len(texts[a]) if texts[a] else None,
                "shared_chars_share_b": side["b"]["chars"] / len(texts[b]) if texts[b] else None,
                "n_passages_a": len(side["a"]["passages"]),
                "n_passages_b": len(side["b"]["passages"]),
                "passages_a": side["a"]["passages"],
                "passages_b": side["b"]["passages"],
            }
        )
    if not out:
        return pl.DataFrame(schema=REUSE_SCHEMA)
    return pl.DataFrame(out, schema=REUSE_SCHEMA).sort(
        ["shared_ngrams", "article_a", "article_b"], descending=[True, False, False]
    )

