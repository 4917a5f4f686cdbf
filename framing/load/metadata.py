"""Metadata an article's own text reveals: wire agency, outlet, publication date (with its precision).

Refuses to guess (STYLE.md, example 5): a date is only taken from a header, a byline or a dateline line, never from
running text (`nach den Anschlägen vom 11. September 2001` is not a publication date); an outlet only from a byline,
an outlet marker heading (`OZD-Kommentar`) or a credit (`AFP/nd`). What the text does not say stays None.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache

from framing import resources

MONTHS = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "december": 12,
    # abbreviations (German and English)
    "jan": 1, "feb": 2, "mär": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "oct": 10, "nov": 11, "dez": 12, "dec": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))


@dataclass(frozen=True)
class DateValue:
    """A date at the precision its source supports."""

    iso: str  # 2025-08-22 / 2024-12 / 2024
    precision: str  # day / month / year
    first: date
    last: date


class ImpossibleDate(ValueError):
    """A date-shaped string that names no real day (31.02.2025)."""


def make_date(year: int, month: int | None = None, day: int | None = None) -> DateValue:
    """A DateValue from parts; raises ImpossibleDate for parts that name no real date."""
    if not 1000 <= year <= 9999:
        raise ImpossibleDate(f"year {year} is out of range")
    if month is None:
        return DateValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))
    if not 1 <= month <= 12:
        raise ImpossibleDate(f"month {month} does not exist")
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last_day))
    if not 1 <= day <= last_day:
        raise ImpossibleDate(f"{year:04d}-{month:02d} has no day {day}")
    d = date(year, month, day)
    return DateValue(d.isoformat(), "day", d, d)


_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),  # 2025-08-22, 2025-08-22T10:00
    (re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)"), "dmy"),  # 22.08.2025
    (re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({_MONTH_RE})\.?\s+(\d{{4}})(?!\d)", re.I), "d_month_y"),  # 3. September 2025
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I), "month_d_y"),
    (re.compile(r"(?<![\d.-])(\d{4})-(\d{1,2})(?![\d-])"), "ym"),  # 2024-12
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})(?!\d)", re.I), "month_y"),  # Dezember 2024
    (re.compile(r"^\s*(\d{4})\s*$"), "y"),  # a bare year as a whole value
]


# Whole values only: a number is a date only when it is the whole value (a cell, a field), never inside text.
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}(?::?\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*")
_TIMESTAMP = re.compile(r"\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*")
_SHORT_GERMAN = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{2})(?:,?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*Uhr)?)?\s*")
_SLASHED = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# Unix timestamps are accepted for publication years in this span (a 10-digit number outside it is no date).
TIMESTAMP_YEARS = (1990, 2100)


def _whole_value_date(value: str) -> DateValue | None:
    """YYYYMMDD (also with a basic-format time), Unix timestamps in seconds or milliseconds (their calendar day in
    UTC, the zone a timestamp counts in), and German dates with a two-digit year (22.08.25: 00-29 are 2000-2029,
    30-99 are 1930-1999, as spreadsheets read them)."""
    m = _COMPACT.fullmatch(value)
    if m and 1900 <= int(m.group(1)) <= 2199:
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _TIMESTAMP.fullmatch(value)
    if m:
        seconds = int(m.group(1)) / (1000 if len(m.group(1)) > 10 else 1)
        try:
            day = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
        if TIMESTAMP_YEARS[0] <= day.year <= TIMESTAMP_YEARS[1]:
            return make_date(day.year, day.month, day.day)
        return None
    m = _SHORT_GERMAN.fullmatch(value)
    if m:
        year = int(m.group(3))
        return make_date(year + (2000 if year < 30 else 1900), int(m.group(2)), int(m.group(1)))
    return None


def parse_date(value: str) -> DateValue | None:
    """The first date in `value` (ISO 8601 with or without time and zone, RFC 2822, German and English forms,
    YYYYMMDD and Unix timestamps as whole values), at its precision; None when there is none. A date with a time
    is the calendar day as written in its own zone.

    Raises ImpossibleDate when the value is date-shaped but names no real day.
    """
    whole = _whole_value_date(value)
    if whole is not None:
        return whole
    m = _SLASHED.search(value)
    if m:
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for pattern, shape in _DATE_PATTERNS:
        m = pattern.search(value)
        if not m:
            continue
        g = m.groups()
        if shape == "ymd":
            return make_date(int(g[0]), int(g[1]), int(g[2]))
        if shape == "dmy":
            return make_date(int(g[2]), int(g[1]), int(g[0]))
        if shape == "d_month_y":
            return make_date(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
        if shape == "month_d_y":
            return make_date(int(g[2]), MONTHS[g[0].lower()], int(g[1]))
        if shape == "ym":
            return make_date(int(g[0]), int(g[1]))
        if shape == "month_y":
            return make_date(int(g[1]), MONTHS[g[0].lower()])
        if shape == "y":
            return make_date(int(g[0]))
    return None


@dataclass(frozen=True)
class Agency:
    name: str  # canonical spelling, e.g. dpa-AFX
    pattern: re.Pattern[str]


@cache
def agencies() -> tuple[Agency, ...]:
    """Wire services from data/agencies.csv, longest name first (dpa-AFX before dpa)."""
    rows = []
    with open(resources.data_path("agencies.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = [row["name"], *[a for a in row.get("aliases", "").split("|") if a]]
            alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            rows.append(Agency(row["name"], re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")))
    return tuple(sorted(rows, key=lambda a: len(a.name), reverse=True))


def _agency_in(fragment: str) -> str | None:
    for agency in agencies():
        if agency.pattern.fullmatch(fragment.strip()):
            return agency.name
    return None


@dataclass(frozen=True)
class TextMetadata:
    outlet: str | None = None
    agency: str | None = None
    date: DateValue | None = None
    title: str | None = None
    evidence: tuple[str, ...] = ()  # where each value came from, in words
    problems: tuple[str, ...] = ()  # e.g. an impossible date in a byline


_HEADER = re.compile(r"\A\s*date\s+(\S+)")
_DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][\wÄÖÜäöüß./ -]{1,40}?\s*\(([^()\n]{2,30})\)\s*[-–—:]")
_BYLINE = re.compile(r"^\s*(?P<outlet>[^\s•|][^\n|•]{1,50}?)\s+[-–—|]\s+(?P<date>\d{1,2}\.?\s+\w+\.?\s+\d{4}.*|\d{1,2}\.\d{1,2}\.\d{4}.*|\d{4}-\d{2}-\d{2}.*)$")
# "OZD-Kommentar": an outlet's name joined to one of the section headings of data/sections/markers.csv
_OUTLET_HEADING = re.compile(r"\s*(?P<outlet>[A-ZÄÖÜ][\wÄÖÜ]{1,14})-\S.*")
_HEADING_KINDS = ("commentary", "analysis", "explainer")


def _outlet_heading(line: str) -> str | None:
    """The outlet of a section heading such as `OZD-Kommentar` or `OZD-Analyse` (a block marker of markers.csv)."""
    m = _OUTLET_HEADING.fullmatch(line.rstrip())
    if m is None:
        return None
    from framing.segment.sections import load_markers

    heading = line.strip()
    for marker in load_markers():
        if marker.kind in _HEADING_KINDS and marker.extent == "block" and marker.regex.fullmatch(heading):
            return m.group("outlet")
    return None
_CREDIT = re.compile(r"(?:^|[\s.])(?P<agency>[\w-]{2,15})\s*/\s*(?P<outlet>[\w-]{1,15})\s*\Z")
_PHOTO_CREDIT = re.compile(r"(?:Foto|Titelbild|Bild|Fotos|Quelle Foto|Photo)\s*:?\s*", re.I)


def from_text(text: str) -> TextMetadata:
    """Outlet, agency, date and title where the text itself says them; everything else None."""
    evidence: list[str] = []
    problems: list[str] = []
    outlet = agency = None
    found_date: DateValue | None = None
    lines = text.splitlines()
    nonblank = [(i, line) for i, line in enumerate(lines) if line.strip()]

    def take_date(raw: str, where: str) -> None:
        nonlocal found_date
        if found_date is not None:
            return
        try:
            value = parse_date(raw)
        except ImpossibleDate as exc:
            problems.append(f"{where} has an impossible date {raw.strip()!r} ({exc}); date left empty")
            return
        if value is not None:
            found_date = value
            evidence.append(f"date from {where} {raw.strip()!r}")

    header = _HEADER.match(text)
    if header:
        take_date(header.group(1), "header line")
        lines = text[header.end() :].splitlines()
        nonblank = [(i, line) for i, line in enumerate(lines) if line.strip()]

    head = nonblank[:12]
    for _, line in head:
        m = _BYLINE.match(line)
        if m and len(line) <= 90 and outlet is None and parse_date_quiet(m.group("date")):
            outlet = m.group("outlet").strip()
            evidence.append(f"outlet from byline {line.strip()!r}")
            take_date(m.group("date"), "byline")
        d = _DATELINE.match(line)
        if d and agency is None:
            name = _agency_in(d.group(1))
            if name:
                agency = name
                evidence.append(f"agency from dateline {d.group(0).strip()!r}")

    for _, line in nonblank:
        heading_outlet = _outlet_heading(line) if outlet is None else None
        if heading_outlet:
            outlet = heading_outlet
            evidence.append(f"outlet from section marker {line.strip()!r}")
            break

    if nonblank:
        tail = nonblank[-1][1]
        c = _CREDIT.search(tail)
        if c and not _PHOTO_CREDIT.search(tail[max(0, c.start() - 12) : c.start() + 1]):
            name = _agency_in(c.group("agency"))
            if name:
                if agency is None:
                    agency = name
                    evidence.append(f"agency from credit {c.group(0).strip()!r}")
                if outlet is None and not _agency_in(c.group("outlet")):
                    outlet = c.group("outlet")
                    evidence.append(f"outlet from credit {c.group(0).strip()!r}")

    first_line = nonblank[0][1] if nonblank else ""
    dateline = _DATELINE.match(first_line)
    if outlet is None and agency is not None and dateline and _agency_in(dateline.group(1)) == agency:
        outlet = agency
        evidence.append(f"outlet is the wire service {agency}: the dateline credits it and no other outlet is named")

    return TextMetadata(outlet, agency, found_date, None, tuple(evidence), tuple(problems))


def parse_date_quiet(value: str) -> DateValue | None:
    """parse_date, with impossible dates as None."""
    try:
        return parse_date(value)
    except ImpossibleDate:
        return None
