"""The genre profile: per group and article genre, the share of articles and of text, how much of the text is the
outlet's own voice, how opinionated that own voice is, and how much interviewees say.

Same conventions as framing.aggregate.tables (groupings outlet / article / outlet_date, null shares where the
denominator is zero, rows sorted by their keys; nothing dropped). The own voice is the journalist's: voice segments
outside every quotation, and an interview's answers are quotations of the interviewee (mode `interview`), so an
outlet that runs interviews is not counted as editorialising in them. Reports and commentary are separate rows, so
their own-voice opinion shares stand side by side.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from framing import schema
from framing.aggregate.grouping import (
    KEY_CODE,
    _article_words,
    _check,
    _share,
    _with_key_code,
    _with_keys,
)

GROUPINGS = ("outlet", "article", "outlet_date")
NO_GENRE = "unknown"  # articles of an analysis written before the genre column existed
COLUMNS = ["n_articles", "share_articles", "n_words", "share_words", "own_voice_chars", "quoted_chars",
           "share_own_voice", "n_sentences_own", "n_opinionated_own", "share_opinionated_own", "mean_opinion_own",
           "n_interview_answers", "interviewee_words", "share_interviewee_words"]


def _articles(analysis: Any, period: str) -> pl.DataFrame:
    arts = analysis.articles
    genre = pl.col("genre").fill_null(NO_GENRE) if "genre" in arts.columns else pl.lit(NO_GENRE)
    return _with_keys(arts.select("article_id", genre.alias("genre"), _article_words(arts).alias("_words")), arts,
                      period)


def genre_profile(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """One row per group and genre: articles and words (with their shares of the group), the own voice's share of
    the text and its opinionated sentences, and the interviewees' answers (see the module docstring)."""
    keys = _check(by, GROUPINGS, "genre profile", period)
    arts = _articles(analysis, period)
    genre_of = arts.select("article_id", "genre")
    rows = [*keys, "genre"]
    base = arts.group_by(rows).agg(pl.len().cast(pl.Int64).alias("n_articles"),
                                   pl.col("_words").sum().cast(pl.Int64).alias("n_words"))
    # every frame narrowed to the columns read before it is joined (a join carries every column); the segments'
    # characters, whole numbers, summed per article first and then per group: the same sums, with the group keys
    # put beside 100,000 articles instead of 2.7 million segments (at 100,000 articles 0.3 s and 0.3 GB less)
    chars = pl.col("n_chars").cast(pl.Int64)
    per_article = analysis.voice_segments.group_by("article_id").agg(
        chars.filter(pl.col("voice") == "journalist").sum().alias("own_voice_chars"),
        chars.filter(pl.col("voice") == "quoted").sum().alias("quoted_chars"),
        chars.sum().alias("_segment_chars"),
    )
    segs = _with_keys(per_article, analysis.articles, period).join(genre_of, on="article_id")
    voice = segs.group_by(rows).agg(pl.col("own_voice_chars", "quoted_chars", "_segment_chars").sum())
    # the journalist's sentences grouped by one integer for the article's keys (grouping._with_key_code), which are
    # put beside the groups afterwards: 1.8 million sentences at 100,000 articles carry one integer, not three strings
    own, names = _with_key_code(analysis.sentences.filter(pl.col("voice") == "journalist").select("article_id",
                                                                                                  "opinion"),
                                analysis.articles, period, keys)
    own = own.join(genre_of, on="article_id")
    opinion = own.group_by([KEY_CODE, *[k for k in keys if k not in names.columns], "genre"]).agg(
        pl.len().cast(pl.Int64).alias("n_sentences_own"),
        (pl.col("opinion") >= schema.OPINION_THRESHOLD).sum().cast(pl.Int64).alias("n_opinionated_own"),
        pl.col("opinion").mean().alias("mean_opinion_own"),
    ).join(names, on=KEY_CODE, how="left").drop(KEY_CODE)
    del own
    answers = _with_keys(analysis.quotes.filter(pl.col("mode") == "interview").select("article_id", "n_words"),
                         analysis.articles, period).join(genre_of, on="article_id")
    interviews = answers.group_by(rows).agg(
        pl.len().cast(pl.Int64).alias("n_interview_answers"),
        pl.col("n_words").sum().cast(pl.Int64).alias("interviewee_words"),
    )
    out = (base.join(voice, on=rows, how="left").join(opinion, on=rows, how="left")
           .join(interviews, on=rows, how="left"))
    counts = ["own_voice_chars", "quoted_chars", "_segment_chars", "n_sentences_own", "n_opinionated_own",
              "n_interview_answers", "interviewee_words"]
    out = out.with_columns(pl.col(counts).fill_null(0)).with_columns(
        _share("n_articles", pl.col("n_articles").sum().over(keys)).alias("share_articles"),
        _share("n_words", pl.col("n_words").sum().over(keys)).alias("share_words"),
        _share("own_voice_chars", "_segment_chars").alias("share_own_voice"),
        _share("n_opinionated_own", "n_sentences_own").alias("share_opinionated_own"),
        _share("interviewee_words", "n_words").alias("share_interviewee_words"),
    )
    order = {genre: i for i, genre in enumerate(schema.GENRES)}
    return (out.with_columns(pl.col("genre").replace_strict(order, default=len(order)).alias("_order"))
            .sort([*keys, "_order", "genre"]).select(*rows, *COLUMNS))
