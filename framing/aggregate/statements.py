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
    same span, the one with the lower quote_id counts. A quote without a start or an end is in no other and holds
    none.

    In the order of the article, then the start, the end from the last, the quote_id, every quote that could hold a
    quote comes before it, so a quote is nested exactly when a quote before it in its article ends at or after its
    end: one sort instead of pairing every two quotes of an article (3.5 million pairs at 100,000 articles).
    """
    spans = (quotes.select("article_id", "quote_id", "start", "end").with_row_index("_row")
             .filter(pl.col("start").is_not_null() & pl.col("end").is_not_null())
             .sort(["article_id", "start", "end", "quote_id"], descending=[False, False, True, False]))
    ends_before = pl.col("end").cum_max().shift(1).over("article_id")
    nested = spans.select("_row", (ends_before >= pl.col("end")).fill_null(False).alias("nested"))
    flags = pl.repeat(False, quotes.height, dtype=pl.Boolean, eager=True).alias("nested").scatter(nested["_row"],
                                                                                               nested["nested"])
    return quotes.with_columns(flags)


def _quotes(analysis: Any, period: str, include_readers: bool) -> pl.DataFrame:
    """The quotes the quote tables count (QUOTES with `nested`, the section `kind` and the group keys, unresolved
    speakers as UNKNOWN_SPEAKER), made once per analysis inside `shared.sharing()`."""
    return shared(analysis, ("quotes", period, include_readers),
                  lambda: _make_quotes(analysis, period, include_readers))


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
