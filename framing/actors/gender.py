"""The gender of quoted people: the clues of one mention, and one gender per actor of a corpus (issue #20).

In (per article): a person's name (`Angela Merkel`), the words written before it in a mention (`die Virologin`,
`Bundeskanzlerin`, `Frau`, `der Vorsitzende`), a role noun, a pronoun. Out: `Clue` values, each a gender with its
evidence (`name`, `role`, `pronoun`). In (per corpus): the quotes table with the article-level clues in
`speaker_gender_evidence`, merged speakers and the user's actors file. Out: the same table with one
`speaker_gender` (female / male / unknown) and its evidence per actor: the actors file's `gender` column wins,
else every clue the corpus has for the actor; clues that disagree give unknown and say so. Only people get a
gender: institutions, parties, anonymous sources and readers get none (null). Nothing comes from a surname.

First names: Faker's per-country lists (MIT) as votes: a name is female or male when at most one country list
gives it the other gender (Faker's `en` list has `Christian` among women's names too), else ambiguous; the
hand-written `data/actors/first_name_genders.csv` wins (names used for both: `Kim`, `Andrea`, `Sascha`). Role
nouns: `data/actors/gender_words.csv` (titles `Frau`, `Herr`; `Mutter`; `-mann`; nouns of either gender:
`Mitglied`, `Star`), the feminine -in of a role noun (`Virologin` from `Virologe`, `Ärztin` from `Arzt`; not
`Berlin`, `Termin`, `Medizin`: no role noun is left when -in is taken off), a masculine role noun (`Sprecher`,
`Experte`), and for nouns made from adjectives (`Vorsitzende`, `Abgeordnete`, `45-Jährige`) the article before
them (`die Vorsitzende` female, `der Vorsitzende` male, `Vorsitzender` male).
"""

from __future__ import annotations

import csv
import functools
import importlib
import io
import pkgutil
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing import resources
from framing.errors import ConfigError

if TYPE_CHECKING:
    import polars as pl

    from framing.actors.gazetteer import Gazetteer

FEMALE, MALE, UNKNOWN = "female", "male", "unknown"
GENDERS = (FEMALE, MALE, UNKNOWN)
EVIDENCE = ("actors file", "name", "role", "pronoun")  # the kinds of evidence, strongest first
# A first name is one gender when at most this many of Faker's country lists give it the other gender.
MINORITY_LISTS = 1
# A lexicon noun taken for the masculine form of an -in noun has at least this many letters.
MASCULINE_STEM_LETTERS = 5
# Spellings a user's actors file may give its `gender` column.
GENDER_SPELLINGS = {"female": FEMALE, "f": FEMALE, "w": FEMALE, "weiblich": FEMALE, "frau": FEMALE,
                    "male": MALE, "m": MALE, "männlich": MALE, "maennlich": MALE, "mann": MALE,
                    "unknown": UNKNOWN, "": UNKNOWN, "?": UNKNOWN, "unbekannt": UNKNOWN}
# Nouns made from adjectives or participles: their gender is the article's (die / der Vorsitzende).
ADJECTIVAL = re.compile(r"(?:sitzende|ordnete|tragte|stellte|wandte|kannte|sandte|legierte|jährige|ständige|"
                        r"hörige|gesetzte|grüne|linke|rechte|deutsche|beamte|vertraute|gefangene|verletzte|"
                        r"reisende|studierende|lehrende|betroffene|geflüchtete|angeklagte|beschuldigte|"
                        r"verdächtige|delegierte|geistliche|jugendliche|bekannte|verwandte|überlebende)(?P<end>e|er|en|es|em)?$",
                        re.I)
FEMININE_ARTICLES = ("die", "eine", "diese", "jene", "keine")
MASCULINE_ARTICLES = ("der", "ein", "dieser", "jener", "kein")
# Pronouns that say their referent's gender when it is one person (`sagte er`, `sagte sie` with a singular verb).
PRONOUN_GENDERS = {"er": MALE, "sie": FEMALE}


@dataclass(frozen=True)
class Clue:
    """One piece of evidence of a person's gender: `gender` (female / male) from `evidence` (name, role, pronoun,
    actors file)."""

    gender: str
    evidence: str


# ---------------------------------------------------------------------------------------------- first names
def _faker_votes() -> dict[str, tuple[int, int]]:
    """Per first name: how many of Faker's country lists give it as a woman's and as a man's name."""
    import faker.providers.person as people

    votes: dict[str, list[int]] = {}
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for attr, slot in (("first_names_female", 0), ("first_names_male", 1)):
            value = provider.__dict__.get(attr)
            if isinstance(value, (list, tuple, set, frozenset, dict)):
                for name in {n for n in value if isinstance(n, str)}:
                    votes.setdefault(name, [0, 0])[slot] += 1
    return {n: (f, m) for n, (f, m) in votes.items()}


def _rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    text = "\n".join(line for line in resources.read_text("actors", name).splitlines()
                     if line.strip() and not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        if any(not (row.get(c) or "").strip() for c in columns) or None in row:
            raise ConfigError(f"data/actors/{name}: expected the columns {', '.join(columns)} in {row!r}")
    return rows


@functools.cache
def name_genders() -> dict[str, str]:
    """First name -> female / male / ambiguous (see the module docstring); a name absent is unknown."""
    out: dict[str, str] = {}
    for name, (female, male) in _faker_votes().items():
        if female and male and min(female, male) > MINORITY_LISTS:
            out[name] = "ambiguous"
        elif female or male:
            out[name] = FEMALE if female > male else MALE if male > female else "ambiguous"
    for row in _rows("first_name_genders.csv", ("name", "gender")):
        gender = row["gender"].strip()
        if gender not in (FEMALE, MALE, "ambiguous"):
            raise ConfigError(f"data/actors/first_name_genders.csv: {gender!r} is not female, male or ambiguous")
        out[row["name"].strip()] = gender
    return out


def first_name_gender(name: str | None) -> str | None:
    """female / male from the first word of a person's full name (`Angela Merkel`), or None: a lone word may be a
    surname (`Kim`, `Ali`), an ambiguous first name decides nothing (`Andrea Rossi`), and only the first given
    name counts (`Klaus Maria Brandauer` is male); a hyphenated one when its known parts agree (`Karl-Heinz`)."""
    from framing.actors.names import is_title

    words = [w for w in (name or "").split() if not is_title(w)]
    if len(words) < 2:
        return None
    first = words[0]
    genders = name_genders()
    found = genders.get(first)
    if found is None and "-" in first:
        parts = [genders.get(p) for p in first.split("-")]
        known = {p for p in parts if p}
        found = known.pop() if len(known) == 1 and parts[0] is not None else None
    return found if found in (FEMALE, MALE) else None


# ---------------------------------------------------------------------------------------------- role nouns
@functools.cache
def _gender_words() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    words, endings = {}, []
    for row in _rows("gender_words.csv", ("word", "gender")):
        word, gender = row["word"].strip(), row["gender"].strip()
        if gender not in (FEMALE, MALE, "none"):
            raise ConfigError(f"data/actors/gender_words.csv: {gender!r} is not female, male or none")
        if word.startswith("-"):
            endings.append((word[1:], gender))
        else:
            words[word] = gender
    return words, tuple(sorted(endings, key=lambda e: -len(e[0])))


def _listed(word: str) -> str | None:
    """The gender gender_words.csv gives a word (`none` included), or None when it does not list it."""
    words, endings = _gender_words()
    if word in words:
        return words[word]
    head = word.rsplit("-", 1)[-1]
    if head in words:
        return words[head]
    low = head.lower()
    return next((g for ending, g in endings if low.endswith(ending) and low != ending[:-1]), None)


def _unumlaut(stem: str) -> str:
    """The stem with its last umlaut undone: `Ärzt` -> `Arzt`, `Anwält` -> `Anwalt`, `Bäuer` -> `Bauer`."""
    for k in range(len(stem) - 1, -1, -1):
        if stem[k] in "äöüÄÖÜ":
            return stem[:k] + {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}[stem[k]] + stem[k + 1:]
    return stem


def _masculine_role(word: str) -> bool:
    """A role noun for a man, or the generic masculine the feminine -in is made from (`Sprecher`, `Virologe`)."""
    from framing.actors.names import is_person_noun
    from framing.actors.types import word_type
    from framing.quotes.lexicon import lexicon
    from framing.quotes.tokens import is_institution, is_role

    lex = lexicon()
    if not word.rsplit("-", 1)[-1][:1].isupper() or is_institution(word, lex):
        return False
    kind = word_type(word)
    return is_role(word, lex) or is_person_noun(word) and kind is not None and kind not in (
        "government", "party", "institution", "media", "business", "civil_society", "anonymous") or (
        kind in ("media", "business", "civil_society") and is_person_noun(word) and word.endswith(
            ("er", "ist", "ant", "ent", "eur", "or", "at", "oge", "e")))


def _feminine_role(word: str) -> bool:
    """A feminine role noun in -in whose masculine form is a role noun: `Bundeskanzlerin`, `Virologin`, `Ärztin`,
    `Grünen-Politikerin`; not `Berlin`, `Termin`, `Medizin`, `Kremlin`."""
    head = word.rsplit("-", 1)[-1]
    if not head.endswith("in") or head.endswith("innen") or len(head) < 5:
        return False
    from framing.actors.names import is_common_noun, is_person_noun

    prefix = word[: len(word) - len(head)]
    stem = head[:-2]
    for candidate in (stem, stem + "e", _unumlaut(stem), _unumlaut(stem) + "e"):
        # a person noun of the lexicon as the masculine form ("Lehrer", "Kollege"), if not too short to be
        # anything else ("Pute" is no masculine of "Putin")
        if _masculine_role(prefix + candidate) or _masculine_role(candidate) or _listed(candidate) == MALE or (
                len(candidate) >= MASCULINE_STEM_LETTERS and is_person_noun(candidate) and is_common_noun(candidate)):
            return True
    return False


def role_gender(word: str, article: str | None = None) -> str | None:
    """female / male for a role noun, title or form of address (`Virologin`, `Bundeskanzlerin`, `Frau`, `Herr`,
    `der Sprecher`), or None (no person noun, a plural, a noun of either gender). `article`: the determiner right
    before the noun (lower case), which decides nouns made from adjectives (`die Vorsitzende`) and marks a plural
    (`die Experten`, `die Politiker`)."""
    word = word.strip(" ,;:()")
    if not word.rsplit("-", 1)[-1][:1].isupper():
        return None
    listed = _listed(word) or _listed(word + ".")
    if listed is not None:
        return None if listed == "none" else listed
    adjectival = ADJECTIVAL.search(word)
    if adjectival is not None:
        end = adjectival.group("end") or ""
        if end == "er" and article in (None, "ein", "kein"):
            return MALE  # "Vorsitzender Müller", "ein Abgeordneter"
        if end == "":
            return FEMALE if article in FEMININE_ARTICLES else MALE if article in MASCULINE_ARTICLES else None
        return None  # "-en", "-es", "-em": a plural or a case that does not tell
    if word.endswith("innen"):
        return None  # a plural: "Ärztinnen", "Sprecherinnen"
    if _feminine_role(word) or word.endswith("in") and _masculine_role(word):
        return FEMALE  # "Virologin"; "Ärztin", "Psychotherapeutin" (listed as person nouns themselves)
    if _masculine_role(word):
        if article in ("die", "den") or word.endswith(("en", "innen")) and _masculine_role(word[:-1]):
            return None  # a plural: "die Politiker", "den Experten", "Experten"
        return MALE
    return None


def role_clues(words: Sequence[str]) -> list[Clue]:
    """The role clues of the words written before a name (or a role-only mention), in order: each title or role
    noun with the determiner right before it (`die frühere Vorsitzende` -> female; `Kanzlerin` -> female)."""
    from framing.quotes.lexicon import DETERMINERS

    clues, article = [], None
    for w in words:
        low = w.lower()
        if low in DETERMINERS:
            article = low
            continue
        if not w[:1].isupper():
            continue  # an adjective keeps the article: "die frühere Vorsitzende"
        gender = role_gender(w, article)
        if gender is not None:
            clues.append(Clue(gender, "role"))
        article = None
    return clues


# Words that end the run of role words before a name: "die Sprecherin von Innenminister X, Eleonore Y".
ROLE_RUN_STOPS = (",", "(", ")", "von", "vom", "des", "beim", "bei", "für", "mit", "und", "sowie", "oder", "laut")


def words_before_name(words: Sequence[str], name_forms: Iterable[str]) -> list[str]:
    """The words of a mention of a person that can say its gender: the titles, role nouns, adjectives and articles
    written right before the name (`die frühere Vorsitzende` of `die frühere Vorsitzende Andrea Nahles`), or, in a
    mention without the name, its first noun with what precedes it (`die Kanzlerin`); never the name itself.
    `name_forms`: the person's name and aliases."""
    from framing.actors.gazetteer import fold
    from framing.quotes.lexicon import DETERMINERS, PRONOUNS

    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return []
    names = {fold(w) for form in name_forms for w in form.split()}
    at = next((k for k, w in enumerate(words) if fold(w) in names or fold(w.removesuffix("s")) in names), None)
    if at is None:
        first_noun = next((k for k, w in enumerate(words) if w[:1].isupper() and w.lower() not in DETERMINERS),
                          None)
        if first_noun is None or any(w.lower() in ("der", "des", "von", "vom") for w in words[first_noun + 1:]):
            return []  # "der Sprecher der Landesrätin": whoever it resolved to, the role is someone else's
        return list(words[:first_noun + 1])
    return role_run(words[:at])


def role_run(words: Sequence[str]) -> list[str]:
    """The run of titles, role nouns, adjectives and articles at the end of `words` (the words before a name):
    `Kanzlerin Merkels Sprecher` -> `Sprecher`; a comma, a preposition, another name or noun ends it."""
    from framing.actors.names import is_first_name, is_person_noun, is_title
    from framing.quotes.lexicon import DETERMINERS, lexicon
    from framing.quotes.tokens import is_role

    lex = lexicon()
    run: list[str] = []
    if words and words[-1][:1].isupper() and not (is_title(words[-1]) or is_role(words[-1], lex) or is_person_noun(
            words[-1]) or words[-1].lower() in DETERMINERS):
        # the words right before the name are a genitive's: "Fraktionschef der Wahren Finnen Sampo Terho"
        head = next((k for k, w in enumerate(words[:-1]) if is_role(w, lex) and words[k + 1].lower() in (
            "der", "des")), None)
        return [words[head]] if head is not None else []
    for w in reversed(words):
        if w.lower() in ROLE_RUN_STOPS:
            break
        if w[:1].isupper() and w.lower() not in DETERMINERS and not (
                is_title(w) or is_role(w, lex) or is_person_noun(w)) or is_first_name(w):
            break  # another name or noun: "Kanzlerin Merkels Sprecher Steffen Seibert" keeps "Sprecher"
        run.insert(0, w)
        if w.lower() in DETERMINERS:
            break  # the article opens the phrase: "Sprecher der zuständigen Landesrätin" keeps "der … Landesrätin"
    return run


def role_text_clues(role: str | None) -> list[Clue]:
    """The clues of a role as `speaker_role` writes it (`CSU-Chef`, `Frau`, `deutsche Bundeskanzlerin`)."""
    return role_clues(role_run(re.findall(r"[^\s,()]+|[,()]", role))) if role else []


def pronoun_clue(pronoun: str, cue: str | None) -> Clue | None:
    """The gender a pronoun speaker mention says: `er` male; `sie` female when its verb is singular (`sagte sie`;
    `sagten sie` is a plural)."""
    gender = PRONOUN_GENDERS.get(pronoun.lower().strip())
    if gender is None:
        return None
    verb = (cue or "").split()[0].lower() if (cue or "").split() else ""
    if gender == FEMALE and (not verb or verb.endswith("en") or verb in ("laut", "zufolge", "so")):
        return None
    return Clue(gender, "pronoun")


# ---------------------------------------------------------------------------------------------- one verdict
def verdict(clues: Iterable[Clue]) -> tuple[str, str | None]:
    """(gender, evidence) of a person from all its clues: the actors file alone when it has one; else the gender
    every clue agrees on, with the kinds of evidence (`name; role`); unknown with `conflict: …` when they disagree,
    unknown with no evidence when there are none."""
    clues = set(clues)
    filed = {c.gender for c in clues if c.evidence == "actors file"}
    if filed:
        return (filed.pop(), "actors file") if len(filed) == 1 else (UNKNOWN, "conflict: actors file")
    genders = {c.gender for c in clues}
    if not genders:
        return UNKNOWN, None
    if len(genders) == 1:
        gender = genders.pop()
        return gender, "; ".join(e for e in EVIDENCE if Clue(gender, e) in clues)
    said = "; ".join(f"{g} ({', '.join(e for e in EVIDENCE if Clue(g, e) in clues)})" for g in (FEMALE, MALE))
    return UNKNOWN, f"conflict: {said}"


def parse_evidence(gender: str | None, evidence: str | None) -> list[Clue]:
    """The clues an article-level (gender, evidence) pair was made from: the inverse of `verdict`."""
    if not evidence:
        return []
    if evidence.startswith("conflict: "):
        found = re.findall(r"(female|male) \(([^)]*)\)", evidence)
        return [Clue(g, e.strip()) for g, kinds in found for e in kinds.split(",") if e.strip() in EVIDENCE]
    if gender not in (FEMALE, MALE):
        return []
    return [Clue(gender, e.strip()) for e in evidence.split(";") if e.strip() in EVIDENCE]


def filed_gender(value: str | None, where: str) -> str | None:
    """The gender an actors file gives (`female`, `f`, `weiblich`, `male`, `m`, …), None when empty or unknown;
    ConfigError naming `where` for anything else."""
    key = (value or "").strip().lower()
    if key not in GENDER_SPELLINGS:
        raise ConfigError(f"{where}: gender {value!r} is not one of female, male, unknown (or f, m, w)")
    found = GENDER_SPELLINGS[key]
    return None if found == UNKNOWN else found


# ---------------------------------------------------------------------------------------------- the corpus
def corpus_genders(quotes: pl.DataFrame, actors: Gazetteer | None = None) -> pl.DataFrame:
    """The quotes table (framing.schema.QUOTES, speakers merged by framing.actors.merge) with one gender per
    actor: the user's actors file's `gender` wins; else the clues of all the actor's quotes across the corpus
    (their article-level `speaker_gender_evidence`) and the first name of its merged name, agreeing or unknown
    with the conflict said. Rows that are not a person's get null. Same columns in and out."""
    import polars as pl

    if quotes.is_empty() or "speaker_gender" not in quotes.columns:
        return quotes
    person = pl.col("speaker").is_not_null() & (pl.col("speaker_kind") == "person")
    rows = quotes.filter(person).select("speaker", "speaker_gender", "speaker_gender_evidence").unique()
    clues: dict[str, set[Clue]] = {}
    for speaker, gender, evidence in rows.iter_rows():
        found = clues.setdefault(speaker, set())
        found.update(c for c in parse_evidence(gender, evidence) if c.evidence != "name")
    genders, evidences = {}, {}
    for speaker, found in clues.items():
        named = first_name_gender(speaker)
        if named is not None:
            found.add(Clue(named, "name"))
        actor = actors.lookup(speaker) if actors is not None else None
        if actor is not None and actor.gender is not None:
            found.add(Clue(actor.gender, "actors file"))
        genders[speaker], evidences[speaker] = verdict(found)
    return quotes.with_columns(
        pl.when(person).then(pl.col("speaker").replace_strict(genders, default=UNKNOWN, return_dtype=pl.String))
        .otherwise(None).alias("speaker_gender"),
        pl.when(person).then(pl.col("speaker").replace_strict(evidences, default=None, return_dtype=pl.String))
        .otherwise(None).alias("speaker_gender_evidence"),
    ).select(quotes.columns)
