"""Mojibake undone and invisible characters removed before anything reads the text, each repair said."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from framing.aggregate.filters import Filter
from framing.load import load_corpus
from framing.load.repair import repaired


@pytest.mark.parametrize(("text", "fixed"), [
    ("Die BÃ¼rgermeister fÃ¼r die StraÃŸe", "Die Bürgermeister für die Straße"),
    ("â€žWir schaffen dasâ€œ, sagte sie.", "„Wir schaffen das“, sagte sie."),
])
def test_repairs(text, fixed):
    found, notes = repaired(text)
    assert found == fixed and notes


@pytest.mark.parametrize("text", [
    "Ärger über Öl und Straße: Ä, Ö, Ü, ß bleiben.",
    "Â is a letter of its own in Romanian: Âmbe.",  # no continuation character after it
    "Café, naïve, São Paulo, Øresund — 50 € — „Zitat“ »Zitat« ‚halb‘.",
    "Zeilen\nmit\tTabs\r\nbleiben.",
    "Zentral\u00adregierung, Ende.\u200bNeu: invisible characters stay (every character read is kept)",
])
def test_real_text_is_left_as_it_is(text):
    assert repaired(text) == (text, [])


def test_the_loader_repairs_and_says_so(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Berlin. Der BÃ¼rgermeister sagte, die Zentral\u00adregierung irre.", encoding="utf-8")
    result = load_corpus([tmp_path])
    assert result.articles["text"][0] == "Berlin. Der Bürgermeister sagte, die Zentral\u00adregierung irre."
    assert any("mis-decoded characters repaired" in r for r in result.errors["reason"].to_list())
    # the soft hyphen stays, and the search looks through it
    assert result.articles.filter(Filter(text="Zentralregierung").article_mask()).height == 1
    assert result.articles.filter(Filter(text="zentral\u00adregierung").article_mask()).height == 1


def test_the_same_text_twice_in_one_outlet_is_said(tmp_path: Path):
    text = "Berlin. Der Minister sagte, das Gesetz komme im Herbst."
    (tmp_path / "manifest.csv").write_text("article_id,outlet\na,taz\nb,taz\nc,Welt\n", encoding="utf-8")
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    result = load_corpus([tmp_path])
    assert result.articles.height == 3  # said, not dropped
    [note] = [r for r in result.errors["reason"].to_list() if "same text as article" in r]
    assert "same text as article 'a' of the same outlet (taz)" in note  # Welt's copy is agency copy, not a duplicate


def test_nul_characters_after_a_files_head_are_taken_out_and_said(tmp_path: Path):
    """A NUL in the first 8 KB refuses the file as binary; one further on (a spreadsheet export's slip) used to stay
    in the text and in every CSV written from it."""
    rows = "".join(f"Die Regierung beschließt Nummer {i}, sagte ein Sprecher in Wien am Montag.;taz\n" for i in range(200))
    body = f"text;outlet\n{rows}Die Regierung in Wi\x00en, sagte er\x00.;taz\n"
    (tmp_path / "export.csv").write_text(body, encoding="utf-8")
    result = load_corpus([tmp_path])
    assert result.articles.height == 201 and not any("\x00" in t for t in result.articles["text"].to_list())
    assert "Die Regierung in Wien, sagte er." in result.articles["text"].to_list()
    assert result.errors.filter(pl.col("reason").str.contains("NUL"))["reason"].to_list() == [
        "2 NUL characters taken out of the text (the first at character 19); check the export"]
    assert repaired("ohne") == ("ohne", [])
