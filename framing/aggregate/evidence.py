"""Evidence behind the figures: the most opinionated sentences in an outlet's own voice, ranked and paged, and the
labels of the article picker (every article, labelled from its real title and text).

Both read the analysis as analysed (real article text), not the integer-code tables whose text is a stand-in.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from framing.aggregate.filters import UNKNOWN_OUTLET, outlet_label
from framing.aggregate.order import sorted_by

PAGE_SIZE = 10  # sentences per page of the most-opinionated list
_COLUMNS = ("text", "outlet", "opinion", "opinion_signals", "n_signals", "kind", "tone", "article_id", "sentence_id",
            "date", "title")


def opinionated_sentences(analysis: Any, outlet: str | None = None) -> pl.DataFrame:
    """The journalist's own sentences with an opinion score, most opinionated first: a tie in the score (many
    sentences reach 1.00) is broken by the number of signals found, then by article and sentence. The sentence text
    comes first. `outlet` (a label, "(unknown outlet)" for none) keeps one outlet's; None keeps all."""
    sents = analysis.sentences
    arts = analysis.articles.select("article_id", outlet_label()).with_row_index("_article")
    if outlet is not None:
        arts = arts.filter(pl.col("outlet") == outlet)
    signals = pl.col("opinion_signals").fill_null("")
    # blank (only whitespace: strip_chars's and \s's White_Space alike) without a stripped copy of every string
    n_signals = pl.when(~signals.str.contains(r"\S")).then(0).otherwise(signals.str.count_matches(";") + 1)
    kept = sents.select(pl.col("opinion").is_not_null() & (pl.col("voice") == "journalist")).to_series()
    # ranked on the narrow columns that rank them (sorted by one packed key, order.py: 1.7 million sentences at
    # 100,000 articles), the row of each sentence and article kept; the wide columns (the text) are gathered once,
    # in the order found, instead of joined and then sorted (two wide frames: 0.3 GB more at 100,000 articles)
    found = (sents.select("article_id", "sentence_id", "opinion", "opinion_signals").with_row_index("_sentence")
             .filter(kept).with_columns(n_signals.cast(pl.Int64).alias("n_signals")).drop("opinion_signals")
             .join(arts.select("article_id", "_article"), on="article_id", how="inner"))
    found = sorted_by(found, ["opinion", "n_signals", "article_id", "sentence_id"],
                      descending=[True, True, False, False])
    # one chunk each (a no-op when read so): a gather from many chunks copies each string's bytes
    wide = sents.select("text", "opinion_signals", "kind", "tone").rechunk()[found["_sentence"]]
    about = analysis.articles.select(outlet_label(), "date", "title").rechunk()[found["_article"]]
    return pl.concat([wide, about, found.select("opinion", "n_signals", "article_id", "sentence_id")],
                     how="horizontal").select(_COLUMNS)


def page_of(df: pl.DataFrame, page: int, size: int = PAGE_SIZE) -> pl.DataFrame:
    """Rows of page `page` (1-based; clamped to the pages there are)."""
    return df.slice((min(max(page, 1), n_pages(df, size)) - 1) * size, size)


def n_pages(df: pl.DataFrame, size: int = PAGE_SIZE) -> int:
    """Pages of `size` rows (at least one, also for an empty frame)."""
    return max(1, -(-df.height // size))


def article_labels(articles: pl.DataFrame) -> dict[str, str]:
    """Picker labels "outlet · date · title" for every article, by article_id, sorted by outlet, date and id.
    The title is the article's own, else the first line of its text (at most 80 characters); the id closes the
    label so two articles with one title stay apart."""
    first_line = pl.col("text").fill_null("").str.slice(0, 300).str.strip_chars().str.split("\n").list.first()
    title = pl.coalesce(pl.col("title").str.strip_chars().replace("", None), first_line.replace("", None))
    rows = articles.sort(["outlet", "date", "article_id"], nulls_last=True).select(
        "article_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET), pl.col("date").fill_null("undated"),
        title.str.slice(0, 80).fill_null("(no text)").alias("title"))
    return {r["article_id"]: f"{r['outlet']} · {r['date']} · {r['title']} [{r['article_id']}]"
            for r in rows.iter_rows(named=True)}


def speaker_quote(analysis: Any, outlet: str, speaker: str) -> dict[str, Any] | None:
    """The longest statement of `speaker` in `outlet` (a label), quoted terms and readers left out — the evidence
    behind a cell of the who-is-quoted-where chart: {article_id, quote_id}, or None."""
    from framing import schema

    arts = analysis.articles.select("article_id", outlet_label()).filter(pl.col("outlet") == outlet)
    quotes = analysis.quotes.filter((pl.col("speaker") == speaker) & (pl.col("mode") != schema.TERM_MODE)
                                    & (pl.col("speaker_kind").fill_null("") != "reader"))
    best = quotes.join(arts, on="article_id", how="semi").sort(["n_words", "article_id", "quote_id"],
                                                                descending=[True, False, False], nulls_last=True)
    return None if best.is_empty() else {"article_id": best["article_id"][0], "quote_id": best["quote_id"][0]}
