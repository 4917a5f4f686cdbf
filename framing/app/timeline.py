"""Over time: per week or month (chosen from the dates, switchable) the tone of the journalist's own words, their
share of opinionated sentences, the quoted share of the text and the voices quoted most, per outlet; articles
without a precise enough date are counted apart."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.aggregate.timeline import choose_period, off_axis_note, undated_counts
from framing.app.blocks import View, banner, chart, glossary, table
from framing.present import multiples

TITLE = "Over time"
METRICS = (  # column, chart title, axis label, percent
    ("journalist_tone", "Tone of the journalist's own words", "mean tone (−1 … +1)", False),
    ("share_opinionated", "Opinionated sentences in the outlet's own voice", "share of journalist sentences", True),
    ("quoted_share", "Share of the text that is quoted", "share of characters", True),
    ("share_women", "Women among the quoted people of known gender", "share of people", True),
)


def _apart(view: View, period: str) -> None:
    """Say how many articles are not on the time axis, and why."""
    articles = view.corpus.decode(view.filtered.articles.select("article_id", "outlet", "date_first", "date_last"))
    note = off_axis_note(undated_counts(articles, period), period)
    if note:
        st.info(note)


def render(view: View) -> None:
    articles = view.filtered.articles
    dated = articles.filter(pl.col("date_first").is_not_null())
    if dated.is_empty():
        banner(view)
        st.info("None of the filtered articles has a date, so there is nothing to draw over time. Dates come from "
                "a manifest, the file's metadata or a date line in the text (see the README).")
        return
    chosen = choose_period(dated["date_first"].min(), dated["date_last"].max())
    period = st.segmented_control("Period", ("week", "month"), default=chosen, key="time_period",
                                  help=f"Chosen from the dates' span ({chosen} here); switch at will.") or chosen
    over_time = view.table("over_time", period)
    _apart(view, period)
    # One figure at a time: at 13 outlets each is 13 panels, and the browser took 3-4 s to lay out all four
    # (bench/RESULTS.md); the table below holds every figure.
    titles = [title for _, title, _, _ in METRICS]
    shown_title = st.segmented_control("Figure", titles, default=titles[0], key="time_metric",
                                       help="Which figure to draw; the table below holds all of them.") or titles[0]
    column, title, label, percent = METRICS[titles.index(shown_title)]
    banner(view)
    chart(multiples.time_lines(over_time, column, f"{title}, per {period}", view.corpus.colours, label=label,
                               percent=percent, unit=view.unit))
    st.caption(f"An open circle is a {period} with fewer than {multiples.FEW_ARTICLES} articles of that {view.unit}: one "
               "article's figure, read it with care. Hover a point for its number of articles.")
    st.markdown(f"##### Per {view.unit} and {period}: the figures and the voices quoted most")
    first = ["outlet", "period_start", "n_articles", "journalist_tone", "share_opinionated", "quoted_share",
             "share_women", "top_voices"]
    shown = over_time.select(*first, *[c for c in over_time.columns if c not in first])  # the charted figures first
    table(shown, "over_time", column_config={"top_voices": st.column_config.TextColumn(width="large")})
    glossary("over_time.journalist_tone", "over_time.share_opinionated", "over_time.quoted_share",
             "over_time.share_women", "over_time.top_voices", "over_time.period_start")
