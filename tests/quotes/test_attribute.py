"""Quotations, reported speech and speakers: table tests with negatives, and the seed articles read by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from framing import schema
from framing.quotes import Quote, find_quote_marks, find_quotes
from framing.segment.sections import segment_sections
from framing.segment.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def quotes_of(text: str, sections=None) -> list[Quote]:
    return find_quotes(text, split_sentences(text), segment_sections(text) if sections is None else sections)


def seed(prefix: str) -> tuple[str, list[Quote]]:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, quotes_of(text)


def find(text: str, quotes: list[Quote], fragment: str) -> Quote:
    """The quote whose message is `fragment`, else the longest that contains it (reported speech over its parts)."""
    exact = [q for q in quotes if text[q.start:q.end] == fragment]
    if exact:
        return exact[0]
    hits = [q for q in quotes if fragment in text[q.start:q.end]]
    assert hits, f"no quote contains {fragment!r}"
    return max(hits, key=lambda q: q.end - q.start)


# ------------------------------------------------------------------------------------------------ table tests
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


MODES = [
    # partial: quoted words inside the journalist's sentence or inside reported speech
    ("Rutte hat in Kiew »robuste Sicherheitsgarantien« gefordert.", "robuste Sicherheitsgarantien", "partial",
     "Mark Rutte"),
    ("Lawrow sagte am Freitag, es sei »kein Treffen geplant«.", "kein Treffen geplant", "partial", "Sergej Lawrow"),
    # indirect: speech verb with a Konjunktiv I clause, with a dass-clause, and attribution phrases
    ("Auf die Frage sagte Rutte, es sei zu früh für eine Antwort.", "es sei zu früh für eine Antwort", "indirect",
     "Mark Rutte"),
    ("Baerbock bestätigte, dass die Frage im Raum steht.", "dass die Frage im Raum steht", "indirect",
     "Annalena Baerbock"),
    ("Es könne sofort zu weiteren Konflikten kommen, sagte Bettel.", "Es könne sofort zu weiteren Konflikten kommen",
     "indirect", "Xavier Bettel"),
    ("Witkoff zufolge hat Russland die Absicht geäußert, keine Gebiete zu besetzen.", "Russland die Absicht",
     "indirect", "Steve Witkoff"),
    ("Laut Peskow ist die Nato-Erweiterung einer der Kriegsgründe.", "Nato-Erweiterung einer der Kriegsgründe",
     "indirect", "Dmitri Peskow"),
    ("Putin sei zu einem Treffen bereit, so Lawrow gegenüber NBC.", "Putin sei zu einem Treffen bereit", "indirect",
     "Sergej Lawrow"),
    ("Nach Angaben von Selenskyj wurden mehrere Städte angegriffen.", "mehrere Städte angegriffen", "indirect",
     "Wolodymyr Selenskyj"),
]


@pytest.mark.parametrize("text, fragment, mode, speaker", MODES)
def test_modes_and_attribution(text, fragment, mode, speaker):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.mode, q.speaker) == (mode, speaker)


def test_anaphoric_report_takes_the_previous_sentence():
    text = "In dem Fahrzeug befand sich auch eine weitere Mitarbeiterin. Das bestätigte die Organisation in Bonn."
    q = find(text, quotes_of(text, sections=()), "In dem Fahrzeug")
    assert (q.mode, text[q.start:q.end], text[q.speaker_start:q.speaker_end]) == (
        "indirect", "In dem Fahrzeug befand sich auch eine weitere Mitarbeiterin", "die Organisation in Bonn")


def test_wie_clause_reports_the_main_clause():
    text = "Wie die BBC berichtet, befindet sich der Präsident an einem sicheren Ort."
    q = find(text, quotes_of(text, sections=()), "befindet sich")
    assert (q.mode, q.speaker, q.speaker_kind, q.speaker_group) == ("indirect", "BBC", "institution", "Media")


def test_any_verb_right_after_a_quotation_frames_it():
    text = "„Ich trete an als ein konservativer Republikaner“, strich Romney in Arbutus heraus."
    q = quotes_of(text, sections=())[0]
    assert (q.mode, q.cue, q.speaker_mention, q.speaker) == ("direct", "strich", "Romney", "Romney")


def test_speaker_before_a_colon_and_hypotheses_of_the_journalist():
    text = "Die EU fordert seit Jahren Reformen. Ein Beamter der Nationalpolizei: „Hier weiß man, wer die Täter sind.“"
    q = quotes_of(text, sections=())[0]
    assert (q.mode, text[q.speaker_start:q.speaker_end], q.speaker_kind) == (
        "direct", "Ein Beamter der Nationalpolizei", "anonymous")
    text = "Dafür könnte er der Ukraine androhen, die Militärhilfe einzustellen."
    assert quotes_of(text, sections=()) == []


def test_konjunktiv_sentence_continues_the_previous_speaker():
    text = ("Es gehe darum, die Ukraine zu stärken, erklärte Generalsekretär Mark Rutte in Brüssel. "
            "Dazu brauche es vor allem mehr Militärhilfe.")
    q = find(text, quotes_of(text, sections=()), "Dazu brauche es")
    assert (q.mode, q.speaker) == ("indirect", "Mark Rutte")


NOT_QUOTES = [
    "Die Europäische Union und die „Koalition der Willigen“ treffen sich in Paris.",  # a name
    "Das Schiff „Eagle“ lief am Montag aus.",  # a name after its noun
    "Die Online-Ausgabe des „Spiegel“ berichtet über den Fall.",  # a name after a genitive article
    "Ein Mitglied der Partei „Die Linke“ trat auf, sagte der Sprecher.",  # a party's name, even beside a cue
    "Der Gipfel der ‘Willing Coalition’ findet am 4. September statt.",  # an English title
    "Die Partei will ihre „Werte“ verteidigen.",  # a scare-quoted word
    "Das Bündnis, das sich selbst „Allianz für Europäische Integration“ (AIE) nennt, gewann.",  # name + abbreviation
    "Wie berichtet, erklärte die französische „Alliance pour la Planète“ ihren Rückzug.",  # adjective + name
    "Der sogenannte „Friedensplan“ liegt vor.",  # sogenannt
    "Rutte sagte: „Wir brauchen Hilfe. Das Treffen ist morgen.",  # a quote mark left open
    "Das Wetter wird am Wochenende schön.",  # no quotation at all
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_titles_scare_quotes_and_open_marks_are_not_quotes(text):
    assert [text[q.start:q.end] for q in quotes_of(text, sections=()) if q.mode != "indirect"] == []


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


def test_headline_and_boilerplate_sections_are_skipped_and_readers_speak_for_themselves():
    @dataclass
    class Sec:
        kind: str
        start: int
        end: int
        author: str | None = None
        heading: str | None = None

    head = "„Wir schaffen das“, sagt Rutte\n"
    body = "„Die Garantien müssen robust sein“, sagte Rutte.\n"
    comment = "„Das glaube ich nicht.“ Tilli\n"
    text = head + body + comment
    a, b = len(head), len(head) + len(body)
    sections = [Sec("headline", 0, a), Sec("reporting", a, b), Sec("reader_comment", b, len(text), "Tilli")]
    quotes = find_quotes(text, split_sentences(text), sections)
    got = [(text[q.start:q.end], q.speaker, q.speaker_kind, q.speaker_group) for q in quotes]
    assert got == [("Die Garantien müssen robust sein", "Mark Rutte", "person", "NATO"),
                   ("Das glaube ich nicht.", "Tilli", "reader", None)]


def test_anonymous_and_institution_speakers():
    text = ("Westliche Beamte unterstreichen, dass die Unterstützung fortgesetzt werden sollte. "
            "Moskau habe die Vereinbarung gebrochen, erklärte das Außenministerium in Kiew.")
    quotes = quotes_of(text, sections=())
    first = find(text, quotes, "Unterstützung fortgesetzt")
    assert (first.speaker, first.speaker_kind) == ("Westliche Beamte", "anonymous")
    second = find(text, quotes, "Vereinbarung gebrochen")
    assert (second.speaker, second.speaker_kind, second.speaker_group) == (
        "Außenministerium in Kiew", "institution", "Ukraine")


@pytest.mark.parametrize("text, speaker, kind", [
    ("Nach Angaben der Syrischen Beobachtungsstelle für Menschenrechte wurden zehn Menschen getötet.",
     "Syrischen Beobachtungsstelle", "institution"),
    ("Das Gesetz sei überfällig, sagte Umweltminister Stefan Wenzel (Grüne).", "Stefan Wenzel", "person"),
    ("Die Lage sei ernst, erläuterte Mantler am Montag.", "Mantler", "person"),
    # coordinated speakers: the first one named
    ("Serbien und Kroatien haben bekanntgegeben, dass sie die Grenze schließen.", "Serbien", "institution"),
    ("Die Preise würden steigen, sagte der Pressesprecher.", None, "unknown"),  # a role nobody holds: unresolved
])
def test_speaker_resolution(text, speaker, kind):
    q = quotes_of(text, sections=())[0]
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


def test_unknown_speakers_are_kept_and_merged_by_surname_within_an_article():
    text = ("Die Analystin Petra Musterfrau sagte, die Lage sei ernst. "
            "Später betonte Musterfrau, es gebe keine schnelle Lösung.")
    quotes = quotes_of(text, sections=())
    assert [q.speaker for q in quotes] == ["Petra Musterfrau", "Petra Musterfrau"]
    assert {q.speaker_kind for q in quotes} == {"person"}


# ------------------------------------------------------------------------------------------------ seeds
def test_seed_004_rutte_baerbock_bettel_peskow_and_the_ukrainian_foreign_ministry():
    text, quotes = seed("004")
    expected = [
        ("Es gehe darum sicherzustellen", "indirect", "Mark Rutte"),
        ("Dazu brauche es vor allem mehr Militärhilfe", "indirect", "Mark Rutte"),
        ("dass auch die Frage im Raum steht", "indirect", "Annalena Baerbock"),
        ("internationale Präsenz zur Absicherung eines Waffenstillstandes", "partial", "Annalena Baerbock"),
        ("Man werde natürlich alles", "indirect", "Annalena Baerbock"),  # sagte die Grünen-Politikerin
        ("Das Land müsse in der Position der Stärke sein", "indirect", "Annalena Baerbock"),  # sagte sie
        ("Was auf keinen Fall passieren darf", "direct", "Mark Rutte"),
        ("Dies könne den nordkoreanischen Machthaber", "indirect", "Mark Rutte"),
        ("muss es ein guter Deal sein", "direct", "Mark Rutte"),
        ("dass er nicht daran glaubt", "indirect", "Mark Rutte"),  # der frühere niederländische Regierungschef
        ("Russlands Aggression zeigt keine Anzeichen", "direct", "Mark Rutte"),
        ("Wir sind überzeugt, dass die einzige reale Sicherheitsgarantie", "direct", "Außenministerium in Kiew"),
        ("werden wir keine Alternativen", "direct", "Außenministerium in Kiew"),
        ("Moskau habe die Vereinbarung", "indirect", "Außenministerium in Kiew"),
        ("Ich glaube, dass eine Nato-Mitgliedschaft", "direct", "Xavier Bettel"),
        ("Es könne sofort zu weiteren Konflikten kommen", "indirect", "Xavier Bettel"),
        ("Die mögliche Aufnahme Kiews", "indirect", "Dmitri Peskow"),
    ]
    for fragment, mode, speaker in expected:
        q = find(text, quotes, fragment)
        assert (fragment, q.mode, q.speaker) == (fragment, mode, speaker)
    grune = find(text, quotes, "Man werde natürlich alles")
    assert text[grune.speaker_start:grune.speaker_end] == "die Grünen-Politikerin"
    sie = find(text, quotes, "Das Land müsse")
    assert text[sie.speaker_start:sie.speaker_end] == "sie"
    ministry = find(text, quotes, "Moskau habe die Vereinbarung")
    assert (ministry.speaker_kind, ministry.speaker_group) == ("institution", "Ukraine")
    assert find(text, quotes, "Die mögliche Aufnahme Kiews").speaker_group == "Russia"


def test_seed_000_lawrows_four_statements_and_rutte():
    text, quotes = seed("000")
    lawrow = [
        ("es sei »kein Treffen geplant«", "indirect"),
        ("bereit, Selenskyj zu treffen, wenn die Agenda", "partial"),  # „…“, so Lawrow
        ("Dies sei aber »überhaupt nicht« der Fall", "indirect"),
        ("dass Moskau sich in einigen Punkten", "indirect"),  # sprach weiter davon, dass …
    ]
    for fragment, mode in lawrow:
        q = find(text, quotes, fragment)
        assert (fragment, q.mode, q.speaker, q.speaker_group) == (fragment, mode, "Sergej Lawrow", "Russia")
    assert find(text, quotes, "robuste Sicherheitsgarantien").mode == "partial"
    assert find(text, quotes, "Und genau daran arbeiten wir derzeit.").speaker == "Mark Rutte"
    assert find(text, quotes, "es sei zu früh").speaker == "Mark Rutte"
    handele = find(text, quotes, "Es handele sich um")  # gab er zu bedenken
    assert (handele.speaker, text[handele.speaker_start:handele.speaker_end]) == ("Wolodymyr Selenskyj", "er")
    beobachter = find(text, quotes, "Reales politisches Gewicht spiele demnach keine Rolle")
    assert (beobachter.speaker, beobachter.speaker_kind) == ("Kritische Beobachter", "anonymous")
    # the subheading „Noch »eine Menge Arbeit«“ quotes nobody; the same words in Selenskyj's sentence do
    menge = [q for q in quotes if text[q.start:q.end] == "eine Menge Arbeit"]
    assert [(q.mode, q.speaker) for q in menge] == [("partial", "Wolodymyr Selenskyj")]
    # the teaser says Rutte said nothing about it: no quotation
    assert not [q for q in quotes if "wer sich daran beteiligt" in text[q.start:q.end]]


def test_seed_001_reader_comments_are_kept_apart():
    text, quotes = seed("001")
    readers = [(q.speaker, q.speaker_kind) for q in quotes if q.speaker_kind == "reader"]
    assert readers == [("Tilli", "reader"), ("G. B.", "reader")]
    assert find(text, quotes, "Wenn die Zeit für ein Treffen mit Wladimir Putin").speaker == "Mark Rutte"
    assert find(text, quotes, "nur so könne Russland").speaker == "Mark Rutte"  # der niederländische Nato-Chef
    assert find(text, quotes, "kein Treffen ist geplant").speaker == "Sergej Lawrow"


def test_seed_002_witkoff_von_der_leyen_and_a_name_in_quote_marks():
    text, quotes = seed("002")
    assert find(text, quotes, "man habe sich auf eine Regelung verständigt").speaker == "Steve Witkoff"
    assert find(text, quotes, "Auch sollen keine europäischen Grenzen").speaker == "Steve Witkoff"  # sagte er
    assert find(text, quotes, "seien bereit, ihren Beitrag").speaker == "Ursula von der Leyen"  # erklärte sie
    assert find(text, quotes, "Wir brauchen Sicherheitsgarantien").speaker == "Wolodymyr Selenskyj"
    assert not [q for q in quotes if text[q.start:q.end] == "Koalition der Willigen"]


def test_seed_003_zelensky_is_merged_with_selenskyj():
    text, quotes = seed("003")
    zelensky = find(text, quotes, "ein Treffen der ‘Willing Coalition’")
    assert text[zelensky.speaker_start:zelensky.speaker_end].endswith("Zelensky")
    assert (zelensky.speaker, zelensky.speaker_group) == ("Wolodymyr Selenskyj", "Ukraine")
    beamte = find(text, quotes, "Unterstützung für die Ukraine und die Sicherheitsgarantien")
    assert (beamte.speaker, beamte.speaker_kind) == ("Westliche Beamte", "anonymous")
    assert not [q for q in quotes if text[q.start:q.end] == "Willing Coalition"]


def test_quotes_are_in_article_order_with_valid_offsets():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        quotes = quotes_of(text)
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)
        for q in quotes:
            assert 0 <= q.start < q.end <= len(text)
            assert q.mode in schema.QUOTE_MODES and q.speaker_kind in schema.SPEAKER_KINDS
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
