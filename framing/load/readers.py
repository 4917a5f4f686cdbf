"""Readers: one article file in, its articles (and problems) out, by format, streamed.

In: a path (or an archive member). Out: `Article` records (text exactly as the file holds it, with the metadata
the file itself carries: front matter, record fields, HTML metadata) and `Problem` records for whatever cannot be
used (not a regular file, too large, empty, binary, undecodable, malformed JSON or CSV records). Formats: .txt /
.md (one article per file; a tab-separated table with a `text` column, as Excel's "Unicode text" export, is read
as records), .jsonl / .json / .csv / .tsv (records with `text`), .html / .htm (saved pages), each also compressed
(.gz, .bz2, .xz) or inside .zip / .tar archives (see archives.py).

JSON lines, JSON and CSV are streamed: memory follows the largest record, not the file. Lines are the file's own
(`\\n`, `\\r\\n`, `\\r`), so every line number in the errors table is the one an editor or `sed -n Np` shows.
A broken record is reported alone and the records around it load. Never raises for bad content.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from framing.errors import InputError
from framing.load.decoding import (Decoding, bom_encoding, control_share, decode, head_text, unmapped_bytes,
                                   unmapped_note)
from framing.load.records import METADATA_FIELDS, Article, Problem
from framing.load import archives, columns, jsonstream
from framing.load.sources import (
    MB, ArchiveLimit, LimitExceeded, Limits, NotRegular, chunks, open_regular, read_bounded, special_reason,
)

ARTICLE_SUFFIXES = {".txt", ".md", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab", ".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab"}
ACCEPTED = (".txt .md .jsonl .ndjson .json .csv .tsv .html .htm, each also as .gz .bz2 .xz, and .zip / .tar / "
            ".tar.gz / .tgz / .tar.bz2 / .tar.xz archives of them")
# What to do with the formats people most often hand in instead (the skipped-file message says it).
_INSTEAD = {
    **dict.fromkeys((".xlsx", ".xls", ".xlsm", ".ods", ".numbers"),
                    "save the sheet as CSV (in Excel: Save as > CSV UTF-8) with a 'text' column and give that"),
    **dict.fromkeys((".docx", ".doc", ".odt", ".rtf", ".pages"), "save it as plain text (.txt) and give that"),
    ".pdf": "copy its text into a .txt file (PDF is not read)",
    **dict.fromkeys((".rar", ".7z"), "unpack it, or pack it again as .zip or .tar.gz"),
    **dict.fromkeys((".mht", ".mhtml", ".webarchive"), "save the page as 'Webpage, HTML only' (.html)"),
}


# A corpus folder's or archive's own documentation: README.md, LICENSE.txt, CHANGELOG.md (the stem before the first
# dot, any case). Found in a folder or an archive it is skipped with a note; named as a path it is read.
DOCUMENTATION_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog", "changes", "notice",
                                 "authors", "contributing", "citation"})


def is_documentation(name: str) -> bool:
    """A file that documents a corpus, not an article of it (see DOCUMENTATION_STEMS)."""
    return name.split(".", 1)[0].lower() in DOCUMENTATION_STEMS


def documentation_reason(name: str) -> str:
    return (f"skipped: {name} reads as the corpus's documentation, not an article; to analyse it, rename it or give "
            "the file itself as a path")


def skipped_reason(name: str) -> str:
    """The errors-table reason for a file whose name has no article format, with what to do for common ones."""
    suffix = format_suffix(name)
    instead = _INSTEAD.get(Path(name).suffix.lower())
    advice = f"; {instead}" if instead else ""
    return f"skipped: {suffix or 'no'} extension is not an article format ({ACCEPTED}){advice}"
HEAD = 65536  # bytes read first, to tell the encoding and the shape of a file
csv.field_size_limit(1 << 30)  # csv's default (128 KiB) is smaller than a long article; Limits bounds it instead


# ---------------------------------------------------------------- file names


def format_suffix(name: str) -> str:
    """The suffix that decides how a file is read: `.txt`, `.jsonl.gz`, `.zip`, `.tar.gz`; '' when none."""
    lower = name.lower()
    kind = archives.archive_kind(name)
    if kind:
        return next(s for s in sorted(archives.ARCHIVE_SUFFIXES, key=len, reverse=True) if lower.endswith(s))
    packed = archives.compression_of(name)
    if packed:
        return Path(packed[1]).suffix.lower() + lower[len(packed[1]) :]
    return Path(name).suffix.lower()


def accepted(name: str) -> bool:
    """True for a name the loader reads: an article format, compressed or not, or an archive."""
    if archives.archive_kind(name):
        return True
    packed = archives.compression_of(name)
    inner = packed[1] if packed else name
    return Path(inner).suffix.lower() in ARTICLE_SUFFIXES and not archives.compression_of(inner)


def article_stem(name: str) -> str:
    """The article id a one-article file gets: its name without the format (and compression) suffix."""
    packed = archives.compression_of(name)
    return Path(packed[1] if packed else name).stem


# ---------------------------------------------------------------- records


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(value: str) -> str:
    """Lone UTF-16 surrogates (from JSON escapes like \\ud83c) cannot be stored as UTF-8: replace them with U+FFFD."""
    try:
        value.encode("utf-8")  # far faster than a regex scan, and fails exactly when a surrogate is there
        return value
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)


# A record's fields that name its section or kind (`Meinung`, `Interview`), read for its genre.
SECTION_FIELDS = ("section", "ressort", "rubrik", "category")
# the columns a record's reader takes (the others are reported, not read)
_READ_FIELDS = frozenset((*METADATA_FIELDS, *SECTION_FIELDS, "text", "id", "article_id"))


def _record_article(label: str, stem: str, record: object, number: int, encoding: str,
                    line: int | None) -> Article | Problem:
    if not isinstance(record, dict):
        return Problem(label, f"record {number} is a {type(record).__name__}, not an object with a 'text' field; "
                              "export each article as an object with a 'text' field", line)
    record = columns.canonical_record(record)
    text = record.get("text")
    if not isinstance(text, str):
        return Problem(label, f"record {number} has no 'text' string; give every record its article text in a "
                              "'text' field", line)
    raw_id = record.get("id", record.get("article_id"))
    article_id = str(raw_id).strip() if raw_id not in (None, "") else f"{stem}-{number}"
    article = Article(_clean(article_id), _clean(text), label, encoding, line=line)
    for key in METADATA_FIELDS:
        value = record.get(key)
        if value not in (None, ""):
            setattr(article, key, _clean(str(value).strip()))
            article.provenance.append(f"{key} from the record")
    sections = [str(record[k]).strip() for k in SECTION_FIELDS if record.get(k) not in (None, "")]
    if sections:
        article.page["section"] = _clean("|".join(sections))
    return article


def read_text_file(label: str, stem: str, text: str, encoding: str) -> Iterator[Article | Problem]:
    """A .txt / .md file: one article; a front-matter block is metadata, not article text."""
    article = Article(stem, text, label, encoding)
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


def _without_end(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    return line[:-1] if line.endswith(("\n", "\r")) else line


def read_jsonl(label: str, stem: str, lines: Iterable[tuple[int, str | None, str]],
               limits: Limits) -> Iterator[Article | Problem]:
    """One record per line; a broken line is reported with its number and the next line is read."""
    for number, line, encoding in lines:
        if line is None:
            yield Problem(label, f"line {number} is longer than the limit of {limits.describe('article_bytes')} "
                                 "for one record: not read; split the record", number)
            continue
        body = _without_end(line)
        if not body.strip():
            continue
        try:
            record = json.loads(body, strict=False)
        except RecursionError:
            yield Problem(label, f"line {number} is JSON nested too deeply to read; export the record flat", number)
            continue
        except json.JSONDecodeError as exc:
            yield Problem(label, f"line {number} is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove "
                                 "that line (the other lines were read)", number)
            continue
        yield _record_article(label, stem, record, number, encoding, number)


def read_json(label: str, stem: str, text_chunks: Iterator[str], encoding: str,
              limits: Limits) -> Iterator[Article | Problem]:
    """A list of records, an {"articles": [...]} object, one record, or one record per line; streamed."""
    for item in jsonstream.records(text_chunks, limits.article_bytes):
        if isinstance(item, jsonstream.Failure):
            yield Problem(label, f"{item.message}; records before it were read: fix the JSON there", item.line)
            continue
        if item.top and isinstance(item.value, dict) and "text" not in columns.canonical_record(item.value):
            wrapped = _wrapped_records(item.value)
            if wrapped:  # {"data": [...]}, {"items": [...]}: the records are in the one list of objects with text
                key, values = wrapped
                for number, value in enumerate(values, start=1):
                    found = _record_article(label, stem, value, number, encoding, None)
                    if isinstance(found, Problem):
                        found.reason = f"in the '{key}' list: {found.reason}"
                    yield found
                continue
        if item.top and not isinstance(item.value, dict):
            if isinstance(item.value, list):  # a list after the first value (JSON lines of lists)
                yield _record_article(label, stem, item.value, item.number, encoding, item.line)
                continue
            yield Problem(label, "is JSON but not a list of records with a 'text' field (nor one such record); "
                                 "export the articles as a list of objects with a 'text' field", item.line)
            continue
        yield _record_article(label, stem, item.value, item.number, encoding, item.line)


def _wrapped_records(obj: dict) -> tuple[str, list] | None:
    """The one list of objects with a 'text' field inside a wrapper object (an "articles" list is streamed by
    jsonstream; other names are found here); None when there is no such list, or more than one."""
    lists = [(k, v) for k, v in obj.items() if isinstance(v, list) and v and all(isinstance(e, dict) for e in v)
             and any(isinstance(e.get("text"), str) for e in v)]
    return lists[0] if len(lists) == 1 else None


def sniff_dialect(sample: str, required: str | None = "text",
                  prefer: str | None = None) -> csv.Dialect | type[csv.Dialect]:
    """The CSV dialect of a sample: the delimiter (`,` `;` tab `|`) that makes the header hold the `required`
    column, else what csv.Sniffer finds; the quote character as the sample shows it."""
    header = re.split(r"\r\n|\r|\n", sample.lstrip("\ufeff"), maxsplit=1)[0]
    delimiters = ([prefer] if prefer else []) + [d for d in (",", ";", "\t", "|") if d != prefer]
    chosen = None
    if required:
        for delimiter in delimiters:
            cells = next(csv.reader([header], delimiter=delimiter), [])
            if {c.strip().strip("\"'").lower() for c in cells} & (columns.TEXT_NAMES if required == "text"
                                                                    else {required}):
                chosen = delimiter
                break
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=chosen or "".join(delimiters))
    except csv.Error:
        sniffed = None
    if sniffed is None or (chosen and sniffed.delimiter != chosen):
        class Dialect(csv.excel):
            delimiter = chosen or (prefer or ",")
        return Dialect
    if sniffed.quotechar not in ("\"", "'"):
        sniffed.quotechar = "\""
    return sniffed


def sniff_csv(text: str) -> csv.Dialect | type[csv.Dialect]:
    """The dialect of a manifest or record CSV held in memory (see sniff_dialect)."""
    return sniff_dialect(text[:65536], required=None if "text" not in text[:2000].lower() else "text")


class _Overlong(Exception):
    def __init__(self, number: int) -> None:
        self.number = number


def read_csv(label: str, stem: str, lines: Iterator[tuple[int, str | None, str]], limits: Limits,
             prefer: str | None = None) -> Iterator[Article | Problem]:
    """Records of a CSV / TSV file; each record's line is the line it starts on. Rows of empty cells (a
    spreadsheet's trailing rows) are skipped."""
    head: list[tuple[int, str | None, str]] = []
    size = 0
    for item in lines:
        head.append(item)
        size += len(item[1] or "")
        if size > 65536 or item[1] is None:
            break
    sample = "".join(t for _, t, _ in head if t)
    dialect = sniff_dialect(sample, "text", prefer)
    state = {"encodings": [], "texts": [], "done": False}

    def feed() -> Iterator[str]:
        for source in (head, lines):
            for number, text, encoding in source:
                if text is None:
                    raise _Overlong(number)
                state["encodings"].append(encoding)
                state["texts"].append(text)
                yield text
        state["done"] = True

    csv.field_size_limit(max(limits.article_bytes, 131072))
    reader = csv.reader(feed(), dialect)
    fields: list[str] | None = None
    record = 0
    previous = 0  # the last line of the previous row
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except _Overlong as exc:
            yield Problem(label, f"line {exc.number} is longer than the limit of {limits.describe('article_bytes')} "
                                 "for one record; the records from there on were not read: split the file",
                          exc.number)
            return
        except csv.Error as exc:
            yield Problem(label, f"CSV is malformed at line {reader.line_num} ({exc}); the records from there on were "
                                 "not read: fix the file there", reader.line_num)
            return
        start, previous = previous + 1, reader.line_num
        encodings, texts = state["encodings"], state["texts"]
        state["encodings"], state["texts"] = [], []
        if not row or all(not cell.strip() for cell in row):
            continue
        if fields is None:
            cells = [c.lstrip("\ufeff") for c in row]
            fields, notes = columns.canonical(cells)
            if "text" not in fields:
                yield Problem(label, _no_text_column(fields, cells, "".join(texts)), start)
                return
            unused = [c.strip() for c, f in zip(row, fields) if f not in _READ_FIELDS and c.strip()]
            if unused:  # columns left out: a caveat on what was analysed
                said = "; ".join([f"not used: {', '.join(unused)}", *notes])
                yield Problem(label, f"columns: {said} (name a column outlet, date, title, url, agency, section "
                                     "or id to have it read)", start, severity="warning")
            elif notes:  # every column read, some under another name: said, but nothing is wrong
                yield Problem(label, f"columns: {'; '.join(notes)}", start, severity="note")
            continue
        record += 1
        if len(row) > len(fields):
            yield Problem(label, f"record {record} has {len(row) - len(fields)} more cells than the header; extra "
                                 "cells ignored: check the delimiters of that line", start, severity="warning")
        values = {k: v for k, v in zip(fields, row)}
        if isinstance(values.get("text"), str):
            values["text"] = values["text"].replace("\r\n", "\n").replace("\r", "\n")
        encoding = "cp1252" if "cp1252" in encodings else encodings[0] if encodings else "utf-8"
        if state["done"] and previous > start and "".join(texts).count(dialect.quotechar) % 2:
            yield Problem(label, f"the quoted cell that opens on line {start} is never closed: lines {start} to "
                                 f"{previous} were read as one record; close the quote mark", start,
                          severity="warning")
        yield _record_article(label, stem, values, record, encoding, start)
    if fields is not None and record == 0:
        yield Problem(label, "CSV has a header row but no records; add the articles below the header")


READER_COMMENTS_HEADING = "Leserkommentare"  # a reader-comment marker of data/sections/markers.csv


def read_html(label: str, stem: str, text: str, encoding: str) -> Iterator[Article | Problem]:
    import trafilatura  # heavy import, only when an HTML file is loaded

    from framing.load import html

    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=True, include_tables=False, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        yield Problem(label, f"HTML could not be parsed ({type(exc).__name__}: {exc}); save the page again")
        return
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        yield Problem(label, "HTML page has no article text that could be extracted; save the article's own page "
                             "(not an index or a script-only page), or copy its text into a .txt file")
        return
    comments = (getattr(doc, "comments", None) or "").strip()
    if comments:
        from framing.segment.sections import opens_reader_comments

        # The page's comment section (trafilatura keeps it apart from the article's text, which it leaves as it is)
        # follows under a reader-comment heading (its own, `Kommentare (3)`, or ours), so that the readers' voice
        # is told from the outlet's.
        heading = "" if opens_reader_comments(comments.split("\n", 1)[0]) else f"{READER_COMMENTS_HEADING}\n"
        body = f"{body.rstrip()}\n\n{heading}{comments}"
    article = Article(stem, body, label, encoding)
    if comments:
        article.provenance.append("reader comments from the page's comment section")
    for key, attr in (("title", "title"), ("url", "url")):
        value = getattr(doc, attr, None)
        if value:
            setattr(article, key, str(value).strip())
            article.provenance.append(f"{key} from the HTML page's metadata")
    meta = html.page_metadata(text, fallback_url=article.url)
    if meta.url and not article.url:
        article.url = meta.url
    article.page.update({k: v for k, v in (("type", meta.types), ("section", meta.section)) if v})
    if meta.outlet:
        article.outlet = meta.outlet
        article.provenance.append(f"outlet from the page's {meta.outlet_source}")
    if meta.date:
        article.date = meta.date
        article.provenance.append(f"date from the page's {meta.date_source}")
    yield article
    for note in meta.notes:
        yield Problem(label, note, article_id=article.article_id, severity="warning")


# ---------------------------------------------------------------- files, streams and archives


@dataclass(frozen=True)
class Source:
    """One file's bytes to read: its label (the source_path of what it yields), its name (format and article
    id) and how to open it."""

    label: str
    name: str
    open: Callable[[], BinaryIO]
    size: int | None = None


def read_file(path: Path | str, limits: Limits | None = None) -> Iterator[Article | Problem]:
    """Articles and problems from one file (or every member of an archive). Never raises for bad content; never
    opens anything but a regular file."""
    limits = limits or Limits.from_env()
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield Problem(str(path), "does not exist (or is a broken symbolic link); give a file or a folder of articles")
        return
    except OSError as exc:
        yield Problem(str(path), f"cannot be read ({exc.strerror or exc}); check its permissions")
        return
    if not stat.S_ISREG(st.st_mode):
        target = os.path.realpath(path) if os.path.islink(path) else None
        yield Problem(str(path), special_reason(st.st_mode, target))
        return
    yield from read_source(Source(str(path), path.name, lambda: open_regular(path), st.st_size), limits)


def read_source(source: Source, limits: Limits, depth: int = 0) -> Iterator[Article | Problem]:
    """Articles and problems from one source: an archive, a compressed file or a plain article file."""
    kind = archives.archive_kind(source.name)
    if kind:
        if depth:
            yield Problem(source.label, "is an archive inside an archive: not opened; unpack the outer archive and "
                                        "give the folder")
            return
        yield from _read_archive(source, kind, limits)
        return
    packed = archives.compression_of(source.name)
    if packed:
        compression, inner = packed
        if not accepted(inner):
            yield Problem(source.label, f"is a compressed file whose name ({inner}) has no article format; name it "
                                        f"like articles.jsonl.gz ({ACCEPTED})", severity="warning")
            return
        budget = archives.Budget(limits, source.label)

        def opener() -> BinaryIO:
            return archives.unpacked(compression, source.open(), budget)

        try:
            yield from _read_plain(Source(source.label, inner, opener), limits, packed=compression)
        except ArchiveLimit as exc:
            yield Problem(source.label, str(exc))
        except archives.BROKEN as exc:
            yield Problem(source.label, f"is not a valid {compression} file ({type(exc).__name__}: {exc}); articles "
                                        "before the damage were read: download or pack it again")
        return
    yield from _read_plain(source, limits)


def _read_archive(source: Source, kind: tuple[str, str | None], limits: Limits) -> Iterator[Article | Problem]:
    archive, compression = kind
    budget = archives.Budget(limits, source.label)
    read_any = False
    try:
        with source.open() as raw:
            if archive == "zip":
                members = archives.zip_members(raw, budget)
            else:
                stream = (archives.unpacked(compression, raw, budget) if compression
                          else archives.Unpacked(raw, budget, raw.tell))
                members = archives.tar_members(stream, budget)
            for member in members:
                label = f"{source.label}!/{member.name}"
                name = member.name.rsplit("/", 1)[-1]
                if archives.hidden(member.name):
                    continue
                if member.open is None:
                    yield Problem(label, member.skip or "is not a regular file: not read")
                    continue
                if name.lower() == "manifest.csv":
                    yield Problem(label, "a manifest.csv inside an archive is not applied; put it beside the archive "
                                         "(or give it with --manifest)", severity="warning")
                    continue
                if not accepted(name):
                    yield Problem(label, skipped_reason(name), severity="warning")
                    continue
                if is_documentation(name):
                    yield Problem(label, documentation_reason(name), severity="warning")
                    continue
                if member.size is not None and member.size > limits.file_bytes:
                    yield Problem(label, f"is {member.size / MB:,.0f} MB, over the limit of "
                                         f"{limits.describe('file_bytes')} for one file: not read")
                    continue
                read_any = True
                yield from read_source(Source(label, name, member.open, member.size), limits, depth=1)
    except ArchiveLimit as exc:
        yield Problem(source.label, str(exc))
    except NotRegular as exc:
        yield Problem(source.label, str(exc))
    except archives.BROKEN as exc:
        what = "zip archive" if archive == "zip" else f"tar archive{' (' + compression + ')' if compression else ''}"
        done = "; the members before the damage were read" if read_any else ""
        yield Problem(source.label, f"is not a valid {what} ({type(exc).__name__}: {exc}){done}: download or pack "
                                    "it again")


def _tabular(head_text: str) -> bool:
    """A .txt file that is a table: a tab-separated header naming a 'text' column (Excel's 'Unicode text')."""
    header = re.split(r"\r\n|\r|\n", head_text.lstrip("\ufeff"), maxsplit=1)[0]
    cells = [c.strip().strip('"').lower() for c in header.split("\t")]
    return len(cells) >= 2 and bool(columns.TEXT_NAMES & set(cells)) and all(len(c) <= 40 for c in cells)


def _read_plain(source: Source, limits: Limits, packed: str | None = None) -> Iterator[Article | Problem]:
    label = source.label
    suffix = Path(source.name).suffix.lower()
    stem = Path(source.name).stem
    if suffix not in ARTICLE_SUFFIXES:
        yield Problem(label, skipped_reason(source.name), severity="warning")
        return
    try:
        stream = source.open()
    except NotRegular as exc:
        yield Problem(label, str(exc))
        return
    except OSError as exc:
        yield Problem(label, f"cannot be read ({exc.strerror or exc}); check its permissions")
        return
    with stream:
        head = stream.read(HEAD)
        if not head.strip() and len(head) < HEAD:
            yield Problem(label, "is empty; remove it or put the article's text in it")
            return
        encoding = bom_encoding(head)
        if encoding != "utf-16" and b"\x00" in head[:8192]:
            yield Problem(label, "looks binary (contains NUL bytes); save the article as text (UTF-8) and try again")
            return
        sample = head_text(head)
        if control_share(sample) > 0.01:
            yield Problem(label, "looks binary (many control characters); save the article as text and try again")
            return
        tabular = suffix in (".txt", ".md") and _tabular(sample)
        if suffix in RECORD_SUFFIXES or tabular:
            decoding = Decoding(head)
            pieces = chunks(stream, limits, prefix=head)
            try:
                if suffix in (".jsonl", ".ndjson"):
                    yield from read_jsonl(label, stem, decoding.lines(pieces, limits.article_bytes), limits)
                elif suffix == ".json":
                    yield from read_json(label, stem, decoding.text_chunks(pieces), decoding.encoding, limits)
                else:
                    prefer = "\t" if tabular or suffix in (".tsv", ".tab") else None
                    yield from read_csv(label, stem, decoding.lines(pieces, limits.article_bytes), limits, prefer)
            except UnicodeDecodeError as exc:
                yield Problem(label, f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason}); "
                                     "save it again as UTF-8")
            except LimitExceeded as exc:
                if isinstance(exc, ArchiveLimit):
                    raise
                yield Problem(label, f"{exc}; the rest of the file was not read")
            warning = decoding.warning(label)
            if warning:
                yield warning
            return
        if source.size is not None and source.size > limits.article_bytes:
            yield Problem(label, f"is {source.size / MB:,.1f} MB, larger than the limit of "
                                 f"{limits.describe('article_bytes')} for one article: not read; split it into "
                                 "smaller files")
            return
        try:
            raw = read_bounded(stream, limits.article_bytes, "the file", limits, prefix=head)
        except LimitExceeded as exc:
            if isinstance(exc, ArchiveLimit):
                raise
            yield Problem(label, f"{exc}: not read")
            return
    if not raw.strip():
        yield Problem(label, "is empty; remove it or put the article's text in it")
        return
    try:
        text, encoding = decode(raw)
    except InputError as exc:
        yield Problem(label, str(exc))
        return
    unmapped = unmapped_bytes(raw) if encoding == "cp1252" else 0
    del raw  # the file's bytes are not needed beside its text
    if control_share(text) > 0.01:
        yield Problem(label, "looks binary (many control characters); save the article as text and try again")
        return
    if encoding not in ("utf-8", "utf-8-sig"):
        yield Problem(label, f"decoded as {encoding}, not UTF-8{unmapped_note(unmapped)}; save the file as UTF-8 to be sure of its "
                             "characters", severity="warning")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in (".html", ".htm"):
        yield from read_html(label, stem, text, encoding)
    else:
        yield from read_text_file(label, stem, text, encoding)


HEADER_CELL = 60  # a header cell longer than this is text: the file has no header row


def _short(cells: list[str]) -> str:
    return ", ".join(c if len(c) <= 40 else f"{c[:40]}…" for c in cells) or "none"


FIRST_LINE_SHOWN = 100  # characters of a header-less CSV's first line quoted in its message
DELIMITER_NAMES = {";": ";", ",": ",", "\t": "<tab>", "|": "|"}


def _no_text_column(fields: list[str], cells: list[str], line: str = "") -> str:
    """What to say about a CSV without a 'text' column: its columns as read (`fields`, each cut short), or, where
    its first line is text rather than column names (a CSV exported without a header row), that, with the first
    `line` as the file spells it (cut short) and a header in the delimiter its first word ends in (`Wirtschaft;`)."""
    if any(len(c) > HEADER_CELL for c in cells):
        first = line.lstrip("\ufeff").splitlines()[0] if line.strip() else ", ".join(cells)
        shown = first if len(first) <= FIRST_LINE_SHOWN else f"{first[:FIRST_LINE_SHOWN]}…"
        word = first.strip(" ").split(" ", 1)[0]
        delimiter = next((d for d in (";", "\t", "|", ",") if d in word), ";")
        shown = shown.replace("\t", "<tab>")
        return (f"CSV has no header row: its first line holds text, not column names (it reads: {shown}); add a "
                f"first line naming the columns, with one called 'text' (e.g. label{DELIMITER_NAMES[delimiter]}text), "
                "or name a metadata file manifest.csv")
    return (f"CSV has no 'text' column (columns: {_short(fields)}); add a header row with a 'text' column, or name "
            "a metadata file manifest.csv")
