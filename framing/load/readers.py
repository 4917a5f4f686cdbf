"""Readers: one article file in, its articles (and problems) out, by format.

In: a path. Out: `Article` records (text exactly as the file holds it, with the metadata the file itself carries:
front matter, record fields, HTML metadata) and `Problem` records for whatever cannot be used (unreadable, empty,
binary, undecodable, malformed JSON or CSV records). Formats: .txt / .md (one article per file), .jsonl / .json /
.csv (records with `text`), .html / .htm (saved pages, extracted with trafilatura). Never raises for bad content.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".md", ".jsonl", ".json", ".csv", ".html", ".htm"}
METADATA_FIELDS = ("outlet", "agency", "date", "title", "url")  # what a file, record or manifest may set
# csv's default field limit (128 KiB) is smaller than a long article.
csv.field_size_limit(1 << 30)


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
    line: int | None = None  # record number for multi-record files
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
            "source_path": self.source_path,
            "line": self.line,
            "article_id": self.article_id,
            "severity": self.severity,
            "reason": self.reason,
        }


# ---------------------------------------------------------------- decoding


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252.

    Raises InputError for content that is binary or that no candidate decodes.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from exc
    if b"\x00" in raw[:8192]:
        raise InputError("looks binary (contains NUL bytes); save the article as text (UTF-8) and try again")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"is neither UTF-8, UTF-16 nor cp1252 (byte {raw[exc.start]:#04x} at offset {exc.start}); "
            "convert it to UTF-8"
        ) from exc
    return text, "cp1252"


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


# ---------------------------------------------------------------- per-format readers

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")


def read_text_file(path: Path, text: str, encoding: str) -> Iterator[Article | Problem]:
    """A .txt / .md file: one article; a front-matter block is metadata, not article text."""
    article = Article(path.stem, text, str(path), encoding)
    m = _FRONT_MATTER.match(text)
    if m:
        for line in m.group("body").splitlines():
            kv = _FRONT_KEY.match(line)
            if not kv:
                continue
            key, value = kv.group("key").lower(), kv.group("value").strip().strip("\"'")
            if key in METADATA_FIELDS and value:
                setattr(article, key, value)
                article.provenance.append(f"{key} from front matter")
        article.text = text[m.end() :]
    yield article


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(value: str) -> str:
    """Lone UTF-16 surrogates (from JSON escapes like \\ud83c) cannot be stored as UTF-8: replace them with U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _record_article(path: Path, record: object, number: int, encoding: str) -> Article | Problem:
    if not isinstance(record, dict):
        return Problem(str(path), f"record {number} is a {type(record).__name__}, not an object with a 'text' field", number)
    text = record.get("text")
    if not isinstance(text, str):
        return Problem(str(path), f"record {number} has no 'text' string", number)
    raw_id = record.get("id", record.get("article_id"))
    article_id = str(raw_id).strip() if raw_id not in (None, "") else f"{path.stem}-{number}"
    article = Article(_clean(article_id), _clean(text), str(path), encoding, line=number)
    for key in METADATA_FIELDS:
        value = record.get(key)
        if value not in (None, ""):
            setattr(article, key, _clean(str(value).strip()))
            article.provenance.append(f"{key} from the record")
    return article


_LINE_END = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # where str.splitlines splits


def _lines(text: str) -> Iterator[str]:
    """`text.splitlines()` one line at a time: a list of every line would hold a large file twice."""
    start = 0
    for end in _LINE_END.finditer(text):
        yield text[start : end.start()]
        start = end.end()
    if start < len(text):
        yield text[start:]


def read_jsonl(path: Path, text: str, encoding: str) -> Iterator[Article | Problem]:
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            yield Problem(str(path), f"line {number} is JSON nested too deeply to read", number)
            continue
        except json.JSONDecodeError as exc:
            yield Problem(str(path), f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})", number)
            continue
        yield _record_article(path, record, number, encoding)


def read_json(path: Path, text: str, encoding: str) -> Iterator[Article | Problem]:
    try:
        data = json.loads(text)
    except RecursionError:
        yield Problem(str(path), "JSON is nested too deeply to read; export the articles as a flat list of records")
        return
    except json.JSONDecodeError as exc:
        # Many exports called .json are really JSON lines.
        if text.lstrip().startswith("{") and "\n{" in text:
            yield from read_jsonl(path, text, encoding)
            return
        yield Problem(str(path), f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", exc.lineno)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        yield Problem(str(path), "is JSON but not a list of records with a 'text' field (nor one such record)")
        return
    for number, record in enumerate(data, start=1):
        yield _record_article(path, record, number, encoding)


def sniff_csv(text: str) -> csv.Dialect | type[csv.Dialect]:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_csv_records(path: Path, text: str, encoding: str) -> Iterator[Article | Problem]:
    dialect = sniff_csv(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "text" not in fields:
        yield Problem(
            str(path),
            f"CSV has no 'text' column (columns: {', '.join(fields) or 'none'}); "
            "add a header row with a 'text' column, or name a metadata file manifest.csv",
        )
        return
    reader.fieldnames = fields
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            extra = row.pop(None, None)
            if extra:
                yield Problem(str(path), f"record {number} has {len(extra)} more cells than the header; extra cells ignored",
                              reader.line_num, severity="warning")
            yield _record_article(path, {k: v for k, v in row.items() if v is not None}, number, encoding)
    except csv.Error as exc:
        yield Problem(str(path), f"CSV is malformed at line {reader.line_num} ({exc}); records after it were not read",
                      reader.line_num)
        return
    if number == 0:
        yield Problem(str(path), "CSV has a header row but no records")


def read_html(path: Path, text: str, encoding: str) -> Iterator[Article | Problem]:
    import trafilatura  # heavy import, only when an HTML file is loaded

    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        yield Problem(str(path), f"HTML could not be parsed ({type(exc).__name__}: {exc})")
        return
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        yield Problem(str(path), "HTML page has no article text that could be extracted")
        return
    article = Article(path.stem, body, str(path), encoding)
    for key, attr in (("title", "title"), ("date", "date"), ("outlet", "sitename"), ("url", "url")):
        value = getattr(doc, attr, None)
        if value:
            setattr(article, key, str(value).strip())
            article.provenance.append(f"{key} from the HTML page's metadata")
    yield article


READERS = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".csv": read_csv_records,
    ".html": read_html,
    ".htm": read_html,
}


def read_file(path: Path) -> Iterator[Article | Problem]:
    """Articles and problems from one file. Never raises for bad content."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    if not raw.strip():
        yield Problem(str(path), "is empty")
        return
    try:
        text, encoding = decode(raw)
    except InputError as exc:
        yield Problem(str(path), str(exc))
        return
    del raw  # the file's bytes are not needed beside its text (a JSONL file may hold a whole corpus)
    if _control_share(text) > 0.01:
        yield Problem(str(path), "looks binary (many control characters); save the article as text and try again")
        return
    if encoding not in ("utf-8", "utf-8-sig"):
        yield Problem(str(path), f"decoded as {encoding}, not UTF-8", severity="warning")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    yield from READERS[path.suffix.lower()](path, text, encoding)
