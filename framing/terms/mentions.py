"""Where the terms of a `TermList` occur in a text: every mention, with German inflection and the compounds the
term's `compounds` column admits.

A one-word term matches a word that is the term plus an inflection ending (`Maskenpflicht`, `Maskenpflichten`,
genitive `Maskenpflicht`/`Impfstoffs`/`Impfstoffes`, dative plural `Kindern`, weak nouns `Kollegen`) or an
umlaut plural of it (`Anschlag` -> `Anschläge`); a phrase (`Olaf Scholz`) matches its words with any white space
between them and an ending on the last word. Case: see framing.terms.listing. The span of a mention is the term's
part of the word (with its ending): in `Corona-Maskenpflicht` the characters of `Maskenpflicht`.

Overlaps: mentions of different terms are all kept, each a row of its own (`Scholz` inside `Olaf Scholz` is a
mention of both terms); mentions of one term that overlap (the word form and a `pattern` match) are one mention,
the longest.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from framing.terms.listing import Term, TermList

WORD = re.compile(r"\w+(?:[-‐]\w+)*")
# Endings a noun, name or adjective takes after the form given in terms.csv (shortest first).
ENDINGS = ("s", "n", "e", "es", "en", "er", "em", "ns", "ern", "nen")
UMLAUTS = (("äu", "au"), ("ä", "a"), ("ö", "o"), ("ü", "u"))
MIN_HEAD = 3  # a compound's head term needs at least this many letters before it (Schul|maskenpflicht)


@dataclass(frozen=True)
class Mention:
    term: str
    label: str | None
    start: int
    end: int
    text: str  # the mention as written


@dataclass(frozen=True)
class _Index:
    exact: dict[str, tuple[Term, ...]]  # form -> terms matched with their letters as written
    folded: dict[str, tuple[Term, ...]]  # casefolded form -> terms with ignore_case
    heads: bool  # some term admits closed compounds (head / any)
    # multi-word terms, `any` compounds and patterns, each with the first run of letters it needs in the text
    # (`Olaf` for `Olaf Scholz`, casefolded where the term ignores case), or None where it needs none, and whether
    # every match starts where that run starts (the term begins with it: not `#MeToo`)
    phrases: tuple[tuple[re.Pattern[str], Term, str | None, bool], ...]
    # the first characters of the forms in exact and folded: a word starting otherwise (most words, for a list of
    # names) has no form to look up; an ending or an umlaut never changes a word's first character
    initials: frozenset[str] = frozenset()
    # what each word looked up found (words repeat: the shipped gazetteer is looked up in every article)
    found: dict[str, tuple[Term, ...]] = field(default_factory=dict, compare=False, hash=False)


FOUND_KEPT = 200_000  # looked-up words an index remembers (a few MB); then it starts again
RUN = re.compile(r"\w+")


def _first_run(term: Term) -> str | None:
    """The run of letters and digits every match of the multi-word term's pattern contains as a whole run in the
    text: its first one, where more of the term follows it (an ending may only be added to the last word)."""
    first = RUN.search(term.term)
    if first is None or first.end() == len(term.term):
        return None
    return first.group().casefold() if term.ignore_case else first.group()


def _add(table: dict[str, list[Term]], key: str, term: Term) -> None:
    bucket = table.setdefault(key, [])
    if term not in bucket:
        bucket.append(term)


# Each article's speakers are an index of their own: their names' patterns are made once per process.
@functools.lru_cache(maxsize=8192)
def _phrase_pattern(phrase: str, flags: int) -> re.Pattern[str]:
    """A phrase's words with any white space between them and an ending on the last word."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    endings = "|".join(ENDINGS)
    return re.compile(rf"(?<!\w){body}(?:{endings})?(?!\w)", flags)


@functools.lru_cache(maxsize=16)
def _index(terms: TermList) -> _Index:
    exact: dict[str, list[Term]] = {}
    folded: dict[str, list[Term]] = {}
    phrases: list[tuple[re.Pattern[str], Term, str | None, bool]] = []
    for term in terms.terms:
        flags = re.IGNORECASE if term.ignore_case else 0
        if term.pattern:
            phrases.append((re.compile(term.pattern, flags), term, None, False))
        if not WORD.fullmatch(term.term) or " " in term.term:  # a phrase, or a term with punctuation (Dr. Merz)
            phrases.append((_phrase_pattern(term.term, flags), term, _first_run(term),
                            RUN.match(term.term) is not None))
            continue
        if term.compounds == "any":
            first, rest = re.escape(term.term[0]), re.escape(term.term[1:])
            phrases.append((re.compile(rf"(?i:{first}){rest}", flags), term, None, False))
        if term.ignore_case:
            _add(folded, term.term.casefold(), term)
        else:
            _add(exact, term.term, term)
            if term.term[0].islower():  # a lower-case term at a sentence start
                _add(exact, term.term[0].upper() + term.term[1:], term)
    return _Index({k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in folded.items()},
                  any(t.compounds in ("head", "any") for t in terms.terms), tuple(phrases),
                  frozenset(k[0] for k in (*exact, *folded) if k))


def _bases(piece: str) -> Iterator[str]:
    """The forms `piece` may be an inflection of: itself, without an ending, without an umlaut plural."""
    yield piece
    for ending in ENDINGS:
        if piece.endswith(ending) and len(piece) > len(ending) + 1:
            base = piece[: -len(ending)]
            yield base
            yield from _plain_vowel(base)
    yield from _plain_vowel(piece)


def _plain_vowel(base: str) -> Iterator[str]:
    for umlaut, plain in UMLAUTS:
        k = base.rfind(umlaut)
        if k > 0:
            yield base[:k] + plain + base[k + len(umlaut):]
            return


def _lookup(index: _Index, piece: str) -> tuple[Term, ...]:
    if piece[:1] not in index.initials and piece[:1].casefold()[:1] not in index.initials:
        return ()
    known = index.found.get(piece)
    if known is not None:
        return known
    found: list[Term] = []
    for base in _bases(piece):
        found += [t for t in index.exact.get(base, ()) if t not in found]
        found += [t for t in index.folded.get(base.casefold(), ()) if t not in found]
    if len(index.found) >= FOUND_KEPT:
        index.found.clear()
    index.found[piece] = result = tuple(found)
    return result


def _word_mentions(index: _Index, text: str) -> Iterator[tuple[Term, int, int]]:
    initials = index.initials
    for m in WORD.finditer(text):
        word, start = m.group(), m.start()
        # _lookup's first test, here: most words start with no term's letter and need no call
        if word[0] in initials or word[0].casefold()[:1] in initials:
            for term in _lookup(index, word):
                yield term, start, m.end()
        if "-" in word or "‐" in word:
            offset = start
            for part in re.split(r"([-‐])", word):
                if part not in ("-", "‐") and part:
                    for term in _lookup(index, part):
                        if term.compounds != "none":
                            yield term, offset, offset + len(part)
                offset += len(part)
        if index.heads:
            for i in range(MIN_HEAD, len(word) - 2):
                if not word[i - 1].isalpha():
                    continue
                head = word[i].upper() + word[i + 1:]
                for term in _lookup(index, head):
                    if term.compounds in ("head", "any") and "-" not in head:
                        yield term, start + i, m.end()


def _run_starts(text: str) -> dict[str, list[int]]:
    """Where each run of letters and digits starts, under its own form and its casefolded one (in text order)."""
    starts: dict[str, list[int]] = {}
    for m in RUN.finditer(text):
        word, start = m.group(), m.start()
        starts.setdefault(word, []).append(start)
        folded = word.casefold()
        if folded != word:
            starts.setdefault(folded, []).append(start)
    return starts


def _occurrences(text: str, word: str) -> list[int]:
    """Every offset where `word` is written in `text`, in order (inside longer words too: a superset of where it
    starts a run)."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, for a phrase pattern that can only match where its first run starts
    (it begins with `(?<!\\w)` and that run), given every such start (and others, where it does not match):
    tried at those alone, one match after another as finditer goes on after each match (see _index)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None and m.end() > m.start():
            yield m
            end = m.end()


def find_mentions(text: str, terms: TermList) -> list[Mention]:
    """Every mention of every term in `text`, ordered by position (then term)."""
    if not terms:
        return []
    index = _index(terms)
    spans: dict[Term, list[tuple[int, int]]] = {}
    for term, start, end in _word_mentions(index, text):
        spans.setdefault(term, []).append((start, end))
    runs: dict[str, list[int]] | None = None
    written: set[str] | None = None  # the runs of the text as written
    for pattern, term, needs, anchored in index.phrases:
        matches: Iterable[re.Match[str]] = ()
        if needs is None:
            matches = pattern.finditer(text)
        else:  # most phrases are absent from a text: the run they need tells at once
            if anchored and not term.ignore_case:  # where its first run is written, as written
                if written is None:
                    written = set(RUN.findall(text))
                starts = _occurrences(text, needs) if needs in written else []
            else:
                if runs is None:
                    runs = _run_starts(text)
                starts = runs.get(needs, [])
            if not starts:
                continue
            matches = _matches_at(pattern, text, starts) if anchored else pattern.finditer(text)
        for m in matches:
            if m.end() > m.start():
                spans.setdefault(term, []).append((m.start(), m.end()))
    out: list[Mention] = []
    for term, found in spans.items():
        kept: list[tuple[int, int]] = []
        for start, end in sorted(found, key=lambda se: (se[0], -se[1])):
            if kept and start < kept[-1][1]:  # overlaps the mention kept before: one mention, the longest
                if end - start > kept[-1][1] - kept[-1][0]:
                    kept[-1] = (start, end)
                continue
            kept.append((start, end))
        out += [Mention(term.term, term.label, s, e, text[s:e]) for s, e in kept]
    return sorted(out, key=lambda m: (m.start, m.end, m.term, m.label or ""))
