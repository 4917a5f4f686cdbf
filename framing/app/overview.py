"""Overview: articles, words and section composition per outlet."""

from __future__ import annotations

import streamlit as st

from framing.app.blocks import View, banner, chart, glossary, loading_problems, table
from framing.present import charts

TITLE = "Overview"


def render(view: View) -> None:
    colours = view.corpus.colours
    overview = view.table("overview")
    composition = view.table("section_composition")
    left, right = st.columns(2)
    with left:
        banner(view)
        chart(charts.bar_by_outlet(overview, "n_articles", f"Articles per {view.unit}", colours, label="Articles",
                                   axis=view.unit.capitalize()))
    with right:
        banner(view)
        chart(charts.bar_by_outlet(overview, "n_words", f"Words per {view.unit}", colours, label="Words",
                                   axis=view.unit.capitalize()))
    table(overview, "overview")
    banner(view)
    chart(charts.stacked_share(composition, "kind", "share_chars", f"Section composition: share of each {view.unit}'s text",
                               charts.KIND_COLOURS, colours, label="Share of characters"))
    table(composition, "section_composition")
    loading_problems(view)
    glossary("Articles / words", "overview.n_undated", "Section composition")
