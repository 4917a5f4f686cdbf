"""The framing dashboard: one story, several outlets, side by side.  Run with `streamlit run dashboard.py`.

A thin shell: the corpus is analysed once per corpus content (in memory here, on disk by framing.pipeline), the
sidebar builds one `Filter`, and each view turns filtered tables from framing.aggregate.tables into plotly charts, tables
and CSV downloads. The whole view (filter, view, selected articles) lives in the URL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import streamlit as st

from framing import resources, schema
from framing.load import uploads as store
from framing.present import charts as views
from framing.aggregate.tables import TABLES, most_opinionated
from framing.errors import FramingError
from framing.present.export import to_csv_bytes
from framing.aggregate.filters import UNKNOWN_LANGUAGE, UNKNOWN_OUTLET, Filter, outlet_label

VIEWS = ("Overview", "Tone", "Voices", "Commentary", "Text reuse", "Articles", "Add articles")
UPLOAD_TYPES = ["txt", "md", "jsonl", "json", "csv", "html", "htm"]
FILTER_KEYS = ("f_outlets", "f_from", "f_to", "f_undated", "f_kinds", "f_voices", "f_speakers", "f_groups", "f_text",
               "f_languages")
TABLE_CACHE_SIZE = 64  # filtered tables kept per corpus, so toggling back to a filter is instant


# ---------------------------------------------------------------- corpus and analysis


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


def corpus_key(paths: list[Path]) -> str:
    """Fingerprint of the corpus content (every article and manifest file) and of the analysis code."""
    from framing.pipeline import fingerprint
    from framing.load.corpus import discover

    files, manifests, _ = discover(paths)
    digest = hashlib.sha256(fingerprint().encode())
    if analysis_dir() is not None:
        files += sorted(analysis_dir().rglob("*.parquet"))
    for path in sorted(files + manifests):
        digest.update(str(path).encode("utf-8", "surrogateescape"))  # a file name need not be UTF-8
        digest.update(_file_digest(path))
    return digest.hexdigest()[:24]


def _file_digest(path: Path) -> bytes:
    """sha256 of a file's content, re-read only when its size or modification time changed (every rerun asks)."""
    try:
        stat = path.stat()
    except OSError:
        return b"unreadable"
    digests = _memory()["digests"]
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in digests:
        try:
            digests[key] = hashlib.sha256(path.read_bytes()).digest()
        except OSError:
            return b"unreadable"
    return digests[key]


@dataclass
class Corpus:
    """One analysed corpus and what the dashboard derives from it once."""

    key: str
    analysis: object  # as analysed (string article ids): the article reader and text reuse use it
    fast: object  # the same tables with integer article ids: filters and comparison tables run on it
    ids: pl.Series  # article id by integer code
    colours: dict[str, str]
    outlets: list[str]
    speakers: list[str]
    groups: list[str]
    date_min: dt.date | None
    date_max: dt.date | None
    seconds: float
    tables: OrderedDict = field(default_factory=OrderedDict)
    filtered: OrderedDict = field(default_factory=OrderedDict)
    searches: OrderedDict = field(default_factory=OrderedDict)
    reuse: pl.DataFrame | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def table(self, name: str, flt: Filter, filtered: object) -> pl.DataFrame:
        """A comparison table of the filtered analysis, remembered per filter."""
        cache_key = (name, flt)
        with self.lock:
            if cache_key in self.tables:
                self.tables.move_to_end(cache_key)
                return self.tables[cache_key]
        if name == "most_opinionated":
            df = self.decode(most_opinionated(filtered, n=30))
        elif name == "text_reuse":
            df = self.reuse_for(filtered)
        else:
            df = TABLES[name](filtered, by="outlet")
        with self.lock:
            self.tables[cache_key] = df
            while len(self.tables) > TABLE_CACHE_SIZE:
                self.tables.popitem(last=False)
        return df

    def apply(self, flt: Filter) -> object:
        """`flt` applied to the integer-id tables, remembered for the last few filters.

        A text search lowercases every article's text: its result (the matching articles, by Filter's own
        mask) is kept per search string, so changing another filter does not search again."""
        key = flt
        with self.lock:
            if key in self.filtered:
                self.filtered.move_to_end(key)
                return self.filtered[key]
        base = self.fast
        if flt.text:
            with self.lock:
                matches = self.searches.get(flt.text)
            if matches is None:
                matches = views.search(self.analysis, flt.text)
                with self.lock:
                    self.searches[flt.text] = matches
                    while len(self.searches) > 16:
                        self.searches.popitem(last=False)
            base = dataclasses.replace(base, articles=base.articles.join(matches, on="article_id", how="semi"))
            flt = dataclasses.replace(flt, text="")
        result = flt.apply(base)
        with self.lock:
            self.filtered[key] = result
            while len(self.filtered) > 8:
                self.filtered.popitem(last=False)
        return result

    def decode(self, df: pl.DataFrame) -> pl.DataFrame:
        return views.decode_ids(df, self.ids)

    def reuse_for(self, filtered: object) -> pl.DataFrame:
        """Pairs of kept articles that share text: computed once over the whole corpus, then filtered."""
        with self.lock:
            if self.reuse is None:
                self.reuse = TABLES["text_reuse"](self.analysis)
        ids = self.decode(filtered.articles.select("article_id"))["article_id"].implode()
        return self.reuse.filter(pl.col("article_a").is_in(ids) & pl.col("article_b").is_in(ids))


@st.cache_resource(show_spinner=False)
def _memory() -> dict:
    """Analysed corpora shared by every session of this server, by corpus key (the last two are kept)."""
    return {"lock": threading.Lock(), "corpora": OrderedDict(), "digests": {}}


def load_corpus() -> Corpus:
    """The analysed corpus: from memory when its content is unchanged, else analysed with a progress bar
    (articles analysed before come from the on-disk cache)."""
    from framing.pipeline import Analysis, analyze_articles, read_analysis
    from framing.load.corpus import load_corpus as read_corpus

    paths = corpus_paths()
    key = corpus_key(paths)
    memory = _memory()
    if not memory["lock"].acquire(blocking=False):
        with st.spinner("Another session is analysing the corpus; this view opens when it is done …"):
            memory["lock"].acquire()
    try:
        if key in memory["corpora"]:
            memory["corpora"].move_to_end(key)
            return memory["corpora"][key]
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
            analysis = Analysis(*(pl.concat([getattr(stored, t), getattr(analysis, t)], how="vertical_relaxed")
                                  for t in Analysis.TABLES))
        bar.progress(1.0, text="Preparing the views …")
        corpus = _derive(key, analysis, time.perf_counter() - started)
        slot.empty()
        memory["corpora"][key] = corpus
        while len(memory["corpora"]) > 2:
            memory["corpora"].popitem(last=False)
        return corpus
    finally:
        memory["lock"].release()


def _derive(key: str, analysis: object, seconds: float) -> Corpus:
    arts = analysis.articles
    outlets = sorted(arts.select(outlet_label())["outlet"].unique().to_list(), key=lambda o: (o == UNKNOWN_OUTLET, o))
    by_words = (analysis.quotes.filter(pl.col("speaker").is_not_null())
                .group_by("speaker").agg(pl.col("n_words").sum()).sort(["n_words", "speaker"], descending=[True, False]))
    groups = sorted(analysis.quotes["speaker_group"].drop_nulls().unique().to_list())
    fast, ids = views.encode_ids(analysis)
    return Corpus(
        key=key, analysis=analysis, fast=fast, ids=ids, colours=views.outlet_colours(outlets), outlets=outlets,
        speakers=by_words["speaker"].to_list(), groups=groups,
        date_min=arts["date_first"].min(), date_max=arts["date_last"].max(), seconds=seconds,
    )


# ---------------------------------------------------------------- URL state


def _url_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def seed_from_url(corpus: Corpus) -> None:
    """Once per session: widget values from the URL (values the corpus does not know are dropped)."""
    if st.session_state.get("_seeded"):
        return
    params = _url_params()
    flt = Filter.from_query_params(params)
    ss = st.session_state
    ss.f_outlets = [o for o in flt.outlets if o in corpus.outlets]
    ss.f_from = _clamp(flt.date_from, corpus)
    ss.f_to = _clamp(flt.date_to, corpus)
    ss.f_undated = flt.include_undated
    ss.f_kinds = list(flt.section_kinds)
    ss.f_voices = list(flt.voices)
    ss.f_speakers = [s for s in flt.speakers if s in corpus.speakers]
    ss.f_groups = [g for g in flt.speaker_groups if g in corpus.groups]
    ss.f_text = flt.text
    ss.f_languages = [lang for lang in flt.languages if lang in _languages(corpus)]  # issue 17: language filter
    view = (params.get("view") or ["Overview"])[-1]
    ss.view = view if view in VIEWS else "Overview"
    ids = set(corpus.analysis.articles["article_id"].to_list())
    ss.selected = [a for a in params.get("article", []) if a in ids][:2]
    ss._seeded = True


def _clamp(value: dt.date | None, corpus: Corpus) -> dt.date | None:
    if value is None or corpus.date_min is None or corpus.date_max is None:
        return None
    return min(max(value, corpus.date_min), corpus.date_max)


def write_url(flt: Filter, view: str, selected: list[str]) -> None:
    """The current view as query parameters; written only when it changed (no needless browser history)."""
    params: dict[str, list[str]] = {k: v if isinstance(v, list) else [v] for k, v in flt.to_query_params().items()}
    if view != "Overview":
        params["view"] = [view]
    if selected and view == "Articles":
        params["article"] = list(selected)
    if params != _url_params():
        st.query_params.from_dict(params)


# ---------------------------------------------------------------- sidebar


def _languages(corpus: Corpus) -> list[str]:
    """The article languages of the corpus (issue 17), for the language filter."""
    column = corpus.analysis.articles.get_column("language", default=pl.Series("language", [], pl.String))
    return sorted(set(column.fill_null(UNKNOWN_LANGUAGE).to_list()))


def _reset_filters() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)
    st.session_state.f_undated = True


def sidebar(corpus: Corpus) -> Filter:
    """The filter widgets; returns the one Filter value every view uses."""
    sb = st.sidebar
    sb.markdown("### Filter")
    sb.multiselect("Outlets", corpus.outlets, key="f_outlets", placeholder="All outlets")
    dated = corpus.date_min is not None
    c1, c2 = sb.columns(2)
    kwargs = {"value": None, "min_value": corpus.date_min, "max_value": corpus.date_max, "format": "YYYY-MM-DD",
              "disabled": not dated}
    c1.date_input("From", key="f_from", **kwargs)
    c2.date_input("To", key="f_to", **kwargs)
    sb.checkbox("Include undated articles", key="f_undated",
                help="Articles whose text gives no date. A month-only date counts when the month overlaps the range.")
    sb.multiselect("Section kinds", schema.SECTION_KINDS, key="f_kinds", placeholder="All sections",
                   format_func=lambda k: k.replace("_", " "))
    sb.multiselect("Voices", schema.VOICES, key="f_voices", placeholder="All voices",
                   help="journalist: the outlet's own words; quoted: people it quotes; reader: reader comments.")
    sb.multiselect("Speakers", corpus.speakers, key="f_speakers", placeholder="All speakers",
                   help="Restricts quotes (and the Voices view) to these speakers.")
    sb.multiselect("Speaker groups", corpus.groups, key="f_groups", placeholder="All groups")
    sb.text_input("Text search", key="f_text", placeholder="e.g. Sicherheitsgarantien",
                  help="Keeps whole articles whose title or text contains this (not case-sensitive).")
    sb.multiselect("Languages", _languages(corpus), key="f_languages", placeholder="All languages", help="The "
                   "quotation, tone and opinion rules are built for German; other languages are marked outside_scope.")
    sb.button("Reset filters", on_click=_reset_filters, width="stretch")
    ss = st.session_state
    date_from, date_to = ss.get("f_from"), ss.get("f_to")
    if date_from and date_to and date_from > date_to:
        sb.warning("'From' is after 'To': the dates were swapped.")
        date_from, date_to = date_to, date_from
    return Filter(
        outlets=tuple(ss.get("f_outlets") or ()), date_from=date_from, date_to=date_to,
        include_undated=ss.get("f_undated", True), section_kinds=tuple(ss.get("f_kinds") or ()),
        voices=tuple(ss.get("f_voices") or ()), speakers=tuple(ss.get("f_speakers") or ()),
        speaker_groups=tuple(ss.get("f_groups") or ()), text=ss.get("f_text") or "",
        languages=tuple(ss.get("f_languages") or ()),
    )


# ---------------------------------------------------------------- building blocks


def banner(flt: Filter, filtered: object) -> None:
    st.markdown(views.filter_sentence_html(flt.describe(), filtered.articles.height), unsafe_allow_html=True)


def arrow(df: pl.DataFrame):
    """The frame as an Arrow table: st.dataframe sends Arrow as it is, while a polars frame goes through pandas
    (to_pandas), where concurrent sessions deadlocked on polars' thread pool and the GIL (tests/test_load.py)."""
    return df.to_arrow()


def chart(fig) -> None:
    st.plotly_chart(fig, config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]})


def table(df: pl.DataFrame, name: str, *, height: int | str = "auto", column_config: dict | None = None) -> None:
    """The table behind a chart, exactly as filtered, with its CSV download right under it."""
    st.dataframe(arrow(df), hide_index=True, height=height, column_config={**pct_columns(df), **(column_config or {})})
    st.download_button(f"Download {name}.csv ({df.height:,} rows)", data=to_csv_bytes(df), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}", on_click="ignore", icon=":material/download:")


def glossary(items: dict[str, str]) -> None:
    with st.expander("Glossary: what these numbers mean"):
        st.markdown("\n".join(f"- **{term}**: {text}" for term, text in items.items()))


PCT = st.column_config.NumberColumn(format="percent")


def pct_columns(df: pl.DataFrame) -> dict:
    """Column formats: shares as percentages, dates as dates."""
    config: dict = {c: PCT for c in df.columns if c.startswith("share_") or "_share_" in c or c.endswith("_share")}
    config.update({c: st.column_config.DateColumn(format="YYYY-MM-DD") for c, t in df.schema.items() if t == pl.Date})
    return config


# ---------------------------------------------------------------- views


def view_overview(corpus: Corpus, flt: Filter, filtered: object) -> None:
    overview = corpus.table("overview", flt, filtered)
    composition = corpus.table("section_composition", flt, filtered)
    left, right = st.columns(2)
    with left:
        banner(flt, filtered)
        chart(views.bar_by_outlet(overview, "n_articles", "Articles per outlet", corpus.colours, label="Articles"))
    with right:
        banner(flt, filtered)
        chart(views.bar_by_outlet(overview, "n_words", "Words per outlet", corpus.colours, label="Words"))
    table(overview, "overview")
    banner(flt, filtered)
    chart(views.stacked_share(composition, "kind", "share_chars", "Section composition: share of each outlet's text",
                              views.KIND_COLOURS, corpus.colours, label="Share of characters"))
    table(composition, "section_composition")
    errors = corpus.analysis.errors
    if errors.height:
        with st.expander(f"Loading problems ({errors.height})"):
            st.dataframe(arrow(errors), hide_index=True)
    glossary({
        "Articles / words": "articles kept by the filter; words are runs of letters or digits in the article text.",
        "n_undated": "articles whose text and manifest give no date.",
        "Section composition": "share of an outlet's characters in each section kind (reporting, commentary, "
                               "analysis, explainer, reader comments, boilerplate, headline, teaser).",
    })


def view_tone(corpus: Corpus, flt: Filter, filtered: object) -> None:
    tone = corpus.table("tone_by_voice", flt, filtered)
    banner(flt, filtered)
    chart(views.grouped_by_outlet(tone, "voice", "mean_tone", "Mean tone by voice: journalist, quoted speakers, readers",
                                  corpus.colours, label="Mean tone (−1 … +1)"))
    table(tone, "tone_by_voice")
    dist = views.tone_distribution(filtered.sentences, filtered.articles)
    left, right = st.columns(2)
    with left:
        banner(flt, filtered)
        chart(views.tone_histogram(dist, "Distribution of sentence tone", corpus.colours))
        table(dist, "tone_distribution")
    with right:
        banner(flt, filtered)
        chart(views.tone_vs_textblob(tone, "Our tone beside textblob-de", corpus.colours))
        side = tone.select("outlet", "voice", "n_sentences_dominant", "mean_sentence_tone", "mean_polarity_textblob")
        table(side, "tone_vs_textblob")
    glossary({
        "Tone": "our lexicon score per stretch of text, −1 (negative) to +1 (positive); words, negation and "
                "intensifiers counted, news senses corrected.",
        "Voice": "journalist = the outlet's own words (quoted stretches removed); quoted = what quoted speakers "
                 "say; reader = reader comments.",
        "mean_tone": "average tone of the voice's text segments; share_positive / neutral / negative: share of "
                     "those segments with that label.",
        "textblob-de polarity": "the unmodified textblob-de score of the whole sentence, for comparison; it "
                                "ignores nouns and negation beyond the next word, so it is often 0.",
    })


def view_voices(corpus: Corpus, flt: Filter, filtered: object) -> None:
    actors = corpus.table("quoted_actors", flt, filtered)
    groups = corpus.table("speaker_groups", flt, filtered)
    if actors.is_empty():
        st.info("No quotations in the filtered articles. Widen the filter (speakers, groups, voices, sections).")
        return
    banner(flt, filtered)
    chart(views.actor_heatmap(actors, "Who is quoted where: share of each outlet's quoted words (top 20 speakers)"))
    table(actors, "quoted_actors")
    left, right = st.columns(2)
    with left:
        banner(flt, filtered)
        group_colours = views.category_colours(corpus.groups)
        chart(views.stacked_share(groups, "speaker_group", "share_of_voice_in_outlet", "Share of voice by speaker group",
                                  group_colours, corpus.colours, label="Share of quoted words"))
        table(groups, "speaker_groups")
    with right:
        banner(flt, filtered)
        modes = views.quote_modes(actors)
        chart(views.stacked_share(modes, "mode", "share_quotes", "Direct vs reported speech", views.MODE_COLOURS,
                                  corpus.colours, label="Share of quotes"))
        table(modes, "quote_modes")
    glossary({
        "Share of voice": "a speaker's (or group's) quoted words as a share of all quoted words in the outlet.",
        "direct / partial / indirect": "full quotation in quote marks / a few quoted words inside the journalist's "
                                       "sentence / reported speech (sagte, dass …; laut; zufolge).",
        "Speaker group": "country or camp of the speaker from the actor gazetteer (data/actors.csv); "
                         "(no group) when unknown. Reader comments are left out here.",
    })


def view_commentary(corpus: Corpus, flt: Filter, filtered: object) -> None:
    profile = corpus.table("commentary_profile", flt, filtered)
    left, right = st.columns(2)
    with left:
        banner(flt, filtered)
        shares = views.commentary_long(profile)
        chart(views.grouped_by_outlet(shares, "kind", "share_opinionated", "Opinionated sentences in the outlet's own voice",
                                      corpus.colours, label="Share of journalist sentences", percent=True,
                                      x_label="Section kind"))
    with right:
        banner(flt, filtered)
        text_shares = views.text_share_long(profile)
        chart(views.stacked_share(text_shares, "kind", "share_text", "Where the outlet speaks: share of text",
                                  views.KIND_COLOURS, corpus.colours, label="Share of characters"))
    table(profile, "commentary_profile")
    banner(flt, filtered)
    st.markdown("##### The most opinionated sentences")
    top = corpus.table("most_opinionated", flt, filtered)
    table(top, "most_opinionated", column_config={
        "opinion": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f"),
        "text": st.column_config.TextColumn(width="large")})
    glossary({
        "Opinion": "0–1 per sentence: signals of the author's own stance (modal particles like doch / ja, "
                   "deontic verbs like muss / sollte, evaluative adjectives, rhetorical questions); ≥ 0.5 counts "
                   "as opinionated. Quoted stretches are not counted as the outlet's opinion.",
        "share_opinionated_reporting": "opinionated journalist sentences inside news reporting: opinion leaking "
                                       "into news.",
        "share_commentary / analysis": "share of the outlet's characters in commentary or analysis sections.",
    })


def view_reuse(corpus: Corpus, flt: Filter, filtered: object) -> None:
    pairs = corpus.table("text_reuse", flt, filtered)
    banner(flt, filtered)
    if pairs.is_empty():
        st.info("No two of the filtered articles share a passage of six words or more.")
    else:
        chart(views.reuse_heatmap(pairs, corpus.decode(filtered.articles.select("article_id", "outlet")),
                                  "Shared text: share of the row article found in the column article (top 30)"))
    shown = pairs.drop("passages_a", "passages_b")
    st.dataframe(arrow(shown), hide_index=True, column_config=pct_columns(shown))
    st.download_button(f"Download text_reuse.csv ({pairs.height:,} rows)", data=to_csv_bytes(pairs),
                       file_name="text_reuse.csv", mime="text/csv", key="dl_text_reuse", on_click="ignore",
                       icon=":material/download:")
    for row in pairs.head(20).iter_rows(named=True):
        label = (f"{row['outlet_a'] or UNKNOWN_OUTLET} ↔ {row['outlet_b'] or UNKNOWN_OUTLET}: "
                 f"{row['n_passages_a']} passage(s), {row['shared_chars_share_a'] or 0:.0%} / "
                 f"{row['shared_chars_share_b'] or 0:.0%} of the texts")
        with st.expander(views.escape(label)):
            for passage in row["passages_a"] or []:
                st.text(passage)
    glossary({
        "Shared passage": "a stretch of at least six words in a row found in both articles (case and "
                          "punctuation ignored): typically agency copy both outlets ran.",
        "shared_chars_share_a": "share of article A's characters inside passages it shares with B.",
        "Filter": "pairs are kept when both articles pass the filter; section, voice and speaker filters do "
                  "not change which text is shared.",
    })


def view_articles(corpus: Corpus, flt: Filter, filtered: object) -> None:
    articles = corpus.decode(filtered.articles)
    labels = views.article_labels(articles)
    ss = st.session_state
    for extra in ss.get("selected", []):  # a chosen article stays choosable even beyond the picker's limit
        if extra not in labels and articles.filter(pl.col("article_id") == extra).height:
            labels.update(views.article_labels(articles.filter(pl.col("article_id") == extra)))
    ids = list(labels)
    if filtered.articles.height > len(ids):
        st.caption(f"The pickers list {len(ids):,} of {filtered.articles.height:,} articles: narrow the filter "
                   "(outlet, dates, text search) to reach the others.")
    ss.selected = [a for a in ss.get("selected", []) if a in labels]
    if not ss.selected and ids:
        ss.selected = ids[:2]
    first = ss.selected[0] if ss.selected else ids[0]
    banner(flt, filtered)
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
    st.markdown(views.ARTICLE_CSS + views.ARTICLE_LEGEND, unsafe_allow_html=True)
    full = corpus.analysis
    columns = st.columns(len(chosen))
    for column, article_id in zip(columns, chosen):
        with column:
            one = pl.col("article_id") == article_id
            article = full.articles.filter(one).row(0, named=True)
            st.markdown(views.article_html(article, full.sections.filter(one), full.sentences.filter(one),
                                           full.quotes.filter(one)), unsafe_allow_html=True)
            quotes = full.quotes.filter(one).select("quote_id", "speaker", "speaker_group", "mode", "cue", "text")
            st.markdown("##### Quotations")
            table(quotes, f"quotes_{article_id}")
            sents = full.sentences.filter(one).select("sentence_id", "kind", "voice", "tone", "tone_label",
                                                      "polarity_textblob", "opinion", "opinion_signals", "text")
            st.markdown("##### Sentences: tone and opinion")
            table(sents, f"sentences_{article_id}", height=300 if sents.height > 8 else "auto")
    glossary({
        "Marks": "coloured bar = section kind; yellow = direct quote, pale yellow = partial quote, blue = reported "
                 "speech, each followed by its speaker; green / red underline = positive / negative sentence; "
                 "pink italics = opinionated sentence (hover for the score and signals).",
        "Whole article": "the reader always shows the whole article; the filter picks which articles are offered.",
    })


def view_upload(corpus: Corpus | None) -> None:
    folder = store.default_store_dir()
    limit_mb = min(int(st.get_option("server.maxUploadSize")), store.MAX_FILE_BYTES // 2**20)
    st.markdown("Add your own articles: they are checked, kept in your corpus folder "
                f"(**{views.escape(folder)}**, set by FRAMING_USER_CORPUS) so they survive a restart, analysed and "
                f"added to every view. Up to {store.MAX_FILES_PER_UPLOAD} files of at most {limit_mb} MB each.")
    ss = st.session_state
    ss.setdefault("upload_round", 0)
    files = st.file_uploader("Article files (.txt, .md, .jsonl, .json, .csv, .html)", type=UPLOAD_TYPES,
                             accept_multiple_files=True, key=f"uploader_{ss.upload_round}",
                             max_upload_size=limit_mb)
    c1, c2 = st.columns(2)
    outlet = c1.text_input("Outlet of these articles (optional)", key=f"up_outlet_{ss.upload_round}")
    date = c2.text_input("Date (optional, YYYY-MM-DD or YYYY-MM)", key=f"up_date_{ss.upload_round}")
    if st.button("Add to my corpus", type="primary", disabled=not files):
        try:
            results = store.add_files(folder, [(f.name, f.getvalue()) for f in files],
                                      outlet=outlet.strip() or None, date=date.strip() or None)
        except (FramingError, OSError) as exc:
            results = [store.StoreResult("(upload)", "rejected", str(exc))]
        except Exception as exc:  # a file that crashes the reader must not crash the page
            results = [store.StoreResult("(upload)", "rejected", f"could not be read ({type(exc).__name__}: {exc})")]
        ss.upload_results = [{"file": r.original_name, "status": r.status, "message": r.message} for r in results]
        ss.upload_round += 1
        st.rerun()
    if ss.get("upload_results"):
        results = pl.DataFrame(ss.upload_results)
        stored = results.filter(pl.col("status") == "stored").height
        rejected = results.filter(pl.col("status") == "rejected").height
        (st.warning if rejected else st.success)(
            f"{stored} file(s) added, {results.height - stored - rejected} already in your corpus, {rejected} rejected.")
        st.dataframe(arrow(results), hide_index=True)
    with st.expander("Accepted formats"):
        st.markdown(
            "- **.txt / .md**: one article per file; an optional header line ` date 2025-08-22` is read.\n"
            "- **.jsonl / .json / .csv**: one article per record, with a `text` field and optionally `id`, `outlet`, "
            "`date`, `title`, `url`.\n"
            "- **.html / .htm**: a saved web page; the main text, title, date and site name are extracted.\n"
            "- The outlet and date typed above apply to every file of this upload; otherwise they are read from the "
            "text where it says them, and left empty where it does not.")
    kept = store.list_files(folder) if folder.is_dir() else []
    st.markdown(f"##### Your corpus ({len(kept)} files)")
    if kept:
        st.dataframe(arrow(pl.DataFrame(kept)), hide_index=True)
    else:
        st.caption("Nothing uploaded yet.")


# ---------------------------------------------------------------- page


def main() -> None:
    st.set_page_config(page_title="framing: outlets side by side", page_icon=":material/compare:", layout="wide")
    st.markdown(views.ARTICLE_CSS, unsafe_allow_html=True)
    try:
        corpus = load_corpus()
    except FramingError as exc:
        st.error(f"The corpus could not be loaded: {views.escape(exc)}")
        view_upload(None)
        return
    except Exception as exc:  # not the user's fault: say so, keep the details one click away
        st.error("The corpus could not be analysed because of an unexpected error. Remove the last upload from "
                 "the user corpus folder or report the details below.")
        with st.expander("Details"):
            st.exception(exc)
        view_upload(None)
        return
    run_started = time.perf_counter()
    seed_from_url(corpus)
    flt = sidebar(corpus)
    arts = corpus.analysis.articles
    st.sidebar.caption(f"Corpus: {arts.height:,} articles from {len(corpus.outlets)} outlets "
                       f"(analysed in {corpus.seconds:.1f} s, then cached).")

    st.markdown("## How outlets frame the story")
    view = st.segmented_control("View", VIEWS, key="view", required=True, label_visibility="collapsed")
    view = view or "Overview"
    if arts.is_empty():
        st.info("The corpus has no articles yet. Add some under **Add articles** (or point FRAMING_CORPUS at a "
                "folder of .txt / .md / .jsonl / .csv / .html files).")
        write_url(flt, "Add articles", [])
        view_upload(corpus)
        return
    filter_started = time.perf_counter()
    filtered = corpus.apply(flt)
    if view == "Add articles":
        view_upload(corpus)
    elif filtered.articles.is_empty():
        banner(flt, filtered)
        st.info("No articles match this filter. Remove an outlet, widen the dates, tick 'Include undated "
                "articles' or clear the text search (or press 'Reset filters').")
    else:
        {"Overview": view_overview, "Tone": view_tone, "Voices": view_voices, "Commentary": view_commentary,
         "Text reuse": view_reuse, "Articles": view_articles}[view](corpus, flt, filtered)
    write_url(flt, view, st.session_state.get("selected", []))
    done = time.perf_counter()
    st.session_state.server_ms = (done - filter_started) * 1000
    st.caption(f"Server time for this view: {(done - filter_started) * 1000:.0f} ms "
               f"(filter, tables and charts; whole run {(done - run_started) * 1000:.0f} ms).")


main()
