"""The outlet x outlet text-reuse matrix: shares of each outlet's text, capped per article, the diagonal's pairs
counted once."""

from __future__ import annotations

import polars as pl
import pytest

from framing.aggregate.reuse import REUSE_SCHEMA
from framing.aggregate.reuse_matrix import outlet_reuse


def pairs(*rows: tuple[str, str, int, int]) -> pl.DataFrame:
    return pl.DataFrame([{**{c: None for c in REUSE_SCHEMA}, "article_a": a, "article_b": b, "shared_chars_a": sa,
                          "shared_chars_b": sb} for a, b, sa, sb in rows], schema=REUSE_SCHEMA)


ARTICLES = pl.DataFrame({"article_id": ["x1", "x2", "y1", "z1"], "outlet": ["X", "X", "Y", None],
                         "n_chars": [100, 100, 50, 80]})


def test_share_of_an_outlets_text_shared_with_another():
    matrix = outlet_reuse(pairs(("x1", "y1", 30, 20), ("x2", "y1", 10, 20)), ARTICLES)
    cells = {(r["outlet"], r["other_outlet"]): r for r in matrix.iter_rows(named=True)}
    assert set(cells) == {("X", "Y"), ("Y", "X")}
    assert cells[("X", "Y")]["share_shared"] == pytest.approx(40 / 200)
    assert (cells[("X", "Y")]["n_articles"], cells[("X", "Y")]["n_pairs"]) == (2, 2)
    assert cells[("Y", "X")]["share_shared"] == pytest.approx(40 / 50)


def test_shared_characters_are_capped_at_the_article_and_the_diagonal_counts_pairs_once():
    matrix = outlet_reuse(pairs(("x1", "y1", 5, 40), ("x2", "y1", 5, 40), ("x1", "x2", 60, 60),
                                ("y1", "z1", 10, 10)), ARTICLES)
    cells = {(r["outlet"], r["other_outlet"]): r for r in matrix.iter_rows(named=True)}
    assert cells[("Y", "X")]["shared_chars"] == 50  # 80 found, capped at y1's 50 characters
    assert cells[("X", "X")]["n_pairs"] == 1 and cells[("X", "X")]["shared_chars"] == 120
    assert ("(unknown outlet)", "Y") in cells


def test_no_pairs_no_rows():
    assert outlet_reuse(pairs(), ARTICLES).is_empty()
