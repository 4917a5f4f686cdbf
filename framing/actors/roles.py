"""The role a person holds, read from anywhere in the article: `Wissenschafter Arjen Hoekstra` in the second
paragraph types the `Hoekstra` who speaks in the fifth.

In: an article's text and the resolved name of a person who speaks (`Irmgard Griss`, `Hoekstra`).
Out: `article_role`, the (role word, speaker type) the article gives that person (or organisation) — a typed role noun right before
the name (first names between them allowed: `des Wissenschafters Arjen Hoekstra`, `SPÖ-Landesrat Max Mustermann`)
or in apposition after it (`Griss, die frühere Präsidentin des Obersten Gerichtshofs,`) — or None. Only role nouns
the type table (`data/actors/types.csv`) or a party prefix types count; nothing is guessed from the name itself.
The first role in text order wins.
"""

from __future__ import annotations

import re

from framing.actors.names import is_common_noun, is_first_name, is_person_noun, never_a_name
from framing.actors.types import ORGANISATION_TYPES, affiliation_type, is_listed, mention_group, word_type

WORD = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÿ][\w.'’-]*|[^\w\s]")
# What may stand between a name and its apposed role: "Griss, die frühere Präsidentin", "Kern, ein gelernter …".
APPOSITION_DETERMINERS = frozenset({"der", "die", "das", "ein", "eine", "des", "dem", "den"})
REACH = 60  # characters looked at on each side of a name
MAX_ADJECTIVES = 3
# Role heads whose type depends on what they head: `-Chef` of a firm, a party, a team.
GENERIC_HEADS = ("sprecherin", "sprecher", "leiterin", "leiter", "chefin", "chef", "vertreterin", "vertreter")


def _typed(word: str, person: bool = True) -> str | None:
    """The speaker type a capitalised role word gives a person (a person noun: `Virologin`, not `Zeitung`), or
    a one-word name such as `Verdi` (`die Gewerkschaft Verdi`); None when the word types nobody."""
    if not word[:1].isupper() or is_first_name(word) or never_a_name(word) or person and not is_person_noun(word):
        return None
    if "-" in word:
        said = mention_group([word])
        if said is not None and said[1] == "party":
            return "politician"  # "ÖVP-Mann", "Grünen-Politiker"
    split = None if is_listed(word) else _generic_compound(word)
    if split is not None:  # "Springer-Chef" is business, "HDP-Chef" a party's, "Wolfsburg-Chef" unknown
        kind = word_type(split) if split else None
        if kind in ORGANISATION_TYPES:
            return kind
        # a common noun first ("Bürochefin") keeps the head's own type; a name no list knows ("Wolfsburg") none
        return word_type(word) if split and is_common_noun(split) else None
    return word_type(word)


def _generic_compound(word: str) -> str | None:
    """For a role compound with a generic head (`Polizeisprecher`, `Konzern-Chef`, `Sprecher`), its first part
    as a noun (`Polizei`, `Konzern`; "" for the bare head); None for any other word."""
    low = word.lower()
    head = next((h for h in GENERIC_HEADS if low.endswith(h)), None)
    if head is None:
        return None
    first = word[:len(word) - len(head)].rstrip("-")
    if first.endswith("s") and len(first) > 4 and word_type(first) is None:
        first = first[:-1]  # the linking s: "Unternehmenssprecher"
    return first if len(first) > 1 else ""


def _affiliated(words: list[str], k: int) -> str | None:
    """The type a generic role takes from the organisation after it: `Sprecher von Polizei und
    Innenministerium`, `Leiter des Instituts`."""
    if k + 1 >= len(words) or words[k + 1] not in ("von", "vom", "der", "des", "bei", "beim"):
        return None
    stop = next((i for i in range(k + 2, len(words)) if words[i] in ",.;:()"), len(words))
    return affiliation_type(words[k:stop][:7])  # the role, its preposition and five words


def _before(words: list[str], name_words: set[str], person: bool) -> tuple[str, str] | None:
    """The role noun before a name: skip its own first names, then one typed capitalised word."""
    k = len(words) - 1
    while k >= 0 and (words[k] in name_words or is_first_name(words[k])):
        k -= 1
    if k > 0 and words[k][:1].isupper() and not is_common_noun(words[k]) and not _typed(words[k]):
        k -= 1  # a first name no list knows: "Arjen Hoekstra"
    if k < 0:
        return None
    kind = _typed(words[k], person)
    return (words[k], kind) if kind else None


def _after(words: list[str], person: bool) -> tuple[str, str] | None:
    """The role noun in apposition after a name: `, die frühere Präsidentin`."""
    if not words or words[0] != ",":
        return None
    k = 1
    if k < len(words) and words[k] in APPOSITION_DETERMINERS:
        k += 1
    adjectives = 0
    while k < len(words) and words[k][:1].islower() and adjectives < MAX_ADJECTIVES:
        k, adjectives = k + 1, adjectives + 1
    if k >= len(words):
        return None
    kind = _typed(words[k], person)
    if kind is None and _generic_compound(words[k]) == "":
        kind = _affiliated(words, k)
    return (words[k], kind) if kind else None


def article_role(text: str, name: str, person: bool = True) -> tuple[str, str] | None:
    """The (role word, speaker type) the article gives `name` anywhere, or None. For a person only person nouns
    count (`Virologin`); for an organisation (`person=False`) any typed noun (`die Zeitung Danas`)."""
    parts = name.split()
    if not parts:
        return None
    surname = parts[-1]
    name_words = set(parts)
    person = person and len(parts) > 1  # a one-word name may be an organisation taken for a person: `Verdi`
    for m in re.finditer(r"(?<![\w-])%s(?![\w-])" % re.escape(surname), text):
        before = WORD.findall(text[max(0, m.start() - REACH):m.start()])
        found = _before(before[1:] if m.start() > REACH else before, name_words, person)  # the first word may be cut
        if found is None:
            found = _after(WORD.findall(text[m.end():m.end() + REACH])[:-1], person)
        if found is not None:
            return found
    return None
