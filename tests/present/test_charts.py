"""Figures and colours: stable outlet colours, escaped labels."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import pytest

from framing.present import charts


def test_outlet_colours_are_stable_and_grey_for_unknown():
    colours = charts.outlet_colours(["nd", None, "OZD"])
    assert colours == charts.outlet_colours(["OZD", "nd", None])
    assert colours["(unknown outlet)"] == charts.UNKNOWN_COLOUR
    assert charts.outlet_colours(["<b>x</b>"]).keys() >= {"&lt;b&gt;x&lt;/b&gt;"}


# Thirteen outlets of the COVID-19 corpus of issue 15, and the 10kGNAD categories used as outlets by the browser tests
OUTLETS = ["Süddeutsche Zeitung", "FAZ", "Die Welt", "RT DE", "Compact", "NachDenkSeiten", "Tichys Einblick",
           "Rubikon", "Achgut", "KenFM", "Multipolar", "Apolut", "Reitschuster"]
CATEGORIES = ["Etat", "Inland", "International", "Kultur", "Panorama", "Sport", "Web", "Wirtschaft", "Wissenschaft"]


def _lab(colour: str) -> tuple[float, float, float]:
    """sRGB hex -> CIELAB (D65)."""
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """How different two colours look (Sharma, Wu & Dalal's formulation of CIEDE2000). CIE76, the plain distance,
    overrates differences among blues and greens: two blues 26 apart in CIE76 read as one colour."""
    import math

    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_hp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, c_mean_p = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6)) - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    rotation = 30 * math.exp(-((h_mean - 275) / 25) ** 2)
    r_c = 2 * math.sqrt(c_mean_p ** 7 / (c_mean_p ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean_p, 1 + 0.015 * c_mean_p * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    dl, dc, dhh = (l2 - l1) / s_l, (c2p - c1p) / s_c, d_hp / s_h
    return math.sqrt(dl ** 2 + dc ** 2 + dhh ** 2 + r_t * dc * dhh)


@pytest.mark.parametrize(("lab1", "lab2", "expected"), [  # Sharma et al. (2005), table 1: pairs 1, 7, 17, 25
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
])
def test_the_colour_difference_is_ciede2000(lab1, lab2, expected) -> None:
    assert _ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def _closest_pair(colours) -> float:
    import itertools

    return min(_ciede2000(_lab(a), _lab(b)) for a, b in itertools.combinations(list(colours), 2))


DISTINCT = 17  # CIEDE2000: about 1 is just noticeable, 10 a clear difference side by side; 17 another colour at a glance


def test_the_palettes_have_no_near_identical_pair():
    assert len(charts.OUTLET_PALETTE) >= 20 and len(set(charts.OUTLET_PALETTE)) == len(charts.OUTLET_PALETTE)
    assert _closest_pair(charts.OUTLET_PALETTE) > DISTINCT
    assert _closest_pair(charts.GROUP_PALETTE) > DISTINCT
    # neither grey of the unknown outlet and agency copy is close to an outlet's colour
    for grey in (charts.UNKNOWN_COLOUR, charts.AGENCY_COLOUR):
        assert min(_closest_pair([grey, c]) for c in charts.OUTLET_PALETTE) > DISTINCT


def test_thirteen_and_twenty_outlets_get_clearly_different_colours():
    for outlets in (OUTLETS, OUTLETS + CATEGORIES[:7], CATEGORIES):
        colours = charts.outlet_colours(outlets)
        assigned = [colours[o] for o in outlets]
        assert len(set(assigned)) == len(outlets), outlets
        assert _closest_pair(assigned) > DISTINCT


def test_an_outlets_colour_does_not_change_when_an_outlet_is_added_or_filtered_out():
    corpus = charts.outlet_colours(OUTLETS)
    larger = charts.outlet_colours([*OUTLETS, "Bild", "taz"])  # "Bild" sorts among them, not after them
    assert {o: larger[o] for o in OUTLETS} == {o: corpus[o] for o in OUTLETS}
    # any outlet whose own colour is still free changes no other outlet's colour (the colours of the dashboard are
    # those of the whole corpus, so filtering never recolours: tests/app/test_outlets.py)
    checked = 0
    for extra in ["Bild", "taz", "Der Spiegel", "Zeit Online", "Focus", "Stern", "t-online", "n-tv", "ARD", "ZDF"]:
        if charts.OUTLET_PALETTE[charts._preferred_slot(extra, len(charts.OUTLET_PALETTE))] in corpus.values():
            continue
        checked += 1
        added = charts.outlet_colours([*OUTLETS, extra])
        assert {o: added[o] for o in OUTLETS} == {o: corpus[o] for o in OUTLETS}, extra
    assert checked >= 3
    # (a name that wants a colour already held falls back to the next free one, in sorted order, which can move an
    # outlet after it: the colours that must never move are fixed by outlets.csv, next test)


def test_outlets_csv_order_fixes_the_colours_of_its_outlets():
    listed = ["nd", "OZD", "Chas Pravdy"]
    colours = charts.outlet_colours(["nd", "OZD"], listed=listed)
    assert [colours["nd"], colours["OZD"]] == list(charts.OUTLET_PALETTE[:2])
    with_more = charts.outlet_colours(["nd", "OZD", "Chas Pravdy", "taz", "(agency copy)", None], listed=listed)
    assert with_more["Chas Pravdy"] == charts.OUTLET_PALETTE[2] and with_more["nd"] == colours["nd"]
    assert with_more["taz"] not in charts.OUTLET_PALETTE[:3]  # an unlisted outlet never takes a listed one's colour
    assert with_more["(agency copy)"] == charts.AGENCY_COLOUR and with_more["(unknown outlet)"] == charts.UNKNOWN_COLOUR


def test_groups_have_their_own_stable_colours():
    colours = charts.group_colours(["established", "alternative", None])
    assert colours["(no group)"] == charts.UNKNOWN_COLOUR
    assert {colours["established"], colours["alternative"]} <= set(charts.GROUP_PALETTE)
    assert colours["established"] != colours["alternative"]
    assert charts.group_colours(["established", "alternative", "left"])["established"] == colours["established"]


def test_a_long_legend_of_stacked_shares_makes_room_instead_of_covering_the_title():
    import polars as pl

    def figure(n: int, name: str = "g"):
        df = pl.DataFrame({"outlet": ["nd"] * n, "group": [f"{name}{i}" for i in range(n)], "share": [1 / n] * n})
        return charts.stacked_share(df, "group", "share", "Title", {}, charts.outlet_colours(["nd"]))

    few, many, long = figure(3), figure(12), figure(12, "Verteidigungsministerium ")
    assert many.layout.margin.t - few.layout.margin.t == 22  # twelve short names: two legend rows instead of one
    assert long.layout.margin.t - few.layout.margin.t == 5 * 22  # long names: two a row, six rows
    assert long.layout.height - few.layout.height == 5 * 22  # the bars keep their room
    assert many.layout.title.yref == "container" and many.layout.title.y == 1


def test_every_speaker_type_and_genre_has_its_own_colour():
    from framing import schema

    for values in (schema.SPEAKER_TYPES, schema.GENRES):
        colours = charts.category_colours(values, none_label="unknown")
        named = [colours[v] for v in values if v != "unknown"]
        assert len(set(named)) == len(named), values
        assert colours["unknown"] == charts.UNKNOWN_COLOUR and charts.UNKNOWN_COLOUR not in named


@pytest.mark.parametrize("default", ["plotly_white", "plotly", "streamlit"])
def test_every_figure_is_drawn_on_plotly_white_whatever_the_default_was(monkeypatch, default) -> None:
    """The template comes from plotly's default (cheap) or, when something else set another default (Streamlit
    does on import), from _style itself."""
    import plotly.io as pio

    if default not in pio.templates:
        pio.templates[default] = go.layout.Template()
    monkeypatch.setattr(pio.templates, "default", default)
    df = pl.DataFrame({"outlet": ["A", "B"], "n": [1, 2]})
    fig = charts.bar_by_outlet(df, "n", "t", {"A": "#000000"})
    assert fig.layout.template == pio.templates["plotly_white"]


def test_stacked_share_legends_read_codes_as_words() -> None:
    df = pl.DataFrame({"outlet": ["nd", "nd"], "speaker_type": ["civil_society", "politician"], "share": [0.4, 0.6]})
    fig = charts.stacked_share(df, "speaker_type", "share", "t", {"politician": "#000000"}, {"nd": "#111111"})
    assert {trace.name for trace in fig.data} == {"civil society", "politician"}
    assert all("_" not in trace.hovertemplate for trace in fig.data)


@pytest.mark.parametrize(("value", "text"), [(None, ""), (0.0, ""), (0.0004, "<0.1%"), (0.003, "0.3%"),
                                             (0.037, "3.7%"), (0.1, "10%"), (0.456, "46%")])
def test_heatmap_cells_never_print_a_share_as_zero(value, text) -> None:
    assert charts.share_text(value) == text


@pytest.mark.parametrize(("top", "fmt"), [(0.037, ".1%"), (0.099, ".1%"), (0.1, ".0%"), (0.8, ".0%")])
def test_a_colour_bar_of_small_shares_has_a_decimal(top, fmt) -> None:
    assert charts.share_colorbar("t", top)["tickformat"] == fmt


def test_a_stacked_share_in_one_of_two_columns_makes_room_for_its_narrower_legend():
    """Voices draws the group shares in half the page: nine groups take more legend rows there than in 560 px, and
    the top margin grows with them (the legend covered the title with the rows counted for the full width)."""
    import polars as pl

    names = ["Germany", "SPÖ", "UN", "ÖVP", "Grüne", "Turkey", "USA", "(no group)", "(other groups)"]
    df = pl.DataFrame({"outlet": ["nd"] * 9, "group": names, "share": [1 / 9] * 9})
    wide = charts.stacked_share(df, "group", "share", "Title", {}, charts.outlet_colours(["nd"]))
    half = charts.stacked_share(df, "group", "share", "Title", {}, charts.outlet_colours(["nd"]),
                                width=charts.HALF_WIDTH)
    rows = charts._legend_rows(names, charts.HALF_WIDTH)
    assert rows > charts._legend_rows(names)
    assert half.layout.margin.t == 60 + 22 * rows > wide.layout.margin.t


def test_stacked_counts_follow_the_order_they_are_given():
    """An actor's profile: quotes by mode per outlet as counts (shares drew every bar full length, 2 quotes like 11),
    the outlets in the table's order (most quotes first), not in colour order."""
    import polars as pl

    df = pl.DataFrame({"outlet": ["A", "A", "B", "B", "C&D", "C&D"], "mode": ["direct", "indirect"] * 3,
                       "n": [0, 2, 3, 6, 1, 0]})
    colours = charts.outlet_colours(["A", "B", "C&D"], listed=["A", "B", "C&D"])
    fig = charts.stacked_share(df, "mode", "n", "t", charts.MODE_COLOURS, colours, label="Quotes", counts=True,
                               order=["B", "A", "C&D"])
    assert list(fig.layout.yaxis.categoryarray) == ["B", "A", "C&amp;D"]
    assert {t.name: list(t.x) for t in fig.data} == {"direct": [3, 0, 1], "indirect": [6, 2, 0]}
    assert fig.layout.xaxis.tickformat == ",d" and fig.layout.xaxis.title.text == "Quotes"
    assert fig.layout.xaxis.dtick == 1  # at most 10 quotes: whole-number ticks (not "0, 1, 1, 2, 2")
    many = charts.stacked_share(df.with_columns(pl.col("n") * 10), "mode", "n", "t", charts.MODE_COLOURS, colours,
                                counts=True)
    assert many.layout.xaxis.dtick is None  # 90 quotes: plotly's own whole-number ticks
    shares = charts.stacked_share(df, "mode", "n", "t", charts.MODE_COLOURS, colours)
    assert list(shares.layout.yaxis.categoryarray) == ["A", "B", "C&amp;D"]  # without an order: colour order
    assert shares.layout.xaxis.tickformat == ".0%"
