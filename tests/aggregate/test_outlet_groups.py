"""Groups of outlets (outlets.csv): every table per outlet carries the outlet's group, every table per outlet can be
had per group (`by="group"`), and the filter selects groups, says so and keeps them in the URL."""

from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from framing.aggregate import tables as compare
from framing.aggregate.filters import NO_GROUP, UNKNOWN_OUTLET, Filter, filter_options
from tests.helpers.frames import article, make_analysis, quote, section, segment, sentence, small_corpus


def grouped() -> object:
    """small_corpus plus a second established outlet: nd and taz are "established", OZD "alternative", the article
    without outlet has no group."""
    base = small_corpus()
    extra = make_analysis(
        articles=[article("a4", "taz", "2025-08-23", text="Lawrow sagte nichts. Kiew wartet.", title="Warten")],
        sections=[section("a4", 0, "reporting", 0, 33)],
        sentences=[sentence("a4", 0, 0, "reporting", "journalist", tone=-0.4, opinion=0.1)],
        segments=[segment("a4", 0, "journalist", 33, -0.4, start=0)],
        quotes=[quote("a4", 0, 0, "Sergej Lawrow", "indirect", 3, "Russia")],
    )
    groups = {"nd": "established", "taz": "established", "OZD": "alternative"}
    tables = {name: pl.concat([getattr(base, name), getattr(extra, name)])
              for name in ("articles", "sections", "sentences", "voice_segments", "quotes")}
    tables["articles"] = tables["articles"].with_columns(
        pl.col("outlet").replace_strict(groups, default=None, return_dtype=pl.String).alias("group"))
    return dataclasses.replace(base, **tables)


def test_every_outlet_table_has_the_outlets_group():
    tables = compare.compare_tables(grouped(), by="outlet")
    for name, table in tables.items():
        if "outlet" not in table.columns:
            assert name == "text_reuse", name  # pairs of articles: outlet_a and outlet_b
            continue
        assert "group" in table.columns, name
        pairs = set(table.select("outlet", "group").iter_rows())
        allowed = {("nd", "established"), ("taz", "established"), ("OZD", "alternative"), (UNKNOWN_OUTLET, NO_GROUP)}
        assert pairs <= allowed, (name, pairs - allowed)


def test_every_table_per_outlet_can_be_had_per_group():
    analysis = grouped()
    by_group = compare.compare_tables(analysis, by="group")
    for name, spec in compare.TABLES.items():
        table = by_group[name]
        if "outlet" not in spec.supports:
            continue
        assert table.columns[0] == "group" and "outlet" not in table.columns, (name, table.columns)
        assert set(table["group"]) <= {"established", "alternative", NO_GROUP}, name


def test_group_totals_are_the_sums_of_their_outlets():
    analysis = grouped()
    by_outlet = compare.TABLES["overview"](analysis, by="outlet")
    by_group = compare.TABLES["overview"](analysis, by="group")
    summed = by_outlet.group_by("group").agg(pl.col("n_articles", "n_words").sum()).sort("group")
    assert by_group.select("group", "n_articles", "n_words").sort("group").equals(summed)
    assert dict(by_group.select("group", "n_articles").iter_rows()) == {
        "alternative": 1, "established": 2, NO_GROUP: 1}
    # a table whose function knows only outlets: computed per group all the same
    distribution = compare.TABLES["tone_distribution"](analysis, by="group")
    assert set(distribution["group"]) == {"established", "alternative", NO_GROUP}
    top = compare.TABLES["top_speakers"](analysis, by="group")
    assert "established" in set(top["group"])


def test_an_analysis_without_a_group_column_has_no_group():
    analysis = small_corpus()
    analysis = dataclasses.replace(analysis, articles=analysis.articles.drop("group"))
    table = compare.TABLES["overview"](analysis, by="group")
    assert table["group"].to_list() == [NO_GROUP]
    assert set(compare.TABLES["overview"](analysis)["group"]) == {NO_GROUP}


# groups chosen -> articles kept
FILTERS = [
    (("established",), {"a1", "a4"}),
    (("alternative",), {"a2"}),
    ((NO_GROUP,), {"a3"}),
    (("alternative", NO_GROUP), {"a2", "a3"}),
    (("nobody",), set()),  # a group that no outlet has keeps nothing
]


@pytest.mark.parametrize(("groups", "kept"), FILTERS)
def test_the_filter_keeps_the_outlets_of_the_chosen_groups(groups, kept):
    flt = Filter(groups=groups)
    filtered = flt.apply(grouped())
    assert set(filtered.articles["article_id"]) == kept
    assert set(filtered.quotes["article_id"]) <= kept
    assert Filter.from_query_params(flt.to_query_params()) == flt
    assert "outlet group" in flt.describe() and groups[0] in flt.describe()


def test_the_url_keeps_outlet_groups_apart_from_speaker_groups():
    flt = Filter(groups=("established",), speaker_groups=("Russia",))
    params = flt.to_query_params()
    assert params["outlet_group"] == ["established"] and params["group"] == ["Russia"]
    assert Filter.from_cli(groups=["established"]) == Filter(groups=("established",))


def test_filter_options_list_the_groups_with_no_group_last():
    options = filter_options(grouped())
    assert options.groups == ("alternative", "established", NO_GROUP)
    assert dict(options.outlet_groups) == {"nd": "established", "taz": "established", "OZD": "alternative",
                                          UNKNOWN_OUTLET: NO_GROUP}
