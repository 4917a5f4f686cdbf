"""Wire-service credits in an article's text: which agencies it credits, and whether the text is the wire report.

In: an article's text. Out: `AgencyCredit` (the agencies credited, in the order found, whether the credit says the
text is the agency's own report, and the credit as evidence), or None. The forms are the ones German outlets
print: a dateline (`Berlin (dpa) -`, `BRÜSSEL (dpa-AFX) -`), a credit in brackets (`(dpa)`, `(AFP/nd)`,
`(APA, 4.6.2015)`), a slash credit closing the text (`AFP/nd`, `dpa/afp/mb`, `/dpa`), a source note (`Quelle:
dpa`) — all of which make the text the wire report — and `mit Material von dpa` / `(mit dpa)` / `(red, APA)`, which
make it the outlet's own text written with agency material (the agency is credited, the text is no wire copy).
Photo credits (`Foto: dpa`, `Bild: picture alliance/dpa`) credit the picture, never the text: they are blanked out
before anything else is looked for. The agencies are data/agencies.csv, the words around them
data/genre/credits.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from framing import resources
from framing.errors import ConfigError
from framing.load.metadata import _HEADER, agencies

HEAD_CHARS = 400  # a dateline or an opening credit stands in the text's first characters
TAIL_CHARS = 300  # a closing credit in its last ones
DATED_CREDIT_FROM = 0.4  # `(APA, 4.6.2015)` before an appended box: anywhere after this share of the text
MAX_TOKEN = 15  # a credit token (`nd`, `mb`, `lno`) is at most this long


@dataclass(frozen=True)
class AgencyCredit:
    agencies: tuple[str, ...]  # canonical names (data/agencies.csv), in the order the credit gives them
    wire: bool  # the credit says the text is the agency's report (not only written with its material)
    evidence: str  # the credit as printed, and where

    @property
    def agency(self) -> str:
        return self.agencies[0]


@cache
def _words() -> dict[str, list[str]]:
    path = resources.data_path("genre", "credits.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the credit words {path}: {exc}") from exc
    return {key: [str(v) for v in values] for key, values in data.items()}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = _words()
    names = sorted({n for a in agencies() for n in _names(a.name)}, key=len, reverse=True)
    agency = "|".join(re.escape(n) for n in names)
    token = rf"[\w.-]{{1,{MAX_TOKEN}}}"
    return {
        # "Foto: dpa", "Bild: picture alliance/dpa/Kay Nietfeld", "© AFP": to the end of the line (at most 120 chars)
        "photo": re.compile(rf"(?:(?<![\w-])(?:{_alternation(words['photo_words'])})(?![\w-])\s*:?|(?<![\w-])"
                            rf"(?:{_alternation(words['photo_words_with_colon'])})\s*:)[^\n]{{0,120}}"),
        "dateline": re.compile(r"(?m)^[ \t]*(?:[A-ZÄÖÜ][\wÄÖÜäöüß./ -]{1,40}?\s*)?\((?P<credit>[^()\n]{2,50})\)\s*[-–—:]"),
        "bracket": re.compile(r"\((?P<credit>[^()\n]{2,60})\)\.?\s*\Z"),
        "dated": re.compile(r"\((?P<credit>[^()\n]{2,60}?[,;]\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4})\)"),
        "slash": re.compile(rf"(?m)(?:^[ \t]*|(?<=[.!?…\"“”»«])[ \t]+)(?P<credit>/?(?:{token}/)*(?:{agency})(?:/{token})*)\.?\s*\Z"),
        "source": re.compile(rf"(?m)^[ \t]*(?:{_alternation(words['source_words'])})\s*:\s*(?P<credit>[^\n]{{2,80}}?)"
                             r"\.?[ \t]*$"),
        "material": re.compile(rf"(?i:{_alternation(words['material_phrases'])})\s+(?:der |den |des )?"
                               rf"(?:Nachrichtenagenturen?\s+|Agenturen?\s+)?(?P<credit>(?:{agency})"
                               rf"(?:\s*(?:,|/|und|and|&)\s*(?:{agency}))*)(?![\w-])"),
        "bracket_material": re.compile(rf"\((?:{_alternation(words['bracket_material_words'])})\s+(?P<credit>[^()\n]"
                                       r"{2,50})\)"),
    }


@cache
def _aliases() -> dict[str, list[str]]:
    """Every agency's name with its aliases, as data/agencies.csv gives them."""
    import csv

    with open(resources.data_path("agencies.csv"), encoding="utf-8", newline="") as fh:
        return {row["name"]: [row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]]
                for row in csv.DictReader(fh)}


def _names(name: str) -> list[str]:
    return _aliases().get(name, [name])


def _agency_of(token: str) -> str | None:
    token = token.strip(" .")
    for agency in agencies():
        if agency.pattern.fullmatch(token):
            return agency.name
    return None


def _parse(credit: str) -> tuple[list[str], bool] | None:
    """The agencies of a credit such as `dpa/afp/mb`, `APA, 4.6.2015`, `red, APA`, and whether the newsroom is
    named as its author (`red`); None when a token is neither an agency, a date, initials nor the newsroom."""
    found, newsroom = [], False
    for token in re.split(r"\s*[/,;]\s*|\s+und\s+|\s*&\s*", credit.strip()):
        token = token.strip(" .")
        if not token:
            continue
        name = _agency_of(token)
        if name:
            if name not in found:
                found.append(name)
        elif token in _words()["newsroom_tokens"]:
            newsroom = True
        elif re.fullmatch(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|[a-zäöü]{1,4}|[A-ZÄÖÜ]{1,3}|[A-ZÄÖÜ][a-zäöü]{0,2}", token):
            continue  # a date or an editor's initials (`mb`, `nd`, `AS`)
        else:
            return None
    return (found, newsroom) if found else None


def _blank_photo_credits(text: str) -> str:
    words = _words()
    if not any(w in text for w in (*words["photo_words"], *words["photo_words_with_colon"])):
        return text  # a substring test is far cheaper than the pattern
    return _patterns()["photo"].sub(lambda m: " " * len(m.group(0)), text)


def find_credit(text: str) -> AgencyCredit | None:
    """The wire-service credit of an article's text (see the module docstring), or None when it credits none.
    Credits stand at the start or the end: only the first HEAD_CHARS and the last TAIL_CHARS characters are read
    (and, for a dated credit before an appended box, the text after DATED_CREDIT_FROM of it)."""
    if not text:
        return None
    patterns = _patterns()
    head = _blank_photo_credits(text[:HEAD_CHARS])
    header = _HEADER.match(head)  # the seeds' header token ` date 2024-12` before a dateline on the same line
    if header:
        head = "\n" * header.end() + head[header.end():]
    tail = _blank_photo_credits(text[-TAIL_CHARS:]).rstrip()
    ends = (head, tail)

    def credit(form: str, where: str, found: re.Match[str] | None, wire: bool = True) -> AgencyCredit | None:
        if found is None:
            return None
        parsed = _parse(found.group("credit"))
        if parsed is None:
            return None
        names, newsroom = parsed
        if newsroom or not wire:
            return AgencyCredit(tuple(names), False, f"agency material {found.group(0).strip()!r} ({where}): the "
                                "outlet's own text")
        return AgencyCredit(tuple(names), True, f"{form} {found.group(0).strip()!r} ({where})")

    for end in ends:
        material = patterns["material"].search(end)
        names = [n for n in (_agency_of(t) for t in re.split(r"\s*(?:,|/|und|and|&)\s*", material.group("credit")))
                 if n] if material is not None else []
        if names:
            return AgencyCredit(tuple(dict.fromkeys(names)), False,
                                f"agency material {material.group(0).strip()!r}: the outlet's own text")
    for end in ends:
        bracketed = credit("agency material", "in brackets", patterns["bracket_material"].search(end), wire=False)
        if bracketed is not None:
            return bracketed
    for end in ends:
        for found in patterns["source"].finditer(end):
            result = credit("source note", "the text is the agency's", found)
            if result is not None:
                return result
    dated = list(patterns["dated"].finditer(text, int(DATED_CREDIT_FROM * len(text))))
    for found in (patterns["dateline"].search(head), patterns["bracket"].search(tail),
                  dated[-1] if dated else None, patterns["slash"].search(tail)):
        where = "dateline" if found is not None and found.re is patterns["dateline"] else "closing credit"
        result = credit("credit", where, found)
        if result is not None:
            return result
    return None
