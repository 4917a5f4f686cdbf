"""Commentary: opinion per outlet and section kind, where the outlet speaks, the most opinionated sentences."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.aggregate.derived import commentary_long, text_share_long
from framing.aggregate.evidence import PAGE_SIZE, n_pages, page_of
from framing.app.blocks import View, banner, chart, evidence_table, glossary, table
from framing.app.genres import render_genre_block
from framing.present import charts, multiples

TITLE = "Commentary"
ALL_OUTLETS = "All outlets"


def _opinionated(view: View) -> None:
    """The outlet's own most opinionated sentences, the sentence first, per outlet, ten to a page; a row opens its
    article at that sentence."""
    ranked = view.table("opinionated_sentences")
    outlets = sorted(ranked["outlet"].unique().to_list())
    left, right = st.columns([3, 1])
    outlet = left.selectbox("Outlet", [ALL_OUTLETS, *outlets], key="op_outlet")
    shown = ranked if outlet == ALL_OUTLETS else ranked.filter(pl.col("outlet") == outlet)
    pages = n_pages(shown)
    page = right.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1, step=1, key="op_page")
    rows = page_of(shown, int(page))
    st.caption(f"Sentences {min((int(page) - 1) * PAGE_SIZE + 1, shown.height):,}–"
               f"{min(int(page) * PAGE_SIZE, shown.height):,} of {shown.height:,} in the journalist's own voice; "
               "the download holds every page.")
    evidence_table(rows, "opinionated_sentences", download_df=shown, column_config={
        "text": st.column_config.TextColumn("sentence", width="large"),
        "opinion": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f")})


def render(view: View) -> None:
    colours = view.corpus.colours
    profile = view.table("commentary_profile")
    left, right = st.columns(2)
    with left:
        banner(view)
        # a dot per outlet, a panel per section kind: 13 bars side by side in each kind did not read
        chart(multiples.dots(commentary_long(profile), "kind", (("share_opinionated", "opinionated", "circle"),),
                             "Opinionated sentences in the outlet's own voice, by section kind", colours,
                             percent=True, panel_order=("reporting", "commentary")))
    with right:
        banner(view)
        chart(charts.stacked_share(text_share_long(profile), "kind", "share_text", "Where the outlet speaks: share of text",
                                   charts.KIND_COLOURS, colours, label="Share of characters", width=charts.HALF_WIDTH))
    table(profile, "commentary_profile")
    render_genre_block(view)
    banner(view)
    st.markdown("##### The most opinionated sentences")
    _opinionated(view)
    glossary("Opinion", "commentary_profile.share_opinionated_reporting", "commentary_profile.share_commentary",
             "genre_profile.genre", "genre_profile.share_words", "genre_profile.share_opinionated_own",
             "genre_profile.share_interviewee_words")
