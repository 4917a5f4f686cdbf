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

from framing.actors.names import (
    is_common_noun,
    is_first_name,
    is_person_noun,
    never_a_name,
    place_names,
    word_tags,
)
from framing.actors.types import (
    FORMER,
    ORGANISATION_TYPES,
    affiliation_type,
    is_listed,
    mention_group,
    word_type,
)

WORD = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÿ][\w.'’-]*|[^\w\s]")
# What may stand between a name and its apposed role: "Griss, die frühere Präsidentin", "Kern, ein gelernter …".
APPOSITION_DETERMINERS = frozenset({"der", "die", "das", "ein", "eine", "des", "dem", "den"})
REACH = 60  # characters looked at on each side of a name
MAX_ADJECTIVES = 3
# Verbs that make the noun after them a person's role: "Butterfill ist Chefökonom", "Weber war Trainer".
COPULAS = frozenset({"ist", "war", "sei", "wäre", "wurde", "gilt", "bleibt"})
PREDICATE_WORDS = frozenset({"als", "seit", "inzwischen", "jetzt", "nun", "bereits", "schon", "selbst", "auch"})
ACRONYM_LETTERS = 8  # an organisation's acronym (WWF, EuGH, ÖVGW) has at most this many letters
DEFINITION_WORDS = 6  # the words of an acronym's written-out name looked at: "Kuratorium für Verkehrssicherheit (KFV)"
# The prepositions (and genitive articles) that open what a role holds: "Leiter des Instituts", "Richter im Ausschuss".
AFFILIATION_WORDS = frozenset({"von", "vom", "der", "des", "bei", "beim", "im", "am", "an", "für", "in", "aus"})
# Role heads whose type depends on what they head: `-Chef` of a firm, a party, a team.
GENERIC_HEADS = ("sprecherin", "sprecher", "leiterin", "leiter", "chefin", "chef", "vertreterin", "vertreter")


def _typed(word: str, person: bool = True) -> str | None:
    """The speaker type a capitalised role word gives a person (a person noun: `Virologin`, not `Zeitung`), or
    a one-word name such as `Verdi` (`die Gewerkschaft Verdi`); None when the word types nobody."""
    if not word[:1].isupper() or is_first_name(word) or never_a_name(word) or person and not is_person_noun(word):
        return None
    if word.startswith(FORMER) and len(word) > 4:
        return _typed(word[3:], person)  # "Ex-KPÖ-Chef": the role once held
    if "-" in word:
        said = mention_group([word])
        if said is not None and said[1] == "party":
            return "politician"  # "ÖVP-Mann", "Grünen-Politiker"
    split = None if is_listed(word) else _generic_compound(word)
    if split is not None:  # "Springer-Chef" is business, "HDP-Chef" a party's, "Wolfsburg-Chef" unknown
        kind = (word_type(split) or _gazetteer_type(split)) if split else None
        if kind in ORGANISATION_TYPES:
            return kind
        # a common noun first ("Bürochefin") keeps the head's own type; a name no list knows ("Wolfsburg") none
        return word_type(word) if split and is_common_noun(split) else None
    return word_type(word)


def _gazetteer_type(name: str) -> str | None:
    """The type the shipped gazetteer gives an organisation (`Google` in `Google-Chef`, `ÖBB` in `ÖBB-Sprecher`)."""
    from framing.actors.gazetteer import fold, load_gazetteer

    actor = load_gazetteer().by_alias.get(fold(name))
    return actor.type if actor is not None and actor.kind == "institution" else None


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


def _last_before_name(words: list[str], name_words: set[str]) -> int:
    """The index of the last of `words` (those before a name) that is neither a word of the name nor a first name
    (-1 when there is none): "Der Wissenschafter Arjen Hoekstra" before "Hoekstra" ends at "Wissenschafter"."""
    k = len(words) - 1
    while k >= 0 and (words[k] in name_words or is_first_name(words[k])):
        k -= 1
    return k


def _before(words: list[str], name_words: set[str], person: bool) -> tuple[str, str] | None:
    """The role noun before a name: skip its own first names, then one typed capitalised word."""
    k = _last_before_name(words, name_words)
    if k > 0 and words[k][:1].isupper() and not is_common_noun(words[k]) and not _typed(words[k], person):
        k -= 1  # a first name no list knows: "Arjen Hoekstra"
    if k < 0:
        return None
    kind = _typed(words[k], person)
    return (words[k], kind) if kind else None


PP_WORDS = 4  # the words of a prepositional phrase between a fronted role and its comma: "im Hypo-U-Ausschuss"


def _fronted(words: list[str], name_words: set[str]) -> tuple[str, str] | None:
    """A person's role noun in apposition before the name and a comma: `der Verfahrensrichter im
    Hypo-U-Ausschuss, Walter Pilgermaier`, `die Sprecherin des Ministeriums, Anna Muster`."""
    k = _last_before_name(words, name_words)
    if k < 2 or words[k] != ",":
        return None
    for j in range(k - 1, max(0, k - 2 - PP_WORDS), -1):
        between = words[j + 1:k]
        if between and not (between[0].islower() and between[0] in AFFILIATION_WORDS):
            continue
        if words[j - 1].lower() in APPOSITION_DETERMINERS or words[j - 1][:1].islower() and j > 1 and (
                words[j - 2].lower() in APPOSITION_DETERMINERS):
            kind = _typed(words[j]) or (_affiliated(words[:k], j) if _generic_compound(words[j]) == "" else None)
            if kind:
                return words[j], kind
    return None


def _after(words: list[str], person: bool) -> tuple[str, str] | None:
    """The role noun in apposition after a name: `, die frühere Präsidentin`."""
    if not words or words[0] != ",":
        return None
    k = 1
    if k < len(words) and words[k] in APPOSITION_DETERMINERS:
        k += 1
    adjectives = 0
    while k < len(words) and _adjective(words[k]) and adjectives < MAX_ADJECTIVES:
        k, adjectives = k + 1, adjectives + 1
    if k >= len(words):
        return None
    kind = _typed(words[k], person)
    if kind is None:
        kind = _affiliated(words, k) if _generic_compound(words[k]) == "" else None  # "…, Sprecher der Polizei"
    elif _affiliated(words, k) == "politician":
        kind = "politician"  # "…, Parlamentarischer Geschäftsführer der SPD-Fraktion": a party's
    return (words[k], kind) if kind else None


def _adjective(word: str) -> bool:
    """A word before a role noun that is an adjective: `frühere`, also capitalised in a title (`Parlamentarischer
    Geschäftsführer`, `Stellvertretender Vorsitzender`)."""
    return word[:1].islower() or "ADJA" in word_tags(word.lower())


MEMBER_WORDS = ("von", "vom", "bei", "beim")
ORGANISATION_WORDS = 6  # the words after "von" looked at: "von der Europäischen Raumfahrtagentur ESA"


NAME_JOINERS = frozenset({"für", "und", "der", "des", "of", "for"})  # "Büro für Verkehrsplanung", "Institut der …"


def _organisation_words(words: list[str]) -> list[str]:
    """`von der Europäischen Raumfahrtagentur ESA am Montag` -> `von der Europäischen Raumfahrtagentur ESA`: the
    preposition, its article and adjectives, then the capitalised words of the name (joined by `für`, `und`)."""
    k = 1
    while k < len(words) and (words[k] in APPOSITION_DETERMINERS or words[k][:1].islower() and k < 3):
        k += 1
    end = k
    while end < len(words) and end < ORGANISATION_WORDS + 1:
        w = words[end].rstrip(".")
        if w[:1].isupper():
            end += 1
            if words[end - 1].endswith("."):
                break
        elif w in NAME_JOINERS and end + 1 < len(words) and words[end + 1][:1].isupper():
            end += 1
        else:
            break
    return [w.rstrip(".") for w in words[:end]] if end > k else []


def _member_of(words: list[str]) -> tuple[str, str] | None:
    """The type of the organisation a person is named with right after the name: `Paolo Ferri von der ESA`,
    `Jörg Raderbauer vom Büro für Verkehrsplanung` (the gazetteer's organisations count as well as the nouns of
    the type table; a party makes a politician)."""
    if not words or words[0] not in MEMBER_WORDS:
        return None
    named = _organisation_words(words)
    kind = affiliation_type(["", *named])
    if kind is None:  # a gazetteer organisation; a place ("von der Boku Wien") is none
        found = next((t for t in (_gazetteer_type(w) for w in named[1:] if w[:1].isupper() and w not in place_names())
                      if t in ORGANISATION_TYPES or t == "expert"), None)
        kind = "politician" if found == "party" else found
    return (" ".join(named), kind) if kind else None


def _predicate(words: list[str], person: bool) -> tuple[str, str] | None:
    """The role noun a copula gives the name before it: `ist Chefökonom des Finanzdienstleisters`, `war
    einst der Trainer`."""
    if not words or words[0] not in COPULAS:
        return None
    k = 1
    while k < len(words) and (words[k] in APPOSITION_DETERMINERS or words[k] in PREDICATE_WORDS):
        k += 1
    adjectives = 0
    while k < len(words) and words[k][:1].islower() and adjectives < MAX_ADJECTIVES:
        k, adjectives = k + 1, adjectives + 1
    kind = _typed(words[k], person) if k < len(words) else None
    return (words[k], kind) if kind else None


def is_acronym(word: str) -> bool:
    """A short word with two or more capitals and no hyphen: an organisation's acronym (NASA, VCÖ, EuGH)."""
    return len(word) <= ACRONYM_LETTERS and "-" not in word and sum(c.isupper() for c in word) >= 2


def _spelled_out(text: str, acronym: str) -> tuple[str, str] | None:
    """The type of an acronym's written-out name in the article: `Bundeswettbewerbsbehörde (BWB)`, `die ÖVGW
    (Österreichische Vereinigung für das Gas- und Wasserfach)`: the organisation noun of those words."""
    for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", text):
        words = WORD.findall(text[max(0, m.start() - REACH):m.start()])
        stop = max((i for i, w in enumerate(words) if not w[:1].isalnum() and w != "-"), default=-1)
        found = _organisation(words[stop + 1:][-DEFINITION_WORDS:])
        if found:
            return found
    for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}\s*\(([^()]{{3,{REACH}}})\)", text):
        found = _organisation(WORD.findall(m.group(1))[:DEFINITION_WORDS])
        if found:
            return found
    return None


def _organisation(words: list[str]) -> tuple[str, str] | None:
    """The last organisation noun of a written-out name (`Kuratorium für Verkehrssicherheit`); a noun before a
    foreign word no list knows is part of a foreign name and types nothing (`General Motors` is no general's)."""
    for k in range(len(words) - 1, -1, -1):
        w, after = words[k], words[k + 1] if k + 1 < len(words) else ""
        foreign = after[:1].isupper() and not word_tags(after) and word_type(after) is None
        kind = word_type(w) if w[:1].isupper() and not foreign else None
        if kind in ORGANISATION_TYPES or kind == "expert":
            return w, kind
    return None


def article_role(text: str, name: str, person: bool = True) -> tuple[str, str] | None:
    """The (role word, speaker type) the article gives `name` anywhere, or None. For a person only person nouns
    count (`Virologin`); for an organisation (`person=False`) any typed noun (`die Zeitung Danas`)."""
    parts = name.split()
    if not parts:
        return None
    surname = parts[-1]
    name_words = set(parts)
    person = person and len(parts) > 1  # a one-word name may be an organisation taken for a person: `Verdi`
    for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        before = WORD.findall(text[max(0, m.start() - REACH):m.start()])
        before = before[1:] if m.start() > REACH else before  # the first word may be cut
        found = _before(before, name_words, person) or (_fronted(before, name_words) if person else None)
        if found is None:
            after = WORD.findall(text[m.end():m.end() + 2 * REACH])[:-1]  # an apposition may be long
            found = _after(after, person) or _predicate(after, person) or (_member_of(after) if person else None)
        if found is not None:
            return found
    return _spelled_out(text, name) if not person and is_acronym(name) else None
