"""The Voices view shows who is quoted by gender (issue #20): the share of women with its interval and the unknowns,
per outlet of the bundled corpus, and the table behind the chart."""

from __future__ import annotations

import polars as pl

from framing.present.gender_chart import women_share
from tests.app.test_dashboard import charts, frame, show, start


def test_the_voices_view_shows_quoted_people_by_gender(dashboard_env):
    at = show(start(), "Voices")
    people = frame(at, "n_people", "share_women", "share_women_low", "share_unknown")
    assert people["n_people"].sum() > 0
    assert (people["n_women"] + people["n_men"] + people["n_unknown"]).to_list() == people["n_people"].to_list()
    figures = [c for c in charts(at) if any("women" in (t.get("name") or "") for t in c["data"])]
    assert len(figures) == 1
    names = [t["name"] for t in figures[0]["data"]]
    assert names == ["people of unknown gender", "women among people of known gender"]
    assert sorted(figures[0]["data"][1]["y"]) == sorted(people["outlet"].to_list())


def test_the_figure_shows_an_outlet_without_known_genders_without_a_dot():
    table = pl.DataFrame({"outlet": ["A", "B"], "n_people": [4, 1], "n_women": [1, 0], "n_men": [2, 0],
                          "n_unknown": [1, 1], "share_women": [1 / 3, None], "share_women_low": [0.0, None],
                          "share_women_high": [0.8, None], "share_unknown": [0.25, 1.0]})
    fig = women_share(table, "t", {"A": "#000", "B": "#111"})
    dots = fig.data[1]
    assert list(dots.x) == [1 / 3, None]
    assert list(fig.data[0].x) == [0.25, 1.0]
    assert dots.error_x.array[0] == 0.8 - 1 / 3 and dots.error_x.arrayminus[0] == 1 / 3
