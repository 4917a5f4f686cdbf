"""Pure helpers for the dashboard: figures, small derived tables and the escaped article markup.

Nothing here imports Streamlit, so every piece is testable on its own. Text that comes from the corpus or from a
user (article text, titles, outlet and speaker names) is escaped here before it becomes markup: `escape` turns
HTML *and* Markdown/LaTeX syntax into character references, so Streamlit's markdown renderer shows it literally.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterable, Sequence
from typing import Any

import plotly.express as px
import plotly.graph_objects as go
import polars as pl

from framing import schema
from framing.aggregate.filters import UNKNOWN_OUTLET

# One qualitative palette for outlets (colour-blind friendly, Okabe-Ito first, then Plotly's Safe set).
OUTLET_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499", "#44AA99", "#999933", "#882255", "#661100",
)
UNKNOWN_COLOUR = "#9E9E9E"
KIND_COLOURS = {
    "headline": "#4C4C4C", "teaser": "#8C8C8C", "reporting": "#4E79A7", "commentary": "#E15759",
    "analysis": "#F28E2B", "explainer": "#76B7B2", "reader_comment": "#B07AA1", "boilerplate": "#D0D0D0",
}
TONE_COLOURS = {"positive": "#1A9850", "neutral": "#BDBDBD", "negative": "#D73027"}
MODE_COLOURS = {"direct": "#4E79A7", "partial": "#A0CBE8", "indirect": "#F28E2B"}

# Characters Streamlit's markdown (CommonMark + GFM + math) would interpret, as numeric character references.
# One pass over the raw text, so no reference is escaped twice (html.escape's &#x27; would have its # escaped).
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;",
            **{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|$~:=^"}}


def escape(value: object) -> str:
    """`value` as text that HTML *and* Markdown show literally (use inside markup passed with unsafe_allow_html)."""
    text = ("" if value is None else str(value)).replace("\r\n", "\n").replace("\r", "")
    # Newlines as references too: the markup stays one line, so markdown never sees a blank line that would end
    # the HTML block (CSS white-space: pre-wrap still shows the line breaks).
    return "".join(_ESCAPES.get(c, c) for c in text).replace("\n", "&#10;")


def plot_text(value: object) -> str:
    """A label for a plotly figure: plotly renders a few HTML tags in labels, so escape them."""
    return html.escape("" if value is None else str(value), quote=False)


# ---- fast ids -------------------------------------------------------------------------------------------------


def encode_ids(analysis: Any) -> tuple[Any, pl.Series]:
    """The analysis with every `article_id` replaced by an Int64 code (its row in `articles`), and the ids by code.

    Filtering and aggregating join on article_id over hundreds of thousands of rows; integer keys make those
    joins many times faster than strings, so a filter change stays interactive at 10,000 articles.
    """
    ids = analysis.articles["article_id"]
    codes = pl.DataFrame({"article_id": ids, "_code": pl.int_range(0, ids.len(), eager=True, dtype=pl.Int64)})

    def recode(df: pl.DataFrame) -> pl.DataFrame:
        if "article_id" not in df.columns:
            return df
        return (df.join(codes, on="article_id", how="inner", maintain_order="left").drop("article_id")
                .rename({"_code": "article_id"}).select(df.columns))

    tables = {name: recode(getattr(analysis, name)) for name in ("articles", "sections", "sentences",
                                                                  "voice_segments", "quotes")}
    # The comparison tables read the article text only to count its words (\w+ runs): a stand-in with one
    # letter per word keeps that count exact and makes it several times cheaper. Text search runs on the real
    # text (see `search`), and the article reader uses the untouched analysis.
    stand_in = pl.col("text").fill_null("").str.replace_all(r"\w+", "w").str.replace_all(r"\W+", " ")
    tables["articles"] = tables["articles"].with_columns(stand_in.alias("text"))
    return dataclasses.replace(analysis, **tables), ids


def search(analysis: Any, text: str) -> pl.DataFrame:
    """Integer codes (as `encode_ids` gives them) of the articles whose title or text contains `text`, by the
    Filter's own rule."""
    from framing.aggregate.filters import Filter

    return (analysis.articles.with_row_index("_code").filter(Filter(text=text).article_mask())
            .select(pl.col("_code").cast(pl.Int64).alias("article_id")))


def decode_ids(df: pl.DataFrame, ids: pl.Series) -> pl.DataFrame:
    """`df` with integer article codes (from `encode_ids`) turned back into article ids."""
    if "article_id" not in df.columns or df.schema["article_id"] == pl.String:
        return df
    return df.with_columns(ids.gather(df["article_id"]).alias("article_id"))


# ---- colours ---------------------------------------------------------------------------------------------------


def outlet_colours(outlets: Iterable[str | None]) -> dict[str, str]:
    """One colour per outlet label, stable for the corpus (sorted order), unknown outlet grey; keys are plot labels."""
    labels = sorted({UNKNOWN_OUTLET if o is None else str(o) for o in outlets} - {UNKNOWN_OUTLET})
    colours = {plot_text(o): OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, o in enumerate(labels)}
    colours[plot_text(UNKNOWN_OUTLET)] = UNKNOWN_COLOUR
    return colours


def _plot_frame(df: pl.DataFrame, label_columns: Sequence[str]) -> pl.DataFrame:
    """`df` with its label columns escaped for plotly (nulls shown as "(none)")."""
    # Vectorised, the same as plot_text: a Python callback inside polars' thread pool needs the GIL, and under
    # concurrent sessions that deadlocked the server (tests/test_load.py).
    exprs = [
        pl.col(c).cast(pl.String).fill_null("(none)")
        .str.replace_all("&", "&amp;", literal=True).str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True).alias(c)
        for c in label_columns
        if c in df.columns
    ]
    return df.with_columns(exprs) if exprs else df


def _style(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"title": {"text": ""}},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 12},
        template="plotly_white",
    )
    return fig


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
                  label: str | None = None) -> go.Figure:
    """One bar per outlet (a table with an `outlet` column), one trace per outlet so the legend names it."""
    data = _plot_frame(df, ["outlet"])
    values = dict(zip(data["outlet"].to_list(), data[value].to_list()))
    fig = go.Figure([
        go.Bar(x=[o], y=[values[o]], name=o, marker_color=colours.get(o, UNKNOWN_COLOUR),
               text=[f"{values[o]:.0%}" if percent else f"{values[o]:,}"], textposition="auto",
               hovertemplate="%{x}: %{y}<extra></extra>")
        for o in _order(colours, values) + [o for o in values if o not in colours]
    ])
    fig.update_xaxes(title={"text": "Outlet"}, type="category")
    fig.update_yaxes(title={"text": label or value})
    if percent:
        fig.update_yaxes(tickformat=".0%")
    elif values and max(v or 0 for v in values.values()) <= 10:
        fig.update_yaxes(dtick=1)  # small counts: whole numbers only
    fig.update_layout(showlegend=False)
    return _style(fig, title)


def stacked_share(df: pl.DataFrame, category: str, value: str, title: str, colours: dict[str, str],
                  outlet_colours_: dict[str, str], *, label: str = "Share") -> go.Figure:
    """Horizontal stacked bars per outlet: `value` (a share) split by `category`, in the order of `colours`."""
    data = _plot_frame(df, ["outlet", category])
    outlets = _outlet_order(outlet_colours_, data["outlet"])
    known = {plot_text(k): v for k, v in colours.items()}
    present = list(dict.fromkeys(data[category].to_list()))
    cats = [c for c in known if c in present] + [c for c in present if c not in known]
    cells = {(r["outlet"], r[category]): r[value] for r in data.select("outlet", category, value).iter_rows(named=True)}
    fig = go.Figure([
        go.Bar(y=outlets, x=[cells.get((o, c)) for o in outlets], name=c, orientation="h",
               marker_color=known.get(c), hovertemplate=f"%{{y}}, {c}: %{{x:.1%}}<extra></extra>")
        for c in cats
    ])
    fig.update_xaxes(tickformat=".0%", title={"text": ""})
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=outlets, autorange="reversed")
    fig = _style(fig, title, height=max(280, 130 + 48 * len(outlets)))
    # The legend sits between the title and the bars, where it cannot collide with the axis.
    fig.update_layout(barmode="stack", margin={"t": 95}, title={"y": 0.98, "yanchor": "top"},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom",
                              "title": {"text": ""}, "traceorder": "normal"})
    return fig


def category_colours(values: Iterable[str], none_label: str = "(no group)") -> dict[str, str]:
    """Colours for a categorical column other than outlets (speaker groups): Tableau 10, the empty group grey."""
    palette = px.colors.qualitative.T10
    named = sorted(v for v in set(values) if v != none_label)
    colours = {v: palette[i % len(palette)] for i, v in enumerate(named)}
    colours[none_label] = UNKNOWN_COLOUR
    return colours


def grouped_by_outlet(df: pl.DataFrame, x: str, value: str, title: str, colours: dict[str, str], *,
                      label: str, percent: bool = False, x_label: str | None = None) -> go.Figure:
    """Bars grouped by `x` (e.g. voice), one bar per outlet in the outlet colours."""
    data = _plot_frame(df, ["outlet", x])
    present = data["outlet"].unique().to_list()
    outlets = _outlet_order(colours, present)
    groups = list(dict.fromkeys(data.sort(x)[x].to_list()))
    cells = {(r["outlet"], r[x]): r[value] for r in data.select("outlet", x, value).iter_rows(named=True)}
    fmt = ".1%" if percent else ".2f"
    fig = go.Figure([
        go.Bar(x=groups, y=[cells.get((o, g)) for g in groups], name=o, marker_color=colours.get(o, UNKNOWN_COLOUR),
               hovertemplate=f"{o}, %{{x}}: %{{y:{fmt}}}<extra></extra>")
        for o in outlets
    ])
    fig.update_layout(barmode="group")
    fig.update_xaxes(title={"text": x_label or x.replace("_", " ")}, type="category")
    fig.update_yaxes(title={"text": label})
    if percent:
        fig.update_yaxes(tickformat=".0%")
    return _style(fig, title)


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
    fig = go.Figure(go.Heatmap(
        z=z, x=outlets, y=top_speakers, colorscale="Blues", zmin=0, zmax=max([v or 0 for r in z for v in r] + [0.01]),
        colorbar={"title": {"text": "share of voice"}, "tickformat": ".0%"},
        hovertemplate="%{y} in %{x}: %{z:.1%} of quoted words<extra></extra>",
        text=[[f"{v:.0%}" if v else "" for v in r] for r in z], texttemplate="%{text}",
    ))
    fig.update_yaxes(autorange="reversed")
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
        text=[[f"{v:.0%}" if v else "" for v in row] for row in z], texttemplate="%{text}",
        colorbar={"title": {"text": "shared"}, "tickformat": ".0%"},
        hovertemplate="%{z:.0%} of %{y} is shared with %{x}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    return _style(fig, title, height=max(320, 120 + 30 * len(ids)))


# ---- derived tables --------------------------------------------------------------------------------------------


def tone_distribution(sentences: pl.DataFrame, articles: pl.DataFrame, bins: int = 10) -> pl.DataFrame:
    """Share of each outlet's sentences per tone bin (bins of width 2/bins over -1..1); centre of bin as tone_bin."""
    width = 2 / bins
    labelled = sentences.select("article_id", "tone").filter(pl.col("tone").is_not_null()).join(
        articles.select("article_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET)), on="article_id", how="inner")
    index = ((pl.col("tone").clip(-1, 1) + 1) / width).floor().clip(0, bins - 1).cast(pl.Int64)
    return (
        labelled.with_columns(index.alias("_bin"))
        .group_by("outlet", "_bin").agg(pl.len().cast(pl.Int64).alias("n_sentences"))
        .with_columns(
            (-1 + width * (pl.col("_bin") + 0.5)).round(2).alias("tone_bin"),
            (pl.col("n_sentences") / pl.col("n_sentences").sum().over("outlet")).alias("share_sentences"),
        )
        .select("outlet", "tone_bin", "n_sentences", "share_sentences")
        .sort("outlet", "tone_bin")
    )


def quote_modes(quoted_actors: pl.DataFrame) -> pl.DataFrame:
    """Direct / partial / indirect quotes per outlet (long form) from a `quoted_actors` table."""
    if quoted_actors.is_empty():
        return pl.DataFrame(schema={"outlet": pl.String, "mode": pl.String, "n_quotes": pl.Int64,
                                    "share_quotes": pl.Float64})
    wide = quoted_actors.group_by("outlet").agg(pl.col(f"n_{m}").sum() for m in schema.QUOTE_MODES)
    long = wide.unpivot(index="outlet", on=[f"n_{m}" for m in schema.QUOTE_MODES], variable_name="mode",
                        value_name="n_quotes")
    return (
        long.with_columns(pl.col("mode").str.strip_prefix("n_"), pl.col("n_quotes").cast(pl.Int64))
        .with_columns((pl.col("n_quotes") / pl.col("n_quotes").sum().over("outlet")).alias("share_quotes"))
        .sort("outlet", "mode")
    )


def commentary_long(profile: pl.DataFrame) -> pl.DataFrame:
    """Per outlet and section kind (reporting / commentary): share of the journalist's sentences that are
    opinionated, from a `commentary_profile` table."""
    rows = []
    for kind in ("reporting", "commentary"):
        rows.append(profile.select(
            "outlet", pl.lit(kind).alias("kind"),
            pl.col(f"n_sentences_{kind}").alias("n_sentences"),
            pl.col(f"n_opinionated_{kind}").alias("n_opinionated"),
            pl.col(f"share_opinionated_{kind}").alias("share_opinionated"),
        ))
    return pl.concat(rows).sort("outlet", "kind") if rows else profile


def text_share_long(profile: pl.DataFrame) -> pl.DataFrame:
    """Per outlet: share of the text in reporting / commentary / analysis / reader comments (long form)."""
    kinds = ("reporting", "commentary", "analysis", "reader_comment")
    long = profile.select("outlet", *[pl.col(f"share_{k}").alias(k) for k in kinds]).unpivot(
        index="outlet", variable_name="kind", value_name="share_text")
    return long.with_columns(pl.col("share_text").fill_null(0.0)).sort("outlet", "kind")


def article_labels(articles: pl.DataFrame, limit: int = 1000) -> dict[str, str]:
    """Picker labels "outlet · date · title" by article_id (title or the text's first words), sorted by outlet
    and date; at most `limit` articles (a longer list is unusable in a picker)."""
    first_words = pl.col("text").fill_null("").str.slice(0, 200).str.strip_chars().str.split("\n").list.first()
    rows = (
        articles.sort(["outlet", "date", "article_id"], nulls_last=True).head(limit)
        .select("article_id", pl.col("outlet").fill_null(UNKNOWN_OUTLET), pl.col("date").fill_null("undated"),
                pl.coalesce(pl.col("title").str.strip_chars().replace("", None), first_words).str.slice(0, 80)
                .fill_null("").alias("title"))
    )
    return {r["article_id"]: f"{r['outlet']} · {r['date']} · {r['title']} [{r['article_id']}]"
            for r in rows.iter_rows(named=True)}


# ---- the article reader ----------------------------------------------------------------------------------------

ARTICLE_CSS = """
<style>
.fr-article {font-size: 0.95rem; line-height: 1.55; border: 1px solid #e6e6e6; border-radius: 6px; padding: 0.8rem 1rem;
  background: #fff;}
.fr-meta {color: #555; font-size: 0.85rem; margin-bottom: 0.6rem;}
.fr-title {font-weight: 600; font-size: 1.05rem; margin-bottom: 0.2rem;}
.fr-section {border-left: 4px solid #ccc; padding: 0.2rem 0 0.2rem 0.7rem; margin: 0.5rem 0; white-space: pre-wrap;}
.fr-kind {display: table; font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.04em; color: #fff;
  border-radius: 3px; padding: 0 0.35rem; margin-bottom: 0.2rem;}
.fr-quote {background: #fff3bf; border-bottom: 2px solid #f59f00; padding: 0 1px;}
.fr-quote.indirect {background: #e7f5ff; border-bottom-color: #4dabf7;}
.fr-quote.partial {background: #fff9db;}
.fr-speaker {font-size: 0.72rem; color: #fff; background: #495057; border-radius: 3px; padding: 0 0.3rem;
  margin-left: 0.2rem; vertical-align: 1px; white-space: nowrap;}
.fr-s-positive {box-shadow: inset 0 -2px 0 #1a9850;}
.fr-s-negative {box-shadow: inset 0 -2px 0 #d73027;}
.fr-opinion {font-style: italic; background: #fce4ec;}
.fr-legend span {margin-right: 0.8rem; font-size: 0.8rem;}
.fr-filter {color: #444; font-size: 0.85rem; background: #f4f6f8; border-radius: 4px; padding: 0.25rem 0.6rem;
  margin: 0.1rem 0 0.5rem 0; display: inline-block;}
</style>
"""

ARTICLE_LEGEND = (
    '<div class="fr-legend"><span><span class="fr-quote">direct quote</span></span>'
    '<span><span class="fr-quote partial">partial quote</span></span>'
    '<span><span class="fr-quote indirect">reported speech</span></span>'
    '<span class="fr-s-positive">positive sentence</span><span class="fr-s-negative">negative sentence</span>'
    '<span class="fr-opinion">opinionated (≥ 0.5)</span></div>'
)


def article_html(article: dict, sections: pl.DataFrame, sentences: pl.DataFrame, quotes: pl.DataFrame) -> str:
    """The article as markup built from escaped parts only: sections marked by kind, quotations highlighted with
    their speakers, sentence tone underlined and opinionated sentences in italics (details on hover)."""
    text = article.get("text") or ""
    meta = " · ".join(escape(v) for v in (
        article.get("outlet") or UNKNOWN_OUTLET, article.get("date") or "undated",
        f"agency {article['agency']}" if article.get("agency") else None, article.get("article_id")) if v)
    parts = ['<div class="fr-article">']
    if article.get("title"):
        parts.append(f'<div class="fr-title">{escape(article["title"])}</div>')
    parts.append(f'<div class="fr-meta">{meta}</div>')
    spans = sections.sort("start").iter_rows(named=True) if not sections.is_empty() else iter(
        [{"kind": "reporting", "start": 0, "end": len(text)}])
    quote_rows = quotes.sort("start").to_dicts() if not quotes.is_empty() else []
    for sec in spans:
        s0, s1 = sec["start"], sec["end"]
        colour = KIND_COLOURS.get(sec["kind"], "#888")
        parts.append(f'<div class="fr-section" style="border-left-color:{colour}">'
                     f'<span class="fr-kind" style="background:{colour}">{escape(sec["kind"].replace("_", " "))}'
                     '</span>')
        # Characters are walked once; quotes are wrapped per sentence piece so tags always nest.
        sent = sentences.filter((pl.col("end") > s0) & (pl.col("start") < s1)).sort("start").to_dicts() \
            if not sentences.is_empty() else []
        cuts = {s0, s1}
        for r in sent:
            cuts.update(x for x in (r["start"], r["end"]) if s0 <= x <= s1)
        for q in quote_rows:
            cuts.update(x for x in (q["start"], q["end"]) if s0 <= x <= s1)
        points = sorted(cuts)
        for a, b in zip(points, points[1:]):
            piece = escape(text[a:b])
            q = next((q for q in quote_rows if q["start"] <= a and b <= q["end"]), None)
            r = next((r for r in sent if r["start"] <= a and b <= r["end"]), None)
            if q is not None:
                speaker = q.get("speaker") or q.get("speaker_mention") or "unknown speaker"
                piece = (f'<span class="fr-quote {escape(q["mode"])}" title="{escape(q["mode"])} quote by '
                         f'{escape(speaker)}">{piece}</span>')
                if b == q["end"]:
                    piece += f'<span class="fr-speaker">{escape(speaker)}</span>'
            if r is not None:
                classes = []
                if r.get("tone_label") in ("positive", "negative"):
                    classes.append(f"fr-s-{r['tone_label']}")
                if (r.get("opinion") or 0) >= 0.5:
                    classes.append("fr-opinion")
                if classes:
                    title = f"tone {r.get('tone') or 0:+.2f}, opinion {r.get('opinion') or 0:.2f}"
                    if r.get("opinion_signals"):
                        title += f": {r['opinion_signals']}"
                    piece = f'<span class="{" ".join(classes)}" title="{escape(title)}">{piece}</span>'
            parts.append(piece)
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def filter_sentence_html(sentence: str, n_articles: int) -> str:
    """The active filter as an escaped one-line banner."""
    noun = "article" if n_articles == 1 else "articles"
    return f'<div class="fr-filter">Showing {n_articles:,} {noun}: {escape(sentence)}</div>'
