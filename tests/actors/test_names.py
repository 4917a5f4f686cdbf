"""Names in speaker mentions (framing.actors.names, framing.quotes.speakers): the name, the role beside it, the
type and the group, with the negatives issue #14 names (months, currencies, titles, countries are no persons)."""

from __future__ import annotations

import pytest

from framing.actors.names import is_first_name, split_name
from tests.helpers.quotes import quotes_of


@pytest.mark.parametrize("words, name", [
    ("CSU-Chef Markus Söder", "Markus Söder"),
    ("Dr Andreas Gassen", "Andreas Gassen"),
    ("Prof Dr Sucharit Bhakdi", "Sucharit Bhakdi"),
    ("Medizin-Nobelpreisträger Jens Spahn", "Jens Spahn"),
    ("Multimilliardär Bill Gates", "Bill Gates"),
    ("Intensivmediziner Uwe Janssens", "Uwe Janssens"),
    ("Statistiker Gerd Bosbach", "Gerd Bosbach"),
    ("Gastgeberin Angela Merkel", "Angela Merkel"),
    ("Bundeskanzler Christian Kern", "Christian Kern"),
    ("Herr Fischer", "Fischer"),  # a surname that is a common noun, after a title
    ("Bürgermeister Bauer", "Bauer"),
    ("Sebastian Kurz", "Sebastian Kurz"),  # "kurz" is an adjective, but not after a first name
    ("Hans Peter Doskozil", "Hans Peter Doskozil"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Mitterlehner", "Mitterlehner"),
    ("Deutliche Worte Erwin Pröll", "Erwin Pröll"),
    ("Pröhle Vorstellungen", "Pröhle"),  # "sieht Pröhle Vorstellungen": an abstract noun after a name is no part of it
    ("Mitterlehner Tendenzen", "Mitterlehner"),
    # after a first name and a surname too ("löst bei Stadträtin Sonja Wehsely Empörung aus")
    ("Gesundheitsstadträtin Sonja Wehsely Empörung", "Sonja Wehsely"), ("Angela Merkel Zustimmung", "Angela Merkel"),
    ("Hans Meier Hoffnungen", "Hans Meier"),
    # but a surname is never cut: a common noun with an ending some surnames have, or a first name and one word
    ("Carl Friedrich Benz", "Carl Friedrich Benz"), ("Carl Jung", "Carl Jung"), ("Karl Hornung", "Karl Hornung"),
    ("Romani Rose", "Romani Rose"),  # a surname that is a concrete common noun stays (a first name no list knows)
    ("Amilcar Pop", "Amilcar Pop"),
    ("Präsident Wolf", "Wolf"),
    ("Genauere Untersuchungen", None),  # a sentence-opening adjective and an abstract noun: no one
    # negatives: no name at all
    ("April", None), ("August", None), ("Euro", None), ("Euro Pacht", None), ("Dr", None), ("Dr.", None),
    ("Prof", None), ("Frau", None), ("Jahr", None), ("Klage", None), ("Leider", None), ("Warum", None),
    ("Sechs Jahre", None), ("Dieser Prozess", None),
])
def test_split_name(words: str, name: str | None) -> None:
    parts = words.split()
    span = split_name(parts)
    assert (" ".join(parts[span[0]:span[1]]) if span else None) == name


@pytest.mark.parametrize("word, first", [
    ("Markus", True), ("Jens", True), ("Karl-Heinz", True), ("Wolodymyr", True),
    ("Medizin-Nobelpreisträger", False), ("April", False), ("Polizei", False),
    # a spelling with an accent German does not write, of a name the lists hold without it (Dutch Mariëtte)
    ("Mariëtte", True), ("Anne-Mariëtte", True), ("Chloë", True),
    # an umlaut is no such accent, and a common noun with an accent stays one
    ("Jürgen", True), ("Jörn", True), ("Büro", False), ("Café", False), ("Première", False),
])
def test_first_names_come_from_a_maintained_list(word: str, first: bool) -> None:
    assert is_first_name(word) is first


@pytest.mark.parametrize("text, speaker, kind, role, type_, group", [
    ("Das sei falsch, sagte Dr. Andreas Gassen am Montag.", "Andreas Gassen", "person", "Dr.", "unknown", None),
    ("Prof. Dr. Sucharit Bhakdi meinte, es gebe keine Gefahr.", "Sucharit Bhakdi", "person", "Prof. Dr.",
     "unknown", None),
    ("CSU-Chef Markus Söder sagte, er sei zufrieden.", "Markus Söder", "person", "CSU-Chef", "politician",
     "Germany"),
    ("Die Virologin Erika Musterfrau sagte, die Lage sei ernst.", "Erika Musterfrau", "person", "Virologin",
     "expert", None),
    # an abstract noun after the name is the object, not part of the name the pronoun later refers to
    ("Der Beschluss löst bei Stadträtin Anna Muster Empörung aus. Das sei Erpressung, sagte sie am Abend.",
     "Anna Muster", "person", "Stadträtin", "politician", None),
    # a first name with an accent the lists spell without (Mariette): the name, not a role "Berlinale-Chefin Mariëtte"
    ("Berlinale-Chefin Mariëtte Rissenbeek sagte, das Festival sei lebendig.", "Mariëtte Rissenbeek", "person",
     "Berlinale-Chefin", "business", None),
    ("Der russische Außenminister Igor Mustermann sagte, das Treffen sei gut gewesen.", "Igor Mustermann", "person",
     "Außenminister", "politician", "Russia"),
    ("SPÖ-Klubobmann Hans Muster sagte, man werde zustimmen.", "Hans Muster", "person", "SPÖ-Klubobmann",
     "politician", "SPÖ"),
    ("Stefan Wenzel (Grüne) sagte, er sei dagegen.", "Stefan Wenzel", "person", None, "politician", "Grüne"),
    ("Ein Sprecher des Innenministeriums sagte, die Behörde sei nicht zuständig.", "Innenministerium",
     "institution", "Sprecher", "government", None),
    ("Nach Angaben der Polizei wurde niemand verletzt.", "Polizei", "institution", None, "institution", None),
    ("Wie die BBC berichtet, befindet sich der Präsident an einem sicheren Ort.", "BBC", "institution", None,
     "media", None),
    # a country as a speaker is an institution (its government), never a person
    ("Deutschland erklärte, es werde keine Truppen schicken.", "Deutschland", "institution", None, "government",
     "Germany"),
    # organisations and sources are never persons: a compound source names its owner first
    ("Die Küstenwache teilte mit, das Boot sei gesunken.", "Küstenwache", "institution", None, "institution", None),
    ("Der Naturschutzbund kritisierte, dass zu wenig geschehe.", "Naturschutzbund", "institution", None,
     "civil_society", None),
    ("Nach Polizeiangaben wurden drei Menschen verletzt.", "Polizei", "institution", None, "institution", None),
    ("Nach Regierungsangaben sei alles ruhig.", "Regierung", "institution", None, "government", None),
    ("Laut UNO-Angaben gab es viele Tote unter den Zivilisten.", "Vereinte Nationen", "institution", None,
     "institution", "UN"),
    ("Wie t-online.de berichtet, ist der Trailer erschienen.", "t-online.de", "institution", None, "media", None),
    # the owner of a statement named in the genitive before it
    ("Angela Merkel war in Berlin. Nach Merkels Worten sei die Lage ernst.", "Angela Merkel", "person", None,
     "politician", "Germany"),
    # ... while a role noun with an organisation's type stays an unnamed person with that role
    ("Richter sagte, das Urteil sei gerecht.", "Richter", "anonymous", "Richter", "institution", None),
])
def test_speaker_name_role_type_and_group(text, speaker, kind, role, type_, group) -> None:
    q = next(q for q in quotes_of(text, sections=()) if q.mode != "term")
    assert (q.speaker, q.speaker_kind, q.speaker_role, q.speaker_type, q.speaker_group) == (
        speaker, kind, role, type_, group)


@pytest.mark.parametrize("text", [
    "Im April sagte man, die Preise würden steigen.",
    "Warum nicht? „Wir kommen gerne, wenn alles gut geht“, hieß es.",
    "Der Euro sei stark, hieß es am Markt.",
])
def test_months_currencies_and_sentence_openers_are_no_speakers(text: str) -> None:
    for q in quotes_of(text, sections=()):
        assert q.speaker not in ("April", "Warum", "Euro", "Dr", "Dr.")


@pytest.mark.parametrize("text, term", [
    ("Die sogenannten „Querdenker“ demonstrierten am Samstag in Berlin.", "Querdenker"),
    ("Der „Lockdown light“ beginnt am Montag.", "Lockdown light"),
])
def test_quoted_terms_are_their_own_mode_and_nobodys_speech(text: str, term: str) -> None:
    [q] = quotes_of(text, sections=())
    assert (q.mode, text[q.start:q.end], q.speaker) == ("term", term, None)
