"""Comparison tables: one pure polars function per table, counts and normalised shares side by side.

Every function takes an `Analysis` (already filtered with `Filter.apply`) and a grouping `by`:

- "outlet": one row (set) per outlet; a null outlet is shown as "(unknown outlet)", never dropped;
- "group": one row (set) per group of outlets (outlets.csv); outlets it does not list are in "(no group)";
- "article": per article (with its outlet);
- "outlet_kind": per outlet x section kind (where the table's rows have a section kind);
- "outlet_date": per outlet x `period` bucket ("day" 2025-08-22, "week" 2025-W34, "month" 2025-08, "year" 2025)
  of `date_first`. An article goes into a bucket only when its whole possible date range [date_first, date_last]
  falls inside that bucket; otherwise it is counted in the bucket "(imprecise)" (a month-precision date in a day
  or week view), and undated articles in "(undated)". Nothing is dropped, so bucket totals add up to outlet totals.

Every table with an `outlet` column also has the outlet's `group` beside it (`TableSpec.__call__`). A table whose
function knows no "group" grouping is computed per outlet on the analysis with each outlet replaced by its group
(`grouping.as_groups`), so every table per outlet can be had per group.

Shares are null (not NaN) where their denominator is zero. Rows are sorted by their keys, so results do not depend
on the order of the input rows.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import polars as pl

from framing import schema
from framing.aggregate import actors, comparison, evidence, gender, genres, mentions, reuse, reuse_matrix, timeline
from framing.errors import ConfigError
from framing.aggregate.filters import NO_GROUP, UNKNOWN_OUTLET, outlet_label
from framing.aggregate.grouping import (BY_VALUES, IMPRECISE, KEY_CODE, PERIODS, UNDATED, _article_chars,
                                        _article_words, _check, _distinct_pairs, _segments_with_kind, _share,
                                        _with_key_code, _with_keys, as_groups, group_keys, grouped_in_chunks,
                                        with_groups, with_word_counts)

from framing.aggregate.shared import release, shared, sharing
from framing.aggregate.statements import UNKNOWN_SPEAKER, _quotes, mark_nested

__all__ = [
    "BY_VALUES",
    "PERIODS",
    "TABLES",
    "TableSpec",
    "commentary_profile",
    "compare_tables",
    "group_keys",
    "iter_tables",
    "mark_nested",
    "modes_of",
    "most_opinionated",
    "overview",
    "quote_modes",
    "quoted_actors",
    "quoted_gender",
    "section_composition",
    "speaker_groups",
    "speaker_types",
    "text_reuse",
    "textblob_columns",
    "tone_by_voice",
    "tone_distribution",
    "tone_vs_textblob",
    "term_tone",
    "label_tone",
    "actor_tone",
]


# ---- corpus overview -------------------------------------------------------------------------------------------


def overview(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Articles, words, characters, date range and each section kind's share of the text, per group."""
    keys = _check(by, ("outlet", "group", "article", "outlet_date"), "overview", period)
    arts = _with_keys(analysis.articles, analysis.articles, period).with_columns(
        _article_words(analysis.articles).alias("_words"), _article_chars(analysis.articles).alias("_chars"))
    base = (
        arts.group_by(keys)
        .agg(
            pl.len().cast(pl.Int64).alias("n_articles"),
            pl.col("_words").sum().cast(pl.Int64).alias("n_words"),
            pl.col("_chars").sum().cast(pl.Int64).alias("n_chars"),
            pl.col("date_first").min().alias("date_first"),
            pl.col("date_last").max().alias("date_last"),
            pl.col("date_first").is_null().sum().cast(pl.Int64).alias("n_undated"),
        )
        .with_columns(
            _share("n_articles", pl.col("n_articles").sum()).alias("share_articles"),
            _share("n_words", pl.col("n_words").sum()).alias("share_words"),
        )
    )
    secs = _with_keys(analysis.sections, analysis.articles, period).with_columns(
        (pl.col("end") - pl.col("start")).clip(lower_bound=0).cast(pl.Int64).alias("_chars")
    )
    wide = secs.group_by(keys).agg(
        pl.len().cast(pl.Int64).alias("n_sections"),
        pl.col("_chars").sum().cast(pl.Int64).alias("section_chars"),
        *[
            pl.col("_chars").filter(pl.col("kind") == kind).sum().cast(pl.Int64).alias(f"chars_{kind}")
            for kind in schema.SECTION_KINDS
        ],
    )
    out = base.join(wide, on=keys, how="left").with_columns(
        pl.col("n_sections", "section_chars", *[f"chars_{k}" for k in schema.SECTION_KINDS]).fill_null(0)
    )
    out = out.with_columns(
        _share(f"chars_{kind}", "section_chars").alias(f"share_{kind}") for kind in schema.SECTION_KINDS
    )
    columns = [
        *keys,
        "n_articles",
        "share_articles",
        "n_words",
        "share_words",
        "n_chars",
        "date_first",
        "date_last",
        "n_undated",
        "n_sections",
        "section_chars",
    ]
    for kind in schema.SECTION_KINDS:
        columns += [f"chars_{kind}", f"share_{kind}"]
    return out.select(columns).sort(keys)


def section_composition(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Long form: per group and section kind, sections, characters and share of the group's characters."""
    keys = _check(by, ("outlet", "group", "article", "outlet_date"), "section composition", period)
    arts = _with_keys(analysis.articles, analysis.articles, period)
    n_articles = arts.group_by(keys).agg(pl.len().cast(pl.Int64).alias("_group_articles"))
    secs = _with_keys(analysis.sections, analysis.articles, period).with_columns(
        (pl.col("end") - pl.col("start")).clip(lower_bound=0).cast(pl.Int64).alias("_chars")
    )
    out = (
        secs.group_by([*keys, "kind"])
        .agg(
            pl.len().cast(pl.Int64).alias("n_sections"),
            pl.col("_chars").sum().cast(pl.Int64).alias("n_chars"),
            pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
        )
        .with_columns(_share("n_chars", pl.col("n_chars").sum().over(keys)).alias("share_chars"))
        .join(n_articles, on=keys, how="left")
        .with_columns(_share("n_articles", "_group_articles").alias("share_articles"))
    )
    return out.select(*keys, "kind", "n_sections", "n_chars", "share_chars", "n_articles", "share_articles").sort(
        [*keys, "kind"]
    )


# ---- tone by voice ---------------------------------------------------------------------------------------------


def tone_by_voice(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Tone of the journalist's own words, of quoted speech and of readers, per group.

    Segment columns come from VOICE_SEGMENTS (the journalist's tone excludes quoted stretches); the sentence
    columns (`n_sentences_dominant`, `mean_sentence_tone`, `mean_polarity_textblob`) average whole sentences whose
    dominant voice is the row's voice, so our tone and textblob-de's polarity stand side by side.
    """
    keys = _check(by, BY_VALUES, "tone by voice", period)
    segs = analysis.voice_segments.select("article_id", "sentence_id", "voice", "start", "n_chars", "tone",
                                          "tone_label")
    if "kind" in keys:  # only the columns read (a join carries every column); the section kind only if a key
        segs = _segments_with_kind(dataclasses.replace(analysis, voice_segments=segs))
    # grouped by one integer for the article's keys, which are put beside the groups afterwards (2.7 million
    # segments at 100,000 articles carry one integer instead of three strings: 0.1 GB less)
    segs, names = _with_key_code(segs, analysis.articles, period, keys)
    coded = [KEY_CODE, *[k for k in keys if k not in names.columns]]
    labels = pl.col("tone_label")
    seg_table = (  # a few key codes at a time (grouped_in_chunks): 280 MB less at 100,000 articles
        grouped_in_chunks(segs, [*coded, "voice"], [
            pl.len().cast(pl.Int64).alias("n_segments"),
            _distinct_pairs(segs, "article_id", "sentence_id").cast(pl.Int64).alias("n_sentences"),
            pl.col("n_chars").sum().cast(pl.Int64).alias("n_chars"),
            pl.col("tone").mean().alias("mean_tone"),
            *[(labels == label).sum().cast(pl.Int64).alias(f"n_{label}") for label in schema.TONE_LABELS],
        ])
        .join(names, on=KEY_CODE, how="left").drop(KEY_CODE)
        .with_columns(
            _share("n_chars", pl.col("n_chars").sum().over(keys)).alias("share_chars"),
            *[
                _share(f"n_{label}", sum(pl.col(f"n_{x}") for x in schema.TONE_LABELS)).alias(f"share_{label}")
                for label in schema.TONE_LABELS
            ],
        )
    )
    del segs  # let go before the sentences get their keys: 2.7 million rows at 100,000 articles
    sents, _ = _with_key_code(analysis.sentences.select("article_id", *(["kind"] if "kind" in keys else []), "voice",
                                                        "tone", "polarity_textblob"), analysis.articles, period, keys)
    sent_table = grouped_in_chunks(sents, [*coded, "voice"], [
        pl.len().cast(pl.Int64).alias("n_sentences_dominant"),
        pl.col("tone").mean().alias("mean_sentence_tone"),
        pl.col("polarity_textblob").mean().alias("mean_polarity_textblob"),
    ]).join(names, on=KEY_CODE, how="left").drop(KEY_CODE)
    out = seg_table.join(sent_table, on=[*keys, "voice"], how="full", coalesce=True)
    counts = ["n_segments", "n_sentences", "n_chars", "n_sentences_dominant", *[f"n_{x}" for x in schema.TONE_LABELS]]
    out = out.with_columns(pl.col(counts).fill_null(0))
    columns = [
        *keys,
        "voice",
        "n_segments",
        "n_sentences",
        "n_chars",
        "share_chars",
        "mean_tone",
        *[f"n_{x}" for x in schema.TONE_LABELS],
        *[f"share_{x}" for x in schema.TONE_LABELS],
        "n_sentences_dominant",
        "mean_sentence_tone",
        "mean_polarity_textblob",
    ]
    return out.select(columns).sort([*keys, "voice"], nulls_last=True)


_TEXTBLOB_COLUMNS = ("voice", "n_sentences_dominant", "mean_sentence_tone", "mean_polarity_textblob")


def textblob_columns(tone: pl.DataFrame, by: str = "outlet") -> pl.DataFrame:
    """The sentence columns of a `tone_by_voice` table grouped `by`: our tone beside textblob-de's polarity."""
    return tone.select(*group_keys(by), *_TEXTBLOB_COLUMNS)


def tone_vs_textblob(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Mean tone of whole sentences, ours and textblob-de's, per group and dominant voice (from `tone_by_voice`)."""
    _check(by, BY_VALUES, "tone vs textblob", period)
    return textblob_columns(tone_by_voice(analysis, by, period), by)


TONE_BINS = 10


def _tone_bins(bins: int) -> pl.DataFrame:
    """The histogram's bins: `bins // 2` below zero, one for exactly zero, `bins // 2` above (index, centre, range)."""
    half = bins // 2
    width = 1 / half
    rows = [(i, round(-1 + width * (i + 0.5), 2), f"[{-1 + width * i:.1f}, {-1 + width * (i + 1):.1f})")
            for i in range(half)]
    rows[-1] = (half - 1, rows[-1][1], f"[{-width:.1f}, 0)")
    rows.append((half, 0.0, "0 exactly"))
    rows += [(half + 1 + i, round(width * (i + 0.5), 2), f"({width * i:.1f}, {width * (i + 1):.1f}]")
             for i in range(half)]
    rows[half + 1] = (half + 1, rows[half + 1][1], f"(0, {width:.1f}]")
    return pl.DataFrame(rows, schema={"_bin": pl.Int64, "tone_bin": pl.Float64, "tone_range": pl.String},
                        orient="row")


def tone_distribution(analysis: Any, by: str = "outlet", period: str = "month", *, bins: int = TONE_BINS) -> pl.DataFrame:
    """Share of each outlet's sentences per tone bin: `bins // 2` bins of equal width below zero, one bin for a
    tone of exactly 0 (a sentence without any sentiment word), `bins // 2` above; every bin is listed, empty or not.
    `tone_bin` is the bin's centre (0.0 for the zero bin), `tone_range` its interval."""
    _check(by, ("outlet",), "tone distribution", period)
    half = bins // 2
    width = 1 / half
    labelled = analysis.sentences.select("article_id", "tone").filter(pl.col("tone").is_not_null()).join(
        analysis.articles.select("article_id", outlet_label()), on="article_id", how="inner")
    tone = pl.col("tone").clip(-1, 1)
    index = (pl.when(tone < 0).then(((tone + 1) / width).floor().clip(0, half - 1))
             .when(tone == 0).then(pl.lit(half))
             .otherwise(half + 1 + (tone / width).ceil().clip(1, half) - 1)).cast(pl.Int64)
    counts = (labelled.with_columns(index.alias("_bin"))
              .group_by("outlet", "_bin").agg(pl.len().cast(pl.Int64).alias("n_sentences")))
    grid = labelled.select("outlet").unique().join(_tone_bins(bins), how="cross")
    return (
        grid.join(counts, on=["outlet", "_bin"], how="left")
        .with_columns(pl.col("n_sentences").fill_null(0))
        .with_columns(_share("n_sentences", pl.col("n_sentences").sum().over("outlet")).alias("share_sentences"))
        .sort("outlet", "_bin")
        .select("outlet", "tone_bin", "tone_range", "n_sentences", "share_sentences")
    )


# ---- quoted actors ---------------------------------------------------------------------------------------------


def _quote_counts(quotes: pl.DataFrame, keys: list[str], item: list[str], extra: list[pl.Expr]) -> pl.DataFrame:
    """Counts and shares of quotes per keys x item; `share_of_voice_across_outlets` is over the item's rows."""
    top = ~pl.col("nested")
    mode = pl.col("mode")
    return (
        quotes.group_by([*keys, *item])
        .agg(
            top.sum().cast(pl.Int64).alias("n_quotes"),
            pl.col("n_words").filter(top).sum().cast(pl.Int64).alias("quoted_words"),
            *[(top & (mode == m)).sum().cast(pl.Int64).alias(f"n_{m}") for m in schema.QUOTE_MODES],
            pl.col("nested").sum().cast(pl.Int64).alias("n_nested"),
            pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
            *extra,
        )
        .with_columns(
            _share("n_direct", "n_quotes").alias("share_direct"),
            _share("n_quotes", pl.col("n_quotes").sum().over(keys)).alias("share_of_quotes_in_outlet"),
            _share("quoted_words", pl.col("quoted_words").sum().over(keys)).alias("share_of_voice_in_outlet"),
            _share("quoted_words", pl.col("quoted_words").sum().over(item)).alias("share_of_voice_across_outlets"),
            _share("quoted_words", pl.col("quoted_words").sum()).alias("share_of_all_quoted_words"),
        )
    )


_QUOTE_COLUMNS = [
    "n_quotes",
    "quoted_words",
    "n_direct",
    "n_partial",
    "n_indirect",
    "n_interview",
    "n_nested",
    "share_direct",
    "n_articles",
    "share_of_quotes_in_outlet",
    "share_of_voice_in_outlet",
    "share_of_voice_across_outlets",
    "share_of_all_quoted_words",
]


def quoted_actors(
    analysis: Any, by: str = "outlet", period: str = "month", *, include_readers: bool = False
) -> pl.DataFrame:
    """Who is quoted where, how much and how (direct / partial / indirect); reader comments left out by default
    (made once per analysis inside `shared.sharing()`: the actors tables read it too)."""
    _check(by, BY_VALUES, "quoted actors", period)
    return shared(analysis, ("quoted_actors", by, period, include_readers),
                  lambda: _quoted_actors(analysis, by, period, include_readers))


def _quoted_actors(analysis: Any, by: str, period: str, include_readers: bool) -> pl.DataFrame:
    keys = group_keys(by)
    quotes = _quotes(analysis, period, include_readers)
    item = ["speaker", "speaker_group", "speaker_kind"]
    # the speaker's type and the role the text gives them most often (issue #14), beside each speaker
    extra = [pl.col("speaker_type").mode().sort().first().alias("speaker_type"),
             pl.col("speaker_role").drop_nulls().mode().sort().first().alias("speaker_role")]
    out = _quote_counts(quotes, keys, item, extra)
    # one gender per speaker across the table's quotes (as quoted_gender counts them): female / male / unknown
    genders = (quotes.select("speaker", pl.col("speaker_gender") if "speaker_gender" in quotes.columns
                             else pl.lit(None, pl.String).alias("speaker_gender"))
               .group_by("speaker").agg(pl.col("speaker_gender").fill_null("unknown").mode().sort().first()))
    out = out.join(genders, on="speaker", how="left")
    return out.select(*keys, *item, "speaker_type", "speaker_role", "speaker_gender", *_QUOTE_COLUMNS).sort(
        [*keys, "quoted_words", *item], descending=[False] * len(keys) + [True, False, False, False]
    )


def _quotes_per(column: str, table: str, analysis: Any, by: str, period: str, include_readers: bool) -> pl.DataFrame:
    """The counts and shares of `quoted_actors` per value of a speaker column (group, type, …), with the number of
    distinct named speakers behind each value."""
    keys = _check(by, BY_VALUES, table, period)
    quotes = _quotes(analysis, period, include_readers)
    extra = [
        pl.col("speaker").filter(pl.col("speaker") != UNKNOWN_SPEAKER).n_unique().cast(pl.Int64).alias("n_speakers")
    ]
    out = _quote_counts(quotes, keys, [column], extra)
    return out.select(*keys, column, "n_speakers", *_QUOTE_COLUMNS).sort(
        [*keys, "quoted_words", column], descending=[False] * len(keys) + [True, False]
    )


def speaker_groups(
    analysis: Any, by: str = "outlet", period: str = "month", *, include_readers: bool = False
) -> pl.DataFrame:
    """Quotes per speaker group (party, country, organisation), with the same counts and shares as
    `quoted_actors`."""
    return _quotes_per("speaker_group", "speaker groups", analysis, by, period, include_readers)


def speaker_types(
    analysis: Any, by: str = "outlet", period: str = "month", *, include_readers: bool = False
) -> pl.DataFrame:
    """Quotes per speaker type (politician, government, expert, citizen, ...; see framing.schema.SPEAKER_TYPES)
    and outlet, with the same counts and shares as `quoted_actors`: who gets to speak, by kind of actor."""
    return _quotes_per("speaker_type", "speaker types", analysis, by, period, include_readers)


def modes_of(actors: pl.DataFrame, by: str = "outlet") -> pl.DataFrame:
    """Direct / partial / indirect quotes per group (long form) from a `quoted_actors` table grouped `by`."""
    keys = group_keys(by)
    if actors.is_empty():
        return pl.DataFrame(schema={**{k: actors.schema[k] for k in keys}, "mode": pl.String, "n_quotes": pl.Int64,
                                    "share_quotes": pl.Float64})
    wide = actors.group_by(keys).agg(pl.col(f"n_{m}").sum() for m in schema.QUOTE_MODES)
    long = wide.unpivot(index=keys, on=[f"n_{m}" for m in schema.QUOTE_MODES], variable_name="mode",
                        value_name="n_quotes")
    return (
        long.with_columns(pl.col("mode").str.strip_prefix("n_"), pl.col("n_quotes").cast(pl.Int64))
        .with_columns((pl.col("n_quotes") / pl.col("n_quotes").sum().over(keys)).alias("share_quotes"))
        .sort(*keys, "mode")
    )


def quote_modes(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Statements per group by mode (direct / partial / indirect), with the mode's share (from `quoted_actors`)."""
    _check(by, BY_VALUES, "quote modes", period)
    return modes_of(quoted_actors(analysis, by, period), by)


# ---- commentary profile ----------------------------------------------------------------------------------------

_PROFILE_KINDS = ("reporting", "commentary", "analysis", "reader_comment")


def commentary_profile(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Where the outlet speaks in its own voice: share of text that is commentary / analysis, and how often
    the journalist's own sentences are opinionated (opinion >= 0.5) in reporting (opinion leaking into news)
    and in commentary."""
    keys = _check(by, ("outlet", "group", "article", "outlet_date"), "commentary profile", period)
    arts = _with_keys(analysis.articles, analysis.articles, period)
    base = arts.group_by(keys).agg(pl.len().cast(pl.Int64).alias("n_articles"))
    secs = _with_keys(analysis.sections.select("article_id", "kind", "start", "end"), analysis.articles,
                      period).with_columns((pl.col("end") - pl.col("start")).clip(lower_bound=0).cast(pl.Int64)
                                           .alias("_chars"))
    chars = secs.group_by(keys).agg(
        pl.col("_chars").sum().cast(pl.Int64).alias("n_chars"),
        pl.col("article_id").filter(pl.col("kind") == "commentary").n_unique().cast(pl.Int64).alias(
            "n_articles_with_commentary"
        ),
        *[
            pl.col("_chars").filter(pl.col("kind") == kind).sum().cast(pl.Int64).alias(f"chars_{kind}")
            for kind in _PROFILE_KINDS
        ],
    )
    # Only the journalist's own sentences: a quoted opinion inside a report is not the outlet's opinion.
    sents = _with_keys(analysis.sentences.filter(pl.col("voice") == "journalist").select("article_id", "kind",
                                                                                         "opinion"),
                       analysis.articles, period)
    opinionated = pl.col("opinion") >= schema.OPINION_THRESHOLD
    opinions = sents.group_by(keys).agg(
        *[
            expr
            for kind in ("reporting", "commentary")
            for expr in (
                (pl.col("kind") == kind).sum().cast(pl.Int64).alias(f"n_sentences_{kind}"),
                ((pl.col("kind") == kind) & opinionated).sum().cast(pl.Int64).alias(f"n_opinionated_{kind}"),
                pl.col("opinion").filter(pl.col("kind") == kind).mean().alias(f"mean_opinion_{kind}"),
            )
        ]
    )
    out = base.join(chars, on=keys, how="left").join(opinions, on=keys, how="left")
    count_cols = [
        "n_chars",
        "n_articles_with_commentary",
        *[f"chars_{k}" for k in _PROFILE_KINDS],
        *[f"n_{what}_{k}" for k in ("reporting", "commentary") for what in ("sentences", "opinionated")],
    ]
    out = out.with_columns(pl.col(count_cols).fill_null(0)).with_columns(
        *[_share(f"chars_{k}", "n_chars").alias(f"share_{k}") for k in _PROFILE_KINDS],
        *[
            _share(f"n_opinionated_{k}", f"n_sentences_{k}").alias(f"share_opinionated_{k}")
            for k in ("reporting", "commentary")
        ],
    )
    columns = [*keys, "n_articles", "n_articles_with_commentary", "n_chars"]
    for kind in _PROFILE_KINDS:
        columns += [f"chars_{kind}", f"share_{kind}"]
    for kind in ("reporting", "commentary"):
        columns += [f"n_sentences_{kind}", f"n_opinionated_{kind}", f"share_opinionated_{kind}", f"mean_opinion_{kind}"]
    return out.select(columns).sort(keys)


# ---- text reuse and single sentences ---------------------------------------------------------------------------


def text_reuse(analysis: Any, by: str = "article", period: str = "month", *, n: int = reuse.DEFAULT_N) -> pl.DataFrame:
    """Per pair of articles, the word n-grams they share and the shared passages (agency copy reused)."""
    _check(by, ("article",), "text reuse", period)
    return reuse.shared_text(analysis.articles, n=n).with_columns(
        pl.col("outlet_a", "outlet_b").fill_null(UNKNOWN_OUTLET)
    )


def most_opinionated(analysis: Any, n: int = 20, *, min_opinion: float = 0.0) -> pl.DataFrame:
    """The `n` sentences with the highest opinion score, with the signals that produced it."""
    sents = analysis.sentences
    # ranked on the three columns that rank them (the `n` first only: a sentence is one article_id and
    # sentence_id, so there are no ties); the other columns of those `n` sentences fetched afterwards
    order = ["opinion", "article_id", "sentence_id"]
    ranked = (_with_keys(sents.select("article_id", "sentence_id", "opinion").with_row_index("_row")
                         .filter(pl.col("opinion").is_not_null() & (pl.col("opinion") >= min_opinion)),
                         analysis.articles, "month")
              .bottom_k(max(int(n), 0), by=order, reverse=[True, False, False])
              .sort(order, descending=[True, False, False]))
    rest = sents.select("kind", "voice", "opinion_signals", "tone", "tone_label", "polarity_textblob", "tone_evidence",
                        "text")[ranked["_row"]]
    return pl.concat([ranked.select("outlet", "article_id", "sentence_id", "opinion"), rest], how="horizontal").select(
        "outlet", "article_id", "sentence_id", "kind", "voice", "opinion", "opinion_signals", "tone", "tone_label",
        "polarity_textblob", "tone_evidence", "text")


# ---- registry --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableSpec:
    """A comparison table: its function, a one-line description, the groupings it supports and its default.

    A table made from another table of TABLES (`source`) also has `from_source(source_table, by)`, so a caller that
    has the source table already (the dashboard, `compare_tables`) derives it without computing the source again.
    """

    function: Callable[..., pl.DataFrame]
    description: str
    supports: tuple[str, ...]
    default_by: str = "outlet"
    source: str | None = None
    from_source: Callable[[pl.DataFrame, str], pl.DataFrame] | None = None

    def grouping(self, by: str | None) -> str:
        """`by` if the table supports that grouping (every table per outlet can be had per group), else its
        default grouping."""
        if by in self.supports or (by == "group" and "outlet" in self.supports):
            return by
        return self.default_by

    def __call__(self, analysis: Any, by: str | None = None, period: str = "month", **options: Any) -> pl.DataFrame:
        """The table grouped `by` if it supports that grouping, else by its default grouping; with the outlet's
        group beside its `outlet` column."""
        if self.supports == ():
            return with_groups(self.function(analysis, **options), analysis.articles)
        grouping = self.grouping(by)
        if grouping == "group" and "group" not in self.supports:
            table = self.function(as_groups(analysis), by="outlet", period=period, **options)
            return table.rename({"outlet": "group"}) if "outlet" in table.columns else table
        return with_groups(self.function(analysis, by=grouping, period=period, **options), analysis.articles)


TABLES: dict[str, TableSpec] = {
    "framing_comparison": TableSpec(comparison.framing_comparison, "The first screen: per outlet the journalist's "
                                    "tone, opinion, quoted and direct shares, commentary, women quoted, actor mix and "
                                    "top voices, each with a 95 % bootstrap interval over articles.",
                                    comparison.GROUPINGS),
    "overview": TableSpec(
        overview,
        "Articles, words, date range and each section kind's share of the text.",
        ("outlet", "group", "article", "outlet_date"),
    ),
    "section_composition": TableSpec(section_composition, "Sections and characters per section kind, with the kind's "
                                     "share of the text.", ("outlet", "group", "article", "outlet_date")),
    "tone_by_voice": TableSpec(tone_by_voice, "Tone of the journalist's own words, of quoted speakers and of readers.",
                               BY_VALUES),
    "tone_vs_textblob": TableSpec(
        tone_vs_textblob,
        "Mean tone of whole sentences per dominant voice, ours beside textblob-de's polarity.",
        BY_VALUES,
        source="tone_by_voice",
        from_source=textblob_columns,
    ),
    "tone_distribution": TableSpec(tone_distribution, "Share of each outlet's sentences in each tenth of the tone "
                                   "scale.", ("outlet",)),
    "quoted_actors": TableSpec(quoted_actors, "Who is quoted, how often and how much (direct / partial / indirect), "
                               "with share of voice.", BY_VALUES),
    "speaker_groups": TableSpec(speaker_groups, "Quotes per speaker group (country or camp), with share of voice.",
                                BY_VALUES),
    "speaker_types": TableSpec(speaker_types, "Quotes per speaker type (politician, government, expert, citizen, ...), "
                               "with share of voice.", BY_VALUES),
    "quote_modes": TableSpec(
        quote_modes,
        "Direct, partial and indirect statements per group, with each mode's share.",
        BY_VALUES,
        source="quoted_actors",
        from_source=modes_of,
    ),
    "quoted_gender": TableSpec(
        gender.quoted_gender,
        "Quoted people, quotations and words by gender; the share of women with its 95 % interval and of unknowns.",
        gender.GROUPINGS,
    ),
    "commentary_profile": TableSpec(commentary_profile, "Share of commentary and analysis, and opinionated sentences in "
                                    "reporting and in commentary.", ("outlet", "group", "article", "outlet_date")),
    "genre_profile": TableSpec(
        genres.genre_profile,
        "Per genre: share of articles and of text, the own voice's share and opinion, interviewees' words.",
        genres.GROUPINGS,
    ),
    "text_reuse": TableSpec(
        text_reuse,
        "Per pair of articles: shared word n-grams and the shared passages (reused agency copy).",
        ("article",),
        default_by="article",
    ),
    "most_opinionated": TableSpec(
        most_opinionated,
        "The most opinionated sentences, with the signals found.",
        (),
        default_by="article",
    ),
    "term_tone": TableSpec(
        mentions.term_tone,
        "Each term of terms.csv: mentions per 1,000 words and the tone towards it.",
        mentions.GROUPINGS,
    ),
    "label_tone": TableSpec(
        mentions.label_tone,
        "Each label of terms.csv (frame, topic, camp) as a dictionary: mentions per 1,000 words, tone towards it.",
        mentions.GROUPINGS,
    ),
    "term_evidence": TableSpec(
        mentions.term_evidence,
        "The sentences behind the term tone: the most clearly toned mentions per outlet and term.",
        (),
        default_by="article",
    ),
    "actor_tone": TableSpec(
        mentions.actor_tone,
        "How the text speaks about each actor named: mentions and the tone towards them, apart from what they say.",
        mentions.GROUPINGS,
    ),
    "actor_evidence": TableSpec(
        mentions.actor_evidence,
        "The sentences behind the actor tone: the most clearly toned mentions per outlet and actor.",
        (),
        default_by="article",
    ),
    "over_time": TableSpec(timeline.over_time, "Per outlet and period (week or month): journalist tone, opinionated "
                           "share, quoted share, top voices.", ("outlet",)),
    "top_speakers": TableSpec(actors.top_speakers_of, "The named voices each outlet quotes most (no unknown speaker).",
                              ("outlet",)),
    "exclusive_voices": TableSpec(actors.exclusive_voices_of, "Named voices that only one outlet quotes.", ("outlet",)),
    "quote_tone": TableSpec(actors.quote_tone, "Per outlet and speaker: quotes by mode, tone of the quoted words.",
                            ("outlet",)),
    "outlet_reuse": TableSpec(reuse_matrix.reuse_by_outlet, "Outlet x outlet: share of an outlet's text shared "
                              "with another.", ("outlet",)),
    "opinionated_sentences": TableSpec(evidence.opinionated_sentences, "The journalist's own sentences, most "
                                       "opinionated first (the sentence first).", (), default_by="article"),
}


# The tables that read the text columns of shared.TEXT_COLUMNS (the sentences' text, their opinion signals and tone
# evidence, the mentions' text): every other table reads none of them, so a caller that reads the parquet output can
# make those tables first and read the text columns only for these (framing.pipeline.stored_tables).
READS_TEXT = ("most_opinionated", "term_evidence", "actor_evidence", "opinionated_sentences")
PREPARING = "(word count and article codes, once)"  # the key of compare_tables's timings for what all tables share


def compare_tables(analysis: Any, by: str = "outlet", period: str = "month", *, skip: tuple[str, ...] = (),
                   timings: dict[str, float] | None = None) -> dict[str, pl.DataFrame]:
    """Every table of TABLES on `analysis` but those in `skip` (see iter_tables); `timings` gets each one's seconds."""
    return dict(iter_tables(analysis, by, period, skip=skip, timings=timings))


def iter_tables(analysis: Any, by: str = "outlet", period: str = "month", *, skip: tuple[str, ...] = (),
                only: tuple[str, ...] | None = None, timings: dict[str, float] | None = None,
                given: dict[str, pl.DataFrame] | None = None) -> Iterator[tuple[str, pl.DataFrame]]:
    """The tables of `compare_tables` (of `only`, when given) in the order of TABLES, each grouped `by` where it can,
    else its default grouping (one made from another is derived from it), as soon as it is made (a caller that writes
    each and lets it go never holds them all: framing compare); those of `given` (stored pairs) taken as they are."""
    group_keys(by)
    if period not in PERIODS:
        raise ConfigError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    from framing.aggregate.codes import decode_ids, encode_sorted

    names = [name for name in TABLES if name not in skip and (only is None or name in only)]
    started = time.perf_counter()
    # The tables read the text only to count its words (done once), and join on ids (integer codes: faster).
    light, ids = encode_sorted(dataclasses.replace(analysis, articles=with_word_counts(analysis.articles)))
    if timings is not None:
        timings[PREPARING] = timings.get(PREPARING, 0.0) + time.perf_counter() - started
    if not {"text_reuse", "outlet_reuse"} & set(names):
        # only `analysis.articles` is read from here on: the other frames (string ids) are let go (stored_tables)
        analysis = dataclasses.replace(analysis, **{name: frame.clear() for name, frame in vars(analysis).items()
                                                    if name != "articles" and isinstance(frame, pl.DataFrame)})
    # the tables another one is made from, kept while that one is still to come
    sources = {TABLES[name].source for name in names} | ({"text_reuse"} if "outlet_reuse" in names else set())
    tables: dict[str, pl.DataFrame] = {name: table for name, table in (given or {}).items() if name in names}
    with sharing():  # the frames several tables make alike (the statements, the quoted people, ...) made once
        for at, name in enumerate(names):
            if name not in tables:
                _one_table(name, TABLES[name], tables, analysis, light, by, period, timings)
            release(names[at + 1:])  # the shared frames no table still to come reads
            table = tables[name] if name in sources else tables.pop(name)
            yield name, decode_ids(table, ids)


def _one_table(name: str, spec: TableSpec, tables: dict[str, pl.DataFrame], analysis: Any, light: Any, by: str,
               period: str, timings: dict[str, float] | None) -> None:
    """Table `name` of `compare_tables` into `tables` (derived from a table there where it can be)."""
    started = time.perf_counter()
    if spec.source in tables and spec.from_source is not None:
        tables[name] = with_groups(spec.from_source(tables[spec.source], spec.grouping(by)), analysis.articles)
    elif name == "outlet_reuse" and "text_reuse" in tables:  # from the pairs just found, per outlet or group
        if spec.grouping(by) == "group":
            tables[name] = reuse_matrix.outlet_reuse(tables["text_reuse"], as_groups(analysis).articles).rename(
                {"outlet": "group"})
        else:
            tables[name] = with_groups(reuse_matrix.outlet_reuse(tables["text_reuse"], analysis.articles),
                                       analysis.articles)
    else:  # text reuse reads the text itself
        tables[name] = spec(analysis if name in ("text_reuse", "outlet_reuse") else light, by=by, period=period)
    if timings is not None:
        timings[name] = time.perf_counter() - started


term_tone, label_tone, actor_tone = mentions.term_tone, mentions.label_tone, mentions.actor_tone
quoted_gender = gender.quoted_gender
__all__ += ["UNKNOWN_OUTLET", "UNKNOWN_SPEAKER", "NO_GROUP", "UNDATED", "IMPRECISE"]
