"""An article's genre (report, commentary, guest, analysis, interview, review, press_release, agency, unknown) and
the signal that decided it.

In: what the article carries — its address, title, text, the page's metadata (`article:section`, JSON-LD `@type`
and `articleSection`, a record's `section`), its wire-service credit (framing.load.agency) and a genre the user
gave (manifest, record). Out: `Genre(genre, evidence)`. The signals, strongest first: the user's genre; the
page's schema.org type (`OpinionNewsArticle`, `AnalysisNewsArticle`, `ReviewNewsArticle`); its section name;
a word of its address (`/meinung/`, `-kommentar-`, `/interview/`: whole words between `/`, `-`, `_`, `.`, so
`/meinungsfreiheit-…` says nothing); its title (`Kommentar: …`, `Interview mit …`); a byline or kicker line at the
start or end of the text (`Ein Kommentar von …`, `Das Interview führte …`); a section marker opening the text
(`Kommentar`, `Leitartikel`: data/sections/markers.csv); a question-and-answer layout (framing.segment.interview);
a credit that makes the text the wire report (`(dpa)`, `AFP/nd`). Without any, an article with a body is a
`report`, a text too short to tell `unknown`. The word lists are data/genre/signals.csv (see its README).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import urlsplit

from framing import resources
from framing.errors import ConfigError
from framing.schema import GENRES
WHERE = ("type", "section", "url", "title", "byline")
HEAD_LINES = 6  # bylines and kickers stand among the text's first lines ...
TAIL_LINES = 3  # ... or its last ones
MAX_BYLINE_CHARS = 200  # of a line, what a byline pattern is matched against
LINES_CHARS = 4000  # the head and tail lines are looked for in this many first and last characters
MAX_TITLE_CHARS = 300  # a longer first line is no title (10kgnad merges title, lead and body into one line)
MIN_WORDS = 40  # a text with fewer words (a caption, a teaser) is too short to be called a report
# The section kind an article's running text takes from its genre: a commentary's body is commentary (a guest
# piece and a review are opinion too), an analysis's body analysis; other genres keep the kinds the text shows.
BODY_KINDS = {"commentary": "commentary", "guest": "commentary", "review": "commentary", "analysis": "analysis"}
# Section kinds of the markers that, opening the text, make the whole article that genre.
OPENING_MARKERS = {"commentary": "commentary", "analysis": "analysis"}
# User spellings of a genre (manifest, record, outlets file), lowercased.
SYNONYMS = {"kommentar": "commentary", "meinung": "commentary", "opinion": "commentary", "editorial": "commentary",
            "leitartikel": "commentary", "kolumne": "commentary", "column": "commentary", "op-ed": "commentary",
            "gastbeitrag": "guest", "gastkommentar": "guest", "analyse": "analysis", "bericht": "report",
            "meldung": "report", "nachricht": "report", "news": "report", "rezension": "review", "kritik": "review",
            "pressemitteilung": "press_release", "press release": "press_release", "agentur": "agency",
            "wire": "agency", "agenturmeldung": "agency"}


@dataclass(frozen=True)
class Genre:
    genre: str  # one of GENRES
    evidence: str  # the signal that decided it, in words, with what was found


@dataclass(frozen=True)
class Signal:
    """One row of data/genre/signals.csv, compiled."""

    genre: str
    where: str
    strong: bool  # a weak signal (`X im Interview` in a title) needs the question-and-answer layout to count
    regex: re.Pattern[str]
    unless: re.Pattern[str] | None
    note: str


def _compile(where: str, pattern: str) -> re.Pattern[str]:
    if where == "type":
        return re.compile(rf"(?:{pattern})")
    if where == "url":  # a whole word of a host label or path segment
        return re.compile(rf"(?:^|[/_.-])(?:{pattern})(?:$|[/_.-])")
    if where == "section":  # a whole word of the section name, any case
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)
    return re.compile(rf"(?:{pattern})")  # title (fullmatch), byline (match at a line's start)


@cache
def load_signals() -> tuple[Signal, ...]:
    """The genre signals in file order (the first matching row of a `where` wins); loaded once."""
    path = resources.data_path("genre", "signals.csv")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise ConfigError(f"Cannot read the genre signals {path}: {error}") from error
    signals = []
    for number, row in enumerate(rows, start=2):
        genre, where = (row.get("genre") or "").strip(), (row.get("where") or "").strip()
        strength = (row.get("strength") or "").strip()
        if genre not in GENRES or where not in WHERE or strength not in ("strong", "weak"):
            raise ConfigError(f"{path} line {number}: genre must be one of {GENRES}, where one of {WHERE}, "
                              f"strength strong or weak; got {genre!r}, {where!r}, {strength!r}")
        try:
            regex = _compile(where, row.get("pattern") or "")
            unless = re.compile(row["unless"]) if (row.get("unless") or "").strip() else None
        except re.error as error:
            raise ConfigError(f"{path} line {number}: bad pattern: {error}") from error
        signals.append(Signal(genre, where, strength == "strong", regex, unless, (row.get("note") or "").strip()))
    return tuple(signals)


def normalise_genre(value: str | None) -> str | None:
    """A genre a user wrote (`Kommentar`, `commentary`, `press release`) as one of GENRES; None when it is none."""
    if not value or not value.strip():
        return None
    key = value.strip().lower().replace("-", "_") if value.strip().lower() != "op-ed" else "op-ed"
    if key in GENRES:
        return key
    return SYNONYMS.get(value.strip().lower())


def _first(where: str, values: list[str], match) -> tuple[Signal, str] | None:
    for signal in load_signals():
        if signal.where != where:
            continue
        for value in values:
            if match(signal, value) and not (signal.unless and signal.unless.search(value)):
                return signal, value
    return None


def _url_words(url: str | None) -> list[str]:
    if not url:
        return []
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return []
    return [s for s in [*(parts.hostname or "").split("."), *parts.path.lower().split("/")] if s]


def _lines(text: str) -> tuple[list[str], list[str]]:
    """The first HEAD_LINES and the last TAIL_LINES non-empty lines (the last ones only when there are more)."""
    head = [line.strip() for line in text[:LINES_CHARS].splitlines() if line.strip()][:HEAD_LINES + 1]
    if len(head) <= HEAD_LINES:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return lines[:HEAD_LINES], lines[HEAD_LINES:][-TAIL_LINES:]
    tail = [line.strip() for line in text[-LINES_CHARS:].splitlines() if line.strip()]
    return head[:HEAD_LINES], tail[1:][-TAIL_LINES:] if len(tail) > 1 else tail[-TAIL_LINES:]


def _opening_marker(head: list[str]) -> tuple[str, str] | None:
    """A commentary or analysis heading (markers.csv) among the first lines, before the body begins."""
    from framing.segment.sections import load_markers

    for line in head[:3]:
        for marker in load_markers():
            if marker.match == "line" and marker.extent == "block" and marker.kind in OPENING_MARKERS \
                    and marker.regex.fullmatch(line):
                return OPENING_MARKERS[marker.kind], line
        if len(line.split()) > 30:
            return None  # the body has begun
    return None


def decide_genre(text: str, *, url: str | None = None, title: str | None = None,
                 page: Mapping[str, str] | None = None, given: str | None = None, credit=None) -> Genre:
    """The article's genre and its evidence (see the module docstring). `page`: `type` (JSON-LD @type, several
    joined by `|`) and `section` (article:section / articleSection / a record's section); `given`: the user's
    genre; `credit`: framing.load.agency.AgencyCredit or None."""
    from framing.segment.interview import find_interview

    page = page or {}
    user = normalise_genre(given)
    if user is not None:
        return Genre(user, f"given: {given!r}")
    types = [t for t in (page.get("type") or "").split("|") if t]
    hit = _first("type", types, lambda s, v: s.regex.fullmatch(v))
    if hit:
        return Genre(hit[0].genre, f"page type {hit[1]!r}")
    sections = [s for s in (page.get("section") or "").split("|") if s.strip()]
    hit = _first("section", sections, lambda s, v: s.regex.search(v))
    if hit:
        return Genre(hit[0].genre, f"page section {hit[1].strip()!r}")
    hit = _first("url", _url_words(url), lambda s, v: s.regex.search(v))
    if hit:
        word = hit[0].regex.search(hit[1]).group(0).strip("/_.-")
        return Genre(hit[0].genre, f"address word {word!r} ({url})")
    head, tail = _lines(text)
    titles = [t.strip() for t in (title, head[0] if head else None) if t and 0 < len(t.strip()) <= MAX_TITLE_CHARS]
    hit = _first("title", titles, lambda s, v: s.strong and s.regex.fullmatch(v))
    if hit:
        return Genre(hit[0].genre, f"title {hit[1]!r}")
    hit = _first("byline", [*head, *tail], lambda s, v: s.strong and s.regex.match(v[:MAX_BYLINE_CHARS]))
    if hit:
        return Genre(hit[0].genre, f"byline {hit[1][:MAX_BYLINE_CHARS]!r}")
    opening = _opening_marker(head)
    if opening:
        return Genre(opening[0], f"section marker {opening[1]!r} opens the text")
    weak = _first("title", titles, lambda s, v: not s.strong and s.regex.fullmatch(v))
    interview = find_interview(text, hinted=weak is not None and weak[0].genre == "interview")
    if interview is not None:
        because = f"; title {weak[1]!r}" if weak else ""
        return Genre("interview", interview.describe() + because)
    if credit is not None and credit.wire:
        return Genre("agency", f"wire report: {credit.evidence}")
    words = len(text.split(None, MIN_WORDS))  # at most MIN_WORDS + 1: enough to tell, without splitting it all
    if words < MIN_WORDS:
        return Genre("unknown", f"no genre signal, and {words} words are too few to call it a report")
    if credit is not None:
        return Genre("report", f"no genre signal; written with {credit.evidence}")
    return Genre("report", "no genre signal")


def sections_for_genre(sections: Sequence, genre: str | None) -> list:
    """The sections (framing.segment.sections.Section) with the genre's body kind (BODY_KINDS) in place of
    `reporting`, so that section kinds and the article's genre agree."""
    kind = BODY_KINDS.get(genre or "")
    if kind is None:
        return list(sections)
    return [replace(s, kind=kind) if s.kind == "reporting" else s for s in sections]
