"""`compare_tables` as `framing compare` runs it: the same tables as each table's own function on the analysis, the
text reuse between outlets from the article text itself."""

from __future__ import annotations

import polars as pl
import pytest

from framing.aggregate import tables as compare
from framing.aggregate.reuse_matrix import reuse_by_outlet

from tests.helpers.frames import article, make_analysis

SHARED = ("Die Agentur meldet am Morgen dass der Gipfel in Genf ohne eine gemeinsame Erklärung der beiden "
          "Delegationen zu Ende gegangen ist und beide Seiten weitere Gespräche im Herbst angekündigt haben")
OTHER = ("Ganz anders schreibt die Zeitung heute vom Markt auf dem Platz wo Bauern Gemüse Obst Käse Brot und "
         "Blumen verkaufen während Kinder spielen und Musiker bis spät in den warmen Abend hinein Lieder singen")


def reuse_corpus(second: str):
    """Two outlets: nd runs SHARED, OZD runs `second` (with as many words, so a text's word count alone tells the
    two apart from nothing)."""
    return make_analysis(articles=[article("a1", "nd", "2025-08-22", text=SHARED),
                                   article("a2", "OZD", "2025-08-23", text=second)])


@pytest.mark.parametrize("by", ["outlet", "outlet_date", "outlet_kind", "article"])
@pytest.mark.parametrize(("second", "rows"), [(SHARED, 2), (OTHER, 0)])  # the same agency copy; unrelated texts
def test_outlet_reuse_is_found_in_the_text_whatever_the_grouping(by, second, rows):
    analysis = reuse_corpus(second)
    table = compare.compare_tables(analysis, by=by)["outlet_reuse"]
    assert table.height == rows
    assert table.equals(compare.TABLES["outlet_reuse"](analysis, by="outlet"))
    assert table.drop("group").equals(reuse_by_outlet(analysis))


@pytest.mark.parametrize(("second", "groups"), [(SHARED, 1), (OTHER, 0)])  # both outlets in "(no group)"
def test_outlet_reuse_per_group(second, groups):
    analysis = reuse_corpus(second)
    table = compare.compare_tables(analysis, by="group")["outlet_reuse"]
    assert table.columns[0] == "group" and table.height == groups
    assert table.equals(compare.TABLES["outlet_reuse"](analysis, by="group"))


# ---- compare_tables (shared frames, integer codes, the columns read) equals each table made on its own ----------

@pytest.fixture(scope="module")
def seeds_on_disk(tmp_path_factory):
    """The bundled seed corpus analysed and written as `framing analyze --out` writes it."""
    from pathlib import Path

    from framing.pipeline import analyze_paths
    from framing.present.export import write_tables

    analysis = analyze_paths([Path(__file__).resolve().parents[2] / "data" / "corpus"], use_cache=False)
    out = tmp_path_factory.mktemp("seeds_out")
    write_tables(analysis.tables(), out, formats=("parquet",))
    return analysis, out


def on_its_own(analysis, name: str, by: str, period: str):
    """Table `name` as its own function makes it on the whole analysis, nothing shared, string ids."""
    return compare.TABLES[name](analysis, by=by, period=period)


GROUPINGS = [("outlet", "month"), ("outlet_date", "month"), ("outlet_date", "week"), ("group", "month"),
             ("article", "day"), ("outlet_kind", "year")]


@pytest.mark.parametrize(("by", "period"), GROUPINGS)
def test_compare_tables_equal_each_table_on_its_own(seeds_on_disk, by, period):
    from framing.pipeline import read_analysis, read_for_tables

    analysis, out = seeds_on_disk
    every = compare.compare_tables(analysis, by=by, period=period)
    lean = compare.compare_tables(read_for_tables(out), by=by, period=period, skip=("text_reuse", "outlet_reuse"))
    stored = read_analysis(out)
    for name in compare.TABLES:
        alone = on_its_own(analysis, name, by, period)
        assert every[name].equals(alone) and every[name].schema == alone.schema, (name, by, period)
        if name in lean:  # the columns the tables read, from the parquet output, the text left out
            assert lean[name].equals(on_its_own(stored, name, by, period)), (name, by, period)
            assert lean[name].schema == alone.schema, name


def test_the_article_ids_come_back_as_strings_in_their_order(seeds_on_disk):
    import dataclasses

    analysis, _ = seeds_on_disk
    analysis = dataclasses.replace(analysis, articles=analysis.articles.reverse())  # codes by row would be reversed
    table = compare.compare_tables(analysis, by="article")["overview"]
    assert table.schema["article_id"] == pl.String
    from framing.aggregate.filters import outlet_label

    expected = analysis.articles.select(outlet_label(), "article_id").sort("outlet", "article_id")
    assert table.select("outlet", "article_id").equals(expected)  # sorted by the ids themselves, not by their codes


def test_read_for_tables_reads_only_the_columns_the_tables_read(seeds_on_disk):
    from framing.aggregate.grouping import TEXT_WORDS
    from framing.aggregate.shared import TABLE_COLUMNS
    from framing.pipeline import read_for_tables

    analysis, out = seeds_on_disk
    lean, with_text = read_for_tables(out), read_for_tables(out, text=True)
    assert "text" not in lean.articles.columns and "text" in with_text.articles.columns
    assert lean.articles[TEXT_WORDS].to_list() == analysis.articles["text"].str.count_matches(r"\w+").to_list()
    for name, columns in TABLE_COLUMNS.items():
        assert set(getattr(lean, name).columns) - {TEXT_WORDS} <= set(columns), name
    assert "text" not in lean.quotes.columns and "cue" not in lean.quotes.columns  # columns no table reads


def test_the_stored_word_counts_are_read_instead_of_the_text(seeds_on_disk):
    """`framing analyze` stores each article's words (n_words, counted as the tables count them): the tables read
    that column and never the text (its column is made unreadable here to show it)."""
    import polars as pl

    from framing.aggregate.grouping import TEXT_WORDS
    from framing.pipeline import read_for_tables

    analysis, out = seeds_on_disk
    words = analysis.articles["text"].str.count_matches(r"\w+").cast(pl.Int64)
    assert analysis.articles["n_words"].to_list() == words.to_list()
    lean = read_for_tables(out)
    assert lean.articles[TEXT_WORDS].to_list() == words.to_list() and "n_words" not in lean.articles.columns
    blind = out.parent / "seeds_no_text"
    _copy_analysis(out, blind, articles=lambda a: a.with_columns(pl.lit(None, pl.String).alias("text")))
    assert read_for_tables(blind).articles.equals(lean.articles)


@pytest.mark.parametrize("missing", ["column", "one article"])
def test_an_analysis_without_stored_word_counts_has_its_text_counted(seeds_on_disk, tmp_path, missing):
    """An analysis written before n_words (or with an article without it) gives the same tables: the text is
    counted as before."""
    import polars as pl

    from framing.pipeline import read_for_tables

    _, out = seeds_on_disk
    old = tmp_path / "old"
    if missing == "column":
        _copy_analysis(out, old, articles=lambda a: a.drop("n_words"))
    else:
        _copy_analysis(out, old, articles=lambda a: a.with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(None).otherwise(pl.col("n_words")).alias("n_words")))
    for text in (False, True):
        assert read_for_tables(old, text=text).articles.equals(read_for_tables(out, text=text).articles)
    for by, period in GROUPINGS[:3]:
        now = compare.compare_tables(read_for_tables(out), by=by, period=period, skip=("text_reuse", "outlet_reuse"))
        before = compare.compare_tables(read_for_tables(old), by=by, period=period,
                                        skip=("text_reuse", "outlet_reuse"))
        assert all(before[name].equals(table) for name, table in now.items()), (by, period)


def _copy_analysis(source, target, *, articles):
    """The parquet tables of `source` into `target`, the articles table changed by `articles`."""
    import polars as pl

    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob("*.parquet"):
        frame = pl.read_parquet(path)
        (articles(frame) if path.stem == "articles" else frame).write_parquet(target / path.name)


@pytest.mark.parametrize(("by", "period"), GROUPINGS[:4])
@pytest.mark.parametrize("flt", [
    {},  # no filter
    {"voices": ("journalist",)},  # sentences, segments, quotes and mentions narrowed
    {"section_kinds": ("reporting",), "text": "Nato"},  # a text search: the article text is read for it
    {"outlets": ("no outlet of the corpus",)},  # nothing left: every table empty
])
def test_stored_tables_are_the_tables_of_compare_tables(seeds_on_disk, by, period, flt):
    """framing compare --analysis: the tables without text columns first, the text columns read for the others
    afterwards, each table the same as compare_tables makes it from the whole parquet output."""
    from framing.aggregate.filters import Filter
    from framing.pipeline import read_for_tables, stored_tables

    _, out = seeds_on_disk
    view = Filter(**flt)
    every = compare.compare_tables(view.apply(read_for_tables(out, text=True)), by=by, period=period)
    made = list(stored_tables(out, by=by, period=period, flt=view))
    assert sorted(name for name, _ in made) == sorted(every)
    late = [name for name, _ in made][-len(compare.READS_TEXT):]
    assert late == list(compare.READS_TEXT)  # the tables that read the text columns come last
    for name, table in made:
        assert table.equals(every[name], null_equal=True) and table.schema == every[name].schema, (name, flt)


def test_with_texts_puts_the_text_columns_back_in_their_places(seeds_on_disk):
    from framing.aggregate.shared import TEXT_COLUMNS
    from framing.pipeline import read_for_tables, with_texts

    _, out = seeds_on_disk
    whole, lean = read_for_tables(out), read_for_tables(out, texts=False)
    for name, columns in TEXT_COLUMNS.items():
        assert not set(columns) & set(getattr(lean, name).columns), name
    back = with_texts(out, lean)
    for name in TEXT_COLUMNS:
        assert getattr(back, name).equals(getattr(whole, name), null_equal=True), name
        assert getattr(back, name).columns == getattr(whole, name).columns, name


def test_quote_tone_pairs_quotes_and_segments_a_few_articles_at_a_time(seeds_on_disk, monkeypatch):
    from framing.aggregate import actors

    analysis, _ = seeds_on_disk
    whole = compare.compare_tables(analysis, skip=("text_reuse", "outlet_reuse"))["quote_tone"]
    monkeypatch.setattr(actors, "CHUNK_ARTICLES", 1)  # one article at a time
    assert compare.compare_tables(analysis, skip=("text_reuse", "outlet_reuse"))["quote_tone"].equals(whole)
    assert whole["n_quotes_toned"].sum() > 0  # quotes with quoted segments inside them, found either way


# ---- frames shared inside one compare_tables run ------------------------------------------------------------------

@pytest.mark.parametrize(("inside", "same_analysis", "made"), [
    (True, True, 1),  # one analysis, one key: made once
    (True, False, 2),  # another analysis: made again
    (False, True, 2),  # outside sharing() (the dashboard): made on every call
])
def test_shared_frames(inside, same_analysis, made):
    from contextlib import nullcontext

    from framing.aggregate.shared import shared, sharing

    calls = []
    first, second = reuse_corpus(SHARED), reuse_corpus(OTHER)
    with sharing() if inside else nullcontext():
        for analysis in (first, first if same_analysis else second):
            shared(analysis, ("a key",), lambda: calls.append(1) or pl.DataFrame())
    assert len(calls) == made



@pytest.mark.parametrize(("kind", "still_to_come", "made"), [
    ("quotes", ["overview", "speaker_types"], 1),  # a table still to come reads it: kept
    ("quotes", ["overview", "over_time"], 2),  # none does: let go, made again when asked
    ("a kind USERS does not name", [], 1),  # kept to the end
])
def test_release_lets_go_of_frames_no_table_still_to_come_reads(kind, still_to_come, made):
    from framing.aggregate.shared import release, shared, sharing

    calls = []
    analysis = reuse_corpus(SHARED)
    with sharing():
        shared(analysis, (kind, "month"), lambda: calls.append(1) or pl.DataFrame())
        release(still_to_come)
        shared(analysis, (kind, "month"), lambda: calls.append(1) or pl.DataFrame())
    assert len(calls) == made


def test_every_table_a_shared_frame_names_is_a_table():
    from framing.aggregate.shared import USERS

    assert {name for users in USERS.values() for name in users} <= set(compare.TABLES)

# ---- counting distinct (article, sentence) pairs ------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second", "pairs"), [
    ([0, 0, 1, 1], [0, 1, 0, 0], 3),  # integer codes: packed into one integer
    ([0, 1], [1, 0], 2),  # (0, 1) and (1, 0) stay apart
    (["a", "a", "b"], [0, 0, 0], 2),  # string ids: as structs
    ([0, None, None], [1, 1, 2], 3),  # nulls: as structs, (null, 1) and (null, 2) apart
    ([-1, 0], [5, 5], 2),  # negative: as structs
    ([2**40, 0], [0, 0], 2),  # too large to pack: as structs
])
def test_distinct_pairs(first, second, pairs):
    from framing.aggregate.grouping import _distinct_pairs

    df = pl.DataFrame({"a": first, "b": second})
    assert df.select(_distinct_pairs(df, "a", "b")).item() == pairs
