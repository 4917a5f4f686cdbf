"""Metadata the text itself reveals: dates at their precision, agencies, outlets; nothing guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from framing.load.metadata import ImpossibleDate, from_text, parse_date

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


@pytest.mark.parametrize(
    "raw, iso, precision",
    [
        ("2025-08-22", "2025-08-22", "day"),
        ("2025-08-22T10:00:00+02:00", "2025-08-22", "day"),
        ("2024-12", "2024-12", "month"),
        ("03 September 2025", "2025-09-03", "day"),
        ("3. September 2025", "2025-09-03", "day"),
        ("Chas Pravdy - 03 September 2025 13:45", "2025-09-03", "day"),
        ("22.08.2025", "2025-08-22", "day"),
        ("September 3, 2025", "2025-09-03", "day"),
        ("Dezember 2024", "2024-12", "month"),
        ("4. März 2025", "2025-03-04", "day"),
        ("2024", "2024", "year"),
    ],
)
def test_parse_date_forms(raw: str, iso: str, precision: str) -> None:
    value = parse_date(raw)
    assert value is not None
    assert (value.iso, value.precision) == (iso, precision)


def test_month_precision_spans_the_month() -> None:
    value = parse_date("2024-12")
    assert value is not None
    assert (value.first, value.last) == (date(2024, 12, 1), date(2024, 12, 31))


@pytest.mark.parametrize("raw", ["31.02.2025", "2025-13-01", "2025-02-30", "30. Februar 2024"])
def test_impossible_dates_raise(raw: str) -> None:
    with pytest.raises(ImpossibleDate):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["", "kein Datum", "am Freitag", "Seite 12"])
def test_no_date(raw: str) -> None:
    assert parse_date(raw) is None


SEEDS = {
    # stem prefix: (outlet, agency, date iso, precision)
    "000": ("nd", "AFP", "2025-08-22", "day"),
    "001": ("OZD", None, None, None),
    "002": (None, None, "2025-08-17", "day"),
    "003": ("Chas Pravdy", None, "2025-09-03", "day"),
    "004": ("dpa-AFX", "dpa-AFX", "2024-12", "month"),
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_metadata_from_text_alone(prefix: str) -> None:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    found = from_text(path.read_text(encoding="utf-8"))
    outlet, agency, iso, precision = SEEDS[prefix]
    assert found.outlet == outlet
    assert found.agency == agency
    assert (found.date.iso if found.date else None) == iso
    assert (found.date.precision if found.date else None) == precision


@pytest.mark.parametrize(
    "text, outlet, agency",
    [
        ("BERLIN (dpa) - Der Bundestag hat beschlossen.", "dpa", "dpa"),
        ("MOSKAU (Reuters) - Der Kreml teilte mit.", "Reuters", "Reuters"),
        ("Kiew. Etwas geschah.\n\nMehr Text. AFP/nd", "nd", "AFP"),
        ("Ein Bericht.\n\nAlle Angaben ohne Gewähr. Titelbild AFP.", None, None),  # photo credit, not agency
        ("Bericht ohne jede Quelle.", None, None),
        ("Am 11. September 2001 geschah es. Damals sagte er etwas.", None, None),  # running text: no date
    ],
)
def test_agency_and_outlet_from_text(text: str, outlet: str | None, agency: str | None) -> None:
    found = from_text(text)
    assert (found.outlet, found.agency) == (outlet, agency)


def test_running_text_date_is_not_the_publication_date() -> None:
    text = "Bericht\n\nDer Artikel wurde nach den Terroranschlägen vom 11. September 2001 angewendet."
    assert from_text(text).date is None


def test_impossible_date_in_header_is_reported_not_guessed() -> None:
    found = from_text(" date 2025-02-31 Ein Text.")
    assert found.date is None
    assert found.problems and "impossible" in found.problems[0]


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Bericht.\nOZD-Kommentar\nSchwach.", "OZD"),
        ("Bericht.\nOZD-Analyse\nDrei Punkte.", "OZD"),
        ("Bericht.\nTagesspiegel-Leitartikel\nText.", "Tagesspiegel"),
        ("Bericht.\nNZZ-Standpunkt\nText.", "NZZ"),
        # negatives: a heading without an outlet, a compound that is no heading, a heading inside a sentence
        ("Bericht.\nKommentar\nText.", None),
        ("Bericht.\nNato-Gipfel\nText.", None),
        ("Der OZD-Kommentar von gestern war scharf.", None),
    ],
)
def test_outlet_from_a_section_heading_of_the_marker_table(text: str, outlet: str | None) -> None:
    assert from_text(text).outlet == outlet
