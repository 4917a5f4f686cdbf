"""The figure of the quoted-gender table (issue #20): the share of women among each outlet's quoted people with
its 95 % interval, and the share of people of unknown gender beside it. Nothing here imports Streamlit."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from framing.present.charts import UNKNOWN_COLOUR, _outlet_order, _plot_frame, _style

WOMEN_COLOUR = "#CC79A7"


def women_share(df: pl.DataFrame, title: str, outlet_colours: dict[str, str]) -> go.Figure:
    """Per outlet (a `quoted_gender` table grouped by outlet): the share of women among the quoted people of known
    gender as a dot with its interval, and the share of unknowns as a grey bar behind it, both labelled with the
    counts they come from."""
    data = _plot_frame(df, ["outlet"])
    outlets = _outlet_order(outlet_colours, data["outlet"])
    rows = {r["outlet"]: r for r in data.iter_rows(named=True)}
    shown = [rows[o] for o in outlets]
    share = [r["share_women"] for r in shown]
    above = [None if r["share_women"] is None or r["share_women_high"] is None
             else r["share_women_high"] - r["share_women"] for r in shown]
    below = [None if r["share_women"] is None or r["share_women_low"] is None
             else r["share_women"] - r["share_women_low"] for r in shown]
    fig = go.Figure([
        go.Bar(y=outlets, x=[r["share_unknown"] for r in shown], orientation="h", name="people of unknown gender",
               marker_color=UNKNOWN_COLOUR, opacity=0.35,
               customdata=[[r["n_unknown"], r["n_people"]] for r in shown],
               hovertemplate="%{y}: %{x:.0%} unknown (%{customdata[0]} of %{customdata[1]} people)<extra></extra>"),
        go.Scatter(y=outlets, x=share, mode="markers", name="women among people of known gender",
                   marker={"color": WOMEN_COLOUR, "size": 11},
                   error_x={"type": "data", "symmetric": False, "array": above, "arrayminus": below,
                            "color": WOMEN_COLOUR, "thickness": 2},
                   customdata=[[r["n_women"], r["n_women"] + r["n_men"], r["share_women_low"], r["share_women_high"]]
                               for r in shown],
                   hovertemplate="%{y}: %{x:.0%} women (%{customdata[0]} of %{customdata[1]}), 95 % interval "
                                 "%{customdata[2]:.0%}–%{customdata[3]:.0%}<extra></extra>"),
    ])
    fig.update_xaxes(range=[0, 1], tickformat=".0%", title={"text": ""})
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=outlets, autorange="reversed")
    fig = _style(fig, title, height=max(260, 130 + 44 * len(outlets)))
    fig.update_layout(margin={"t": 95}, title={"y": 0.98, "yanchor": "top"},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"})
    return fig
