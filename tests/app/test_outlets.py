"""Outlets as the user knows them, in the dashboard: the bundled corpus's outlets.csv gives groups; the sidebar
filters by group; the Compare switch makes every view compare groups; colours are the corpus's, not the view's."""

from __future__ import annotations

import pytest

from tests.app.test_dashboard import VIEWS, banners, charts, frame, show, start

GROUPS = {"daily newspaper", "online portal", "(no group)"}


def test_the_sidebar_filters_by_outlet_group(dashboard_env):
    at = start()
    widget = at.sidebar.multiselect(key="f_outlet_groups")
    assert widget.options == ["daily newspaper", "online portal", "(no group)"]
    widget.set_value(["online portal"]).run()
    assert not at.exception, [e.value for e in at.exception]
    overview = frame(show(at, "Overview"), "n_articles", "n_words")
    assert set(overview["outlet"]) == {"OZD", "Chas Pravdy"} and set(overview["group"]) == {"online portal"}
    assert all("outlet group online portal" in b for b in banners(at))
    assert at.query_params["outlet_group"] in ("online portal", ["online portal"])


def test_the_outlet_list_names_each_outlets_group(dashboard_env):
    at = start()
    assert "(agency copy)" in at.sidebar.multiselect(key="f_outlets").options
    assert "dpa-AFX" not in at.sidebar.multiselect(key="f_outlets").options  # a wire agency is no outlet
    tone = frame(show(at, "Tone"), "voice", "mean_tone")
    assert dict(tone.select("outlet", "group").unique().iter_rows())["nd"] == "daily newspaper"


@pytest.mark.parametrize("view", [v for v in VIEWS if v not in ("Overview", "Articles", "Add articles", "Text reuse")])
def test_the_switch_makes_every_view_compare_groups(dashboard_env, view):
    at = show(start(), view)
    at.segmented_control(key="compare_by").set_value("groups").run()
    assert not at.exception, [e.value for e in at.exception]
    tables = [t for t in (e.value for e in at.dataframe) if "group" in t.columns]
    assert tables, f"{view} shows no table per group"
    for table in tables:
        assert set(table["group"]) <= GROUPS, (view, set(table["group"]))
        if "article_id" not in table.columns:  # a list of sentences keeps each one's outlet beside its group
            assert "outlet" not in table.columns, (view, list(table.columns))
    names = {str(t.get("name")) for spec in charts(at) for t in spec["data"]} | {
        str(y) for spec in charts(at) for t in spec["data"] for y in (t.get("y") or []) if isinstance(y, str)}
    assert names & GROUPS, f"{view}: no chart names a group"
    assert not names & {"nd", "OZD", "Chas Pravdy"}, f"{view}: a chart still names outlets"
    assert at.query_params["compare"] in ("group", ["group"])
    assert banners(at) and all("groups of outlets compared" in b for b in banners(at))


def test_the_url_opens_the_group_comparison(dashboard_env):
    at = start({"compare": "group", "view": "Tone"})
    assert at.segmented_control(key="compare_by").value == "groups"
    tone = frame(at, "voice", "mean_tone")
    assert set(tone["group"]) <= GROUPS and "outlet" not in tone.columns
    at.segmented_control(key="compare_by").set_value("outlets").run()
    assert "outlet" in frame(at, "voice", "mean_tone").columns and "compare" not in at.query_params


def _marker_colours(at) -> dict[str, str]:
    """Outlet -> colour of the Tone page's dots (one trace per outlet and panel, or one colour per point)."""
    found: dict[str, str] = {}
    for spec in charts(at):
        for trace in spec["data"]:
            colour = (trace.get("marker") or {}).get("color")
            ys = trace.get("y") or []
            if isinstance(colour, list):
                found.update({y: c for y, c in zip(ys, colour) if isinstance(y, str)})
    return found


def test_filtering_out_an_outlet_keeps_the_others_colours(dashboard_env):
    at = show(start(), "Tone")
    before = _marker_colours(at)
    assert {"nd", "OZD"} <= set(before)
    at.sidebar.multiselect(key="f_outlets").set_value(["OZD", "Chas Pravdy"]).run()
    after = _marker_colours(at)
    assert set(after) <= {"OZD", "Chas Pravdy"} and after["OZD"] == before["OZD"]
    assert len(set(before.values())) == len(before)  # no two outlets share a colour


def test_a_stored_analysis_from_before_outlets_csv_opens_with_uploads_on_top(dashboard_env, tmp_path, monkeypatch,
                                                                             analysis_cache_dir):
    import polars as pl

    from framing.cli import main
    from framing.load import uploads as store
    from tests.helpers import DATA

    out = tmp_path / "analysis"
    assert main(["analyze", str(DATA), "--out", str(out), "--cache-dir", str(analysis_cache_dir), "--quiet"]) == 0
    articles = pl.read_parquet(out / "articles.parquet").drop("group")  # as written before the group column
    articles.write_parquet(out / "articles.parquet")
    (out / "articles.csv").unlink()
    monkeypatch.setenv("FRAMING_ANALYSIS", str(out))
    [result] = store.add_files(dashboard_env, [("mein.txt", "Berlin. Mark Rutte sagte, das sei wichtig.".encode())],
                               outlet="Testblatt", group="Regionalpresse")
    assert result.status == "stored"
    at = show(start(), "Overview")
    overview = frame(at, "n_articles", "n_words")
    groups = dict(overview.select("outlet", "group").iter_rows())
    assert groups["Testblatt"] == "Regionalpresse" and groups["nd"] == "(no group)"
    assert overview["n_articles"].sum() == 6


def test_a_bad_outlets_file_is_a_message_in_the_dashboard(dashboard_env, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Berlin. Mark Rutte sagte, das sei wichtig.", encoding="utf-8")
    (corpus / "outlets.csv").write_text("outlet,group,aliases\nSZ,a,sz.de\nSZ Magazin,b,SZ.de\n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CORPUS", str(corpus))
    at = start()
    [error] = at.error
    assert "could not be loaded" in error.value and "names two outlets" in error.value
    assert "give each alias to one outlet only" in error.value
