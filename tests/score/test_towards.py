"""Tone towards a mention: what the sentence says about the mentioned thing, not how the sentence sounds."""

from __future__ import annotations

import pytest

from framing.score.tone import score_tone
from framing.score.towards import score_towards


def towards(sentence: str, term: str):
    i = sentence.index(term)
    return score_towards(sentence, i, i + len(term))


@pytest.mark.parametrize(("sentence", "term", "not_label"), [
    # positive towards nothing but the ending: glad that the mandate ends is not for the mandate
    ("Die Maskenpflicht fällt – endlich!", "Maskenpflicht", "positive"),
    ("Endlich wird die Maskenpflicht abgeschafft.", "Maskenpflicht", "positive"),
    ("Das Aus für den Verbrenner ist ein Segen.", "Verbrenner", "positive"),
    # the criticism is rejected, not the mandate
    ("Kritik an der Maskenpflicht wies er zurück", "Maskenpflicht", "negative"),
    ("Die Vorwürfe gegen Müller dementierte das Ministerium.", "Müller", "negative"),
    # sorry that it ends: not against it
    ("Leider endet das erfolgreiche Programm.", "Programm", "negative"),
])
def test_structures_the_rules_decide(sentence, term, not_label):
    assert towards(sentence, term).label != not_label


@pytest.mark.parametrize(("sentence", "term", "sign"), [
    ("Scharfe Kritik an der Maskenpflicht kam von der FDP.", "Maskenpflicht", -1),
    ("Lob für die Maskenpflicht kam von den Ärzten.", "Maskenpflicht", 1),
    ("Die erfolgreiche Maskenpflicht hat viele Leben gerettet.", "Maskenpflicht", 1),
    ("Der Massenmörder wurde verurteilt.", "Massenmörder", -1),
    ("Kritik an der Maskenpflicht wies er zurück", "Maskenpflicht", 1),
])
def test_the_sign_of_the_tone_towards(sentence, term, sign):
    assert towards(sentence, term).tone * sign > 0


def test_the_sentence_and_the_mention_differ():
    sentence = "Kritik an der Maskenpflicht wies er zurück"
    assert score_tone(sentence).tone < 0 < towards(sentence, "Maskenpflicht").tone


def test_evidence_names_the_words_that_point_at_the_mention():
    score = towards("Kritik an der Maskenpflicht wies er zurück", "Maskenpflicht")
    assert any("governs the mention, rejected" in e for e in score.evidence)


def test_a_mention_without_any_evaluation_is_neutral():
    score = towards("Die Maskenpflicht gilt ab Montag in Bayern.", "Maskenpflicht")
    assert score.label == "neutral" and -1 <= score.tone <= 1


@pytest.mark.parametrize("context", [
    ("Das war ein großer Erfolg.", "Die Kritik blieb aus."),  # each ends on a full stop: its own hits, in order
    ("Das war kein Erfolg", "Kritik gab es dennoch nicht."),  # the first runs on: read as one text
    ("Ein Desaster, sagte er.",),
    ("", "Ein gutes Ergebnis."),
    ("Nicht", "gut, sondern schlecht."),  # a negator at the end of a text without a boundary reaches the next one
])
def test_the_context_given_as_its_sentences_scores_as_the_joined_text(context):
    sentence = "Die Maskenpflicht bleibt bestehen."
    assert (score_towards(sentence, 4, 17, context=context)
            == score_towards(sentence, 4, 17, context=" ".join(context)))
