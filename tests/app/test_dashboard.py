"""The dashboard under Streamlit's AppTest: starts on the bundled corpus, every filter changes the charts and
tables, the URL round-trips the view, hostile text stays text, and empty results explain themselves."""

from __future__ import annotations

import datetime as dt
import json
import re

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from framing.load import uploads as store
from framing.present.export import to_csv_bytes
from framing.aggregate.filters import Filter

from tests.helpers import ROOT

DASHBOARD = ROOT / "dashboard.py"
VIEWS = ("Comparison", "Overview", "Tone", "Voices", "Actors", "Commentary", "Over time", "Text reuse", "Articles",
         "Add articles")
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://x) $x$"


def start(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def show(at: AppTest, view: str) -> AppTest:
    at.segmented_control(key="view").set_value(view).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def frame(at: AppTest, *columns: str) -> pl.DataFrame:
    """The first table shown that has all these columns."""
    for element in at.dataframe:
        df = element.value
        if all(c in df.columns for c in columns):
            return pl.from_pandas(df)
    raise AssertionError(f"no table with columns {columns}")


def banners(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if 'class="fr-filter"' in m.value]


def x_values(spec: dict) -> list:
    return [x for trace in spec["data"] for x in (trace.get("x") or [])]


def test_starts_on_the_framing_comparison_of_the_bundled_corpus(dashboard_env):
    at = start()
    assert at.segmented_control(key="view").value == "Comparison"
    story = [m.value for m in at.markdown if m.value.startswith("**The story:**")]
    assert story and "5 articles from 5 outlets" in story[0]
    assert "Sicherheitsgarantien" in story[0] and "Ukraine" in story[0]  # from the real titles, not a stand-in
    rows = frame(at, "journalist_tone", "share_opinionated", "top_voices")
    assert rows.height == 5 and rows["n_articles"].sum() == 5
    assert len(at.get("plotly_chart")) == 1
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"Download framing_comparison.csv ({rows.height} rows)" in labels


def test_the_comparison_sorts_chart_and_table_alike(dashboard_env):
    at = start()
    at.selectbox(key="comparison_sort").set_value("opinionated").run()
    rows = frame(at, "journalist_tone", "share_opinionated")
    shares = rows["share_opinionated"].to_list()
    assert shares == sorted(shares, key=lambda v: -1 if v is None else v, reverse=True)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["categoryarray"] == [o.replace("&", "&amp;") for o in rows["outlet"].to_list()]


def test_the_overview_counts_articles_and_words(dashboard_env):
    at = show(start(), "Overview")
    assert len(at.get("plotly_chart")) >= 3
    overview = frame(at, "n_articles", "n_words")
    assert overview["n_articles"].sum() == 5
    assert "(unknown outlet)" in overview["outlet"].to_list()
    assert banners(at) and all("Showing 5 articles: all outlets, all dates" in b for b in banners(at))
    # every table's download says how many rows it holds: exactly the rows shown
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"Download overview.csv ({overview.height} rows)" in labels


def test_over_time_draws_the_chosen_figure(dashboard_env):
    """Over time draws one figure at a time (four figures of a panel per outlet were too slow for the browser at
    13 outlets); the picker chooses which, and the table keeps every figure."""
    at = show(start(), "Over time")
    picker = at.segmented_control(key="time_metric")
    assert picker.value == "Tone of the journalist's own words"
    for chosen in ("Tone of the journalist's own words", "Share of the text that is quoted"):
        picker.set_value(chosen).run()
        assert not at.exception, [e.value for e in at.exception]
        titles = [c["layout"]["title"]["text"] for c in charts(at)]
        assert len(titles) == 1 and titles[0].startswith(chosen)
    assert {"journalist_tone", "share_opinionated", "quoted_share", "share_women"} <= set(
        frame(at, "journalist_tone", "quoted_share").columns)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_without_errors(dashboard_env, view):
    at = show(start(), view)
    if view not in ("Articles", "Add articles"):
        assert at.get("plotly_chart"), f"{view} shows no chart"
    if view != "Add articles":
        assert at.dataframe, f"{view} shows no table"
        assert banners(at), f"{view} does not show the filter sentence"
    assert len(at.expander) >= 1  # glossary (or the upload list)


def _set(at: AppTest, key: str, value) -> None:
    widget = at.sidebar.get("multiselect") + at.sidebar.get("date_input") + at.sidebar.get("checkbox") + \
        at.sidebar.get("text_input")
    match = [w for w in widget if w.key == key]
    assert match, f"no sidebar widget {key}"
    match[0].set_value(value)


# widget, value, view, table columns, what the filtered table must satisfy
FILTER_CASES = [
    ("f_outlets", ["nd"], "Overview", ("n_articles", "n_words"), lambda df: df["outlet"].to_list() == ["nd"]),
    ("f_from", dt.date(2025, 8, 1), "Overview", ("n_articles", "n_words"),
     lambda df: "(agency copy)" not in df["outlet"].to_list() and "OZD" in df["outlet"].to_list()),
    ("f_undated", False, "Overview", ("n_articles", "n_words"), lambda df: "OZD" not in df["outlet"].to_list()),
    ("f_kinds", ["reporting"], "Overview", ("kind", "share_chars"), lambda df: set(df["kind"]) == {"reporting"}),
    ("f_voices", ["quoted"], "Tone", ("voice", "mean_tone"), lambda df: set(df["voice"]) == {"quoted"}),
    ("f_speakers", ["Mark Rutte"], "Voices", ("speaker", "speaker_kind"),
     lambda df: set(df["speaker"]) == {"Mark Rutte"}),
    ("f_groups", ["Russia"], "Voices", ("speaker_group", "n_speakers"), lambda df: set(df["speaker_group"]) == {"Russia"}),
    ("f_text", "Lawrow", "Overview", ("n_articles", "n_words"), lambda df: 0 < df["n_articles"].sum() < 5),
]


@pytest.mark.parametrize(("key", "value", "view", "columns", "check"), FILTER_CASES,
                         ids=[c[0] for c in FILTER_CASES])
def test_each_filter_changes_charts_and_tables(dashboard_env, key, value, view, columns, check):
    at = show(start(), view)
    before_table = frame(at, *columns)
    before_charts = charts(at)
    _set(at, key, value)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    after_table = frame(at, *columns)
    assert check(after_table), after_table
    assert not after_table.equals(before_table)
    assert charts(at) != before_charts
    # the sentence above the charts names the new filter, and the download holds exactly the rows shown
    assert banners(at) and all(b.split(": ", 1)[1] != "all outlets, all dates</div>" for b in banners(at))
    n_rows = len(pl.read_csv(to_csv_bytes(after_table)))
    assert n_rows == after_table.height


def test_url_seeds_the_view_and_follows_changes(dashboard_env):
    at = start({"outlet": ["nd", "OZD"], "kind": "reporting", "view": "Tone", "q": "Nato", "undated": "0"})
    assert at.segmented_control(key="view").value == "Tone"
    assert at.sidebar.multiselect(key="f_outlets").value == ["nd", "OZD"]
    assert at.sidebar.multiselect(key="f_kinds").value == ["reporting"]
    assert at.sidebar.text_input(key="f_text").value == "Nato"
    assert at.sidebar.checkbox(key="f_undated").value is False
    tone = frame(at, "voice", "mean_tone")
    assert set(tone["outlet"]) <= {"nd", "OZD"}
    # a change is written back to the URL, in the Filter's own vocabulary
    at.sidebar.multiselect(key="f_outlets").set_value(["nd"]).run()
    show(at, "Voices")
    params = {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}
    assert params["view"] == ["Voices"]
    assert Filter.from_query_params(params) == Filter(outlets=("nd",), section_kinds=("reporting",), text="Nato",
                                                      include_undated=False)
    # ... and the URL starts an identical view in a new session
    again = start(params)
    assert again.sidebar.multiselect(key="f_outlets").value == ["nd"]
    assert again.segmented_control(key="view").value == "Voices"


def test_reset_clears_every_filter(dashboard_env):
    at = start({"outlet": "nd", "kind": "reporting", "q": "Nato", "undated": "0"})
    at.sidebar.button[0].click().run()
    assert Filter.from_query_params(dict(at.query_params)) == Filter()
    assert frame(at, "n_articles", "journalist_tone")["n_articles"].sum() == 5


def test_url_junk_is_ignored(dashboard_env):
    at = start({"outlet": "No Such Outlet", "from": "yesterday", "view": "<script>", "kind": "poetry"})
    assert at.segmented_control(key="view").value == "Comparison"
    assert at.sidebar.multiselect(key="f_outlets").value == []
    assert frame(at, "n_articles", "journalist_tone")["n_articles"].sum() == 5


def test_selected_articles_travel_in_the_url(dashboard_env):
    at = start({"view": "Articles", "article": ["004_ca560b4285e4ed8d"]})
    assert at.query_params["article"] in ("004_ca560b4285e4ed8d", ["004_ca560b4285e4ed8d"])
    html_blocks = [m.value for m in at.markdown if 'class="fr-article"' in m.value]
    assert len(html_blocks) == 1 and "dpa&#45;AFX" in html_blocks[0]


def test_no_match_shows_a_message_not_a_traceback(dashboard_env):
    at = start({"q": "zzzz-no-such-text"})
    assert any("No articles match this filter" in i.value for i in at.info)
    for view in VIEWS[:-1]:
        show(at, view)
        assert any("No articles match" in i.value for i in at.info)


def test_empty_corpus_explains_itself(dashboard_env, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("FRAMING_CORPUS", str(empty))
    at = start()
    assert any("no articles yet" in i.value for i in at.info)
    assert at.get("file_uploader")


def test_uploaded_hostile_article_is_shown_as_literal_text(dashboard_env):
    text = f"{HOSTILE}\n\nKiew. Der Präsident sagte: »Wir brauchen Garantien.« {HOSTILE}\n"
    results = store.add_files(dashboard_env, [("evil <b>.txt", text.encode())], outlet=HOSTILE)
    assert results[0].status == "stored", results
    at = start({"outlet": HOSTILE})
    assert at.sidebar.multiselect(key="f_outlets").value == [HOSTILE]  # the option is plain text
    assert frame(at, "n_articles", "journalist_tone")["outlet"].to_list() == [HOSTILE]
    for spec in charts(at):
        assert "<script>" not in json.dumps(spec) and "<img" not in json.dumps(spec)
    show(at, "Articles")
    markup = "".join(m.value for m in at.markdown)
    for raw in ("<script>", "<img", "[link](", "$x$"):
        assert raw not in markup, raw
    article = next(m.value for m in at.markdown if 'class="fr-article"' in m.value)
    assert "&lt;script&gt;" in article and "&#91;link&#93;" in article and "&#36;x&#36;" in article
    for view in VIEWS:
        show(at, view)
        assert "<script>" not in "".join(m.value for m in at.markdown)


def test_an_uploaded_article_joins_every_view(dashboard_env):
    at = start()
    results = store.add_files(dashboard_env, [("mein.txt", "Berlin. Die Zeitung berichtet über Nato-Garantien. "
                                                           "Mark Rutte sagte, das sei wichtig.".encode())],
                              outlet="Testblatt")
    assert results[0].status == "stored"
    at.run()
    assert "Testblatt" in frame(at, "n_articles", "journalist_tone")["outlet"].to_list()
    assert "Testblatt" in at.sidebar.multiselect(key="f_outlets").options


def test_filter_changes_never_reanalyse(dashboard_env, monkeypatch):
    import framing.pipeline

    calls = []
    real = framing.pipeline.analyze_articles
    monkeypatch.setattr(framing.pipeline, "analyze_articles", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = start()
    first = len(calls)
    for key, value in (("f_outlets", ["nd"]), ("f_kinds", ["commentary"]), ("f_text", "Rutte")):
        _set(at, key, value)
        at.run()
    assert len(calls) == first <= 1


DOWNLOAD = re.compile(r"^Download (\w+)\.csv \(([\d,]+) rows?\)$")


def test_every_download_is_a_comparison_table_with_the_rows_of_framing_compare(dashboard_env):
    """Each download (but the article reader's slices of one article) is a table of the registry, and holds the
    rows `framing compare` writes for the same filter."""
    from framing.aggregate.tables import TABLES, compare_tables
    from framing.pipeline import analyze_paths

    from tests.helpers import DATA

    flt = Filter(outlets=("nd", "OZD", "(unknown outlet)"), section_kinds=("reporting", "commentary"))
    expected = compare_tables(flt.apply(analyze_paths([DATA], workers=1)), by="outlet")
    at = start(flt.to_query_params())
    offered = {}
    for view in VIEWS:
        show(at, view)
        for button in at.get("download_button"):
            name, rows = DOWNLOAD.match(button.proto.label).groups()
            if not re.match(r"(quotes|sentences|profile)_", name):  # one article's, one actor's slice
                offered[name] = int(rows.replace(",", ""))
    assert set(offered) <= set(TABLES), set(offered) - set(TABLES)
    assert {"tone_distribution", "tone_vs_textblob", "quote_modes", "opinionated_sentences", "over_time",
            "top_speakers", "exclusive_voices", "outlet_reuse", "text_reuse"} <= set(offered)
    for name, rows in offered.items():
        assert rows == expected[name].height, name
    show(at, "Tone")
    for name in ("tone_distribution", "tone_vs_textblob"):
        shown = frame(at, *expected[name].columns)
        assert shown.select(expected[name].columns).equals(expected[name]), name
    show(at, "Over time")  # the charted figures first, and nothing but the table's columns
    shown = frame(at, *expected["over_time"].columns)
    assert sorted(shown.columns) == sorted(expected["over_time"].columns)
    assert shown.columns[:3] == ["outlet", "period_start", "n_articles"]


def test_the_address_names_every_view_but_the_first_screen(dashboard_env):
    at = start()
    assert "view" not in at.query_params
    at = show(at, "Overview")
    assert at.query_params["view"] in ("Overview", ["Overview"])  # a link to the Overview opens the Overview


def test_the_speakers_filter_lists_the_most_quoted_and_takes_any_other_typed(dashboard_env, monkeypatch):
    """A corpus with more speakers than the list holds: the list has the most quoted, a name typed in full (here
    from the URL) still filters, and a name no quotation has is said to be unknown."""
    from framing.app import main as app

    monkeypatch.setattr(app, "SPEAKERS_LISTED", 2)
    at = start()
    widget = next(w for w in at.sidebar.multiselect if w.key == "f_speakers")
    assert len(widget.options) == 2 and "type any of" in widget.help
    from framing.app import state

    beyond = state.load_corpus().options.speakers[-1]  # the least quoted, beyond the list
    assert beyond not in widget.options
    at = show(start({"speaker": beyond}), "Voices")
    assert set(frame(at, "speaker", "speaker_kind")["speaker"]) == {beyond}
    assert not [w for w in at.sidebar.warning if "No quotation" in w.value]
    widget = next(w for w in at.sidebar.multiselect if w.key == "f_speakers")
    widget.set_value(["Nobody Called This"]).run()  # typed: accept_new_options
    assert [w for w in at.sidebar.warning if "'Nobody Called This'" in w.value]


def test_an_actors_profile_charts_how_often_each_outlet_quotes_them_in_the_tables_order(dashboard_env):
    at = show(start(), "Actors")
    speaker = at.selectbox(key="actor_profile").value
    profile = frame(at, "n_quotes", "n_direct", "n_indirect", "mean_quote_tone")
    spec = next(c for c in charts(at) if c["layout"]["title"]["text"].startswith(f"{speaker}: how often"))
    assert spec["layout"]["yaxis"]["categoryarray"] == profile["outlet"].to_list()  # the table's order
    per_outlet: dict[str, float] = {}
    for trace in spec["data"]:
        for outlet, n in zip(trace["y"], trace["x"]):
            per_outlet[outlet] = per_outlet.get(outlet, 0) + (n or 0)
    assert per_outlet == dict(zip(profile["outlet"], profile["n_quotes"]))  # counts, not shares


@pytest.mark.parametrize("page", ["Overview", "Voices", "Actors", "Over time", "Commentary"])
def test_compared_by_group_the_titles_name_groups_not_outlets(dashboard_env, page):
    """With Compare: groups the bars and rows are groups; the titles said 'each outlet's quoted words', 'Articles
    per outlet', 'The five voices each outlet quotes most' over groups."""
    at = start({"compare": "group", "view": page})
    titles = [c["layout"]["title"]["text"] for c in charts(at)]
    headings = [m.value for m in at.markdown if m.value.startswith("#####")] + [c.value for c in at.caption]
    said = " | ".join(titles + headings)
    # "the outlet's own voice" is the journalist's, whatever is compared
    assert not re.search(r"\b(?:each|per|that) outlet\b|outlet's (?!own)", said), said
    assert re.search(r"\b(?:each|per|that) group\b|group's", said), said
    outlets = start({"view": page})  # compared by outlet, as before
    said = " | ".join(c["layout"]["title"]["text"] for c in charts(outlets))
    said += " | " + " | ".join(m.value for m in outlets.markdown if m.value.startswith("#####"))
    said += " | " + " | ".join(c.value for c in outlets.caption)
    assert re.search(r"\b(?:each|per|that) outlet\b|outlet's", said), said
