"""Records: what reading a file yields, an `Article` (text and the metadata the file carries) or a `Problem` (a
row of the errors table: the file, the line, why, what to do).

In: nothing but the values readers put in them. Out: the two record types and `display`, which makes any name or
reason storable as UTF-8 (file names need not be valid UTF-8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

METADATA_FIELDS = ("outlet", "agency", "date", "title", "url", "genre")  # what a file, record or manifest may set
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass
class Article:
    article_id: str
    text: str
    source_path: str
    encoding: str | None = None
    outlet: str | None = None
    agency: str | None = None
    date: str | None = None  # raw date as given by the file or record
    title: str | None = None
    url: str | None = None
    line: int | None = None  # the line the record starts on, for multi-record files
    genre: str | None = None  # as the user gave it (manifest, record); framing.segment.genre decides the column
    # what the page or record says of its kind: `type` (JSON-LD @type) and `section` (article:section, a record's
    # `section`), several values joined by `|`
    page: dict[str, str] = field(default_factory=dict)
    provenance: list[str] = field(default_factory=list)


@dataclass
class Problem:
    source_path: str
    reason: str
    line: int | None = None
    article_id: str | None = None
    severity: str = "error"

    def row(self) -> dict:
        return {
            "source_path": display(self.source_path),
            "line": self.line,
            "article_id": None if self.article_id is None else display(self.article_id),
            "severity": self.severity,
            "reason": display(self.reason),
        }


def display(value: str) -> str:
    """A string that can be stored as UTF-8: a file name that is not valid UTF-8 (bytes the file system kept as
    surrogate escapes) is shown with \\x escapes (`Bericht_\\xfcber.txt`), reversibly; other lone surrogates
    become U+FFFD."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
