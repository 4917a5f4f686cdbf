"""Genre and agency of articles in the shapes real outlets publish: JSON lines with their addresses, and saved
pages with their metadata (tests/data/genre/, written for these tests after the address schemes, meta tags and
JSON-LD of German news sites)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from framing.load import load_corpus

FOLDER = Path(__file__).resolve().parents[1] / "data" / "genre"

EXPECTED = {
    # JSON lines: address words decide, or the text's credits and layout when the address says nothing
    "spiegel-meinung": ("commentary", None, "address word 'meinung'"),
    "sz-kommentar-slug": ("commentary", None, "address word 'kommentar'"),
    "welt-kolumne": ("commentary", None, "address word"),
    "zeit-interview": ("interview", None, "address word 'interview'"),
    "taz-gastbeitrag": ("guest", None, "address word 'gastbeitrag'"),
    "tagesschau-meinungsfreiheit": ("report", None, "no genre signal"),
    "faz-dpa": ("agency", "dpa", "Berlin (dpa) -"),
    "nd-afp": ("agency", "AFP", "AFP/nd"),
    "rnd-material": ("report", "dpa", "mit Material von dpa"),  # the photo credit `Foto: picture alliance/dpa` is not it
    "tagesspiegel-report-quotes-commentary": ("report", None, "no genre signal"),
    "presseportal": ("press_release", None, "presseportal"),
    # saved pages: JSON-LD type, article:section, the main article's data (not a related article's), photo credits
    "opinion_jsonld": ("commentary", None, "page type 'OpinionNewsArticle'"),
    "analysis_section": ("analysis", None, "page type 'AnalysisNewsArticle'"),
    "interview_section": ("interview", None, "page section 'Interview'"),
    "agency_photo_credit": ("agency", "dpa", "Berlin (dpa) -"),
    "report_photo_credit": ("report", None, "no genre signal"),
}


@pytest.fixture(scope="module")
def articles() -> pl.DataFrame:
    result = load_corpus([FOLDER])
    assert result.errors.height == 0, result.errors.to_dicts()
    return result.articles


def test_every_article_is_expected(articles: pl.DataFrame) -> None:
    assert sorted(articles["article_id"]) == sorted(EXPECTED)


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_genre_and_agency(articles: pl.DataFrame, article_id: str) -> None:
    row = articles.filter(pl.col("article_id") == article_id).row(0, named=True)
    genre, agency, evidence = EXPECTED[article_id]
    assert (row["genre"], row["agency"]) == (genre, agency), row["genre_evidence"]
    assert evidence in row["genre_evidence"]


def test_a_saved_page_keeps_its_address(articles: pl.DataFrame) -> None:
    row = articles.filter(pl.col("article_id") == "opinion_jsonld").row(0, named=True)
    assert row["url"] == "https://www.beispiel-zeitung.de/politik/hilfspaket-zu-klein-zu-spaet-1.123456"


def test_a_manifest_genre_corrects_the_decided_one_and_a_wrong_value_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kommentar: Zu spät\n\n" + "Die Regierung zaudert seit Monaten. " * 12)
    (tmp_path / "b.txt").write_text("Haushalt beschlossen\n\n" + "Die Regierung hat beschlossen. " * 12)
    (tmp_path / "manifest.csv").write_text("article_id,genre\na,analysis\nb,Wetterbericht\n")
    result = load_corpus([tmp_path])
    rows = {r["article_id"]: r for r in result.articles.iter_rows(named=True)}
    assert (rows["a"]["genre"], rows["a"]["genre_evidence"]) == ("analysis", "given: 'analysis'")
    assert rows["b"]["genre"] == "report"
    assert result.errors.filter(pl.col("reason").str.contains("Wetterbericht")).height == 1


def test_a_record_section_decides(tmp_path: Path) -> None:
    text = "Die Regierung zaudert seit Monaten, und das ist ein Fehler. " * 10
    (tmp_path / "a.jsonl").write_text(f'{{"id": "x", "section": "Meinung", "text": "{text}"}}\n'
                                      f'{{"id": "y", "ressort": "Politik", "text": "{text}"}}\n')
    rows = {r["article_id"]: r for r in load_corpus([tmp_path]).articles.iter_rows(named=True)}
    assert rows["x"]["genre"] == "commentary" and "page section 'Meinung'" in rows["x"]["genre_evidence"]
    assert rows["y"]["genre"] == "report"


def test_a_failing_genre_rule_costs_one_article_its_genre_not_the_load(tmp_path: Path, monkeypatch) -> None:
    import framing.load.corpus as corpus

    def broken(text: str, **kwargs):
        if "kaputt" in text:
            raise RuntimeError("kaputt")
        return real(text, **kwargs)

    real = corpus.decide_genre
    monkeypatch.setattr(corpus, "decide_genre", broken)
    (tmp_path / "a.txt").write_text("Die Regierung hat beschlossen, das ist kaputt. " * 10)
    (tmp_path / "b.txt").write_text("Die Regierung hat beschlossen. " * 12)
    result = load_corpus([tmp_path])
    rows = {r["article_id"]: r for r in result.articles.iter_rows(named=True)}
    assert rows["a"]["genre"] == "unknown" and rows["b"]["genre"] == "report"
    assert result.errors.filter(pl.col("reason").str.contains("genre could not be decided")).height == 1
