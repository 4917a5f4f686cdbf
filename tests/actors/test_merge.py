"""Speaker names merged across the articles of a corpus (framing.actors.merge)."""

from __future__ import annotations

import polars as pl
import pytest

from framing import schema
from framing.actors.gazetteer import load_actors_file
from framing.actors.merge import merge_speakers


def test_merge_speakers_unifies_short_forms_and_aliases_across_articles():
    rows = [
        {"article_id": "a", "quote_id": 0, "speaker": "Witkoff", "speaker_kind": "person"},
        {"article_id": "b", "quote_id": 0, "speaker": "Steve Witkoff", "speaker_kind": "person"},
        {"article_id": "c", "quote_id": 0, "speaker": "Zelensky", "speaker_kind": "person"},
        {"article_id": "d", "quote_id": 0, "speaker": "Erika Muster", "speaker_kind": "person"},
        {"article_id": "e", "quote_id": 0, "speaker": "Muster", "speaker_kind": "person"},
        {"article_id": "f", "quote_id": 0, "speaker": "Hans Muster", "speaker_kind": "person"},
        {"article_id": "g", "quote_id": 0, "speaker": "Tilli", "speaker_kind": "reader"},
        {"article_id": "h", "quote_id": 0, "speaker": "Rutte", "speaker_kind": "reader"},  # a reader stays a reader
    ]
    frame = schema.frame(rows, schema.QUOTES)
    merged = merge_speakers(frame)
    assert merged.columns == list(schema.QUOTES)
    assert merged["speaker"].to_list() == [
        "Steve Witkoff", "Steve Witkoff", "Wolodymyr Selenskyj", "Erika Muster", "Muster", "Hans Muster", "Tilli",
        "Rutte"]
    assert merged["speaker_group"].to_list()[:3] == ["USA", "USA", "Ukraine"]
    assert merged["speaker_group"].to_list()[-1] is None
    assert merge_speakers(schema.empty(schema.QUOTES)).is_empty()
    assert isinstance(merged, pl.DataFrame)


def _quotes(*speakers: tuple[str, str]) -> pl.DataFrame:
    rows = [{"article_id": f"a{k}", "quote_id": 0, "mode": "indirect", "speaker": name, "speaker_kind": kind,
             "speaker_type": "unknown"} for k, (name, kind) in enumerate(speakers)]
    return schema.frame(rows, schema.QUOTES)


@pytest.mark.parametrize("speakers, expected, how", [
    # a surname and the one full name that ends in it: one actor
    ([("Markus Musterbauer", "person"), ("Musterbauer", "person")], ["Markus Musterbauer"] * 2,
     [None, "surname: Musterbauer"]),
    # two different Müllers: the surname alone stays apart, and so do they
    ([("Hans Müller", "person"), ("Peter Müller", "person"), ("Müller", "person")],
     ["Hans Müller", "Peter Müller", "Müller"], [None, None, None]),
    # a genitive
    ([("Erika Musterfrau", "person"), ("Musterfraus", "person")], ["Erika Musterfrau"] * 2,
     [None, "genitive: Musterfraus"]),
    # spelling and transliteration variants
    ([("Selahattin Demirtaş", "person"), ("Selahattin Demirtaş", "person"), ("Selahattin Demirtas", "person")],
     ["Selahattin Demirtaş"] * 3, [None, None, "spelling: Selahattin Demirtas"]),
    ([("Yanis Varoufakis", "person"), ("Yanis Varoufakis", "person"), ("Giannis Varoufakis", "person")],
     ["Yanis Varoufakis"] * 3, [None, None, "transliteration: Giannis Varoufakis"]),
    # the gazetteer's transliterations
    ([("Zelensky", "person")], ["Wolodymyr Selenskyj"], ["gazetteer: Zelensky"]),
    # two people with similar first names are two people
    ([("Daniel Muster", "person"), ("Daniela Muster", "person")], ["Daniel Muster", "Daniela Muster"],
     [None, None]),
])
def test_merges_are_recorded_and_two_people_stay_apart(speakers, expected, how):
    merged = merge_speakers(_quotes(*speakers))
    assert merged["speaker"].to_list() == expected
    assert merged["speaker_merge"].to_list() == how


def test_the_users_actors_file_wins(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("canonical,aliases,group,type\n"
                    "Hans Müller,Müller|H. Müller,Musterpartei,politician\n"
                    "Gesundheitsamt Musterstadt,Gesundheitsamt,,government\n", encoding="utf-8")
    actors = load_actors_file(path)
    merged = merge_speakers(_quotes(("Hans Müller", "person"), ("Peter Müller", "person"), ("Müller", "person"),
                                    ("Gesundheitsamt", "institution")), actors)
    assert merged["speaker"].to_list() == ["Hans Müller", "Peter Müller", "Hans Müller", "Gesundheitsamt Musterstadt"]
    assert merged["speaker_group"].to_list() == ["Musterpartei", None, "Musterpartei", None]
    assert merged["speaker_type"].to_list() == ["politician", "unknown", "politician", "government"]
    assert merged["speaker_merge"].to_list()[2:] == ["actors file: Müller", "actors file: Gesundheitsamt"]


def test_an_actors_file_in_the_corpus_folder_is_found_and_is_no_article(tmp_path):
    from framing.pipeline import analyze_paths

    (tmp_path / "a.txt").write_text("Bürgermeister Hans Muster sagte, die Straße werde gesperrt.\n", encoding="utf-8")
    (tmp_path / "actors.csv").write_text("canonical,aliases,group,type\nHans Muster,,Musterliste,politician\n",
                                         encoding="utf-8")
    analysis = analyze_paths([tmp_path], use_cache=False, workers=1, textblob=False)
    assert analysis.articles.height == 1
    assert analysis.quotes.select("speaker", "speaker_group", "speaker_type").row(0) == (
        "Hans Muster", "Musterliste", "politician")


def test_the_same_quotes_merge_the_same_way_every_time() -> None:
    """A speaker quoted as often as a person as as an institution: which kind it gets, and so whether its surname
    merges, must not depend on the order polars happens to give groups in (it did: two runs, two results)."""
    speakers = [("Erika Musterbauer", "person"), ("Musterbauer", "person"), ("Musterbauer", "institution")]
    speakers += [(f"Person Nummer{k}", "person") for k in range(40)]  # more groups, more orders
    results = {tuple(merge_speakers(_quotes(*speakers)).select("speaker", "speaker_merge").rows()) for _ in range(20)}
    assert len(results) == 1


@pytest.mark.parametrize("n", [200, 2_000])
def test_a_short_form_finds_its_full_name_among_many(n) -> None:
    """`Maria Weber` merges into the one longer name that ends in it, among n other full names (found through
    an index of name endings, not by comparing every pair)."""
    speakers = [("Anna Maria Weber", "person"), ("Maria Weber", "person")]
    speakers += [(f"Vorname{k} Nachname{k}", "person") for k in range(n)]
    merged = merge_speakers(_quotes(*speakers))
    assert merged["speaker"].to_list()[:2] == ["Anna Maria Weber"] * 2
    assert merged["speaker_merge"].to_list()[1] == "short form: Maria Weber"
    assert merged["speaker"].to_list()[2:] == [name for name, _ in speakers[2:]]
