"""order.sort_order: the order of DataFrame.sort, by one packed integer key where the ranks fit."""

import polars as pl
import pytest

from framing.aggregate import order

FRAME = pl.DataFrame({
    "outlet": ["nd", "taz", None, "nd", "welt", "taz", "nd", None],
    "tone": [0.0, -0.0, float("nan"), None, 1.0, -1.0, 0.0, 0.5],
    "article_id": [3, 1, 2, 3, 0, 1, 2, 4],
    "start": [10, 5, 7, 2, 9, 5, 1, 0],
    "n": [-2, 5, 0, None, 3, 5, 1, 7],
})

CASES = [
    (["outlet", "tone", "article_id", "start"], False, False),
    (["outlet", "tone", "article_id", "start"], False, True),
    (["tone", "n", "article_id", "start"], [True, True, False, False], False),
    (["tone", "n", "article_id", "start"], [True, True, False, False], True),
    (["n", "outlet"], [False, True], True),
    (["article_id", "start"], False, False),
    (["tone"], True, False),  # ties (0.0 and -0.0 alike) keep the frame's order
]


@pytest.mark.parametrize("by, descending, nulls_last", CASES)
@pytest.mark.parametrize("packed_from", [0, 10**9])  # packed, and the keys sorted as they are
def test_sort_order_is_the_sort(monkeypatch, by, descending, nulls_last, packed_from):
    monkeypatch.setattr(order, "PACKED_FROM", packed_from)
    expected = FRAME.with_row_index("_i").sort(by, descending=descending, nulls_last=nulls_last, maintain_order=True)
    assert order.sort_order(FRAME, by, descending, nulls_last).to_list() == expected["_i"].to_list()
    assert order.sorted_by(FRAME, by, descending, nulls_last).equals(expected.drop("_i"), null_equal=True)


def test_too_many_bits_sorts_by_the_keys(monkeypatch):
    monkeypatch.setattr(order, "PACKED_FROM", 0)
    wide = pl.DataFrame({"a": [2**40, 0, 2**40], "b": [2**30, 1, 0]})  # 41 + 31 bits: more than 63
    assert order.sort_order(wide, ["a", "b"]).to_list() == [1, 2, 0]


def test_empty_frame(monkeypatch):
    monkeypatch.setattr(order, "PACKED_FROM", 0)
    assert order.sort_order(FRAME.clear(), ["outlet", "tone"]).to_list() == []
