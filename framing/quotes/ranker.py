"""Where the rules stop: a learned ranker that picks a quotation's speaker mention among the candidates around it.

In: one article's scan after the rules have attributed its quotes (framing.quotes.attribute). Out: the quotes with
the speaker mention the ranker prefers, re-resolved in the article. The candidates of a quote are the noun phrases
outside its message in the sentence of its cue, the sentences its message spans and the sentence before, plus the
rules' own choice and the speaker mentions of the cues there (also inside the message); each gets a few dozen numbers (`FEATURES`: distance
and side of the cue, sentence, pronoun / name / role noun, case hints, whether the rules chose it or the quote
before had it). A logistic regression over them (`data/speech/speaker_ranker.json`, fitted by
`quality/fit_speaker_ranker.py` on SpkAtt train, CC BY-NC-SA 4.0) scores each candidate; the rules' choice is
replaced only when another candidate scores `margin` higher (or, where the rules named nobody, above `threshold`).
Applying it is numpy arithmetic; scikit-learn is only used to fit it.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from framing import resources
from framing.actors.gazetteer import fold
from framing.actors.names import is_first_name, is_person_noun, never_a_name
from framing.errors import ConfigError
from framing.quotes.cues import Mention
from framing.quotes.lexicon import (
    DETERMINERS,
    DOCUMENT_ENDINGS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
)
from framing.quotes.phrases import is_oblique, np_after, sentence_subject
from framing.quotes.tokens import (
    Tok,
    head_noun,
    is_attribution_noun,
    is_institution,
    is_role,
)

if TYPE_CHECKING:
    from framing.quotes.attribute import Quote, _Scan

WEIGHTS = ("speech", "speaker_ranker.json")
RANKED_MODES = ("direct", "partial", "indirect")  # terms are nobody's, interview answers the interviewee's
NOMINATIVE = frozenset({"er", "sie", "ich", "wir"})  # a pronoun that is (or may be) a subject
SOURCE_PREPOSITIONS = frozenset({"laut", "gemäß", "lt."})  # "laut X": X is the source
ADDRESSEE_WORDS = frozenset({"gegenüber"})  # "sagte gegenüber der BBC": the addressee, never the speaker
DISTANCE_CAP = 30  # token and character distances are capped (tokens: 30, characters: 30 * 10)
FEATURES = (
    "rule", "rule_exact", "rule_none_x_cand", "cue_mention", "cue_sentence", "message_sentence",
    "previous_sentence", "after_cue", "before_cue", "token_distance", "right_after_cue", "right_before_cue",
    "char_distance", "before_message", "pronoun", "nominative_pronoun", "relative", "first_name", "capitalised",
    "gazetteer", "role", "institution", "person_noun", "source_noun", "anonymous", "oblique", "after_source_preposition",
    "after_addressee", "after_preposition", "before_zufolge", "sentence_start", "subject", "previous_speaker",
    "tokens", "quoted", "non_name", "determiner", "direct_x_rule", "partial_x_rule", "indirect_x_rule", "no_cue",
    "no_cue_x_previous_sentence", "after_comma", "verb_after", "verb_before", "colon_after", "sentence_has_cue",
    "document", "rule_elsewhere_x_message_sentence", "rule_in_message", "same_sentence_as_rule",
    "rule_x_unresolved", "rule_x_person", "rule_x_institution", "rule_x_anonymous", "rule_unresolved",
)


@dataclass(frozen=True)
class Candidate:
    """A possible speaker mention of a quote: its sentence, its token span there, its characters and features."""

    sentence: int
    span: tuple[int, int]
    start: int
    end: int
    features: tuple[float, ...]


@dataclass(frozen=True)
class Ranker:
    """The shipped model: standardisation, one weight per feature, intercept, and the two decision margins."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float
    margin: float  # another candidate replaces the rules' choice when it scores this much higher (logit)
    threshold: float  # where the rules named nobody, the best candidate is taken when its logit is above this

    def scores(self, rows: np.ndarray) -> np.ndarray:
        return ((rows - self.mean) / self.scale) @ self.weights + self.intercept


def ranker_from(model: dict) -> Ranker:
    """The Ranker of a model dictionary (what speaker_ranker.json holds); ConfigError for other features."""
    if tuple(model.get("features", ())) != FEATURES:
        raise ConfigError("data/speech/speaker_ranker.json was fitted on other features; run "
                          "`python -m quality.fit_speaker_ranker --write`")
    return Ranker(np.array(model["mean"], dtype=float), np.array(model["scale"], dtype=float),
                  np.array(model["weights"], dtype=float), float(model["intercept"]), float(model["margin"]),
                  float(model["threshold"]))


@functools.cache
def shipped_ranker() -> Ranker | None:
    """The ranker of data/speech/speaker_ranker.json, loaded once; None when the file is absent."""
    path = resources.data_path(*WEIGHTS)
    if not path.is_file():
        return None
    return ranker_from(json.loads(path.read_text(encoding="utf-8")))


# What the fitting script sets: a list that collects (quote, candidates, rule index) per ranked quote, and the
# ranker to use instead of the shipped one (None: the rules alone).
_COLLECT: contextvars.ContextVar[list | None] = contextvars.ContextVar("speaker_candidates", default=None)
_OVERRIDE: contextvars.ContextVar[tuple[Ranker | None] | None] = contextvars.ContextVar("speaker_ranker", default=None)


@contextlib.contextmanager
def collecting(ranker: Ranker | None = None) -> Iterator[list]:
    """Within the block, find_quotes records every ranked quote's candidates in the yielded list and ranks with
    `ranker` (None: keeps the rules' choice), not the shipped file: what quality/fit_speaker_ranker.py needs."""
    found: list = []
    t1, t2 = _COLLECT.set(found), _OVERRIDE.set((ranker,))
    try:
        yield found
    finally:
        _COLLECT.reset(t1)
        _OVERRIDE.reset(t2)


# ---------------------------------------------------------------------------------------------- candidates
def _sentence_nps(scan: _Scan, si: int) -> list[tuple[int, int]]:
    """Noun phrases of sentence si that could name a speaker (np_after from every word that may open one)."""
    cache = scan.__dict__.setdefault("_speaker_nps", {})
    if si in cache:
        return cache[si]
    toks, lex = scan.toks[si], scan.lex
    spans: list[tuple[int, int]] = []
    for i, t in enumerate(toks):
        if t.quoted and t.text not in "„“»«\"":
            continue
        if not (t.capword or t.lower in DETERMINERS or t.lower in POSSESSIVES or t.lower in PRONOUNS):
            continue
        if t.lower == "man" or t.lower in PRONOUNS and t.lower in ("es", "sich"):
            continue
        sp = np_after(toks, i, lex)
        if sp is not None and sp[0] == i and sp not in spans:
            spans.append(sp)
    cache[si] = spans
    return spans


def _token_at(toks: list[Tok], pos: int) -> int | None:
    return next((k for k, t in enumerate(toks) if t.start <= pos < t.end), None)


def _span_of(toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    ks = [k for k, t in enumerate(toks) if t.start < end and start < t.end]
    return (ks[0], ks[-1] + 1) if ks else None


def candidates(scan: _Scan, q: Quote, previous: Quote | None) -> tuple[list[Candidate], int | None]:
    """The candidates of quote q (the quote before it: `previous`) and the index of the rules' choice among them."""
    ms = scan.sentence_of(q.start)
    me = scan.sentence_of(max(q.start, q.end - 1))
    cue_si = scan.sentence_of(q.cue_start) if q.cue_start is not None else None
    sents = sorted({*range(ms, me + 1), *((cue_si,) if cue_si is not None else ()), *((ms - 1,) if ms > 0 else ())})
    rule_si = scan.sentence_of(q.speaker_start) if q.speaker_start is not None else None
    found: list[tuple[int, tuple[int, int]]] = []
    if rule_si is not None:
        sp = _span_of(scan.toks[rule_si], q.speaker_start, q.speaker_end)
        if sp is not None:
            found.append((rule_si, sp))
    named = len(found)  # the rules' mention and the cues' mentions may stand inside the message ("Demnach")
    for si in sents:
        if scan.sections.excluded(*scan.sents[si]):
            continue
        for sp in _sentence_nps(scan, si):
            found.append((si, sp))
        for c in scan.cues[si] if si < len(scan.cues) else ():
            if c.speaker_toks is not None and c.speaker_toks[1] > c.speaker_toks[0]:
                found.insert(named, (si, c.speaker_toks))
                named += 1
    cue_mentions = {(si, c.speaker_toks) for si in sents for c in (scan.cues[si] if si < len(scan.cues) else ())}
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    rule_index = None
    for n, (si, (a, b)) in enumerate(found):
        toks = scan.toks[si]
        start, end = toks[a].start, toks[b - 1].end
        if (start, end) in seen or n >= named and q.start <= start and end <= q.end:
            continue  # a phrase inside the message is what is said, not who says it
        seen.add((start, end))
        rule = q.speaker_start is not None and start < q.speaker_end and q.speaker_start < end
        exact = rule and (start, end) == (q.speaker_start, q.speaker_end)
        if exact:
            rule_index = len(out)
        f = _features(scan, q, previous, si, (a, b), toks, ms, cue_si, rule, exact, (si, (a, b)) in cue_mentions)
        out.append(Candidate(si, (a, b), start, end, f))
    return out, rule_index


def _features(scan: _Scan, q: Quote, previous: Quote | None, si: int, span: tuple[int, int], toks: list[Tok],
              ms: int, cue_si: int | None, rule: bool, exact: bool, cue_mention: bool) -> tuple[float, ...]:
    """The FEATURES of the candidate toks[span] (sentence si) of quote q."""
    lex = scan.lex
    a, b = span
    words = toks[a:b]
    f = dict.fromkeys(FEATURES, 0.0)
    start, end = toks[a].start, toks[b - 1].end
    f["rule"], f["rule_exact"] = float(rule), float(exact)
    f["rule_none_x_cand"] = float(q.speaker_start is None)
    f["cue_mention"] = float(cue_mention)
    mode = f"{q.mode}_x_rule"
    if mode in f:
        f[mode] = float(rule)
    f["no_cue"] = float(cue_si is None)
    f["message_sentence"] = float(scan.sentence_of(q.start) <= si <= scan.sentence_of(max(q.start, q.end - 1)))
    f["previous_sentence"] = float(si == ms - 1)
    f["no_cue_x_previous_sentence"] = f["no_cue"] * f["previous_sentence"]
    if cue_si is not None and si == cue_si:
        f["cue_sentence"] = 1.0
        ct = _token_at(toks, q.cue_start)
        if ct is not None:
            ce = _token_at(toks, q.cue_end - 1) if q.cue_end else ct
            ce = ct if ce is None else ce
            f["after_cue"] = float(a > ct)
            f["before_cue"] = float(b <= ct)
            gap = a - ce - 1 if a > ct else ct - b if b <= ct else 0
            f["token_distance"] = min(max(gap, 0), DISTANCE_CAP) / 10
            f["right_after_cue"] = float(a > ct and gap <= 1)
            f["right_before_cue"] = float(b <= ct and gap <= 1)
    f["char_distance"] = min(max(q.start - end, start - q.end, 0), DISTANCE_CAP * 10) / 100
    f["before_message"] = float(end <= q.start)
    one = words[0].lower if len(words) == 1 else ""
    f["pronoun"] = float(one in PRONOUNS)
    f["nominative_pronoun"] = float(one in NOMINATIVE)
    f["relative"] = float(one in RELATIVES)
    # capitalised words that are no function word ("Sie", "Der" open sentences; faker lists "Sie" as a name)
    content = [w for w in words if w.capword and w.lower not in PRONOUNS and w.lower not in DETERMINERS
               and w.lower not in POSSESSIVES]
    f["first_name"] = float(any(is_first_name(w.text) for w in content))
    f["capitalised"] = float(bool(content))
    gaz = scan.art.gaz
    f["gazetteer"] = float(any(fold(scan.text[words[k].start:words[j - 1].end]) in gaz.by_alias
                               for k in range(len(words)) for j in range(k + 1, min(len(words), k + 4) + 1)))
    head = head_noun(toks, span) or ""
    if head:
        f["role"] = float(is_role(head, lex))
        f["institution"] = float(is_institution(head, lex))
        f["person_noun"] = float(is_person_noun(head))
        f["source_noun"] = float(is_attribution_noun(head, lex) or head in lex.documents)
        f["anonymous"] = float(head in lex.anonymous)
    f["oblique"] = float(is_oblique(toks, span))
    before = toks[a - 1].lower if a > 0 else ""
    f["after_source_preposition"] = float(before in SOURCE_PREPOSITIONS)
    f["after_addressee"] = float(before in ADDRESSEE_WORDS or a > 1 and toks[a - 2].lower in ADDRESSEE_WORDS)
    f["after_preposition"] = float(before in PREPOSITIONS and before not in SOURCE_PREPOSITIONS)
    f["after_comma"] = float(before == ",")
    f["before_zufolge"] = float(b < len(toks) and toks[b].lower == "zufolge")
    f["sentence_start"] = float(a == 0)
    subject = sentence_subject(toks, len(toks), lex)
    f["subject"] = float(subject is not None and subject[0] < b and a < subject[1])
    if previous is not None and previous.speaker_mention:
        last = previous.speaker_mention.split()[-1].lower()
        f["previous_speaker"] = float(any(w.lower == last for w in words) or (
            previous.speaker_start is not None and start < previous.speaker_end and previous.speaker_start < end))
    f["tokens"] = min(b - a, 10) / 5
    f["quoted"] = float(any(w.quoted for w in words))
    caps = [w for w in words if w.capword]
    f["non_name"] = float(bool(caps) and all(never_a_name(w.text) for w in caps))
    f["determiner"] = float(words[0].lower in DETERMINERS)
    # "X erklärte", "sagte X", "X wörtlich: „…“": a speech verb or a colon right beside the phrase
    f["verb_after"] = float(any(t.lower in lex.verbs and not t.quoted for t in toks[b:b + 2]))
    f["verb_before"] = float(any(t.lower in lex.verbs and not t.quoted for t in toks[max(0, a - 2):a]))
    f["colon_after"] = float(any(t.text == ":" for t in toks[b:b + 2]))
    f["sentence_has_cue"] = float(bool(scan.cues[si]) if si < len(scan.cues) else False)
    f["document"] = float(bool(head) and (head in lex.documents or head.lower().endswith(DOCUMENT_ENDINGS)))
    rule_si = scan.sentence_of(q.speaker_start) if q.speaker_start is not None else None
    f["rule_elsewhere_x_message_sentence"] = f["message_sentence"] * float(
        rule_si is not None and rule_si != ms and rule_si != cue_si)
    f["rule_in_message"] = float(rule) * float(q.speaker_start is not None and q.start <= q.speaker_start < q.end)
    f["same_sentence_as_rule"] = float(rule_si == si and not rule)
    # the rules' mention resolved to nobody ("Beide Verträge", "Die Konflikte"): a thing, rarely the speaker
    unresolved = q.speaker_start is not None and q.speaker is None and q.speaker_kind != "anonymous"
    f["rule_unresolved"] = float(unresolved)
    f["rule_x_unresolved"] = float(rule and unresolved)
    for kind in ("person", "institution", "anonymous"):
        f[f"rule_x_{kind}"] = float(rule and q.speaker_kind == kind)
    return tuple(f.values())


# ---------------------------------------------------------------------------------------------- ranking
def rank_speakers(scan: _Scan) -> None:
    """Re-pick the speaker mention of every quote the rules attributed in `scan.items` (in place), with the
    shipped ranker (or the fitting script's); the features read the rules' choices only, so the order of the
    quotes does not change what the ranker sees."""
    collect = _COLLECT.get()
    override = _OVERRIDE.get()
    ranker = override[0] if override is not None else shipped_ranker()
    if ranker is None and collect is None:
        return
    items = sorted(range(len(scan.items)), key=lambda k: (scan.items[k][0], scan.items[k][1].end))
    # no margin lets the ranker overrule a mention the rules named: such a quote needs no candidates
    rules_kept = collect is None and ranker is not None and ranker.margin == float("inf")
    previous = None
    choices: list[tuple[int, Candidate]] = []
    for k in items:
        q = scan.items[k][1]
        if q.mode not in RANKED_MODES or q.speaker_kind == "reader" or (q.start, q.end) in scan.refused:
            continue  # (a subject the rules found to be a thing, "ein Streik", is no speaker: not guessed anew)
        if rules_kept and q.speaker_start is not None:
            previous = q if q.speaker_mention else previous
            continue
        cands, rule_index = candidates(scan, q, previous)
        previous = q if q.speaker_mention else previous
        if collect is not None:
            collect.append((q, cands, rule_index))
        if ranker is None or not cands:
            continue
        best = choose(ranker, ranker.scores(np.array([c.features for c in cands])), rule_index,
                      q.speaker_start is not None)
        if best is not None:
            choices.append((k, cands[best]))
    for k, cand in choices:  # resolved after all were chosen, in article order
        pos, q = scan.items[k]
        scan.items[k] = (pos, _with_mention(scan, q, cand))


def choose(ranker: Ranker, scores: np.ndarray, rule_index: int | None, rule_named: bool) -> int | None:
    """The candidate that replaces the rules' choice (index into `scores`), or None to keep it: the best one,
    when it beats the rules' candidate by the margin, or, where the rules named no mention, scores above the
    threshold."""
    best = int(np.argmax(scores))  # the first of equals: candidates are in a fixed order
    if best == rule_index:
        return None
    if rule_index is None:
        return best if not rule_named and scores[best] > ranker.threshold else None
    return best if scores[best] - scores[rule_index] > ranker.margin else None


def _with_mention(scan: _Scan, q: Quote, cand: Candidate) -> Quote:
    """Quote q with `cand` as its speaker mention, resolved in the article."""
    toks = scan.toks[cand.sentence]
    who, _ = scan.art.resolve(cand.span, toks)
    mention = Mention.of(scan.text, toks, cand.span)
    named = who.name is not None or who.kind == "anonymous"
    return replace(q, speaker_mention=mention.text, speaker_start=mention.start, speaker_end=mention.end,
                   speaker=who.name, speaker_group=who.group, speaker_kind=who.kind if named else "unknown",
                   speaker_role=who.role if named else None, speaker_type=who.type if named else "unknown",
                   speaker_entity=who.entity if who.name else None)
