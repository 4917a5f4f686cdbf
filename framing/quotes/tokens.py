"""Tokens of a sentence and the word-class tests the rules ask of them.

In: the article text and a sentence's character span (and the quote-mark spans of the article). Out: `Tok`
tokens with their offsets, lowercase form, whether they are a capitalised word (`capword`) and whether they stand
inside quote marks (`quoted`); and predicates on a token or word: Konjunktiv I, adjective, role noun,
institution, attribution noun. The word classes themselves come from `framing.quotes.lexicon`.
"""

from __future__ import annotations

import bisect
import functools
import re

from framing.quotes.lexicon import ATTRIBUTION_ENDINGS, NOT_ADJECTIVE, PARTICLES, Lexicon, alternation, lexicon
from framing.quotes.marks import QUOTE_CHARS

# A decimal comma stays in its number (5,57), and so does the colon of a score or a clock time (1:6, 11:09).
TOKEN = re.compile(r"\d+(?:[,:]\d+)+(?!\w)|\w+(?:[-‐'’.]\w+)*-?|[^\w\s]")
LOWER_PREFIX_NAME = re.compile(r"(?:%s)-[A-ZÄÖÜ]" % alternation("name_prefixes"))  # al-Dschasira
NUMBER_ADJECTIVE = re.compile(r"\d+-[a-zäöüß]+(?:e|en|er|es|em)")  # "der 84-jährige Küng"
ADJECTIVE = re.compile(r"[a-zäöüß][\w\-]*(?:e|en|er|es|em)")
# A noun compound after a lowercase abbreviation (ai-Bericht, dpa-Meldung, iPhone-Nutzer) is a noun.
LOWER_PREFIX_NOUN = re.compile(r"[a-zäöü][a-zA-Z]{0,9}-[A-ZÄÖÜ][a-zäöüß]")
# A lowercase name with an inner dot: a web address or a name spelt like one (t-online.de, faz.net, ver.di); every
# part at least two letters, so abbreviations (z.B, d.h, u.a) are none.
DOTTED_NAME = re.compile(r"[a-zäöü][\w\-]+(?:\.[a-zäöü][\w\-]+)+")


class Tok:
    """A token of a sentence with its offsets; `capword`: a capitalised word (noun or name), including names
    with a lowercase particle (al-Dschasira)."""

    __slots__ = ("text", "start", "end", "quoted", "lower", "capword")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end, self.quoted = text, start, end, False
        self.lower, self.capword = _shape(text)


@functools.lru_cache(maxsize=200_000)  # words repeat: each is looked at once
def _shape(text: str) -> tuple[str, bool]:
    """A token's lowercase form and whether it is a capitalised word (see Tok)."""
    first = text[:1]
    capword = first.isupper() and first.isalpha() or (
        "-" in text[:12] and (LOWER_PREFIX_NAME.match(text) is not None or LOWER_PREFIX_NOUN.match(text)
                             is not None)) or (
        "." in text and DOTTED_NAME.fullmatch(text) is not None)
    return text.lower(), bool(capword)


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of text[start:end]: words (with inner hyphens, apostrophes and dots) and single marks."""
    return [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


class SentenceTokens:
    """Tokens of each sentence, made on first use; tokens inside quote marks are flagged `quoted`."""

    def __init__(self, text: str, sents: list[tuple[int, int]], marks: list[tuple[int, int]], starts: list[int]):
        self.text, self.sents, self.marks, self.starts = text, sents, marks, starts
        self.cache: dict[int, list[Tok]] = {}

    def __getitem__(self, si: int) -> list[Tok]:
        toks = self.cache.get(si)
        if toks is None:
            ss, se = self.sents[si]
            toks = self.cache[si] = tokenize(self.text, ss, se)
            k = max(0, bisect.bisect_right(self.starts, ss) - 1)
            marks = self.marks
            for t in toks:
                while k < len(marks) and marks[k][1] < t.end:
                    k += 1
                t.quoted = t.text in QUOTE_CHARS or (k < len(marks) and marks[k][0] <= t.start and t.end <= marks[k][1])
        return toks


# ---------------------------------------------------------------------------------------------- word classes
def is_konjunktiv(tok: Tok, lex: Lexicon, strict: bool = False) -> bool:
    """Konjunktiv I (or, unless strict, the Konjunktiv II forms used in reported speech)."""
    w = tok.text
    if not w[:1].islower() or w[-1:] not in "eni":
        return False
    if not strict and w in lex.konjunktiv_ii:
        return True
    return is_konjunktiv_i(w)


@functools.lru_cache(maxsize=65536)
def is_konjunktiv_i(w: str) -> bool:
    """A Konjunktiv I form: listed, a listed stem + e (after a separable particle too), or an -iere form."""
    lex = lexicon()
    if w in lex.konjunktiv or w in lex.konjunktiv_stems:
        return True
    if len(w) > 6 and w.endswith("iere"):
        return True  # -ieren verbs: "er funktioniere" (the indicative is "funktioniert")
    return any(w.startswith(p) and w[len(p):] in lex.konjunktiv_stems for p in PARTICLES)


def is_adjective(tok: Tok, lex: Lexicon) -> bool:
    """An inflected adjective (`niederländische`) or a number adjective (`84-jährige`)."""
    w = tok.text
    if w[:1].isdigit():
        return NUMBER_ADJECTIVE.fullmatch(w) is not None  # "der 84-jährige Küng"
    return w[:1].islower() and len(w) > 3 and w[-1:] in "enrsm" and _adjective_word(w)


@functools.lru_cache(maxsize=65536)
def _adjective_word(w: str) -> bool:
    lex = lexicon()
    return (w not in NOT_ADJECTIVE and w not in lex.verbs and w not in lex.konjunktiv and w not in lex.konjunktiv_ii
            and ADJECTIVE.fullmatch(w) is not None and not is_konjunktiv_i(w))


def is_role(word: str, lex: Lexicon) -> bool:
    """A role noun that stands for a person (`Sprecherin`, `Außenminister`)."""
    return word in lex.role_words or word.lower().endswith(lex.role_endings)


def is_institution(word: str, lex: Lexicon) -> bool:
    """The head noun of an institution (`Außenministerium`, `Regierung`)."""
    return word in lex.institution_words or word.lower().endswith(lex.institution_endings)


def is_attribution_noun(word: str, lex: Lexicon) -> bool:
    """A noun that attributes a statement (`Angaben`, `Ansicht`, `Erklärung`)."""
    w = word.lower()
    return word in lex.cue_nouns or word in lex.documents or w.endswith(ATTRIBUTION_ENDINGS)


def head_noun(toks: list[Tok], span: tuple[int, int]) -> str:
    """The first noun of a noun phrase (its head, before genitive attributes)."""
    for t in toks[span[0]:span[1]]:
        if t.text[:1].isupper():
            return t.text
    return ""
