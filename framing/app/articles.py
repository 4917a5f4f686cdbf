"""Articles: one or two articles side by side, sections marked, quotations highlighted with their speakers, tone
and opinion per sentence; the filter picks which articles are offered, and a table row elsewhere opens its article
here at its sentence or quotation (st.session_state.focus, set by blocks.open_in_reader)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.aggregate.evidence import article_labels
from framing.app.blocks import View, banner, glossary, table
from framing.present.article_html import ARTICLE_CSS, ARTICLE_LEGEND, article_html, escape

TITLE = "Articles"
LABELS_KEPT = 8  # picker label sets kept, by corpus and filter


@st.cache_resource(show_spinner=False, max_entries=LABELS_KEPT)
def _labels(_view: View, key: str, flt) -> dict[str, str]:
    """Labels of every filtered article, from the analysed articles (real titles and text; the integer-code
    tables the filter runs on carry a stand-in text)."""
    kept = _view.corpus.decode(_view.filtered.articles.select("article_id"))["article_id"].implode()
    return article_labels(_view.corpus.analysis.articles.filter(pl.col("article_id").is_in(kept)))


def _pick(view: View) -> list[str]:
    """The one or two articles chosen (kept in st.session_state.selected and the URL). The pickers list every
    filtered article and search as you type (outlet · date · title)."""
    labels = dict(_labels(view, view.corpus.key, view.flt))
    ss = st.session_state
    full = view.corpus.analysis.articles
    for extra in ss.get("selected", []):  # an article opened from a table stays choosable outside the filter
        if extra not in labels and full.filter(pl.col("article_id") == extra).height:
            labels.update(article_labels(full.filter(pl.col("article_id") == extra)))
    ids = list(labels)
    ss.selected = [a for a in ss.get("selected", []) if a in labels]
    if not ss.selected and ids:
        ss.selected = ids[:1]
    first = ss.selected[0] if ss.selected else ids[0]
    banner(view)
    second = ss.selected[1] if len(ss.selected) > 1 else None
    c1, c2 = st.columns(2)
    a = c1.selectbox(f"Article (type to search {len(ids):,} articles: outlet · date · title)", ids,
                     index=ids.index(first), format_func=labels.get, key=f"pick_a_{first}")
    b_options = [None, *ids]
    b = c2.selectbox("Beside it", b_options, index=b_options.index(second), key=f"pick_b_{second}",
                     format_func=lambda i: "(none)" if i is None else labels[i])
    chosen = [x for x in (a, b) if x]
    if chosen != ss.selected:
        ss.selected = chosen
        st.rerun()
    return chosen


# where a passage was opened from (blocks.open_in_reader's `source`), as the reader says it
_ORIGINS = {
    "framing_comparison.journalist_tone": "From the first screen, the tone of the outlet's own words",
    "framing_comparison.share_opinionated": "From the first screen, the outlet's opinionated sentences",
    "framing_comparison.commentary_share": "From the first screen, the outlet's commentary",
    "framing_comparison.quoted_share": "From the first screen, the text the outlet quotes",
    "framing_comparison.share_direct": "From the first screen, the outlet's direct quotations",
    "framing_comparison.share_women": "From the first screen, the women the outlet quotes",
    "quoted_actors": "From who is quoted where",
}


def _focus_origin() -> str:
    source = (st.session_state.get("focus") or {}).get("source") or ""
    return _ORIGINS.get(source, "From the table")


def _focus_span(article_id: str, sentences: pl.DataFrame, quotes: pl.DataFrame) -> tuple[int, int, str] | None:
    """The span and text of the sentence or quotation a table row pointed at, when it is in this article."""
    focus = st.session_state.get("focus") or {}
    if focus.get("article_id") != article_id:
        return None
    for column, rows in (("quote_id", quotes), ("sentence_id", sentences)):
        if focus.get(column) is not None:
            hit = rows.filter(pl.col(column) == focus[column])
            if hit.height:
                row = hit.row(0, named=True)
                return row["start"], row["end"], row["text"] or ""
    return None


def render(view: View) -> None:
    chosen = _pick(view)
    st.markdown(ARTICLE_CSS + ARTICLE_LEGEND, unsafe_allow_html=True)
    full = view.corpus.analysis
    columns = st.columns(len(chosen))
    for column, article_id in zip(columns, chosen):
        with column:
            one = pl.col("article_id") == article_id
            article = full.articles.filter(one).row(0, named=True)
            sentences, quotes = full.sentences.filter(one), full.quotes.filter(one)
            focus = _focus_span(article_id, sentences, quotes)
            if focus is not None:
                st.markdown(f'<div class="fr-focus-box">{escape(_focus_origin())}: <span class="fr-focus">'
                            f'{escape(focus[2])}</span> (marked in the article below)</div>', unsafe_allow_html=True)
            st.markdown(article_html(article, full.sections.filter(one), sentences, quotes,
                                     focus=focus[:2] if focus else None), unsafe_allow_html=True)
            quotes_shown = quotes.select("quote_id", "speaker", "speaker_group", "mode", "cue", "text")
            st.markdown("##### Quotations")
            table(quotes_shown, f"quotes_{article_id}")
            sents = sentences.select("sentence_id", "kind", "voice", "tone", "tone_label", "polarity_textblob",
                                     "opinion", "opinion_signals", "text")
            st.markdown("##### Sentences: tone and opinion")
            table(sents, f"sentences_{article_id}", height=300 if sents.height > 8 else "auto")
    glossary("Marks", "Whole article")
