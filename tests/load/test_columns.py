"""Spreadsheet exports and JSON records name their columns as their makers do: German headers (`Inhalt`,
`Medium`, `Datum`, `Titel`) and archive names (`Publication`, `Headline`) are read as the loader's fields, and
the columns that are not read are said, never dropped in silence."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from framing.load import load_corpus
from framing.load.columns import canonical, canonical_record
from framing.load.readers import DELIMITER_NAMES

TEXT = "Berlin. Die Regierung sagte, die Maskenpflicht falle bald."


@pytest.mark.parametrize(("header", "fields", "notes"), [
    (["Titel", "Text", "Medium", "Datum"], ["title", "text", "outlet", "date"], 3),
    (["text", "outlet", "date"], ["text", "outlet", "date"], 0),
    (["Inhalt", "Publication", "Headline"], ["text", "outlet", "title"], 3),
    (["Text", "Inhalt"], ["text", "inhalt"], 0),  # the field's own name wins: Inhalt is not read twice
    (["Text", "Medium", "Quelle"], ["text", "outlet", "quelle"], 1),  # only the first other name counts
    (["Outlet", "Medium", "Text"], ["outlet", "medium", "text"], 0),
])
def test_other_names_are_read_as_their_field_once(header, fields, notes):
    found, said = canonical(header)
    assert found == fields and len(said) == notes


def test_a_german_spreadsheet_export_keeps_its_outlet_date_and_title(tmp_path: Path):
    rows = f"Titel;Text;Medium;Datum;Autor\nStreit um die Maskenpflicht;{TEXT};taz;3. März 2023;Anna B.\n"
    (tmp_path / "export.csv").write_bytes(rows.encode("cp1252"))
    result = load_corpus([tmp_path])
    [article] = result.articles.to_dicts()
    assert (article["outlet"], article["date"], article["title"]) == ("taz", "2023-03-03", "Streit um die Maskenpflicht")
    reasons = " ".join(result.errors["reason"].to_list())
    assert "'Medium' read as outlet" in reasons and "'Datum' read as date" in reasons
    assert "not used: Autor" in reasons  # said, not dropped in silence
    [severity] = result.errors.filter(pl.col("reason").str.starts_with("columns:"))["severity"]
    assert severity == "warning"  # a column left out is a caveat on the analysis


def test_columns_read_under_other_names_are_a_note_not_a_warning(tmp_path: Path):
    (tmp_path / "export.csv").write_text(f"Titel;Inhalt;Medium\nStreit;{TEXT};taz\n", encoding="utf-8-sig")
    result = load_corpus([tmp_path])
    assert result.articles.height == 1
    assert result.errors.select("severity", "reason").rows() == [
        ("note", "columns: 'Inhalt' read as text; 'Medium' read as outlet; 'Titel' read as title")]


def test_json_records_with_german_keys(tmp_path: Path):
    records = [{"Inhalt": TEXT, "Medium": "Die Welt", "Datum": "03.03.2023", "Überschrift": "Maskenpflicht"}]
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                            encoding="utf-8")
    [article] = load_corpus([tmp_path]).articles.to_dicts()
    assert (article["outlet"], article["date"], article["title"]) == ("Die Welt", "2023-03-03", "Maskenpflicht")
    assert canonical_record({"text": "x", "Medium": "y"}) == {"text": "x", "outlet": "y"}
    assert canonical_record({"text": "x", "outlet": "o", "Medium": "y"}) == {"text": "x", "outlet": "o", "Medium": "y"}


def test_a_spreadsheet_without_any_text_column_is_refused_with_its_columns(tmp_path: Path):
    (tmp_path / "export.csv").write_text("Titel;Medium\nA;taz\n", encoding="utf-8")
    result = load_corpus([tmp_path])
    assert result.articles.is_empty()
    assert "has no 'text' column (columns: title, outlet)" in result.errors["reason"][0]


def test_a_csv_without_a_header_row_is_told_so_with_its_first_line_cut_short(tmp_path: Path):
    """10kGNAD's shape: label;'text' rows and no header. The message names the problem, not a 3,000-character
    'column name'."""
    text = "Die Gewerkschaft lanciert einen Rechner und findet, dass die Vertragsform beschränkt gehört. " * 20
    (tmp_path / "articles.csv").write_text(f"Wirtschaft;'{text}'\nSport;'{text}'\n", encoding="utf-8")
    result = load_corpus([tmp_path])
    reason = result.errors["reason"][0]
    assert result.articles.is_empty() and "has no header row" in reason and "label;text" in reason
    assert len(reason) < 400
    assert "Die Gewerkschaft lanciert" in reason  # the user's text as written, not the lower-cased column name


@pytest.mark.parametrize(("delimiter", "header"), [(";", "label;text"), ("\t", "label<tab>text"),
                                                   (",", "label,text"), ("|", "label|text")])
def test_a_csv_without_a_header_row_is_shown_its_first_line_and_a_header_in_its_own_delimiter(tmp_path: Path,
                                                                                             delimiter, header):
    text = "Die Gewerkschaft lanciert einen Rechner, und sie findet, dass die Vertragsform beschränkt gehört. " * 5
    (tmp_path / "articles.csv").write_text(f"Wirtschaft{delimiter}\"{text}\"\n", encoding="utf-8")
    reason = load_corpus([tmp_path]).errors["reason"][0]
    assert f"it reads: Wirtschaft{DELIMITER_NAMES[delimiter]}\"Die Gewerkschaft lanciert einen Rechner, und sie findet" in reason
    assert f"(e.g. {header})" in reason and "…" in reason and len(reason) < 400
