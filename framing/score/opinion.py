"""Opinion per sentence: how much a sentence shows the author's own stance, from observable signals.

Signals (data/lexicon/opinion_markers.tsv and the tone lexicon): evaluative adjectives and adverbs, modal particles
(doch, wohl, ja, eben, halt), deontic modals (muss, müsste, sollte), first person, stance adverbs (leider),
hedges, intensifiers, irony markers (sogenannt, scare quotes), rhetorical questions and exclamations. Cues of
reporting (speech verbs, subjunctive I, "laut", "so der Sprecher") count against. Signals inside `reported` spans
(what others said) are not the author's opinion and are ignored. The weight of each signal type is fitted by
quality/fit_opinion.py and stored in data/lexicon/opinion_weights.json.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from framing.errors import ConfigError
from framing.score.linear import binary_logit, load_model, ngram_names, normalise, text_features
from framing.score.tone import LEXICON_DIR, _read_tsv, after_first_name, load_lexicon, score_tone, word_polarity

WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
# Quotations in one sentence: text inside German, English or French quote marks.
QUOTED = re.compile(r"„[^“”\"„]*[“”\"]|“[^”“]*”|\"[^\"]*\"|»[^«»]*«|«[^«»]*»|‚[^‘’‚]*[‘’]")
# Reported clause after a speech verb: "sagte er, ..." / ", sagte X." / "so der Sprecher" / "laut X"
SPEECH_INTRO = re.compile(
    r"\b(?:sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|forderte|warnte|kritisierte|"
    r"berichtete|teilte \w+ mit|schrieb|schreibt|argumentierte|behauptete|behauptet)\b[^,.:]*[,:]\s*(?:dass\s+)?",
)
ATTRIBUTION_TAIL = re.compile(r",\s*(?:so|sagte|sagt|erklärte|betonte|hieß es|teilte)\b[^,.]*[.!?]?\s*$")
SO_ATTRIBUTION = re.compile(r",\s*so\s+(?:der|die|das|ein|eine)\b")
SCARE_QUOTE = re.compile(r"[„»\"“‚]([^„“”\"»«‚‘’]{1,30})[“”\"«‘’]")
DIGITS = re.compile(r"\d")
STANCE_ADVERB = re.compile(r"\w{3,}(?:erweise|licherweise)$")  # seltsamerweise, bedauerlicherweise

FEATURES = (
    "evaluative", "evaluative noun", "modal particle", "deontic modal", "first person", "stance adverb", "hedge",
    "intensifier", "irony", "rhetorical question", "exclamation", "focus particle", "connective",
    "generic or addressed reader", "loaded word", "negation", "tone strength",
    "speech verb", "subjunctive I", "attribution", "number", "reported share", "length", "time reference",
)
AGAINST = frozenset({"speech verb", "subjunctive I", "attribution", "number", "reported share", "length",
                     "time reference", "tone strength"})


@dataclass(frozen=True)
class OpinionScore:
    """0..1, how much the sentence voices the author's own stance (>= 0.5: opinionated), and the signals found."""

    opinion: float
    signals: tuple[str, ...]


@functools.cache
def _markers() -> dict[str, str]:
    """Single-word markers (exact form or lowercase)."""
    return {row[0]: row[1] for row in _read_tsv(LEXICON_DIR / "opinion_markers.tsv") if " " not in row[0]}


@functools.cache
def _phrases() -> re.Pattern[str] | None:
    """Multi-word markers ("das heißt", "mit anderen worten") as one case-insensitive pattern."""
    phrases = [row[0] for row in _read_tsv(LEXICON_DIR / "opinion_markers.tsv") if " " in row[0]]
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)


@functools.cache
def _phrase_kinds() -> dict[str, str]:
    return {row[0]: row[1] for row in _read_tsv(LEXICON_DIR / "opinion_markers.tsv") if " " in row[0]}


@functools.cache
def _loaded_stems() -> tuple[str, ...]:
    """Loaded nouns that also mark a compound they start or end (Zwangsmaßnahmen, Panik-Propheten)."""
    return tuple(w for w, kind in _markers().items() if kind == "loaded word" and w[0].isupper() and len(w) >= 4)


@functools.cache
def _loaded_compound() -> re.Pattern[str] | None:
    """One pattern for "starts with a loaded stem, ends with it (lowercase) or has it after a hyphen": one search
    instead of three string tests per stem."""
    stems = _loaded_stems()
    if not stems:
        return None
    upper = "|".join(map(re.escape, stems))
    lower = "|".join(re.escape(stem.lower()) for stem in stems)
    return re.compile(rf"\A(?:{upper})|(?:{lower})\Z|-(?:{upper})")


@functools.lru_cache(maxsize=200_000)
def _compound_kind(token: str) -> str | None:
    if not token[0].isupper() or len(token) < 7:
        return None
    pattern = _loaded_compound()
    if pattern is not None and pattern.search(token):
        return "loaded word"
    return None


@functools.cache
def _weights() -> dict[str, float]:
    path = LEXICON_DIR / "opinion_weights.json"
    if not path.is_file():
        raise ConfigError(f"{path} is missing; run `python -m quality.fit_opinion --write`")
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


def approximate_reported(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are most likely others' words: quotations, and clauses introduced by a speech verb.

    A fallback for callers without a quotation detector; short quoted phrases (scare quotes) are left out.
    """
    spans = [(m.start(), m.end()) for m in QUOTED.finditer(text) if len(WORD.findall(m.group())) > 3]
    for m in SPEECH_INTRO.finditer(text):
        end = text.find(".", m.end())
        spans.append((m.end(), len(text) if end < 0 else end))
    tail = ATTRIBUTION_TAIL.search(text)
    if tail and not spans:  # "Die Reform sei gescheitert, sagte er." -> the clause before the attribution
        spans.append((0, tail.start()))
    return sorted(spans)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


# The signal a word gives depends on the word and whether it starts the sentence only, and words repeat across
# sentences: each (word, first) is worked out once (about a sixth of the opinion score's time before this cache).
@functools.lru_cache(maxsize=200_000)
def _word_kind(token: str, first_word: bool) -> str | None:
    """The signal type of one word of a sentence (a FEATURES name), or None."""
    markers = _markers()
    modifiers = load_lexicon().modifiers
    low = token.lower()
    kind = markers.get(token) or markers.get(low)
    if kind == "modal particle" and first_word and low in ("ja", "doch", "eben", "schließlich", "denn"):
        # sentence-initial "Ja," / "Doch" are an answer / a conjunction; "Denn" opens an argument
        kind = "connective" if low == "denn" else None
    elif token in ("Sie", "Ihnen") and first_word:
        kind = None  # "Sie" at the start is as likely "they"
    elif low == "sie" and token != "Sie":
        kind = None
    if kind is None and low in modifiers and modifiers[low][0] == "intensifier":
        kind = "intensifier"
    if kind is None and STANCE_ADVERB.match(low):
        kind = "stance adverb"
    if kind is None:
        kind = _compound_kind(token)
    if kind is None:
        hit = word_polarity(token, first_word)
        if hit is not None and hit[1] != 0.0:
            form = hit[0]
            if form[0].isupper():
                kind = "evaluative noun"
            elif not form.endswith(("en", "ln", "rn")):  # verbs end in -en/-ln/-rn; the rest is adj./adv.
                kind = "evaluative"
    return kind


def signal_counts(text: str, reported: Sequence[tuple[int, int]] = ()) -> tuple[dict[str, float], list[str]]:
    """Feature values (counts per signal type) and readable signals for one sentence."""
    counts = dict.fromkeys(FEATURES, 0.0)
    signals: list[str] = []
    words = list(WORD.finditer(text))
    first_word = True
    for k, m in enumerate(words):
        if reported and _inside(m.start(), reported):
            first_word = False
            continue
        token = m.group()
        kind = _word_kind(token, first_word)
        first_word = False
        if kind is None or kind == "evaluative noun" and k > 0 and after_first_name(words[k - 1].group(), token):
            continue  # "Katharina Dröge": a surname, not the noun
        counts[kind] += 1
        if kind not in AGAINST:
            signals.append(f"{kind}: {token}")
    pattern = _phrases()
    if pattern is not None:
        for m in pattern.finditer(text):
            if not _inside(m.start(), reported):
                kind = _phrase_kinds()[m.group().lower()]
                counts[kind] += 1
                signals.append(f"{kind}: {m.group()}")
    stripped = text.rstrip(" \"“”«»'’)")
    if stripped.endswith("?") and not _inside(len(stripped) - 1, reported):
        counts["rhetorical question"] = 1
        signals.append("rhetorical question")
    if "!" in text and not all(_inside(i, reported) for i, ch in enumerate(text) if ch == "!"):
        counts["exclamation"] = 1
        signals.append("exclamation")
    for m in SCARE_QUOTE.finditer(text):
        if len(WORD.findall(m.group(1))) <= 3 and not _inside(m.start(), reported):
            counts["irony"] += 1
            signals.append(f"irony: scare quotes {m.group()}")
    if SO_ATTRIBUTION.search(text) or ATTRIBUTION_TAIL.search(text):
        counts["attribution"] += 1
    counts["number"] = min(3.0, len(DIGITS.findall(text)) / 2)
    covered = sum(max(0, min(e, len(text)) - max(s, 0)) for s, e in reported)
    counts["reported share"] = min(1.0, covered / max(1, len(text)))
    counts["length"] = math.log1p(len(words))
    counts["tone strength"] = abs(score_tone(text).tone)
    return counts, signals


FEATURE_CAP = 3.0  # a signal counts at most this often: the weights are fitted on capped counts


def feature_values(counts: dict[str, float]) -> list[float]:
    """The capped signal counts in FEATURES order: what the weights are fitted on and applied to."""
    return [min(counts.get(k, 0.0), FEATURE_CAP) for k in FEATURES]


def opinion_probability(counts: dict[str, float]) -> float:
    weights = _weights()
    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in zip(FEATURES, feature_values(counts)))
    return 1.0 / (1.0 + math.exp(-z))


def own_text(text: str, reported: Sequence[tuple[int, int]] = ()) -> str:
    """`text` without the `reported` spans (the author's own words), the pieces joined by a space."""
    pieces, at = [], 0
    for a, b in sorted(reported):
        if a > at:
            pieces.append(text[at:a])
        at = max(at, b)
    pieces.append(text[at:])
    return " ".join(pieces)


def model_features(text: str, reported: Sequence[tuple[int, int]] = (), dense: float = 1.0,
                   counts: dict[str, float] | None = None, kinds: tuple[str, ...] | None = None,
                   chars: tuple[int, int] = (3, 5)) -> dict[str, float]:
    """The text model's features of one sentence: n-grams of the author's own words (framing.score.linear; `kinds`
    as the shipped model was fitted, unless given) and the capped signal counts times `dense` (`s:` + type)."""
    if kinds is None:
        model = load_model("opinion_model")
        chars, kinds = (model.chars, model.prefixes) if model else ((3, 5), ("w", "b"))
    features = normalise(text_features(own_text(text, reported), chars, kinds))
    if counts is None:
        counts, _ = signal_counts(text, reported)
    features.update(_dense(counts, dense))
    return features


def _dense(counts: dict[str, float], dense: float) -> dict[str, float]:
    return {"s:" + name: value * dense for name, value in zip(FEATURES, feature_values(counts)) if value}


def score_opinion(text: str, reported: Sequence[tuple[int, int]] = ()) -> OpinionScore:
    """Opinion of `text` (one sentence) in [0, 1]; `reported`: spans of others' words (quotations, indirect speech).
    With data/lexicon/opinion_model.json (quality/fit_opinion_text.py) the text model decides; without it, the
    fitted weights of the signal types (opinion_weights.json)."""
    counts, signals = signal_counts(text, reported)
    model = load_model("opinion_model")
    if model is None:
        return OpinionScore(round(opinion_probability(counts), 4), tuple(signals))
    names = ngram_names(own_text(text, reported), model.chars, model.prefixes)
    z = binary_logit(model, names, _dense(counts, float(model.meta.get("dense", 1.0))))
    return OpinionScore(round(1.0 / (1.0 + math.exp(-z)), 4), tuple(signals))
