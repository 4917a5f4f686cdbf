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

from framing.present.charts import (UNKNOWN_COLOUR, _outlet_order, _plot_frame, _style, plot_text, share_colorbar,
                                     share_text)

OVERLAY_MAX = 4  # up to this many outlets share one chart; more get one small panel each
PANEL_COLUMNS = 4  # small multiples per row
PANEL_HEIGHT = 150  # pixels per row of small multiples
CONTEXT_COLOUR = "#DDDDDD"  # the other outlets behind a small multiple
ZERO_BIN_COLOUR = "#7F7F7F"  # the bin of tone exactly 0: sentences without any sentiment word


def _panels(n: int, titles: list[str], *, x: dict, y: dict, gap_x: float = 0.03, title_space: float = 0.35,
            per_row: int = PANEL_COLUMNS) -> tuple[dict, list[str], list[str]]:
    """The layout of `n` small multiples in a grid, built as one dict (plotly's make_subplots and update_xaxes
    cost a second per figure at 13 panels): axes with shared ranges (`matches`), tick labels under the lowest panel
    of each column and at the left of each row, a title over each panel; returns the layout and each panel's axis
    names for its traces."""
    rows, columns = _grid(n, per_row)
    gap_y = title_space / rows
    width, height = (1 - gap_x * (columns - 1)) / columns, (1 - gap_y * (rows - 1)) / rows
    layout: dict = {"annotations": []}
    xs, ys = [], []
    for i in range(n):
        row, col = i // columns, i % columns
        suffix = "" if i == 0 else str(i + 1)
        x0 = col * (width + gap_x)
        y1 = 1 - row * (height + gap_y)
        lowest = not any(j % columns == col and j // columns > row for j in range(n))
        # plotly refuses a domain a rounding error outside [0, 1] (−2.8e-17 at 9 to 12 panels): clamp it
        layout[f"xaxis{suffix}"] = {**x, "domain": _clamped(x0, x0 + width), "anchor": f"y{suffix}",
                                    "matches": None if i == 0 else "x", "showticklabels": lowest}
        layout[f"yaxis{suffix}"] = {**y, "domain": _clamped(y1 - height, y1), "anchor": f"x{suffix}",
                                    "matches": None if i == 0 else "y", "showticklabels": col == 0}
        layout["annotations"].append({"text": titles[i], "x": x0 + width / 2, "y": y1, "xref": "paper",
                                      "yref": "paper", "xanchor": "center", "yanchor": "bottom", "showarrow": False,
                                      "font": {"size": 12}})
        xs.append(f"x{suffix}")
        ys.append(f"y{suffix}")
    return layout, xs, ys


def _clamped(low: float, high: float) -> list[float]:
    return [min(max(low, 0.0), 1.0), min(max(high, 0.0), 1.0)]


def _grid(n: int, per_row: int = PANEL_COLUMNS) -> tuple[int, int]:
    columns = min(per_row, max(n, 1))
    return math.ceil(max(n, 1) / columns), columns


FEW_ARTICLES = 3  # a period with fewer articles than this is drawn as an open circle


def time_lines(df: pl.DataFrame, value: str, title: str, colours: dict[str, str], *, label: str,
               percent: bool = False, overlay_max: int = OVERLAY_MAX, unit: str = "outlet") -> go.Figure:
    """`value` per period (an `over_time` table: outlet, period_start, value) as lines on a date axis: one chart
    with a line per outlet for up to `overlay_max` outlets, else small multiples (one panel per outlet, shared
    axes, the other outlets as faint grey lines for context). A period with fewer than FEW_ARTICLES articles is an
    open circle."""
    data = _plot_frame(df, ["outlet"]).filter(pl.col(value).is_not_null()).sort("outlet", "period_start")
    outlets = _outlet_order(colours, data["outlet"].unique().to_list())
    fmt = ".0%" if percent else ".2f"
    series = {o: data.filter(pl.col("outlet") == o) for o in outlets}

    def line(o: str, **kwargs) -> go.Scatter:
        part = series[o]
        kwargs.setdefault("hovertemplate", f"{o}, %{{x|%Y-%m-%d}}: %{{y:{fmt}}} (%{{customdata}} articles)<extra></extra>")
        counts = part["n_articles"].to_list() if "n_articles" in part.columns else None
        if counts is not None:  # a period of one or two articles is drawn open: read it with care
            kwargs["marker"] = {**kwargs.get("marker", {}),
                                "symbol": ["circle-open" if (n or 0) < FEW_ARTICLES else "circle" for n in counts]}
        return go.Scatter(x=part["period_start"].to_list(), y=part[value].to_list(), name=o, mode="lines+markers",
                          customdata=counts, **kwargs)

    if len(outlets) <= overlay_max:
        fig = go.Figure([line(o, line={"color": colours.get(o, UNKNOWN_COLOUR)}, marker={"size": 6}) for o in outlets])
        fig.update_xaxes(type="date", title={"text": ""})
        fig.update_yaxes(title={"text": label}, tickformat=fmt)
        fig = _style(fig, title, height=340)
        fig.update_layout(margin={"t": 80}, legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"})
        return fig
    rows, _ = _grid(len(outlets))
    layout, xs, ys = _panels(len(outlets), outlets, x={"type": "date", "tickformat": "%b %y", "nticks": 3},
                             y={"tickformat": fmt, "nticks": 4})
    traces = []
    for o, xaxis, yaxis in zip(outlets, xs, ys):
        # the other outlets as one grey trace, their lines apart by gaps (one trace per outlet made a view slow)
        other_x: list = []
        other_y: list = []
        for other in outlets:
            if other != o:
                other_x += [*series[other]["period_start"].to_list(), None]
                other_y += [*series[other][value].to_list(), None]
        traces.append(go.Scatter(x=other_x, y=other_y, mode="lines", line={"color": CONTEXT_COLOUR, "width": 1},
                                 showlegend=False, hoverinfo="skip", connectgaps=False, xaxis=xaxis, yaxis=yaxis))
        traces.append(line(o, line={"color": colours.get(o, UNKNOWN_COLOUR), "width": 2.5}, marker={"size": 5},
                           showlegend=False, xaxis=xaxis, yaxis=yaxis))
    fig = go.Figure(traces, layout)
    fig = _style(fig, f"{title} ({label}; one panel per {unit}, the others in grey)",
                 height=90 + PANEL_HEIGHT * rows)
    fig.update_layout(margin={"t": 80})
    return fig


def tone_histograms(df: pl.DataFrame, title: str, colours: dict[str, str]) -> go.Figure:
    """The `tone_distribution` table as small multiples: one bar histogram per outlet, every bin shown (empty ones
    as zero), the bin of tone exactly 0 in grey, shared axes so outlets compare at a glance."""
    data = _plot_frame(df, ["outlet"]).sort("outlet", "tone_bin")
    outlets = _outlet_order(colours, data["outlet"].unique().to_list())
    rows, _ = _grid(len(outlets))
    layout, xs, ys = _panels(len(outlets), outlets, x={"type": "category", "tickangle": -60, "tickfont": {"size": 9}},
                             y={"tickformat": ".0%", "nticks": 4}, title_space=0.5)
    traces = []
    for o, xaxis, yaxis in zip(outlets, xs, ys):
        part = data.filter(pl.col("outlet") == o)
        colour = colours.get(o, UNKNOWN_COLOUR)
        traces.append(go.Bar(
            x=part["tone_range"].to_list(), y=part["share_sentences"].to_list(), name=o, showlegend=False,
            marker_color=[ZERO_BIN_COLOUR if b == 0 else colour for b in part["tone_bin"].to_list()],
            customdata=part["n_sentences"].to_list(), xaxis=xaxis, yaxis=yaxis,
            hovertemplate=f"{o}, tone %{{x}}: %{{y:.0%}} of sentences (%{{customdata}})<extra></extra>"))
    fig = go.Figure(traces, {**layout, "bargap": 0.05})
    fig = _style(fig, f"{title} (grey: tone exactly 0)", height=150 + 160 * rows)
    fig.update_layout(margin={"t": 80, "b": 90})
    return fig


def dots(df: pl.DataFrame, panel: str, series: tuple[tuple[str, str, str], ...], title: str,
         colours: dict[str, str], *, percent: bool = False, panel_order: tuple[str, ...] = ()) -> go.Figure:
    """Dots per outlet, one panel per value of `panel` (e.g. voice): outlets on the y axis in the colours' order
    (the tables' order, top to bottom), one dot per `series` entry (column, name, marker symbol) in the outlet's
    colour, the x axis zoomed to the values, so 30 outlets stay apart instead of piling up at the origin.
    `panel_order`: the panels' order (the others follow, sorted); voices by default."""
    data = _plot_frame(df, ["outlet", panel]).filter(pl.col(series[0][0]).is_not_null())
    present = set(data[panel].to_list())
    order = [v for v in (panel_order or ("journalist", "quoted", "reader")) if v in present]
    panels = order + sorted(present - set(order)) if order else sorted(present)
    outlets = _outlet_order(colours, data["outlet"].unique().to_list())
    fmt = ".1%" if percent else ".3f"
    layout, xs, ys = _panels(max(len(panels), 1), panels or [""], gap_x=0.04, title_space=0,
                             x={"zeroline": True, "zerolinecolor": "#999999", "nticks": 5,
                                "tickformat": ".0%" if percent else None},
                             y={"type": "category", "categoryorder": "array", "categoryarray": outlets,
                                "autorange": "reversed"})
    traces = []
    for i, (value, xaxis, yaxis) in enumerate(zip(panels, xs, ys)):
        part = data.filter(pl.col(panel) == value)
        for column, name, symbol in series:
            traces.append(go.Scatter(
                x=part[column].to_list(), y=part["outlet"].to_list(), mode="markers", name=name,
                legendgroup=name, showlegend=i == 0 and len(series) > 1, xaxis=xaxis, yaxis=yaxis,
                marker={"symbol": symbol, "size": 10, "line": {"width": 1.5},
                        "color": [colours.get(o, UNKNOWN_COLOUR) for o in part["outlet"].to_list()]},
                hovertemplate=f"%{{y}}, {value}: {name} %{{x:{fmt}}}<extra></extra>"))
    fig = go.Figure(traces, layout)
    height = max(300, 150 + 24 * len(outlets))
    fig = _style(fig, title, height=height)
    # the legend under the panels and their tick labels (about 30 px), where it meets neither the title nor the
    # panel titles, at any height
    plot_height = height - 70 - 70
    fig.update_layout(margin={"t": 70, "b": 70}, showlegend=len(series) > 1,
                      legend={"orientation": "h", "x": 0, "y": -32 / plot_height, "yanchor": "top"})
    return fig


def tone_dots(df: pl.DataFrame, title: str, colours: dict[str, str]) -> go.Figure:
    """Our mean sentence tone (dot) and textblob-de's mean polarity (open diamond) per outlet, one panel per voice
    (a `tone_vs_textblob` table)."""
    return dots(df, "voice", (("mean_sentence_tone", "our tone", "circle"),
                              ("mean_polarity_textblob", "textblob-de", "diamond-open")), title, colours)


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
        text=[[share_text(v) for v in row] for row in z],
        texttemplate="%{text}", colorbar=share_colorbar("shared", top),
        hovertemplate="%{z:.1%} of %{y}'s text is shared with %{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", type="category", title={"text": "text of"})
    fig.update_xaxes(type="category", title={"text": "shared with"}, tickangle=-40)
    return _style(fig, title, height=max(320, 160 + 34 * len(names)))


def comparison_dots(df: pl.DataFrame, figures: tuple[tuple[str, str, bool], ...], title: str,
                    colours: dict[str, str], order: list[str]) -> go.Figure:
    """The first screen: one panel per figure (column, panel title, percent?) of a `framing_comparison` table,
    the outlets (or groups) on a shared y axis in `order` (the table's order, top to bottom), a dot in the outlet's
    colour with its interval (`<column>_low` … `<column>_high`) as a bar, each panel on its own x scale."""
    key = "outlet" if "outlet" in df.columns else df.columns[0]
    data = _plot_frame(df, [key])
    names = [plot_text(o) for o in order]
    layout, xs, ys = _panels(len(figures), [name for _, name, _ in figures], gap_x=0.035, title_space=0.0,
                             per_row=len(figures),
                             x={"zeroline": False, "nticks": 4},
                             y={"type": "category", "categoryorder": "array", "categoryarray": names,
                                "autorange": "reversed"})
    traces = []
    for (column, name, percent), xaxis, yaxis in zip(figures, xs, ys):
        axis = "xaxis" + xaxis[1:]
        part = data.filter(pl.col(column).is_not_null())
        value, low, high = (part[c].to_list() for c in (column, f"{column}_low", f"{column}_high"))
        # shares from 0 (an all-zero panel would otherwise span −100 % … 100 %), tone around its zero line; a
        # margin on both sides so that a dot at the edge is drawn whole
        ends = [v for v in value + low + high if v is not None] or [0.0]
        left, right = (min(0.0, *ends) if percent else min(ends)), max(ends)
        if percent:
            right = max(right, 0.05)  # an all-zero panel reads 0 … 5 %, not a span around zero
        pad = (right - left) * 0.08 or 0.05
        layout[axis].update(matches=None, tickformat=".0%" if percent else ".2f", range=[left - pad, right + pad],
                            zeroline=not percent, zerolinecolor="#BBBBBB", nticks=3)
        fmt = ".0%" if percent else ".3f"
        traces.append(go.Scatter(
            x=value, y=part[key].to_list(), mode="markers", showlegend=False, xaxis=xaxis, yaxis=yaxis,
            error_x={"type": "data", "symmetric": False, "thickness": 1.5, "width": 0, "color": "#777777",
                     "array": [None if h is None else h - v for v, h in zip(value, high)],
                     "arrayminus": [None if lo is None else v - lo for v, lo in zip(value, low)]},
            marker={"size": 10, "color": [colours.get(o, UNKNOWN_COLOUR) for o in part[key].to_list()],
                    "line": {"width": 1, "color": "#333333"}},
            customdata=[[lo, h] for lo, h in zip(low, high)],
            hovertemplate=f"%{{y}}: {name} %{{x:{fmt}}} (95 % interval %{{customdata[0]:{fmt}}} … "
                          f"%{{customdata[1]:{fmt}}})<extra></extra>"))
    fig = go.Figure(traces, layout)
    fig = _style(fig, title, height=max(190, 120 + 28 * len(names)))  # two rows need no 260 px
    fig.update_layout(margin={"t": 70, "b": 30})
    return fig
