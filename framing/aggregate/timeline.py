"""Framing over time: per outlet and week or month, the tone of the journalist's own words, the share of their
sentences that are opinionated, the share of the text that is quoted and the voices quoted most.

An article counts in the period its date falls in. An article whose date is less precise than the period (a month
for a weekly view) or spans two periods is counted apart as imprecise, and an undated one as undated
(`undated_counts`), so nothing is put on a date it may not have. Periods are real dates (the Monday of the week,
the first of the month), so the charts have a date axis.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from framing import schema
from framing.aggregate.filters import outlet_label
from framing.aggregate.grouping import _beside, _by_code, _share
from framing.errors import ConfigError

TIME_PERIODS = {"day": "1d", "week": "1w", "month": "1mo", "year": "1y"}  # the period, its polars truncation unit
WEEKLY_UP_TO_DAYS = 120  # a corpus spanning up to about four months is shown per week, a longer one per month
TOP_VOICES = 3  # voices named per outlet and period
_UNKNOWN_SPEAKERS = ("(unknown speaker)",)


def choose_period(date_min: dt.date | None, date_max: dt.date | None) -> str:
    """"week" when the dates span at most WEEKLY_UP_TO_DAYS days, else "month" (also when there are none)."""
    if date_min is None or date_max is None:
        return "month"
    return "week" if (date_max - date_min).days <= WEEKLY_UP_TO_DAYS else "month"


def _unit(period: str) -> str:
    if period not in TIME_PERIODS:
        raise ConfigError(f"unknown period {period!r} for the time view: use one of {', '.join(TIME_PERIODS)}")
    return TIME_PERIODS[period]


def article_periods(articles: pl.DataFrame, period: str) -> pl.DataFrame:
    """article_id, outlet (label) and `period_start` (Date; null when undated or imprecise) and `dating`
    (dated / imprecise / undated) of every article."""
    unit = _unit(period)
    first = pl.col("date_first").dt.truncate(unit)
    last = pl.col("date_last").dt.truncate(unit)
    undated = pl.col("date_first").is_null() | pl.col("date_last").is_null()
    dating = pl.when(undated).then(pl.lit("undated")).when(first == last).then(pl.lit("dated")).otherwise(
        pl.lit("imprecise"))
    return articles.select(
        "article_id", outlet_label(),
        pl.when(dating == "dated").then(first).otherwise(None).alias("period_start"), dating.alias("dating"))


def undated_counts(articles: pl.DataFrame, period: str) -> pl.DataFrame:
    """Per outlet: articles on the time axis, articles dated less precisely than the period, undated articles."""
    keys = article_periods(articles, period)
    return keys.group_by("outlet").agg(
        *[(pl.col("dating") == d).sum().cast(pl.Int64).alias(f"n_{d}") for d in ("dated", "imprecise", "undated")]
    ).sort("outlet")


# What a date less precise than the period is, for the note that counts such articles apart
COARSER = {"day": "only a month or a year", "week": "only a month or a year", "month": "only a year",
           "year": "a span of years"}


def off_axis_note(counts: pl.DataFrame, period: str) -> str | None:
    """The sentence that says which articles of `undated_counts` are not on the time axis and why; None when all
    are on it. A count that is 0 is not said, and the example of a coarse date is one for this period."""
    undated, imprecise = int(counts["n_undated"].sum()), int(counts["n_imprecise"].sum())
    if not undated and not imprecise:
        return None
    parts = []
    if undated:
        parts.append(f"{undated:,} undated article{'' if undated == 1 else 's'}")
    if imprecise:
        parts.append(f"{imprecise:,} article{'' if imprecise == 1 else 's'} dated less precisely than a {period} "
                     f"({COARSER.get(period, 'a longer span')})")
    apart = counts.filter((pl.col("n_undated") + pl.col("n_imprecise")) > 0)
    per_outlet = "; ".join(f"{r['outlet']}: {r['n_undated'] + r['n_imprecise']:,}" for r in apart.iter_rows(named=True))
    return f"Not on the time axis: {' and '.join(parts)}. By outlet: {per_outlet}."


def _top_voices(analysis: Any, keys: pl.DataFrame) -> pl.DataFrame:
    """outlet, period_start, top_voices ("Name (quotes); ...") of the TOP_VOICES named speakers by quoted words."""
    quotes = analysis.quotes.filter((pl.col("mode") != schema.TERM_MODE) & pl.col("speaker").is_not_null()
                                    & ~pl.col("speaker").is_in(_UNKNOWN_SPEAKERS)
                                    & ~pl.col("speaker_kind").fill_null("").is_in(("reader", "anonymous")))
    counts = (
        quotes.select("article_id", "speaker", "n_words").join(keys, on="article_id", how="inner")
        .group_by("outlet", "period_start", "speaker")
        .agg(pl.len().alias("n"), pl.col("n_words").fill_null(0).sum().alias("words"))
        .sort(["outlet", "period_start", "words", "n", "speaker"], descending=[False, False, True, True, False])
    )
    return counts.group_by("outlet", "period_start", maintain_order=True).agg(
        (pl.col("speaker") + " (" + pl.col("n").cast(pl.String) + ")").head(TOP_VOICES).str.join("; ")
        .alias("top_voices"))


def _women(analysis: Any, keys: pl.DataFrame) -> pl.DataFrame:
    """outlet, period_start, n_women, n_men: distinct quoted people of known gender (as quoted_gender counts
    them: people only, one gender per person)."""
    from framing.aggregate.gender import _people_quotes

    people = _people_quotes(analysis, "month").drop("outlet", "period").join(keys, on="article_id", how="inner")
    return people.group_by("outlet", "period_start").agg(
        *[pl.col("speaker").filter(pl.col("_gender") == g).n_unique().cast(pl.Int64).alias(name)
          for g, name in (("female", "n_women"), ("male", "n_men"))])


def over_time(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """One row per outlet and period with a dated article: articles, the journalist's mean tone (their own
    stretches of text, as in tone_by_voice), the share of their sentences that are opinionated, the share of the
    text in quoted speech, quotes and the voices quoted most. Rows sorted by outlet and period."""
    if by != "outlet":
        raise ConfigError(f"the over-time table cannot be grouped by {by!r}: it is grouped by outlet and period")
    periods = article_periods(analysis.articles, period)
    keys = periods.filter(pl.col("dating") == "dated").drop("dating")
    base = keys.group_by("outlet", "period_start").agg(pl.len().cast(pl.Int64).alias("n_articles"))

    def dated(rows: pl.DataFrame) -> pl.DataFrame:
        """`rows` of dated articles with their outlet and period, in their order (as an inner join on `keys`
        keeping the left order; an article's keys looked up by position where the ids are codes)."""
        if rows.schema["article_id"].is_integer() and _by_code(periods) is not None:
            return _beside(rows, periods).filter(pl.col("dating") == "dated").drop("dating")
        return rows.join(keys, on="article_id", how="inner", maintain_order="left")

    # narrowed to the columns read before each join (a join carries every column)
    # in the segments' order: the mean tone then sums them in one order every run (an unordered join gave the last
    # bits of journalist_tone from whichever thread came first)
    segs = dated(analysis.voice_segments.select("article_id", "voice", "tone", "n_chars"))
    voice = pl.col("voice")
    tone = segs.group_by("outlet", "period_start").agg(
        pl.col("tone").filter(voice == "journalist").mean().alias("journalist_tone"),
        pl.col("n_chars").filter(voice == "quoted").sum().cast(pl.Int64).alias("quoted_chars"),
        pl.col("n_chars").sum().cast(pl.Int64).alias("n_chars"),
    )
    del segs  # each frame with its periods let go once counted (2.7 million segments at 100,000 articles)
    sents = dated(analysis.sentences.filter(pl.col("voice") == "journalist").select("article_id", "opinion"))
    opinion = sents.group_by("outlet", "period_start").agg(
        pl.col("opinion").is_not_null().sum().cast(pl.Int64).alias("n_journalist_sentences"),
        (pl.col("opinion") >= schema.OPINION_THRESHOLD).sum().cast(pl.Int64).alias("n_opinionated"),
    )
    del sents
    quotes = dated(analysis.quotes.filter(pl.col("mode") != schema.TERM_MODE).select("article_id"))
    n_quotes = quotes.group_by("outlet", "period_start").agg(pl.len().cast(pl.Int64).alias("n_quotes"))
    out = (
        base.join(tone, on=["outlet", "period_start"], how="left")
        .join(opinion, on=["outlet", "period_start"], how="left")
        .join(n_quotes, on=["outlet", "period_start"], how="left")
        .join(_top_voices(analysis, keys), on=["outlet", "period_start"], how="left")
        .join(_women(analysis, keys), on=["outlet", "period_start"], how="left")
        .with_columns(pl.col("quoted_chars", "n_chars", "n_journalist_sentences", "n_opinionated", "n_quotes",
                             "n_women", "n_men").fill_null(0))
        .with_columns(_share("n_opinionated", "n_journalist_sentences").alias("share_opinionated"),
                      _share("quoted_chars", "n_chars").alias("quoted_share"),
                      _share("n_women", pl.col("n_women") + pl.col("n_men")).alias("share_women"),
                      pl.col("top_voices").fill_null(""))
    )
    return out.select(
        "outlet", "period_start", "n_articles", "journalist_tone", "n_journalist_sentences", "n_opinionated",
        "share_opinionated", "n_chars", "quoted_chars", "quoted_share", "n_quotes", "n_women", "n_men",
        "share_women", "top_voices",
    ).sort("outlet", "period_start")
