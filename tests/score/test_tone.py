"""textblob-de's measured defects, one row each: its (defective) polarity and how our tone score handles the case."""

from __future__ import annotations

import pytest

from framing.score.textblob.offline import textblob_polarity
from framing.score.tone import ToneScore, score_tone, word_polarity

# defect, sentence, textblob-de 0.4.3 polarity (PatternTokenizer, offline), expected direction of our score:
# "negative" / "positive" = the sign of `tone` (the label also needs the fitted threshold, usually two cues in news);
# "neutral" = label neutral and not the textblob-de direction.
DEFECTS = [
    ("nouns never match", "Der Angriff tötete zehn Menschen.", 0.0, "negative"),
    ("nouns never match", "Es gab viele Tote.", 0.0, "negative"),
    ("past tense not lemmatised", "Die Opposition kritisierte die Regierung.", 0.0, "negative"),
    ("past tense not lemmatised", "Drei Menschen starben.", 0.0, "negative"),
    ("negation after the verb", "Das gefällt mir nicht.", 0.0, "negative"),
    ("negation beyond the next word", "Die Lage ist keineswegs gut.", 1.0, "negative"),
    ("negation by a pronoun", "Niemand ist zufrieden.", 0.0, "negative"),
    ("spiele keine Rolle", "Ob das gut ist, spiele keine Rolle.", 1.0, "neutral"),
    ("spiele keine Rolle", "Geld spiele keine Rolle.", 0.0, "neutral"),
    ("sense: fertig is 'finished' in news", "Putin sei bereit, wenn die Agenda fertig ist.", -1.0, "neutral"),
    ("sense: androhen is hostile", "Moskau will Sanktionen androhen.", 1.0, "negative"),
]


@pytest.mark.parametrize(("defect", "sentence", "textblob", "label"), DEFECTS, ids=[d[1] for d in DEFECTS])
def test_textblob_defect_and_our_handling(defect: str, sentence: str, textblob: float, label: str) -> None:
    assert textblob_polarity(sentence) == pytest.approx(textblob), defect
    ours = score_tone(sentence)
    if label == "negative":
        assert ours.tone < 0 and ours.label != "positive", (defect, ours)
    elif label == "positive":
        assert ours.tone > 0 and ours.label != "negative", (defect, ours)
    else:
        assert ours.label == "neutral" and ours.tone * textblob <= 0, (defect, ours)


def test_intensifier_raises_and_hedge_lowers_the_score() -> None:
    # textblob-de gives all three +1.0: it cannot tell them apart
    assert textblob_polarity("Das Ergebnis ist sehr gut.") == textblob_polarity("Das Ergebnis ist gut.") == 1.0
    assert textblob_polarity("Das Ergebnis ist vielleicht gut.") == 1.0
    plain = score_tone("Das Ergebnis ist gut.").tone
    assert score_tone("Das Ergebnis ist sehr gut.").tone > plain > score_tone("Das Ergebnis ist vielleicht gut.").tone > 0


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Der Bundestag tagt am Freitag in Berlin.", "neutral"),  # nothing evaluative: nothing found
        ("Der Angriff war nicht erfolgreich.", "negative"),  # a noun before "nicht" is not negated
        ("Das ist nicht nur gut, sondern hervorragend.", "positive"),  # "nicht nur" does not negate
        ("Der Ausschuss tagte.", "neutral"),  # compound head blocked: Ausschuss is not a Schuss
        ("Die Partei verlor zwölf Prozentpunkte.", "negative"),  # strong past tense
        ("Die Wirtschaft wird schwächer.", "negative"),  # umlauted comparative
        ("Der Raketenangriff traf ein Wohnhaus.", "negative"),  # compound noun
    ],
)
def test_table_of_other_cases(sentence: str, label: str) -> None:
    tone = score_tone(sentence).tone
    assert {"negative": tone < 0, "positive": tone > 0, "neutral": tone == 0}[label], (sentence, tone)


@pytest.mark.parametrize(
    ("token", "sentence_initial", "lemma", "sign"),
    [
        ("herabwürdigende", False, "herabwürdigen", -1),  # present participle -> verb
        ("bedrohend", False, "bedrohen", -1),  # uninflected present participle
        ("Sexistische", True, "sexistisch", -1),  # capitalised adjective at a sentence start, not a compound noun
        ("Vernachlässigung", False, "vernachlässigen", -1),  # -ung noun from a verb
        ("Dummheit", False, "dumm", -1),  # -heit noun from an adjective
        ("Schätzungen", False, "Schätzung", 0),  # drifted derivation blocked in overrides.tsv
        ("unseriös", False, "unseriös", -1),  # un- + positive adjective
        ("unterstützen", False, "unterstützen", 1),  # un... that is no prefix stays itself
        ("vorgeworfen", False, "vorwerfen", -1),  # strong participle from irregular.tsv
        ("heiklen", False, "heikel", -1),  # e-elision in an inflected adjective
        ("perfiden", False, "perfide", -1),  # adjective whose base form ends in -e
        ("hingerichtet", False, "hinrichten", -1),  # participle of a verb with the separable prefix hin-
        ("zeitgemäss", False, "zeitgemäß", 1),  # Swiss spelling: ss for ß
    ],
)
def test_word_lookup_morphology(token: str, sentence_initial: bool, lemma: str, sign: int) -> None:
    found = word_polarity(token, sentence_initial)
    assert found is not None and found[0] == lemma, found
    assert (found[1] > 0) - (found[1] < 0) == sign, found


def test_words_that_only_look_polar_stay_neutral() -> None:
    assert word_polarity("griff") is None  # "griff zu" / "griff auf ... zurück": not angreifen
    assert word_polarity("Busse") is None  # Swiss "Busse" are buses; the ß fallback must not invent a match
    assert word_polarity("wahren")[1] == 0  # das Wahlgeheimnis wahren is not "wahr"


def test_labels_follow_the_fitted_thresholds() -> None:
    assert score_tone("Der Angriff tötete zehn Menschen.").label == "negative"
    assert score_tone("Das Ergebnis ist sehr gut.").label == "positive"
    assert score_tone("Der Bundestag tagt am Freitag in Berlin.").label == "neutral"


def test_negated_negative_is_weaker_than_the_positive() -> None:
    assert 0 < score_tone("Der Vorschlag war nicht schlecht.").tone < score_tone("Der Vorschlag war gut.").tone


def test_evidence_names_the_words_and_the_rules() -> None:
    result = score_tone("Das gefällt mir nicht.")
    assert isinstance(result, ToneScore)
    assert result.evidence == ("nicht → gefällt (gefallen) +0.7 negated",)
    assert score_tone("Der Angriff tötete zehn Menschen.").evidence == ("Angriff -1.0", "tötete (töten) -1.0")
    assert score_tone("Das Ergebnis ist sehr gut.").evidence == ("sehr → gut +1.0 ×1.5",)


@pytest.mark.parametrize("text", ["", "   ", "...", "123 456", "„“", "Ä" * 500])
def test_range_and_degenerate_input(text: str) -> None:
    result = score_tone(text)
    assert -1.0 <= result.tone <= 1.0
    assert result.label in ("positive", "neutral", "negative")


def test_scores_stay_in_range_on_the_seed_texts() -> None:
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "data" / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            result = score_tone(line)
            assert -1.0 <= result.tone <= 1.0


@pytest.mark.parametrize(("token", "expected"), [
    ("Nato-Angriff", ("Angriff", -1.0)),  # the head after a hyphen (not in the inflected-noun set: searched)
    ("Corona-Krise", ("Krise", -1.0)),
    ("Mannschaft", None),  # derivational suffix: not a compound of Haft
    ("Hausboot", None),  # no head of it is a lexicon noun: every head skipped by the set look-up
])
def test_compound_heads(token, expected):
    assert word_polarity(token) == expected


@pytest.mark.parametrize("sentence, evidence", [
    # a surname after a first name or Frau/Herr is no sentiment word (Dröge read as Droge, Held, Schaden)
    ("Katharina Dröge sprach im Bundestag.", ()),
    ("Am Abend sprach Frau Held.", ()),
    ("Bürgermeister Heinz Schaden kam.", ()),
    # ... but the nouns themselves still count, and so after a word that is only sometimes a first name
    ("Der Held des Tages kam.", ("Held +0.7",)),
    ("Der Schaden ist groß.", ("Schaden -0.7",)),
    ("Was macht Sie sicher, dass Sie Erfolg haben?", ("Erfolg +1.0",)),
])
def test_a_surname_after_a_first_name_is_no_sentiment_word(sentence: str, evidence: tuple[str, ...]) -> None:
    assert score_tone(sentence).evidence == evidence
