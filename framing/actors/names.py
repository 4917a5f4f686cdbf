"""Person names: what in a speaker mention is the name, and what is the role or title beside it.

In: the capitalised words of a speaker mention (`["CSU-Chef", "Markus", "Söder"]`, `["Dr", "Andreas", "Gassen"]`).
Out: `split_name`, the span of the words that are the name (None when there is no name: `April`, `Euro`, `Dr`,
`Leider`), and the word tests behind it: first names (from Faker's per-country name lists, MIT, plus
`data/actors/first_names.txt`), titles (`data/actors/titles.txt`), words that are never names
(`data/actors/not_names.txt`: months, weekdays, currencies), place names (Faker's address lists) and German word
classes (the Pattern lexicon textblob-de ships: `Jahr` is a common noun, `leider` an adverb). Everything loads
once per process.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Sequence

from framing import resources

# Tags of the Pattern lexicon that mark a word as no name: numbers, adverbs, adjectives, articles, pronouns,
# particles, conjunctions, prepositions, verbs (a capitalised one opens a sentence: "Leider", "Kritisch").
NOT_NAME_TAGS = ("ADJ", "ADV", "CARD", "ART", "PD", "PI", "PP", "PR", "PT", "PW", "KO", "AP", "VV", "VA", "VM", "PAV")
COMMON_NOUN_TAGS = ("NN", "NNS")
# Nouns that stand for a person (role nouns the lexicon does not list end like this): "Multimilliardär",
# "Intensivmediziner", "Statistiker", "Gastgeberin", "Defensive-Line-Spieler".
PERSON_NOUN = re.compile(
    r"(?:er|erin|in|ent|entin|ant|antin|ist|istin|eur|eurin|loge|login|oge|ogin|at|atin|or|orin|är|ärin|iker|ikerin|"
    r"mann|frau|chef|chefin|leiter|leiterin|vize|boss|sprecher|sprecherin|ige|igen|ler|lerin|ling|ant|and|nom|nomin|e)$")


def _latin(word: str) -> bool:
    return all(c.isalpha() and ord(c) < 0x250 or c in "-'’" for c in word)


@functools.cache
def first_names() -> frozenset[str]:
    """First names of every country Faker ships a person list for (Latin script), plus `first_names.txt`, less
    the words `not_names.txt` lists (`April`, `August`)."""
    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr)
            if isinstance(value, (list, tuple, set, frozenset, dict)):
                names.update(n for n in value if isinstance(n, str) and len(n) > 1 and _latin(n))
    names.update(resources.read_lines("actors", "first_names.txt"))
    return frozenset(names - not_names())


@functools.cache
def first_name_genders() -> dict[str, str]:
    """The gender Faker's lists give a first name: `f`, `m`, or absent when it lists it as both or neither."""
    import faker.providers.person as people

    seen: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for attr, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            value = provider.__dict__.get(attr)
            if isinstance(value, (list, tuple, set, frozenset, dict)):
                for n in value:
                    if isinstance(n, str):
                        seen.setdefault(n, set()).add(gender)
    return {n: next(iter(g)) for n, g in seen.items() if len(g) == 1}


@functools.cache
def titles() -> frozenset[str]:
    return frozenset(resources.read_lines("actors", "titles.txt"))


@functools.cache
def not_names() -> frozenset[str]:
    return frozenset(resources.read_lines("actors", "not_names.txt"))


@functools.cache
def place_names() -> frozenset[str]:
    """Countries (in German), states and cities from Faker's German, Austrian, Swiss and US address lists."""
    names: set[str] = set()
    for locale in ("de_DE", "de_AT", "de_CH", "en_US", "de"):
        try:
            provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        except ImportError:
            continue
        for attr in ("countries", "states", "cities", "cantons"):
            for value in getattr(provider, attr, ()) or ():
                name = value[1] if isinstance(value, tuple) and len(value) > 1 else value
                if isinstance(name, str) and " " not in name:
                    names.add(name)
    return frozenset(names)


@functools.cache
def _word_tags() -> dict[str, frozenset[str]]:
    tags: dict[str, set[str]] = {}
    with open(resources.pattern_lexicon_path(), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(";;;"):
                continue
            parts = line.split()
            if len(parts) >= 2:
                tags.setdefault(parts[0], set()).update(parts[1:])
    return {w: frozenset(t) for w, t in tags.items()}


def word_tags(word: str) -> frozenset[str]:
    """The word classes the Pattern lexicon gives a word form (empty when it does not list it)."""
    return _word_tags().get(word, frozenset())


def is_title(word: str) -> bool:
    """An academic or honorific title (`Dr`, `Dr.`, `Prof.`, `Herr`, `Frau`)."""
    return word in titles() or word.rstrip(".") in titles()


def is_first_name(word: str) -> bool:
    """A first name (`Markus`, `Jens`, `Karl-Heinz`); hyphenated ones count when each part is one."""
    names = first_names()
    if word in names or not word.isascii() and _without_foreign_marks(word) in names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in names or not p.isascii() and _without_foreign_marks(p) in names
                                  for p in parts)


GERMAN_MARKED = frozenset("äöüÄÖÜ")


def _without_foreign_marks(word: str) -> str:
    """`word` without the accents German does not write (`Mariëtte` -> `Mariette`, `Çelik` -> `Celik`), for a
    first name the lists spell only without them; umlauts stay (`Jürgen` is no spelling of `Jurgen`)."""
    return "".join(c if c in GERMAN_MARKED else "".join(
        d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d)) for c in word)


def is_common_noun(word: str) -> bool:
    """A common noun of the lexicon and never a name there (`Jahr`, `Klage`, `Spieler`; not `Müller`)."""
    tags = word_tags(word)
    return bool(tags) and any(t in COMMON_NOUN_TAGS for t in tags) and "NE" not in tags


def is_person_noun(word: str) -> bool:
    """A noun that can stand for a person's role (`Virologe`, `CSU-Chef`, `Multimilliardär`): its last part is a
    common noun of the lexicon with a person ending, or no word of the lexicon at all but ends like one."""
    head = word.rsplit("-", 1)[-1]
    if not head[:1].isupper() and head != word or capitalised_function_word(word):
        return False  # "Der", "Eine", "Andere": a capitalised function word
    return PERSON_NOUN.search(head.lower()) is not None and "NE" not in word_tags(word) and not is_first_name(head)


def never_a_name(word: str) -> bool:
    """A word that is no part of any person's name, wherever it stands: a month, a currency, a number, a title."""
    bare = word.rstrip(".")
    return bare in not_names() or word in not_names() or any(c.isdigit() for c in word) or is_title(word)


def capitalised_function_word(word: str) -> bool:
    """A word the lexicon knows in lower case only as an adverb, adjective, pronoun, number or verb: capitalised,
    it opens a sentence (`Leider`, `Sechs`, `Warum`, `Deutliche`) and is no name there."""
    if "NE" in word_tags(word):
        return False
    low = word.lower()
    tags = word_tags(low) if low != word else frozenset()
    return bool(tags) and all(t.startswith(NOT_NAME_TAGS) for t in tags)


def fold_name(name: str) -> str:
    """A name without accents and case, for spelling variants: `Demirtaş` = `Demirtas`, `Erdoğan` = `Erdogan`."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ß", "ss").replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Endings of abstract nouns, which no surname has: "Vorstellungen", "Tendenzen", "Bereinigungen".
ABSTRACT_NOUN = re.compile(r"(?:ung|heit|keit|schaft|tion|enz|nis|ität)(?:en|e|se|sen)?$|ismus$")
# The endings of ABSTRACT_NOUN that no surname has even as a common noun ("-enz" and "-nis" are left out: Benz, Renz)
NEVER_A_SURNAME = re.compile(r"(?:ung|heit|keit|schaft|tion|ität)(?:en)?$|ismus$")
# Endings of a sentence-opening adjective: "Genauere Untersuchungen", "Egoistische Repräsentanten".
ADJECTIVE_FORM = re.compile(r"(?:ere|eren|ische|ischen|liche|lichen|ige|igen)$")


def _object_noun(words: Sequence[str]) -> bool:
    """The last word is an abstract common noun (`Vorstellungen`, no surname ends so) and no word before it is a
    title, a common noun or never a name: `Pröhle Vorstellungen`; not `Romani Rose` or `Präsident Wolf`."""
    last = words[-1]
    return is_common_noun(last) and ABSTRACT_NOUN.search(last) is not None and not any(
        is_title(w) or is_common_noun(w) or never_a_name(w) for w in words[:-1])


def name_length(words: Sequence[str]) -> int:
    """How many of `words` (a first name, then capitalised words) are the name: an abstract noun after the
    surname is the sentence's object ("löst bei Stadträtin Sonja Wehsely Empörung aus"), never part of it."""
    end = len(words)
    while end > 2 and is_common_noun(words[end - 1]) and NEVER_A_SURNAME.search(words[end - 1]):
        end -= 1
    return end


def split_name(words: Sequence[str]) -> tuple[int, int] | None:
    """The span (start, end) of `words` that is a person's name, or None. `words` are the capitalised words of a
    mention, in order (name particles `von`, `de` may be among them). Titles and role nouns before the name are
    not part of it (`Dr Andreas Gassen` -> `Andreas Gassen`); a first name followed by another name word starts
    the name (`Medizin-Nobelpreisträger Jens Spahn` -> `Jens Spahn`); nothing before a month, a currency, a
    number or a title, nor a sentence-opening adverb or adjective (`Deutliche Worte Erwin Pröll`), is part of
    it; a lone common noun, month, currency or title is no name (`Jahr`, `April`, `Euro`, `Dr`), a common noun
    after a title or role noun is one (`Herr Fischer`, `Bürgermeister Bauer`)."""
    n = len(words)
    start = 0
    for k, w in enumerate(words):
        if never_a_name(w) or k == start and capitalised_function_word(w):
            start = k + 1
    if start >= n:
        return None
    first = next((k for k in range(start, n - 1) if is_first_name(words[k]) and not never_a_name(words[k + 1])), None)
    if first is not None:
        return (first, first + name_length(words[first:]))
    if n - start >= 2 and _object_noun(words[start:]):
        # "sieht Pröhle Vorstellungen": the noun after a name is the sentence's object; after an adjective
        # ("Genauere Untersuchungen") there is no name at all
        return None if ADJECTIVE_FORM.search(words[n - 2]) else split_name(words[:n - 1])
    # No first name: the words after the last title, role noun or common noun are the name.
    markers = [k for k in range(start, n - 1)
               if is_title(words[k]) or is_common_noun(words[k]) or is_person_noun(words[k])]
    k = markers[-1] + 1 if markers else start
    titled = start > 0 and is_title(words[start - 1])
    if k == n - 1 and not markers and not titled and is_common_noun(words[k]):
        return None  # a lone common noun: "Jahr", "Klage"
    return (k, n)
