"""What the dashboard keeps between reruns: the analysed corpus, the filtered tables, and the view in the URL.

- The corpus is analysed once per content (`corpus_key`) and shared by every session of the server; the last two
  corpora are kept in one small cache here, whose lock lets one session analyse (with a progress bar) while the
  others wait with a message.
- Filtered analyses, text searches and comparison tables are cached with `st.cache_resource` (shared, not copied)
  by corpus key and filter, so going back to a filter is instant. They run on the integer-code tables of
  framing.aggregate.codes, which keep a filter change fast at 10,000 articles.
- The URL holds the whole view (filter, page, selected articles): it seeds the widgets once per session and is
  written back when it changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from framing import resources, schema
from framing.aggregate import codes
from framing.aggregate.filters import NO_GROUP, Filter, FilterOptions, filter_options
from framing.aggregate.grouping import with_groups
from framing.aggregate.tables import TABLES
from framing.load import uploads as store
from framing.present.charts import group_colours, outlet_colours

DEFAULT_VIEW = "Comparison"  # the first screen: its address carries no view=
FILTER_KEYS = ("f_outlets", "f_outlet_groups", "f_from", "f_to", "f_span", "f_undated", "f_kinds", "f_voices", "f_speakers", "f_groups",
               "f_text", "f_languages")
CORPORA_KEPT = 2  # analysed corpora kept in memory: the current one and the one before an upload
TABLES_KEPT = 64  # comparison tables kept, by filter: toggling back to a filter is instant
FILTERS_KEPT = 8  # filtered analyses kept
SEARCHES_KEPT = 16  # text searches kept (each lowercases every article's text once)


# ---------------------------------------------------------------- the corpus


def analysis_dir() -> Path | None:
    """FRAMING_ANALYSIS: the --out folder of `framing analyze`, opened instead of analysing a corpus (large corpora)."""
    configured = os.environ.get("FRAMING_ANALYSIS", "").strip()
    return Path(configured) if configured else None


def corpus_paths() -> list[Path]:
    """The bundled corpus (or FRAMING_CORPUS, paths separated by os.pathsep; nothing when FRAMING_ANALYSIS is
    set) plus the user's store."""
    configured = os.environ.get("FRAMING_CORPUS")
    paths = [Path(p) for p in configured.split(os.pathsep) if p.strip()] if configured else [resources.data_dir()]
    if analysis_dir() is not None:
        paths = []
    user = store.default_store_dir()
    if user.is_dir() and store.list_files(user):
        paths.append(user)
    return paths


@dataclass(frozen=True)
class Corpus:
    """One analysed corpus and what the dashboard derives from it once."""

    key: str
    analysis: Any  # as analysed (string article ids): the article reader and text reuse use it
    fast: Any  # the same tables with integer article codes: filters and comparison tables run on it
    ids: pl.Series  # article id by integer code
    options: FilterOptions  # what the sidebar offers
    colours: dict[str, str]  # per outlet, fixed for the corpus (framing.present.charts.outlet_colours)
    seconds: float
    group_colours: dict[str, str] = dataclasses.field(default_factory=dict)  # per group of outlets

    def by_group(self) -> Corpus:
        """The corpus as the views see it when they compare groups: the groups' colours in place of the outlets'."""
        return dataclasses.replace(self, colours=self.group_colours)

    def decode(self, df: pl.DataFrame) -> pl.DataFrame:
        """A table of the fast path with its article codes turned back into article ids."""
        return codes.decode_ids(df, self.ids)

    def article_id(self, code: int) -> str:
        """The article id of one integer code of the fast path (a clicked chart element's article)."""
        return str(self.ids[int(code)])


@st.cache_resource(show_spinner=False)
def _corpora() -> dict:
    """Analysed corpora shared by every session of this server, by corpus key (the last CORPORA_KEPT are kept)."""
    return {"lock": threading.Lock(), "corpora": OrderedDict()}


def load_corpus() -> Corpus:
    """The analysed corpus: from memory when its content is unchanged, else analysed with a progress bar
    (articles analysed before come from the on-disk cache)."""
    from framing.pipeline import corpus_key

    paths = corpus_paths()
    key = corpus_key(paths, analysis_dir())
    memory = _corpora()
    if not memory["lock"].acquire(blocking=False):
        with st.spinner("Another session is analysing the corpus; this view opens when it is done …"):
            memory["lock"].acquire()
    try:
        if key in memory["corpora"]:
            memory["corpora"].move_to_end(key)
            return memory["corpora"][key]
        corpus = _analyse(key, paths)
        memory["corpora"][key] = corpus
        while len(memory["corpora"]) > CORPORA_KEPT:
            memory["corpora"].popitem(last=False)
        return corpus
    finally:
        memory["lock"].release()


def _analyse(key: str, paths: list[Path]) -> Corpus:
    """Read and analyse the corpus (and the stored analysis of FRAMING_ANALYSIS) under a progress bar."""
    from framing.load.corpus import load_corpus as read_corpus, outlet_table
    from framing.pipeline import Analysis, analyze_articles, read_analysis

    slot = st.empty()
    bar = slot.progress(0.0, text="Reading the corpus …")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Analysing articles: {done:,} of {total:,}")

    started = time.perf_counter()
    loaded = read_corpus([str(p) for p in paths])
    stored = read_analysis(analysis_dir()) if analysis_dir() is not None else None
    if loaded.articles.is_empty():
        # analyze_articles cannot join an empty corpus (null-typed keys): build the empty tables here.
        analysis = Analysis(loaded.articles, *(schema.empty(s) for s in (
            schema.SECTIONS, schema.SENTENCES, schema.VOICE_SEGMENTS, schema.QUOTES)), loaded.errors)
    else:
        analysis = analyze_articles(loaded.articles, errors=loaded.errors, progress=progress)
    if stored is not None:
        analysis = Analysis(*(pl.concat([getattr(stored, t), getattr(analysis, t)], how="diagonal_relaxed")
                              for t in Analysis.TABLES))
    bar.progress(1.0, text="Preparing the views …")
    fast, ids = codes.encode_ids(analysis)
    options = filter_options(analysis)
    # outlets.csv's order fixes the colours of its outlets and groups; the others have their own (charts.py)
    listed = outlet_table([str(p) for p in paths]).outlets
    corpus = Corpus(key=key, analysis=analysis, fast=fast, ids=ids, options=options,
                    colours=outlet_colours(options.outlets, listed=[o.name for o in listed]),
                    group_colours=group_colours(options.groups, listed=list(dict.fromkeys(o.group for o in listed
                                                                                       if o.group))),
                    seconds=time.perf_counter() - started)
    slot.empty()
    return corpus


# ---------------------------------------------------------------- filtered tables (cached by corpus key and filter)


def filtered(corpus: Corpus, flt: Filter) -> Any:
    """`flt` applied to the integer-code tables."""
    return _filtered(corpus, corpus.key, flt)


def table(corpus: Corpus, name: str, flt: Filter, period: str = "month", by: str = "outlet") -> pl.DataFrame:
    """The comparison table `name` of TABLES for the filtered corpus, per outlet (or, `by="group"`, per group of
    outlets), with article ids (not codes).

    A table made from another one (`TableSpec.source`) is derived from that table's cached copy; text reuse is
    found once in the whole corpus and then narrowed to the pairs whose both articles pass the filter. `period`
    is for the tables grouped by period (over_time). Per group, the groups stand in the `outlet` column, so every
    chart draws them as it draws outlets; `shown` names that column `group` again for the table and its download."""
    found = _table(corpus, corpus.key, name, flt, period, by)
    if by == "group" and "group" in found.columns and "outlet" not in found.columns:
        return found.rename({"group": "outlet"})
    return found


def shown(df: pl.DataFrame, by: str = "outlet") -> pl.DataFrame:
    """A table as the page shows and downloads it: compared by group, its `outlet` column (the groups, see `table`)
    is called `group` (and the outlet × outlet matrix's `other_outlet` `other_group`)."""
    if by == "group" and "outlet" in df.columns and "group" not in df.columns:
        return df.rename({"outlet": "group", **({"other_outlet": "other_group"} if "other_outlet" in df.columns
                                               else {})})
    return df


@st.cache_resource(show_spinner=False, max_entries=SEARCHES_KEPT)
def _search(_corpus: Corpus, key: str, text: str) -> pl.DataFrame:
    return codes.search(_corpus.analysis, text)


@st.cache_resource(show_spinner=False, max_entries=FILTERS_KEPT)
def _filtered(_corpus: Corpus, key: str, flt: Filter) -> Any:
    # The text search is answered per search string, so changing another filter does not search again.
    matches = _search(_corpus, key, flt.text) if flt.text else None
    return codes.apply_searched(_corpus.fast, flt, matches)


def headline(corpus: Corpus, flt: Filter) -> dict:
    """The first screen's naming of the story (framing.aggregate.comparison.corpus_headline) for the filtered
    corpus, from the real titles and texts (the filtered tables carry a stand-in text); cached per filter: it reads
    every kept title and lead (about 0.17 s CPU at 10,000 articles)."""
    return _headline(corpus, corpus.key, flt)


@st.cache_resource(show_spinner=False, max_entries=FILTERS_KEPT)
def _headline(_corpus: Corpus, key: str, flt: Filter) -> dict:
    from framing.aggregate.comparison import corpus_headline

    kept = _corpus.decode(_filtered(_corpus, key, flt).articles.select("article_id"))
    return corpus_headline(_corpus.analysis.articles.join(kept, on="article_id", how="semi"))


@st.cache_resource(show_spinner=False, max_entries=CORPORA_KEPT)
def _reuse(_corpus: Corpus, key: str) -> pl.DataFrame:
    """Text reuse of the whole corpus: the pairs `framing analyze` stored with FRAMING_ANALYSIS when they are of
    exactly this corpus (framing.pipeline.stored_reuse: no uploads on top, the same texts); else found once per
    corpus content and kept on disk beside the analysis cache, so that a restarted dashboard (a warm start) reads
    it instead of finding it again (issue 19.4)."""
    from framing.pipeline.stored_reuse import stored_pairs

    stored = analysis_dir()
    if stored is not None:
        pairs = stored_pairs(stored, _corpus.analysis.articles)
        if pairs is not None:
            return pairs
    path = reuse_file(key)
    try:
        return pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError):
        pass
    pairs = TABLES["text_reuse"](_corpus.analysis)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        pairs.write_parquet(partial)
        partial.replace(path)  # whole or not at all: a reader never sees half a file
    except OSError:
        pass  # a read-only cache: found again next time
    return pairs


def reuse_file(key: str) -> Path:
    """Where the text reuse of the corpus `key` is kept (the module's source is in the name: a change to the
    algorithm finds the pairs again)."""
    import hashlib

    from framing.aggregate import reuse
    from framing.pipeline.cache import default_cache_dir

    code = hashlib.sha256(Path(reuse.__file__).read_bytes()).hexdigest()[:8]
    return default_cache_dir() / "text_reuse" / f"{key}-{code}.parquet"


@st.cache_resource(show_spinner=False, max_entries=FILTERS_KEPT)
def _kept_frames(_corpus: Corpus, key: str, flt: Filter) -> dict:
    """Per filter: the frames one table makes that another shows as it is (framing.aggregate.shared.sharing_kept)."""
    return {}


@st.cache_resource(show_spinner=False, max_entries=TABLES_KEPT)
def _table(_corpus: Corpus, key: str, name: str, flt: Filter, period: str = "month",
           by: str = "outlet") -> pl.DataFrame:
    from framing.aggregate.shared import sharing_kept

    view = _filtered(_corpus, key, flt)
    with sharing_kept(_kept_frames(_corpus, key, flt), ("quoted_gender",), view):
        return _computed(_corpus, key, name, flt, period, by, view)


def _computed(_corpus: Corpus, key: str, name: str, flt: Filter, period: str, by: str, view: Any) -> pl.DataFrame:
    spec = TABLES[name]
    if name == "text_reuse":
        kept = _corpus.decode(view.articles.select("article_id"))["article_id"].implode()
        return _reuse(_corpus, key).filter(pl.col("article_a").is_in(kept) & pl.col("article_b").is_in(kept))
    if spec.source is not None and spec.from_source is not None:
        source = _table(_corpus, key, spec.source, flt, "month", by)
        return with_groups(spec.from_source(source, spec.grouping(by)), view.articles)
    return _corpus.decode(spec(view, by=by, period=period))


# ---------------------------------------------------------------- the view in the URL


def _url_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def seed_from_url(corpus: Corpus, pages: tuple[str, ...]) -> None:
    """Once per session: widget values from the URL (values the corpus does not know are dropped), and the page of
    `view=<title>` to switch to (see `requested_page`)."""
    ss = st.session_state
    if ss.get("_seeded"):
        return
    params = _url_params()
    flt = Filter.from_query_params(params)
    options = corpus.options
    ss.f_outlets = [o for o in flt.outlets if o in options.outlets]
    ss.f_outlet_groups = [g for g in flt.groups if g in options.groups]
    ss.compare_by = "groups" if (params.get("compare") or [""])[-1] == "group" and has_groups(options) else "outlets"
    ss.f_from = _clamp(flt.date_from, options.date_min, options.date_max)
    ss.f_to = _clamp(flt.date_to, options.date_min, options.date_max)
    ss.f_undated = flt.include_undated
    ss.f_kinds = list(flt.section_kinds)
    ss.f_voices = list(flt.voices)
    ss.f_speakers = [s for s in flt.speakers if s in options.speakers]
    ss.f_groups = [g for g in flt.speaker_groups if g in options.speaker_groups]
    ss.f_text = flt.text
    ss.f_languages = [lang for lang in flt.languages if lang in corpus.options.languages]
    view = (params.get("view") or [None])[-1]
    if view in pages:
        ss._switch_to = view
    ids = set(corpus.analysis.articles["article_id"].to_list())
    ss.selected = [a for a in params.get("article", []) if a in ids][:2]
    ss._seeded = True


def _clamp(value: dt.date | None, low: dt.date | None, high: dt.date | None) -> dt.date | None:
    if value is None or low is None or high is None:
        return None
    return min(max(value, low), high)


def request_page() -> None:
    """on_change of the view picker: switch to the page it names on this rerun."""
    st.session_state._switch_to = st.session_state.view


def requested_page(current: str) -> str | None:
    """The page to switch to (from the URL's `view=` or the view picker) when it is not `current`, else None;
    the picker then shows `current` (also after the browser's back button changed the page)."""
    wanted = st.session_state.pop("_switch_to", None)
    if wanted is not None and wanted != current:
        return wanted
    st.session_state.view = current
    return None


def sync_span(date_min: dt.date, date_max: dt.date) -> None:
    """Before the sidebar's date slider is drawn: its span follows the From / To dates (an open end is the
    corpus's first or last day), also after a reset or a URL seed."""
    ss = st.session_state
    span = (_clamp(ss.get("f_from"), date_min, date_max) or date_min,
            _clamp(ss.get("f_to"), date_min, date_max) or date_max)
    if span[0] > span[1]:
        span = (span[1], span[0])
    if ss.get("f_span") != span:
        ss.f_span = span


def span_to_dates(date_min: dt.date, date_max: dt.date) -> None:
    """on_change of the date slider (applies on release): From / To from its span; an end at the corpus's first
    or last day stays open (no bound, so undated articles stay as the checkbox says)."""
    ss = st.session_state
    low, high = ss.f_span
    ss.f_from = None if low <= date_min else low
    ss.f_to = None if high >= date_max else high


def dates_to_span() -> None:
    """on_change of From / To: the slider is re-synced on the next run (sync_span)."""
    st.session_state.pop("f_span", None)


def reset_filters() -> None:
    """Every filter widget back to its empty value. The values are set, not only removed: a removed key let the
    browser's widget send its old selection back on the next run (the outlets stayed picked)."""
    ss = st.session_state
    for key in FILTER_KEYS:
        ss.pop(key, None)
    for key in ("f_outlets", "f_outlet_groups", "f_kinds", "f_voices", "f_speakers", "f_groups", "f_languages"):
        ss[key] = []
    ss.f_from = ss.f_to = None
    ss.f_text = ""
    ss.f_undated = True


def has_groups(options: FilterOptions) -> bool:
    """Whether the corpus has groups of outlets to compare (an outlets.csv gave at least one)."""
    return any(g != NO_GROUP for g in options.groups)


def compare_by() -> str:
    """What the views compare, from the sidebar's switch: "outlet" or "group"."""
    return "group" if st.session_state.get("compare_by") == "groups" else "outlet"


def url_params(flt: Filter, view: str, selected: list[str], by: str = "outlet") -> dict[str, list[str]]:
    """The view as query parameters: the filter in its own vocabulary, the page (`view=`, but for the first screen),
    the articles chosen in the reader and `compare=group` when the views compare groups."""
    params: dict[str, list[str]] = {k: v if isinstance(v, list) else [v] for k, v in flt.to_query_params().items()}
    if by == "group":
        params["compare"] = ["group"]
    if view != DEFAULT_VIEW:
        params["view"] = [view]
    if selected and view == "Articles":
        params["article"] = list(selected)
    return params


def write_url(flt: Filter, view: str, selected: list[str], by: str = "outlet") -> None:
    """The current view as query parameters; written only when it changed (no needless browser history)."""
    params = url_params(flt, view, selected, by)
    if params != _url_params():
        st.query_params.from_dict(params)
