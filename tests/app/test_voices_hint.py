"""The Voices view says how much quoted text has no known group, and points to an actors file when most has none."""

import polars as pl

from framing.app.voices import _groups_hint


def rows(no_group: int, known: int) -> pl.DataFrame:
    return pl.DataFrame({"speaker_group": ["(no group)", "EU"], "quoted_words": [no_group, known]})


def test_most_text_without_a_group_points_to_an_actors_file():
    hint = _groups_hint(rows(90, 10))
    assert "90% of the quoted words" in hint and "actors.csv" in hint


def test_a_story_the_groups_know_needs_no_pointer():
    hint = _groups_hint(rows(10, 90))
    assert "10% of the quoted words" in hint and "actors.csv" not in hint


def test_no_quotes_no_division_by_zero():
    empty = pl.DataFrame(schema={"speaker_group": pl.String, "quoted_words": pl.Int64})
    assert "0% of the quoted words" in _groups_hint(empty)
