"""The speech lexicon and the German word classes, read from `data/speech/` once per process.

In: the files of `data/speech/` (through `framing.resources`): `verbs.csv`, the word lists (`konjunktiv.txt`,
`roles.txt`, `institutions.txt`, ...) and `word_classes.toml`. Out: `lexicon()`, a frozen `Lexicon` with every
form of every speech verb and the noun lists, and the word classes as module constants (`DETERMINERS`,
`ADVERBS`, `PRONOUNS`, ...: frozensets to test membership, tuples of endings for `str.endswith`, alternations for
regular expressions). Nothing else in `framing.quotes` reads a data file.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Any, NamedTuple

from framing import resources
from framing.errors import ConfigError


# ---------------------------------------------------------------------------------------------- word classes
@functools.cache
def word_classes() -> dict[str, Any]:
    """The word classes of `data/speech/word_classes.toml`, one key per class (read once)."""
    try:
        return tomllib.loads(resources.read_text("speech", "word_classes.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"data/speech/word_classes.toml: {exc}") from exc


def _word_list(key: str) -> list[str]:
    try:
        words = word_classes()[key]
    except KeyError:
        raise ConfigError(f"data/speech/word_classes.toml: the word class {key!r} is missing") from None
    return list(dict.fromkeys(words))


def _words(key: str) -> frozenset[str]:
    """A word class to test membership with (`w in DETERMINERS`)."""
    return frozenset(_word_list(key))


def _endings(key: str) -> tuple[str, ...]:
    """Endings (or prefixes) to test with str.endswith / str.startswith, in the file's order."""
    return tuple(_word_list(key))


def alternation(key: str) -> str:
    """A word class as a regular-expression alternation (`der|die|das`)."""
    return "|".join(re.escape(w) for w in _word_list(key))


INSEPARABLE = _endings("inseparable")
PARTICLES = _endings("particles")
DETERMINERS = _words("determiners")
POSSESSIVES = _words("possessives")
PRONOUNS: dict[str, str] = dict(word_classes()["pronouns"])  # pronoun -> gender (m, f, n, 1, x)
SUBORDINATORS = _words("subordinators")
RELATIVES = _words("relatives")
PREPOSITIONS = _words("prepositions")
FOCUS = _words("focus")
ADVERBS = _words("adverbs")
AUX = _words("aux")
PASSIVE_AUX = _words("passive_auxiliaries")
NAME_PARTICLES = _words("name_particles")
WH_WORDS = _words("wh_words")
NEGATIONS = _words("negations")
REPORT_ADVERBS = _words("report_adverbs")
NOT_ADJECTIVE = AUX | DETERMINERS | POSSESSIVES | PREPOSITIONS | ADVERBS | SUBORDINATORS | _words("not_adjective")
NP_PREPOSITIONS = _words("np_prepositions")
CUT_PREPOSITIONS = _words("cut_prepositions")
NOT_SUBJECT_START = _words("not_subject_start")
ADVERB_ENDINGS = _endings("adverb_endings")
ATTRIBUTION_ENDINGS = _endings("attribution_endings")
DOCUMENT_ENDINGS = _endings("document_endings")
STATEMENT_ENDINGS = _endings("statement_endings")
OPINION_ENDINGS = _endings("opinion_endings")
NAME_ARTICLES = _words("name_articles")
TITLE_ARTICLES = _words("title_articles")
NAME_FUNCTION_WORDS = _words("name_function_words")
ARTICLES = alternation("articles")  # for regular expressions: "der|die|…|einen"
DEFINITE_ARTICLES = alternation("definite_articles")


# ---------------------------------------------------------------------------------------------- speech lexicon
class VerbForm(NamedTuple):
    """What a word form of a speech verb is: `teilte` -> (mitteilen, particle mit needed, finite, speech)."""

    lemma: str
    particle: str | None  # the separable particle the clause must hold for the form to count, if any
    participle: bool
    kind: str  # speech / writing / thought


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[VerbForm]]  # word form -> what it can be
    konjunktiv: frozenset[str]
    konjunktiv_ii: frozenset[str]
    konjunktiv_stems: frozenset[str]
    cue_nouns: frozenset[str]
    role_words: frozenset[str]
    role_endings: tuple[str, ...]
    institution_words: frozenset[str]
    institution_endings: tuple[str, ...]
    anonymous: frozenset[str]
    documents: frozenset[str]
    title_words: frozenset[str]
    title_endings: tuple[str, ...]


def _lines(name: str) -> list[str]:
    return resources.read_lines("speech", name)


def _weak_forms(stem: str, particle: str | None, lemma: str) -> tuple[list[str], str]:
    e = "e" if re.search(r"(?:[td]|(?:ch|[^lrhaeiouäöü])[mn])$", stem) else ""
    finite = [stem + e + "t", stem + e + "te", stem + e + "ten"]
    plain = lemma.endswith("ieren") or stem.startswith(INSEPARABLE)
    participle = (particle or "") + ("" if plain else "ge") + stem + e + "t"
    return finite, participle


def _verb_forms() -> dict[str, list[VerbForm]]:
    """Every form of every verb of `verbs.csv`: weak verbs derived from their stem, strong verbs as listed."""
    verbs: dict[str, list[VerbForm]] = {}

    def add(form: str, entry: VerbForm) -> None:
        if entry not in verbs.setdefault(form, []):
            verbs[form].append(entry)
    rows = [line.split(",") for line in _lines("verbs.csv")]
    for row in rows[1:] if rows and rows[0][0] == "lemma" else rows:
        if len(row) != 5:
            raise ConfigError(f"data/speech/verbs.csv: expected 5 columns in {','.join(row)!r}")
        lemma, particle, stem, forms, kind = (c.strip() for c in row)
        particle = particle or None
        if forms:
            parts = forms.split()
            finite, participle = parts[:-1], parts[-1]
        else:
            finite, participle = _weak_forms(stem, particle, lemma)
        finite.append(lemma[len(particle):] if particle else lemma)  # third person plural: "Beamte unterstreichen"
        for form in finite:
            add(form, VerbForm(lemma, particle, False, kind))
            if particle:  # verb-final subordinate clause: "..., wie er mitteilte"
                add(particle + form, VerbForm(lemma, None, False, kind))
        if participle != "-":  # "-": the participle is too ambiguous to count (raten: geraten)
            add(participle, VerbForm(lemma, None, True, kind))
    return verbs


@functools.cache
def lexicon() -> Lexicon:
    """The speech lexicon from `data/speech/` (loaded once)."""
    roles = _lines("roles.txt")
    insts = _lines("institutions.txt")
    titles = _lines("title_nouns.txt")
    return Lexicon(
        verbs=_verb_forms(),
        konjunktiv=frozenset(_lines("konjunktiv.txt")),
        konjunktiv_ii=frozenset(_lines("konjunktiv_ii.txt")),
        konjunktiv_stems=frozenset(s + "e" for s in _lines("konjunktiv_stems.txt")),
        cue_nouns=frozenset(_lines("cue_nouns.txt")),
        role_words=frozenset(r for r in roles if not r.startswith("-")),
        role_endings=tuple(r[1:] for r in roles if r.startswith("-")),
        institution_words=frozenset(i for i in insts if not i.startswith("-")),
        institution_endings=tuple(i[1:] for i in insts if i.startswith("-")),
        anonymous=frozenset(_lines("anonymous.txt")),
        documents=frozenset(_lines("documents.txt")),
        title_words=frozenset(t.lower() for t in titles if not t.startswith("-")),
        title_endings=tuple(t[1:].lower() for t in titles if t.startswith("-")),
    )
