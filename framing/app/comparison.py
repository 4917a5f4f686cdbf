"""The first screen: the story named, and the framing comparison, one row per outlet, the figures side by side
with their uncertainty intervals (framing.aggregate.comparison)."""

from __future__ import annotations

from functools import partial

import polars as pl
import streamlit as st

from framing.aggregate.comparison import figure_evidence
from framing.app import state
from framing.app.blocks import CHART_CONFIG, View, banner, glossary, loading_problems, open_in_reader, table
from framing.present import multiples
from framing.present.charts import plot_text
from framing.present.article_html import escape
from framing.present.words import counted

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
    head = state.headline(view.corpus, view.flt)
    terms = " · ".join(head["terms"]) or "(the titles share no word)"
    span = (f"{head['date_min']:%Y-%m-%d} to {head['date_max']:%Y-%m-%d}" if head["date_min"] else "undated")
    undated = f", {head['n_undated']:,} of them undated" if head["n_undated"] and head["date_min"] else ""
    st.markdown(f"**The story:** {escape(terms)}  \n"
                f"{counted(head['n_articles'], 'article')} from {counted(head['n_outlets'], 'outlet')}, {span}{undated}")
    st.caption("The words that the most titles and opening lines share (nouns and names); the filter at the left "
               "applies here too.")


def sorted_rows(rows: pl.DataFrame, sort: str) -> pl.DataFrame:
    """The rows in the order the user picked: most articles first, or the figure's highest value first (ties and
    missing values by outlet name), one order for the chart and the table."""
    column, _ = SORTS[sort]
    key = rows.columns[0]
    return rows.sort([column, key], descending=[True, False], nulls_last=True)


def _on_dot(view: View, groups: list) -> None:
    """A clicked dot (panel = figure, y = outlet) opens the passage behind it in the reader."""
    points = st.session_state["comparison_chart"].selection.points
    if not points:
        return
    point = points[0]
    label_of = {plot_text(g): g for g in groups}
    figure = FIGURES[point.get("curve_number", 0)][0] if point.get("curve_number", 0) < len(FIGURES) else None
    group = label_of.get(point.get("y"))
    # compared by group, the groups stand in the table's outlet column (state.table), but the articles carry them
    # in their `group` column
    column = "group" if view.by == "group" else "outlet"
    found = figure_evidence(view.filtered, column, group, figure) if figure and group is not None else None
    if found is None:
        st.session_state.comparison_none = f"{group}: no passage shows {figure} (nothing of that kind was found)"
        return
    open_in_reader([view.corpus.article_id(found["article_id"])], sentence_id=found["sentence_id"], quote_id=found["quote_id"],
                   source=f"framing_comparison.{figure}")


def render(view: View) -> None:
    headline(view)
    loading_problems(view)
    rows = view.table("framing_comparison")
    if rows.is_empty():
        st.info("No articles to compare. Widen the filter.")
        return
    sort = st.selectbox("Sort groups by" if view.by == "group" else "Sort outlets by", list(SORTS), key="comparison_sort", format_func=lambda s: s.capitalize())
    rows = sorted_rows(rows, sort)
    key = rows.columns[0]
    unit = "group" if view.by == "group" else "outlet"
    banner(view)
    fig = multiples.comparison_dots(
        rows, FIGURES, f"How each {unit} frames the story (dot: the figure; bar: its 95 % interval over articles)",
        view.corpus.colours, rows[key].to_list())
    st.plotly_chart(fig, config=CHART_CONFIG, key="comparison_chart", on_select=partial(_on_dot, view,
                    rows[key].to_list()), selection_mode="points")
    st.caption(f"Click a dot to read the passage that shows it best: the {unit}'s most strongly toned or most "
               "opinionated sentence, its longest direct quotation, or the longest statement of a woman it quotes.")
    article = "an" if unit == "outlet" else "a"
    st.caption(f"A bar is missing where {article} {unit} has fewer than 5 articles. The interval shows how much a figure "
               f"could change with another sample of the {unit}'s articles; overlapping bars mean the difference "
               "may be chance.")
    shown = {"actor_mix": st.column_config.TextColumn("actor mix", width="medium"),
             "top_voices": st.column_config.TextColumn("top voices", width="large"),
             "journalist_tone": st.column_config.NumberColumn(format="%.3f")}
    if st.session_state.get("comparison_none"):
        st.info(st.session_state.pop("comparison_none"))
    table(rows, "framing_comparison", column_config=shown)
    glossary("framing_comparison.journalist_tone", "framing_comparison.share_opinionated",
             "framing_comparison.quoted_share", "framing_comparison.share_direct",
             "framing_comparison.commentary_share", "framing_comparison.share_women",
             "framing_comparison.share_gender_unknown", "framing_comparison.actor_mix",
             "framing_comparison.top_voices", "Uncertainty interval")
