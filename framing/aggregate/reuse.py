"""Text reuse between articles: shared word n-grams and the passages they form (agency copy run by several outlets).

Words are normalised (Unicode NFKC, case-folded, so ß = ss; punctuation and quote marks dropped, hyphenated words
split) and every run of `n` consecutive words is an n-gram. N-grams found in more than `max_postings` articles
(boilerplate) are ignored.

How the pairs are found, so that it stays near-linear and bounded in memory (issue 19): every n-gram becomes one
64-bit number (the words' polars hashes mixed by position, computed with numpy over all words at once), the
distinct n-grams of each article a row (n-gram, article) of one table, built 2,000 articles at a time. Grouped by
n-gram, that table gives each n-gram's articles; a self-join of the n-grams in 2 to `max_postings` articles counts
the n-grams each pair of articles shares, all in polars (no Python object per n-gram). Only the articles of those
pairs are then tokenised again with their offsets to cut out the shared passages.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from typing import NamedTuple

import numpy as np
import polars as pl

DEFAULT_N = 6  # six words in a row rarely repeat by chance in news prose, but reworded agency copy keeps them
DEFAULT_MAX_POSTINGS = 200
# Articles cut into n-grams (and, for the passages, into words with offsets) per step: bounds the words in memory
# at once. At 10,000 articles 5,000 peaked 510 MB above the loaded articles, 500 136 MB, for the same CPU time.
CHUNK = 500
BUCKET_BITS = 3
BUCKETS = 1 << BUCKET_BITS  # n-gram tables, by the n-gram number's top bits, grouped and joined one at a time

_WORD = re.compile(r"\w+")
# Python's \w for str (a letter, digit or numeral of any script, or _) in the Rust regex syntax polars uses
_WORD_RS = r"[\p{L}\p{N}_]+"
_PIECE_RS = r"[^\p{L}\p{N}_]*[\p{L}\p{N}_]+"  # a word with the non-word characters before it
# Odd 64-bit multipliers, one per position in the n-gram: the n-gram's number is sum(word hash * multiplier) mod 2^64.
_MIX = np.random.default_rng(19).integers(1, 2**63, size=64, dtype=np.uint64) * np.uint64(2) + np.uint64(1)

REUSE_SCHEMA = {
    "article_a": pl.String,
    "article_b": pl.String,
    "outlet_a": pl.String,
    "outlet_b": pl.String,
    "shared_ngrams": pl.Int64,
    "ngrams_a": pl.Int64,
    "ngrams_b": pl.Int64,
    "shared_share_a": pl.Float64,
    "shared_share_b": pl.Float64,
    "shared_chars_a": pl.Int64,
    "shared_chars_b": pl.Int64,
    "chars_a": pl.Int64,
    "chars_b": pl.Int64,
    "shared_chars_share_a": pl.Float64,
    "shared_chars_share_b": pl.Float64,
    "n_passages_a": pl.Int64,
    "n_passages_b": pl.Int64,
    "passages_a": pl.List(pl.String),
    "passages_b": pl.List(pl.String),
}


class Token(NamedTuple):
    """A normalised word and its character span in the original text."""

    word: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Normalised word tokens of `text` with their offsets into `text` itself."""
    out = []
    for match in _WORD.finditer(text or ""):
        out.append(Token(_normalise(match.group()), match.start(), match.end()))
    return out



def _normalise(word: str) -> str:
    return (word if word.isascii() else unicodedata.normalize("NFKC", word)).casefold()


@functools.cache
def _unsafe_to_fold() -> frozenset[str]:
    """Word characters whose case folding is not a word character throughout (İ -> i + a combining dot), so folding
    a whole text would cut a word where folding each word does not (28 characters, found once)."""
    return frozenset(c for c in map(chr, range(sys.maxunicode + 1))
                     if (f := c.casefold()) != c and any((_WORD.match(x) is None) != (_WORD.match(c) is None) for x in f))


def words_of(text: str) -> list[str]:
    """The normalised words of `text`, as `tokens` gives them (without offsets), folding the whole text at once where
    that gives the same words (nearly always: an NFKC-normal text without the characters of _unsafe_to_fold)."""
    if text.isascii():
        return _WORD.findall(text.lower())
    if unicodedata.is_normalized("NFKC", text) and _unsafe_to_fold().isdisjoint(text):
        return _WORD.findall(text.casefold())
    return [_normalise(w) for w in _WORD.findall(text)]


def merge_spans(starts: list[int], n: int, toks: list[Token]) -> list[tuple[int, int]]:
    """Token positions of shared n-grams -> maximal character spans (overlapping or touching n-grams merge)."""
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None  # [first token, last token]
    for i in sorted(set(starts)):
        last = i + n - 1
        if current is not None and i <= current[1] + 1:
            current[1] = max(current[1], last)
        else:
            if current is not None:
                spans.append((toks[current[0]].start, toks[current[1]].end))
            current = [i, last]
    if current is not None:
        spans.append((toks[current[0]].start, toks[current[1]].end))
    return spans


def _foldable(texts: pl.Series) -> np.ndarray:
    """Per text: whether folding it whole gives the words of `words_of` (NFKC-normal, none of _unsafe_to_fold)."""
    unsafe = "[" + "".join(sorted(_unsafe_to_fold())) + "]"
    return texts.to_frame("t").select(
        (pl.col("t").str.normalize("NFKC") == pl.col("t")) & ~pl.col("t").str.contains(unsafe)
    ).to_series().fill_null(True).to_numpy()


def _within(doc: np.ndarray) -> np.ndarray:
    """For rows sorted by article: the index of each row where its article's rows begin."""
    start = np.ones(doc.size, bool)
    start[1:] = doc[1:] != doc[:-1]
    return np.maximum.accumulate(np.where(start, np.arange(doc.size), 0))


def _words(texts: list[str], docs: np.ndarray, foldable: np.ndarray) -> pl.DataFrame:
    """(doc, word) for the words of `texts` (article numbers `docs`), in text order: polars cuts the case-folded
    texts into words (the Rust regex _WORD_RS is Python's \\w+); a text that cannot be folded whole is cut by
    `words_of`."""
    folded = [t.casefold() if ok else None for t, ok in zip(texts, foldable)]
    fast = pl.DataFrame({"doc": docs.astype(np.uint32), "text": folded}, schema={"doc": pl.UInt32, "text": pl.String})
    words = fast.select("doc", pl.col("text").str.extract_all(_WORD_RS).alias("word")).explode("word")
    slow = [(int(doc), words_of(text)) for doc, text, ok in zip(docs, texts, foldable) if not ok]
    if slow:
        rest = pl.DataFrame({"doc": [d for d, _ in slow], "word": [w for _, w in slow]},
                            schema={"doc": pl.UInt32, "word": pl.List(pl.String)}).explode("word")
        words = pl.concat([words, rest]).sort("doc", maintain_order=True)
    return words.drop_nulls("word")


def _gram_hashes(words: pl.DataFrame, n: int) -> tuple[pl.DataFrame, np.ndarray]:
    """(doc, pos, gram) for every n-gram of the (doc, word) rows (sorted by doc): the words' polars hashes mixed by
    position into one 64-bit number; n-grams that would run from one article into the next are left out. Also the
    row of each n-gram's first word."""
    if n > len(_MIX):
        raise ValueError(f"n must be at most {len(_MIX)}")
    hashed = words["word"].hash(seed=19).to_numpy()
    doc = words["doc"].to_numpy()
    total = hashed.size - n + 1
    if total <= 0:
        return pl.DataFrame(schema={"doc": pl.UInt32, "pos": pl.Int64, "gram": pl.UInt64}), np.zeros(0, np.int64)
    grams = np.zeros(total, np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            grams += hashed[k : k + total] * _MIX[k]
    rows = np.arange(total, dtype=np.int64)
    keep = doc[:total] == doc[n - 1 :]  # the n-gram's last word is of the same article
    pos = rows - _within(doc)[:total]
    return pl.DataFrame({"doc": doc[:total][keep], "pos": pos[keep], "gram": grams[keep]}), rows[keep]


def _postings(texts: pl.Series, foldable: np.ndarray, n: int) -> list[pl.DataFrame]:
    """(gram, doc) for every n-gram of every article (an n-gram an article repeats is there more than once), in
    BUCKETS tables by the n-gram number's top bits, so that each can be grouped and joined alone."""
    buckets: list[list[pl.DataFrame]] = [[] for _ in range(BUCKETS)]
    for first in range(0, len(texts), CHUNK):
        docs = np.arange(first, min(first + CHUNK, len(texts)))
        chunk = texts.slice(first, CHUNK).to_list()  # Python strings for one chunk at a time only
        grams, _ = _gram_hashes(_words(chunk, docs, foldable[first : first + CHUNK]), n)
        grams = grams.select("gram", "doc", (pl.col("gram") // (1 << (64 - BUCKET_BITS))).cast(pl.Int64).alias("_bucket"))
        for (key,), part in grams.partition_by("_bucket", as_dict=True, include_key=False).items():
            buckets[key].append(part)
    empty = pl.DataFrame(schema={"gram": pl.UInt64, "doc": pl.UInt32})
    return [pl.concat(parts) if parts else empty for parts in buckets]


def _shared_grams(buckets: list[pl.DataFrame], max_postings: int, min_shared: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The pairs (doc < doc_b) with the number of distinct n-grams they share (`count` >= min_shared), and each pair's
    shared n-grams (gram, doc, doc_b); an n-gram counts when it is in 2 to `max_postings` articles."""
    found = []
    for i, postings in enumerate(buckets):
        # Most n-grams are in one article: drop them first (a repeat within one article still counts here), then
        # count the articles of the rest exactly.
        repeated = postings.lazy().group_by("gram").len().filter(pl.col("len") >= 2).select("gram")
        kept = (postings.lazy().join(repeated, on="gram", how="semi").unique()
                .filter(pl.len().over("gram").is_between(2, max_postings))).collect()
        buckets[i] = None  # freed as soon as it is read
        found.append(kept.lazy().join(kept.lazy(), on="gram", suffix="_b").filter(pl.col("doc") < pl.col("doc_b"))
                     .collect())
    joined = pl.concat(found)
    pairs = joined.group_by("doc", "doc_b").agg(pl.len().cast(pl.Int64).alias("count"))
    pairs = pairs.filter(pl.col("count") >= min_shared)
    if min_shared > 1:
        joined = joined.join(pairs.select("doc", "doc_b"), on=["doc", "doc_b"], how="semi")
    return pairs, joined


def _positions(texts: pl.Series, foldable: np.ndarray, docs: np.ndarray, n: int) -> pl.DataFrame:
    """For the articles `docs` (sorted): each n-gram start (doc, pos, gram) with the character offsets of its first
    token (start) and the end of the token n - 1 further on (end). The offsets come from the original text: polars
    cuts it into word-and-what-precedes-it pieces, whose running length ends each word; a text that cannot be folded
    whole (or whose folded words do not pair with its pieces) is cut by `tokens`."""
    chosen = texts.gather(docs).to_list()
    frame = pl.DataFrame({"doc": docs.astype(np.uint32), "text": chosen,
                          "folded": [t.casefold() if ok else None for t, ok in zip(chosen, foldable[docs])]},
                         schema={"doc": pl.UInt32, "text": pl.String, "folded": pl.String})
    cut = frame.select("doc", pl.col("text").str.extract_all(_PIECE_RS).alias("piece"),
                       pl.col("text").str.extract_all(_WORD_RS).alias("original"),
                       pl.col("folded").str.extract_all(_WORD_RS).alias("word"))
    fast = cut["word"].is_not_null() & (cut["word"].list.len() == cut["piece"].list.len())
    pieces = cut.filter(fast).explode("piece", "original", "word").drop_nulls("word")
    ends = pieces["piece"].str.len_chars().cast(pl.Int64).to_numpy().cumsum()
    begin = _within(pieces["doc"].to_numpy())
    ends -= np.where(begin > 0, ends[np.maximum(begin - 1, 0)], 0)  # running length within the article
    table = pieces.select("doc", "word", pl.Series("start", ends - pieces["original"].str.len_chars()
                                                   .cast(pl.Int64).to_numpy()), pl.Series("end", ends))
    slow = [(int(d), tokens(t)) for d, t, ok in zip(docs, chosen, fast) if not ok]
    if slow:
        rest = pl.DataFrame([(d, t.word, t.start, t.end) for d, toks in slow for t in toks], orient="row",
                            schema={"doc": pl.UInt32, "word": pl.String, "start": pl.Int64, "end": pl.Int64})
        table = pl.concat([table, rest]).sort("doc", maintain_order=True)
    grams, rows = _gram_hashes(table.select("doc", "word"), n)
    return grams.with_columns(pl.Series("start", table["start"].to_numpy()[rows]),
                              pl.Series("end", table["end"].to_numpy()[rows + n - 1]))


def _runs(hits: pl.DataFrame, n: int) -> pl.DataFrame:
    """(doc, other, start, end) per maximal run of tokens covered by the hits (doc, other, pos, start, end) of the
    n-grams doc shares with other: overlapping or touching n-grams merge, as merge_spans does."""
    hits = hits.sort("doc", "other", "pos")
    doc, other = hits["doc"].to_numpy(), hits["other"].to_numpy()
    pos, end = hits["pos"].to_numpy(), hits["end"].to_numpy()
    group = np.ones(doc.size, bool)
    group[1:] = (doc[1:] != doc[:-1]) | (other[1:] != other[:-1])
    shift = (np.cumsum(group) - 1).astype(np.int64) << 32  # the running maximum restarts in each group
    reach = np.maximum.accumulate(shift + pos + n - 1) - shift
    head = group.copy()
    head[1:] |= pos[1:] > reach[:-1] + 1
    heads = np.flatnonzero(head)
    return pl.DataFrame({"doc": doc[heads], "other": other[heads], "start": hits["start"].to_numpy()[heads],
                         "end": np.maximum.reduceat(end, heads) if heads.size else end[:0]})


def _passages(joined: pl.DataFrame, texts: pl.Series, foldable: np.ndarray, docs: np.ndarray,
              n: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per article and other article of a pair: the shared passages cut from the text and their characters; and
    the distinct n-grams of each article. Done CHUNK articles at a time, so only their n-grams are in memory."""
    sides = pl.concat([
        joined.select("doc", pl.col("doc_b").alias("other"), "gram"),
        joined.select(pl.col("doc_b").alias("doc"), pl.col("doc").alias("other"), "gram"),
    ]).sort("doc")
    side_doc = sides["doc"].to_numpy()
    found, counts = [], []
    for first in range(0, docs.size, CHUNK):
        batch = docs[first : first + CHUNK]
        positions = _positions(texts, foldable, batch, n)
        counts.append(positions.group_by("doc").agg(pl.col("gram").n_unique().cast(pl.Int64).alias("ngrams")))
        lo, hi = np.searchsorted(side_doc, [batch[0], batch[-1]], side="left")[0], \
            np.searchsorted(side_doc, batch[-1], side="right")
        runs = _runs(sides.slice(lo, hi - lo).join(positions, on=["doc", "gram"]), n)
        text = pl.DataFrame({"doc": batch.astype(np.uint32), "_text": texts.gather(batch)})
        found.append(
            runs.join(text, on="doc", how="left")
            .select("doc", "other", pl.col("_text").str.slice(pl.col("start"), pl.col("end") - pl.col("start"))
                    .alias("passage"), (pl.col("end") - pl.col("start")).alias("_chars"))
            .group_by("doc", "other", maintain_order=True)
            .agg(pl.col("passage").alias("passages"), pl.col("_chars").sum().cast(pl.Int64).alias("chars"))
        )
    return pl.concat(found), pl.concat(counts)


def shared_text(
    articles: pl.DataFrame | pl.LazyFrame,
    n: int = DEFAULT_N,
    *,
    min_shared: int = 1,
    max_postings: int = DEFAULT_MAX_POSTINGS,
) -> pl.DataFrame:
    """One row per pair of articles sharing at least `min_shared` distinct word n-grams, most shared first.

    `articles` needs article_id, outlet and text (an ARTICLES frame, or a LazyFrame of it: only these three columns
    are read). Pairs are ordered so article_a < article_b.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    rows = articles.lazy().select("article_id", "outlet", pl.col("text").fill_null(""))
    rows = rows.sort("article_id", maintain_order=True).unique("article_id", keep="first", maintain_order=True).collect()
    texts = rows["text"]  # a polars column: the Python strings of one chunk at a time, never of every article
    foldable = _foldable(rows["text"])
    pairs, joined = _shared_grams(_postings(texts, foldable, n), max_postings, min_shared)
    if pairs.is_empty():
        return pl.DataFrame(schema=REUSE_SCHEMA)
    involved = pl.concat([pairs["doc"], pairs["doc_b"]]).unique().sort().to_numpy()
    passages, n_grams = _passages(joined, texts, foldable, involved, n)
    del texts, joined
    docs = rows.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("doc"), "article_id", "outlet",
                       pl.col("text").str.len_chars().cast(pl.Int64).alias("chars")).join(n_grams, on="doc")
    frame = pairs.rename({"doc": "doc_a", "count": "shared_ngrams"})
    for side, this, other in (("a", "doc_a", "doc_b"), ("b", "doc_b", "doc_a")):
        named = docs.rename({c: f"{c}_{side}" if c != "doc" else this for c in docs.columns})
        named = named.rename({"article_id_" + side: f"article_{side}", "outlet_" + side: f"outlet_{side}"})
        found = passages.rename({"doc": this, "other": other, "passages": f"passages_{side}",
                                 "chars": f"shared_chars_{side}"})
        frame = frame.join(named, on=this, how="left").join(found, on=[this, other], how="left")
    frame = frame.with_columns(
        *[(pl.col("shared_ngrams") / pl.col(f"ngrams_{s}")).alias(f"shared_share_{s}") for s in "ab"],
        *[pl.when(pl.col(f"chars_{s}") > 0).then(pl.col(f"shared_chars_{s}") / pl.col(f"chars_{s}"))
          .alias(f"shared_chars_share_{s}") for s in "ab"],
        *[pl.col(f"passages_{s}").list.len().cast(pl.Int64).alias(f"n_passages_{s}") for s in "ab"],
    )
    return frame.select(list(REUSE_SCHEMA)).cast(REUSE_SCHEMA).sort(
        ["shared_ngrams", "article_a", "article_b"], descending=[True, False, False]
    )
