"""Actors: the named voices each outlet quotes most, the kinds of speaker per outlet, one actor's profile (which
outlets quote them, how often, directly or reported, in what tone), and the voices only one outlet quotes."""

from __future__ import annotations

import re

import polars as pl
import streamlit as st

from framing import schema
from framing.aggregate.actors import UNKNOWN_SPEAKER, actor_profile, exclusive_voices, top_speakers
from framing.app.blocks import View, banner, chart, glossary, table
from framing.present import charts

TITLE = "Actors"


def _profile(view: View, actors: pl.DataFrame) -> None:
    """One actor: per outlet the quotes by mode (a chart) and the tone of their quoted words (the table)."""
    totals = (actors.filter(pl.col("speaker") != UNKNOWN_SPEAKER).group_by("speaker")
              .agg(pl.col("n_quotes").sum()).sort(["n_quotes", "speaker"], descending=[True, False]))
    if totals.is_empty():
        return
    names = totals["speaker"].to_list()
    speaker = st.selectbox(f"Profile of an actor (type to search {len(names):,} named speakers, most quoted first)",
                           names, key="actor_profile")
    profile = actor_profile(view.table("quote_tone"), speaker)
    modes = profile.select("outlet", *[f"n_{m}" for m in schema.QUOTE_MODES]).unpivot(
        index="outlet", variable_name="mode", value_name="n").with_columns(pl.col("mode").str.strip_prefix("n_"))
    banner(view)
    # Counts, not shares, in the table's order (most quotes first): shares drew every outlet's bar full length,
    # so an outlet quoting them twice looked like one quoting them eleven times
    chart(charts.stacked_share(modes, "mode", "n", f"{speaker}: how often each {view.unit} quotes them, and how",
                               charts.MODE_COLOURS, view.corpus.colours, label="Quotes", counts=True,
                               order=profile["outlet"].to_list()))
    slug = re.sub(r"\W+", "_", speaker.lower()).strip("_") or "speaker"
    table(profile, f"profile_{slug}", column_config={
        "mean_quote_tone": st.column_config.NumberColumn("tone of their quotes", format="%+.2f")})


def render(view: View) -> None:
    colours = view.corpus.colours
    actors = view.table("quoted_actors")
    if actors.is_empty():
        banner(view)
        st.info("No quotations in the filtered articles. Widen the filter (speakers, groups, voices, sections).")
        return
    named = actors.filter(pl.col("speaker") != UNKNOWN_SPEAKER)
    banner(view)
    chart(charts.actor_heatmap(named, f"Who is quoted where: share of each {view.unit}'s quoted words "
                                      "(top 20 named speakers; unknown speakers left out)"))
    st.markdown(f"##### The five voices each {view.unit} quotes most")
    table(top_speakers(actors), "top_speakers")
    types = view.table("speaker_types")
    banner(view)
    chart(charts.stacked_share(types, "speaker_type", "share_of_voice_in_outlet", "Who speaks: speaker types",
                               charts.category_colours(schema.SPEAKER_TYPES, none_label="unknown"), colours,
                               label="Share of quoted words"))
    table(types, "speaker_types")
    st.markdown("##### An actor's profile")
    _profile(view, actors)
    st.markdown(f"##### Voices only one {view.unit} quotes (at least twice)")
    table(exclusive_voices(actors), "exclusive_voices")
    glossary("top_speakers.rank", "quote_tone.mean_quote_tone", "exclusive_voices.outlet", "Share of voice")
