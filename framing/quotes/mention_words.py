"""The words of a speaker mention: which of them are the name, the organisation and the role.

In: the tokens of a mention (`Die Analystin Petra Musterfrau`, `ein Sprecher des Innenministeriums`, `CSU-Chef
Markus Söder`) and the lexicon. Out: the positions of the name, whether a noun stands for an organisation, the
organisation in a genitive attribute, an institution's name without its genitive ending, the role written before or
after a name and the type a role compound takes from its first part. Pure functions of the words; the article's
entities are `framing.quotes.speakers`'.
"""

from __future__ import annotations

import re

from framing.actors.gazetteer import Gazetteer, fold
from framing.actors.names import is_first_name, is_person_noun, is_title
from framing.actors.types import ORGANISATION_TYPES, word_type
from framing.quotes.lexicon import ADVERBS, DETERMINERS, NAME_PARTICLES, POSSESSIVES, PRONOUNS, Lexicon, alternation
from framing.quotes.tokens import Tok, is_adjective, is_institution, is_role

COMMON_NOUN = re.compile(r"(?:%s)$" % alternation("common_noun_endings"))


def name_words(words: list[Tok], lex: Lexicon) -> list[int]:
    """The positions of the name in a mention: the trailing run of capitalised words that are not role,
    institution or anonymous nouns and do not directly follow a determiner or adjective (those are common
    nouns); empty when the mention holds no name."""
    run: list[int] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w.text in "()":
            if run:
                break
            continue
        if w.lower in DETERMINERS or w.lower in POSSESSIVES or w.lower in PRONOUNS:
            break  # "Sein Besuch": a sentence-initial article is no name
        if w.capword or (w.lower in NAME_PARTICLES and run):
            run.insert(0, i)
            continue
        break
    while run and words[run[0]].lower in NAME_PARTICLES:
        run.pop(0)
    name_idx: list[int] = []
    for i in run:
        w = words[i]
        prev = words[i - 1] if i else None
        if is_role(w.text, lex) or is_institution(w.text, lex) or w.text in lex.anonymous or w.lower in ADVERBS:
            name_idx = []
            continue
        if prev is not None and not name_idx and (
                prev.lower in DETERMINERS or prev.lower in POSSESSIVES or is_adjective(prev, lex)):
            continue
        if i == 0 and len(run) == 1 and w.lower in ADVERBS:
            continue
        name_idx.append(i)
    if len(name_idx) == 1 and COMMON_NOUN.search(words[name_idx[0]].text):
        name_idx = []  # "Forderung", "Regierung": a common noun, not a name
    return name_idx


def is_organisation(word: str, lex: Lexicon) -> bool:
    """A noun that stands for an organisation (`Zeitschrift`, `Konzern`, `Gesundheitsministerium`), also in the
    genitive (`des Unternehmens`)."""
    for form in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None):
        if form and (is_institution(form, lex) or word_type(form) in ORGANISATION_TYPES and not is_role(form, lex)):
            return True
    return False


def before_genitive(words: list[Tok], i: int) -> bool:
    """words[i] stands inside a genitive attribute before the name: "Sprecher des Ministeriums, Hans Muster"."""
    return any(words[k].lower in ("des", "der") and words[k - 1].capword for k in range(1, i))


def genitive_organisation(words: list[Tok], lex: Lexicon) -> tuple[int, int] | None:
    """The span of a genitive organisation in a mention (`des Innenministeriums`, `der Polizei`), or None."""
    for k, w in enumerate(words[:-1]):
        if w.lower in ("des", "der", "vom", "von"):
            rest = [j for j in range(k + 1, len(words)) if words[j].capword]
            if rest and (is_organisation(words[rest[-1]].text, lex) or not is_person_noun(words[rest[-1]].text)
                         and not is_first_name(words[rest[0]].text) and not is_role(words[rest[-1]].text, lex)):
                return (rest[0] if rest[0] == k + 1 else k + 1, rest[-1] + 1)
    return None


GENITIVE_ENDINGS = re.compile(
    r"(?:ium|amt|gericht|institut|parlament|rat|verband|unternehmen|konzern|haus|verein|sender|büro|zentrum|"
    r"ministerium|komitee|kommando|präsidium|bundesheer|heer|land|werk)(e?s)$", re.I)


def institution_name(name: str) -> str:
    """An institution's name without a genitive ending: `Innenministeriums` -> `Innenministerium`,
    `des Krankenhauses` -> `Krankenhaus`."""
    words = name.split()
    found = GENITIVE_ENDINGS.search(words[-1]) if words else None
    if found:
        words[-1] = words[-1][:found.start(1)]
    return " ".join(words)


def role_before(text: str, words: list[Tok], at: int, lex: Lexicon) -> str | None:
    """The role and titles written right before a name at words[at] (`CSU-Chef`, `Prof. Dr.`), or None."""
    k = at
    while k > 0 and (words[k - 1].capword or words[k - 1].text == "-") and not words[k - 1].lower in DETERMINERS:
        k -= 1
    if k == at:
        return None
    role = text[words[k].start:words[at].start].strip(" ,")
    if not any(is_title(w) or is_role(w, lex) or is_person_noun(w) or word_type(w) for w in role.split()):
        return None
    return role


def bare_role(head: str) -> str:
    """An unnamed role-holder's speaker name: the role noun itself (`Polizeichefin`)."""
    return head


def role_after(toks: list[Tok], j: int, lex: Lexicon) -> str | None:
    """A role in apposition right after a name ending before toks[j]: "Irmgard Griss, die frühere
    OGH-Präsidentin," -> "OGH-Präsidentin"."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    while k < len(toks) and k <= j + 5 and not toks[k].quoted:
        w = toks[k]
        if w.capword and w.lower not in DETERMINERS:
            if is_role(w.text, lex) or is_person_noun(w.text) and word_type(w.text):
                return w.text
            return None
        if w.text in ",.;:" or w.lower not in DETERMINERS and not is_adjective(w, lex) and not (
                w.text[:1].isdigit()):
            return None  # "Alexander Gauland, sagte Grünen-Fraktionschefin X": the role is the next speaker's
        k += 1
    return None


def compound_type(role: str, gaz: Gazetteer) -> str | None:
    """The type a role compound takes from its first part, when that is a known actor or noun: `Pentagon-Sprecher`
    -> government, `WTO-Chef` -> institution, `Wifo-Chef` -> expert."""
    head = role.split()[-1] if role.split() else role
    if "-" not in head:
        return None
    first = head.split("-", 1)[0]
    actor = gaz.by_alias.get(fold(first))
    if actor is not None and actor.type and actor.kind == "institution":
        return actor.type
    kind = word_type(first)
    return kind if kind in ORGANISATION_TYPES or kind == "expert" else None
