"""Articles: one or two articles side by side, sections marked, quotations highlighted with their speakers, tone
and opinion per sentence; the filter picks which articles are offered."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.aggregate.derived import article_labels
from framing.app.blocks import View, banner, glossary, table
from framing.present.article_html import ARTICLE_CSS, ARTICLE_LEGEND, article_html

TITLE = "Articles"


def _pick(view: View) -> list[str]:
    """The one or two articles chosen (kept in st.session_state.selected and the URL)."""
    articles = view.corpus.decode(view.filtered.articles)
    labels = article_labels(articles)
    ss = st.session_state
    for extra in ss.get("selected", []):  # a chosen article stays choosable even beyond the picker's limit
        if extra not in labels and articles.filter(pl.col("article_id") == extra).height:
            labels.update(article_labels(articles.filter(pl.col("article_id") == extra)))
    ids = list(labels)
    if view.filtered.articles.height > len(ids):
        st.caption(f"The pickers list {len(ids):,} of {view.filtered.articles.height:,} articles: narrow the filter "
                   "(outlet, dates, text search) to reach the others.")
    ss.selected = [a for a in ss.get("selected", []) if a in labels]
    if not ss.selected and ids:
        ss.selected = ids[:2]
    first = ss.selected[0] if ss.selected else ids[0]
    banner(view)
    second = ss.selected[1] if len(ss.selected) > 1 else None
    c1, c2 = st.columns(2)
    a = c1.selectbox("Article", ids, index=ids.index(first), format_func=labels.get, key=f"pick_a_{first}")
    b_options = [None, *ids]
    b = c2.selectbox("Beside it", b_options, index=b_options.index(second), key=f"pick_b_{second}",
                     format_func=lambda i: "(none)" if i is None else labels[i])
    chosen = [x for x in (a, b) if x]
    if chosen != ss.selected:
        ss.selected = chosen
        st.rerun()
    return chosen


def render(view: View) -> None:
    chosen = _pick(view)
    st.markdown(ARTICLE_CSS + ARTICLE_LEGEND, unsafe_allow_html=True)
    full = view.corpus.analysis
    columns = st.columns(len(chosen))
    for column, article_id in zip(columns, chosen):
        with column:
            one = pl.col("article_id") == article_id
            article = full.articles.filter(one).row(0, named=True)
            st.markdown(article_html(article, full.sections.filter(one), full.sentences.filter(one),
                                     full.quotes.filter(one)), unsafe_allow_html=True)
            quotes = full.quotes.filter(one).select("quote_id", "speaker", "speaker_group", "mode", "cue", "text")
            st.markdown("##### Quotations")
            table(quotes, f"quotes_{article_id}")
            sents = full.sentences.filter(one).select("sentence_id", "kind", "voice", "tone", "tone_label",
                                                      "polarity_textblob", "opinion", "opinion_signals", "text")
            st.markdown("##### Sentences: tone and opinion")
            table(sents, f"sentences_{article_id}", height=300 if sents.height > 8 else "auto")
    glossary("Marks", "Whole article")
