"""Text reuse: how much of each outlet's text it shares with each other outlet (agency copy run by several), the
article pairs behind it (a row opens both articles side by side) and the passages themselves."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.aggregate.evidence import article_labels
from framing.aggregate.filters import UNKNOWN_OUTLET
from framing.aggregate.reuse_matrix import outlet_reuse
from framing.app.blocks import View, banner, chart, evidence_table, glossary, table
from framing.present import multiples
from framing.present.article_html import escape

TITLE = "Text reuse"
PASSAGES_SHOWN = 20  # article pairs whose passages are listed below the table


def _pairs_shown(pairs: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The pairs with each article named (outlet · date · title), not by its id alone."""
    labels = article_labels(articles)
    named = pl.DataFrame({"article_id": list(labels), "_label": list(labels.values())},
                         schema={"article_id": pl.String, "_label": pl.String})
    return (
        pairs.drop("passages_a", "passages_b")
        .join(named.rename({"article_id": "article_a", "_label": "article_a_label"}), on="article_a", how="left")
        .join(named.rename({"article_id": "article_b", "_label": "article_b_label"}), on="article_b", how="left")
        .select("article_a_label", "article_b_label", "shared_chars_share_a", "shared_chars_share_b",
                *[c for c in pairs.columns if c not in ("passages_a", "passages_b", "shared_chars_share_a",
                                                        "shared_chars_share_b")])
    )


def render(view: View) -> None:
    n = view.filtered.articles.height
    with st.spinner(f"Finding the passages {n:,} articles share (once per corpus; a few seconds per thousand "
                    "articles) …"):
        pairs = view.table("text_reuse")
    kept = view.corpus.decode(view.filtered.articles.select("article_id"))["article_id"].implode()
    articles = view.corpus.analysis.articles.filter(pl.col("article_id").is_in(kept))
    banner(view)
    if pairs.is_empty():
        st.info("No two of the filtered articles share a passage of six words or more.")
    matrix = outlet_reuse(pairs, articles)
    outlets = sorted(articles.select(pl.col("outlet").fill_null(UNKNOWN_OUTLET))["outlet"].unique().to_list())
    if not pairs.is_empty():
        chart(multiples.outlet_matrix(matrix, "Shared text: share of the row outlet's text found in the column "
                                      "outlet's articles", outlets))
    table(matrix, "outlet_reuse")
    st.markdown("##### The article pairs")
    involved = articles.filter(pl.col("article_id").is_in(pl.concat([pairs["article_a"], pairs["article_b"]]).implode()))
    evidence_table(_pairs_shown(pairs, involved), "text_reuse", download_df=pairs, column_config={
        "article_a_label": st.column_config.TextColumn("article A", width="medium"),
        "article_b_label": st.column_config.TextColumn("article B", width="medium")})
    for row in pairs.head(PASSAGES_SHOWN).iter_rows(named=True):
        label = (f"{row['outlet_a'] or UNKNOWN_OUTLET} ↔ {row['outlet_b'] or UNKNOWN_OUTLET}: "
                 f"{row['n_passages_a']} passage(s), {row['shared_chars_share_a'] or 0:.0%} / "
                 f"{row['shared_chars_share_b'] or 0:.0%} of the texts")
        with st.expander(escape(label)):
            for passage in row["passages_a"] or []:
                st.text(passage)
    glossary("Shared passage", "text_reuse.shared_chars_share_a", "outlet_reuse.share_shared",
             "Text reuse and the filter")
