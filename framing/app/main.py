"""The framing dashboard: one story, several outlets, side by side. Started by `framing dashboard` or `streamlit run
dashboard.py` (whose only job is to call `main` here, so an installed package carries the whole app).

The frame of every page: page configuration, the sidebar's filter and the navigation (`st.navigation`, one module
per page in framing/app/, chosen with the view picker above the page). The corpus is analysed once per content and
the filtered tables are cached (framing.app.state); the whole view (filter, page, selected articles) lives in the
URL, so `?view=Tone` opens the Tone page as it always did.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from framing import resources, schema
from framing.aggregate.filters import NO_GROUP, Filter, FilterOptions
from framing.app import actors, articles, commentary, comparison, overview, reuse, state, timeline, tone, upload, voices
from framing.app.blocks import View, banner
from framing.errors import FramingError
from framing.present.article_html import ARTICLE_CSS, escape
from framing.present.words import counted

PAGES = (comparison, overview, tone, voices, actors, commentary, timeline, reuse, articles, upload)  # the view picker's order
VIEWS = tuple(page.TITLE for page in PAGES)
# The Speakers filter lists this many names (the most quoted): 10,000 articles have 10,000+ speakers, a list that
# the browser rebuilt on every run and nobody scrolls; any other speaker can be typed in full.
SPEAKERS_LISTED = 1_000


def sidebar(options: FilterOptions, sb: Any) -> None:
    """The filter widgets, in `sb` (the sidebar's slot); current_filter reads their values. Their values outlive a
    page switch (persist_state="session"), so the filter stays as it is from page to page."""
    if state.has_groups(options):
        sb.segmented_control("Compare", ("outlets", "groups"), key="compare_by", required=True,
                             persist_state="session", help="Whether every view compares the outlets or the groups "
                             "of outlets that outlets.csv gives.")
    sb.markdown("### Filter")
    groups = dict(options.outlet_groups)
    sb.multiselect("Outlets", options.outlets, key="f_outlets", persist_state="session", placeholder="All outlets",
                   format_func=lambda o: f"{o} · {groups[o]}" if groups.get(o, NO_GROUP) != NO_GROUP else o)
    if state.has_groups(options):
        sb.multiselect("Outlet groups", options.groups, key="f_outlet_groups", persist_state="session",
                       placeholder="All groups", help="Groups of outlets, as outlets.csv gives them; "
                       f"{NO_GROUP} holds the outlets it does not list.")
    dated = options.date_min is not None
    # One date a row, the sidebar's full width: two in a row were too narrow to read a date.
    kwargs = {"value": None, "min_value": options.date_min, "max_value": options.date_max, "format": "YYYY-MM-DD",
              "disabled": not dated, "help": "A day picked in the calendar applies at once; a typed date when you "
              "leave the field (Tab). The slider below applies as soon as you let go."}
    sb.date_input("From", key="f_from", persist_state="session", on_change=state.dates_to_span, **kwargs)
    sb.date_input("To", key="f_to", persist_state="session", on_change=state.dates_to_span, **kwargs)
    if dated and options.date_min < options.date_max:
        state.sync_span(options.date_min, options.date_max)
        sb.slider("Date range", min_value=options.date_min, max_value=options.date_max, key="f_span",
                  format="YYYY-MM-DD", on_change=state.span_to_dates, args=(options.date_min, options.date_max),
                  label_visibility="collapsed")
    sb.checkbox("Include undated articles", key="f_undated", persist_state="session",
                help="Articles whose text gives no date. A month-only date counts when the month overlaps the range.")
    sb.multiselect("Section kinds", schema.SECTION_KINDS, key="f_kinds", persist_state="session", placeholder="All sections",
                   format_func=lambda k: k.replace("_", " "))
    sb.multiselect("Voices", schema.VOICES, key="f_voices", persist_state="session", placeholder="All voices",
                   help="journalist: the outlet's own words; quoted: people it quotes; reader: reader comments.")
    chosen = list(st.session_state.get("f_speakers") or ())
    listed = list(options.speakers[:SPEAKERS_LISTED])
    top = set(listed)
    listed += [name for name in chosen if name not in top]  # a chosen name stays choosable
    more = len(options.speakers) - SPEAKERS_LISTED
    sb.multiselect("Speakers", listed, key="f_speakers", persist_state="session", placeholder="All speakers",
                   accept_new_options=more > 0,
                   help="Restricts quotes (and the Voices view) to these speakers. " + (
                       f"The list holds the {SPEAKERS_LISTED:,} speakers with the most quoted words; type any of "
                       f"the {more:,} others in full and press Enter." if more > 0 else ""))
    every = set(options.speakers) if chosen else set()
    unknown = [name for name in chosen if name not in every]
    if unknown:
        sb.warning(f"No quotation in the corpus has the speaker {', '.join(map(repr, unknown))}: check the "
                   "spelling (the Voices table lists every speaker).")
    sb.multiselect("Speaker groups", options.speaker_groups, key="f_groups", persist_state="session", placeholder="All groups")
    sb.text_input("Text search", key="f_text", persist_state="session", placeholder="e.g. Sicherheitsgarantien",
                  help="Keeps whole articles whose title or text contains this (not case-sensitive).")
    sb.multiselect("Languages", options.languages, key="f_languages", persist_state="session",
                   placeholder="All languages", help="The quotation, tone and opinion rules are built for German; "
                   "articles in other languages are marked outside_scope.")
    sb.button("Reset filters", on_click=state.reset_filters, width="stretch")
    date_from, date_to = st.session_state.get("f_from"), st.session_state.get("f_to")
    if date_from and date_to and date_from > date_to:
        sb.warning("'From' is after 'To': the dates were swapped.")


def current_filter() -> Filter:
    """The one Filter value every page uses, from the filter widgets' values in the session (seeded from the URL
    on a session's first run, so they are there before the widgets are drawn); dates given the wrong way round are
    swapped."""
    ss = st.session_state
    date_from, date_to = ss.get("f_from"), ss.get("f_to")
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return Filter(
        outlets=tuple(ss.get("f_outlets") or ()), groups=tuple(ss.get("f_outlet_groups") or ()), date_from=date_from, date_to=date_to,
        include_undated=ss.get("f_undated", True), section_kinds=tuple(ss.get("f_kinds") or ()),
        voices=tuple(ss.get("f_voices") or ()), speakers=tuple(ss.get("f_speakers") or ()),
        speaker_groups=tuple(ss.get("f_groups") or ()), text=ss.get("f_text") or "",
        languages=tuple(ss.get("f_languages") or ()),
    )


def navigation(view: View) -> st.Page:
    """The page to show: st.navigation picks it by the URL's path; the view picker (and `view=` in the URL) switch
    to another one."""
    pages = {
        page.TITLE: st.Page(lambda page=page: page.render(view), title=page.TITLE,
                            url_path=page.__name__.rsplit(".", 1)[-1], default=page is comparison)
        for page in PAGES
    }
    current = st.navigation(list(pages.values()), position="hidden")
    target = state.requested_page(current.title)
    if target is not None:
        # The new page's URL with the whole view at once (st.switch_page would clear the query otherwise).
        selected = st.session_state.get("selected", [])
        st.switch_page(pages[target], query_params=state.url_params(view.flt, target, selected, view.by))
    st.segmented_control("View", VIEWS, key="view", required=True, label_visibility="collapsed",
                         on_change=state.request_page, persist_state="session")
    return current


def main() -> None:
    st.set_page_config(page_title="framing: outlets side by side", page_icon=str(resources.page_icon()), layout="wide")
    st.markdown(ARTICLE_CSS, unsafe_allow_html=True)
    try:
        corpus = state.load_corpus()
    except FramingError as exc:
        st.error(f"The corpus could not be loaded: {escape(exc)}")
        upload.render()
        return
    except Exception as exc:  # not the user's fault: say so, keep the details one click away
        st.error("The corpus could not be analysed because of an unexpected error. Remove the last upload from "
                 "the user corpus folder or report the details below.")
        with st.expander("Details"):
            st.exception(exc)
        upload.render()
        return
    run_started = time.perf_counter()
    state.seed_from_url(corpus, VIEWS)
    flt = current_filter()
    # The sidebar's widgets are drawn after the page, into this slot at the top of the sidebar: the page's first
    # chart then reaches the browser before a dozen widgets, whose scripts the browser loaded and ran first (about
    # 0.8 s of a first page in Chromium, bench/views.py). Their values are in the session before they are drawn.
    slot = st.sidebar.container()
    try:
        page(corpus, flt, run_started)
    finally:
        sidebar(corpus.options, slot)
        arts = corpus.analysis.articles
        groups = [g for g in corpus.options.groups if g != NO_GROUP]
        in_groups = f" in {len(groups)} groups" if groups else ""
        stored = state.analysis_dir()
        how = (f"the analysis in {stored.name}/, read in {corpus.seconds:.1f} s" if stored is not None
               else f"analysed in {corpus.seconds:.1f} s, then cached")
        slot.caption(f"Corpus: {counted(arts.height, 'article')} from {counted(len(corpus.options.outlets), 'outlet')}"
                     f"{in_groups} ({how}).")
    # A widget drawn for the first time may have changed a value: draw the page again for it, once.
    if current_filter() != flt and not st.session_state.get("_filter_rerun"):
        st.session_state._filter_rerun = True
        st.rerun()
    st.session_state._filter_rerun = False


def page(corpus: state.Corpus, flt: Filter, run_started: float) -> None:
    """The view picker and the page it picks, for the filter `flt`, with the server time it took."""
    arts = corpus.analysis.articles
    st.markdown("## How outlets frame the story")
    filter_started = time.perf_counter()
    by = state.compare_by() if state.has_groups(corpus.options) else "outlet"
    view = View(corpus.by_group() if by == "group" else corpus, flt, state.filtered(corpus, flt) if arts.height
                else None, by)
    shown = navigation(view)
    if arts.is_empty():
        st.info("The corpus has no articles yet. Add some under **Add articles** (or point FRAMING_CORPUS at a "
                "folder of .txt / .md / .jsonl / .csv / .html files).")
        state.write_url(flt, upload.TITLE, [])
        upload.render()
        return
    if shown.title != upload.TITLE and view.filtered.articles.is_empty():
        banner(view)
        st.info("No articles match this filter. Remove an outlet, widen the dates, tick 'Include undated "
                "articles' or clear the text search (or press 'Reset filters').")
    else:
        shown.run()
    state.write_url(flt, shown.title, st.session_state.get("selected", []), by)
    done = time.perf_counter()
    st.session_state.server_ms = (done - filter_started) * 1000
    st.caption(f"Server time for this view: {(done - filter_started) * 1000:.0f} ms "
               f"(filter, tables and charts; whole run {(done - run_started) * 1000:.0f} ms).")


# `framing dashboard` runs this file as the script (dashboard.py imports it and calls main). A process pool started
# later in the same interpreter (after AppTest) re-runs the main module in its children as __mp_main__, where the
# page must not be built.
if __name__ == "__main__":
    main()
