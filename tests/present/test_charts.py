"""Figures and colours: stable outlet colours, escaped labels."""

from __future__ import annotations

from framing.present import charts


def test_outlet_colours_are_stable_and_grey_for_unknown():
    colours = charts.outlet_colours(["nd", None, "OZD"])
    assert colours == charts.outlet_colours(["OZD", "nd", None])
    assert colours["(unknown outlet)"] == charts.UNKNOWN_COLOUR
    assert charts.outlet_colours(["<b>x</b>"]).keys() >= {"&lt;b&gt;x&lt;/b&gt;"}
