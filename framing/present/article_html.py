"""The article reader's markup: an article with its sections, quotations, tone and opinion marked, and the filter
banner, built from escaped parts only.

Text that comes from the corpus or from a user (article text, titles, outlet and speaker names) is escaped here
before it becomes markup: `escape` turns HTML *and* Markdown/LaTeX syntax into character references, so
Streamlit's markdown renderer shows it literally. Nothing here imports Streamlit.
"""

from __future__ import annotations

import polars as pl

from framing.aggregate.filters import UNKNOWN_OUTLET
from framing.present.charts import KIND_COLOURS

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
.fr-focus {outline: 2px solid #7048e8; background: #f3f0ff; border-radius: 2px;}
.fr-focus-box {font-size: 0.9rem; margin: 0.2rem 0 0.6rem 0;}
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


def article_html(article: dict, sections: pl.DataFrame, sentences: pl.DataFrame, quotes: pl.DataFrame, *,
                 focus: tuple[int, int] | None = None) -> str:
    """The article as markup built from escaped parts only: sections marked by kind, quotations highlighted with
    their speakers, sentence tone underlined and opinionated sentences in italics (details on hover); the
    characters of `focus` (start, end: a sentence or quotation a table row pointed at) framed."""
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
        if focus is not None:
            cuts.update(x for x in focus if s0 <= x <= s1)
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
            if focus is not None and focus[0] <= a and b <= focus[1]:
                piece = f'<span class="fr-focus">{piece}</span>'
            parts.append(piece)
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def filter_sentence_html(sentence: str, n_articles: int) -> str:
    """The active filter as an escaped one-line banner."""
    noun = "article" if n_articles == 1 else "articles"
    return f'<div class="fr-filter">Showing {n_articles:,} {noun}: {escape(sentence)}</div>'
