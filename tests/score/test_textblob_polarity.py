"""framing's textblob-de polarity is the library's number, to the last digit: tricky cases and all of 10kGNAD.

The reference is textblob-de itself, unpatched, in this process: `TextBlobDE(text, tokenizer=PatternTokenizer())`
(`library_polarity`). Each case must also be computed by the fast path, not handed to the library, or the
comparison would prove nothing.
"""

from __future__ import annotations

import csv
import string
import subprocess
import sys
from pathlib import Path

import pytest

from framing.score.textblob import polarity
from framing.score.textblob.polarity import library_polarity, textblob_polarity

GNAD = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "10kgnad" / "test.csv"

CASES = [
    # plain lexicon words, nouns (never matched: the lexicon lowercases), verbs in the past
    "Das ist gut.", "Das ist schlecht.", "Der Angriff tötete zehn Menschen.", "Die Regierung kritisierte das.",
    "Er hofft auf eine Einigung.", "Sie hoffte auf eine Einigung.",
    # negation: directly before, across a small word, after a modifier, at the end, negated negatives
    "Das ist nicht gut.", "Das ist kein gutes Ergebnis.", "Das ist nicht sehr gut.", "Das ist nie schlecht.",
    "Das gefällt mir nicht.", "Ohne Hoffnung und ohne Freude.", "Nichts ist gut.", "Nein, das ist falsch.",
    "Das ist wirklich nicht gut.", "Keiner war zufrieden.",
    # intensifiers and modifiers (RB/JJ entries, words ending in -lich)
    "Das ist sehr gut.", "Das ist wirklich schlecht.", "Das ist ziemlich traurig.", "Das ist äußerst erfreulich.",
    "Es ist ungeheuer wichtig und sehr schön.", "Das war schrecklich langweilig.",
    "Das ist abenteuerlich.", "Das ist kaum abenteuerlich.", "Das ist extrem abenteuerlich.",
    "Das ist nicht abenteuerlich.", "Das ist nicht kaum abenteuerlich.", "Das ist wenig schön.",
    # punctuation: exclamation marks boost, sarcasm mark, question marks, ellipses, quotes of every style
    "Gut!", "Gut!!!", "Das ist gut (!)", "Das ist gut ( ! )", "Wirklich gut?", "Gut... schlecht...",
    "»Das ist gut«, sagte er.", "„Das ist schlecht“, sagte sie.", "'Gut', sagte er.", "\"Schlecht\" war es.",
    "Kaufen Sie Kupfer!, schließt er seinen Vortrag ab.", "Gut.Schlecht.", "Wer?!", "(Gut)", "[schlecht]",
    # emoticons, emoji, hearts
    "Das ist gut :-)", "Das ist schlecht :(", "Super XD", "Ich <3 Berlin", "♥ gut ♥", "So ;-) oder so :-/",
    "Na gut :'(", "Lol 😀 gut",
    # umlauts and ß (the tagger's lexicon spells ss)
    "Das ist schön.", "Die Größe ist erstaunlich.", "Die Straße ist gefährlich.", "Fußball macht Spaß.",
    "Das Äußere täuscht.", "Übel, übel.", "GROSSARTIG!",
    # sentence splits inside a blob: ordinals, abbreviations, paragraphs, numbers
    "Er kommt am 7. Juli, das ist gut.", "Gut. Schlecht.", "Das ist z.B. gut, usw.", "Dr. Müller ist glücklich.",
    "Erster Absatz ist gut.\n\nZweiter ist schlecht.", "Zeile eins\r\n\r\nZeile zwei schlecht", "3,5 Prozent mehr.",
    "Die Zahl 1.000.000 ist gut.", "Am 1.1.2020 war es schön.", "Mr. Smith is good.",
    # slashes (textblob-de's FORWARDSLASH), contractions, apostrophes
    "gut/schlecht", "und/oder schlecht", "a / b ist gut", "forwardslash gut", "FORWARDSLASH", "&slash; gut",
    "Er sagt's gut.", "Don't be sad.", "O'Neill ist froh.", "Rock 'n' Roll ist toll.",
    # empty and odd input
    "", " ", "\n", "\t\t", ".", "!", "...", "/", "//", "-", "–", "«»", "???", "(!)", "()", "a", "X", "7.", "12",
    "€ 5", "https://www.example.org/a/b?c=d ist gut", "name@example.org", "#gut @schlecht", "#", "\u00a0gut",
    "gut\u2009schlecht", "gut\u200bschlecht", "Ein\u00adsilben\u00adtrennung", "ＧＵＴ", "日本語", "ÄÖÜ", "ß",
    "sehr " * 50 + "gut", "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen",
]


@pytest.fixture(scope="module")
def model():
    m = polarity._model()
    if m is None:
        pytest.fail("the fast path could not read textblob-de's data (see polarity._Model)")
    return m


@pytest.mark.parametrize("text", CASES)
def test_fast_path_equals_textblob_de(model, text: str) -> None:
    assert model.polarity(text) == library_polarity(text)  # the fast path itself, no fallback
    assert textblob_polarity(text) == library_polarity(text)


def test_cases_have_polarity_of_both_signs_and_negation() -> None:
    """The table exercises the lexicon (both signs) and the negation rule, not only zeros."""
    values = {text: textblob_polarity(text) for text in CASES}
    assert values["Das ist gut."] > 0 > values["Das ist schlecht."]
    assert values["Das ist nicht gut."] == pytest.approx(-0.5 * values["Das ist gut."])
    assert values["Das ist gut :-)"] == pytest.approx((1.0 + 0.5) / 2)  # the smiley is one more assessment
    assert values["Das ist gut (!)"] == pytest.approx((1.0 + 0.0) / 2)  # so is the sarcasm mark
    assert values["Das ist kaum abenteuerlich."] == pytest.approx(0.7 * 0.3)  # kaum: intensity 0.3
    assert sum(v != 0 for v in values.values()) > len(CASES) // 3


def test_what_the_fast_path_does_not_reproduce_goes_to_the_library(model) -> None:
    """A lemma string that looks like a synset id ("a-1" after a skipped bracket) makes textblob-de fail; the fast
    path hands it over, the library raises, and the sentence gets no value (None) instead of failing its article."""
    with pytest.raises(polarity._Unsupported):
        model.sentence_polarity("( a-1")
    with pytest.raises(AttributeError):
        library_polarity("( a-1")
    assert textblob_polarity("( a-1") is None
    assert textblob_polarity("„a-12“") == library_polarity("„a-12“") == 0.0  # title-cased: no synset id


def test_the_copied_configuration_is_textblob_de_s(model) -> None:
    """The fast path reads textblob-de's data without importing textblob-de; what it copies must be the same."""
    from textblob_de import sentiments, tokenizers
    from textblob_de.packages import pattern_de

    library = sentiments.sentiment
    len(library)
    assert model.polarity_lexicon == dict(library)
    assert (polarity.NEGATIONS, polarity.MODIFIERS) == (library.negations, library.modifiers)
    for word in ("glücklich", "lich", "gut", "", "Lich"):
        assert polarity._modifier(word) == library.modifier(word)
    assert tokenizers.PUNCTUATION == string.punctuation
    assert tokenizers.ABBREVIATIONS_DE is pattern_de.ABBREVIATIONS


def test_the_fast_path_does_not_import_nltk() -> None:
    """Importing textblob-de imports NLTK (and scipy, scikit-learn): seconds per worker process. The fast path
    reads the same files without it; the library is imported only for a text it hands over."""
    code = ("import sys; from framing.score.textblob.polarity import textblob_polarity; "
            "print(textblob_polarity('Das ist nicht gut.'), 'nltk' in sys.modules, 'textblob_de' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["-0.5", "False", "False"]


def test_memos_stay_bounded(model, monkeypatch) -> None:
    monkeypatch.setattr(polarity, "_CACHE_LIMIT", 10)
    for i in range(50):
        textblob_polarity(f"Wort{i} Ding{i} ist gut{i}lich und schön{i}.")
    assert len(model.words.memo) <= 11 + 10  # cleared when over the limit, then filled by one sentence
    assert len(model.lemmas) <= 11 + 10
    assert len(model.morphology.memo) <= 11 + 10


def _gnad_texts() -> list[str]:
    if not GNAD.exists():
        pytest.skip(f"10kGNAD test split not found at {GNAD} (../shared/corpora/10kgnad)")
    csv.field_size_limit(1 << 30)
    with open(GNAD, encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]


def _framing_sentences(texts: list[str]) -> list[str]:
    from framing.segment.sections import segment_sections
    from framing.segment.sentences import split_sentences

    return [text[a:b] for text in texts for section in segment_sections(text)
            for a, b in split_sentences(text, section.start, section.end)]


@pytest.mark.slow
def test_every_10kgnad_sentence_and_line_equals_textblob_de(model) -> None:
    """All 10kGNAD test articles: each sentence as framing's splitter gives it, and each raw line (a whole
    article, which textblob-de splits itself and averages), bit for bit. Several minutes: textblob-de is slow."""
    texts = _gnad_texts()
    sentences = _framing_sentences(texts)
    assert len(sentences) > 20_000
    mismatches = []
    for text in sentences + texts:
        ours, theirs = model.polarity(text), library_polarity(text)
        if ours != theirs:
            mismatches.append((text[:120], ours, theirs))
    assert not mismatches, f"{len(mismatches)} differ, e.g. {mismatches[:3]}"
