"""The first screen: the story named, and the framing comparison, one row per outlet, the figures side by side
with their uncertainty intervals (framing.aggregate.comparison)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.aggregate.comparison import corpus_headline
from framing.app.blocks import View, banner, chart, glossary, table
from framing.present import multiples
from framing.present.article_html import escape

TITLE = "Comparison"
# column, panel title, percent? — the figures drawn, in the order a reader compares them
FIGURES = (
    ("journalist_tone", "Tone of own words", False),
    ("share_opinionated", "Opinionated", True),
    ("quoted_share", "Text quoted", True),
    ("share_direct", "Direct quotes", True),
    ("commentary_share", "Commentary", True),
    ("share_women", "Women quoted", True),
)
SORTS = {"articles": ("n_articles", True), **{name.lower(): (column, False) for column, name, _ in FIGURES}}


def headline(view: View) -> None:
    """The story and the corpus in one line: most frequent title words, articles, outlets and dates."""
    # the real titles and texts (the filtered tables carry a stand-in text): the analysed articles the filter keeps
    kept = view.corpus.decode(view.filtered.articles.select("article_id"))
    head = corpus_headline(view.corpus.analysis.articles.join(kept, on="article_id", how="semi"))
    terms = " · ".join(head["terms"]) or "(the titles share no word)"
    span = (f"{head['date_min']:%Y-%m-%d} to {head['date_max']:%Y-%m-%d}" if head["date_min"] else "undated")
    undated = f", {head['n_undated']:,} of them undated" if head["n_undated"] and head["date_min"] else ""
    st.markdown(f"**The story:** {escape(terms)}  \n"
                f"{head['n_articles']:,} articles from {head['n_outlets']:,} outlets, {span}{undated}")
    st.caption("The words that the most titles and opening lines share (nouns and names); the filter at the left "
               "applies here too.")


def sorted_rows(rows: pl.DataFrame, sort: str) -> pl.DataFrame:
    """The rows in the order the user picked: most articles first, or the figure's highest value first (ties and
    missing values by outlet name), one order for the chart and the table."""
    column, _ = SORTS[sort]
    key = rows.columns[0]
    return rows.sort([column, key], descending=[True, False], nulls_last=True)


def render(view: View) -> None:
    headline(view)
    rows = view.table("framing_comparison")
    if rows.is_empty():
        st.info("No articles to compare. Widen the filter.")
        return
    sort = st.selectbox("Sort outlets by", list(SORTS), key="comparison_sort", format_func=lambda s: s.capitalize())
    rows = sorted_rows(rows, sort)
    key = rows.columns[0]
    banner(view)
    chart(multiples.comparison_dots(
        rows, FIGURES, "How each outlet frames the story (dot: the figure; bar: its 95 % interval over articles)",
        view.corpus.colours, rows[key].to_list()))
    st.caption("A bar is missing where an outlet has fewer than 5 articles. The interval shows how much a figure "
               "could change with another sample of the outlet's articles; overlapping bars mean the difference "
               "may be chance.")
    shown = {"actor_mix": st.column_config.TextColumn("actor mix", width="medium"),
             "top_voices": st.column_config.TextColumn("top voices", width="large"),
             "journalist_tone": st.column_config.NumberColumn(format="%.3f")}
    table(rows, "framing_comparison", column_config=shown)
    glossary("framing_comparison.journalist_tone", "framing_comparison.share_opinionated",
             "framing_comparison.quoted_share", "framing_comparison.share_direct",
             "framing_comparison.commentary_share", "framing_comparison.share_women",
             "framing_comparison.share_gender_unknown", "framing_comparison.actor_mix",
             "framing_comparison.top_voices", "Uncertainty interval")
