"""The corpus: the paths a user gives in, one articles table and one errors table out.

Discovers the files (discover.py), reads each by its format (readers.py), applies manifests (manifest.py) and the
metadata the text itself reveals (metadata.py), checks dates and article ids, tells each article's language
(language.py), and assembles schema.ARTICLES and schema.ERRORS. Bad input never stops the load: every problem
becomes a row in the errors table (file, line, reason) and the rest of the corpus loads. Input files are only ever
read, and only regular files are opened.

Files and records are streamed: the reading holds one record at a time (plus a chunk of its file), whatever the
size of a file or the number of files. The articles table itself holds every text, so it grows with the corpus;
rows are gathered into polars frames every ROWS_PER_FRAME articles instead of as Python dicts.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from framing import schema
from framing.load import language, metadata
from framing.load.agency import find_credit as agency_credit
from framing.load.discover import discover, walk
from framing.load.manifest import ManifestEntry, read_manifest
from framing.load.outlets import NO_OUTLETS, OutletTable, outlets_files, read_outlets
from framing.load.readers import Article, Problem, read_file
from framing.load.repair import repaired
from framing.load.records import display
from framing.load.sources import Limits
from framing.segment.genre import Genre, decide_genre, normalise_genre

__all__ = ["LoadResult", "discover", "guess_title", "load_corpus", "outlet_table"]
ROWS_PER_FRAME = 10_000


def _finish(article: Article, manifest: dict[str, ManifestEntry], problems: list[Problem],
            outlets: OutletTable = NO_OUTLETS) -> dict:
    """Apply manifest, then text-derived metadata where both are silent; parse and check the date; the outlet as
    outlets.csv names it (a wire agency is never an outlet)."""
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
    genre = _genre(article, provenance, problems)
    resolved = outlets.resolve(article.outlet, article.url, article.agency)
    article.outlet, article.agency = resolved.outlet, resolved.agency
    if resolved.note:
        provenance.append(resolved.note)
    if article.genre and normalise_genre(article.genre) is None:
        problems.append(Problem(article.source_path, f"genre {article.genre!r} is none of {', '.join(schema.GENRES)}; "
                                "it was decided from the article instead: write one of them", article.line,
                                article.article_id, "warning"))
    code = language.identify(article.text)
    outside = code is not None and code != language.ANALYSED
    if outside:
        problems.append(Problem(article.source_path, language.outside_scope_reason(code), article.line,
                                article.article_id, "warning"))
    return {
        "article_id": display(article.article_id),
        "outlet": article.outlet,
        "group": resolved.group,
        "agency": article.agency,
        "date": date_value.iso if date_value else None,
        "date_precision": date_value.precision if date_value else "none",
        "date_first": date_value.first if date_value else None,
        "date_last": date_value.last if date_value else None,
        "title": article.title,
        "url": article.url,
        "text": article.text,
        "source_path": display(article.source_path),
        "encoding": article.encoding,
        "provenance": "; ".join(dict.fromkeys(provenance)) or None,
        "n_chars": len(article.text),
        "language": code,
        "outside_scope": outside,
        "genre": genre.genre,
        "genre_evidence": genre.evidence,
    }


def _genre(article: Article, provenance: list[str], problems: list[Problem]) -> Genre:
    """The article's wire credit (into `agency` where nothing else set it) and its genre; a rule that fails on
    one article costs that article its genre (`unknown`, with a warning), never the load."""
    try:
        credit = agency_credit(article.text)
        if article.agency is None and credit is not None:
            article.agency = credit.agency
            provenance.append(f"agency from {credit.evidence}")
        return decide_genre(article.text, url=article.url, title=article.title, page=article.page,
                            given=article.genre, credit=credit)
    except Exception as exc:  # noqa: BLE001 - one article's genre must not stop the load
        problems.append(Problem(article.source_path, f"its genre could not be decided ({type(exc).__name__}: "
                                f"{exc}); left unknown: report this article to the maintainers", article.line,
                                article.article_id, "warning"))
        return Genre("unknown", f"genre detection failed: {type(exc).__name__}")


_MENU_LINE = re.compile(r"^\s*[•·|>»-]\s*\S{1,4}\s*$")


def guess_title(text: str) -> str | None:
    """A title only where the text shows one: a short first content line without a final full stop."""
    for line in text[:4000].splitlines()[:15]:  # a title is in the first lines: never split a whole long text
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


def load_corpus(paths: Iterable[str | Path], manifest: str | Path | None = None,
                limits: Limits | None = None, outlets: str | Path | None = None,
                executor: Executor | None = None) -> LoadResult:
    """Every article below `paths` as one table; problems as another. Never raises for bad input files; a
    malformed outlets file raises ConfigError (it would misname every article).

    `limits` bounds what one article, file and archive may hold (default: Limits.from_env(), the FRAMING_MAX_*
    variables). `outlets`: an outlets.csv used instead of those in the corpus folders (default: FRAMING_OUTLETS).
    `executor` (a process pool): decides each article's metadata, genre and language there, FINISH_BATCH at a
    time, while the files are read; the tables are the same."""
    result = _load_corpus(list(paths), manifest, limits or Limits.from_env(), outlets, executor)
    _return_freed_memory()  # once every intermediate (bytes, decoded text, row dicts) is gone
    return result


def _items(path: Path, limits: Limits) -> Iterator[Article | Problem]:
    """read_file, with a reader bug costing the rest of one file, never the corpus (and never hiding)."""
    items = read_file(path, limits)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a reader bug must cost one file, never the corpus
            yield Problem(str(path), f"could not be read ({type(exc).__name__}: {exc}); the articles before this "
                                     "point were loaded: report this file to the maintainers")
            return
        yield item


def _load_corpus(paths: list, manifest: str | Path | None, limits: Limits, outlets: str | Path | None,
                 executor: Executor | None = None) -> LoadResult:
    problems: list[Problem] = []
    first_pass = list(walk(paths, manifests_only=True))
    manifests = [path for kind, path in first_pass if kind == "manifest"]
    table = outlet_table(paths, outlets, first_pass)
    if manifest is not None:
        manifests.append(Path(manifest))
    merged: dict[str, ManifestEntry] = {}
    for path in manifests:
        entries, manifest_problems = read_manifest(path)
        merged.update(entries)
        problems.extend(manifest_problems)
    assembly = _Assembly(problems, merged, table, executor)
    # article_id -> a digest of its text, to tell re-loaded copies from conflicting ids without holding the texts
    by_id: dict[str, bytes] = {}
    for kind, found in walk(paths):
        if kind == "problem":
            assembly.say(found)
            continue
        if kind != "article":
            continue
        loaded = failed = False
        if display(str(found)) != str(found):
            assembly.say(Problem(str(found), "file name is not valid UTF-8, so it is shown with \\x escapes; "
                                 "rename the file (or unpack its archive again) with UTF-8 names", severity="warning"))
        for item in _items(found, limits):
            if isinstance(item, Problem):
                assembly.say(item)
                failed = failed or item.severity == "error"
                continue
            loaded = True
            text, notes = repaired(item.text)
            if notes:
                item = replace(item, text=text)
                for note in notes:
                    assembly.say(Problem(item.source_path, note, item.line, item.article_id, "warning"))
            if not item.text.strip():
                assembly.say(Problem(item.source_path, "article text is empty; give the record or file its article "
                                     "text", item.line, item.article_id))
                continue
            digest = hashlib.blake2b(item.text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if item.article_id in by_id:
                if by_id[item.article_id] == digest:
                    assembly.say(Problem(item.source_path, f"duplicate of article {item.article_id!r} (same id, "
                                         "same text); loaded once", item.line, item.article_id, "warning"))
                    continue
                new_id = _unique_id(item.article_id, by_id)
                assembly.say(Problem(item.source_path, f"article_id {item.article_id!r} is already used by another "
                                     f"text; loaded as {new_id!r}", item.line, new_id, "warning"))
                item = replace(item, article_id=new_id)
            by_id[item.article_id] = digest
            assembly.add(item, digest)
        if not loaded and not failed:
            assembly.say(Problem(str(found), "holds no article; check that it has article text (see 'Adding your own "
                                 "articles' in the README)"))
    articles = assembly.articles()
    unknown = sorted(set(merged) - set(by_id))
    for article_id in unknown:
        problems.append(Problem(merged[article_id].source, f"manifest names article {article_id!r}, which was not "
                                "found among the inputs", article_id=article_id, severity="warning"))
    return LoadResult(articles, schema.frame([p.row() for p in problems], schema.ERRORS))


FINISH_BATCH = 256  # articles whose metadata, genre and language one worker decides at a time
FINISH_AHEAD = 4  # batches in flight while the reading goes on


def _finish_batch(articles: list[Article], entries: dict[str, ManifestEntry],
                  outlets: OutletTable) -> list[tuple[dict, list[Problem]]]:
    """_finish of each article, with the problems each one raised (what a worker process runs)."""
    out = []
    for article in articles:
        found: list[Problem] = []
        out.append((_finish(article, entries, found, outlets), found))
    return out


class _Assembly:
    """The articles table and the problems in reading order, while `_finish` (text metadata, genre, language: most
    of a load's time) runs batch by batch, on `executor` when one is given and the corpus fills a batch. Every
    problem and row lands in the order the serial load gives them."""

    def __init__(self, problems: list[Problem], manifest: dict[str, ManifestEntry], outlets: OutletTable,
                 executor: Executor | None) -> None:
        self.problems, self.manifest, self.outlets, self.executor = problems, manifest, outlets, executor
        self.events: list[Problem | tuple[Article, bytes]] = []  # since the last batch was handed on
        self.batches: deque[tuple[list, Any]] = deque()  # (events, future) in reading order
        self.frames: list[pl.DataFrame] = []
        self.rows: list[dict] = []
        self.texts: dict[tuple[str | None, bytes], str] = {}  # (outlet, digest of the text) -> first article with it
        self.pending = 0  # articles among self.events

    def say(self, problem: Problem) -> None:
        self.events.append(problem)

    def add(self, article: Article, digest: bytes) -> None:
        self.events.append((article, digest))
        self.pending += 1
        if self.pending >= FINISH_BATCH:
            self._hand_on()

    def _hand_on(self, here: bool = False) -> None:
        """The events so far: finished on the executor (replayed once more than FINISH_AHEAD batches wait), or here
        (without one, or `here`)."""
        events, self.events, self.pending = self.events, [], 0
        articles = [e[0] for e in events if isinstance(e, tuple)]
        if here or self.executor is None:
            self._replay(events, _finish_batch(articles, self.manifest, self.outlets))
            return
        entries = {a.article_id: self.manifest[a.article_id] for a in articles if a.article_id in self.manifest}
        self.batches.append((events, self.executor.submit(_finish_batch, articles, entries, self.outlets)))
        while len(self.batches) > FINISH_AHEAD:
            events, future = self.batches.popleft()
            self._replay(events, future.result())

    def _replay(self, events: list, results: list[tuple[dict, list[Problem]]]) -> None:
        """The problems and rows of `events` in their order, the finished articles' from `results`."""
        finished = iter(results)
        for event in events:
            if isinstance(event, Problem):
                self.problems.append(event)
                continue
            item, digest = event
            row, found = next(finished)
            self.problems.extend(found)
            twin = self.texts.setdefault((row["outlet"], digest), row["article_id"])
            if twin != row["article_id"]:  # said, not dropped: the user decides which one goes
                self.problems.append(Problem(item.source_path, f"same text as article {twin!r} of the same outlet "
                                             f"({row['outlet'] or 'unknown outlet'}): a duplicate counts twice in "
                                             "every figure; remove one of them", item.line, item.article_id, "warning"))
            self.rows.append(row)
            if len(self.rows) >= ROWS_PER_FRAME:
                self.frames.append(_articles_frame(self.rows))
                self.rows = []

    def articles(self) -> pl.DataFrame:
        """The articles table, once every article was added."""
        if self.events and self.batches:
            # The last few articles go where the batches before them went: finished here, they would have this
            # process load the language model (1.3 s, the workers have it) while the workers wait for the analysis.
            self._hand_on()
        while self.batches:
            events, future = self.batches.popleft()
            self._replay(events, future.result())
        self._hand_on(here=True)  # the last few articles of a corpus smaller than a batch: it starts no worker
        if self.rows or not self.frames:
            self.frames.append(_articles_frame(self.rows))
        return pl.concat(self.frames) if len(self.frames) > 1 else self.frames[0]


def _articles_frame(rows: list[dict]) -> pl.DataFrame:
    """Article rows as an ARTICLES frame, each text's words counted (`n_words`: the comparison tables then read the
    count instead of the text)."""
    return schema.frame(rows, schema.ARTICLES).with_columns(schema.count_words(pl.col("text")).alias("n_words"))


def outlet_table(paths: Iterable[str | Path], outlets: str | Path | None = None,
                 found: list | None = None) -> OutletTable:
    """The outlets a load of `paths` uses: `outlets` (else FRAMING_OUTLETS) or the outlets.csv files found in the
    folders (`found`: the manifests-only walk, when the caller has it); ConfigError when one is malformed."""
    found = list(walk(list(paths), manifests_only=True)) if found is None else found
    return read_outlets(outlets_files((path for kind, path in found if kind == "outlets"), outlets))


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


def _unique_id(article_id: str, taken: dict) -> str:
    n = 2
    while f"{article_id}~{n}" in taken:
        n += 1
    return f"{article_id}~{n}"
