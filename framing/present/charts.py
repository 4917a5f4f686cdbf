"""The dashboard's figures and colours: plotly figures of comparison tables, one colour per outlet, section kind
and quote mode.

Nothing here imports Streamlit, so every figure is testable on its own. Labels that come from the corpus or from a
user (outlet and speaker names) are escaped for plotly (`plot_text`), which renders a few HTML tags in labels.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Sequence

import plotly.graph_objects as go
import plotly.io as pio
import polars as pl

from framing.aggregate.filters import NO_GROUP, UNKNOWN_OUTLET
from framing.load.outlets import AGENCY_COPY

# One qualitative palette for outlets: Okabe-Ito's colour-blind-friendly colours first, then colours chosen greedily
# from the sRGB grid (steps of 17) for the largest CIEDE2000 difference to all before them and to the two greys of
# the unknown outlet and agency copy (lightness 30-82, chroma >= 30, so none is invisible on white). An outlet's
# colour is a slot of the whole palette (its name's hash, then the next free one), so any two of the 24 must differ:
# the closest pair is 17.5 apart (CIEDE2000; tests/present/test_charts.py measures it). The palette before, chosen
# by CIE76 distance, had pairs 9.9 and 11.4 apart (two greens, two blues) that read as one colour at 13 outlets.
OUTLET_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#6600BB", "#AADD00", "#990022",
    "#777700", "#005522", "#FFAA99", "#8866FF", "#CCBBFF", "#774400", "#FF2244", "#00DDDD", "#BB0077", "#00DD77",
    "#555588", "#FF00FF", "#AAAA66", "#449900",
)
# Groups of outlets have their own palette (Tableau 10 without its grey), so a group is never mistaken for an outlet.
GROUP_PALETTE = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F")
UNKNOWN_COLOUR = "#9E9E9E"
AGENCY_COLOUR = "#5C5C5C"  # wire copy without a known outlet: a darker grey, not an outlet's colour
KIND_COLOURS = {
    "headline": "#4C4C4C", "teaser": "#8C8C8C", "reporting": "#4E79A7", "commentary": "#E15759",
    "analysis": "#F28E2B", "explainer": "#76B7B2", "reader_comment": "#B07AA1", "boilerplate": "#D0D0D0",
}
MODE_COLOURS = {"direct": "#4E79A7", "partial": "#A0CBE8", "indirect": "#F28E2B", "interview": "#59A14F"}


def plot_text(value: object) -> str:
    """A label for a plotly figure: plotly renders a few HTML tags in labels, so escape them."""
    return html.escape("" if value is None else str(value), quote=False)


# ---- colours ---------------------------------------------------------------------------------------------------


def _preferred_slot(name: str, size: int) -> int:
    """A name's own place in a palette, from its name alone (the same in every corpus and every process)."""
    return int.from_bytes(hashlib.blake2b(name.casefold().encode("utf-8"), digest_size=8).digest(), "big") % size


def stable_colours(names: Iterable[str | None], palette: Sequence[str], neutral: dict[str, str], *,
                   listed: Sequence[str] = ()) -> dict[str, str]:
    """One colour per name that does not change when another name is added or filtered out.

    The names of `listed` (outlets.csv's rows, in order) take the palette's colours in that order, present or not;
    every other name takes the colour of its own place in the palette (a hash of the name), or the next one free
    when an earlier name (in sorted order) holds it. So a colour changes only when a new name takes the very place
    another one fell back to, and no two names share a colour while the palette lasts. `neutral` names (the
    unknown outlet) keep their own greys. Keys are plot labels, in sorted order (neutral ones last)."""
    labels = sorted({str(n) for n in names if n is not None} - set(neutral))
    taken: set[int] = set()
    chosen: dict[str, str] = {}
    for index, name in enumerate(n for n in dict.fromkeys(listed) if n not in neutral):
        if index < len(palette):
            taken.add(index)
            chosen[name] = palette[index]
    for name in labels:
        if name in chosen:
            continue
        slot = _preferred_slot(name, len(palette))
        free = [s for s in (*range(slot, len(palette)), *range(slot)) if s not in taken]
        slot = free[0] if free else slot  # more names than colours: colours repeat
        taken.add(slot)
        chosen[name] = palette[slot]
    colours = {plot_text(name): chosen[name] for name in labels}
    colours.update({plot_text(name): colour for name, colour in neutral.items()})
    return colours


def outlet_colours(outlets: Iterable[str | None], listed: Sequence[str] = ()) -> dict[str, str]:
    """One colour per outlet label, stable across corpora and filters (see `stable_colours`; `listed`: the outlets
    of outlets.csv in its order); the unknown outlet and agency copy grey; keys are plot labels."""
    return stable_colours((UNKNOWN_OUTLET if o is None else o for o in outlets), OUTLET_PALETTE,
                          {UNKNOWN_OUTLET: UNKNOWN_COLOUR, AGENCY_COPY: AGENCY_COLOUR}, listed=listed)


def group_colours(groups: Iterable[str | None], listed: Sequence[str] = ()) -> dict[str, str]:
    """One colour per group of outlets from the groups' own palette (`listed`: the groups in the order outlets.csv
    first names them); "(no group)" grey."""
    return stable_colours((NO_GROUP if g is None else g for g in groups), GROUP_PALETTE, {NO_GROUP: UNKNOWN_COLOUR},
                          listed=listed)


def _plot_frame(df: pl.DataFrame, label_columns: Sequence[str]) -> pl.DataFrame:
    """`df` with its label columns escaped for plotly (nulls shown as "(none)")."""
    # Vectorised, the same as plot_text: a Python callback inside polars' thread pool needs the GIL, and under
    # concurrent sessions that deadlocked the server (tests/app/test_load.py).
    exprs = [
        pl.col(c).cast(pl.String).fill_null("(none)")
        .str.replace_all("&", "&amp;", literal=True).str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True).alias(c)
        for c in label_columns
        if c in df.columns
    ]
    return df.with_columns(exprs) if exprs else df


# Every figure is drawn on plotly's "plotly_white". Set as the default, a new figure takes it for about 1 ms;
# `update_layout(template=...)` on every figure cost 9-10 ms CPU each (plotly validates and copies the whole
# template), which a page of six figures paid on every filter change. Streamlit sets its own default when it is
# imported, so _style sets the template itself on a figure made while another default was in force.
TEMPLATE = "plotly_white"
pio.templates.default = TEMPLATE


def _style(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"title": {"text": ""}},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 12},
    )
    if pio.templates.default != TEMPLATE:
        fig.update_layout(template=TEMPLATE)
    return fig


def share_text(value: float | None) -> str:
    """A share in a heatmap cell: empty for none, `<0.1%` for a trace, one decimal under 10 % (a 0.3 % cell
    printed as "0%" read as nothing), whole percent above."""
    if not value:
        return ""
    return "<0.1%" if value < 0.001 else f"{value:.1%}" if value < 0.1 else f"{value:.0%}"


def share_colorbar(title: str, top: float) -> dict:
    """A colour bar of shares up to `top`: whole percent ticks from 10 % up, one decimal below (with whole
    percent, a bar up to 3.7 % read 0%, 1%, 1%, 2%, 2% …)."""
    return {"title": {"text": title}, "tickformat": ".0%" if top >= 0.1 else ".1%"}


def _order(colours: dict[str, str], present: Iterable[str]) -> list[str]:
    present = set(present)
    return [o for o in colours if o in present]


def _outlet_order(colours: dict[str, str], present: Iterable[str]) -> list[str]:
    """The outlets present: those with a colour in colour order, then the others alphabetically."""
    present = set(present)
    return _order(colours, present) + sorted(present - set(colours))


# ---- figures ---------------------------------------------------------------------------------------------------


# Figures are built with graph_objects, not plotly express: express costs tens of milliseconds per figure, which
# a filter change pays for every chart.


def bar_by_outlet(df: pl.DataFrame, value: str, title: str, colours: dict[str, str], *, percent: bool = False,
                  label: str | None = None, axis: str = "Outlet") -> go.Figure:
    """One bar per outlet (a table with an `outlet` column), one trace per outlet so the legend names it."""
    data = _plot_frame(df, ["outlet"])
    values = dict(zip(data["outlet"].to_list(), data[value].to_list()))
    fig = go.Figure([
        go.Bar(x=[o], y=[values[o]], name=o, marker_color=colours.get(o, UNKNOWN_COLOUR),
               text=[f"{values[o]:.0%}" if percent else f"{values[o]:,}"], textposition="auto",
               hovertemplate="%{x}: %{y}<extra></extra>")
        for o in _order(colours, values) + [o for o in values if o not in colours]
    ])
    fig.update_xaxes(title={"text": axis}, type="category")
    fig.update_yaxes(title={"text": label or value})
    if percent:
        fig.update_yaxes(tickformat=".0%")
    elif values and max(v or 0 for v in values.values()) <= 10:
        fig.update_yaxes(dtick=1)  # small counts: whole numbers only
    fig.update_layout(showlegend=False)
    return _style(fig, title)


HALF_WIDTH = 300  # pixels a chart in one of two columns is drawn in (about), for its legend's rows


def stacked_share(df: pl.DataFrame, category: str, value: str, title: str, colours: dict[str, str],
                  outlet_colours_: dict[str, str], *, label: str = "Share", width: int = 560,
                  counts: bool = False, order: Sequence[str] | None = None) -> go.Figure:
    """Horizontal stacked bars per outlet: `value` (a share; with `counts`, a count) split by `category`, in the
    order of `colours`; the outlets in colour order, or in `order` (a table's, so chart and table agree); `width`:
    about how many pixels wide the chart is drawn (half a page: 560; a column of two: 300), for the rows its legend
    needs."""
    data = _plot_frame(df, ["outlet", category])
    outlets = _outlet_order(outlet_colours_, data["outlet"])
    if order is not None:
        shown = [plot_text(o) for o in order]
        outlets = [o for o in dict.fromkeys(shown) if o in set(outlets)] + [o for o in outlets if o not in shown]
    known = {plot_text(k): v for k, v in colours.items()}
    present = list(dict.fromkeys(data[category].to_list()))
    cats = [c for c in known if c in present] + [c for c in present if c not in known]
    cells = {(r["outlet"], r[category]): r[value] for r in data.select("outlet", category, value).iter_rows(named=True)}
    fig = go.Figure([
        go.Bar(y=outlets, x=[cells.get((o, c)) for o in outlets], name=c.replace("_", " "), orientation="h",
               marker_color=known.get(c),
               hovertemplate=f"%{{y}}, {c.replace('_', ' ')}: %{{x{':,' if counts else ':.1%'}}}<extra></extra>")
        for c in cats  # codes read as words in the legend: civil_society as "civil society"
    ])
    fig.update_xaxes(tickformat=",d" if counts else ".0%", title={"text": label if counts else ""})
    totals = [sum(cells.get((o, c)) or 0 for c in cats) for o in outlets]
    if counts and max(totals, default=0) <= 10:
        fig.update_xaxes(dtick=1)  # small counts: whole numbers only (ticks at 0.5 read "0, 1, 1, 2, 2")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=outlets, autorange="reversed")
    # The legend sits between the title and the bars, where it cannot collide with the axis; the top margin grows
    # with its rows (entries packed into the chart's width by the length of their names), so a long legend does
    # not cover the title.
    legend_rows = _legend_rows([c.replace("_", " ") for c in cats], width)
    top = 60 + 22 * legend_rows
    fig = _style(fig, title, height=max(280, 130 + 48 * len(outlets)) + top - 95)
    fig.update_layout(barmode="stack", margin={"t": top},
                      title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
                              "title": {"text": ""}, "traceorder": "normal"})
    return fig


def _legend_rows(labels: list[str], width: int = 560) -> int:
    """Rows a horizontal legend of these labels takes in `width` pixels (about 7 px a character, 40 px for the
    symbol and the gap), rounded up generously: a legend that needs more room than it gets covers the title."""
    rows, used = 1, 0
    for label in labels:
        entry = 40 + 7.5 * len(label)
        if used and used + entry > width:
            rows, used = rows + 1, 0
        used += entry
    return rows


# Tableau 10 without its grey (grey means "none" here), then six more that none of them is close to: fifteen
# categories (the thirteen speaker types, say) before a colour repeats.
CATEGORY_PALETTE = (
    "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F",
    "#17BECF", "#BCBD22", "#393B79", "#000000", "#843C39", "#637939",
)


def category_colours(values: Iterable[str], none_label: str = "(no group)") -> dict[str, str]:
    """Colours for a categorical column other than outlets (speaker groups and types, genres): CATEGORY_PALETTE
    in sorted order, the empty group grey."""
    palette = CATEGORY_PALETTE
    named = sorted(v for v in set(values) if v != none_label)
    colours = {v: palette[i % len(palette)] for i, v in enumerate(named)}
    colours[none_label] = UNKNOWN_COLOUR
    return colours


def tone_histogram(df: pl.DataFrame, title: str, colours: dict[str, str]) -> go.Figure:
    """Lines of the share of sentences per tone bin, one line per outlet (a `tone_distribution` table)."""
    data = _plot_frame(df, ["outlet"])
    present = data["outlet"].unique().to_list()
    fig = go.Figure([
        go.Scatter(x=part["tone_bin"].to_list(), y=part["share_sentences"].to_list(), name=o, mode="lines+markers",
                   line={"color": colours.get(o, UNKNOWN_COLOUR)},
                   hovertemplate=f"{o}: %{{y:.0%}} of sentences at tone %{{x}}<extra></extra>")
        for o in _outlet_order(colours, present)
        for part in [data.filter(pl.col("outlet") == o).sort("tone_bin")]
    ])
    fig.update_yaxes(tickformat=".0%", title={"text": "Share of sentences"})
    fig.update_xaxes(range=[-1.05, 1.05], title={"text": "Sentence tone (our score, bin centre)"})
    return _style(fig, title)


_VOICE_SYMBOLS = {"journalist": "circle", "quoted": "diamond", "reader": "square"}


def tone_vs_textblob(df: pl.DataFrame, title: str, colours: dict[str, str]) -> go.Figure:
    """Our mean sentence tone against textblob-de's mean polarity, per outlet and voice."""
    data = _plot_frame(df, ["outlet", "voice"]).filter(pl.col("mean_sentence_tone").is_not_null())
    present = data["outlet"].unique().to_list()
    traces = []
    for o in _outlet_order(colours, present):
        for r in data.filter(pl.col("outlet") == o).sort("voice").iter_rows(named=True):
            traces.append(go.Scatter(
                x=[r["mean_sentence_tone"]], y=[r["mean_polarity_textblob"]], name=f"{o}, {r['voice']}", mode="markers",
                marker={"size": 13, "color": colours.get(o, UNKNOWN_COLOUR), "symbol": _VOICE_SYMBOLS.get(r["voice"], "x"),
                        "line": {"width": 1, "color": "white"}},
                hovertemplate=f"{o}, {r['voice']}: our tone %{{x:.2f}}, textblob-de %{{y:.2f}}<extra></extra>"))
    fig = go.Figure(traces)
    fig.add_shape(type="line", x0=-1, y0=-1, x1=1, y1=1, line={"color": "#BBBBBB", "dash": "dot"})
    fig.update_xaxes(range=[-1, 1], zeroline=True, title={"text": "Our tone (mean per sentence)"})
    fig.update_yaxes(range=[-1, 1], zeroline=True, title={"text": "textblob-de polarity (mean)"})
    return _style(fig, title)


def actor_heatmap(df: pl.DataFrame, title: str, top: int = 20) -> go.Figure:
    """Speaker x outlet: share of the outlet's quoted words (a `quoted_actors` table), top speakers overall."""
    data = _plot_frame(df, ["outlet", "speaker"])
    top_speakers = (
        data.group_by("speaker").agg(pl.col("quoted_words").sum()).sort(["quoted_words", "speaker"],
                                                                        descending=[True, False])
        .head(top)["speaker"].to_list()
    )
    outlets = sorted(data["outlet"].unique().to_list())
    cell = data.filter(pl.col("speaker").is_in(top_speakers)).group_by("speaker", "outlet").agg(
        pl.col("share_of_voice_in_outlet").sum())
    lookup = {(r["speaker"], r["outlet"]): r["share_of_voice_in_outlet"] for r in cell.iter_rows(named=True)}
    z = [[lookup.get((s, o)) for o in outlets] for s in top_speakers]
    top_share = max([v or 0 for r in z for v in r] + [0.01])
    fig = go.Figure(go.Heatmap(
        z=z, x=outlets, y=top_speakers, colorscale="Blues", zmin=0, zmax=top_share,
        colorbar=share_colorbar("share of voice", top_share),
        hovertemplate="%{y} in %{x}: %{z:.1%} of quoted words<extra></extra>",
        text=[[share_text(v) for v in r] for r in z], texttemplate="%{text}", hoverinfo="skip",
    ))
    # Plotly (and so Streamlit's on_select) cannot select a heatmap cell: a transparent square marker over every
    # filled cell is what a click selects (and what the hover reads).
    cells = [(s, o, v) for s, r in zip(top_speakers, z) for o, v in zip(outlets, r) if v]
    fig.add_trace(go.Scatter(
        x=[o for _, o, _ in cells], y=[s for s, _, _ in cells], customdata=[v for _, _, v in cells], mode="markers",
        marker={"symbol": "square", "size": 22, "color": "rgba(0,0,0,0)"}, showlegend=False,
        selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}},
        hovertemplate="%{y} in %{x}: %{customdata:.1%} of quoted words<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(type="category")
    return _style(fig, title, height=max(300, 90 + 26 * len(top_speakers)))


def reuse_heatmap(df: pl.DataFrame, articles: pl.DataFrame, title: str, top: int = 30) -> go.Figure:
    """Article x article: share of article A's characters inside passages it shares with B; the `top` articles
    with the most shared characters (a larger grid is unreadable; the table beside it has every pair)."""
    totals = pl.concat([
        df.select(pl.col("article_a").alias("article_id"), pl.col("shared_chars_a").alias("chars")),
        df.select(pl.col("article_b").alias("article_id"), pl.col("shared_chars_b").alias("chars")),
    ]).group_by("article_id").agg(pl.col("chars").sum()).sort(["chars", "article_id"], descending=[True, False])
    keep = set(totals.head(top)["article_id"].to_list())
    names = {r["article_id"]: f"{r['outlet']} · {r['article_id'][:14]}"
             for r in articles.filter(pl.col("article_id").is_in(list(keep)))
             .select("article_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET)).iter_rows(named=True)}
    ids = sorted(names)
    df = df.filter(pl.col("article_a").is_in(ids) & pl.col("article_b").is_in(ids))
    lookup: dict[tuple[str, str], float] = {}
    for r in df.iter_rows(named=True):
        lookup[(r["article_a"], r["article_b"])] = r["shared_chars_share_a"]
        lookup[(r["article_b"], r["article_a"])] = r["shared_chars_share_b"]
    labels = [plot_text(names[i]) for i in ids]
    z = [[lookup.get((a, b)) for b in ids] for a in ids]
    top = max([v or 0 for row in z for v in row] + [0.05])
    fig = go.Figure(go.Heatmap(
        z=z, x=labels, y=labels, colorscale="Oranges", zmin=0, zmax=top,
        text=[[share_text(v) for v in row] for row in z], texttemplate="%{text}",
        colorbar=share_colorbar("shared", top),
        hovertemplate="%{z:.0%} of %{y} is shared with %{x}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    return _style(fig, title, height=max(320, 120 + 30 * len(ids)))
