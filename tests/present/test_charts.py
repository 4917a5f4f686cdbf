"""Figures and colours: stable outlet colours, escaped labels."""

from __future__ import annotations

from framing.present import charts


def test_outlet_colours_are_stable_and_grey_for_unknown():
    colours = charts.outlet_colours(["nd", None, "OZD"])
    assert colours == charts.outlet_colours(["OZD", "nd", None])
    assert colours["(unknown outlet)"] == charts.UNKNOWN_COLOUR
    assert charts.outlet_colours(["<b>x</b>"]).keys() >= {"&lt;b&gt;x&lt;/b&gt;"}


def test_a_long_legend_of_stacked_shares_makes_room_instead_of_covering_the_title():
    import polars as pl

    def figure(n: int):
        df = pl.DataFrame({"outlet": ["nd"] * n, "group": [f"g{i}" for i in range(n)], "share": [1 / n] * n})
        return charts.stacked_share(df, "group", "share", "Title", {}, charts.outlet_colours(["nd"]))

    few, many = figure(3), figure(12)
    assert many.layout.margin.t - few.layout.margin.t == 2 * 22  # three legend rows instead of one
    assert many.layout.height - few.layout.height == 2 * 22  # the bars keep their room
    assert many.layout.title.yref == "container" and many.layout.title.y == 1


def test_every_speaker_type_and_genre_has_its_own_colour():
    from framing import schema

    for values in (schema.SPEAKER_TYPES, schema.GENRES):
        colours = charts.category_colours(values, none_label="unknown")
        named = [colours[v] for v in values if v != "unknown"]
        assert len(set(named)) == len(named), values
        assert colours["unknown"] == charts.UNKNOWN_COLOUR and charts.UNKNOWN_COLOUR not in named
