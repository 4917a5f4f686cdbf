"""Figures for many outlets: small multiples past a few outlets, a date axis, every tone bin (the zero bin apart),
dots zoomed to the values, the outlet matrix; labels escaped."""

from __future__ import annotations

import datetime as dt

import polars as pl

from framing.aggregate.tables import tone_by_voice, tone_distribution
from framing.present import multiples
from framing.present.charts import outlet_colours

from tests.helpers.frames import small_corpus


def over_time(outlets: list[str]) -> pl.DataFrame:
    return pl.DataFrame([{"outlet": o, "period_start": dt.date(2025, m, 1), "n_articles": 2, "journalist_tone": 0.1 * m}
                         for o in outlets for m in (1, 2, 3)])


def test_few_outlets_share_one_chart_with_a_date_axis():
    outlets = ["A", "B", "<b>C</b>"]
    fig = multiples.time_lines(over_time(outlets), "journalist_tone", "Tone", outlet_colours(outlets), label="tone")
    assert [t.name for t in fig.data] == ["&lt;b&gt;C&lt;/b&gt;", "A", "B"]  # the colours' order
    assert fig.layout.xaxis.type == "date"
    assert fig.data[0].x[0] == dt.date(2025, 1, 1)


def test_many_outlets_get_one_panel_each():
    outlets = [f"O{i:02d}" for i in range(13)]
    fig = multiples.time_lines(over_time(outlets), "journalist_tone", "Tone", outlet_colours(outlets), label="tone")
    titles = [a.text for a in fig.layout.annotations]
    assert titles == outlets
    # each panel: the outlet in its colour and the twelve others in grey
    assert len(fig.data) == 13 * 13
    highlighted = [t for t in fig.data if t.line.color != "#DDDDDD"]
    assert [t.name for t in highlighted] == outlets
    assert fig.layout.xaxis.type == "date" and fig.layout.height >= 4 * multiples.PANEL_HEIGHT


def test_tone_histograms_show_every_bin_and_the_zero_bin_in_grey():
    distribution = tone_distribution(small_corpus())
    fig = multiples.tone_histograms(distribution, "Tone", outlet_colours(distribution["outlet"]))
    assert len(fig.data) == distribution["outlet"].n_unique()
    bars = fig.data[0]
    assert len(bars.x) == 11 and "0 exactly" in bars.x
    assert bars.marker.color[list(bars.x).index("0 exactly")] == multiples.ZERO_BIN_COLOUR
    assert 0 in bars.y  # empty bins are drawn as zero, not skipped


def test_tone_dots_sort_outlets_by_the_journalists_tone_and_zoom():
    tone = tone_by_voice(small_corpus())
    fig = multiples.tone_dots(tone, "Tone", outlet_colours(tone["outlet"]))
    journalist = tone.filter(pl.col("voice") == "journalist").sort("mean_sentence_tone")["outlet"].to_list()
    assert list(fig.layout.yaxis.categoryarray)[:len(journalist)] == journalist
    assert fig.layout.xaxis.range is None  # zoomed to the values, not fixed at -1..1
    assert {t.name for t in fig.data} == {"our tone", "textblob-de"}


def test_outlet_matrix_cells():
    df = pl.DataFrame({"outlet": ["X", "Y"], "other_outlet": ["Y", "X"], "share_shared": [0.2, 0.8]})
    fig = multiples.outlet_matrix(df, "Reuse", ["X", "Y"])
    assert list(fig.data[0].x) == ["X", "Y"] and [list(r) for r in fig.data[0].z] == [[None, 0.2], [0.8, None]]
