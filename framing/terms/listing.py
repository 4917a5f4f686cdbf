"""The terms file: `terms.csv` (or `--terms FILE`) read into a frozen `TermList`, with errors that name the line.

Columns (a header row is required; only `term` must be there, in any order, names case-insensitive):

- `term`: the word or phrase followed (`Maskenpflicht`, `Olaf Scholz`); its inflected forms are found too.
- `label`: the frame, topic or camp the term belongs to (`Impfpflicht` under `Gesundheitsschutz`,
  `Zwangsimpfung` under `Impfkritik`); empty when none. A term may stand under several labels (one row each).
- `pattern`: a regular expression (Python syntax) for spellings the user wants included as well
  (`Masken-?pflicht`); every match is a mention of the term.
- `ignore_case`: `yes` to match the term and its pattern in any letter case; default `no`: the term's letters
  as written, except that a term written in lower case also matches with a capital first letter (a sentence start).
- `compounds`: which compounds count as a mention of the term, the part of the word that is the term marked:
  `hyphen` (default: a hyphenated part, `Corona-Maskenpflicht`, `Maskenpflicht-Gegner`), `head` (also closed
  compounds ending in the term, `Schulmaskenpflicht`), `any` (the term anywhere inside a word, `Maskenpflichtgegner`),
  `none` (whole words only).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from framing.errors import ConfigError

TERMS_FILE = "terms.csv"  # found at the top of a corpus folder; discovery never reads it as articles
COMPOUND_CHOICES = ("none", "hyphen", "head", "any")
DEFAULT_COMPOUNDS = "hyphen"
COLUMNS = ("term", "label", "pattern", "ignore_case", "compounds")
_YES, _NO = {"yes", "y", "true", "1", "ja", "x"}, {"no", "n", "false", "0", "nein", ""}


@dataclass(frozen=True)
class Term:
    term: str
    label: str | None = None
    pattern: str | None = None
    ignore_case: bool = False
    compounds: str = DEFAULT_COMPOUNDS


@dataclass(frozen=True)
class TermList:
    """The terms of one corpus, in file order; `digest` identifies the list (the analysis cache keys on it)."""

    terms: tuple[Term, ...]
    source: str = ""

    def digest(self) -> str:
        canonical = "\n".join("\t".join([t.term, t.label or "", t.pattern or "", str(int(t.ignore_case)),
                                         t.compounds]) for t in self.terms)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_terms(text: str, source: str = "terms.csv") -> TermList:
    """A TermList from the CSV text of a terms file; ConfigError naming `source` and the line when malformed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if header is None:
        return TermList((), source)
    names = [h.strip().lower() for h in header]
    if "term" not in names:
        raise ConfigError(f"{source}: the first line must name the columns, with at least `term` "
                          f"(optional: {', '.join(COLUMNS[1:])}); found {', '.join(header) or 'nothing'}")
    unknown = [n for n in names if n and n not in COLUMNS]
    if unknown:
        raise ConfigError(f"{source}: unknown column {', '.join(unknown)}; the columns are {', '.join(COLUMNS)}")
    terms: list[Term] = []
    seen: set[Term] = set()
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(names)}
        term = _row_term(cells, source, line)
        if term is not None and term not in seen:
            seen.add(term)
            terms.append(term)
    return TermList(tuple(terms), source)


def _row_term(cells: dict[str, str], source: str, line: int) -> Term | None:
    word = " ".join(cells.get("term", "").split())
    if not word or word.startswith("#"):
        return None
    if not re.search(r"\w", word):
        raise ConfigError(f"{source}, line {line}: the term {word!r} has no letters")
    flag = cells.get("ignore_case", "").lower()
    if flag not in _YES | _NO:
        raise ConfigError(f"{source}, line {line}: ignore_case is {flag!r}; write yes or no")
    compounds = cells.get("compounds", "").lower() or DEFAULT_COMPOUNDS
    if compounds not in COMPOUND_CHOICES:
        raise ConfigError(f"{source}, line {line}: compounds is {compounds!r}; use one of {', '.join(COMPOUND_CHOICES)}")
    pattern = cells.get("pattern") or None
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{source}, line {line}: the pattern {pattern!r} is not a regular expression: {exc}")
    return Term(word, cells.get("label") or None, pattern, flag in _YES, compounds)


def load_terms(path: str | Path) -> TermList:
    """The terms file at `path` (cached per path, size and modification time); ConfigError when unreadable."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
    except OSError as exc:
        raise ConfigError(f"cannot read the terms file {path}: {exc.strerror or exc}") from exc
    return _load(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _load(path: Path, size: int, mtime_ns: int) -> TermList:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the terms file {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on Windows
    return parse_terms(text, str(path))


def find_terms_file(paths: list[str | Path] | tuple[str | Path, ...]) -> Path | None:
    """The terms file of a corpus: `terms.csv` at the top of the first given folder that has one."""
    for given in paths:
        candidate = Path(given) / TERMS_FILE
        if Path(given).is_dir() and candidate.is_file():
            return candidate
    return None
