"""Speakers: who a speaker mention stands for within its article (framing.quotes.speakers, through find_quotes)."""

from __future__ import annotations

import pytest

from framing.actors.gazetteer import load_gazetteer
from framing.quotes.lexicon import lexicon
from framing.quotes.speakers import NOBODY, ArticleEntities, Resolved
from framing.quotes.tokens import tokenize
from tests.helpers.quotes import find, quotes_of


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
    # a role nobody in the article holds: an unnamed source with that role (issue #14), not an unknown speaker
    ("Die Preise würden steigen, sagte der Pressesprecher.", "Pressesprecher", "anonymous"),
    # the name first, its role in apposition after it (and an object after the verb is never the subject)
    ("Kurt von Figura, Präsident der Universität Göttingen, begrüßte den Beschluss als „wesentlichen Schritt“.",
     "Kurt von Figura", "person"),
    ("Theo Zwanziger, Präsident des DFB, nannte die Bewerbung „sehr respektabel“.", "Theo Zwanziger", "person"),
    # the owner of a statement noun speaks its content; without one, the subject of the clause
    ("Auf den Vorwurf der CDU, es handele sich um einen sozialistischen Antrag, reagierte niemand.", "CDU",
     "institution"),
    ("Die Schutzvereinigung ist der Ansicht, dass das Gesetz zu geringer Produktivität führe.", "Schutzvereinigung",
     "institution"),
    ("Die Sichtweise von Innenminister Heribert Rech, wonach es ein moderates Gesetz geben werde, teilt er nicht.",
     "Heribert Rech", "person"),
    ("Es gibt Gerüchte, wonach der Sänger an Krebs litt.", "Gerüchte", "anonymous"),
    ("Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden Menschen versorgt.", "WFP",
     "institution"),
    ("Der für die Region zuständige Koordinator, Deftalgne Tessema, sagte, es gebe nur 14 Boote.", "Tessema",
     "person"),
    # a name in quote marks opening the sentence, and a surname with "selbst" after it
    ("„BBC News“ berichtet unter Berufung auf einen Wärter, dass die Gefangenen ausgebrochen sind.", "BBC",
     "institution"),
    ("Hartmann selbst schrieb in einer Presseerklärung, sie wolle sich entschuldigen.", "Hartmann", "person"),
    # a noble "von" after a first name belongs to the name; "vom" / "von" before an organisation does not
    ("Kurt von Figura sagte, es sei gut.", "Kurt von Figura", "person"),
    ("Theo Kitz vom Bankhaus Merck Finck sagte, es sei gut.", "Theo Kitz", "person"),
    ("Anna von der Stadtverwaltung sagte, es sei gut.", "Anna", "person"),
    # "letztere" points back to the woman named last
    ("Dabei war die Moderatorin Nova Meierhenrich. „Das Elend geht weiter“, so letztere.", "Nova Meierhenrich",
     "person"),
])
def test_speaker_resolution(text, speaker, kind):
    q = quotes_of(text, sections=())[0]
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


@pytest.mark.parametrize("text", [
    # a word right after an article that ran on is a thing, no person named "Proteste" or "Sprengsatz"
    "Die Proteste weiteten sich aus. Es seien Tausende auf der Straße gewesen.",
    "Der Sprengsatz in Bahnhof explodierte. Er sei selbst gebaut gewesen.",
])
def test_a_common_noun_after_an_article_is_nobody(text):
    q = quotes_of(text, sections=())[0]
    assert q.speaker is None


def test_an_acronym_after_an_article_is_an_organisation():
    q = quotes_of("Die NASA teilte mit, der Start sei verschoben.", sections=())[0]
    assert (q.speaker, q.speaker_kind) == ("NASA", "institution")


@pytest.mark.parametrize("text, fragment, speaker, kind", [
    # a definite role noun (or an age) points back to the person named last, when the gender fits
    ("Verwaltungsrechtler Andreas Hauer von der Uni Linz übt Kritik. Die Novelle sei rechtswidrig, schreibt der "
     "Professor für Verwaltungsrecht in einem Gutachten.", "Die Novelle sei", "Andreas Hauer", "person"),
    ("Heinz Schaden ist seit 1999 Bürgermeister. Er habe genug, sagte der 61-Jährige.", "Er habe genug",
     "Heinz Schaden", "person"),
    ("Die Ministerin Maria Berger war anderer Meinung. Die Novelle sei gut, sagte die Politikerin.",
     "Die Novelle sei gut", "Maria Berger", "person"),
    # negatives: an indefinite or plural role is someone else, and a man is no "Politikerin"
    ("Andreas Hauer übt Kritik. Die Novelle sei gut, sagte ein Professor.", "Die Novelle sei gut", "Professor",
     "anonymous"),
    ("Andreas Hauer übt Kritik. Die Novelle sei gut, sagten die Forscher.", "Die Novelle sei gut", "Forscher",
     "anonymous"),
    ("Andreas Hauer übt Kritik. Die Novelle sei gut, sagte die Politikerin.", "Die Novelle sei gut",
     "Politikerin", "anonymous"),
])
def test_a_definite_role_noun_is_the_person_named_before(text, fragment, speaker, kind):
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


def test_unknown_speakers_are_kept_and_merged_by_surname_within_an_article():
    text = ("Die Analystin Petra Musterfrau sagte, die Lage sei ernst. "
            "Später betonte Musterfrau, es gebe keine schnelle Lösung.")
    quotes = quotes_of(text, sections=())
    assert [q.speaker for q in quotes] == ["Petra Musterfrau", "Petra Musterfrau"]
    assert {q.speaker_kind for q in quotes} == {"person"}


def test_the_tracker_resolves_pronouns_and_name_forms_in_article_order():
    text = ("Außenministerin Annalena Baerbock traf Mark Rutte in Brüssel. Sie sagte, er habe recht. "
            "Die Analystin Petra Musterfrau widersprach. Man hörte Musterfrau")
    art = ArticleEntities(text, load_gazetteer(), lexicon())
    toks = tokenize(text, 0, len(text))
    art.observe(toks)
    at = {t.text: k for k, t in enumerate(toks)}

    def who(start: int, end: int) -> Resolved:
        return art.resolve((start, end), toks)[0]

    assert who(at["Sie"], at["Sie"] + 1) == Resolved("Annalena Baerbock", "Germany", "person", "Außenministerin",
                                                     "politician")
    assert who(at["er"], at["er"] + 1) == Resolved("Mark Rutte", "NATO", "person", None, "politician")
    assert who(at["Man"], at["Man"] + 1) == NOBODY  # "man" is nobody
    assert who(at["Die"], at["Die"] + 4) == Resolved("Petra Musterfrau", None, "person", "Analystin", "expert")
    assert who(at["Musterfrau"], at["Musterfrau"] + 1).name == "Petra Musterfrau"  # the surname, merged
    assert [e.gender for e in art.entities] == ["f", "m", "f"]


def test_a_name_written_with_two_spaces_is_the_same_speaker():
    from framing.quotes.attribute import find_quotes

    text = "Wien. Rupert  Wolff sagte, die Reform sei richtig. Später sagte Rupert Wolff, er bleibe dabei."
    quotes = find_quotes(text, [(0, 50), (51, len(text))])
    assert {q.speaker for q in quotes} == {"Rupert Wolff"}
    assert any(q.speaker_mention and "  " in q.speaker_mention for q in quotes)  # the mention as the text writes it
