"""find_quotes: sections, continuation of the last speaker, and the seed articles read by hand."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from framing import schema
from framing.quotes import find_quotes
from framing.segment.sentences import split_sentences
from tests.helpers import SEED_CORPUS
from tests.helpers.quotes import find, quotes_of, seed


def test_konjunktiv_sentence_continues_the_previous_speaker():
    text = ("Es gehe darum, die Ukraine zu stärken, erklärte Generalsekretär Mark Rutte in Brüssel. "
            "Dazu brauche es vor allem mehr Militärhilfe.")
    q = find(text, quotes_of(text, sections=()), "Dazu brauche es")
    assert (q.mode, q.speaker) == ("indirect", "Mark Rutte")


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
    for path in sorted(SEED_CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        quotes = quotes_of(text)
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)
        for q in quotes:
            assert 0 <= q.start < q.end <= len(text)
            assert q.mode in (*schema.QUOTE_MODES, schema.TERM_MODE) and q.speaker_kind in schema.SPEAKER_KINDS
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_mention


def test_a_report_adverb_is_the_mention_of_the_last_speaker():
    text = ("Das Magazin Focus berichtete über den Vorfall. Demnach haben Jagdflugzeuge deutsche Hubschrauber "
            "angepeilt.")
    q = find(text, quotes_of(text, sections=()), "Demnach haben Jagdflugzeuge")
    assert (q.mode, q.speaker_mention, text[q.speaker_start:q.speaker_end], q.speaker) == (
        "indirect", "Demnach", "Demnach", "Focus")
    # a Konjunktiv sentence without the adverb keeps the speaker's own mention
    text = "Es gehe darum, die Ukraine zu stärken, erklärte Rutte. Dazu brauche es vor allem mehr Militärhilfe."
    q = find(text, quotes_of(text, sections=()), "Dazu brauche es")
    assert (q.speaker_mention, q.speaker) == ("Rutte", "Mark Rutte")


OBJECT_FIRST = [
    # a thing before the speech verb is its object: the subject is the one after the verb
    ("Ein Tiefdruckgebiet, das über der Bucht gestanden hatte, habe das Festland erreicht, meldet die Behörde.",
     "Ein Tiefdruckgebiet", "die Behörde"),
    ("Bereits während seiner Amtszeit warnte Kluncker vor den „Lohnverzichtstheorien“.",
     "Lohnverzichtstheorien", "Kluncker"),
    ("Stellvertretend für die Kommission empfahl der EU-Kommissar Štefan Füle, Verhandlungen einzuleiten.",
     "Verhandlungen einzuleiten", "der EU-Kommissar Štefan Füle"),
    # an object first by its case (Ihren) or as a thing, and a person after the verb: the person speaks
    ("Ihren Widersacher Jeremy Corbyn forderte May auf, über einen Rücktritt nachzudenken.",
     "über einen Rücktritt", "May"),
    ("Die praktische Anwendung der Richtlinie stellte der SPD-Vorsitzende Franz Müntefering in Frage: „Die "
     "Richtlinie ist nicht lebenswirklich.“", "Richtlinie ist nicht", "der SPD-Vorsitzende Franz Müntefering"),
    # negatives: someone before the verb speaks, and a pronoun with no antecedent stays the subject
    ("Die Regierung erklärte, der Test sei gelungen.", "der Test sei gelungen", "Die Regierung"),
    ("Sie schrieben Parolen wie „Wir werden Euch alle verbrennen“ an die Wand.", "Wir werden Euch", "Sie"),
    ("Die Polizei warnte Minister Seehofer: „Das geht so nicht.“", "Das geht so", "Die Polizei"),
    ("Die linke Wochenzeitschrift „Jungle World“ hatte letzten September geschrieben, der Plan sei gescheitert.",
     "der Plan sei", "Die linke Wochenzeitschrift „Jungle World“"),
]


@pytest.mark.parametrize("text, fragment, mention", OBJECT_FIRST)
def test_a_thing_before_the_speech_verb_is_its_object(text, fragment, mention):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert q.speaker_mention == mention


REPORT_ADVERBS = [
    # a report adverb anywhere in the sentence continues the last speaker; opening it, it is the mention
    ("Das Magazin Focus berichtete über den Vorfall. Die Jets haben demnach die Hubschrauber angepeilt.",
     "Die Jets haben demnach", "Das Magazin Focus", "Focus"),
    ("Das Magazin Focus berichtete über den Vorfall. Demnach haben Jagdflugzeuge Hubschrauber angepeilt.",
     "Demnach haben", "Demnach", "Focus"),
]


@pytest.mark.parametrize("text, fragment, mention, speaker", REPORT_ADVERBS)
def test_a_report_adverb_continues_the_last_speaker(text, fragment, mention, speaker):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.mode, q.speaker_mention, q.speaker) == ("indirect", mention, speaker)


def test_a_sentence_without_a_report_adverb_or_konjunktiv_continues_nobody():
    text = "Das Magazin Focus berichtete über den Vorfall. Die Jets haben danach die Hubschrauber angepeilt."
    assert not [q for q in quotes_of(text, sections=()) if "Die Jets" in text[q.start:q.end]]


CONTINUATIONS = [
    # the sentence before names nobody as its subject: the speaker of a moment ago continues
    ("Das Auswärtige Amt meldete gestern, der erste Hilfsflug sei in Rangun eingetroffen. Teil der Lieferung "
     "waren Wasseraufbereitungsanlagen und Medikamente. Weitere Anlagen seien unterwegs.", "Weitere Anlagen",
     "Auswärtige Amt"),
    # the sentence before has a subject that is someone: that one speaks
    ("Der Iran streitet dies ab. Es sei ein friedliches Programm.", "Es sei ein friedliches", "Iran"),
]


@pytest.mark.parametrize("text, fragment, speaker", CONTINUATIONS)
def test_a_konjunktiv_sentence_continues_whoever_spoke(text, fragment, speaker):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.mode, q.speaker) == ("indirect", speaker)


@pytest.mark.parametrize("text, fragment, speaker", [
    # a quotation inside a sentence whose own subject is someone: that one, not the last speaker; but a
    # sentence in Konjunktiv before the quotation still reports the last speaker
    ("Schmidt sagte, das sei gut. Auch der Sprecher der SPD, Dieter Wiefelspütz, will „in Ruhe prüfen“, ob "
     "ein Verbot angestrebt werden solle.", "in Ruhe prüfen", "Dieter Wiefelspütz"),
    ("Helmut Schmidt sagte, das sei gut. Angela Merkel sei „eine gute Kanzlerin“, weil sie zuhöre.",
     "eine gute Kanzlerin", "Helmut Schmidt"),
])
def test_a_quotation_without_a_cue_is_its_sentence_subjects_unless_reported(text, fragment, speaker):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.mode, q.speaker) == ("partial", speaker)


THING_SUBJECTS = [
    # the subject of the sentence before is a thing, not anyone: the report stays, with no speaker mention
    ("Vor Monaten hatte die Firma expandiert. Jetzt droht ein Streik. Der Lohn der Arbeiter liege weit unter dem "
     "Tarif.", "Der Lohn der Arbeiter", None, None),
    ("Der Verkauf der Wohnungen wurde am Mittwoch erörtert. Das Verfahren sei ein schneller Weg zur Genehmigung.",
     "Das Verfahren sei", None, None),
    # negatives: a statement noun is the source of what follows; a person or an institution speaks
    ("Inzwischen sind präzise Beschuldigungen an die Öffentlichkeit gelangt. Er habe den Jet zu spät gestartet.",
     "Er habe den Jet", "präzise Beschuldigungen", None),
    ("Der Iran streitet dies ab. Es sei ein friedliches Programm.", "Es sei ein friedliches", "Der Iran", "Iran"),
]


@pytest.mark.parametrize("text, fragment, mention, speaker", THING_SUBJECTS)
def test_a_thing_before_a_konjunktiv_sentence_is_no_speaker(text, fragment, mention, speaker):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.mode, q.speaker_mention, q.speaker) == ("indirect", mention, speaker)


def test_a_konjunktiv_sentence_long_after_any_speaker_is_nobodys():
    text = ("Das Amt meldete gestern, der Flug sei eingetroffen. Teil der Lieferung waren Anlagen. Dazu kamen "
            "Medikamente. Auch gab es Zelte. Weitere Anlagen seien unterwegs.")
    assert not [q for q in quotes_of(text, sections=()) if "Weitere Anlagen" in text[q.start:q.end]]


def test_a_statement_pointed_back_to_is_the_last_speakers():
    text = "Die Polizei teilte mit, es gebe Hinweise. Nach diesen Erkenntnissen könnte der Pilot fluguntauglich sein."
    q = find(text, quotes_of(text, sections=()), "könnte der Pilot")
    assert (q.speaker_mention, q.speaker) == ("diesen Erkenntnissen", "Polizei")
    text = "Nach diesen Erkenntnissen könnte der Pilot fluguntauglich gewesen sein."  # nobody spoke before
    q = find(text, quotes_of(text, sections=()), "könnte der Pilot")
    assert q.speaker is None


def test_an_opinion_phrase_inside_a_reported_message_is_no_report_of_its_own():
    text = ("Im Interview erklärte der Direktor der Behörde, Mohammed el-Baradei, das Land sei seiner Meinung nach "
            "eine Atommacht.")
    assert [(q.cue, q.speaker) for q in quotes_of(text, sections=()) if q.mode == "indirect"] == [
        ("erklärte", "Mohammed el-Baradei")]
    # negative: on its own the opinion phrase reports the sentence
    text = "Mohammed el-Baradei war in Wien. Das Land besitze seiner Meinung nach Atomwaffen."
    assert [q.cue for q in quotes_of(text, sections=()) if q.mode == "indirect"] == ["nach"]


def test_the_speaker_of_a_sentence_speaks_on_not_their_opinion_phrase():
    text = ("Im Interview erklärte der Direktor der Behörde, Mohammed el-Baradei, das Land sei seiner Meinung nach "
            "eine Atommacht. Die Behörde gehe davon aus, dass es Plutonium habe.")
    q = find(text, quotes_of(text, sections=()), "Die Behörde gehe davon aus")
    assert (q.cue, q.speaker) == ("erklärte", "Mohammed el-Baradei")


@pytest.mark.parametrize("text, fragment, speaker", [
    # a named frame before the colon beats "weiter hieß es" after the quote, even when "hieß es" stands for him
    ("Regierungssprecher Steffen Seibert schrieb bei Twitter: „Das sind furchtbare Nachrichten“, weiter hieß es, "
     "man sei in Gedanken bei den Opfern.", "Das sind furchtbare Nachrichten", "Steffen Seibert"),
    # negative: with no named frame, "hieß es" keeps the quotation, and it names nobody
    ("„Das sind furchtbare Nachrichten“, hieß es weiter.", "Das sind furchtbare Nachrichten", None),
])
def test_a_named_frame_beats_an_impersonal_one(text, fragment, speaker):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert q.speaker == speaker and (speaker is None or speaker in (q.speaker_mention or ""))
