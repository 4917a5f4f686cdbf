"""Linear text models: word and character n-gram features, weights from a JSON file, applied by pure functions.

A model file (data/lexicon/*_model.json) holds `labels`, one `bias` per label, `weights` (feature name -> one weight
per label) and how its features were made (`ngrams`). The features of a text are named strings: `w:` a lowercased
word, `b:` two adjacent words, `c:` a character n-gram of a word padded with `_` (the word's start and end count),
and the dense numbers the caller adds by name (lexicon scores, signal counts). Features the file lacks weigh 0.
Fitted by the scripts in quality/ (scikit-learn there, never here); applying one is a few hundred dict look-ups.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from framing import resources
from framing.errors import ConfigError

WORD = re.compile(r"\w+(?:[-']\w+)*|[!?]", re.UNICODE)


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    chars: tuple[int, int]  # smallest and largest character n-gram
    prefixes: tuple[str, ...]  # the feature kinds the model was fitted on ("w", "b", "c")
    meta: Mapping[str, object]
    first: Mapping[str, float]  # feature -> weight of the first label (what `binary_logit` reads)


def ngram_names(text: str, chars: tuple[int, int] = (3, 5), kinds: Iterable[str] = ("w", "b", "c"),
                tag: str = "") -> list[str]:
    """The n-gram feature names of `text`, one per occurrence; `tag` prefixes every name (a window's features)."""
    kinds = set(kinds)
    words = [w.lower() for w in WORD.findall(text)]
    names: list[str] = []
    if "w" in kinds:
        names.extend(f"{tag}w:{w}" for w in words)
    if "b" in kinds:
        names.extend(f"{tag}b:{a} {b}" for a, b in zip(words, words[1:]))
    if "c" in kinds:
        prefix = f"{tag}c:"
        for word in words:
            if len(word) > 2:
                names.extend(_char_names(word, tuple(chars), prefix))
    return names


# Words repeat from sentence to sentence; their character n-grams are the bulk of a sentence's features.
@functools.lru_cache(maxsize=100_000)
def _char_names(word: str, chars: tuple[int, int], prefix: str) -> tuple[str, ...]:
    """The `c:` feature names of one word (padded with `_`), shortest n first, in order of position."""
    padded = f"_{word}_"
    return tuple(prefix + padded[k:k + n] for n in range(chars[0], chars[1] + 1) for k in range(len(padded) - n + 1))


def text_features(text: str, chars: tuple[int, int] = (3, 5), kinds: Iterable[str] = ("w", "b", "c"),
                  tag: str = "") -> dict[str, float]:
    """Feature name -> count for `text` (see `ngram_names`)."""
    return {k: float(v) for k, v in Counter(ngram_names(text, chars, kinds, tag)).items()}


def normalise(features: Mapping[str, float]) -> dict[str, float]:
    """Sublinear counts (1 + log count), scaled to unit length: long and short sentences weigh alike."""
    scaled = {k: 1.0 + math.log(v) if v > 1 else 1.0 for k, v in features.items()}
    norm = math.sqrt(sum(v * v for v in scaled.values())) or 1.0
    return {k: v / norm for k, v in scaled.items()}


def binary_logit(model: LinearModel, names: list[str], dense: Mapping[str, float]) -> float:
    """The logit of a one-label model for n-gram `names` (normalised as `normalise` does) plus `dense` features
    (taken as they are): the same number as logits(model, normalise(counts) | dense)[0], in one pass."""
    counts = Counter(names)
    values = [1.0 + math.log(c) if c > 1 else 1.0 for c in counts.values()]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    weights = model.first
    # the same products summed in the same order as a generator would, without a Python frame per n-gram
    z = sum(map(operator.mul, map(weights.get, counts, itertools.repeat(0.0)), values)) / norm
    return model.bias[0] + z + sum(weights.get(k, 0.0) * v for k, v in dense.items())


def model_path(name: str):
    """data/lexicon/NAME.json: where a model file ships (its fitting script writes it there)."""
    return resources.data_path("lexicon") / f"{name}.json"


@functools.cache
def load_model(name: str) -> LinearModel | None:
    """The model of data/lexicon/NAME.json, or None when it is not shipped; loaded once."""
    path = model_path(name)
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    try:
        labels = tuple(raw["labels"])
        weights = {k: tuple(v) for k, v in raw["weights"].items()}
        model = LinearModel(labels, tuple(raw["bias"]), weights, tuple(raw.get("chars", (3, 5))),
                            tuple(raw.get("kinds", ("w", "b", "c"))), {k: raw[k] for k in raw if k != "weights"},
                            {k: v[0] for k, v in weights.items()})
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"{path} is not a linear model file ({exc}); refit it with its script in quality/") from exc
    if any(len(w) != len(labels) for w in weights.values()) or len(model.bias) != len(labels):
        raise ConfigError(f"{path}: every weight needs one value per label {labels}")
    return model


def logits(model: LinearModel, features: Mapping[str, float]) -> list[float]:
    """bias + sum of weight x value per label."""
    out = list(model.bias)
    weights = model.weights
    for name, value in features.items():
        w = weights.get(name)
        if w is not None:
            for k, wk in enumerate(w):
                out[k] += wk * value
    return out


def probabilities(z: list[float]) -> list[float]:
    """Softmax of the logits (a single logit: the logistic of it, as P(label 0))."""
    if len(z) == 1:
        return [1.0 / (1.0 + math.exp(-z[0]))]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]
