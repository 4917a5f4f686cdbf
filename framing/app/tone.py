"""Tone: journalist / quoted / reader tone per outlet, its distribution, and textblob-de beside our score."""

from __future__ import annotations

import streamlit as st

from framing.app.blocks import View, banner, chart, glossary, table
from framing.present import charts

TITLE = "Tone"


def render(view: View) -> None:
    colours = view.corpus.colours
    tone = view.table("tone_by_voice")
    banner(view)
    chart(charts.grouped_by_outlet(tone, "voice", "mean_tone", "Mean tone by voice: journalist, quoted speakers, readers",
                                   colours, label="Mean tone (−1 … +1)"))
    table(tone, "tone_by_voice")
    left, right = st.columns(2)
    with left:
        banner(view)
        distribution = view.table("tone_distribution")
        chart(charts.tone_histogram(distribution, "Distribution of sentence tone", colours))
        table(distribution, "tone_distribution")
    with right:
        banner(view)
        chart(charts.tone_vs_textblob(tone, "Our tone beside textblob-de", colours))
        table(view.table("tone_vs_textblob"), "tone_vs_textblob")
    glossary("Tone", "Voice", "tone_by_voice.mean_tone", "tone_by_voice.share_positive", "textblob-de polarity")
