"""Opinion per sentence: wire sentences low, commentary high, others' quoted words not the author's; every signal type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.score.opinion import OpinionScore, approximate_reported, score_opinion

SEED_001 = Path(__file__).resolve().parents[2] / "data" / "corpus" / "001_a635648ab04dd885.txt"


def commentary_sentences() -> list[str]:
    """The sentences of the "OZD-Kommentar" paragraph of seed 001."""
    lines = SEED_001.read_text(encoding="utf-8").splitlines()
    paragraph = lines[lines.index("OZD-Kommentar") + 1]
    return re.split(r"(?<=[.!?])\s+", paragraph)


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Bundestag hat am Freitag das Gesetz mit 380 Stimmen beschlossen.",
        "Mark Rutte, seit Oktober 2024 Nato-Generalsekretär, war zuvor mehr als ein Jahrzehnt Ministerpräsident der "
        "Niederlande.",
        "Der Artikel wurde seit Gründung der Nato nur einmal angewendet: nach den Terroranschlägen vom 11. September "
        "2001 auf die USA.",
    ],
)
def test_neutral_wire_sentence_is_low(sentence: str) -> None:
    assert score_opinion(sentence).opinion < 0.5


def test_commentary_sentence_of_seed_001_is_high() -> None:
    first = commentary_sentences()[0]
    assert first.startswith("Die Worte Ruttes sind stark")
    result = score_opinion(first)
    assert result.opinion >= 0.5
    assert "modal particle: doch" in result.signals


def test_most_of_the_commentary_paragraph_is_opinionated() -> None:
    scores = [score_opinion(s).opinion for s in commentary_sentences()]
    assert sum(s >= 0.5 for s in scores) >= len(scores) - 1


def test_opinion_words_inside_a_reported_quote_do_not_count() -> None:
    sentence = "„Das ist doch eine absolut katastrophale Politik, wir müssen sie endlich stoppen!“, sagte der Abgeordnete."
    quote = (0, sentence.index("“") + 1)
    outside = score_opinion(sentence, [quote])
    assert outside.opinion < 0.5
    assert outside.signals == ()
    assert approximate_reported(sentence) == [quote]
    # the same words as the author's own are opinion
    assert score_opinion(sentence[1: quote[1] - 1]).opinion >= 0.5


def test_indirect_speech_clause_counts_as_reported() -> None:
    sentence = "Der Minister sagte, die Reform sei leider ein riesiger Fehler."
    spans = approximate_reported(sentence)
    assert spans and sentence[spans[0][0]:].startswith("die Reform")
    assert score_opinion(sentence, spans).signals == ()


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("Das ist halt so.", "modal particle: halt"),
        ("Das war wohl zu erwarten.", "modal particle: wohl"),
        ("Das hat ja niemand bestritten.", "modal particle: ja"),
        ("Die Regierung muss jetzt handeln.", "deontic modal: muss"),
        ("Die Regierung müsste jetzt handeln.", "deontic modal: müsste"),
        ("Die Regierung sollte jetzt handeln.", "deontic modal: sollte"),
        ("Wir haben das lange unterschätzt.", "first person: Wir"),
        ("Warum handelt die Regierung nicht?", "rhetorical question"),
        ("Das ist ein Skandal!", "exclamation"),
        ("Der Plan ist äußerst riskant.", "intensifier: äußerst"),
        ("Die Reform ist leider gescheitert.", "stance adverb: leider"),
        ("Die sogenannte Reform bringt nichts.", "irony: sogenannte"),
        ("Das nennt die Regierung eine „Entlastung“.", "irony: scare quotes „Entlastung“"),
        ("Der Vorschlag ist absurd.", "evaluative: absurd"),
        ("Das ist vermutlich das Ende.", "hedge: vermutlich"),
        ("Man kann das nicht vergleichen.", "generic or addressed reader: Man"),
        ("Das ist sogar teurer.", "focus particle: sogar"),
        ("Das ist ein Fehler.", "loaded word: Fehler"),
    ],
)
def test_each_signal_type_is_detected(sentence: str, signal: str) -> None:
    assert signal in score_opinion(sentence).signals


@pytest.mark.parametrize(
    "sentence",
    ["Ja, das Gesetz gilt ab Montag.", "Doch die Sitzung wurde vertagt."],  # answer / conjunction, not particles
)
def test_sentence_initial_ja_and_doch_are_not_modal_particles(sentence: str) -> None:
    assert not any(s.startswith("modal particle") for s in score_opinion(sentence).signals)


@pytest.mark.parametrize("text", ["", " ", "?", "!!!", "„“", "1 2 3"])
def test_range_and_degenerate_input(text: str) -> None:
    result = score_opinion(text, [(0, len(text))])
    assert isinstance(result, OpinionScore)
    assert 0.0 <= result.opinion <= 1.0


@pytest.mark.parametrize(("token", "first", "kind"), [
    ("ja", False, "modal particle"),
    ("Ja", True, None),  # a sentence-initial "Ja," answers
    ("Sie", False, "generic or addressed reader"),
    ("Sie", True, None),  # at the start as likely "they"
    ("sie", False, None),
    ("leider", False, "stance adverb"),
    ("seltsamerweise", False, "stance adverb"),
    ("Zwangsmaßnahmen", False, "loaded word"),  # a compound starting with a loaded stem
    ("Panik-Propheten", False, "loaded word"),
    ("Fehlerpanik", False, "loaded word"),  # ending in one (lowercase)
    ("Mannschaft", False, None),
    ("Haus", False, None),
])
def test_word_kind(token, first, kind):
    """The cached per-word signal type (opinion._word_kind) gives what signal_counts counts."""
    from framing.score.opinion import _word_kind

    assert _word_kind(token, first) == kind


@pytest.mark.parametrize(("token", "kind"), [
    ("Panikmacher", "loaded word"),
    ("Corona-Hysterie", "loaded word"),
    ("Propaganda", "loaded word"),
    ("Panik", None),  # shorter than seven letters: the plain marker list decides, not the compound rule
    ("hysterisch", None),  # lowercase: not a compound noun
    ("Wissenschaftler", None),
])
def test_compound_kind(token, kind):
    from framing.score.opinion import _compound_kind

    assert _compound_kind(token) == kind
