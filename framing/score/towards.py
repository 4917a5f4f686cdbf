"""Tone towards a mention: how a sentence speaks of one thing it names, not how the sentence sounds as a whole.

In: one sentence, the span of a mention in it (a term of terms.csv or an actor) and the mention's voice. Out: a
`TowardsScore` (tone -1..1, label, evidence). Rules first, from the tone lexicon's words (framing.score.tone) and
`data/lexicon/towards.tsv`:

- the mention's own word (`Massenmörder`, `Rufnummernmissbrauch`) is an evaluation of it;
- an evaluative noun that governs the mention through a preposition (`Kritik an der Maskenpflicht`, `Lob für`,
  `Angriff auf`) points at it; when the clause rejects that noun (`... wies er zurück`, `dementierte`), the other way;
- the words of the mention's own clause describe it more than words of other clauses, and nearer words more;
- when the clause says that the mention ends or is removed (`fällt`, `Aus`, `abgeschafft`), the writer's evaluation
  of that event (`endlich!`, `leider`) is the opposite towards the mention;
- negation and intensifiers act in their scope as in the sentence tone.

These give eighteen numbers (`FEATURES`, with the tone of the sentences around), which a multinomial logistic
regression turns into the three label probabilities, each label's log-odds moved by an offset fitted for macro-F1:
the label is the most probable one and tone = P(positive) - P(negative), so a neutral mention has a tone near 0. Weights: `data/lexicon/towards_weights.json`, fitted by `quality/fit_towards.py` on GerNTSA train
(CC BY 4.0), cross-validated over records. Where a noun governs the mention or the mention ends (structures too rare
in GerNTSA to fit), and without the weights file, the rules' sum gives the tone (`rule_tone`, labelled with the
sentence tone's thresholds).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from framing.errors import ConfigError
from framing.score.tone import LEXICON_DIR, _read_tsv, saturate, score_tone, token_hits, tone_label

FEATURES = ("own", "governor", "clause", "near", "other_clauses", "reversed", "sentence_tone", "positive_mass",
            "negative_mass", "negated_mention", "question", "exclamation", "quoted", "initial", "length",
            "context_tone", "context_positive", "context_negative")
LABELS = ("positive", "neutral", "negative")
NEGATORS = frozenset("kein keine keinen keinem keiner keines nicht ohne gegen".split())
DETERMINER_LIKE = frozenset("der die das den dem des ein eine einen einem einer eines sein seine ihre ihr ihren "
                            "seinen seiner ihrer diese dieser diesen dieses jene jener alle".split())
REACH = 3.0  # tokens: how fast the weight of a word falls with its distance from the mention (exp(-d / REACH))
STANCE = 0.5  # the value of a stance word the tone lexicon lacks (endlich +0.5, dummerweise -0.5)


@dataclass(frozen=True)
class TowardsScore:
    tone: float
    label: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class _Words:
    kinds: dict[str, tuple[str, str | None]]  # form -> (kind, particle)


@functools.cache
def _words() -> _Words:
    kinds: dict[str, tuple[str, str | None]] = {}
    for row in _read_tsv(LEXICON_DIR / "towards.tsv"):
        if len(row) < 2:
            raise ConfigError(f"towards.tsv: bad row {row!r}; expected form<TAB>kind[<TAB>particle<TAB>note]")
        kinds[row[0]] = (row[1], (row[2].strip() or None) if len(row) > 2 else None)
    return _Words(kinds)


def _kind(token: str, clause_words: set[str]) -> str | None:
    kinds = _words().kinds
    entry = kinds.get(token) if token[:1].isupper() and token in kinds else kinds.get(token.lower())
    if entry is None or (token.lower() in ("aus", "ende") and not token[:1].isupper()):
        return None
    kind, particle = entry
    if particle and particle not in clause_words:
        return None
    return kind


@functools.cache
def _model() -> dict | None:
    path = LEXICON_DIR / "towards_weights.json"
    if not path.is_file():
        return None
    model = json.loads(path.read_text(encoding="utf-8"))
    if tuple(model.get("features", ())) != FEATURES:
        raise ConfigError(f"{path} was fitted on other features; run `python -m quality.fit_towards --write`")
    return model


def _context_values(context: str | Sequence[str]) -> list[float]:
    """The contributions of the sentiment words of `context` (the sentences around a mention, as one text or as
    the texts that a space joins into it), in order."""
    if isinstance(context, str):
        return [value for _, _, value in token_hits(context).hits.values()]
    parts = [token_hits(part) for part in context]
    if all(part.clauses and part.clauses[-1] < 0 for part in parts[:-1]):
        # Each text but the last ends on a clause boundary (its full stop), so no negator, intensifier or hedge
        # reaches across and the next one starts a sentence: the joined text's hits are theirs, in order, and each
        # text's hits were found already for its own tone.
        return [value for part in parts for _, _, value in part.hits.values()]
    return [value for _, _, value in token_hits(" ".join(context)).hits.values()]


def towards_features(sentence: str, start: int, end: int, voice: str = "journalist",
                     context: str | Sequence[str] = "") -> tuple[dict[str, float], list[str]]:
    """The feature values and the readable evidence for the mention at [start, end) of `sentence` (offsets
    relative to the sentence); `context`: the sentences around it (the one before and the one after), as one text
    or as a sequence of texts a space joins."""
    th = token_hits(sentence)
    n = len(th.tokens)
    f = dict.fromkeys(FEATURES, 0.0)
    if context if isinstance(context, str) else any(context):
        around = _context_values(context)
        f["context_tone"] = float(saturate(sum(around)))
        f["context_positive"] = sum(v for v in around if v > 0)
        f["context_negative"] = -sum(v for v in around if v < 0)
    f["sentence_tone"] = score_tone(sentence).tone
    f["question"] = float("?" in sentence)
    f["exclamation"] = float("!" in sentence)
    f["quoted"] = float(voice == "quoted")
    f["length"] = math.log1p(n)
    if n == 0:
        return f, []
    mention = [i for i, (a, b) in enumerate(th.spans) if a < end and b > start]
    if not mention:
        mention = [min(range(n), key=lambda i: abs(th.spans[i][0] - start))]
    first, last = mention[0], mention[-1]
    clause = th.clauses[first]
    mention = list(mention)
    in_clause = {i for i in range(n) if th.clauses[i] == clause and clause >= 0}
    clause_words = {th.tokens[i].lower() for i in in_clause}
    values: dict[int, tuple[str, float]] = {i: (label, value) for i, (label, _, value) in th.hits.items()}
    kinds = {i: _kind(th.tokens[i], clause_words) for i in range(n)}
    for i, kind in kinds.items():  # stance words the tone lexicon lacks
        if kind in ("stance+", "stance-") and i not in values:
            values[i] = (f"{th.tokens[i]} {'+' if kind == 'stance+' else '-'}{STANCE:.1f} stance",
                         STANCE if kind == "stance+" else -STANCE)
    evidence: list[str] = []
    j = first - 1  # adjectives of the mention's own noun phrase describe it: "die umstrittene Maskenpflicht"
    while j >= 0 and th.tokens[j].islower() and th.tokens[j] not in DETERMINER_LIKE and th.clauses[j] == clause:
        mention.insert(0, j)
        j -= 1
    for i in mention:
        if i in values:
            f["own"] += values[i][1]
            evidence.append(f"{values[i][0]} (the mention itself)" if i >= first else f"{values[i][0]} describes it")
    used: set[int] = set(mention)
    governor = _governor(th.tokens, first, values)
    rejected = [i for i in in_clause if kinds[i] == "rejection"]
    if governor is not None:
        value = values[governor][1]
        used.add(governor)
        if rejected:
            value = -value
            used.update(rejected)
        f["governor"] = value
        evidence.append(f"{values[governor][0]} governs the mention" + (f", rejected ({th.tokens[rejected[0]]})"
                                                                         if rejected else ""))
    reversal = [i for i in in_clause if kinds[i] == "reversal" and i not in mention]
    for i, (label, value) in sorted(values.items()):
        if i in used:
            continue
        distance = min(abs(i - first), abs(i - last))
        if reversal and kinds[i] != "reversal":
            f["reversed"] -= value
            evidence.append(f"{label} reversed: the mention ends ({th.tokens[reversal[0]]})")
            continue
        if th.clauses[i] == clause:
            f["clause"] += value
            evidence.append(f"{label} in its clause")
        else:
            f["other_clauses"] += value
        f["near"] += value * math.exp(-distance / REACH)
        f["positive_mass" if value > 0 else "negative_mass"] += abs(value)
    before = [th.tokens[j].lower() for j in range(max(0, first - 2), first)]
    f["negated_mention"] = float(any(w in NEGATORS for w in before))
    f["initial"] = float(first <= 2)
    return f, evidence


def _governor(tokens: tuple[str, ...], first: int, values: dict[int, tuple[str, float]]) -> int | None:
    """The evaluative noun that governs the mention through a preposition: `Kritik an [der neuen] Maskenpflicht`."""
    j = first - 1
    while j >= 0 and first - j <= 3 and (tokens[j].lower() in DETERMINER_LIKE or tokens[j].islower()
                                         and _words().kinds.get(tokens[j].lower(), ("",))[0] != "governs"):
        j -= 1
    if j < 1 or _words().kinds.get(tokens[j].lower(), ("",))[0] != "governs":
        return None
    noun = j - 1
    if noun in values and tokens[noun][:1].isupper():
        return noun
    return None


def decided_by_rules(features: dict[str, float]) -> bool:
    """Whether the rules decide: a noun governs the mention or the mention ends. GerNTSA holds too few of these
    structures to fit a weight for them (the fitted ones come out near zero or backwards), so their sum decides."""
    return features["governor"] != 0.0 or features["reversed"] != 0.0


def rule_tone(features: dict[str, float]) -> float:
    """The rules' own tone towards the mention (used when no fitted weights are shipped)."""
    total = (features["own"] + features["governor"] + features["clause"] + features["reversed"]
             + 0.5 * features["other_clauses"])
    return float(saturate(total))


def score_towards(sentence: str, start: int, end: int, voice: str = "journalist",
                  context: str | Sequence[str] = "") -> TowardsScore:
    """Tone towards the mention at [start, end) of `sentence`, its label and the words that drove it."""
    features, evidence = towards_features(sentence, start, end, voice, context)
    model = _model()
    if model is None or decided_by_rules(features):
        tone = round(rule_tone(features), 4)
        return TowardsScore(tone, tone_label(tone), tuple(evidence))
    probs, label = predict(model, features)
    tone = round(probs[0] - probs[2], 4)
    return TowardsScore(tone, label, tuple(evidence))


def predict(model: dict, features: dict[str, float]) -> tuple[list[float], str]:
    """Label probabilities (LABELS order) of a fitted model for one mention's features, with the per-label offsets
    the model was fitted with (so the most probable label is the label), and that label."""
    x = [(features[k] - m) / s for k, m, s in zip(FEATURES, model["mean"], model["scale"])]
    offsets = model.get("offsets", [0.0, 0.0, 0.0])
    logits = [b + o + sum(w * v for w, v in zip(row, x))
              for row, b, o in zip(model["weights"], model["intercept"], offsets)]
    top = max(logits)
    exp = [math.exp(z - top) for z in logits]
    total = sum(exp)
    probs = [e / total for e in exp]
    return probs, LABELS[max(range(3), key=lambda k: probs[k])]
