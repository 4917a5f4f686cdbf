"""Small frames the dashboard draws or lists, derived from a comparison table or the articles table: long forms of
`commentary_profile` for its charts (the article picker's labels are framing.aggregate.evidence's)."""

from __future__ import annotations

import polars as pl


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


def lump_categories(df: pl.DataFrame, category: str, value: str, *, keep: int = 9, other: str = "(other)",
                    always: tuple[str, ...] = ()) -> pl.DataFrame:
    """Per outlet, `value` (a share) of the `keep` categories largest over all outlets (plus `always`, e.g. the
    empty group), the rest summed into `other`: a chart with 29 groups in 10 colours does not read."""
    totals = df.group_by(category).agg(pl.col(value).sum()).sort([value, category], descending=[True, False])
    kept = set(totals.filter(~pl.col(category).is_in(always))[category].head(keep).to_list()) | set(always)
    named = pl.when(pl.col(category).is_in(list(kept))).then(pl.col(category)).otherwise(pl.lit(other))
    return (df.with_columns(named.alias(category)).group_by("outlet", category).agg(pl.col(value).sum())
            .sort("outlet", category))
