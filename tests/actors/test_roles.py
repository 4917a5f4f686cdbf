"""The role an article gives a person anywhere in its text, and the speaker type that follows from it."""

from __future__ import annotations

import pytest

from framing.actors.roles import article_role
from framing.actors.types import word_type
from tests.helpers.quotes import find, quotes_of

ARTICLE = ("Eine Studie des Wissenschafters Arjen Hoekstra von der Universität Twente zeigt das. Wien – Irmgard "
           "Griss, die frühere Präsidentin des Obersten Gerichtshofs, kandidiert. HDP-Chef Selahattin Demirtas "
           "warnte. Die Gewerkschaft Verdi ruft zum Streik. Der Kern des Problems bleibt. Konzern-Chef "
           "Mathias Döpfner widersprach. Wolfsburg-Chef Klaus Allofs schwieg.")


@pytest.mark.parametrize("name, person, expected", [
    ("Hoekstra", True, ("Wissenschafters", "expert")),  # genitive, first name no list knows between
    ("Irmgard Griss", True, ("Präsidentin", "politician")),  # apposition after the name
    ("Mathias Döpfner", True, ("Konzern-Chef", "business")),  # `-Chef` takes the type of the known first part
    ("Selahattin Demirtas", True, ("HDP-Chef", "politician")),  # a party's chief
    ("Verdi", True, ("Gewerkschaft", "civil_society")),  # a one-word name may be an organisation
    ("Verdi", False, ("Gewerkschaft", "civil_society")),
])
def test_the_role_the_article_gives(name, person, expected):
    assert article_role(ARTICLE, name, person=person) == expected


@pytest.mark.parametrize("name", [
    "Klaus Allofs",  # `Wolfsburg-Chef`: an unknown first part does not make a club chief a businessman
    "Kern",  # `Der Kern des Problems`: an article is no role
    "Niemand",  # not in the text
    "Universität Twente",  # an organisation word before a person's name is no role of the person
])
def test_no_role_where_the_article_gives_none(name):
    assert article_role(ARTICLE, name) is None


def test_a_person_noun_is_needed_for_a_person():
    assert article_role("Die Mediaagentur Petra Hauser wirbt. Petra Hauser sagte, es gehe.", "Petra Hauser") is None


@pytest.mark.parametrize("word, kind", [
    ("Chefredakteurs", "media"), ("Forschern", "expert"), ("Konzerns", "business"), ("Wissenschafter", "expert"),
    ("Verteidigungsministeriums", "government"), ("Leiter", None), ("Kernes", None),
])
def test_inflected_role_nouns_take_the_type_of_their_base(word, kind):
    assert word_type(word) == kind


def test_a_speaker_named_without_role_takes_the_role_from_earlier_in_the_article():
    text = ("Eine Studie des Wissenschafters Arjen Hoekstra von der Universität Twente sorgt für Aufsehen. "
            "Die Lage werde ernster, sagte Hoekstra am Montag.")
    q = find(text, quotes_of(text, sections=()), "Die Lage werde ernster")
    assert (q.speaker_kind, q.speaker_type) == ("person", "expert")


@pytest.mark.parametrize("word, kind", [
    ("Polizeisprecher", "institution"), ("Unternehmenssprecher", "business"), ("Polizeivertreter", "institution"),
    ("Teamchef", "sport"),  # a listed word wins over its parts
    ("Sprecher", None), ("Wolfsburg-Chef", None),
])
def test_generic_role_heads_take_the_type_of_what_they_head(word, kind):
    assert article_role(f"Das sei schwierig, sagte {word} Max Mustermann.", "Max Mustermann") == (
        (word, kind) if kind else None)


def test_a_generic_role_takes_the_type_of_the_organisation_after_it():
    text = "Das sei schwierig, sagt Fritz Grundnig, Sprecher von Polizei und Innenministerium. Grundnig sagte weiter."
    assert article_role(text, "Fritz Grundnig") == ("Sprecher", "institution")
    assert article_role("Das sagt Fritz Grundnig, Sprecher seit 2010.", "Fritz Grundnig") is None


def test_circles_are_anonymous_sources():
    text = "In Brüsseler Militärkreisen hieß es, das dürfte im Juni beschlossen werden."
    q = find(text, quotes_of(text, sections=()), "das dürfte im Juni beschlossen werden")
    assert (q.speaker_kind, q.speaker_type) == ("anonymous", "anonymous")


@pytest.mark.parametrize("word, kind", [
    ("Polizeidirektorin", "institution"), ("Rektorin", "expert"),  # the longest listed ending wins: not -rektorin
    ("Vorstandsvorsitzender", "business"), ("Vorsitzender", "politician"),
    ("Regierungschefin", "politician"), ("Chefin", "business"), ("Uni-Rektorin", "expert"),
    ("Betriebsratschefs", "civil_society"),  # inflected, then the longest ending of its base
])
def test_a_word_takes_the_type_of_its_longest_listed_ending(word, kind):
    assert word_type(word) == kind


ORGANISATIONS = ("Das teilte die Bundeswettbewerbsbehörde (BWB) mit. Später hieß es, die BWB sehe keinen Grund. "
                 "Das Kuratorium für Verkehrssicherheit (KFV) warnt. Die ÖVGW (Österreichische Vereinigung für "
                 "das Gas- und Wasserfach) fordert mehr Geld. Der größte US-Autohersteller General Motors (GM) "
                 "zahlt. Die Umweltorganisation Germanwatch kritisiert das. Das Projekt XYZ (XY) läuft. "
                 "Das Wiener Handelsgericht (HG) verwirft die Klage.")


@pytest.mark.parametrize("acronym, expected", [
    ("BWB", ("Bundeswettbewerbsbehörde", "government")),  # written out before the acronym
    ("KFV", ("Kuratorium", "civil_society")),  # the head of a written-out name with `für`
    ("ÖVGW", ("Vereinigung", "civil_society")),  # written out after the acronym
    ("GM", ("US-Autohersteller", "business")),  # `General` of a foreign name is no general
    ("HG", ("Handelsgericht", "institution")),
    ("Germanwatch", ("Umweltorganisation", "civil_society")),  # an organisation noun right before the name
])
def test_an_organisation_takes_the_type_of_its_written_out_name(acronym, expected):
    assert article_role(ORGANISATIONS, acronym, person=False) == expected


@pytest.mark.parametrize("acronym", ["XY", "ABC"])  # `Projekt` types nothing; not in the text at all
def test_an_acronym_without_a_typed_written_out_name_stays_untyped(acronym):
    assert article_role(ORGANISATIONS, acronym, person=False) is None


PEOPLE = ("Wien – Eine Änderung wünscht sich der Verfahrensrichter im Hypo-U-Ausschuss, Walter Pilgermaier. "
          "Butterfill ist Chefökonom des Finanzdienstleisters ETF Securities. Das sagte Paolo Ferri von der ESA "
          "am Montag. Bernhard Scharf von der Boku Wien hat mitgearbeitet. Für die Partei sprach Max Muster von der "
          "SPÖ. Gestern, Anna Berger kam an. Das Haus der Bank, Fritz Meier, steht. Klaus Lang ist seit Jahren "
          "krank. Der Ex-KPÖ-Chef Walter Baier kritisierte das. Das bestätigte ÖBB-Sprecher Christopher Seif. Nun "
          "antwortete Reinhold Gall, Parlamentarischer Geschäftsführer der SPD-Landtagsfraktion, auf die Fragen. "
          "Eva Roth, Geschäftsführerin der Firma, widersprach.")


@pytest.mark.parametrize("name, expected", [
    ("Walter Pilgermaier", ("Verfahrensrichter", "institution")),  # the role before a comma, with what it holds
    ("James Butterfill", ("Chefökonom", "expert")),  # a copula's predicate
    ("Paolo Ferri", ("von der ESA", "institution")),  # a gazetteer organisation after `von`
    ("Max Muster", ("von der SPÖ", "politician")),  # a party after `von`
    ("Walter Baier", ("Ex-KPÖ-Chef", "politician")),  # a former role
    ("Christopher Seif", ("ÖBB-Sprecher", "business")),  # a generic role of a gazetteer organisation
    # a capitalised adjective of a title, and a party after the role makes a politician of a manager
    ("Reinhold Gall", ("Geschäftsführer", "politician")),
    ("Eva Roth", ("Geschäftsführerin", "business")),
])
def test_a_person_takes_the_role_the_article_gives_in_other_words(name, expected):
    assert article_role(PEOPLE, name) == expected


@pytest.mark.parametrize("name", [
    "Bernhard Scharf",  # a place is no organisation: `Wien` is Austria's government only as a speaker
    "Anna Berger",  # a comma before a name without a role noun
    "Fritz Meier",  # `Das Haus der Bank,`: no person noun before the comma
    "Klaus Lang",  # `ist seit Jahren krank`: no role after the copula
])
def test_no_role_from_other_words_where_there_is_none(name):
    assert article_role(PEOPLE, name) is None
