"""Quote marks: every quote-mark style, and quoted words that are a name, a title or a scare quote, not a quotation
(framing.quotes.marks, through find_quotes)."""

from __future__ import annotations

import pytest

from framing.quotes import find_quote_marks
from tests.helpers.quotes import quotes_of


QUOTE_STYLES = [
    ("„Wir brauchen Hilfe“, sagte Rutte.", "Wir brauchen Hilfe"),
    ("»Wir brauchen Hilfe«, sagte Rutte.", "Wir brauchen Hilfe"),
    ('"Wir brauchen Hilfe", sagte Rutte.', "Wir brauchen Hilfe"),
    ("‚Wir brauchen Hilfe‘, sagte Rutte.", "Wir brauchen Hilfe"),
    ("›Wir brauchen Hilfe‹, sagte Rutte.", "Wir brauchen Hilfe"),
    ("«Wir brauchen Hilfe», sagte Rutte.", "Wir brauchen Hilfe"),
    ("Rutte sagte: „Wir brauchen Hilfe. Und zwar sofort.“", "Wir brauchen Hilfe. Und zwar sofort."),
]


@pytest.mark.parametrize("text, message", QUOTE_STYLES)
def test_every_quote_style_is_a_direct_quote_with_its_speaker(text, message):
    quotes = quotes_of(text, sections=())
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.mode, text[q.start:q.end], q.speaker, q.speaker_kind) == ("direct", message, "Mark Rutte", "person")
    assert text[q.cue_start:q.cue_end] == "sagte"
    assert text[q.speaker_start:q.speaker_end] == "Rutte"


NOT_QUOTES = [
    "Die Europäische Union und die „Koalition der Willigen“ treffen sich in Paris.",  # a name
    "Das Schiff „Eagle“ lief am Montag aus.",  # a name after its noun
    "Die Online-Ausgabe des „Spiegel“ berichtet über den Fall.",  # a name after a genitive article
    "Ein Mitglied der Partei „Die Linke“ trat auf, sagte der Sprecher.",  # a party's name, even beside a cue
    "Der Gipfel der ‘Willing Coalition’ findet am 4. September statt.",  # an English title
    "Am Montag flog „Shenzhou 6“ ins All, sagte ein Sprecher.",  # a name with a number, even beside a cue
    "Die Partei will ihre „Werte“ verteidigen.",  # a scare-quoted word
    "Das Bündnis, das sich selbst „Allianz für Europäische Integration“ (AIE) nennt, gewann.",  # name + abbreviation
    "Wie berichtet, erklärte die französische „Alliance pour la Planète“ ihren Rückzug.",  # adjective + name
    "Der sogenannte „Friedensplan“ liegt vor.",  # sogenannt
    "Die Helfer von „Ärzte ohne Grenzen“ sind vor Ort.",  # a name in title case that no cue frames
    "Das Interview in der „BILD am Sonntag“ erschien im Mai.",  # ... a paper's name
    "Die Sitzung des „Board of Governors“ der Fed beginnt, sagte ein Sprecher.",  # an English title, even beside a cue
    "Rutte sagte: „Wir brauchen Hilfe. Das Treffen ist morgen.",  # a quote mark left open
    "Das Wetter wird am Wochenende schön.",  # no quotation at all
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_titles_scare_quotes_and_open_marks_are_not_quotes(text):
    # a quoted term (mode "term": sogenannte „…“) is kept as a row of its own, but it is no quotation
    assert [text[q.start:q.end] for q in quotes_of(text, sections=()) if q.mode not in ("indirect", "term")] == []


@pytest.mark.parametrize("text, quoted", [
    # German nouns in title case framed by a speech verb are quoted words (a negative of the names above)
    ("Karsai sagte, Afghanistan sei ein „Opfer des Terrorismus“.", "Opfer des Terrorismus"),
    ("Der Forscher riet allgemein zu „Gelassenheit und Aufmerksamkeit“.", "Gelassenheit und Aufmerksamkeit"),
])
def test_title_case_words_a_cue_frames_are_quoted(text, quoted):
    assert quoted in [text[q.start:q.end] for q in quotes_of(text, sections=()) if q.mode in ("direct", "partial")]


def test_a_name_in_quote_marks_next_to_a_real_quotation():
    text = ("Er lenkte die Mondlandefähre „Eagle“ zum Landeplatz und meldete sich mit den Worten: "
            "„Houston, hier ist alles gut.“")
    assert [(q.mode, text[q.start:q.end]) for q in quotes_of(text, sections=())] == [
        ("direct", "Houston, hier ist alles gut.")]


def test_open_quote_mark_is_not_closed_by_guessing():
    assert find_quote_marks("Rutte sagte: „Wir brauchen Hilfe.\n\nDas Treffen ist morgen.“") == []
    # one line (as in 10kGNAD): a second opening mark before any closing one leaves the first open
    text = "Rutte sagte: „Wir brauchen Hilfe. Selenskyj sagte: „Wir auch.“"
    assert [text[m.start:m.end] for m in find_quote_marks(text)] == ["Wir auch."]
    assert find_quote_marks("Er sagte: „" + "sehr lange " * 400 + "Rede.“") == []
