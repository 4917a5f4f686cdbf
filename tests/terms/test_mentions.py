"""Mentions of the terms of terms.csv: inflection, compounds, case, overlaps, and what is not a mention."""

from __future__ import annotations

import pytest

from framing.errors import ConfigError
from framing.terms import Term, TermList, find_mentions, parse_terms

TERMS = parse_terms(
    "term,label,pattern,ignore_case,compounds\n"
    "Maskenpflicht,Schutz,,,\n"
    "Impfstoff,,,,\n"
    "Kinder,,,,\n"
    "Anschlag,,,,\n"
    "Olaf Scholz,SPD,,,\n"
    "Scholz,SPD,,,\n"
    "Pflicht,,,,head\n"
    "sicher,,,,none\n"
    "Zwangsimpfung,Impfkritik,Zwangs-?[Ii]mpfung,,\n"
    "NATO,,,yes,\n"
)


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Maskenpflicht gilt.", [("Maskenpflicht", "Maskenpflicht"), ("Pflicht", "pflicht")]),  # head compound
    ("Die Maskenpflichten fallen.", [("Maskenpflicht", "Maskenpflichten"), ("Pflicht", "pflichten")]),
    ("Wegen der Corona-Maskenpflicht", [("Maskenpflicht", "Maskenpflicht"), ("Pflicht", "pflicht")]),
    ("des Impfstoffs und des Impfstoffes", [("Impfstoff", "Impfstoffs"), ("Impfstoff", "Impfstoffes")]),
    ("mit den Kindern", [("Kinder", "Kindern")]),
    ("nach den Anschlägen", [("Anschlag", "Anschlägen")]),  # umlaut plural
    ("Olaf  Scholz sagte", [("Olaf Scholz", "Olaf  Scholz"), ("Scholz", "Scholz")]),  # overlap: both terms
    ("Scholz’ Partei", [("Scholz", "Scholz")]),  # genitive apostrophe
    ("Die Schulpflicht", [("Pflicht", "pflicht")]),  # head compound, chosen for Pflicht
    ("Sicher ist sicher.", [("sicher", "Sicher"), ("sicher", "sicher")]),  # a lower-case term at a sentence start
    ("Die Zwangs-Impfung und die Zwangsimpfung", [("Zwangsimpfung", "Zwangs-Impfung"),
                                                  ("Zwangsimpfung", "Zwangsimpfung")]),  # pattern and term: one each
    ("die Nato und die NATO", [("NATO", "Nato"), ("NATO", "NATO")]),  # ignore_case
    # negatives: not mentions
    ("Der Maskenpflichtgegner", []),  # a closed compound that merely contains the term (compounds=hyphen)
    ("Die Sicherheit", []),  # compounds=none: sicher is not in Sicherheit
    ("Die Kinderei", []),  # not an inflection ending
    ("die maskenpflicht", [("Pflicht", "pflicht")]),  # case as written: only the head compound of Pflicht
    ("", []),
])
def test_mentions(text, expected):
    got = [(m.term, m.text) for m in find_mentions(text, TERMS)]
    assert got == expected
    for m in find_mentions(text, TERMS):
        assert text[m.start:m.end] == m.text


def test_labels_travel_with_the_mention():
    [m] = [m for m in find_mentions("Die Zwangsimpfung", TERMS)]
    assert (m.term, m.label) == ("Zwangsimpfung", "Impfkritik")


@pytest.mark.parametrize(("text", "message"), [
    ("label\nSchutz\n", "term"),
    ("term,colour\nMaske,rot\n", "unknown column"),
    ("term,ignore_case\nMaske,vielleicht\n", "ignore_case"),
    ("term,compounds\nMaske,some\n", "compounds"),
    ("term,pattern\nMaske,(unclosed\n", "regular expression"),
])
def test_a_bad_terms_file_names_its_line(text, message):
    with pytest.raises(ConfigError, match=message):
        parse_terms(text, "terms.csv")


def test_digest_changes_with_the_list():
    a = parse_terms("term\nMaske\n")
    assert a.digest() == parse_terms("term\nMaske\n").digest() != parse_terms("term\nMasken\n").digest()


PHRASE_CASES = [  # text, terms, mentions: phrases skip a text without the run of letters they need, and only then
    ("Ex-Jean-Claude Juncker sagte", [Term("Jean-Claude Juncker")], 1),
    ("OLAF SCHOLZ und olaf scholz", [Term("Olaf Scholz", ignore_case=True)], 2),
    ("Olaf Scholz, Olaf\n Scholz, Scholzens Rede", [Term("Olaf Scholz"), Term("Scholz")], 4),
    ("Die (SPD) und die SPD", [Term("(SPD)"), Term("Dr. Merz")], 1),
    ("Dr. Merz und Dr.Merz", [Term("Dr. Merz")], 1),
    ("die STRASSE der Einheit", [Term("Straße der Einheit", ignore_case=True)], 0),  # re: no ß = SS either
    ("Nichts davon hier", [Term("Olaf Scholz"), Term("Dr. Merz"), Term("(SPD)")], 0),
    ("E.ON und E.ONs Netz", [Term("E.ON")], 2),
    # tried where the first run starts: a start that fails, a run inside a word, then a match
    ("Olaf Olaf Scholz, xOlaf Scholz, Olaf_Scholz", [Term("Olaf Scholz")], 1),
    ("#MeToo Debatte und #MeToo Debatten", [Term("#MeToo Debatte")], 2),  # a match starts before its first run
]


@pytest.mark.parametrize(("text", "terms", "n"), PHRASE_CASES)
def test_a_phrase_is_found_the_same_with_and_without_its_quick_check(monkeypatch, text, terms, n):
    from framing.terms import mentions

    quick = find_mentions(text, TermList(tuple(terms)))
    assert len(quick) == n, quick
    mentions._index.cache_clear()
    monkeypatch.setattr(mentions, "_first_run", lambda term: None)  # every phrase's pattern run on every text
    assert find_mentions(text, TermList(tuple(terms))) == quick
    mentions._index.cache_clear()
