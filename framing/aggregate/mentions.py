"""Comparison tables of mentions: the terms of terms.csv as a dictionary (labels = frames, topics, camps) and the
tone towards each term, label and actor, per group; and the sentences as evidence.

Same conventions as framing.aggregate.tables (groupings outlet / article / outlet_date, null shares where the
denominator is zero, rows sorted by their keys). Mentions per 1,000 words divide by the words of all the group's
articles, so an outlet that never names a term still counts its words.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from framing import schema
from framing.aggregate.grouping import _article_words, _check, _share, _with_keys

NO_LABEL = "(no label)"
GROUPINGS = ("outlet", "article", "outlet_date")
EVIDENCE_PER_ITEM = 5  # sentences shown per group and term (or actor): the most clearly toned first


def _mentions(analysis: Any, table: str) -> pl.DataFrame:
    frame = getattr(analysis, table, None)
    return frame if frame is not None else schema.empty(schema.TERM_MENTIONS if table == "term_mentions"
                                                        else schema.ACTOR_MENTIONS)


def _tone_columns() -> list[pl.Expr]:
    label = pl.col("tone_label")
    journalist = pl.col("voice") == "journalist"
    return [
        pl.len().cast(pl.Int64).alias("n_mentions"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
        pl.col("tone").mean().alias("mean_tone"),
        *[(label == x).sum().cast(pl.Int64).alias(f"n_{x}") for x in schema.TONE_LABELS],
        journalist.sum().cast(pl.Int64).alias("n_journalist"),
        pl.col("tone").filter(journalist).mean().alias("mean_tone_journalist"),
    ]


def _shares() -> list[pl.Expr]:
    return [_share(f"n_{x}", "n_mentions").alias(f"share_{x}") for x in schema.TONE_LABELS]


_TONE_COLUMNS = ["n_mentions", "n_articles", "mean_tone", *[f"n_{x}" for x in schema.TONE_LABELS],
                 *[f"share_{x}" for x in schema.TONE_LABELS], "n_journalist", "mean_tone_journalist"]


def _group_words(analysis: Any, keys: list[str], period: str) -> pl.DataFrame:
    arts = _with_keys(analysis.articles, analysis.articles, period)
    return arts.group_by(keys).agg(_article_words(arts).sum().cast(pl.Int64).alias("n_words"))


def _dictionary(analysis: Any, by: str, period: str, item: list[str], what: str) -> pl.DataFrame:
    keys = _check(by, GROUPINGS, what, period)
    mentions = _with_keys(_mentions(analysis, "term_mentions"), analysis.articles, period).with_columns(
        pl.col("label").fill_null(NO_LABEL))
    extra = [pl.col("term").n_unique().cast(pl.Int64).alias("n_terms")] if item == ["label"] else []
    counted = mentions.group_by([*keys, *item]).agg(*_tone_columns(), *extra)
    out = (counted.join(_group_words(analysis, keys, period), on=keys, how="left")
           .with_columns(*_shares(), (_share("n_mentions", "n_words") * 1000).alias("per_1000_words"),
                         _share("n_mentions", pl.col("n_mentions").sum().over(keys)).alias("share_of_mentions")))
    head = ["n_terms"] if extra else []
    return out.select(*keys, *item, *head, "n_words", "per_1000_words", "share_of_mentions", *_TONE_COLUMNS).sort(
        [*keys, *item])


def term_tone(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Per group and term of terms.csv: mentions, mentions per 1,000 words, and the tone towards the term."""
    return _dictionary(analysis, by, period, ["term", "label"], "term tone")


def label_tone(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Per group and label of terms.csv (a frame, topic or camp: a dictionary): its terms' mentions, per 1,000
    words, and the tone towards them."""
    return _dictionary(analysis, by, period, ["label"], "label tone")


def actor_tone(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Per group and actor: mentions by name and the tone towards the actor (how the text speaks about them,
    apart from what they say)."""
    keys = _check(by, GROUPINGS, "actor tone", period)
    mentions = _with_keys(_mentions(analysis, "actor_mentions"), analysis.articles, period)
    item = ["actor", "actor_group", "actor_kind"]
    out = mentions.group_by([*keys, *item]).agg(*_tone_columns()).with_columns(*_shares())
    return out.select(*keys, *item, *_TONE_COLUMNS).sort([*keys, "n_mentions", *item],
                                                         descending=[False] * len(keys) + [True, False, False, False],
                                                         nulls_last=True)


def _evidence(analysis: Any, table: str, item: list[str], n: int) -> pl.DataFrame:
    mentions = _with_keys(_mentions(analysis, table), analysis.articles, "month").drop("period")
    sentences = analysis.sentences.select("article_id", "sentence_id", pl.col("text").alias("sentence"))
    # per outlet and item the `n` mentions with the largest |tone| (a tie: the lower tone, then article, offset and
    # the order they come in), each group sorted on its own: 1.1 million actor mentions at 100,000 articles, 48,000
    # kept; the other columns fetched for those only
    groups = ["outlet", *item]
    tone = pl.col("tone")
    ranked = (mentions.select(*groups, "tone", "article_id", "start").with_row_index("_row")
              .filter(tone.is_not_null())
              .group_by(groups)
              .agg(pl.col("_row").sort_by([tone.abs(), tone, "article_id", "start"],
                                          descending=[True, False, False, False], nulls_last=True,
                                          maintain_order=True).head(max(n, 0)),
                   pl.int_range(1, pl.len() + 1, dtype=pl.UInt32).head(max(n, 0)).alias("_rank"))
              .explode("_row", "_rank").drop_nulls("_row"))
    kept = mentions.rename({"text": "mention"})[ranked["_row"]].with_columns(ranked["_rank"])
    # the sentences of the kept mentions first (an inner join hashes the smaller side), then joined to them
    texts = sentences.join(kept.select("article_id", "sentence_id").unique(), on=["article_id", "sentence_id"],
                           how="inner")
    return (kept.join(texts, on=["article_id", "sentence_id"], how="left", maintain_order="left")
            .sort(["outlet", *item, "_rank"], nulls_last=True)
            .select("outlet", *item, "article_id", "sentence_id", "start", "end", "mention", "voice", "tone",
                    "tone_label", "tone_evidence", "sentence"))


def term_evidence(analysis: Any, n: int = EVIDENCE_PER_ITEM) -> pl.DataFrame:
    """The sentences behind term_tone: per outlet and term, the `n` mentions with the most clearly toned tone
    towards them (largest |tone| first), with the words that point at the mention and the whole sentence."""
    return _evidence(analysis, "term_mentions", ["term", "label"], n)


def actor_evidence(analysis: Any, n: int = EVIDENCE_PER_ITEM) -> pl.DataFrame:
    """The sentences behind actor_tone: per outlet and actor, the `n` most clearly toned mentions."""
    return _evidence(analysis, "actor_mentions", ["actor"], n)
