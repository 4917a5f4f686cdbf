"""Text reuse between outlets: how much of an outlet's text it shares with each other outlet, built on the article
pairs of framing.aggregate.reuse (whatever algorithm finds them; only its output columns are read here).

For outlet A and outlet B, `share_shared` is the share of A's characters (all its articles in the filter) that lie
in passages A's articles share with B's articles. An article sharing the same passage with several articles of B
would count it several times, so its shared characters are capped at its own length; the figure is therefore an
upper bound where one article shares different passages with several articles of one outlet, exact otherwise. The
diagonal (A with A) is text an outlet repeats across its own articles.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from framing.aggregate.filters import outlet_label
from framing.aggregate.grouping import _share

OUTLET_REUSE = {
    "outlet": pl.String,  # the outlet whose text is measured
    "other_outlet": pl.String,  # the outlet it shares passages with
    "n_articles": pl.Int64,  # articles of `outlet` sharing a passage with an article of `other_outlet`
    "n_pairs": pl.Int64,  # article pairs between the two outlets
    "shared_chars": pl.Int64,  # characters of `outlet`'s articles inside passages shared with `other_outlet`
    "outlet_chars": pl.Int64,  # all characters of `outlet`'s articles in the filter
    "share_shared": pl.Float64,  # shared_chars / outlet_chars
}


def outlet_reuse(pairs: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The outlet x outlet matrix (long form, OUTLET_REUSE) from a `text_reuse` table and the filtered articles
    (article_id, outlet, and n_chars or text); one row per pair of outlets that share anything."""
    chars = pl.col("n_chars") if "n_chars" in articles.columns else pl.col("text").fill_null("").str.len_chars()
    arts = articles.select("article_id", outlet_label(), chars.fill_null(0).cast(pl.Int64).alias("_chars"))
    totals = arts.group_by("outlet").agg(pl.col("_chars").sum().cast(pl.Int64).alias("outlet_chars"))
    if pairs.is_empty():
        return pl.DataFrame(schema=OUTLET_REUSE)
    # Every pair seen from both sides: the article, the other article's outlet, the article's shared characters.
    directed = pl.concat([
        pairs.select(pl.col("article_a").alias("article_id"), pl.col("article_b").alias("_other"),
                     pl.col("shared_chars_a").alias("_shared")),
        pairs.select(pl.col("article_b").alias("article_id"), pl.col("article_a").alias("_other"),
                     pl.col("shared_chars_b").alias("_shared")),
    ])
    other = arts.select(pl.col("article_id").alias("_other"), pl.col("outlet").alias("other_outlet"))
    per_article = (
        directed.join(arts, on="article_id", how="inner").join(other, on="_other", how="inner")
        .group_by("outlet", "other_outlet", "article_id")
        .agg(pl.len().alias("_pairs"), pl.col("_shared").sum().alias("_shared"), pl.col("_chars").first())
        .with_columns(pl.min_horizontal("_shared", "_chars").alias("_shared"))
    )
    out = (
        per_article.group_by("outlet", "other_outlet")
        .agg(pl.len().cast(pl.Int64).alias("n_articles"), pl.col("_pairs").sum().cast(pl.Int64).alias("n_pairs"),
             pl.col("_shared").sum().cast(pl.Int64).alias("shared_chars"))
        # within one outlet both articles of a pair are its own: each pair was seen twice
        .with_columns(pl.when(pl.col("outlet") == pl.col("other_outlet")).then(pl.col("n_pairs") // 2)
                      .otherwise(pl.col("n_pairs")).alias("n_pairs"))
        .join(totals, on="outlet", how="left")
        .with_columns(_share("shared_chars", "outlet_chars").alias("share_shared"))
    )
    return out.select(list(OUTLET_REUSE)).cast(OUTLET_REUSE).sort("outlet", "other_outlet")


def reuse_by_outlet(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """`outlet_reuse` of the analysis's `text_reuse` table and its articles (for TABLES and `framing compare`)."""
    from framing.aggregate.tables import text_reuse

    return outlet_reuse(text_reuse(analysis), analysis.articles)
