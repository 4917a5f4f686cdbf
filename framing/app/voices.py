"""Voices: who is quoted where (speaker x outlet), share of voice by speaker group, direct vs reported speech."""

from __future__ import annotations

from functools import partial

import polars as pl
import streamlit as st

from framing.aggregate.derived import lump_categories
from framing.aggregate.tables import NO_GROUP, UNKNOWN_SPEAKER
from framing.aggregate.evidence import speaker_quote
from framing.app.blocks import CHART_CONFIG, View, banner, chart, glossary, open_in_reader, table
from framing.present import charts, gender_chart

TITLE = "Voices"
OTHER_GROUPS = "(other groups)"


def _on_cell(view: View, named: pl.DataFrame) -> None:
    """A clicked cell (x = outlet, y = speaker, both as plotted) opens the speaker's longest statement there."""
    points = st.session_state["voices_heatmap"].selection.points
    if not points:
        return
    outlets = {charts.plot_text(o): o for o in named["outlet"].unique().to_list()}
    speakers = {charts.plot_text(s): s for s in named["speaker"].unique().to_list()}
    outlet, speaker = outlets.get(points[0].get("x")), speakers.get(points[0].get("y"))
    found = speaker_quote(view.filtered, outlet, speaker) if outlet and speaker else None
    if found is not None:
        open_in_reader([view.corpus.article_id(found["article_id"])], quote_id=found["quote_id"],
                       source="quoted_actors")


def render(view: View) -> None:
    colours = view.corpus.colours
    actors = view.table("quoted_actors")
    groups = view.table("speaker_groups")
    if actors.is_empty():
        st.info("No quotations in the filtered articles. Widen the filter (speakers, groups, voices, sections).")
        return
    banner(view)
    # "(unknown speaker)" would dominate every column; anonymous sources ("Forscher", "Experten") are nobody's name
    named = actors.filter((pl.col("speaker") != UNKNOWN_SPEAKER) & (pl.col("speaker_kind") != "anonymous"))
    st.plotly_chart(charts.actor_heatmap(named, f"Who is quoted where: share of each {view.unit}'s quoted words (the "
                                                "20 most quoted people and institutions)"), config=CHART_CONFIG,
                    key="voices_heatmap",
                    on_select=partial(_on_cell, view, named), selection_mode="points")
    st.caption(f"Click a cell to read that speaker's longest statement in that {view.unit}.")
    table(actors, "quoted_actors")
    left, right = st.columns(2)
    with left:
        banner(view)
        lumped = lump_categories(groups, "speaker_group", "share_of_voice_in_outlet", always=(NO_GROUP,),
                                 other=OTHER_GROUPS)
        group_colours = {**charts.category_colours(set(lumped["speaker_group"]) - {OTHER_GROUPS}),
                         OTHER_GROUPS: "#C7C7C7"}
        chart(charts.stacked_share(lumped, "speaker_group", "share_of_voice_in_outlet",
                                   "Share of voice by speaker group (the nine largest)", group_colours, colours,
                                   label="Share of quoted words", width=charts.HALF_WIDTH))
        st.caption(_groups_hint(groups))
        table(groups, "speaker_groups")
    with right:
        banner(view)
        modes = view.table("quote_modes")
        chart(charts.stacked_share(modes, "mode", "share_quotes", "Direct vs reported speech", charts.MODE_COLOURS,
                                   colours, label="Share of quotes", width=charts.HALF_WIDTH))
        table(modes, "quote_modes")
    glossary("Share of voice", "direct / partial / indirect", "Speaker group", "Outlet group")
    gender_block(view)


def _groups_hint(groups: pl.DataFrame) -> str:
    """How much of the quoted text has no known group, and how to name the groups of this story's actors."""
    words = groups["quoted_words"].sum() if "quoted_words" in groups.columns else 0
    none = groups.filter(pl.col("speaker_group") == NO_GROUP)["quoted_words"].sum() if words else 0
    share = none / words if words else 0.0
    hint = (" An actors file (`actors.csv` in the corpus folder, columns canonical, aliases, group, type; "
            "docs/speakers.md) gives this story's actors their party, country or camp." if share > 0.5 else "")
    return (f"Groups come from the gazetteer and from what the text says (`CSU-Chef`, `der russische Minister`); "
            f"{share:.0%} of the quoted words are by speakers without a known group.{hint}")


def gender_block(view: View) -> None:
    """Whose voices: the share of women among each outlet's quoted people, its interval and the unknowns (#20)."""
    people = view.table("quoted_gender")
    if people.is_empty():
        return
    st.subheader("Quoted people by gender")
    banner(view)
    chart(gender_chart.women_share(people, "Women among the quoted people of known gender (95 % interval), and "
                                           "people of unknown gender", view.corpus.colours))
    table(people, "quoted_gender")
    glossary("quoted_gender.share_women", "quoted_gender.share_women_low", "quoted_gender.share_unknown")
