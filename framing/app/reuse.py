"""Text reuse: which articles share passages (agency copy), as a heatmap, a table and the passages themselves."""

from __future__ import annotations

import streamlit as st

from framing.aggregate.filters import UNKNOWN_OUTLET
from framing.app.blocks import View, arrow, banner, chart, download, glossary, pct_columns
from framing.present import charts
from framing.present.article_html import escape

TITLE = "Text reuse"


def render(view: View) -> None:
    pairs = view.table("text_reuse")
    banner(view)
    if pairs.is_empty():
        st.info("No two of the filtered articles share a passage of six words or more.")
    else:
        articles = view.corpus.decode(view.filtered.articles.select("article_id", "outlet"))
        chart(charts.reuse_heatmap(pairs, articles,
                                   "Shared text: share of the row article found in the column article (top 30)"))
    shown = pairs.drop("passages_a", "passages_b")
    st.dataframe(arrow(shown), hide_index=True, column_config=pct_columns(shown))
    download(pairs, "text_reuse")  # with the passages the table leaves out
    for row in pairs.head(20).iter_rows(named=True):
        label = (f"{row['outlet_a'] or UNKNOWN_OUTLET} ↔ {row['outlet_b'] or UNKNOWN_OUTLET}: "
                 f"{row['n_passages_a']} passage(s), {row['shared_chars_share_a'] or 0:.0%} / "
                 f"{row['shared_chars_share_b'] or 0:.0%} of the texts")
        with st.expander(escape(label)):
            for passage in row["passages_a"] or []:
                st.text(passage)
    glossary("Shared passage", "text_reuse.shared_chars_share_a", "Text reuse and the filter")
