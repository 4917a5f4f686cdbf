"""Small frames the dashboard draws or lists, derived from a comparison table or the articles table: long forms of
`commentary_profile` for its charts, and the labels of the article picker."""

from __future__ import annotations

import polars as pl

from framing.aggregate.filters import UNKNOWN_OUTLET


def commentary_long(profile: pl.DataFrame) -> pl.DataFrame:
    """Per outlet and section kind (reporting / commentary): share of the journalist's sentences that are
    opinionated, from a `commentary_profile` table."""
    rows = []
    for kind in ("reporting", "commentary"):
        rows.append(profile.select(
            "outlet", pl.lit(kind).alias("kind"),
            pl.col(f"n_sentences_{kind}").alias("n_sentences"),
            pl.col(f"n_opinionated_{kind}").alias("n_opinionated"),
            pl.col(f"share_opinionated_{kind}").alias("share_opinionated"),
        ))
    return pl.concat(rows).sort("outlet", "kind")


def text_share_long(profile: pl.DataFrame) -> pl.DataFrame:
    """Per outlet: share of the text in reporting / commentary / analysis / reader comments (long form)."""
    kinds = ("reporting", "commentary", "analysis", "reader_comment")
    long = profile.select("outlet", *[pl.col(f"share_{k}").alias(k) for k in kinds]).unpivot(
        index="outlet", variable_name="kind", value_name="share_text")
    return long.with_columns(pl.col("share_text").fill_null(0.0)).sort("outlet", "kind")


def article_labels(articles: pl.DataFrame, limit: int = 1000) -> dict[str, str]:
    """Picker labels "outlet · date · title" by article_id (title or the text's first words), sorted by outlet
    and date; at most `limit` articles (a longer list is unusable in a picker)."""
    first_words = pl.col("text").fill_null("").str.slice(0, 200).str.strip_chars().str.split("\n").list.first()
    rows = (
        articles.sort(["outlet", "date", "article_id"], nulls_last=True).head(limit)
        .select("article_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET), pl.col("date").fill_null("undated"),
                pl.coalesce(pl.col("title").str.strip_chars().replace("", None), first_words).str.slice(0, 80)
                .fill_null("").alias("title"))
    )
    return {r["article_id"]: f"{r['outlet']} · {r['date']} · {r['title']} [{r['article_id']}]"
            for r in rows.iter_rows(named=True)}
