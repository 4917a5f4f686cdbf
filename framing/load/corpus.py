"""Load articles from files and folders into one polars articles table, with an errors table beside it.

Accepted: .txt / .md (one article per file, optional metadata header), .jsonl / .json / .csv (records with `text`),
.html / .htm (saved pages, extracted with trafilatura). A `manifest.csv` in a folder (or given with `manifest=`)
overrides or completes metadata per `article_id`. Input files are only ever read.

Bad input never stops the load: every problem becomes a row in the errors table (file, line, reason) and the rest
of the corpus loads.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import polars as pl

from framing import schema
from framing.load import metadata
from framing.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".md", ".jsonl", ".json", ".csv", ".html", ".htm"}
MANIFEST_NAME = "manifest.csv"
IGNORE_FILE = ".framingignore"
MANIFEST_FIELDS = ("outlet", "agency", "date", "title", "url")
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
            if key in MANIFEST_FIELDS and value:
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
    for key in MANIFEST_FIELDS:
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


def _sniff_csv(text: str) -> csv.Dialect | type[csv.Dialect]:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_csv_records(path: Path, text: str, encoding: str) -> Iterator[Article | Problem]:
    dialect = _sniff_csv(text)
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


# ---------------------------------------------------------------- manifest


@dataclass(frozen=True)
class ManifestEntry:
    values: dict[str, str]  # only the non-empty cells
    source: str


def read_manifest(path: Path) -> tuple[dict[str, ManifestEntry], list[Problem]]:
    """article_id -> metadata from a manifest CSV; empty cells mean the manifest is silent."""
    problems: list[Problem] = []
    entries: dict[str, ManifestEntry] = {}
    try:
        text, _ = decode(path.read_bytes())
    except (OSError, InputError) as exc:
        return {}, [Problem(str(path), f"manifest cannot be read: {exc}")]
    reader = csv.DictReader(io.StringIO(text.replace("\r\n", "\n"), newline=""), dialect=_sniff_csv(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "article_id" not in fields:
        return {}, [Problem(str(path), "manifest has no 'article_id' column; it was ignored")]
    reader.fieldnames = fields
    for number, row in enumerate(reader, start=2):
        article_id = (row.get("article_id") or "").strip()
        if not article_id:
            problems.append(Problem(str(path), "manifest row without article_id ignored", number, severity="warning"))
            continue
        values = {k: v.strip() for k in MANIFEST_FIELDS if (v := row.get(k)) and v.strip()}
        entries[article_id] = ManifestEntry(values, f"{path.name} line {number}")
    return entries, problems


# ---------------------------------------------------------------- walking


def _ignored(path: Path, root: Path, patterns: Sequence[str]) -> bool:
    rel = path.relative_to(root).as_posix()
    for pattern in patterns:
        p = pattern.rstrip("/")
        if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p + "/*") or rel.startswith(p + "/"):
            return True
    return False


def _ignore_patterns(folder: Path) -> list[str]:
    file = folder / IGNORE_FILE
    if not file.is_file():
        return []
    lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """Article files, manifest files and problems (missing paths, unsupported types) below the given paths."""
    files: list[Path] = []
    manifests: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        if path.name.lower() == MANIFEST_NAME:
            manifests.append(path)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(path)
        else:
            problems.append(Problem(str(path), f"skipped: {path.suffix or 'no'} extension is not an article format "
                                    f"({', '.join(sorted(ARTICLE_SUFFIXES))})", severity="warning"))

    for given in paths:
        root = Path(given)
        if root.is_dir():
            patterns = _ignore_patterns(root)
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                here = Path(dirpath)
                for d in dirnames:
                    if (here / d).is_symlink() and not d.startswith("."):
                        problems.append(Problem(str(here / d), "is a symbolic link to a folder and was not followed "
                                                "(links can loop); give its target as a path to include it",
                                                severity="warning"))
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink()
                                     and not _ignored(here / d, root, patterns))
                for name in sorted(filenames):
                    path = here / name
                    if name.startswith(".") or _ignored(path, root, patterns):
                        continue
                    if path.is_symlink() and not path.exists():
                        problems.append(Problem(str(path), "is a broken symbolic link"))
                        continue
                    add(path)
        elif root.is_file():
            add(root)
            sibling = root.parent / MANIFEST_NAME
            if sibling.is_file() and sibling.resolve() not in seen:
                seen.add(sibling.resolve())
                manifests.append(sibling)
        else:
            problems.append(Problem(str(root), "does not exist; give a file or a folder of articles"))
    return files, manifests, problems


# ---------------------------------------------------------------- assembling the table


def _finish(article: Article, manifest: dict[str, ManifestEntry], problems: list[Problem]) -> dict:
    """Apply manifest, then text-derived metadata where both are silent; parse and check the date."""
    provenance = list(article.provenance)
    entry = manifest.get(article.article_id)
    if entry:
        for key, value in entry.values.items():
            setattr(article, key, value)
            provenance.append(f"{key} from {entry.source}")
    found = metadata.from_text(article.text)
    from_text = {key for key in ("outlet", "agency") if getattr(article, key) is None and getattr(found, key)}
    if article.date is None and found.date is not None:
        from_text.add("date")
    for key in from_text - {"date"}:
        setattr(article, key, getattr(found, key))
    provenance.extend(e for e in found.evidence if e.split(" ", 1)[0] in from_text)
    date_value = None
    if article.date is not None:
        try:
            date_value = metadata.parse_date(article.date)
            if date_value is None:
                problems.append(Problem(article.source_path, f"date {article.date!r} is not a date; left empty",
                                        article.line, article.article_id, "warning"))
        except metadata.ImpossibleDate as exc:
            problems.append(Problem(article.source_path, f"date {article.date!r} is impossible ({exc}); left empty",
                                    article.line, article.article_id, "warning"))
    else:
        date_value = found.date
        for text in found.problems:
            problems.append(Problem(article.source_path, text, article.line, article.article_id, "warning"))
    if date_value is not None and date_value.first > date.today():
        problems.append(Problem(article.source_path, f"date {date_value.iso} is in the future; kept as given, "
                                "check it", article.line, article.article_id, "warning"))
    if article.title is None:
        article.title = guess_title(article.text)
    return {
        "article_id": article.article_id,
        "outlet": article.outlet,
        "agency": article.agency,
        "date": date_value.iso if date_value else None,
        "date_precision": date_value.precision if date_value else "none",
        "date_first": date_value.first if date_value else None,
        "date_last": date_value.last if date_value else None,
        "title": article.title,
        "url": article.url,
        "text": article.text,
        "source_path": article.source_path,
        "encoding": article.encoding,
        "provenance": "; ".join(dict.fromkeys(provenance)) or None,
        "n_chars": len(article.text),
    }


_MENU_LINE = re.compile(r"^\s*[•·|>»-]\s*\S{1,4}\s*$")


def guess_title(text: str) -> str | None:
    """A title only where the text shows one: a short first content line without a final full stop."""
    for line in text.splitlines()[:15]:
        stripped = metadata._HEADER.sub("", line).strip() if metadata._HEADER.match(line) else line.strip()
        if not stripped or _MENU_LINE.match(stripped):
            continue
        if len(stripped) <= 160 and not stripped.endswith((".", ":", ",", ";")):
            return stripped
        return None
    return None


@dataclass(frozen=True)
class LoadResult:
    articles: pl.DataFrame  # schema.ARTICLES
    errors: pl.DataFrame  # schema.ERRORS


def load_corpus(paths: Iterable[str | Path], manifest: str | Path | None = None) -> LoadResult:
    """Every article below `paths` as one table; problems as another. Never raises for bad input files."""
    result = _load_corpus(paths, manifest)
    _return_freed_memory()  # once every intermediate (bytes, decoded text, row dicts) is gone
    return result


def _load_corpus(paths: Iterable[str | Path], manifest: str | Path | None) -> LoadResult:
    files, manifests, problems = discover(paths)
    if manifest is not None:
        manifests.append(Path(manifest))
    merged: dict[str, ManifestEntry] = {}
    for path in manifests:
        entries, manifest_problems = read_manifest(path)
        merged.update(entries)
        problems.extend(manifest_problems)

    rows: list[dict] = []
    by_id: dict[str, str] = {}  # article_id -> text, to tell re-loaded copies from conflicting ids
    for path in files:
        try:
            items = list(read_file(path))
        except Exception as exc:  # a reader bug must cost one file, never the corpus
            items = [Problem(str(path), f"could not be read ({type(exc).__name__}: {exc})")]
        if not any(isinstance(i, Article) for i in items) and not any(
                isinstance(i, Problem) and i.severity == "error" for i in items):
            items.append(Problem(str(path), "holds no article"))
        for item in items:
            if isinstance(item, Problem):
                problems.append(item)
                continue
            if not item.text.strip():
                problems.append(Problem(item.source_path, "article text is empty", item.line, item.article_id))
                continue
            if item.article_id in by_id:
                if by_id[item.article_id] == item.text:
                    problems.append(Problem(item.source_path, f"duplicate of article {item.article_id!r} "
                                            "(same id, same text); loaded once", item.line, item.article_id, "warning"))
                    continue
                new_id = _unique_id(item.article_id, by_id)
                problems.append(Problem(item.source_path, f"article_id {item.article_id!r} is already used by another "
                                        f"text; loaded as {new_id!r}", item.line, new_id, "warning"))
                item = replace(item, article_id=new_id)
            by_id[item.article_id] = item.text
            rows.append(_finish(item, merged, problems))

    unknown = sorted(set(merged) - set(by_id))
    for article_id in unknown:
        problems.append(Problem(merged[article_id].source, f"manifest names article {article_id!r}, which was not "
                                "found among the inputs", article_id=article_id, severity="warning"))
    return LoadResult(schema.frame(rows, schema.ARTICLES), schema.frame([p.row() for p in problems], schema.ERRORS))


def _return_freed_memory() -> None:
    """Hand memory freed while loading (file bytes, decoded text, row dicts) back to the operating system.

    glibc keeps freed heap memory in the process; after loading a large corpus that is hundreds of MB the analysis
    never uses again. malloc_trim(0) returns it. A no-op where glibc is absent (macOS, Windows, musl)."""
    import ctypes

    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _unique_id(article_id: str, taken: dict[str, str]) -> str:
    n = 2
    while f"{article_id}~{n}" in taken:
        n += 1
    return f"{article_id}~{n}"
