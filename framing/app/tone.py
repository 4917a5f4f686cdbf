"""Tone: journalist / quoted / reader tone per outlet, its distribution, and textblob-de beside our score."""

from __future__ import annotations

from framing.app.blocks import View, banner, chart, glossary, table
from framing.present import charts, multiples

TITLE = "Tone"


def render(view: View) -> None:
    colours = view.corpus.colours
    tone = view.table("tone_by_voice")
    banner(view)
    chart(charts.grouped_by_outlet(tone, "voice", "mean_tone", "Mean tone by voice: journalist, quoted speakers, readers",
                                   colours, label="Mean tone (−1 … +1)"))
    table(tone, "tone_by_voice")
    # Full width, one panel per outlet: 13 overlaid lines (or 26 dots at the origin) did not read.
    banner(view)
    distribution = view.table("tone_distribution")
    chart(multiples.tone_histograms(distribution, "Distribution of sentence tone", colours))
    table(distribution, "tone_distribution")
    banner(view)
    chart(multiples.tone_dots(tone, "Our tone beside textblob-de (mean per sentence)", colours))
    table(view.table("tone_vs_textblob"), "tone_vs_textblob")
    glossary("Tone", "Voice", "tone_by_voice.mean_tone", "tone_by_voice.share_positive", "textblob-de polarity")
