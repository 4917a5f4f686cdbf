"""Cues: speech verbs, attribution phrases and inverted frames, the modes they give and the messages they introduce
(framing.quotes.cues, through find_quotes)."""

from __future__ import annotations

import dataclasses

import pytest

from framing.quotes.cues import Cue, Mention, sentence_cues
from framing.quotes.lexicon import lexicon
from framing.quotes.speakers import Resolved
from framing.quotes.tokens import tokenize
from tests.helpers.quotes import find, quotes_of


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


def test_a_name_in_apposition_after_a_quoted_name_is_the_speaker():
    text = "Ein Sprecher der „Polizei von DeLand“, Commander Randy Henderson sagte, das Flugzeug sei abgestürzt."
    q = find(text, quotes_of(text, sections=()), "das Flugzeug sei abgestürzt")
    assert (q.mode, q.speaker) == ("indirect", "Randy Henderson")


@pytest.mark.parametrize("text, mention", [
    # the subject of the clause a colon ends speaks the quotation after it
    ("Hier sparte der Bundespräsident auch nicht mit Kritik: „Jeder sollte wissen, dass es so ist.“",
     "der Bundespräsident"),
    ("Relativierend fügt Gall hinzu: „Allerdings darf das nicht vergessen werden.“", "Gall"),
    ("Kanzlerin Angela Merkel lobte den Beschluss. Dabei griff sie den Präsidenten direkt an: „Das ist "
     "nicht hinnehmbar.“", "sie"),
    # ... also before an apposition or a relative clause, and past reported speech after the main clause
    ("Greenpeace kritisierte das. Der Experte von Greenpeace, Martin Hoffstetter, wandte sich gegen die Behauptung, "
     "die Kartoffel werde nicht in die Nahrung gelangen: „Sie taucht dort auf.“",
     "Der Experte von Greenpeace, Martin Hoffstetter"),
    ("Der Ermittler, der als wichtiger Zeuge gilt, will seine Ermittlungen einstellen: „Es kommt nichts mehr.“",
     "Der Ermittler"),
])
def test_the_speaker_of_a_quotation_after_a_colon(text, mention):
    q = quotes_of(text, sections=())[0]
    assert (q.mode, q.speaker_mention) == ("direct", mention)


def test_anaphoric_report_takes_the_previous_sentence():
    text = "In dem Fahrzeug befand sich auch eine weitere Mitarbeiterin. Das bestätigte die Organisation in Bonn."
    q = find(text, quotes_of(text, sections=()), "In dem Fahrzeug")
    assert (q.mode, text[q.start:q.end], text[q.speaker_start:q.speaker_end]) == (
        "indirect", "In dem Fahrzeug befand sich auch eine weitere Mitarbeiterin", "die Organisation in Bonn")


def test_wie_clause_reports_the_main_clause():
    text = "Wie die BBC berichtet, befindet sich der Präsident an einem sicheren Ort."
    q = find(text, quotes_of(text, sections=()), "befindet sich")
    # media are a speaker type now, not a group (groups are parties, countries and organisations)
    assert (q.mode, q.speaker, q.speaker_kind, q.speaker_group, q.speaker_type) == (
        "indirect", "BBC", "institution", None, "media")


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


SENTENCE_CUES = [
    ("Der Sprecher teilte mit, dass alles gut sei.", [("verb", "teilte", "Der Sprecher")]),
    ("Witkoff zufolge hat Russland die Absicht geäußert.", [("zufolge", "zufolge", "Witkoff"),
                                                           ("verb", "geäußert", "Russland")]),
    ("Nach Angaben von Selenskyj wurden Städte angegriffen.", [("angaben", "Nach", "Angaben von Selenskyj")]),
    ("Seiner Meinung nach ist das falsch.", [("zufolge", "nach", "Seiner Meinung")]),
    ("Putin sei bereit, so Lawrow gegenüber NBC.", [("so", "so", "Lawrow")]),
    ("Weiter hieß es in der Erklärung, man sei besorgt.", [("hiess", "hieß", "der Erklärung")]),
    ("Die Zahl wird von der Nachrichtenagentur Reuters zitiert.", [("verb", "zitiert", "der Nachrichtenagentur Reuters")]),
    # passive `zitiert`: the one quoted speaks, not the medium quoting (a thing quoted is the medium's: above)
    ("Günther Platter wird von der Nachrichtenagentur Reuters mit den Worten zitiert.",
     [("verb", "zitiert", "Günther Platter")]),
    ("In der Meldung auf der Seite wird Musk wie folgt zitiert.", [("verb", "zitiert", "Musk")]),
    ("Die Äußerung wird von der Zeitung zitiert.", [("verb", "zitiert", "der Zeitung")]),
    # a web address names its speaker; an apposition between the auxiliary and the participle
    ("Wie t-online.de berichtet, ist der Trailer erschienen.", [("verb", "berichtet", "t-online.de")]),
    ("Vor kurzem hatte ein Talibanführer, Baitullah Mehsud, erklärt, man werde kämpfen.",
     [("verb", "erklärt", "ein Talibanführer , Baitullah Mehsud")]),
    ("Seine Werke werden von Kennern als „Meilensteine“ bezeichnet.", [("verb", "bezeichnet", "Kennern")]),
    # a demonstrative opens the phrase, source nouns beyond Angaben (Analyse, Planungen, Erkenntnisstand)
    ("Laut diesem Entwurf wären nur Downloads betroffen.", [("laut", "Laut", "diesem Entwurf")]),
    ("Nach einer ersten Analyse entstand ein Leck.", [("angaben", "Nach", "einer ersten Analyse")]),
    ("Nach bisherigem Erkenntnisstand ist es ein Unfall.", [("angaben", "Nach", "bisherigem Erkenntnisstand")]),
    # a document says what follows `nach` (Gesetz, Dokument, Studie) ...
    ("Nach einem EU-Dokument leben sie in Armut.", [("angaben", "Nach", "einem EU-Dokument")]),
    ("Nach dem Grundgesetz ist der Kanzler mächtig.", [("angaben", "Nach", "dem Grundgesetz")]),
    # ... but a decision after `nach` dates the sentence, and `nach` after a noun or a time is no source
    ("Nach dem Urteil jubelten die Fans.", []),
    ("Die Gewerkschaft erneuerte ihre Forderung nach einem eigenen Gesetz.", []),
    ("Zwei Monate nach dem Gesetzentwurf liegt die Antwort vor.", []),
    ("Es gibt aber laut ai-Bericht eine hohe Dunkelziffer.", [("laut", "laut", "ai-Bericht")]),
    ("Nach Darstellungen des Verlages bietet das Buch eine Betrachtung.",
     [("angaben", "Nach", "Darstellungen des Verlages")]),
    ("Nach Grupps Meinung werden Entscheidungen getroffen.", [("angaben", "Nach", "Grupps Meinung")]),
    ("Dem Vernehmen nach soll er sein Amt behalten.", [("zufolge", "nach", "Dem Vernehmen")]),
    # an extended attribute inside the phrase; a new phrase after a person's name
    ("Laut einer am Dienstag veröffentlichten Mitteilung des WFP wurden Menschen versorgt.",
     [("laut", "Laut", "einer am Dienstag veröffentlichten Mitteilung des WFP")]),
    ("Jedoch wurde laut Sergei Voznyak der Sprecher festgenommen.", [("laut", "laut", "Sergei Voznyak")]),
    ("Laut dem Sprecher der Polizei wurde niemand verletzt.", [("laut", "Laut", "dem Sprecher der Polizei")]),
    # "nach" in time is no attribution
    ("Nach dem Absturz einer Rakete will Musk forschen.", []),
    ("Nach einer Geburtstagsfeier fielen Schüsse.", []),
    # "heißt es": the document before a relative clause, and the antecedent of "in der es heißt"
    ("In dieser Resolution, die der Rat verabschiedete, heißt es, dass es Fortschritte gebe.",
     [("hiess", "heißt", "dieser Resolution")]),
    ("Man zitiert eine Erklärung der Behörde, in der es heißt, dass eine Sperre erlassen wurde.",
     [("verb", "zitiert", "eine Erklärung der Behörde"), ("hiess", "heißt", "eine Erklärung der Behörde")]),
    # "geht aus X hervor": the document is the source; "aus" before a phrase is a preposition, no particle
    ("Dies geht aus einer Mitteilung des Konzerns hervor.", [("verb", "geht", "einer Mitteilung des Konzerns")]),
    ("Die Gewerkschaft geht davon aus, dass es Streiks gibt.", [("verb", "geht", "Die Gewerkschaft")]),
    ("Er geht aus dem Haus.", []),
    ("Das Team sei gestärkt aus der schwachen Saison hervorgegangen.", []),  # a change, not a statement
    # a passive in Konjunktiv I ("werde geschätzt") without an agent names nobody: "Es" is no speaker
    ("Es werde geschätzt, dass Millionen betroffen sind.", [("verb", "geschätzt", None)]),
    # a statement noun without an owner: the subject of its own clause, also a share of people
    ("Zwar sind viele zufrieden, 37 Prozent sind jedoch der Auffassung, dass es schlecht sei.",
     [("statement", "Auffassung", "37 Prozent")]),
    ("22 Prozent teilen die Meinung, die Ordnung sei nicht zu verteidigen.", [("statement", "Meinung", "22 Prozent")]),
    # "niemand" is a subject; "verlautbaren" a speech verb
    ("Damals dachte niemand, dass es so lange halten würde.", [("verb", "dachte", "niemand")]),
    ("Die Ursache sei unklar, verlautbarte Peter Sharp in einer Mitteilung.",
     [("verb", "verlautbarte", "Peter Sharp")]),
    # negatives: no speech verb, and an infinitive after a hypothetical modal
    ("Das Wetter wird am Wochenende schön.", []),
    ("Dafür könnte er der Ukraine androhen, die Hilfe einzustellen.", []),
]


@pytest.mark.parametrize("sentence, expected", SENTENCE_CUES)
def test_cues_of_a_sentence_with_the_mention_of_their_speaker(sentence, expected):
    toks = tokenize(sentence, 0, len(sentence))
    got = [(c.kind, toks[c.start_tok].text,
            " ".join(t.text for t in toks[c.speaker_toks[0]:c.speaker_toks[1]]) if c.speaker_toks else None)
           for c in sentence_cues(toks, lexicon())]
    assert got == expected


def test_a_cue_is_frozen_and_says_whether_it_names_anybody():
    cue = Cue("hiess", 1, 2, None)
    assert cue.names_nobody
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.message = (0, 1)  # type: ignore[misc]
    assert not dataclasses.replace(cue, mention=Mention(0, 5, "Rutte")).names_nobody
    assert not dataclasses.replace(cue, resolved=Resolved("Mark Rutte", "NATO", "person")).names_nobody


@pytest.mark.parametrize("text, message", [
    # an adverbial clause after the verb says why, when or where, not what was said
    ("Die Menschen forderten den Rücktritt der Regierung, um den Weg zu Neuwahlen freizumachen.", None),
    ("Die Fluglotsen hatten den Hubschrauber als vermisst gemeldet, nachdem er nicht mehr zu sehen war.", None),
    ("In drei Monaten wird mit einer Auslieferung in die Niederlande gerechnet, wo sich das Gericht befindet.", None),
    # ... unless Konjunktiv follows: then the clause is part of the report
    ("Bush befürchtet, sobald er sich der Meinung anschließe, werde der Druck auf ihn zunehmen.",
     "sobald er sich der Meinung anschließe, werde der Druck auf ihn zunehmen"),
    ("Ein Sprecher erklärte, der Test sei gelungen.", "der Test sei gelungen"),
    # "so X" inside the sentence: the report is the sentence around it; at the end, the clause before it
    ("Der Präsident sei, so Gamkrelids, schuld daran, dass das Land die Kontrolle verloren habe.",
     "Der Präsident sei, so Gamkrelids, schuld daran, dass das Land die Kontrolle verloren habe"),
    ("Putin sei zu einem Treffen bereit, so Lawrow gegenüber NBC.", "Putin sei zu einem Treffen bereit"),
    # "so" with a speech verb before its speaker: the same frame; inside the sentence when the clause goes on
    ("Der Flug käme einer Folter gleich, so bestätigt das Gericht.", "Der Flug käme einer Folter gleich"),
    ("In zehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein.",
     "In zehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein"),
    # ... but not a conditional "so"
    ("Wenn es regnet, so bleibt er zu Hause.", None),
    # an indicative main clause after a speech verb with its speaker is reported too ...
    ("Die Zeitung hatte gestern berichtet, 200 Mitarbeiter sollen entlassen werden.",
     "200 Mitarbeiter sollen entlassen werden"),
    # ... but not a relative clause, nor the rest of a number
    ("Das sagte der Minister, der am Montag in Berlin war.", None),
    ("Der Konzern meldete 5,57 Prozent Wachstum.", None),
    # the main clause after a fronted relative clause is no message of the relative clause's verb
    ("In der Resolution, die vom Rat angenommen wurde, heißt es, dass es Fortschritte gebe.",
     "dass es Fortschritte gebe"),
    # a statement noun with its content after a comma: the owner speaks, else the clause's subject
    ("Er trat dem Vorwurf der Verteidigung, das Gericht sei nicht legitim, entschieden entgegen.",
     "das Gericht sei nicht legitim"),
    ("Die Schutzvereinigung ist der Ansicht, dass das Gesetz zu geringer Produktivität führe.",
     "dass das Gesetz zu geringer Produktivität führe"),
    ("Es gibt Gerüchte, wonach der Sänger an Krebs litt.", "wonach der Sänger an Krebs litt"),
    # ... but not a relative clause after it, nor an infinitive
    ("Der Bericht, der falsch sei, wurde zurückgezogen.", None),
    ("Die Forderung, mehr Geld auszugeben, blieb ungehört.", None),
    # a statement nobody owns is the journalist's framing, and a question is no statement
    ("Aufbauend auf der Behauptung, dass jeder Test eine Gefahr sei, wurden Regeln erlassen.", None),
    ("Zu der Frage, ob Impfungen in Apotheken stattfinden werden, äußerte sich niemand.", None),
    # the verb's clause goes on past a name in quote marks and a name in apposition
    ("Bezüglich des Startortes meldet die Nachrichtenagentur „Xinhua“, die Maschine sei losgeflogen.",
     "die Maschine sei losgeflogen"),
    ("Jetzt gab der Leiter der Dienststelle, Andreas Huber, bekannt, dass sich das Handy eingeloggt hatte.",
     "dass sich das Handy eingeloggt hatte"),
    ("Im Interview erklärte der Direktor der Behörde, Mohammed el-Baradei, das Land sei eine Atommacht.",
     "das Land sei eine Atommacht"),
    # a zu-infinitive of "sein" or "tun" is a message too, and verbs of objecting, pleading and deciding report
    ("Der Süden bestreitet, in den Zwischenfall verwickelt zu sein.", "in den Zwischenfall verwickelt zu sein"),
    ("Die Kläger bemängeln, dass der Bundesrat ausgeschlossen wurde.", "dass der Bundesrat ausgeschlossen wurde"),
    ("Volker Beck plädierte dafür, Rodney Price kein Visum zu erteilen.", "Rodney Price kein Visum zu erteilen"),
    ("Der Sicherheitsrat beschloss am Donnerstag, eine Flugverbotszone einzurichten.",
     "eine Flugverbotszone einzurichten"),
    ("Die Partei droht damit, das Wahlergebnis nicht zu akzeptieren.", "das Wahlergebnis nicht zu akzeptieren"),
    # ... but "drohen" without "damit" is a danger, not a threat anyone utters
    ("Den Verkehrsbetrieben droht ein neuer Streik.", None),
    # "hält es für möglich, dass …" is an opinion; "hält das für einen Fehler" reports nothing
    ("Die Weltgesundheitsorganisation hält es für unwahrscheinlich, dass man sich ansteckt.",
     "dass man sich ansteckt"),
    ("Er hält das für einen Fehler.", None),
    # ", wie X mitteilte" after a main clause reports the clause before; inside the sentence, the sentence
    ("Das hatte er längst getan, wie sein Anwalt mitteilte.", "Das hatte er längst getan"),
    ("Die Chemikalie stand unter Druck, wie Burt Rutan, Chef der Firma Scaled Composites, mitteilte.",
     "Die Chemikalie stand unter Druck"),
    ("Die Lage sei, wie der Sprecher sagte, sehr ernst.", "Die Lage sei, wie der Sprecher sagte, sehr ernst"),
    ("Wie die BBC berichtet, befindet sich der Mann in Haft.", "befindet sich der Mann in Haft"),
    # ... but not a comparison, nor a saying of nobody's
    ("Er kam so schnell, wie er konnte und wie er sagte.", None),
    ("Er lebte das Evangelium, wie man sagt, ohne Veränderungen.", None),
])
def test_the_message_after_a_speech_verb(text, message):
    got = [text[q.start:q.end] for q in quotes_of(text, sections=()) if q.mode == "indirect"]
    assert got == ([message] if message else [])


@pytest.mark.parametrize("text, message", [
    # unmarked speech (corpora without quote marks): a speech verb right after a comma, its speaker after it, reports
    # the clause before it, however short and in the indicative
    ("Wir haben das Spiel verdient gewonnen, sagte Trainerin Petra Lang.", "Wir haben das Spiel verdient gewonnen"),
    ("Ich bleibe, sagte der Bürgermeister.", "Ich bleibe"),
    ("Das Angebot ist zu niedrig, kritisierte die Gewerkschaft am Montag.", "Das Angebot ist zu niedrig"),
    # ... with the thought verbs news use for it (meinen, glauben, finden, hoffen), not with "wissen" or "sehen"
    ("Das wird nicht reichen, meinte Max Huber.", "Das wird nicht reichen"),
    ("Die Reform kommt zu spät, findet die Opposition.", "Die Reform kommt zu spät"),
    ("Wann der Zug kommt, weiß niemand.", None),
    # ... and when a colon introduces it, the message is what follows the colon
    ("Die Ministerin zeigte sich zufrieden: Das Ergebnis ist ein Erfolg für alle, sagte sie.",
     "Das Ergebnis ist ein Erfolg für alle"),
    # not a subordinate or a prepositional clause before the comma, not a clause without a verb, not a question
    ("Als die Polizei eintraf, erklärte der Sprecher die Lage.", None),
    ("Nach dem langen Streit um die Finanzierung, sagte der Minister die Reise ab.", None),
    ("Den Vorschlag des Ministeriums, die Steuern zu erhöhen, lehnte die Partei ab.", None),
    ("Die Preise steigen weiter, glauben Sie das wirklich?", None),
    # nor a coordination of two verbs of one subject
    ("Er stand auf, sagte kein Wort und ging.", None),
])
def test_an_unmarked_statement_before_an_inverted_speech_verb(text, message):
    got = [text[q.start:q.end] for q in quotes_of(text, sections=()) if q.mode == "indirect"]
    assert got == ([message] if message else [])
