"""The genre block: per outlet, the share of articles by genre and the own-voice opinion share of reports beside
commentary, with the `genre_profile` table. A block of its own, so that any page can show it."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing import schema
from framing.app.blocks import View, banner, chart, table
from framing.present import charts, multiples

# Genres whose own voice is compared: opinion in the news against opinion in the opinion pieces.
COMPARED = ("report", "agency", "commentary", "guest", "analysis", "interview")


def genre_colours() -> dict[str, str]:
    """One colour per genre, in the order of schema.GENRES; `unknown` grey."""
    return charts.category_colours(schema.GENRES, none_label="unknown")


def opinion_by_genre(profile: pl.DataFrame) -> pl.DataFrame:
    """The rows of a `genre_profile` table whose genre is compared (COMPARED), in that order, for the chart."""
    order = {genre: i for i, genre in enumerate(COMPARED)}
    return (profile.filter(pl.col("genre").is_in(COMPARED) & (pl.col("n_sentences_own") > 0))
            .with_columns(pl.col("genre").replace_strict(order, default=len(order)).alias("_order"))
            .sort("outlet", "_order").drop("_order"))


def render_genre_block(view: View) -> None:
    """Two charts and the table of `genre_profile`; the page's glossary explains its columns
    (`genre_profile.*`)."""
    profile = view.table("genre_profile")
    st.markdown(f"##### Genres: what kind of articles each {view.unit} runs")
    left, right = st.columns(2)
    with left:
        banner(view)
        chart(charts.stacked_share(profile, "genre", "share_articles", "Articles by genre", genre_colours(),
                                   view.corpus.colours, label="Share of articles", width=charts.HALF_WIDTH))
    with right:
        banner(view)
        chart(multiples.dots(opinion_by_genre(profile), "genre", (("share_opinionated_own", "opinionated",
                                                                    "circle"),),
                             "Opinionated own-voice sentences, by genre", view.corpus.colours, percent=True,
                             panel_order=COMPARED))
        st.caption("The outlet's own sentences only: an interview's answers are the interviewee's.")
    table(profile, "genre_profile")
