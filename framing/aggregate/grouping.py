"""Grouping helpers of the comparison tables: the keys a table is grouped by, periods, shares, word counts.

Used by framing.aggregate.tables and framing.aggregate.mentions (see the docstring of tables.py for the groupings).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from framing import schema
from framing.aggregate.filters import group_label, outlet_label, with_group_column
from framing.aggregate.shared import shared
from framing.errors import ConfigError

BY_VALUES = ("outlet", "group", "article", "outlet_kind", "outlet_date")
PERIODS = ("day", "week", "month", "year")
UNDATED = "(undated)"
IMPRECISE = "(imprecise)"

_PERIOD_FORMAT = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}


def group_keys(by: str) -> list[str]:
    """The key columns a table grouped `by` starts with."""
    keys = {
        "outlet": ["outlet"],
        "group": ["group"],  # the outlets' groups of outlets.csv (framing.aggregate.filters.group_label)
        "article": ["outlet", "article_id"],
        "outlet_kind": ["outlet", "kind"],
        "outlet_date": ["outlet", "period"],
    }
    if by not in keys:
        raise ConfigError(f"cannot group by {by!r}: use one of {', '.join(BY_VALUES)}")
    return keys[by]


def _check(by: str, allowed: tuple[str, ...], table: str, period: str) -> list[str]:
    if by not in allowed:
        raise ConfigError(f"the {table} table cannot be grouped by {by!r}: use one of {', '.join(allowed)}")
    if period not in PERIODS:
        raise ConfigError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    return group_keys(by)


def _article_keys(articles: pl.DataFrame, period: str) -> pl.DataFrame:
    """article_id -> outlet label, its group and period bucket (made once per articles frame and period inside
    `shared.sharing()`: every table asks, 24 times per compare_tables, 25 ms each at 100,000 articles)."""
    return shared(articles, ("article_keys", period), lambda: _make_article_keys(articles, period))


def _make_article_keys(articles: pl.DataFrame, period: str) -> pl.DataFrame:
    fmt = _PERIOD_FORMAT[period]
    first = pl.col("date_first").dt.strftime(fmt)
    last = pl.col("date_last").dt.strftime(fmt)
    bucket = (
        pl.when(pl.col("date_first").is_null() | pl.col("date_last").is_null())
        .then(pl.lit(UNDATED))
        .when(first == last)
        .then(first)
        .otherwise(pl.lit(IMPRECISE))
    )
    return with_group_column(articles).select("article_id", outlet_label(), group_label(), bucket.alias("period"))


def _with_keys(df: pl.DataFrame, articles: pl.DataFrame, period: str) -> pl.DataFrame:
    """`df` (with article_id) joined to its article's outlet label, group and period; rows of unknown articles drop
    out."""
    return _beside(df, _article_keys(articles, period))


KEY_CODE = "_key"  # one integer for an article's outlet, group and period together (`_with_key_code`)


def _with_key_code(df: pl.DataFrame, articles: pl.DataFrame, period: str, keys: list[str]
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`_with_keys` with the article's keys among `keys` (outlet, group, period) as one integer column KEY_CODE,
    and the table from KEY_CODE to those keys: a table grouped by the code, then given the keys by that table, has
    the same groups as one grouped by the keys, and its rows (millions of segments or sentences) carry one integer
    where they carried a string per key. Group by the code and at least one more column (the voice, the genre):
    polars sums a float mean grouped by a lone integer in another order, which changed over_time's journalist_tone
    in the last bits; with two or more keys the means are the same to the bit (checked at 1,028, 10,000 and
    100,000 articles)."""
    named = [k for k in keys if k in ("outlet", "group", "period")]
    article_keys = _article_keys(articles, period)
    names = article_keys.select(named).unique(maintain_order=True).with_row_index(KEY_CODE)
    codes = article_keys.join(names, on=named, how="left", maintain_order="left").select("article_id", KEY_CODE)
    return _beside(df, codes), names


# rows of a table grouped a few key codes at a time (`grouped_in_chunks`)
CHUNK_ROWS = 500_000


def grouped_in_chunks(df: pl.DataFrame, by: list[str], aggs: list[pl.Expr]) -> pl.DataFrame:
    """`df.group_by(by).agg(aggs)` (`by` starting with KEY_CODE), made over the rows of a few key codes at a time,
    about CHUNK_ROWS rows each. Every group lies in one chunk with its rows in the same order, so every figure is the
    same to the bit (a mean too), but polars, which gathers every group for aggregations like a cast count, holds
    the groups of one chunk at a time: 2.7 million segments at 100,000 articles took 280 MB more at once. The rows
    come in another order (the tables sort theirs)."""
    chunks = -(-df.height // CHUNK_ROWS)
    codes = df[KEY_CODE] if KEY_CODE in df.columns else None
    if chunks <= 1 or codes is None or codes.null_count() or by[0] != KEY_CODE:
        return df.group_by(by).agg(aggs)
    top = int(codes.max()) + 1
    step = -(-top // chunks)
    return pl.concat([df.filter(pl.col(KEY_CODE).is_between(low, low + step - 1)).group_by(by).agg(aggs)
                      for low in range(0, top, step)])


def _beside(df: pl.DataFrame, keys: pl.DataFrame) -> pl.DataFrame:
    """`df` with the columns of `keys` (one row per article_id) beside each row, its own columns of those names
    replaced; rows of articles `keys` does not have drop out."""
    df = df.drop([c for c in ("outlet", "group", "period", KEY_CODE) if c in df.columns])
    by_code = _by_code(keys)
    if by_code is not None and df.schema["article_id"].is_integer():
        # the ids are the codes 0..n-1 of every article (codes.encode_sorted): the keys are looked up by position
        known = df["article_id"].is_between(0, by_code.height - 1).fill_null(False)
        found = df if known.all() else df.filter(known)  # no copy of the frame when every row has its article
        return found.with_columns(by_code.drop("article_id")[found["article_id"]])
    return df.join(keys, on="article_id", how="inner")


def _by_code(keys: pl.DataFrame) -> pl.DataFrame | None:
    """`keys` in the order of article_id when its ids are exactly the integers 0..n-1, once each; else None."""
    ids = keys["article_id"]
    if not ids.dtype.is_integer() or ids.is_empty() or ids.null_count() or ids.min() != 0 \
            or ids.max() != ids.len() - 1 or ids.n_unique() != ids.len():
        return None
    return keys.sort("article_id")


def _distinct_pairs(df: pl.DataFrame, first: str, second: str) -> pl.Expr:
    """The number of distinct (first, second) pairs, as an aggregation: both columns packed into one integer where
    they are non-negative integers without nulls that fit (the article codes and sentence ids of compare_tables:
    several times cheaper than a struct), else the pairs as structs."""
    a, b = df[first], df[second]
    if (a.dtype.is_integer() and b.dtype.is_integer() and df.height and not a.null_count() and not b.null_count()
            and a.min() >= 0 and b.min() >= 0 and a.max() < 2**31 and b.max() < 2**32):
        return (pl.col(first).cast(pl.Int64) * 2**32 + pl.col(second).cast(pl.Int64)).n_unique()
    return pl.struct(first, second).n_unique()


def _share(numerator: str | pl.Expr, denominator: str | pl.Expr) -> pl.Expr:
    """numerator / denominator as Float64, null where the denominator is zero or null."""
    num = pl.col(numerator) if isinstance(numerator, str) else numerator
    den = pl.col(denominator) if isinstance(denominator, str) else denominator
    return pl.when(den > 0).then(num.cast(pl.Float64) / den.cast(pl.Float64)).otherwise(None)


def _segments_with_kind(analysis: Any) -> pl.DataFrame:
    """VOICE_SEGMENTS with the `kind` of the section each segment starts in (null when in none).

    Looked up by offset in SECTIONS rather than through SENTENCES, because a voice filter drops sentences by their
    dominant voice while keeping the segments of the chosen voice inside them.
    """
    segs = analysis.voice_segments.with_row_index("_row")
    spans = analysis.sections.select("article_id", pl.col("start").alias("_s"), pl.col("end").alias("_e"), "kind")
    found = (
        segs.select("_row", "article_id", "start")
        .join(spans, on="article_id", how="inner")
        .filter((pl.col("start") >= pl.col("_s")) & (pl.col("start") < pl.col("_e")))
        .group_by("_row")
        .agg(pl.col("kind").min())
    )
    return segs.join(found, on="_row", how="left").drop("_row")


def _quote_kinds(analysis: Any) -> pl.DataFrame:
    return analysis.sections.select("article_id", pl.col("section_id"), "kind").unique(["article_id", "section_id"])


def _words(expr: pl.Expr) -> pl.Expr:
    """Number of word tokens (runs of letters/digits, schema.WORD) in a text column."""
    return schema.count_words(expr)


# An articles column: the words of the text, counted once for every comparison table (`with_word_counts`), which
# then need not read the text itself.
TEXT_WORDS = "_text_words"


def _article_words(articles: pl.DataFrame | pl.LazyFrame) -> pl.Expr:
    """The words of each article's text: the count TEXT_WORDS holds, else the count `framing analyze` stored
    (`n_words`), else counted in the text (an analysis written before n_words, or an article without it)."""
    names = articles.collect_schema().names()
    if TEXT_WORDS in names:
        return pl.col(TEXT_WORDS)
    if "n_words" not in names:
        return _words(pl.col("text"))
    if "text" not in names or (isinstance(articles, pl.DataFrame) and not articles["n_words"].null_count()):
        return pl.col("n_words")
    return pl.col("n_words").fill_null(_words(pl.col("text")))


def _article_chars(articles: pl.DataFrame | pl.LazyFrame) -> pl.Expr:
    """The characters of each article: `n_chars`, where that is missing the length of the text (`with_word_counts`
    fills it in before it drops the text)."""
    if "text" not in articles.collect_schema().names():
        return pl.col("n_chars").cast(pl.Int64)
    return pl.col("n_chars").fill_null(pl.col("text").fill_null("").str.len_chars()).cast(pl.Int64)


def with_word_counts(articles: pl.DataFrame | pl.LazyFrame, *, text: bool = False) -> pl.DataFrame | pl.LazyFrame:
    """`articles` with TEXT_WORDS (the stored `n_words`, else counted in the text) and `n_chars` filled in, without
    the text unless `text`: all that every comparison table but text reuse reads of it (a frame that has TEXT_WORDS
    already is only trimmed)."""
    names = articles.collect_schema().names()
    if TEXT_WORDS not in names:  # the stored n_words becomes TEXT_WORDS: the frame is the one an older analysis gives
        articles = articles.with_columns(_article_words(articles).alias(TEXT_WORDS), _article_chars(articles)
                                         .alias("n_chars")).drop("n_words", strict=False)
    return articles if text or "text" not in names else articles.drop("text")


def as_groups(analysis: Any) -> Any:
    """The analysis with each article's outlet replaced by its group: a table computed per outlet on it is the
    table per group (its `outlet` column then holds the groups; see `TableSpec.__call__`)."""
    import dataclasses

    articles = with_group_column(analysis.articles).with_columns(group_label().alias("outlet"))
    return dataclasses.replace(analysis, articles=articles)


def with_groups(table: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """A table with an `outlet` column given the outlet's `group` (NO_GROUP for an outlet outlets.csv does not
    list), placed after the table's leading key columns (outlet, article_id, kind, period), so a table still starts
    with its `group_keys`; a table without `outlet`, or with `group` already, is returned as it is."""
    if "outlet" not in table.columns or "group" in table.columns:
        return table
    # made once per articles frame inside `shared.sharing()` (every table asks: 24 times per compare_tables)
    pairs = shared(articles, ("outlet_groups",), lambda: with_group_column(articles).select(
        outlet_label(), group_label()).unique("outlet", keep="first"))
    columns = list(table.columns)
    at = columns.index("outlet") + 1
    while at < len(columns) and columns[at] in ("article_id", "kind", "period"):
        at += 1
    columns.insert(at, "group")
    return table.join(pairs, on="outlet", how="left", maintain_order="left").with_columns(
        group_label()).select(columns)
