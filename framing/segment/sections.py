"""Split an article into consecutive sections (headline, teaser, reporting, commentary, …) that cover its text once.

The markers that open or mark sections are data (`data/sections/markers.csv`, documented in its README), so the
markers of another outlet can be added without touching code. The text is read line by line: a marker line opens
a block (commentary, analysis, explainer) or a list of reader comments, or is boilerplate on its own; credits at
the end of a line are split off as boilerplate; the first line of an unmarked article is the headline when it looks
like one. White space between sections belongs to the section before it, so the sections are a partition.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from framing import resources
from framing.errors import ConfigError
from framing.schema import SECTION_KINDS

MATCHES = ("start", "line", "end", "inline", "author")
EXTENTS = ("self", "credit", "block", "items")
# Line markers only apply to lines this short; `end` markers are looked for in this many final characters.
MAX_MARKER_LINE = 160
END_WINDOW = 200
# A first line is a headline when it is at most this long and does not end like a sentence or a lead-in.
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 25
# A short paragraph right after the headline is the teaser (lead) when at least this many paragraphs follow it.
MAX_TEASER_CHARS = 350
MIN_PARAGRAPHS_AFTER_TEASER = 2

_LINE = re.compile(r"[^\n]+")
_DATELINE = re.compile(r"[A-ZÄÖÜ][\wÄÖÜäöüß/-]*(?:\.| \(|\s[–-]\s)|[A-ZÄÖÜ ]{3,}\s*\(")
_CLOSERS = "\"'»«“”‘’›‹)]"


@dataclass(frozen=True)
class Section:
    kind: str  # one of framing.schema.SECTION_KINDS
    start: int
    end: int
    heading: str | None = None  # heading / marker text that opened the section
    author: str | None = None  # reader comments: the reader's name where given


@dataclass(frozen=True)
class Marker:
    """One row of markers.csv, compiled."""

    kind: str
    match: str  # start / line / end / author
    extent: str  # self / credit / block / items ("" for author rows)
    regex: re.Pattern[str]
    note: str


def _compile(kind: str, match: str, pattern: str) -> re.Pattern[str]:
    if match == "start":
        return re.compile(rf"(?:{pattern})(?=\s|\Z)")
    if match == "end":
        # At the end of the line, after the end of a sentence (or alone on the line).
        return re.compile(rf"(?:(?<=[.!?…\"'“”»«’])[ \t]+|^)(?P<marker>(?:{pattern}))[ \t]*\Z")
    if match == "inline":
        # After the end of a sentence (or at the start of a line), followed by white space or the end.
        return re.compile(rf"(?:(?<=[.!?…\"'“”»«’])[ \t]+|^)(?P<marker>(?:{pattern}))(?=\s|\Z)")
    if match == "author" and "(?P<author>" not in pattern:
        raise ConfigError(f"markers.csv: author pattern for {kind} needs a group (?P<author>…): {pattern!r}")
    return re.compile(pattern)


@functools.cache
def load_markers(path: Path | None = None) -> tuple[Marker, ...]:
    """The section markers, in file order (the first matching row wins); loaded once."""
    path = path or resources.data_path("sections", "markers.csv")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise ConfigError(f"Cannot read the section markers {path}: {error}") from error
    markers = []
    for number, row in enumerate(rows, start=2):
        kind, match = (row.get("kind") or "").strip(), (row.get("match") or "").strip()
        extent, pattern = (row.get("extent") or "").strip(), row.get("pattern") or ""
        if kind not in SECTION_KINDS or match not in MATCHES or (match != "author" and extent not in EXTENTS):
            raise ConfigError(
                f"{path} line {number}: kind must be one of {SECTION_KINDS}, match one of {MATCHES}, "
                f"extent one of {EXTENTS}; got {kind!r}, {match!r}, {extent!r}"
            )
        try:
            regex = _compile(kind, match, pattern)
        except re.error as error:
            raise ConfigError(f"{path} line {number}: bad pattern {pattern!r}: {error}") from error
        markers.append(Marker(kind, match, extent, regex, (row.get("note") or "").strip()))
    return tuple(markers)


def _looks_like_headline(line: str) -> bool:
    if len(line) > MAX_HEADLINE_CHARS or line[:1].islower():
        return False
    if line.rstrip(_CLOSERS)[-1:] in ".:,;" or line.count(" ") >= MAX_HEADLINE_WORDS:
        return False
    return True


def _looks_like_teaser(line: str) -> bool:
    return (
        len(line) <= MAX_TEASER_CHARS
        and line.rstrip(_CLOSERS)[-1:] in ".!?…"
        and not _DATELINE.match(line)
    )


class _Builder:
    """Collects content units and merges them into sections."""

    def __init__(self) -> None:
        # [kind, start, heading, author, new]: `new` starts a section even after one of the same kind.
        self.units: list[list] = []

    def add(self, kind: str, start: int, heading: str | None = None, author: str | None = None, new: bool = True) -> None:
        self.units.append([kind, start, heading, author, new])

    def sections(self, length: int) -> list[Section]:
        merged: list[list] = []
        for kind, start, heading, author, new in self.units:
            if merged and merged[-1][0] == kind and (not new or kind == "boilerplate"):
                if merged[-1][3] is None:
                    merged[-1][3] = author
                continue
            merged.append([kind, start, heading, author])
        if not merged:
            return []
        merged[0][1] = 0
        result = []
        for index, (kind, start, heading, author) in enumerate(merged):
            end = merged[index + 1][1] if index + 1 < len(merged) else length
            result.append(Section(kind, start, end, heading, author))
        return result


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space (empty spans come back with start == end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _author(markers: tuple[Marker, ...], line: str) -> str | None:
    for marker in markers:
        if marker.match == "author":
            found = marker.regex.fullmatch(line)
            if found and found.group("author"):
                return found.group("author").strip()
    return None


def opens_reader_comments(line: str) -> bool:
    """The line is a heading that opens a list of reader comments (`Kommentare (3)`, `Leserbriefe`)."""
    return any(m.kind == "reader_comment" and m.extent == "items" and m.regex.fullmatch(line.strip())
               for m in load_markers())


def segment_sections(text: str) -> list[Section]:
    """Consecutive sections covering text[0:len(text)] exactly once (first start 0, each start == previous end, last end len(text)); empty text -> []."""
    if not text:
        return []
    markers = load_markers()
    start_markers = [m for m in markers if m.match == "start"]
    line_markers = [m for m in markers if m.match == "line"]
    end_markers = [m for m in markers if m.match == "end"]
    inline_markers = [m for m in markers if m.match == "inline"]

    # Content lines as (start, end, inline marker or None), surrounding white space stripped; an `inline` marker
    # (a dated credit in the middle of a line) cuts its line into before, marker and after.
    lines: list[tuple[int, int, Marker | None]] = []
    for found in _LINE.finditer(text):
        start, end = _strip(text, *found.span())
        if start >= end:
            continue
        line = text[start:end]
        cuts = sorted(
            (hit.start("marker"), hit.end("marker"), marker)
            for marker in inline_markers
            for hit in marker.regex.finditer(line)
        )
        for cut_start, cut_end, marker in cuts:
            cut_start, cut_end = start + cut_start, start + cut_end
            if cut_start < start:
                continue  # overlaps the previous cut
            before = _strip(text, start, cut_start)
            if before[0] < before[1]:
                lines.append((*before, None))
            lines.append((cut_start, cut_end, marker))
            start, end = _strip(text, cut_end, end)
        if start < end:
            lines.append((start, end, None))

    builder = _Builder()
    block_kind, block_heading, items = "reporting", None, False
    content_seen = False  # a headline, teaser or body paragraph has been placed
    teaser_possible = False  # the previous content line was the headline
    heading_pending = False  # an `items` heading waits for its first item
    for index, (start, end, inline) in enumerate(lines):
        if inline is not None:
            builder.add(inline.kind, start)
            teaser_possible = False
            continue
        if index == 0:
            for marker in start_markers:
                found = marker.regex.match(text, start, end)
                if found:
                    builder.add(marker.kind, start)
                    start = found.end()
                    while start < end and text[start].isspace():
                        start += 1
                    break
            if start >= end:
                continue
        line = text[start:end]

        if len(line) <= MAX_MARKER_LINE:
            marker = next((m for m in line_markers if m.regex.fullmatch(line)), None)
            if marker is not None:
                if marker.extent in ("self", "credit"):
                    builder.add(marker.kind, start)
                    teaser_possible = False
                else:
                    block_kind, block_heading, items = marker.kind, line, marker.extent == "items"
                    heading_pending = items
                    builder.add(marker.kind, start, heading=line)
                    content_seen, teaser_possible = True, False
                continue

        # A credit at the end of the line is split off as its own section.
        tail, tail_marker = None, None
        window = max(0, len(line) - END_WINDOW)
        for marker in end_markers:
            found = marker.regex.search(line, window)
            if found:
                tail, tail_marker = start + found.start("marker"), marker
                break
        body_end = end
        if tail is not None:
            body_end = tail
            while body_end > start and text[body_end - 1].isspace():
                body_end -= 1
        body = text[start:body_end]

        if body:
            if items:
                # Each line is one comment; the block's heading line belongs to the first of them.
                author = _author(markers, body)
                builder.add(block_kind, start, heading=block_heading, author=author, new=not heading_pending)
                heading_pending = False
            elif not content_seen and block_kind == "reporting":
                if _looks_like_headline(body):
                    builder.add("headline", start)
                    teaser_possible = True
                elif tail_marker is not None and tail_marker.extent == "credit":
                    builder.add("teaser", start)
                else:
                    builder.add("reporting", start, new=False)
                content_seen = True
            elif teaser_possible and block_kind == "reporting":
                following = sum(1 for s, e, _ in lines[index + 1 :] if e - s > MAX_MARKER_LINE // 2)
                kind = "teaser" if _looks_like_teaser(body) and following >= MIN_PARAGRAPHS_AFTER_TEASER else "reporting"
                builder.add(kind, start)
                teaser_possible = False
            else:
                builder.add(block_kind, start, heading=block_heading, new=False)
                teaser_possible = False
        if tail is not None:
            builder.add(tail_marker.kind, tail)
    sections = builder.sections(len(text))
    return sections or [Section("boilerplate", 0, len(text))]

