"""Linear text models (framing.score.linear) and the opinion text model that uses one."""

from __future__ import annotations

import json
import math

import pytest

from framing.errors import ConfigError
from framing.score import linear, opinion
from framing.score.linear import binary_logit, load_model, logits, ngram_names, normalise, text_features


@pytest.mark.parametrize(
    ("text", "kinds", "expected"),
    [
        ("Gut!", ("w",), {"w:gut": 1.0, "w:!": 1.0}),
        ("gut gut", ("w", "b"), {"w:gut": 2.0, "b:gut gut": 1.0}),
        ("Ja", ("c",), {}),  # words of two letters have no character n-grams
        ("Maske", ("c",), {"c:_mas": 1.0, "c:mask": 1.0, "c:aske": 1.0, "c:ske_": 1.0}),
        ("", ("w", "b", "c"), {}),
    ],
)
def test_text_features(text: str, kinds: tuple[str, ...], expected: dict[str, float]) -> None:
    assert text_features(text, (4, 4), kinds) == expected


def test_window_features_carry_their_tag() -> None:
    assert set(text_features("gut", (4, 4), ("w",), tag="x")) == {"xw:gut"}


def test_normalise_is_sublinear_and_unit_length() -> None:
    out = normalise({"a": 1.0, "b": math.e})
    assert out["b"] == pytest.approx(2 * out["a"])
    assert sum(v * v for v in out.values()) == pytest.approx(1.0)
    assert normalise({}) == {}


def test_the_fused_logit_equals_the_dict_path() -> None:
    model = load_model("opinion_model")
    assert model is not None, "data/lexicon/opinion_model.json ships with the project"
    for text in ("Das ist doch absurd!", "Der Bundestag hat am Freitag das Gesetz beschlossen.", ""):
        names = ngram_names(text, model.chars, model.prefixes)
        dense = {"s:exclamation": 1.0}
        features = normalise(text_features(text, model.chars, model.prefixes)) | dense
        assert binary_logit(model, names, dense) == pytest.approx(logits(model, features)[0])


@pytest.mark.parametrize(
    ("text", "reported", "own"),
    [
        ("„Das ist gut“, sagte er.", [(0, 14)], " sagte er."),
        ("Alles eigene Worte.", [], "Alles eigene Worte."),
        ("abc", [(0, 3)], ""),
        ("abcdef", [(1, 3), (2, 4)], "a ef"),  # overlapping spans are cut once
    ],
)
def test_own_text_cuts_the_reported_spans(text: str, reported: list[tuple[int, int]], own: str) -> None:
    assert opinion.own_text(text, reported) == own


def test_the_opinion_model_file_says_its_licence() -> None:
    model = load_model("opinion_model")
    assert "CC BY-NC-SA" in str(model.meta["licence"])
    assert model.labels == ("SUBJ",)


def test_without_the_model_file_the_signal_weights_decide(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(linear, "model_path", lambda name: tmp_path / f"{name}.json")
    load_model.cache_clear()
    try:
        sentence = "Das ist doch eine absurde Politik!"
        counts, _ = opinion.signal_counts(sentence)
        assert opinion.score_opinion(sentence).opinion == round(opinion.opinion_probability(counts), 4)
    finally:
        load_model.cache_clear()


def test_a_broken_model_file_is_a_config_error(monkeypatch, tmp_path) -> None:
    (tmp_path / "broken.json").write_text(json.dumps({"labels": ["a", "b"], "bias": [0.0], "weights": {}}))
    monkeypatch.setattr(linear, "model_path", lambda name: tmp_path / f"{name}.json")
    load_model.cache_clear()
    try:
        with pytest.raises(ConfigError):
            load_model("broken")
    finally:
        load_model.cache_clear()


@pytest.mark.parametrize(("text", "chars", "expected"), [
    ("Gute Idee", (3, 4), ["c:_gu", "c:gut", "c:ute", "c:te_", "c:_gut", "c:gute", "c:ute_",
                           "c:_id", "c:ide", "c:dee", "c:ee_", "c:_ide", "c:idee", "c:dee_"]),
    ("ab zu", (3, 4), []),  # words of two letters have no character n-grams
    ("Idee", [4, 4], ["c:_ide", "c:idee", "c:dee_"]),  # a list as chars works too (the cache takes a tuple)
])
def test_char_ngrams(text, chars, expected):
    assert ngram_names(text, chars, ("c",)) == expected
