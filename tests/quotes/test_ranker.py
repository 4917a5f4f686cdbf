"""The speaker ranker (framing.quotes.ranker): candidates and their features, the decision, the shipped weights."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from framing import resources
from framing.quotes.ranker import (
    FEATURES,
    WEIGHTS,
    Ranker,
    choose,
    collecting,
    ranker_from,
    shipped_ranker,
)
from tests.helpers.quotes import find, quotes_of


def candidates_of(text: str, fragment: str) -> dict[str, dict[str, float]]:
    """Candidate mention text -> its features, of the quote holding `fragment` (the rules deciding alone)."""
    with collecting(None) as found:
        quotes = quotes_of(text, sections=())
    q = find(text, quotes, fragment)
    cands = next(c for quote, c, _ in found if (quote.start, quote.end) == (q.start, q.end))
    return {text[c.start:c.end]: dict(zip(FEATURES, c.features)) for c in cands}


ADDRESSEE = "Der Sprecher sagte gegenüber der Deutschen Presse-Agentur, man prüfe den Fall."
FRAME_AFTER = "„Wir bleiben bei unserem Plan“, sagte Kanzler Olaf Scholz am Montag."
PRONOUN = "Peter Müller traf am Montag Anna Schmidt. Sie sagte, sie sei zufrieden mit dem Ergebnis."
LAUT = "Laut der Polizei seien drei Menschen verletzt worden."


@pytest.mark.parametrize(("text", "fragment", "mention", "expected"), [
    # the rules' choice before the verb: the subject opening the sentence
    (ADDRESSEE, "man prüfe den Fall", "Der Sprecher",
     {"rule": 1, "rule_exact": 1, "before_cue": 1, "right_before_cue": 1, "sentence_start": 1, "subject": 1,
      "after_addressee": 0, "oblique": 0, "verb_after": 1}),
    # the addressee after "gegenüber": oblique, after the addressee word, not the rules' choice
    (ADDRESSEE, "man prüfe den Fall", "der Deutschen Presse-Agentur",
     {"rule": 0, "after_addressee": 1, "after_cue": 1, "sentence_start": 0}),
    # a frame after the quotation: the name right after the verb, with a first name
    (FRAME_AFTER, "Wir bleiben bei unserem Plan", "Kanzler Olaf Scholz",
     {"rule": 1, "rule_exact": 1, "after_cue": 1, "right_after_cue": 1, "first_name": 1, "role": 1,
      "pronoun": 0, "verb_before": 1}),
    # a pronoun as the mention: nominative, opening the sentence
    (PRONOUN, "sie sei zufrieden mit dem Ergebnis", "Sie",
     {"rule": 1, "pronoun": 1, "nominative_pronoun": 1, "sentence_start": 1, "first_name": 0, "capitalised": 0}),
    # a name of the sentence before is a candidate too, marked as such
    (PRONOUN, "sie sei zufrieden mit dem Ergebnis", "Anna Schmidt",
     {"rule": 0, "previous_sentence": 1, "cue_sentence": 0, "first_name": 1}),
    # "laut X": X after the source preposition
    (LAUT, "drei Menschen verletzt worden", "der Polizei",
     {"rule": 1, "after_source_preposition": 1, "after_preposition": 0}),
])
def test_candidate_features(text: str, fragment: str, mention: str, expected: dict[str, float]) -> None:
    found = candidates_of(text, fragment)
    assert mention in found, sorted(found)
    assert {k: found[mention][k] for k in expected} == {k: float(v) for k, v in expected.items()}


@pytest.mark.parametrize(("text", "fragment", "not_a_candidate"), [
    # words of the message are what is said, not who says it
    (ADDRESSEE, "man prüfe den Fall", "den Fall"),
    (FRAME_AFTER, "Wir bleiben bei unserem Plan", "unserem Plan"),
])
def test_the_message_holds_no_candidate(text: str, fragment: str, not_a_candidate: str) -> None:
    assert not_a_candidate not in candidates_of(text, fragment)


@pytest.mark.parametrize(("text", "fragment", "mention", "speaker"), [
    # the addressee after "gegenüber" is never the speaker
    (ADDRESSEE, "man prüfe den Fall", "Der Sprecher", "Sprecher"),
    ("Bundeskanzler Olaf Scholz sagte gegenüber der ARD, er sei zuversichtlich.", "er sei zuversichtlich",
     "Bundeskanzler Olaf Scholz", "Olaf Scholz"),
    # a pronoun stands for the last name that fits it (Anna, not Peter)
    (PRONOUN, "sie sei zufrieden mit dem Ergebnis", "Sie", "Anna Schmidt"),
    ("Anna Schmidt traf am Montag Peter Müller. Er sagte, er sei zufrieden mit dem Ergebnis.",
     "er sei zufrieden mit dem Ergebnis", "Er", "Peter Müller"),
])
def test_speakers_with_the_shipped_ranker(text: str, fragment: str, mention: str, speaker: str | None) -> None:
    q = find(text, quotes_of(text, sections=()), fragment)
    assert (q.speaker_mention, q.speaker) == (mention, speaker)


def test_the_shipped_ranker_prefers_the_speaker_to_the_addressee() -> None:
    ranker = shipped_ranker()
    assert ranker is not None
    found = candidates_of(ADDRESSEE, "man prüfe den Fall")
    score = {m: float(ranker.scores(np.array([[f[k] for k in FEATURES]]))[0]) for m, f in found.items()}
    assert score["Der Sprecher"] > score["der Deutschen Presse-Agentur"]


def _ranker(margin: float, threshold: float) -> Ranker:
    return Ranker(np.zeros(1), np.ones(1), np.zeros(1), 0.0, margin, threshold)


@pytest.mark.parametrize(("scores", "rule_index", "rule_named", "margin", "threshold", "expected"), [
    ([0.0, 2.0], 0, True, 1.0, 0.0, 1),  # beats the rules' choice by more than the margin
    ([0.0, 0.5], 0, True, 1.0, 0.0, None),  # ... by less: the rules' choice stays
    ([0.0, 9.0], 0, True, math.inf, 0.0, None),  # margin inf: a mention the rules named always stays
    ([3.0, 1.0], 0, True, 0.0, 0.0, None),  # the rules' choice is the best
    ([-1.0, 0.5], None, False, math.inf, 0.0, 1),  # the rules named nobody: the best, if above the threshold
    ([-1.0, -0.5], None, False, math.inf, 0.0, None),  # ... not below it
    ([-1.0, 0.5], None, True, math.inf, 0.0, None),  # the rules' mention stands inside the message: kept
    ([1.0, 1.0], None, False, math.inf, 0.0, 0),  # the first of equals
])
def test_choose(scores, rule_index, rule_named, margin, threshold, expected) -> None:
    assert choose(_ranker(margin, threshold), np.array(scores), rule_index, rule_named) == expected


def test_a_thing_the_rules_found_is_no_speaker_is_not_guessed_anew() -> None:
    text = "Ein Streik legte am Montag den Hafen lahm. Der Lohn der Arbeiter liege unter dem Tariflohn."
    with collecting(_ranker(math.inf, -math.inf)):  # a ranker that names someone wherever it may
        q = find(text, quotes_of(text, sections=()), "Der Lohn der Arbeiter")
    assert (q.speaker_mention, q.speaker) == (None, None)


def test_the_shipped_weights_file() -> None:
    path = resources.data_path(*WEIGHTS)
    model = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(model["mean"]) == len(model["scale"]) == len(FEATURES)
    assert "CC BY-NC-SA 4.0" in model["licence"] and "SpkAtt" in model["licence"]
    assert model["margin"] == "Infinity"  # the rules keep every mention they name (quality/fit_speaker_ranker.py)
    assert all(round(w, 6) == w for w in model["weights"])  # written rounded: a retrain gives the same bytes
    cv = model["speaker_accuracy"]["cross_validated"]
    assert cv["grouping"] == "articles" and cv["mean"] > model["speaker_accuracy"]["rules"]
    assert path.read_text(encoding="utf-8") == json.dumps(model, indent=1, ensure_ascii=False) + "\n"
    ranker = ranker_from(model)
    assert ranker.margin == math.inf and ranker.scores(np.zeros((2, len(FEATURES)))).shape == (2,)


def test_a_model_of_other_features_is_refused() -> None:
    from framing.errors import ConfigError

    with pytest.raises(ConfigError, match="fit_speaker_ranker"):
        ranker_from({"features": ["rule"], "mean": [0], "scale": [1], "weights": [1], "intercept": 0,
                     "margin": 0, "threshold": 0})


def test_fitting_is_deterministic_and_keeps_named_mentions() -> None:
    """quality/fit_speaker_ranker.fit on a small synthetic set twice: the same model (what makes the shipped file
    reproducible), margin inf, and a threshold from its grid."""
    pytest.importorskip("sklearn")
    from quality import fit_speaker_ranker as fit

    rng = np.random.default_rng(0)

    class Synthetic:
        ranked, labels, targets = [], [], []

    for i in range(60):
        x = rng.normal(size=(4, len(FEATURES)))
        right = int(np.argmax(x[:, 0]))  # the candidate with the largest first feature is the speaker
        rule = None if i % 3 == 0 else (right if i % 2 else (right + 1) % 4)
        Synthetic.ranked.append((f"doc{i % 12}", i, x, [(k, k + 1) for k in range(4)], rule, rule is not None))
        Synthetic.labels.append(np.eye(4)[right])
        Synthetic.targets.append([{(0, 0)}])
    first = fit.fit(Synthetic, list(range(60)), 1.0)
    assert first == fit.fit(Synthetic, list(range(60)), 1.0)
    assert first["margin"] == "Infinity" and first["threshold"] in [fit._number(t) for t in fit.THRESHOLDS]
    assert first["weights"][0] > 0  # it learnt which feature marks the speaker
