"""The per-article analysis (sections → sentences → quotes → tone and opinion) and its corpus-level driver.

`analyze_text` is pure: text in, rows out. `analyze_on_disk` runs it over a corpus on all cores, reuses earlier
results from the on-disk cache (keyed by the article text and the analysis fingerprint, so adding one article
re-analyses only that one) and streams new results to the cache in batches; the tables are read back from there
chunk by chunk (`StoredAnalysis`), or whole (`analyze_articles`).
"""

from __future__ import annotations

import bisect
import hashlib
import multiprocessing
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol
from functools import cache
from pathlib import Path

import polars as pl

from framing import schema
from framing.corpus import load_corpus

Progress = Callable[[int, int], None]  # (articles done, articles in all)

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Analysis:
    """Every table of one analysed corpus; see framing/schema.py for the columns."""

    articles: pl.DataFrame
    sections: pl.DataFrame
    sentences: pl.DataFrame
    voice_segments: pl.DataFrame
    quotes: pl.DataFrame
    errors: pl.DataFrame
    reused: int = 0  # articles whose results came from the cache instead of being analysed again

    TABLES = ("articles", "sections", "sentences", "voice_segments", "quotes", "errors")

    def tables(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in self.TABLES}


# Per-article tables as produced by analyze_text: rows keyed by position, not yet by article_id.
PER_ARTICLE = {
    "sections": schema.SECTIONS,
    "sentences": schema.SENTENCES,
    "voice_segments": schema.VOICE_SEGMENTS,
    "quotes": schema.QUOTES,
}


def _voice_spans(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Split [start, end) into journalist / quoted stretches."""
    spans: list[tuple[str, int, int]] = []
    cursor = start
    for q_start, q_end in quoted:
        q_start, q_end = max(q_start, start), min(q_end, end)
        if q_end <= q_start:
            continue
        if q_start > cursor:
            spans.append(("journalist", cursor, q_start))
        spans.append(("quoted", max(q_start, cursor), q_end))
        cursor = max(cursor, q_end)
    if cursor < end:
        spans.append(("journalist", cursor, end))
    return spans


def _merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def analyze_text(text: str, *, textblob: bool = True) -> dict[str, list[dict]]:
    """Sections, sentences (with voice, tone, opinion), voice segments and quotes of one article text.

    Rows carry every column of their schema except `article_id`. With textblob=False the textblob-de
    polarity column is left empty (it is by far the slowest step).
    """
    from framing.opinion import score_opinion
    from framing.quotes import find_quotes
    from framing.sections import segment_sections
    from framing.sentences import split_sentences
    from framing.textblob_offline import textblob_polarity
    from framing.tone import score_tone

    sections = segment_sections(text)
    section_rows = [
        {"section_id": i, "kind": s.kind, "start": s.start, "end": s.end, "heading": s.heading,
         "author": s.author, "text": text[s.start : s.end]}
        for i, s in enumerate(sections)
    ]
    spans: list[tuple[int, int, int]] = []  # (section_id, start, end)
    for i, s in enumerate(sections):
        spans.extend((i, a, b) for a, b in split_sentences(text, s.start, s.end))
    quotes = find_quotes(text, [(a, b) for _, a, b in spans], sections)

    section_starts = [s.start for s in sections]

    def section_of(offset: int) -> int:
        i = bisect.bisect_right(section_starts, offset) - 1  # sections partition the text, in order
        return i if i >= 0 and offset < sections[i].end else max(0, len(sections) - 1)

    quote_rows = []
    for i, q in enumerate(quotes):
        quote_rows.append({
            "quote_id": i, "section_id": section_of(q.start), "mode": q.mode, "start": q.start, "end": q.end,
            "text": text[q.start : q.end], "n_words": len(text[q.start : q.end].split()),
            "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end,
            "speaker_mention": q.speaker_mention, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
            "speaker": q.speaker, "speaker_group": q.speaker_group, "speaker_kind": q.speaker_kind,
        })
    quoted = _merge_intervals((q.start, q.end) for q in quotes if q.speaker_kind != "reader")
    quoted_starts, quoted_ends = [a for a, _ in quoted], [b for _, b in quoted]  # sorted: the intervals are disjoint

    sentence_rows, segment_rows = [], []
    for sentence_id, (section_id, start, end) in enumerate(spans):
        kind = sections[section_id].kind
        sentence = text[start:end]
        inside = quoted[bisect.bisect_right(quoted_ends, start): bisect.bisect_left(quoted_starts, end)]
        if kind == "reader_comment":
            parts = [("reader", start, end)]
        else:
            parts = _voice_spans(start, end, inside)
        chars = {"journalist": 0, "quoted": 0, "reader": 0}
        for voice, a, b in parts:
            chars[voice] += b - a
            piece = text[a:b]
            if not _LETTER.search(piece):
                continue
            piece_tone = score_tone(piece)
            segment_rows.append({"sentence_id": sentence_id, "voice": voice, "start": a, "end": b,
                                 "n_chars": b - a, "tone": piece_tone.tone, "tone_label": piece_tone.label})
        tone = score_tone(sentence)
        reported = [] if kind == "reader_comment" else [
            (max(a, start) - start, min(b, end) - start) for a, b in inside
        ]
        opinion = score_opinion(sentence, reported)
        sentence_rows.append({
            "sentence_id": sentence_id, "section_id": section_id, "kind": kind, "start": start, "end": end,
            "text": sentence, "voice": max(chars, key=lambda v: chars[v]),
            "quoted_share": chars["quoted"] / max(1, end - start),
            "polarity_textblob": textblob_polarity(sentence) if textblob else None,
            "tone": tone.tone, "tone_label": tone.label, "tone_evidence": "; ".join(tone.evidence) or None,
            "opinion": opinion.opinion, "opinion_signals": "; ".join(opinion.signals) or None,
        })
    return {"sections": section_rows, "sentences": sentence_rows, "voice_segments": segment_rows,
            "quotes": quote_rows}


# ---------------------------------------------------------------- fingerprint and cache

ROOT = Path(__file__).resolve().parent.parent


# The modules whose code decides the per-article tables; presentation code (dashboard, compare, export) is not
# among them, so editing it keeps the cache.
ANALYSIS_MODULES = ("analysis", "schema", "sections", "sentences", "quotes", "actors", "tone", "opinion",
                    "textblob_offline", "textblob_fast")


@cache
def fingerprint() -> str:
    """Hash of the analysis code and its data files: a change to either invalidates cached results."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    files = [package / f"{name}.py" for name in ANALYSIS_MODULES]
    data = ROOT / "data"
    if data.is_dir():
        files += sorted(p for p in data.rglob("*") if p.is_file() and p.suffix != ".md"
                        and "corpus" not in p.relative_to(data).parts)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_key(text: str, textblob: bool) -> str:
    return hashlib.sha256(f"{int(textblob)}\0{text}".encode()).hexdigest()[:32]


def default_cache_dir() -> Path:
    base = os.environ.get("FRAMING_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "framing")
    return Path(base)


def _shard_index(folder: Path) -> pl.DataFrame:
    """`key` and `shard` (file name) of every article whose batch was completely written (its `done` marker
    exists); a key that sits in several shards is listed once, with the first of them."""
    markers = sorted((folder / "done").glob("shard-*.parquet")) if (folder / "done").is_dir() else []
    index = [pl.read_parquet(marker, columns=["key"]).with_columns(shard=pl.lit(marker.name)) for marker in markers]
    if not index:
        return pl.DataFrame(schema={"key": pl.String, "shard": pl.String})
    return pl.concat(index).unique("key", keep="first", maintain_order=True)


FLUSH_EVERY = 1000  # articles per cache shard


def _keyed(table: str) -> dict[str, pl.DataType]:
    """A per-article table's schema with `key` (the text hash) in place of `article_id`."""
    return {"key": pl.String, **{k: v for k, v in PER_ARTICLE[table].items() if k != "article_id"}}


def _write_shard(cache_dir: Path, frames: dict[str, pl.DataFrame], keys: list[str]) -> None:
    """Write one batch of results atomically; the `done` shard (written last) marks the batch complete."""
    folder = cache_dir / fingerprint()
    name = f"shard-{hashlib.sha256(''.join(keys).encode()).hexdigest()[:16]}.parquet"
    for table, frame in frames.items():
        _atomic_parquet(frame, folder / table / name)
    _atomic_parquet(pl.DataFrame({"key": keys}, schema={"key": pl.String}), folder / "done" / name)


def _atomic_parquet(frame: pl.DataFrame, target: Path) -> None:
    from framing.export import atomic_write, to_parquet_bytes

    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, to_parquet_bytes(frame))


# ---------------------------------------------------------------- running over a corpus


def _analyze_batch(batch: list[tuple[str, str]], textblob: bool) -> tuple[dict[str, list[dict]], list[tuple[str, str]]]:
    """Analyse (key, text) pairs; rows carry `key`. Failures come back as (key, reason), never raised."""
    out: dict[str, list[dict]] = {t: [] for t in PER_ARTICLE}
    failures: list[tuple[str, str]] = []
    for key, text in batch:
        try:
            result = analyze_text(text, textblob=textblob)
        except Exception as exc:  # one broken article must not stop the others
            failures.append((key, f"analysis failed: {type(exc).__name__}: {exc}"))
            continue
        for table, rows in result.items():
            for row in rows:
                row["key"] = key
            out[table].extend(rows)
    return out, failures


class Executor(Protocol):
    def submit(self, fn: Callable, /, *args: object) -> Any: ...


def _run_on(executor: Executor, batches: Iterable[list[tuple[str, str]]], textblob: bool, collect: Callable) -> None:
    """Submit every batch, then collect results in submission order (at most `ahead` batches in flight)."""
    ahead = 64
    inflight: list[tuple[Any, list[str]]] = []
    for batch in batches:
        inflight.append((executor.submit(_analyze_batch, batch, textblob), [k for k, _ in batch]))
        if len(inflight) >= ahead:
            future, keys = inflight.pop(0)
            collect(future.result(), keys)
    for future, keys in inflight:
        collect(future.result(), keys)


def _batches(rows: list[int], size: int, keys: list[str], texts: pl.Series) -> Iterator[list[tuple[str, str]]]:
    """(key, text) batches of the given rows, made one batch at a time."""
    for i in range(0, len(rows), size):
        chunk = rows[i : i + size]
        yield list(zip((keys[r] for r in chunk), texts.gather(chunk).to_list()))


ARTICLES_PER_CHUNK = 10_000  # articles per chunk of an output table read back from the shards


@dataclass(frozen=True)
class StoredAnalysis:
    """An analysed corpus whose per-article tables stay in the shards on disk and are read back in chunks of
    articles, so that no table of a large corpus needs to be held whole (see `tables`, `collect`)."""

    articles: pl.DataFrame
    errors: pl.DataFrame
    reused: int
    folder: Path  # the shards: <cache dir>/<fingerprint>, or a temporary folder with --no-cache
    owners: pl.DataFrame  # article_id, key, shard: the shard holding each article's rows, sorted by article_id

    def chunks(self, table: str) -> Iterator[pl.DataFrame]:
        """The rows of a per-article table in output order (by article_id, ...), ARTICLES_PER_CHUNK articles at a
        time; at least one frame, empty for an empty corpus."""
        table_schema = PER_ARTICLE[table]
        order = [c for c in ("article_id", "section_id", "sentence_id", "quote_id", "start") if c in table_schema]
        for offset in range(0, max(self.owners.height, 1), ARTICLES_PER_CHUNK):
            part = self.owners.slice(offset, ARTICLES_PER_CHUNK)
            # Only the shards holding this chunk's articles are read, and of them only those articles' rows.
            shards = [pl.scan_parquet(self.folder / table / shard).filter(pl.col("key").is_in(rows["key"].implode()))
                      for (shard,), rows in part.group_by("shard")]
            rows = pl.concat(shards, how="vertical_relaxed") if shards else schema.empty(_keyed(table)).lazy()
            yield (rows.join(part.lazy().select("key", "article_id"), on="key", how="inner")
                   .select(list(table_schema)).cast(table_schema).sort(order).collect())

    def _quotes(self) -> Iterator[pl.DataFrame]:
        from framing.quotes import merge_speakers

        # Speaker names are merged across the whole corpus, so the quotes table is held whole (it is the smallest).
        yield merge_speakers(pl.concat(list(self.chunks("quotes"))))

    def tables(self) -> dict[str, Iterable[pl.DataFrame]]:
        """Every table as consecutive chunks of its rows (in Analysis.TABLES order), for export.write_tables."""
        return {"articles": [self.articles], "sections": self.chunks("sections"),
                "sentences": self.chunks("sentences"), "voice_segments": self.chunks("voice_segments"),
                "quotes": self._quotes(), "errors": [self.errors]}

    def collect(self) -> Analysis:
        """Every table in memory."""
        tables = {name: pl.concat(list(chunks)) for name, chunks in self.tables().items()}
        return Analysis(**tables, reused=self.reused)


@contextmanager
def analyze_on_disk(articles: pl.DataFrame, *, cache_dir: Path | None = None, use_cache: bool = True,
                    **options: Any) -> Iterator[StoredAnalysis]:
    """Analyse every article of an articles table (schema.ARTICLES); the results, valid inside the `with` block,
    stay in parquet shards in the cache, or with use_cache=False in a temporary folder removed afterwards.
    `options`: see `_analyze_into`."""
    with (nullcontext(cache_dir or default_cache_dir()) if use_cache
          else tempfile.TemporaryDirectory(prefix="framing-results-")) as shard_dir:
        yield _analyze_into(Path(shard_dir), articles, **options)


def _analyze_into(
    shard_dir: Path,
    articles: pl.DataFrame,
    *,
    errors: pl.DataFrame | None = None,
    workers: int | None = None,
    textblob: bool = True,
    progress: Progress | None = None,
    batch_size: int = 64,
    executor: Executor | None = None,
) -> StoredAnalysis:
    """Analyse the articles whose results are not in `shard_dir` yet and write them there, FLUSH_EVERY at a time.

    `executor`: anything with `submit(fn, *args)` returning futures with `.result()` — a process pool, or a
    dask.distributed Client (see framing.distributed); by default a process pool over `workers` cores.
    """
    errors = errors if errors is not None else schema.empty(schema.ERRORS)
    folder = shard_dir / fingerprint()
    text_column = articles["text"]
    # One text at a time: a Python list of every text would double the corpus in memory.
    keys = [text_key(t, textblob) for t in text_column]
    done_keys = set(_shard_index(folder)["key"].to_list()) & set(keys)
    first_row: dict[str, int] = {}
    for row, key in enumerate(keys):
        first_row.setdefault(key, row)
    todo = [row for key, row in first_row.items() if key not in done_keys]
    total, finished = len(set(keys)), len(done_keys)
    if progress:
        progress(finished, total)

    # Results leave Python dicts every FLUSH_EVERY articles as a parquet shard on disk, so memory stays bounded at
    # 100,000 articles and (with the cache) a killed run resumes from the shards.
    failures: list[tuple[str, str]] = []
    workers = workers if workers is not None else (os.cpu_count() or 1)
    batches = _batches(todo, batch_size, keys, text_column)
    pending: dict[str, list[dict]] = {t: [] for t in PER_ARTICLE}
    pending_keys: list[str] = []

    def collect(result: tuple[dict[str, list[dict]], list[tuple[str, str]]], batch_keys: list[str]) -> None:
        nonlocal finished
        rows, failed = result
        failures.extend(failed)
        failed_keys = {k for k, _ in failed}
        for table in PER_ARTICLE:
            pending[table].extend(rows[table])
        pending_keys.extend(k for k in batch_keys if k not in failed_keys)
        finished += len(batch_keys)
        if len(pending_keys) >= FLUSH_EVERY:
            flush()
        if progress:
            progress(finished, total)

    def flush() -> None:
        if pending_keys:
            _write_shard(shard_dir, {table: schema.frame(rows, _keyed(table)) for table, rows in pending.items()},
                         list(pending_keys))
        for rows in pending.values():
            rows.clear()
        pending_keys.clear()

    if executor is not None and todo:
        _run_on(executor, batches, textblob, collect)
    elif workers > 1 and len(todo) > batch_size:
        # forkserver: workers start from a small clean process instead of a copy of this one, which may hold a
        # corpus of hundreds of megabytes by now.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
            _run_on(pool, batches, textblob, collect)
    else:
        for b in batches:
            collect(_analyze_batch(b, textblob), [k for k, _ in b])
    flush()

    owners = (pl.DataFrame({"article_id": articles["article_id"], "key": keys},
                           schema={"article_id": pl.String, "key": pl.String})
              .join(_shard_index(folder), on="key", how="inner").sort("article_id"))
    failure_rows = []
    id_of: dict[str, list[tuple[str, str]]] = {}
    for key, article_id, path in zip(keys, articles["article_id"], articles["source_path"]):
        id_of.setdefault(key, []).append((article_id, path))
    for key, reason in failures:
        for article_id, path in id_of.get(key, []):
            failure_rows.append({"source_path": path, "line": None, "article_id": article_id,
                                 "severity": "error", "reason": reason})
    all_errors = pl.concat([errors, schema.frame(failure_rows, schema.ERRORS)], how="vertical_relaxed")
    return StoredAnalysis(articles, all_errors, len(done_keys), folder, owners)


def analyze_articles(articles: pl.DataFrame, **options: Any) -> Analysis:
    """Analyse every article of an articles table and hold every table in memory (options: `analyze_on_disk`)."""
    with analyze_on_disk(articles, **options) as stored:
        return stored.collect()


def analyze_paths(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    textblob: bool = True,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Analysis:
    """Load the articles below `paths` and analyse them."""
    loaded = load_corpus(paths, manifest=manifest)
    return analyze_articles(loaded.articles, errors=loaded.errors, workers=workers, cache_dir=cache_dir,
                            use_cache=use_cache, textblob=textblob, progress=progress, executor=executor)


# ---------------------------------------------------------------- reading results back


def scan_analysis(out_dir: str | Path) -> dict[str, pl.LazyFrame]:
    """Lazy frames over the tables `framing analyze` wrote: NAME.parquet, or a folder NAME/ of parquet parts."""
    out_dir = Path(out_dir)
    frames = {}
    for name in Analysis.TABLES:
        parts, single = out_dir / name, out_dir / f"{name}.parquet"
        if parts.is_dir() and any(parts.glob("*.parquet")):
            frames[name] = pl.scan_parquet(parts / "*.parquet")
        elif single.exists():
            frames[name] = pl.scan_parquet(single)
        else:
            from framing.errors import InputError

            raise InputError(f"{out_dir} has no {name}.parquet (nor {name}/*.parquet): is it the --out folder of "
                             "`framing analyze`?")
    return frames


def read_analysis(out_dir: str | Path) -> Analysis:
    """An Analysis from the parquet tables `framing analyze` wrote."""
    frames = scan_analysis(out_dir)
    return Analysis(**{name: frame.collect() for name, frame in frames.items()})
