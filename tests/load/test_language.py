"""Language per article: German kept as German, other languages flagged (kept, warned, filterable), short texts
left undetermined; the language filter of the one Filter value."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from framing.aggregate.filters import UNKNOWN_LANGUAGE, Filter, filter_options
from framing.load import language, load_corpus
from tests.helpers.frames import small_corpus

SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus"

ENGLISH = ("NATO Secretary General Mark Rutte called for robust security guarantees for Ukraine during an "
           "unannounced visit to Kyiv on Friday. \"Ukraine needs a just peace,\" Rutte told reporters, while the "
           "Kremlin said it would not accept any foreign troops in the country.")
FRENCH = ("Le secrétaire général de l'OTAN, Mark Rutte, a réclamé vendredi à Kiev des garanties de sécurité solides "
          "pour l'Ukraine. « L'Ukraine a besoin d'une paix juste », a-t-il déclaré devant la presse, tandis que le "
          "Kremlin refuse toute présence de troupes étrangères.")
GERMAN_QUOTING_ENGLISH = ("Der US-Präsident sagte am Freitag in Washington: „We will stand with Ukraine as long as "
                          "it takes.“ Die Bundesregierung begrüßte die Äußerung und kündigte weitere Gespräche an.")
SWISS = ("Der Bundesrat hat am Mittwoch beschlossen, die Massnahmen zu verlängern. Die Kantone müssen bis Ende "
         "Monat Stellung nehmen, wie es in einer Mitteilung heisst. Kritik kam von der SVP.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        *[(p.read_text(encoding="utf-8"), "de") for p in sorted(SEEDS.glob("*.txt"))],
        (ENGLISH, "en"),
        (FRENCH, "fr"),
        (GERMAN_QUOTING_ENGLISH, "de"),
        (SWISS, "de"),  # Swiss spelling (ss for ß) is German
        ("Kurz gemeldet.", None),  # too short to tell: no guess
        ("Breaking news.", None),
        ("12345 678 90", None),
    ],
)
def test_identify(text: str, code: str | None) -> None:
    assert language.identify(text) == code


def test_non_german_articles_are_kept_flagged_and_warned(tmp_path: Path) -> None:
    records = [{"id": "de1", "text": GERMAN_QUOTING_ENGLISH}, {"id": "en1", "text": ENGLISH},
               {"id": "fr1", "text": FRENCH}, {"id": "short", "text": "Kurz gemeldet."}]
    (tmp_path / "mixed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                          encoding="utf-8")
    loaded = load_corpus([tmp_path])
    rows = {r["article_id"]: (r["language"], r["outside_scope"]) for r in loaded.articles.to_dicts()}
    assert rows == {"de1": ("de", False), "en1": ("en", True), "fr1": ("fr", True), "short": (None, False)}
    warnings = loaded.errors.filter(pl.col("reason").str.contains("not German"))
    assert sorted(zip(warnings["article_id"], warnings["line"])) == [("en1", 2), ("fr1", 3)]
    assert set(warnings["severity"]) == {"warning"}
    assert all("outside_scope" in r and "filter by language" in r for r in warnings["reason"])


def _with_languages():
    analysis = small_corpus()
    articles = analysis.articles.with_columns(
        pl.Series("language", ["de", "en", None], pl.String), pl.Series("outside_scope", [False, True, False]))
    return type(analysis)(**{**analysis.tables(), "articles": articles})


@pytest.mark.parametrize(
    ("languages", "kept"),
    [((), ["a1", "a2", "a3"]), (("de",), ["a1"]), (("en",), ["a2"]), ((UNKNOWN_LANGUAGE,), ["a3"]),
     (("de", UNKNOWN_LANGUAGE), ["a1", "a3"]), (("xx",), [])],
)
def test_language_filter_selects_articles(languages, kept) -> None:
    out = Filter(languages=languages).apply(_with_languages())
    assert sorted(out.articles["article_id"]) == kept
    for table in (out.sections, out.sentences, out.quotes):
        assert set(table["article_id"]) <= set(kept)


def test_language_filter_round_trips_and_says_itself() -> None:
    flt = Filter(languages=("de", "en"), outlets=("nd",))
    assert flt.to_query_params()["lang"] == ["de", "en"]
    assert Filter.from_query_params(flt.to_query_params()) == flt
    assert flt.describe() == "nd, language de and en only, all dates"
    assert Filter.from_cli(languages=["de"]).describe() == "all outlets, language de only, all dates"
    assert filter_options(_with_languages()).languages == tuple(sorted(["de", "en", UNKNOWN_LANGUAGE]))
    old = small_corpus()  # an analysis written before the column existed
    old = type(old)(**{**old.tables(), "articles": old.articles.drop("language", "outside_scope")})
    assert filter_options(old).languages == ()
