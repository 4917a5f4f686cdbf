"""Figures for many outlets: small multiples past a few outlets, a date axis, every tone bin (the zero bin apart),
dots zoomed to the values, the outlet matrix; labels escaped."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl
import pytest

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


@pytest.mark.parametrize("outlets", [["A", "B"], [f"O{i:02d}" for i in range(13)]])
def test_a_period_of_few_articles_is_an_open_circle(outlets):
    frame = over_time(outlets).with_columns(
        pl.when(pl.col("period_start") == dt.date(2025, 2, 1)).then(1).otherwise(5).alias("n_articles"))
    fig = multiples.time_lines(frame, "journalist_tone", "Tone", outlet_colours(outlets), label="tone")
    lines = [t for t in fig.data if t.mode == "lines+markers"]
    assert len(lines) == len(outlets)
    assert all(list(t.marker.symbol) == ["circle", "circle-open", "circle"] for t in lines)
    assert list(lines[0].customdata) == [5, 1, 5]  # the hover says how many articles


def test_many_outlets_get_one_panel_each():
    outlets = [f"O{i:02d}" for i in range(13)]
    fig = multiples.time_lines(over_time(outlets), "journalist_tone", "Tone", outlet_colours(outlets), label="tone")
    titles = [a.text for a in fig.layout.annotations]
    assert titles == outlets
    # each panel: the outlet in its colour and the twelve others in one grey trace, their lines apart by gaps
    assert len(fig.data) == 2 * 13
    highlighted = [t for t in fig.data if t.line.color != multiples.CONTEXT_COLOUR]
    assert [t.name for t in highlighted] == outlets
    context = fig.data[0]
    assert len(context.x) == 12 * (3 + 1) and context.x[3] is None
    assert fig.layout.xaxis.type == "date" and fig.layout.height >= 4 * multiples.PANEL_HEIGHT


def test_tone_histograms_show_every_bin_and_the_zero_bin_in_grey():
    distribution = tone_distribution(small_corpus())
    fig = multiples.tone_histograms(distribution, "Tone", outlet_colours(distribution["outlet"]))
    assert len(fig.data) == distribution["outlet"].n_unique()
    bars = fig.data[0]
    assert len(bars.x) == 11 and "0 exactly" in bars.x
    assert bars.marker.color[list(bars.x).index("0 exactly")] == multiples.ZERO_BIN_COLOUR
    assert 0 in bars.y  # empty bins are drawn as zero, not skipped


def test_tone_dots_keep_the_tables_outlet_order_and_zoom():
    tone = tone_by_voice(small_corpus())
    colours = outlet_colours(tone["outlet"])
    fig = multiples.tone_dots(tone, "Tone", colours)
    assert list(fig.layout.yaxis.categoryarray) == [o for o in colours if o in set(tone["outlet"])]
    assert fig.layout.yaxis.autorange == "reversed"  # first outlet on top, as in the table
    assert fig.layout.xaxis.range is None  # zoomed to the values, not fixed at -1..1
    assert {t.name for t in fig.data} == {"our tone", "textblob-de"}
    assert [a.text for a in fig.layout.annotations] == ["journalist", "quoted", "reader"]
    assert fig.layout.legend.y < 0  # under the panels, clear of the titles


def test_outlet_matrix_cells():
    df = pl.DataFrame({"outlet": ["X", "Y"], "other_outlet": ["Y", "X"], "share_shared": [0.2, 0.8]})
    fig = multiples.outlet_matrix(df, "Reuse", ["X", "Y"])
    assert list(fig.data[0].x) == ["X", "Y"] and [list(r) for r in fig.data[0].z] == [[None, 0.2], [0.8, None]]


@pytest.mark.parametrize("n", range(1, 41))
def test_small_multiples_lay_out_any_number_of_outlets(n):
    """Every panel's domain lies inside [0, 1]: plotly refuses −2.8e-17 (a rounding error at 9 to 12 panels),
    which crashed the Tone and Over time views."""
    from framing.present.multiples import _panels

    for title_space in (0.0, 0.35):
        layout, _, _ = _panels(n, [str(i) for i in range(n)], x={}, y={}, title_space=title_space)
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")):
                assert 0.0 <= axis["domain"][0] <= axis["domain"][1] <= 1.0, (name, axis["domain"])
    frame = pl.DataFrame({"outlet": [f"o{i}" for i in range(n) for _ in range(3)],
                          "period_start": [dt.date(2025, m, 1) for _ in range(n) for m in (1, 2, 3)],
                          "journalist_tone": [0.1] * (3 * n), "n_articles": [1] * (3 * n)})
    go.Figure(multiples.time_lines(frame, "journalist_tone", "t", {}, label="tone"))  # plotly validates it
