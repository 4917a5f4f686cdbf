"""Quotes inside another quote (`mark_nested`): one sort gives what comparing every two quotes of an article gives."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.aggregate.statements import mark_nested


def nested_by_pairs(quotes: pl.DataFrame) -> list[bool]:
    """The definition, quote by quote: another quote of the article holds it (a strictly larger span, or the same
    span with a lower quote_id)."""
    rows = quotes.rows(named=True)
    out = []
    for q in rows:
        out.append(q["start"] is not None and q["end"] is not None and any(
            o["article_id"] == q["article_id"] and o["quote_id"] != q["quote_id"] and o["start"] is not None
            and o["end"] is not None and o["start"] <= q["start"] and o["end"] >= q["end"]
            and (o["start"] < q["start"] or o["end"] > q["end"] or o["quote_id"] < q["quote_id"]) for o in rows))
    return out


def frame(rows):
    return pl.DataFrame(rows, schema={"article_id": pl.String, "quote_id": pl.Int64, "start": pl.Int64,
                                      "end": pl.Int64}, orient="row")


@pytest.mark.parametrize(("rows", "expected"), [
    ([("a", 0, 0, 40), ("a", 1, 10, 20)], [False, True]),  # a partial quote inside reported speech
    ([("a", 0, 10, 20), ("a", 1, 0, 40)], [True, False]),  # the same, listed the other way round
    ([("a", 0, 0, 20), ("a", 1, 0, 20)], [False, True]),  # the same span: the lower quote_id counts
    ([("a", 1, 0, 20), ("a", 0, 0, 20)], [True, False]),
    ([("a", 0, 0, 20), ("a", 1, 10, 30)], [False, False]),  # overlapping, neither holds the other
    ([("a", 0, 0, 40), ("b", 1, 10, 20)], [False, False]),  # another article's quote holds nothing here
    ([("a", 0, None, 40), ("a", 1, 10, 20)], [False, False]),  # no start: in no quote, holds none
    ([("a", 0, 0, 40), ("a", 1, 10, 20), ("a", 2, 12, 18)], [False, True, True]),  # nested twice
    ([], []),
])
def test_mark_nested(rows, expected):
    assert mark_nested(frame(rows))["nested"].to_list() == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 6), st.integers(0, 6)), max_size=12))
def test_mark_nested_is_the_pairwise_definition(spans):
    rows = [(art, i, start, start + length) for i, (art, start, length) in enumerate(spans)]
    quotes = frame(rows).sample(fraction=1.0, shuffle=True, seed=len(rows)) if rows else frame(rows)
    assert mark_nested(quotes)["nested"].to_list() == nested_by_pairs(quotes)
    assert mark_nested(quotes).drop("nested").equals(quotes)  # the rows as they were, in their order
