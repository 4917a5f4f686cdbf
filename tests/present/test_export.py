"""Exports: CSV a spreadsheet will not execute, numbers kept as numbers, round trips through csv and polars."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from framing.aggregate import tables as compare
from framing.present import export
from framing.errors import ConfigError
from framing.aggregate.filters import Filter

from tests.helpers.frames import article, make_analysis, quote, section, small_corpus

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+49 30 1234", "'+49 30 1234"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        # harmless text, and numbers of any sign, stay as they are
        ("Lawrow sagte", "Lawrow sagte"),
        ("a=b", "a=b"),
        ("", ""),
        (-0.5, -0.5),
        (-3, -3),
        (None, None),
        (True, True),
    ],
)
def test_safe_cell(value, expected):
    assert export.safe_cell(value) == expected


def _read_csv_module(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_formula_in_an_article_arrives_as_inert_text():
    corpus = make_analysis(
        articles=[article("x", "nd", "2025-08-22", text="Text.", title=HYPERLINK)],
        sections=[section("x", 0, "reporting", 0, 5)],
        quotes=[quote("x", 0, 0, HYPERLINK, "direct", 3, "-Gruppe")],
    )
    table = compare.quoted_actors(corpus)
    rows = _read_csv_module(export.to_csv_bytes(table))
    assert rows[0]["speaker"] == "'" + HYPERLINK
    assert rows[0]["speaker_group"] == "'-Gruppe"
    back = pl.read_csv(io.BytesIO(export.to_csv_bytes(table)))
    assert back["speaker"].to_list() == ["'" + HYPERLINK]


def test_negative_numbers_stay_numbers():
    df = pl.DataFrame({"tone": [-0.5, 0.25], "n": [-3, 4], "label": ["-neg", "pos"]})
    rows = _read_csv_module(export.to_csv_bytes(df))
    assert [r["tone"] for r in rows] == ["-0.5", "0.25"]
    assert [r["n"] for r in rows] == ["-3", "4"]
    assert [r["label"] for r in rows] == ["'-neg", "pos"]
    back = pl.read_csv(io.BytesIO(export.to_csv_bytes(df)))
    assert back.schema == {"tone": pl.Float64, "n": pl.Int64, "label": pl.String}
    assert back["tone"].to_list() == [-0.5, 0.25]


def test_header_utf8_lists_and_dates():
    df = pl.DataFrame(
        {
            "outlet": ["OZD", None],
            "passages": [["»Brüssel«", "=1+1"], []],
            "day": [dt.date(2025, 8, 22), None],
            "share": [1 / 3, None],
        }
    )
    data = export.to_csv_bytes(df)
    assert data.startswith(b"outlet,passages,day,share\n")
    rows = _read_csv_module(data)
    assert rows[0] == {"outlet": "OZD", "passages": "»Brüssel« | =1+1", "day": "2025-08-22", "share": repr(1 / 3)}
    assert rows[1] == {"outlet": "", "passages": "", "day": "", "share": ""}
    # a joined list that would start with a formula is neutralised as a whole
    assert _read_csv_module(export.to_csv_bytes(pl.DataFrame({"p": [["=x", "y"]]})))[0]["p"] == "'=x | y"


@pytest.mark.parametrize("name", list(compare.TABLES))
def test_every_table_round_trips_through_csv_and_polars(name):
    table = compare.TABLES[name](small_corpus())
    data = export.to_csv_bytes(table)
    expected = export.csv_ready(table)
    rows = _read_csv_module(data)
    assert list(rows[0]) == table.columns if rows else True
    assert len(rows) == table.height
    back = pl.read_csv(io.BytesIO(data), schema=expected.schema)
    assert_frame_equal(back, expected)
    for row, want in zip(rows, expected.iter_rows(named=True)):
        for column, value in want.items():
            if value is None:
                assert row[column] == ""
            elif isinstance(value, float):
                assert float(row[column]) == value
            else:
                assert row[column] == str(value)


cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(cell_text, st.floats(allow_nan=False, allow_infinity=False), st.integers(-10**9, 10**9)), max_size=8))
def test_round_trip_property(rows):
    df = pl.DataFrame(rows, schema={"text": pl.String, "x": pl.Float64, "n": pl.Int64}, orient="row")
    data = export.to_csv_bytes(df)
    parsed = _read_csv_module(data)
    assert len(parsed) == df.height
    for got, (text, x, n) in zip(parsed, rows):
        assert got["text"] == export.safe_cell(text)
        assert not got["text"].startswith(export.FORMULA_PREFIXES)
        assert float(got["x"]) == x and int(got["n"]) == n
    back = pl.read_csv(io.BytesIO(data), schema=df.schema)
    assert back["x"].to_list() == df["x"].to_list() and back["n"].to_list() == df["n"].to_list()


def test_write_tables_writes_csv_parquet_and_caption(tmp_path):
    filt = Filter(outlets=("OZD",))
    view = filt.apply(small_corpus())
    tables = compare.compare_tables(view)
    written = export.write_tables(tables, tmp_path / "out", caption=filt.describe())
    names = sorted(p.name for p in written)
    assert names == sorted([f"{n}.csv" for n in tables] + [f"{n}.parquet" for n in tables] + ["filter.txt"])
    assert (tmp_path / "out" / "filter.txt").read_text(encoding="utf-8") == "OZD, all dates\n"
    for name, df in tables.items():
        assert_frame_equal(pl.read_parquet(tmp_path / "out" / f"{name}.parquet"), df)
        assert (tmp_path / "out" / f"{name}.csv").read_bytes() == export.to_csv_bytes(df)
    assert not [p for p in os.listdir(tmp_path / "out") if p.endswith(".tmp")]  # no temporary files left


CHUNKED = pl.DataFrame({"text": ["=SUM(A1)", "b", None, "-1", "e"], "n": [1, 2, 3, 4, 5]})


@pytest.mark.parametrize("rows_per_part", [None, 2, 5, 7])
@pytest.mark.parametrize("cuts", [[], [2], [0, 3], [1, 2, 4, 5]])
def test_a_table_given_in_chunks_is_written_as_the_whole_frame(tmp_path, cuts, rows_per_part):
    bounds = [0, *cuts, CHUNKED.height]
    chunks = (CHUNKED[a:b] for a, b in zip(bounds, bounds[1:]))  # consumed once, as a stored analysis gives them
    export.write_tables({"t": chunks}, tmp_path, rows_per_part=rows_per_part)
    assert (tmp_path / "t.csv").read_bytes() == export.to_csv_bytes(CHUNKED)
    if rows_per_part:
        parts = sorted((tmp_path / "t").glob("*.parquet"))
        assert [pl.read_parquet(p).height for p in parts] == [
            min(rows_per_part, CHUNKED.height - i) for i in range(0, CHUNKED.height, rows_per_part)]
        assert_frame_equal(pl.read_parquet(tmp_path / "t" / "*.parquet"), CHUNKED)
    else:
        assert_frame_equal(pl.read_parquet(tmp_path / "t.parquet"), CHUNKED)
        assert not (tmp_path / "t").exists()


def test_a_frame_longer_than_one_write_is_written_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "ROWS_PER_WRITE", 2)
    export.write_tables({"t": CHUNKED}, tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == export.to_csv_bytes(CHUNKED)
    assert_frame_equal(pl.read_parquet(tmp_path / "t.parquet"), CHUNKED)


@pytest.mark.parametrize("rows_per_part", [None, 2])
def test_an_empty_table_keeps_its_header_and_schema(tmp_path, rows_per_part):
    export.write_tables({"t": [CHUNKED.clear()]}, tmp_path, rows_per_part=rows_per_part)
    assert (tmp_path / "t.csv").read_text() == "text,n\n"
    parquet = tmp_path / ("t/part-00000.parquet" if rows_per_part else "t.parquet")
    assert_frame_equal(pl.read_parquet(parquet), CHUNKED.clear())


def test_write_tables_replaces_existing_files(tmp_path):
    export.write_tables({"t": pl.DataFrame({"a": [1, 2]})}, tmp_path, formats=("csv",))
    export.write_tables({"t": pl.DataFrame({"a": [3]})}, tmp_path, formats=("csv",))
    assert (tmp_path / "t.csv").read_text() == "a\n3\n"


@pytest.mark.parametrize(
    ("tables", "formats", "message"),
    [
        ({"../evil": pl.DataFrame({"a": [1]})}, ("csv",), "cannot be a file name"),
        ({"t": pl.DataFrame({"a": [1]})}, ("xlsx",), "unknown export format"),
    ],
)
def test_write_tables_refuses(tmp_path, tables, formats, message):
    with pytest.raises(ConfigError, match=message):
        export.write_tables(tables, tmp_path, formats=formats)
