"""Figures that stay readable from 2 to 30 outlets: lines over time (overlaid for a few outlets, small multiples for
more), the tone histogram as small multiples, our tone beside textblob-de as a dot plot per outlet, and the outlet x
outlet text-reuse matrix.

Pure functions of comparison tables, like framing.present.charts (whose colours and escaping they use); nothing
here imports Streamlit.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from framing.present.charts import UNKNOWN_COLOUR, _outlet_order, _plot_frame, _style, plot_text

OVERLAY_MAX = 4  # up to this many outlets share one chart; more get one small panel each
PANEL_COLUMNS = 4  # small multiples per row
PANEL_HEIGHT = 150  # pixels per row of small multiples
ZERO_BIN_COLOUR = "#7F7F7F"  # the bin of tone exactly 0: sentences without any sentiment word


def _grid(n: int) -> tuple[int, int]:
    columns = min(PANEL_COLUMNS, max(n, 1))
    return math.ceil(max(n, 1) / columns), columns


def time_lines(df: pl.DataFrame, value: str, title: str, colours: dict[str, str], *, label: str,
               percent: bool = False, overlay_max: int = OVERLAY_MAX) -> go.Figure:
    """`value` per period (an `over_time` table: outlet, period_start, value) as lines on a date axis: one chart
    with a line per outlet for up to `overlay_max` outlets, else small multiples (one panel per outlet, shared
    axes, the other outlets as faint grey lines for context)."""
    data = _plot_frame(df, ["outlet"]).filter(pl.col(value).is_not_null()).sort("outlet", "period_start")
    outlets = _outlet_order(colours, data["outlet"].unique().to_list())
    fmt = ".0%" if percent else ".2f"
    series = {o: data.filter(pl.col("outlet") == o) for o in outlets}

    def line(o: str, **kwargs) -> go.Scatter:
        part = series[o]
        kwargs.setdefault("hovertemplate", f"{o}, %{{x|%Y-%m-%d}}: %{{y:{fmt}}} (%{{customdata}} articles)<extra></extra>")
        return go.Scatter(x=part["period_start"].to_list(), y=part[value].to_list(), name=o, mode="lines+markers",
                          customdata=part["n_articles"].to_list() if "n_articles" in part.columns else None, **kwargs)

    if len(outlets) <= overlay_max:
        fig = go.Figure([line(o, line={"color": colours.get(o, UNKNOWN_COLOUR)}, marker={"size": 6}) for o in outlets])
        fig.update_xaxes(type="date", title={"text": ""})
        fig.update_yaxes(title={"text": label}, tickformat=fmt)
        fig = _style(fig, title, height=340)
        fig.update_layout(margin={"t": 80}, legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"})
        return fig
    rows, columns = _grid(len(outlets))
    fig = make_subplots(rows=rows, cols=columns, shared_xaxes=True, shared_yaxes=True,
                        subplot_titles=outlets, vertical_spacing=0.5 / rows, horizontal_spacing=0.03)
    for i, o in enumerate(outlets):
        row, col = i // columns + 1, i % columns + 1
        for other in outlets:
            if other != o:
                fig.add_trace(line(other, line={"color": "#DDDDDD", "width": 1}, marker={"size": 2},
                                   showlegend=False, hoverinfo="skip", hovertemplate=None), row=row, col=col)
        fig.add_trace(line(o, line={"color": colours.get(o, UNKNOWN_COLOUR), "width": 2.5}, marker={"size": 5},
                           showlegend=False), row=row, col=col)
    fig.update_xaxes(type="date", tickformat="%b %Y", nticks=4)
    fig.update_yaxes(tickformat=fmt, nticks=4)
    fig.update_annotations(font={"size": 12})
    fig = _style(fig, f"{title} ({label}; one panel per outlet, the others in grey)",
                 height=90 + PANEL_HEIGHT * rows)
    fig.update_layout(margin={"t": 80})
    return fig


def tone_histograms(df: pl.DataFrame, title: str, colours: dict[str, str]) -> go.Figure:
    """The `tone_distribution` table as small multiples: one bar histogram per outlet, every bin shown (empty ones
    as zero), the bin of tone exactly 0 in grey, shared axes so outlets compare at a glance."""
    data = _plot_frame(df, ["outlet"]).sort("outlet", "tone_bin")
    outlets = _outlet_order(colours, data["outlet"].unique().to_list())
    rows, columns = _grid(len(outlets))
    fig = make_subplots(rows=rows, cols=columns, shared_xaxes=True, shared_yaxes=True, subplot_titles=outlets,
                        vertical_spacing=0.5 / rows, horizontal_spacing=0.03)
    for i, o in enumerate(outlets):
        part = data.filter(pl.col("outlet") == o)
        colour = colours.get(o, UNKNOWN_COLOUR)
        fig.add_trace(go.Bar(
            x=part["tone_range"].to_list(), y=part["share_sentences"].to_list(), name=o, showlegend=False,
            marker_color=[ZERO_BIN_COLOUR if b == 0 else colour for b in part["tone_bin"].to_list()],
            customdata=part["n_sentences"].to_list(),
            hovertemplate=f"{o}, tone %{{x}}: %{{y:.0%}} of sentences (%{{customdata}})<extra></extra>"),
            row=i // columns + 1, col=i % columns + 1)
    fig.update_yaxes(tickformat=".0%", nticks=4)
    fig.update_xaxes(type="category", tickangle=-60, tickfont={"size": 9}, showticklabels=False)
    for col in range(1, columns + 1):  # tone ranges under the bottom row only
        fig.update_xaxes(showticklabels=True, row=rows, col=col)
    fig.update_layout(bargap=0.05)
    fig = _style(fig, f"{title} (grey: tone exactly 0)", height=150 + 160 * rows)
    fig.update_layout(margin={"t": 80, "b": 90})
    return fig


def tone_dots(df: pl.DataFrame, title: str, colours: dict[str, str]) -> go.Figure:
    """Our mean sentence tone and textblob-de's mean polarity as two dots per outlet, one panel per voice (a
    `tone_vs_textblob` table): outlets on the y axis (sorted by our journalist tone), the axis zoomed to the values,
    so 30 outlets do not pile up at the origin."""
    data = _plot_frame(df, ["outlet", "voice"]).filter(pl.col("mean_sentence_tone").is_not_null())
    voices = [v for v in ("journalist", "quoted", "reader") if v in set(data["voice"].to_list())]
    journalist = data.filter(pl.col("voice") == "journalist").sort("mean_sentence_tone")
    outlets = journalist["outlet"].to_list() + sorted(set(data["outlet"].to_list()) - set(journalist["outlet"]))
    fig = make_subplots(rows=1, cols=max(len(voices), 1), shared_yaxes=True, subplot_titles=voices or [""],
                        horizontal_spacing=0.04)
    for i, voice in enumerate(voices):
        part = data.filter(pl.col("voice") == voice)
        for column, name, symbol in (("mean_sentence_tone", "our tone", "circle"),
                                     ("mean_polarity_textblob", "textblob-de", "diamond-open")):
            fig.add_trace(go.Scatter(
                x=part[column].to_list(), y=part["outlet"].to_list(), mode="markers", name=name,
                legendgroup=name, showlegend=i == 0,
                marker={"symbol": symbol, "size": 10, "line": {"width": 1.5},
                        "color": [colours.get(o, UNKNOWN_COLOUR) for o in part["outlet"].to_list()]},
                hovertemplate=f"%{{y}}, {voice}: {name} %{{x:.3f}}<extra></extra>"), row=1, col=i + 1)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=outlets)
    fig.update_xaxes(zeroline=True, zerolinecolor="#999999", nticks=5)
    fig = _style(fig, title, height=max(300, 130 + 24 * len(outlets)))
    fig.update_layout(margin={"t": 90}, legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"})
    return fig


def outlet_matrix(df: pl.DataFrame, title: str, outlets: list[str] | None = None) -> go.Figure:
    """The outlet x outlet text-reuse matrix (an `outlet_reuse` table): row outlet's share of text shared with
    the column outlet."""
    data = _plot_frame(df, ["outlet", "other_outlet"])
    names = [plot_text(o) for o in outlets] if outlets else sorted(
        set(data["outlet"].to_list()) | set(data["other_outlet"].to_list()))
    cells = {(r["outlet"], r["other_outlet"]): r["share_shared"] for r in data.iter_rows(named=True)}
    z = [[cells.get((a, b)) for b in names] for a in names]
    top = max([v or 0 for row in z for v in row] + [0.05])
    fig = go.Figure(go.Heatmap(
        z=z, x=names, y=names, colorscale="Oranges", zmin=0, zmax=top,
        text=[[f"{v:.0%}" if v else "" for v in row] for row in z], texttemplate="%{text}",
        colorbar={"title": {"text": "shared"}, "tickformat": ".0%"},
        hovertemplate="%{z:.1%} of %{y}'s text is shared with %{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category", title={"text": "text of"})
    fig.update_xaxes(type="category", title={"text": "shared with"}, tickangle=-40)
    return _style(fig, title, height=max(320, 160 + 34 * len(names)))
