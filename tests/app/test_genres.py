"""The genre block's pure parts: the rows its opinion chart draws and the genre colours."""

from __future__ import annotations

import polars as pl

from framing import schema
from framing.app.genres import COMPARED, genre_colours, opinion_by_genre


def test_the_opinion_chart_compares_reports_with_commentary_and_leaves_genres_without_own_sentences_out() -> None:
    profile = pl.DataFrame({
        "outlet": ["nd", "nd", "nd", "nd", "taz"],
        "genre": ["commentary", "report", "unknown", "interview", "report"],
        "n_sentences_own": [4, 10, 3, 0, 5],
        "share_opinionated_own": [0.75, 0.1, 0.0, None, 0.2],
    })
    out = opinion_by_genre(profile)
    assert out.select("outlet", "genre").rows() == [("nd", "report"), ("nd", "commentary"), ("taz", "report")]


def test_every_genre_has_a_colour_and_unknown_is_grey() -> None:
    colours = genre_colours()
    assert set(colours) == set(schema.GENRES)
    assert colours["unknown"] == "#9E9E9E"
    assert set(COMPARED) <= set(schema.GENRES)
