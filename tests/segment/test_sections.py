"""Sections of the five seeds, stated one by one, plus generic articles and the marker file as data."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from framing import resources
from framing.errors import ConfigError
from framing.schema import SECTION_KINDS
from framing.segment.sections import Section, load_markers, segment_sections
from framing.segment.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))


def seed(prefix: str) -> str:
    (path,) = [path for path in SEEDS if path.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def parts(text: str) -> list[tuple[str, str]]:
    """(kind, stripped text) of each section."""
    return [(s.kind, text[s.start : s.end].strip()) for s in segment_sections(text)]


def of_kind(text: str, kind: str) -> list[Section]:
    return [s for s in segment_sections(text) if s.kind == kind]


def body(text: str, section: Section) -> str:
    return text[section.start : section.end].strip()


def assert_partition(text: str, found: list[Section]) -> None:
    assert found[0].start == 0
    assert found[-1].end == len(text)
    assert all(left.end == right.start for left, right in zip(found, found[1:]))
    assert all(s.start < s.end for s in found)
    assert all(s.kind in SECTION_KINDS for s in found)


# ---- every seed -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.name[:3])
def test_seed_sections_partition_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_partition(text, segment_sections(text))


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.name[:3])
def test_seed_sentences_stay_inside_their_section(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for section in segment_sections(text):
        for start, end in split_sentences(text, section.start, section.end):
            assert section.start <= start < end <= section.end


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_seed_header_token_is_boilerplate(prefix: str) -> None:
    text = seed(prefix)
    first = segment_sections(text)[0]
    assert first.kind == "boilerplate"
    assert body(text, first).startswith("date 20")


# ---- 000 ------------------------------------------------------------------------------------------------------------


def test_000_caption_is_teaser_and_photo_credit_is_boilerplate() -> None:
    text = seed("000")
    assert parts(text)[1] == (
        "teaser",
        "Nato-Chef Mark Rutte sprach in Kiew erneut von Sicherheitsgarantien, sagte aber nichts dazu, "
        "wie diese aussehen sollen oder wer sich daran beteiligt.",
    )
    assert parts(text)[2] == ("boilerplate", "Foto: dpa/Efrem Lukatsky")


def test_000_agency_credit_is_its_own_boilerplate_section() -> None:
    text = seed("000")
    assert parts(text)[-1] == ("boilerplate", "AFP/nd")


def test_000_reporting_starts_at_the_dateline_and_excludes_credits() -> None:
    text = seed("000")
    (reporting,) = of_kind(text, "reporting")
    assert body(text, reporting).startswith("Kiew. Nato-Generalsekretär Mark Rutte")
    assert body(text, reporting).endswith("die Nicht-Mitgliedschaft der Ukraine in der Nato und territoriale Fragen.")
    assert "AFP/nd" not in body(text, reporting)
    assert "Foto:" not in body(text, reporting)


def test_000_subheadings_stay_in_reporting() -> None:
    text = seed("000")
    (reporting,) = of_kind(text, "reporting")
    assert "Noch »eine Menge Arbeit«" in body(text, reporting)
    assert [kind for kind, _ in parts(text)] == ["boilerplate", "teaser", "boilerplate", "reporting", "boilerplate"]


# ---- 001 ------------------------------------------------------------------------------------------------------------


def test_001_kinds_in_order() -> None:
    assert [kind for kind, _ in parts(seed("001"))] == [
        "reporting",
        "boilerplate",
        "commentary",
        "reader_comment",
        "reader_comment",
        "analysis",
        "explainer",
        "explainer",
        "boilerplate",
    ]


def test_001_reporting_runs_until_the_outlet_marker() -> None:
    text = seed("001")
    (reporting,) = of_kind(text, "reporting")
    assert reporting.start == 0
    assert body(text, reporting).startswith("Mit eindringlichen Worten hat Nato-Generalsekretär Mark Rutte")
    assert body(text, reporting).endswith("mit dem Risiko neuer russischer Angriffe.")


def test_001_outlet_marker_line_is_boilerplate() -> None:
    assert parts(seed("001"))[1] == ("boilerplate", "OZD")


def test_001_commentary() -> None:
    text = seed("001")
    (commentary,) = of_kind(text, "commentary")
    assert commentary.heading == "OZD-Kommentar"
    assert body(text, commentary).startswith("OZD-Kommentar\nDie Worte Ruttes sind stark")
    assert body(text, commentary).endswith("die die Ukraine teuer bezahlen würde.")


def test_001_two_reader_comments_with_authors() -> None:
    text = seed("001")
    comments = of_kind(text, "reader_comment")
    assert [c.author for c in comments] == ["Tilli", "G. B."]
    assert all(c.heading == "Lesermeinungen" for c in comments)
    assert body(text, comments[0]).startswith("Lesermeinungen\n„Sicherheitsgarantien sind nur dann etwas wert")
    assert body(text, comments[0]).endswith("alles andere ist Illusion.“ Tilli")
    assert body(text, comments[1]) == (
        "„Trump sucht den großen Deal, aber Putin spielt nur auf Zeit. "
        "Selenskyj darf sich nicht in eine Falle locken lassen.“ G. B."
    )


def test_001_analysis_keeps_its_subheadings_and_list_lines() -> None:
    text = seed("001")
    (analysis,) = of_kind(text, "analysis")
    assert analysis.heading == "OZD-Analyse"
    content = body(text, analysis)
    assert content.startswith("OZD-Analyse\nAusgangslage\n")
    for line in ("Politische Dimension", "a) Nato", "c) Russland", "Konsequenzen", "Für Russland: Zeitgewinn"):
        assert line in content
    assert content.endswith("Zeitgewinn durch Verhandlungsangebote ohne Zugeständnisse.")


def test_001_two_explainers() -> None:
    text = seed("001")
    explainers = of_kind(text, "explainer")
    assert [e.heading for e in explainers] == ["Wer ist Mark Rutte?", "Was ist der Nato-Beistandsartikel 5?"]
    assert body(text, explainers[0]).endswith("als Sicherheitsgarant für die Ukraine positionieren möchte.")
    assert body(text, explainers[1]).endswith("nach den Terroranschlägen vom 11. September 2001 auf die USA.")


def test_001_closing_disclaimer_is_boilerplate() -> None:
    assert parts(seed("001"))[-1] == ("boilerplate", "Alle Angaben ohne Gewähr. Titelbild AFP.")


# ---- 002 ------------------------------------------------------------------------------------------------------------


def test_002_quoted_headline_and_title_are_the_headline() -> None:
    assert parts(seed("002"))[1] == (
        "headline",
        '"Folgendes Zugeständnis konnten wir erreichen" Russland akzeptiert offenbar Ukraine-Sicherheitsgarantien',
    )


def test_002_lead_is_teaser_then_reporting_to_the_end() -> None:
    text = seed("002")
    assert [kind for kind, _ in parts(text)] == ["boilerplate", "headline", "teaser", "reporting"]
    assert parts(text)[2][1].startswith("Trump und Putin scheinen sich")
    (reporting,) = of_kind(text, "reporting")
    assert "Russland wohl zu Zugeständnissen bereit" in body(text, reporting)
    assert body(text, reporting).endswith("sagte er bei Fox News.")


# ---- 003 ------------------------------------------------------------------------------------------------------------


def test_003_language_menu_is_boilerplate() -> None:
    assert parts(seed("003"))[0] == ("boilerplate", "• En\n  • Es\n  • De\n  • Fr\n  • It\n  • Ук")


def test_003_title_is_headline() -> None:
    assert parts(seed("003"))[1] == (
        "headline",
        "Zukünftige Sicherheitsgarantien für die Ukraine: Kernpositionen und Erwartungen beim Brüsseler Gipfel",
    )


def test_003_byline_is_boilerplate() -> None:
    assert parts(seed("003"))[2] == ("boilerplate", "Chas Pravdy - 03 September 2025 13:45")


def test_003_information_source_is_boilerplate() -> None:
    assert parts(seed("003"))[-1] == ("boilerplate", "Informationsquelle")


def test_003_reporting_between_byline_and_source() -> None:
    text = seed("003")
    assert [kind for kind, _ in parts(text)] == ["boilerplate", "headline", "boilerplate", "reporting", "boilerplate"]
    (reporting,) = of_kind(text, "reporting")
    assert body(text, reporting).startswith("Der NATO-Generalsekretär, Mark Rutte, äußerte die Hoffnung")


# ---- 004 ------------------------------------------------------------------------------------------------------------


def test_004_wire_dateline_belongs_to_reporting() -> None:
    text = seed("004")
    assert [kind for kind, _ in parts(text)] == ["boilerplate", "reporting"]
    assert parts(text)[1][1].startswith("BRÜSSEL (dpa-AFX) - In der Nato")


# ---- generic articles -----------------------------------------------------------------------------------------------

GENERIC = [
    ("empty", "", []),
    ("white space only", "  \n\n ", [("boilerplate", "")]),
    ("one sentence", "Nur ein Satz.", [("reporting", "Nur ein Satz.")]),
    ("title and body", "Rutte fordert Garantien\n\nDer Nato-Chef kam. Er sprach.", [("headline", "Rutte fordert Garantien"), ("reporting", "Der Nato-Chef kam. Er sprach.")]),
    ("first line is a sentence", "Der Nato-Chef kam nach Kiew.\n\nEr sprach.", [("reporting", "Der Nato-Chef kam nach Kiew.\n\nEr sprach.")]),
    ("single-line article with credit", "Wien – Die Gewerkschaft lanciert einen Rechner. Das hilft.  (APA, 4.6.2015)", [("reporting", "Wien – Die Gewerkschaft lanciert einen Rechner. Das hilft."), ("boilerplate", "(APA, 4.6.2015)")]),
    ("credit with semicolon", "Es dauert Jahre. (Markus Bernath; 01.11.2015)", [("reporting", "Es dauert Jahre."), ("boilerplate", "(Markus Bernath; 01.11.2015)")]),
    ("credit before an appended box", "Er kam. (APA, 28.6.2015) Golf-Ergebnisse: 1. Woods", [("reporting", "Er kam."), ("boilerplate", "(APA, 28.6.2015)"), ("reporting", "Golf-Ergebnisse: 1. Woods")]),
    ("bracketed date inside a sentence is not a credit", "Er kam (Wien, 4.6.2015) und ging.", [("reporting", "Er kam (Wien, 4.6.2015) und ging.")]),
    ("hintergrund inside a sentence is not a marker", "Hintergrund der Gespräche sind Befürchtungen.", [("reporting", "Hintergrund der Gespräche sind Befürchtungen.")]),
    ("plain commentary marker", "Bericht über den Gipfel.\nKommentar\nDas war schwach.", [("reporting", "Bericht über den Gipfel."), ("commentary", "Kommentar\nDas war schwach.")]),
    ("Leitartikel and Leserbriefe", "Leitartikel\nDie Lage ist ernst.\nLeserbriefe\n„Stimmt.“ Anna M.", [("commentary", "Leitartikel\nDie Lage ist ernst."), ("reader_comment", "Leserbriefe\n„Stimmt.“ Anna M.")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), GENERIC, ids=[row[0] for row in GENERIC])
def test_generic_articles(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert parts(text) == expected
    if text:
        assert_partition(text, segment_sections(text))


# ---- the marker file is data ----------------------------------------------------------------------------------------


def test_markers_load_and_cover_every_kind_named_in_the_issue() -> None:
    kinds = {marker.kind for marker in load_markers()}
    assert {"boilerplate", "commentary", "reader_comment", "analysis", "explainer"} <= kinds


def test_an_outlet_marker_added_to_the_csv_takes_effect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = resources.data_path("sections", "markers.csv")
    (tmp_path / "sections").mkdir()
    extra = 'commentary,line,block,"Das meint die Redaktion:?",test outlet\n'
    (tmp_path / "sections" / "markers.csv").write_text(source.read_text(encoding="utf-8") + extra, encoding="utf-8")
    text = "Bericht.\nDas meint die Redaktion\nSchwach."
    assert [kind for kind, _ in parts(text)] == ["reporting"]
    monkeypatch.setattr(resources, "data_dir", lambda: tmp_path)
    load_markers.cache_clear()
    try:
        assert parts(text) == [("reporting", "Bericht."), ("commentary", "Das meint die Redaktion\nSchwach.")]
    finally:
        monkeypatch.undo()
        load_markers.cache_clear()


@pytest.mark.parametrize(
    "row",
    [
        "opinion,line,block,Kommentar,unknown kind\n",
        "commentary,paragraph,block,Kommentar,unknown match\n",
        "commentary,line,block,(Kommentar,broken regex\n",
        "reader_comment,author,,[A-Z]\\w+,no author group\n",
    ],
)
def test_malformed_marker_rows_raise_config_error(tmp_path: Path, row: str) -> None:
    path = tmp_path / "markers.csv"
    path.write_text("kind,match,extent,pattern,note\n" + row, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_markers(path)


# ---- invariants on noisy input --------------------------------------------------------------------------------------

PIECES = list("aAbZü .,!?\n\t»«„“\"'()1•–-:;\xa0") + [
    "date 2025-08-22 ", "z. B. ", "Dr. ", "am 4.\n\nSeptember", "OZD\n", "Kommentar\n", "Lesermeinungen\n",
    "„Gut.“ Tilli\n", "Wer ist X?\n", "AFP/nd", "Foto: dpa/X", "(APA, 4.6.2015)", "werden.Der ", "...", "…", "\r\n",
]


def test_noisy_texts_always_partition_and_sentences_stay_inside() -> None:
    generator = random.Random(7)
    for _ in range(3000):
        text = "".join(generator.choice(PIECES) for _ in range(generator.randint(1, 40)))
        found = segment_sections(text)
        assert_partition(text, found)
        for section in found:
            previous_end = section.start
            for start, end in split_sentences(text, section.start, section.end):
                assert previous_end <= start < end <= section.end, (text, section)
                assert text[start:end] == text[start:end].strip(), (text, section)
                previous_end = end
