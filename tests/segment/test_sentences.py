"""Sentence splitting as a table of inputs and expected sentences, including inputs that must not be split."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.segment.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


SPLITS = [
    # plain sentence ends
    ("plain", "Er kam. Sie ging.", ["Er kam.", "Sie ging."]),
    ("question and exclamation", "Wer ist Mark Rutte? Er ist Generalsekretär. Wirklich!", ["Wer ist Mark Rutte?", "Er ist Generalsekretär.", "Wirklich!"]),
    ("ellipsis before capital", "Und dann … Stille. Nichts.", ["Und dann …", "Stille.", "Nichts."]),
    ("three dots", "Und dann... Stille.", ["Und dann...", "Stille."]),
    ("year at sentence end", "Er kam 2014. Dann ging er.", ["Er kam 2014.", "Dann ging er."]),
    ("sentence-final usw.", "Äpfel, Birnen usw. Dann kam der Winter.", ["Äpfel, Birnen usw.", "Dann kam der Winter."]),
    # abbreviations
    ("z. B.", "Das ist z. B. ein Test. Und noch einer.", ["Das ist z. B. ein Test.", "Und noch einer."]),
    ("Dr.", "Dr. Müller kam. Er sprach.", ["Dr. Müller kam.", "Er sprach."]),
    ("u. a.", "Er sagte u. a. Folgendes. Dann ging er.", ["Er sagte u. a. Folgendes.", "Dann ging er."]),
    ("Nr.", "Das Haus Nr. 5 brannte. Niemand wurde verletzt.", ["Das Haus Nr. 5 brannte.", "Niemand wurde verletzt."]),
    ("ca. and Mio.", "Es kostet ca. 5 Mio. Euro. Das ist viel.", ["Es kostet ca. 5 Mio. Euro.", "Das ist viel."]),
    ("Art.", "Art. 5 des Vertrags gilt. Das ist klar.", ["Art. 5 des Vertrags gilt.", "Das ist klar."]),
    ("initials as author", "„Das ist Illusion.“ G. B.\nOZD-Analyse", ["„Das ist Illusion.“", "G. B.", "OZD-Analyse"]),
    # ordinals and dates
    ("ordinal date across a blank line", "Zusagen beim Gipfel am 4.\n\nSeptember in Brüssel. Er kam.", ["Zusagen beim Gipfel am 4.\n\nSeptember in Brüssel.", "Er kam."]),
    # missing space after a full stop
    ("werden.Der", "Sie werden.Der Präsident kam.", ["Sie werden.", "Der Präsident kam."]),
    ("glued after an acronym", "so der EuGH.Hingegen haben sie.", ["so der EuGH.", "Hingegen haben sie."]),
    ("number at sentence end", "Cilic erreichte die Runde der besten 32. Der Gegner kam.", ["Cilic erreichte die Runde der besten 32.", "Der Gegner kam."]),
    ("intensivieren.Die", "zu intensivieren.Die zentrale Idee ist klar.", ["zu intensivieren.", "Die zentrale Idee ist klar."]),
    # quotations
    ("closing guillemet belongs to the sentence", "Er sagte: »Und genau daran arbeiten wir.« Dann ging er.", ["Er sagte: »Und genau daran arbeiten wir.«", "Dann ging er."]),
    ("quote with several sentences", "„Satz eins. Satz zwei.“ Tilli", ["„Satz eins.", "Satz zwei.“", "Tilli"]),
    ("straight quotes", '"Russlands Aggression zeigt keine Anzeichen. Ganz im Gegenteil", sagte Rutte. Er ging.', ['"Russlands Aggression zeigt keine Anzeichen.', 'Ganz im Gegenteil", sagte Rutte.', "Er ging."]),
    ("quoted question then comma", '"Ist das so?", fragte sie. Er nickte.', ['"Ist das so?", fragte sie.', "Er nickte."]),
    # headings, list lines, header lines
    ("subheading before a paragraph", "Noch »eine Menge Arbeit«\n\nBeim Treffen sagte er etwas.", ["Noch »eine Menge Arbeit«", "Beim Treffen sagte er etwas."]),
    ("heading on its own line", "Ausgangslage\nRutte reist nach Kiew.\nForderung nach Garantien.", ["Ausgangslage", "Rutte reist nach Kiew.", "Forderung nach Garantien."]),
    ("lettered list", "Politische Dimension\na) Nato – versucht es.\nb) USA – zögert.\nc) Russland – wartet.", ["Politische Dimension", "a) Nato – versucht es.", "b) USA – zögert.", "c) Russland – wartet."]),
    ("bullet menu", "• En\n  • Es\n  • Ук", ["• En", "• Es", "• Ук"]),
    ("marker lines", "Angriffe.\nOZD\nOZD-Kommentar\nDie Worte sind stark.", ["Angriffe.", "OZD", "OZD-Kommentar", "Die Worte sind stark."]),
    ("seed header with photo credit", " date 2025-08-22 Nato-Chef sprach in Kiew. Foto: dpa/Efrem Lukatsky", ["date 2025-08-22", "Nato-Chef sprach in Kiew.", "Foto: dpa/Efrem Lukatsky"]),
    ("seed header with wire dateline", " date 2024-12 BRÜSSEL (dpa-AFX) - In der Nato wird beraten. Es gehe um viel.", ["date 2024-12", "BRÜSSEL (dpa-AFX) - In der Nato wird beraten.", "Es gehe um viel."]),
    ("dateline stays with its sentence", "Kiew. Nato-Generalsekretär Rutte hat gefordert. Er kam.", ["Kiew. Nato-Generalsekretär Rutte hat gefordert.", "Er kam."]),
    ("credit after the last sentence", "Dies betrifft territoriale Fragen. AFP/nd", ["Dies betrifft territoriale Fragen.", "AFP/nd"]),
    ("hard-wrapped line after a sentence start mid-line", "Er kam. Der Präsident äußerte große Hoffnung\nPutin zu treffen.", ["Er kam.", "Der Präsident äußerte große Hoffnung\nPutin zu treffen."]),
    ("blank line ends a line without punctuation", "Erste Zeile ohne Punkt\n\nzweite Zeile", ["Erste Zeile ohne Punkt", "zweite Zeile"]),
]

NO_SPLITS = [
    ("abbreviation chain", "Er ist Prof. Dr. Schmidt aus St. Gallen."),
    ("d. h. and o. ä.", "Das war d. h. nicht geplant, o. ä. Fälle auch nicht."),
    ("bzw. vgl. Jh.", "Im 19. Jh. bzw. später, vgl. die Quelle, war das so."),
    ("date", "Am 4. September ist Gipfel."),
    ("date in running text", "Nach den Anschlägen vom 11. September 2001 auf die USA."),
    ("ordinal noun", "Im 19. Jahrhundert und zum 3. Mal war das so."),
    ("genitive after ordinal", "Im London des frühen 20. Jahrhunderts spielt es."),
    ("date in digits", "Joyce Green, 8. 11. 1931 – 29. 8. 2005, starb dort (red, 2. 9. 2015)"),
    ("ranks in a list", "Ergebnis: 1. Ogier 207 Pkt. – 2. Latvala 114, 3. Mikkelsen 98"),
    ("z.B. without spaces", "Siehe z.B. den Bericht der U.S. Army."),
    ("decimal", "Die Rate lag bei 3.5 Prozent und 1.000 Euro."),
    ("url", "Mehr unter www.allinrechner.at und www.Spiegel.de heute."),
    ("wire dateline", "BRÜSSEL (dpa-AFX) - In der Nato werden Vorbereitungen getroffen."),
    ("comma inside a quote", "»Wir kommen, wenn es passt«, sagte er."),
    ("full stop inside a quote before a comma", "»Wir kommen.«, sagte er."),
    ("question inside a quote before a lowercase verb", "»Warum?« fragte er."),
    ("exclamation inside a quote before a comma", "„Nein!“, rief er."),
    ("St. and Mr.", "Mr. Smith kam aus St. Pölten."),
    ("single line break in a running sentence", "Der Präsident äußerte die\nHoffnung auf Frieden."),
    ("line break before a lowercase word", "Sie wollen\nweiter verhandeln."),
    ("ellipsis before lowercase", "Er zögerte … und ging dann."),
    ("time", "Um 13.45 Uhr am 03.09.2025 begann es."),
]


@pytest.mark.parametrize(("name", "text", "expected"), SPLITS, ids=[row[0] for row in SPLITS])
def test_splits(name: str, text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("name", "text"), NO_SPLITS, ids=[row[0] for row in NO_SPLITS])
def test_does_not_split(name: str, text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize("text", ["", "   ", "\n\n \n"])
def test_empty_or_blank_gives_nothing(text: str) -> None:
    assert split_sentences(text) == []


def test_offsets_are_into_the_whole_text_within_the_window() -> None:
    text = "Vorher. Er kam. Sie ging. Nachher."
    start = text.index("Er")
    end = text.index(" Nachher")
    assert [text[a:b] for a, b in split_sentences(text, start, end)] == ["Er kam.", "Sie ging."]
    assert all(start <= a < b <= end for a, b in split_sentences(text, start, end))


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_seed_spans_are_stripped_ordered_and_disjoint(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert spans
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


def test_seed_003_broken_date_is_one_sentence() -> None:
    text = (CORPUS / "003_d48b7f6f7b1180f8.txt").read_text(encoding="utf-8")
    found = [s for s in sentences(text) if "am 4." in s]
    assert len(found) == 2
    assert all("\n\nSeptember" in s for s in found)
    assert any(s.startswith("Rutte versicherte") and s.endswith("nicht schwächen werden.") for s in sentences(text))


def test_seed_000_subheading_is_its_own_sentence() -> None:
    text = (CORPUS / "000_f14cbd76eecdf04c.txt").read_text(encoding="utf-8")
    assert "Noch »eine Menge Arbeit«" in sentences(text)
    assert "Treffen Selenskyj–Putin wohl nicht mehr dieses Jahr" in sentences(text)


def test_a_zero_width_space_after_a_full_stop_ends_the_sentence() -> None:
    assert sentences("Der Minister sagte nichts.\u200bDie Opposition schwieg.") == [
        "Der Minister sagte nichts.", "Die Opposition schwieg."]
    assert sentences("Der Minister sagte nichts.\u200b Die Opposition schwieg.") == [
        "Der Minister sagte nichts.", "Die Opposition schwieg."]
