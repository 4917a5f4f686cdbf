"""The actors view's tables: the voices each outlet quotes most (named speakers only), the tone of each speaker's
quotes per outlet (an actor's profile is its rows), and the voices that only one outlet quotes.

`top_speakers` and `exclusive_voices` are made from a `quoted_actors` table (framing.aggregate.tables), so the
dashboard derives them from its cached copy; `quote_tone` reads the quotes and the quoted stretches of text.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from framing import schema
from framing.aggregate.filters import outlet_label
from framing.aggregate.grouping import _share
from framing.errors import ConfigError

UNKNOWN_SPEAKER = "(unknown speaker)"  # as framing.aggregate.tables names a quote without a resolved speaker
TOP_SPEAKERS = 5  # named voices listed per outlet
NOT_NAMED = ("reader", "anonymous")  # speaker kinds that are no named voice
EXCLUSIVE_MIN_QUOTES = 2  # a voice quoted once is not yet "a voice only this outlet quotes"

_EMPTY_TOP = {"outlet": pl.String, "rank": pl.Int64, "speaker": pl.String, "speaker_type": pl.String,
              "speaker_group": pl.String, "n_quotes": pl.Int64, "quoted_words": pl.Int64,
              "share_of_voice_in_outlet": pl.Float64, "share_direct": pl.Float64}


def _named(actors: pl.DataFrame) -> pl.DataFrame:
    """Rows of a quoted_actors table with a named speaker: no "(unknown speaker)", no reader, no anonymous source
    (`Experten`, `aus Regierungskreisen` name nobody)."""
    return actors.filter((pl.col("speaker") != UNKNOWN_SPEAKER) & ~pl.col("speaker_kind").is_in(NOT_NAMED))


def top_speakers(actors: pl.DataFrame, by: str = "outlet", *, n: int = TOP_SPEAKERS) -> pl.DataFrame:
    """The `n` named speakers with the most quoted words per outlet (from a `quoted_actors` table by outlet),
    ranked 1..n; the share of voice stays the share of *all* the outlet's quoted words, unknown speakers included."""
    if by != "outlet":
        raise ConfigError(f"the top speakers table cannot be grouped by {by!r}: it is grouped by outlet")
    if actors.is_empty():
        return pl.DataFrame(schema=_EMPTY_TOP)
    named = _named(actors).sort(["outlet", "quoted_words", "n_quotes", "speaker"], descending=[False, True, True, False])
    return (
        named.with_columns(pl.int_range(1, pl.len() + 1).over("outlet").cast(pl.Int64).alias("rank"))
        .filter(pl.col("rank") <= n)
        .select(list(_EMPTY_TOP))
    )


def exclusive_voices(actors: pl.DataFrame, by: str = "outlet", *, min_quotes: int = EXCLUSIVE_MIN_QUOTES
                     ) -> pl.DataFrame:
    """Named speakers quoted by exactly one outlet, at least `min_quotes` times there (from `quoted_actors`), most
    quoted first: the voices that only this outlet brings in."""
    if by != "outlet":
        raise ConfigError(f"the exclusive voices table cannot be grouped by {by!r}: it is grouped by outlet")
    columns = ["outlet", "speaker", "speaker_type", "speaker_group", "n_quotes", "quoted_words", "n_articles"]
    if actors.is_empty():
        return pl.DataFrame(schema={c: actors.schema.get(c, pl.String) for c in columns})
    named = _named(actors).filter(pl.col("n_quotes") > 0)
    # A speaker is one name across outlets; group and kind may differ by outlet (what each text says).
    outlets = named.group_by("speaker").agg(pl.col("outlet").n_unique().alias("_outlets"))
    return (
        named.join(outlets, on="speaker").filter((pl.col("_outlets") == 1) & (pl.col("n_quotes") >= min_quotes))
        .sort(["n_quotes", "quoted_words", "speaker"], descending=[True, True, False])
        .select(columns)
    )


def quote_tone(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Per outlet and speaker: quotes by mode and the mean tone of the quoted words (the tone of the quoted stretches
    of text inside each quote, weighted by their characters). An actor's profile is this table's rows for them."""
    if by != "outlet":
        raise ConfigError(f"the quote tone table cannot be grouped by {by!r}: it is grouped by outlet")
    quotes = analysis.quotes.filter(pl.col("mode") != schema.TERM_MODE).select(
        "article_id", "quote_id", "mode", "start", "end", pl.col("n_words").fill_null(0),
        pl.col("speaker").fill_null(UNKNOWN_SPEAKER), pl.col("speaker_type").fill_null("unknown"))
    segs = analysis.voice_segments.filter((pl.col("voice") == "quoted") & pl.col("tone").is_not_null()).select(
        "article_id", pl.col("start").alias("_s"), pl.col("end").alias("_e"), "n_chars", "tone")
    spans = quotes.select("article_id", "quote_id", "start", "end")
    inside = (
        overlapping(spans, segs)
        .group_by("article_id", "quote_id")
        .agg(((pl.col("tone") * pl.col("n_chars")).sum() / pl.col("n_chars").sum()).alias("quote_tone"))
    )
    arts = analysis.articles.select("article_id", outlet_label())
    rows = quotes.join(inside, on=["article_id", "quote_id"], how="left").join(arts, on="article_id", how="inner")
    mode = pl.col("mode")
    out = rows.group_by("outlet", "speaker").agg(
        pl.col("speaker_type").mode().sort().first().alias("speaker_type"),
        pl.len().cast(pl.Int64).alias("n_quotes"),
        *[(mode == m).sum().cast(pl.Int64).alias(f"n_{m}") for m in schema.QUOTE_MODES],
        pl.col("n_words").sum().cast(pl.Int64).alias("quoted_words"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
        pl.col("quote_tone").mean().alias("mean_quote_tone"),
        pl.col("quote_tone").is_not_null().sum().cast(pl.Int64).alias("n_quotes_toned"),
    ).with_columns(_share("n_direct", "n_quotes").alias("share_direct"))
    return out.select(
        "outlet", "speaker", "speaker_type", "n_quotes", *[f"n_{m}" for m in schema.QUOTE_MODES], "share_direct",
        "quoted_words", "n_articles", "n_quotes_toned", "mean_quote_tone",
    ).sort(["outlet", "quoted_words", "speaker"], descending=[False, True, False])


def overlapping(spans: pl.DataFrame, segs: pl.DataFrame) -> pl.DataFrame:
    """Every quote of `spans` (article_id, quote_id, start, end) beside every segment of `segs` (article_id, _s, _e,
    ...) of its article that overlaps it, in the order of the join filtered by the overlap: CHUNK_ARTICLES
    articles at a time (`_article_chunks`), in each the quotes in their order and each quote's segments in theirs.

    Where the ids are integer codes and each article's segments come in the order of the text without overlapping
    (the voice segments of an analysis: stretches of one voice, one after the other), a quote's segments are one
    run of them, found by two binary searches: 8 million pairs at 100,000 articles, of which a few hundred
    thousand overlap, are never made. The same rows in the same order (so a sum over them is the same to the bit);
    other input is joined and filtered as the definition says."""
    runs = _segment_runs(spans, segs)
    if runs is None:
        return pl.concat([part.join(part_segs, on="article_id", how="inner", maintain_order="left_right")
                          .filter((pl.col("_s") < pl.col("end")) & (pl.col("_e") > pl.col("start")))
                          for part, part_segs in _article_chunks(spans, segs)])
    order, first, count, by_article = runs
    total = int(count.sum())
    rows = np.repeat(order, count)
    # the segments of each quote's run, one after the other (positions among the segments sorted by article)
    at = by_article[np.repeat(first - (np.cumsum(count) - count), count) + np.arange(total)]
    return pl.concat([spans[rows], segs.drop("article_id")[at]], how="horizontal")


_OFFSET_BITS = 32  # an article's offsets packed below its code: code * 2**32 + offset


def _segment_runs(spans: pl.DataFrame, segs: pl.DataFrame
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """For `overlapping`: the quotes' rows in the order of the chunked join, per row the first of its overlapping
    segments and how many, among the segments sorted by article (each article's in their order: the last array
    gives their rows); None where the ids are not integer codes, an offset is null or outside 0..2**31, or an
    article's segments are out of order or overlap."""
    ids, seg_ids = spans["article_id"], segs["article_id"]
    if spans.is_empty() or segs.is_empty() or not ids.dtype.is_integer() or not seg_ids.dtype.is_integer():
        return None
    numbers = [spans["start"], spans["end"], segs["_s"], segs["_e"], ids, seg_ids]
    if any(c.null_count() or c.min() < 0 or c.max() >= 2**31 for c in numbers):
        return None
    article, seg_article = ids.to_numpy().astype(np.int64), seg_ids.to_numpy().astype(np.int64)
    by_article = np.argsort(seg_article, kind="stable")  # the articles need not come in the order of their codes
    seg_start = ((seg_article << _OFFSET_BITS) + segs["_s"].to_numpy())[by_article]
    seg_end = ((seg_article << _OFFSET_BITS) + segs["_e"].to_numpy())[by_article]
    # in order and apart: each segment ends before the next one starts (and after it starts itself)
    if np.any(seg_end < seg_start) or np.any(seg_start[1:] < seg_end[:-1]):
        return None
    first = np.searchsorted(seg_end, (article << _OFFSET_BITS) + spans["start"].to_numpy(), side="right")
    last = np.searchsorted(seg_start, (article << _OFFSET_BITS) + spans["end"].to_numpy(), side="left")
    count = np.clip(last - first, 0, None)
    order = np.argsort((article - article.min()) // CHUNK_ARTICLES, kind="stable")  # chunk by chunk, as joined
    return order, first[order], count[order], by_article


CHUNK_ARTICLES = 20_000  # quote_tone pairs the quotes and quoted segments of this many articles at a time


def _article_chunks(quotes: pl.DataFrame, segs: pl.DataFrame) -> list[tuple[pl.DataFrame, pl.DataFrame]]:
    """The quotes and segments of CHUNK_ARTICLES articles at a time where the ids are integer codes
    (compare_tables), else all at once: each quote is paired with every quoted segment of its article before the
    pairs that overlap are kept, 8 million pairs (0.5 GB) at 100,000 articles if paired at once."""
    ids = quotes["article_id"]
    if not ids.dtype.is_integer() or quotes.is_empty() or ids.null_count():
        return [(quotes, segs)]
    return [(quotes.filter(pl.col("article_id").is_between(low, low + CHUNK_ARTICLES - 1)),
             segs.filter(pl.col("article_id").is_between(low, low + CHUNK_ARTICLES - 1)))
            for low in range(int(ids.min()), int(ids.max()) + 1, CHUNK_ARTICLES)]


def actor_profile(quote_tones: pl.DataFrame, speaker: str) -> pl.DataFrame:
    """One speaker's rows of a `quote_tone` table: which outlets quote them, how often, how, in what tone; the
    outlet quoting them most first."""
    return quote_tones.filter(pl.col("speaker") == speaker).sort(["n_quotes", "outlet"], descending=[True, False])


def top_speakers_of(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """`top_speakers` of the analysis's `quoted_actors` table (for TABLES and `framing compare`)."""
    from framing.aggregate.tables import quoted_actors

    return top_speakers(quoted_actors(analysis, by, period), by)


def exclusive_voices_of(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """`exclusive_voices` of the analysis's `quoted_actors` table (for TABLES and `framing compare`)."""
    from framing.aggregate.tables import quoted_actors

    return exclusive_voices(quoted_actors(analysis, by, period), by)
