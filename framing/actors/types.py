"""Speaker types and groups from the words of a speaker mention.

In: the words of a mention (`der russische Außenminister`, `CSU-Chef`, `das Gesundheitsministerium`).
Out: `word_type`, the speaker type a role, institution or source noun stands for (`data/actors/types.csv`:
politician, government, party, institution, expert, media, business, civil_society, citizen, anonymous), and
`mention_group`, the party, country or organisation the words name (`data/actors/groups.csv`). Both tables are
data a user can extend; they load once per process. Nothing is guessed: a word neither table knows gives None.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable

from framing import resources
from framing.errors import ConfigError
from framing.schema import SPEAKER_TYPES

GROUP_KINDS = ("party", "country", "organisation")
# The speaker types of organisations (the rest are people's: politician, expert, citizen, ...).
ORGANISATION_TYPES = ("government", "party", "institution", "media", "business", "civil_society")
# Inflection endings an adjective of groups.csv may carry: russisch -> russische, russischen, russischer.
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


def _rows(name: str, columns: int) -> list[list[str]]:
    text = "\n".join(line for line in resources.read_text("actors", name).splitlines()
                     if line.strip() and not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(text)))
    if rows and rows[0][:1] == ["word"]:
        rows = rows[1:]
    for row in rows:
        if len(row) != columns:
            raise ConfigError(f"data/actors/{name}: expected {columns} columns in {','.join(row)!r}")
    return rows


@functools.cache
def _types() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    words, endings = {}, []
    for word, kind in _rows("types.csv", 2):
        word, kind = word.strip(), kind.strip()
        if kind not in SPEAKER_TYPES:
            raise ConfigError(f"data/actors/types.csv: {kind!r} is not one of {', '.join(SPEAKER_TYPES)}")
        if word.startswith("-"):
            endings.append((word[1:].lower(), kind))
        else:
            words[word] = kind
    return words, tuple(sorted(endings, key=lambda e: -len(e[0])))  # longest ending first


# Case and plural endings a listed noun may carry in a mention: des Wissenschafters, des Konzerns, den Forschern.
INFLECTIONS = ("es", "s", "n")
FORMER = ("Ex-", "ex-")  # "Ex-Staatschef", "Ex-KPÖ-Chef": the type of the role once held


@functools.lru_cache(maxsize=1 << 16)
def word_type(word: str) -> str | None:
    """The speaker type a noun stands for (`Virologe` -> expert, `Gesundheitsministerium` -> government), or
    None: a listed word wins, else the longest listed ending; an inflected form (`des Chefredakteurs`, `den
    Forschern`) takes the type of its listed base form."""
    if word.startswith(FORMER) and len(word) > 4:
        return word_type(word[3:])  # "Ex-Staatschef" was one
    kind = _listed_type(word)
    if kind is None and len(word) > 5:
        kind = next((k for k in (_listed_type(word[:-len(e)]) for e in INFLECTIONS if word.endswith(e)) if k), None)
    return kind


def is_listed(word: str) -> bool:
    """The word itself (not only its ending) is in the type table: `Teamchef`, `Polizeisprecher`."""
    return word in _types()[0]


@functools.cache
def _endings_index() -> tuple[dict[str, str], tuple[int, ...]]:
    """The listed endings by their text (the first listing of one wins) and their lengths, longest first."""
    by_text: dict[str, str] = {}
    for ending, kind in _types()[1]:
        by_text.setdefault(ending, kind)
    return by_text, tuple(sorted({len(e) for e in by_text}, reverse=True))


def _listed_type(word: str) -> str | None:
    words = _types()[0]
    if word in words:
        return words[word]
    low = word.lower()
    by_text, lengths = _endings_index()
    for size in lengths:  # the longest listed ending the word ends in (a compound's head is such an ending too)
        if size <= len(low):
            kind = by_text.get(low[len(low) - size:])
            if kind is not None:
                return kind
    return None


def phrase_type(words: Iterable[str]) -> str | None:
    """The type of a mention's words: the whole phrase when listed (`Weißes Haus`), else its last typed noun."""
    words = list(words)
    known, _ = _types()
    for size in range(min(4, len(words)), 1, -1):
        for a in range(len(words) - size + 1):
            phrase = " ".join(words[a:a + size])
            if phrase in known:
                return known[phrase]
    for w in reversed(words):
        if w[:1].isupper() or "." in w[1:-1]:  # a noun, or a web address (t-online.de)
            kind = word_type(w)
            if kind:
                return kind
    return None


AFFILIATION = ("von", "vom", "der", "des", "bei", "beim", "am", "an")


def affiliation_type(words: list[str]) -> str | None:
    """The type of the organisation a person is named with: "… vom Bankhaus Merck Finck" -> business (a party
    makes a politician, a university an expert)."""
    for k, w in enumerate(words):
        if w.lower() in AFFILIATION and k:
            kind = phrase_type(words[k + 1:])
            if kind in ORGANISATION_TYPES or kind == "expert":
                return "expert" if kind == "expert" else kind if kind != "party" else "politician"
    return None


@functools.cache
def _groups() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    names, adjectives = {}, {}
    for word, group, kind in _rows("groups.csv", 3):
        word, group, kind = word.strip(), group.strip(), kind.strip()
        if kind not in GROUP_KINDS:
            raise ConfigError(f"data/actors/groups.csv: {kind!r} is not one of {', '.join(GROUP_KINDS)}")
        (adjectives if word[:1].islower() else names)[word] = (group, kind)
    return names, adjectives


_SPLIT = re.compile(r"[\w/-]+")


def mention_group(words: Iterable[str]) -> tuple[str, str] | None:
    """The (group, kind) the words of a mention name: a party, organisation or country as a word
    (`(SPD)`), as the first part of a compound (`CSU-Chef`, `US-Präsident`) or as an inflected adjective
    (`der russische Außenminister`); a party wins over an organisation, an organisation over a country."""
    names, adjectives = _groups()
    found: list[tuple[str, str]] = []
    text = " ".join(words)
    multi = [n for n in names if " " in n and n in text]
    found += [names[n] for n in multi]
    for word in _SPLIT.findall(text):
        first = word.split("-", 1)[0]
        if word in names:
            found.append(names[word])
        elif first in names and "-" in word:
            found.append(names[first])
        elif word[:1].islower() or "-" in word:
            low = word.lower().split("-", 1)[0]
            stem = next((low[:len(low) - len(e)] for e in ADJECTIVE_ENDINGS[::-1]
                         if e and low.endswith(e) and low[:len(low) - len(e)] in adjectives), None)
            if stem is None and low in adjectives:
                stem = low
            if stem is not None:
                found.append(adjectives[stem])
    for kind in GROUP_KINDS:
        hit = next((g for g in found if g[1] == kind), None)
        if hit:
            return hit
    return None
