"""Noun phrases, subjects and clause bounds of a tokenised sentence (framing.quotes.phrases)."""

from __future__ import annotations

import pytest

from framing.quotes.lexicon import lexicon
from framing.quotes.phrases import clause_end, clause_start, np_after, np_before, sentence_subject, verb_subject
from framing.quotes.tokens import tokenize


def words(sentence: str):
    return tokenize(sentence, 0, len(sentence))


def text_of(toks, span) -> str | None:
    return " ".join(t.text for t in toks[span[0]:span[1]]) if span else None


@pytest.mark.parametrize("sentence, verb, subject", [
    ("Rutte sagte, es sei zu früh.", "sagte", "Rutte"),
    # the addressee is never the speaker: a dative medium after the name, `gegenüber X`, `der` + a feminine noun
    ("Das sei ein Fehler, sagte Kanzler Werner Faymann der APA.", "sagte", "Kanzler Werner Faymann"),
    ("Es sei ruhig, sagte die Behördenchefin Christina Kalogirou der Zeitung Kathimerini.", "sagte",
     "die Behördenchefin Christina Kalogirou"),
    ("Es gebe keinen Grund, sagte er dem STANDARD.", "sagte", "er"),
    ("Er habe ein Sprechverbot, wie er dem STANDARD sagte.", "sagte", "er"),
    ("Es sei gut, sagte gegenüber der APA ein Sprecher des Ministeriums.", "sagte",
     "ein Sprecher des Ministeriums"),
    ("Seine Frau bestätigte der Nachrichtenagentur AFP, der Politiker sei frei.", "bestätigte", "Seine Frau"),
    # ... but a media role's genitive is its employer, and a masculine medium after the verb is the subject
    ("Es gebe Schüsse, wie eine Reporterin der Nachrichtenagentur AFP berichtete.", "berichtete",
     "eine Reporterin der Nachrichtenagentur AFP"),
    ("Es sei gut, berichtete der Spiegel.", "berichtete", "der Spiegel"),
    ("Es sei gut, sagte der Chef der Bundesagentur, Frank-Jürgen Weise.", "sagte",
     "der Chef der Bundesagentur , Frank-Jürgen Weise"),
    ("Es sei zu früh, sagte der frühere niederländische Regierungschef am Montag.", "sagte",
     "der frühere niederländische Regierungschef"),
    ("Jimmy Carter, der als Wahlbeobachter im Land war, sagte, die Wahl sei fair.", "sagte", "Jimmy Carter"),
    ("C.Y. Leung, der am Montag in der Provinz Guandong war, sagte, er hoffe auf Ruhe.", "sagte", "Leung"),
    # ... but not a place before the relative clause
    ("In einer Videobotschaft, die bei einer Kundgebung lief, sagte Thaksin, er komme.", "sagte", "Thaksin"),
    # a personal pronoun after a preposition and a relative pronoun is the relative clause's subject
    ("Der Mann hinterließ einen Zettel, in dem er verlangte, dass niemand komme.", "verlangte", "er"),
    # an object first (by its case, or a thing) with a person after the verb: the person is the subject
    ("Ihren Widersacher forderte May auf, zurückzutreten.", "forderte", "May"),
    ("Die Entwicklung verglich der Minister Franz Huber mit 1933.", "verglich", "der Minister Franz Huber"),
    ("Die Regierung kritisierte Minister Franz Huber scharf.", "kritisierte", "Die Regierung"),
    # a nominative pronoun right after the verb is its subject, whatever stands first
    ("Der Politik schlug er vor, sich an Modellen zu orientieren.", "schlug", "er"),
    ("Den Journalisten sagte ich, das sei falsch.", "sagte", "ich"),
    # ... but "sie" may be an object: the subject stands first
    ("Die Kanzlerin lobte sie für ihren Einsatz.", "lobte", "Die Kanzlerin"),
    # a time or a pronominal adverb before the verb is no subject: the phrase after the verb is
    ("Ende Januar 2006 verkündete der Verband, man werde sich bewerben.", "verkündete", "der Verband"),
    # ... but a share of people is (a number and "Prozent" say how many, not when)
    ("80 Prozent befürworteten, dass Abgeordnete selbst vorsorgen.", "befürworteten", "80 Prozent"),
    # a name written in lower case after its article; not an adjective standing for people
    ("Die taz vermutet, dass der Zugriff üblich ist.", "vermutet", "Die taz"),
    ("Hierzu schrieb der Journalist Eduardo Dâmaso, die Gesellschaft sei gespalten.", "schrieb",
     "der Journalist Eduardo Dâmaso"),
    ("Dagegen sagte Merkel, es sei gut.", "sagte", "Merkel"),
    ("Besorgt äußerte sich Kofi Annan über die Gewalt, es gebe Entführungen.", "äußerte", "Kofi Annan"),
    ("Offiziell geht die Regierung davon aus, dass es Material gibt.", "geht", "die Regierung"),
    # ... but a name before the verb is, a pronoun, and a surname that is also an adjective (Kurz)
    ("Montgomery sagte am Montag, es sei gut.", "sagte", "Montgomery"),
    ("Er bezeichnete die Pläne als Wortbruch.", "bezeichnete", "Er"),
    ("Kurz kritisierte die Regierung, sie sei untätig.", "kritisierte", "Kurz"),
    # the second of two verbs takes the subject of the first, also one with a name in apposition
    ("Einer der Putschisten, Harouna Adamou, dankte den Menschen und ergänzte, es sei gut.", "ergänzte",
     "Einer der Putschisten , Harouna Adamou"),
    # coordinated subjects with their articles; a relative pronoun after a name is its own subject; a focus
    # particle before the subject after the verb
    ("Die IADB und der MIF geben bekannt, dass sie Programme entwickeln.", "geben", "Die IADB und der MIF"),
    ("Ein Vorschlag kam von Ägypten, das vorschlug, eine Zone einzurichten.", "vorschlug", "das"),
    ("Von den Einrichtungen erklärten nur die Gefängnisse, nicht teilnehmen zu wollen.", "erklärten",
     "die Gefängnisse"),
    # verbs joined by "und" share the first subject; "es" standing for the clause is skipped
    ("Er bezeichnet die Proteste als rechtmäßig und forderte Mussawi auf, Ruhe zu bewahren.", "forderte", "Er"),
    ("Deshalb sah es das Gericht als erwiesen an, dass sie verstoßen hatte.", "sah", "das Gericht"),
    # "Als …" with the verb not at its clause end is no subordinate clause
    ("Als wichtige Aufgabe der Politik sah es Köhler an, eine Reform voranzutreiben.", "sah", "Köhler"),
    ("Als eine seiner Aufgaben sieht es der 53-jährige Uribe an, Frieden zu schließen.", "sieht",
     "der 53-jährige Uribe"),
    ("Als Merkel sagte, es sei gut, lachten alle.", "sagte", "Merkel"),
    # a place with its adjective stays in the phrase
    ("Das Exilparlament im indischen Dharamshala erklärte, es gebe Tote.", "erklärte",
     "Das Exilparlament im indischen Dharamshala"),
])
def test_the_subject_of_a_speech_verb(sentence, verb, subject):
    toks = words(sentence)
    v = [t.text for t in toks].index(verb)
    assert text_of(toks, verb_subject(toks, v, lexicon())) == subject


def test_the_noun_phrase_before_a_verb_says_where_it_stopped():
    toks = words("Wie die BBC berichtet, befindet sich der Präsident an einem sicheren Ort.")
    s, e, reason = np_before(toks, 3, lexicon())
    assert (text_of(toks, (s, e)), reason) == ("die BBC", "sub")


def test_the_noun_phrase_after_an_inverted_verb():
    toks = words("„Ja“, sagte der Kremlchef am Montag.")
    assert text_of(toks, np_after(toks, 5, lexicon())) == "der Kremlchef"


@pytest.mark.parametrize("sentence, subject", [
    ("Langfristig strebt das neue Unternehmen die Loslösung an.", "das neue Unternehmen"),
    ("Der Iran streitet dies ab.", "Der Iran"),
    ("Im Kongress warb Obama für seinen Plan.", "Obama"),  # a prepositional phrase first: after the verb
    ("Es sei zu früh.", None),  # "es" starts no subject
])
def test_the_subject_of_a_sentence(sentence, subject):
    toks = words(sentence)
    assert text_of(toks, sentence_subject(toks, len(toks), lexicon())) == subject


def test_clause_bounds_stop_at_commas():
    toks = words("Es sei zu früh, sagte Rutte.")
    assert (clause_start(toks, 5), clause_end(toks, 0)) == (5, 4)
