"""Tokens and the word-class tests on them (framing.quotes.tokens)."""

from __future__ import annotations

import pytest

from framing.quotes.lexicon import lexicon
from framing.quotes.tokens import SentenceTokens, is_adjective, is_konjunktiv, is_role, tokenize


def tok(word: str):
    (token,) = tokenize(word, 0, len(word))
    return token


def test_tokens_keep_their_offsets_and_inner_hyphens():
    text = "Die Nato-Generalsekretärin sagte: „Ja.“"
    assert [(t.text, text[t.start:t.end]) for t in tokenize(text, 0, len(text))][:3] == [
        ("Die", "Die"), ("Nato-Generalsekretärin", "Nato-Generalsekretärin"), ("sagte", "sagte")]


@pytest.mark.parametrize("word, capword", [
    ("Rutte", True), ("al-Dschasira", True), ("bin-Salman", True), ("sagte", False), ("al", False), (",", False),
    # a lowercase name spelt with an inner dot (a web address) is a name; abbreviations are not
    ("t-online.de", True), ("faz.net", True), ("ver.di", True), ("z.B", False), ("d.h", False), ("usw", False),
    # a noun compound after a lowercase abbreviation is a noun; a lowercase compound is not
    ("ai-Bericht", True), ("dpa-Meldung", True), ("documenta-Homepage", True), ("pro-russische", False), ("deutsch-französische", False),
])
def test_capitalised_words_include_names_with_a_lowercase_prefix(word, capword):
    assert tok(word).capword is capword


@pytest.mark.parametrize("word, konjunktiv, strict", [
    ("sei", True, True), ("habe", True, True), ("funktioniere", True, True),
    ("hätte", True, False),  # Konjunktiv II stands in for reported speech, but not on its own
    ("meldete", False, False), ("Rede", False, False),
])
def test_konjunktiv(word, konjunktiv, strict):
    lex = lexicon()
    assert is_konjunktiv(tok(word), lex) is konjunktiv
    assert is_konjunktiv(tok(word), lex, strict=True) is strict


@pytest.mark.parametrize("word, adjective", [
    ("niederländische", True), ("84-jährige", True), ("der", False), ("Regierungschef", False), ("haben", False),
])
def test_adjectives(word, adjective):
    assert is_adjective(tok(word), lexicon()) is adjective


def test_role_nouns_by_word_and_by_ending():
    lex = lexicon()
    assert is_role("Außenminister", lex) and is_role("Grünen-Politikerin", lex) and not is_role("Regierung", lex)


def test_tokens_inside_quote_marks_are_flagged():
    text = "Rutte sagte: „Wir brauchen Hilfe.“"
    mark = (text.index("„") + 1, text.index("“"))
    toks = SentenceTokens(text, [(0, len(text))], [mark], [mark[0]])[0]
    assert [t.text for t in toks if t.quoted] == ["„", "Wir", "brauchen", "Hilfe", ".", "“"]


def test_a_decimal_comma_stays_in_its_number_a_list_comma_does_not():
    text = "Er hält 5,57 Prozent, sagte er."
    assert [t.text for t in tokenize(text, 0, len(text))] == ["Er", "hält", "5,57", "Prozent", ",", "sagte", "er",
                                                              "."]
    text = "Nach dem 1:6 um 11:09 Uhr: Stille."  # a score and a clock time are no colon
    assert [t.text for t in tokenize(text, 0, len(text))] == ["Nach", "dem", "1:6", "um", "11:09", "Uhr", ":",
                                                              "Stille", "."]
