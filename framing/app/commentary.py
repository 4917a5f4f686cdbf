"""Commentary: opinion per outlet and section kind, where the outlet speaks, the most opinionated sentences."""

from __future__ import annotations

import streamlit as st

from framing.aggregate.derived import commentary_long, text_share_long
from framing.app.blocks import View, banner, chart, glossary, table
from framing.app.genres import render_genre_block
from framing.present import charts

TITLE = "Commentary"


def render(view: View) -> None:
    colours = view.corpus.colours
    profile = view.table("commentary_profile")
    left, right = st.columns(2)
    with left:
        banner(view)
        chart(charts.grouped_by_outlet(commentary_long(profile), "kind", "share_opinionated",
                                       "Opinionated sentences in the outlet's own voice", colours,
                                       label="Share of journalist sentences", percent=True, x_label="Section kind"))
    with right:
        banner(view)
        chart(charts.stacked_share(text_share_long(profile), "kind", "share_text", "Where the outlet speaks: share of text",
                                   charts.KIND_COLOURS, colours, label="Share of characters"))
    table(profile, "commentary_profile")
    render_genre_block(view)
    banner(view)
    st.markdown("##### The most opinionated sentences")
    table(view.table("most_opinionated"), "most_opinionated", column_config={
        "opinion": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f"),
        "text": st.column_config.TextColumn(width="large")})
    glossary("Opinion", "commentary_profile.share_opinionated_reporting", "commentary_profile.share_commentary",
             "genre_profile.genre", "genre_profile.share_words", "genre_profile.share_opinionated_own",
             "genre_profile.share_interviewee_words")
