"""The quoted statements the comparison tables count: quotes inside another quote marked (`mark_nested`), and
the quotes with their group keys (`_quotes`), which the quote tables, the first screen and the actors tables share.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from framing import schema
from framing.aggregate.filters import NO_GROUP
from framing.aggregate.grouping import _quote_kinds, _with_keys
from framing.aggregate.shared import shared

UNKNOWN_SPEAKER = "(unknown speaker)"


def mark_nested(quotes: pl.DataFrame) -> pl.DataFrame:
    """QUOTES with a boolean `nested`: the quote lies inside another quote of the same article.

    The quote finder reports quoted words inside reported speech twice: the indirect statement
    (`es sei »kein Treffen geplant«`) and the partial quote within it (`kein Treffen geplant`). Counting both would
    double the statement and its words, so tables count only outermost quotes as statements. Of two quotes with the
    same span, the one with the lower quote_id counts.
    """
    inner = quotes.select("article_id", "quote_id", "start", "end")
    outer = inner.rename({"quote_id": "_oid", "start": "_ostart", "end": "_oend"})
    contained = (
        inner.join(outer, on="article_id", how="inner")
        .filter(
            (pl.col("_oid") != pl.col("quote_id"))
            & (pl.col("_ostart") <= pl.col("start"))
            & (pl.col("_oend") >= pl.col("end"))
            & (
                (pl.col("_ostart") < pl.col("start"))
                | (pl.col("_oend") > pl.col("end"))
                | (pl.col("_oid") < pl.col("quote_id"))
            )
        )
        .select("article_id", "quote_id")
        .unique()
        .with_columns(pl.lit(True).alias("nested"))
    )
    return quotes.join(contained, on=["article_id", "quote_id"], how="left").with_columns(
        pl.col("nested").fill_null(False)
    )


def _quotes(analysis: Any, period: str, include_readers: bool) -> pl.DataFrame:
    """The quotes the quote tables count (QUOTES with `nested`, the section `kind` and the group keys, unresolved
    speakers as UNKNOWN_SPEAKER), made once per analysis inside `shared.sharing()`."""
    return shared(analysis, ("quotes", period, include_readers), lambda: _make_quotes(analysis, period, include_readers))


def _make_quotes(analysis: Any, period: str, include_readers: bool) -> pl.DataFrame:
    # quoted terms (mode "term": scare quotes, sogenannte „…“) are nobody's speech: in no count or share of voice
    quotes = mark_nested(analysis.quotes.filter(pl.col("mode") != schema.TERM_MODE))
    if not include_readers:
        quotes = quotes.filter(pl.col("speaker_kind").fill_null("") != "reader")
    quotes = quotes.join(_quote_kinds(analysis), on=["article_id", "section_id"], how="left")
    return _with_keys(quotes, analysis.articles, period).with_columns(
        pl.col("speaker").fill_null(UNKNOWN_SPEAKER),
        pl.col("speaker_group").fill_null(NO_GROUP),
        pl.col("speaker_kind").fill_null("unknown"),
        pl.col("speaker_type").fill_null("unknown"),
        pl.col("n_words").fill_null(0).cast(pl.Int64),
    )
