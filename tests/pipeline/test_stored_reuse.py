"""`framing analyze` stores the text-reuse pairs (framing.pipeline.stored_reuse): they equal the pairs found from the
stored articles, are given only for exactly those articles and that code, take the outlets of the articles asked
about, and `framing compare --analysis` writes the same tables from them as without them."""

from __future__ import annotations

import polars as pl
import pytest

from framing.aggregate import reuse
from framing.aggregate.tables import TABLES
from framing.cli import main
from framing.pipeline import read_analysis, stored_reuse
from tests.helpers.reuse_corpus import analysed_reuse_corpus, without_pairs


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, analysis_cache_dir):
    """The corpus of tests/helpers/reuse_corpus.py analysed by `framing analyze` (its --out folder)."""
    return analysed_reuse_corpus(tmp_path_factory.mktemp("reuse_corpus"), analysis_cache_dir)


def test_analyze_stores_the_pairs_found_from_its_articles(analysed):
    stored = pl.read_parquet(analysed / "text_reuse.parquet")
    found = TABLES["text_reuse"](read_analysis(analysed))
    assert found.height == 4  # a1-a2, a2-a3, a2-a4, a3-a4
    assert stored.equals(found)
    assert stored_reuse.stored_pairs(analysed, read_analysis(analysed).articles).equals(found)
    assert not (analysed / "text_reuse.csv").exists()  # parquet only


def test_the_pairs_are_given_only_for_the_same_articles_and_code(analysed, tmp_path, monkeypatch):
    articles = read_analysis(analysed).articles
    assert stored_reuse.stored_pairs(analysed, articles.filter(pl.col("article_id") != "a5")) is None  # one fewer
    changed = articles.with_columns(pl.when(pl.col("article_id") == "a5").then(pl.col("text") + " Neu.")
                                    .otherwise(pl.col("text")).alias("text"))
    assert stored_reuse.stored_pairs(analysed, changed) is None  # a text changed
    again = pl.concat([articles.sample(fraction=1.0, shuffle=True, seed=3)])
    assert stored_reuse.stored_pairs(analysed, again) is not None  # the order of the articles does not matter

    older = without_pairs(analysed, tmp_path / "older")  # written before the pairs were stored
    assert stored_reuse.stored_pairs(older, articles) is None
    pl.read_parquet(analysed / "text_reuse.parquet").write_parquet(older / "text_reuse.parquet")  # no stamp
    assert stored_reuse.stored_pairs(older, articles) is None

    monkeypatch.setattr(stored_reuse, "_code", lambda: "another reuse code")  # the reuse code changed since
    assert stored_reuse.stored_pairs(analysed, articles) is None


def test_the_pairs_take_the_outlets_of_the_articles_asked_about(analysed):
    articles = read_analysis(analysed).articles.with_columns(
        pl.col("outlet").replace({"nd": "neues deutschland", "Welt": None}))
    pairs = stored_reuse.stored_pairs(analysed, articles)
    assert pairs.equals(TABLES["text_reuse"](type("A", (), {"articles": articles})))
    assert set(pairs["outlet_a"]) | set(pairs["outlet_b"]) == {"neues deutschland", "taz", "(unknown outlet)"}


@pytest.mark.parametrize("filters", [[], ["--outlet", "nd", "--outlet", "Welt"], ["--voice", "journalist"]])
def test_compare_writes_the_same_tables_from_the_stored_pairs(analysed, tmp_path, monkeypatch, filters):
    older = without_pairs(analysed, tmp_path / "older")
    assert main(["compare", "--analysis", str(older), "--out", str(tmp_path / "found"), *filters]) == 0
    if filters != ["--outlet", "nd", "--outlet", "Welt"]:  # every article passes: the stored pairs, not found again
        monkeypatch.setattr(reuse, "shared_text", lambda *a, **k: pytest.fail("the pairs were found again"))
    assert main(["compare", "--analysis", str(analysed), "--out", str(tmp_path / "stored"), *filters]) == 0
    found, stored = sorted(p.name for p in (tmp_path / "found").iterdir()), sorted(p.name for p in
                                                                                  (tmp_path / "stored").iterdir())
    assert found == stored and "text_reuse.csv" in found and "outlet_reuse.csv" in found
    for name in found:
        if name.endswith(".csv"):
            assert (tmp_path / "found" / name).read_bytes() == (tmp_path / "stored" / name).read_bytes(), name
    assert pl.read_parquet(tmp_path / "stored" / "text_reuse.parquet").height == (1 if filters[:1] == ["--outlet"]
                                                                                  else 4)
