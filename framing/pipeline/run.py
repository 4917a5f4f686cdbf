"""Analysing a whole corpus: every article on all cores (or a Dask cluster), results streamed to the cache.

In: an articles table (schema.ARTICLES) from framing.load. Out: `StoredAnalysis` (the per-article tables left in
parquet shards on disk, read back chunk by chunk) or `Analysis` (every table in memory). Articles analysed before,
under the same fingerprint, come from the cache (framing.pipeline.cache); one broken article becomes a row in the
errors table, never an exception. `read_analysis` / `scan_analysis` open the tables `framing analyze` wrote.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from framing import schema
from framing.load import load_corpus
from framing.pipeline.article import PER_ARTICLE, analyze_text
from framing.pipeline.cache import (
    FLUSH_EVERY, keyed_schema, shard_index, write_shard, default_cache_dir, fingerprint, text_key,
)
from framing.terms import TermList

Progress = Callable[[int, int], None]  # (articles done, articles in all)


@dataclass(frozen=True)
class Analysis:
    """Every table of one analysed corpus; see framing/schema.py for the columns."""

    articles: pl.DataFrame
    sections: pl.DataFrame
    sentences: pl.DataFrame
    voice_segments: pl.DataFrame
    quotes: pl.DataFrame
    errors: pl.DataFrame
    term_mentions: pl.DataFrame = field(default_factory=lambda: schema.empty(schema.TERM_MENTIONS))
    actor_mentions: pl.DataFrame = field(default_factory=lambda: schema.empty(schema.ACTOR_MENTIONS))
    reused: int = 0  # articles whose results came from the cache instead of being analysed again

    # In the order of the fields: Analysis(*frames) takes the tables in this order.
    TABLES = tuple(schema.ANALYSIS_TABLES)
    OPTIONAL = ("term_mentions", "actor_mentions")  # absent from the --out of versions before them: read as empty

    def tables(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in self.TABLES}


# ---------------------------------------------------------------- running over a corpus


def _analyze_batch(batch: list[tuple], textblob: bool, terms: TermList | None = None
                   ) -> tuple[dict[str, list[dict]], list[tuple[str, str]]]:
    """Analyse (key, text) or (key, text, genre) tuples; rows carry `key`. Failures come back as (key, reason),
    never raised."""
    out: dict[str, list[dict]] = {t: [] for t in PER_ARTICLE}
    failures: list[tuple[str, str]] = []
    for key, text, *genre in batch:
        try:
            result = analyze_text(text, textblob=textblob, terms=terms, genre=genre[0] if genre else None)
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


def _run_on(executor: Executor, batches: Iterable[list[tuple[str, str]]], textblob: bool, collect: Callable,
            terms: TermList | None = None) -> None:
    """Submit every batch, then collect results in submission order (at most `ahead` batches in flight)."""
    ahead = 64
    inflight: list[tuple[Any, list[str]]] = []
    for batch in batches:
        inflight.append((executor.submit(_analyze_batch, batch, textblob, terms), [item[0] for item in batch]))
        if len(inflight) >= ahead:
            future, keys = inflight.pop(0)
            collect(future.result(), keys)
    for future, keys in inflight:
        collect(future.result(), keys)


def _batches(rows: list[int], size: int, keys: list[str], texts: pl.Series,
             genres: pl.Series | None = None) -> Iterator[list[tuple]]:
    """(key, text, genre) batches of the given rows, made one batch at a time."""
    for i in range(0, len(rows), size):
        chunk = rows[i : i + size]
        kinds = genres.gather(chunk).to_list() if genres is not None else [None] * len(chunk)
        yield list(zip((keys[r] for r in chunk), texts.gather(chunk).to_list(), kinds))


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
    actors: Path | None = None  # the user's actors file: it merges, splits and labels speakers (framing.actors)

    def chunks(self, table: str) -> Iterator[pl.DataFrame]:
        """The rows of a per-article table in output order (by article_id, ...), ARTICLES_PER_CHUNK articles at a
        time; at least one frame, empty for an empty corpus."""
        table_schema = PER_ARTICLE[table]
        order = [c for c in ("article_id", "section_id", "sentence_id", "quote_id", "start") if c in table_schema]
        for offset in range(0, max(self.owners.height, 1), ARTICLES_PER_CHUNK):
            part = self.owners.slice(offset, ARTICLES_PER_CHUNK)
            # Only the shards holding this chunk's articles are read, and of them only those articles' rows.
            # A stable sort: rows that tie (two mentions at one offset) keep the order the article gave them, so the
            # same corpus always gives the same file.
            shards = [pl.scan_parquet(self.folder / table / shard).filter(pl.col("key").is_in(rows["key"].implode()))
                      for (shard,), rows in part.group_by("shard")]
            rows = pl.concat(shards, how="vertical_relaxed") if shards else schema.empty(keyed_schema(table)).lazy()
            yield (rows.join(part.lazy().select("key", "article_id"), on="key", how="inner", maintain_order="left")
                   .select(list(table_schema)).cast(table_schema).sort(order, maintain_order=True).collect())

    @functools.cached_property
    def _merged_quotes(self) -> tuple[pl.DataFrame, dict[str, str]]:
        """The quotes with speaker names merged across the whole corpus and one gender per actor (so the table is held whole: it is the
        smallest), and each article-level name's merged name (for the actor mentions)."""
        from framing.actors.gazetteer import load_actors_file
        from framing.actors.gender import corpus_genders
        from framing.actors.merge import merge_speakers

        actors = load_actors_file(self.actors) if self.actors is not None else None
        before = pl.concat(list(self.chunks("quotes")))
        merged = corpus_genders(merge_speakers(before, actors), actors)
        pairs = (before.select("article_id", "quote_id", pl.col("speaker").alias("_before"))
                 .join(merged.select("article_id", "quote_id", "speaker"), on=["article_id", "quote_id"])
                 .filter(pl.col("_before").is_not_null() & pl.col("speaker").is_not_null())
                 .unique("_before", keep="first").sort("_before"))
        return merged, dict(zip(pairs["_before"].to_list(), pairs["speaker"].to_list()))

    def _quotes(self) -> Iterator[pl.DataFrame]:
        yield self._merged_quotes[0]

    def _actor_mentions(self) -> Iterator[pl.DataFrame]:
        """Actor mentions with the actor's name merged as the quotes' speakers are."""
        names = self._merged_quotes[1]
        for chunk in self.chunks("actor_mentions"):
            yield chunk.with_columns(pl.col("actor").replace(names)) if names else chunk

    def tables(self) -> dict[str, Iterable[pl.DataFrame]]:
        """Every table as consecutive chunks of its rows (in Analysis.TABLES order), for export.write_tables."""
        return {"articles": [self.articles], "sections": self.chunks("sections"),
                "sentences": self.chunks("sentences"), "voice_segments": self.chunks("voice_segments"),
                "quotes": self._quotes(), "errors": [self.errors], "term_mentions": self.chunks("term_mentions"),
                "actor_mentions": self._actor_mentions()}

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


# The analysis makes millions of short-lived objects (rows, tokens, spans) and almost no reference cycles (20 found
# in 500 10kGNAD articles), while its memos keep hundreds of thousands of objects alive: at Python's default
# threshold (a collection every 700 new objects) the cyclic collector took 5.6 % of the analysis's CPU time there
# (0.58 of 10.4 s, timed by gc.callbacks), at this one 2.4 %.
YOUNG_GENERATION = 10_000


def collect_less() -> None:
    """Have the cyclic garbage collector run every YOUNG_GENERATION new objects (a pool worker's initializer)."""
    gc.set_threshold(YOUNG_GENERATION, *gc.get_threshold()[1:])


@contextmanager
def collecting_less() -> Iterator[None]:
    """`collect_less` inside the block only (the analysis in the caller's own process)."""
    before = gc.get_threshold()
    collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes for the analysis (and the load before it); they start on first use."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=collect_less)


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
    actors: Path | None = None,
    terms: TermList | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> StoredAnalysis:
    """Analyse the articles whose results are not in `shard_dir` yet and write them there, FLUSH_EVERY at a time.

    `executor`: anything with `submit(fn, *args)` returning futures with `.result()` — a process pool, or a
    dask.distributed Client (see framing.pipeline.dask); by default a process pool over `workers` cores (`pool`,
    when the caller has one running, e.g. from the load; used, like the default one, only for more than a batch).
    `terms`: the corpus's terms (framing.terms); their digest is part of each article's cache key.
    """
    errors = errors if errors is not None else schema.empty(schema.ERRORS)
    folder = shard_dir / fingerprint()
    text_column = articles["text"]
    # One text at a time: a Python list of every text would double the corpus in memory.
    terms = terms or None
    digest = terms.digest() if terms else ""
    genres = articles["genre"] if "genre" in articles.columns else None
    keys = [text_key(t, textblob, digest, g) for t, g in zip(text_column, genres if genres is not None
                                                              else [None] * len(text_column))]
    done_keys = set(shard_index(folder)["key"].to_list()) & set(keys)
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
    batches = _batches(todo, batch_size, keys, text_column, genres)
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
            write_shard(shard_dir, {table: schema.frame(rows, keyed_schema(table)) for table, rows in pending.items()},
                         list(pending_keys))
        for rows in pending.values():
            rows.clear()
        pending_keys.clear()

    if executor is not None and todo:
        _run_on(executor, batches, textblob, collect, terms)
    elif workers > 1 and len(todo) > batch_size:
        # forkserver: workers start from a small clean process instead of a copy of this one, which may hold a
        # corpus of hundreds of megabytes by now.
        with nullcontext(pool) if pool is not None else process_pool(workers) as running:
            _run_on(running, batches, textblob, collect, terms)
    else:
        with collecting_less():
            for b in batches:
                collect(_analyze_batch(b, textblob, terms), [item[0] for item in b])
    flush()

    owners = (pl.DataFrame({"article_id": articles["article_id"], "key": keys},
                           schema={"article_id": pl.String, "key": pl.String})
              .join(shard_index(folder), on="key", how="inner").sort("article_id"))
    failure_rows = []
    id_of: dict[str, list[tuple[str, str]]] = {}
    for key, article_id, path in zip(keys, articles["article_id"], articles["source_path"]):
        id_of.setdefault(key, []).append((article_id, path))
    for key, reason in failures:
        for article_id, path in id_of.get(key, []):
            failure_rows.append({"source_path": path, "line": None, "article_id": article_id,
                                 "severity": "error", "reason": reason})
    all_errors = pl.concat([errors, schema.frame(failure_rows, schema.ERRORS)], how="vertical_relaxed")
    return StoredAnalysis(articles, all_errors, len(done_keys), folder, owners, Path(actors) if actors else None)


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
    actors: str | Path | None = None,
    terms: str | Path | None = None,
    outlets: str | Path | None = None,
) -> Analysis:
    """Load the articles below `paths` and analyse them; `actors`: the user's actors file (default: `actors.csv`
    at the top of a given folder, if any); `terms`: the terms file (default: `terms.csv` there); `outlets`: the
    outlets file (default: FRAMING_OUTLETS, else the outlets.csv files in the given folders)."""
    from framing.actors.gazetteer import find_actors_file
    from framing.terms import find_terms_file, load_terms

    loaded = load_corpus(paths, manifest=manifest, outlets=outlets)
    terms_file = terms or find_terms_file(list(paths))
    return analyze_articles(loaded.articles, errors=loaded.errors, workers=workers, cache_dir=cache_dir,
                            use_cache=use_cache, textblob=textblob, progress=progress, executor=executor,
                            actors=actors or find_actors_file(list(paths)),
                            terms=load_terms(terms_file) if terms_file else None)


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
        elif name in Analysis.OPTIONAL:
            frames[name] = schema.empty(PER_ARTICLE[name]).lazy()
        else:
            from framing.errors import InputError

            raise InputError(f"{out_dir} has no {name}.parquet (nor {name}/*.parquet): is it the --out folder of "
                             "`framing analyze`?")
    return frames


def read_analysis(out_dir: str | Path) -> Analysis:
    """An Analysis from the parquet tables `framing analyze` wrote."""
    frames = scan_analysis(out_dir)
    return Analysis(**{name: frame.collect() for name, frame in frames.items()})


def read_for_tables(out_dir: str | Path, *, text: bool = False, texts: bool = True) -> Analysis:
    """The analysis `framing analyze` wrote, as the comparison tables read it: only the columns they read
    (framing.aggregate.shared.TABLE_COLUMNS), each article's word count (`n_words`; an analysis written before it
    has its words counted while its text is read, `with_word_counts`), the text itself only when `text` (text reuse
    and a text search need it); the
    sentences' and mentions' text columns (shared.TEXT_COLUMNS) only when `texts` (`with_texts` adds them later).
    Each table is read streaming, one after the other, so the text is never held whole unless it is kept (at
    100,000 articles that peaks 55 MB lower than reading them all at once, and costs no more time)."""
    from framing.aggregate.shared import projected

    frames = {name: projected(name, frame, texts=texts) for name, frame in scan_analysis(out_dir).items()}
    articles = _articles_for_tables(frames.pop("articles"), text)
    return Analysis(articles=articles, **{name: frame.collect(engine="streaming") for name, frame in frames.items()})


def _articles_for_tables(articles: pl.LazyFrame, text: bool) -> pl.DataFrame:
    """The articles as `with_word_counts` gives them: their stored word counts (`n_words`) without the text, unless
    `text`; an analysis written before n_words (or with an article without it) has each text read and counted."""
    from framing.aggregate.grouping import with_word_counts

    names = articles.collect_schema().names()
    if "n_words" in names:
        read = articles.drop("text") if "text" in names and not text else articles
        got = read.collect(engine="streaming")
        chars_known = "text" in got.columns or ("n_chars" in got.columns and not got["n_chars"].null_count())
        if not got["n_words"].null_count() and chars_known:
            return with_word_counts(got, text=text)
    return with_word_counts(articles, text=text).collect(engine="streaming")  # each text streamed into its count


def with_texts(out_dir: str | Path, analysis: Analysis) -> Analysis:
    """`analysis` (read by `read_for_tables(out_dir, texts=False)`, not filtered) with the text columns it was read
    without, read now: the same rows in the same order, so they are put beside the other columns as they are."""
    from framing.aggregate.shared import TEXT_COLUMNS, projected

    frames = scan_analysis(out_dir)
    added = {}
    for name, columns in TEXT_COLUMNS.items():
        have = getattr(analysis, name)
        order = projected(name, frames[name]).collect_schema().names()  # as read_for_tables reads them all
        wanted = [c for c in columns if c in order and c not in have.columns]
        if not wanted:
            continue
        read = frames[name].select(wanted).collect(engine="streaming")
        if read.height != have.height:
            from framing.errors import InputError

            raise InputError(f"{out_dir}: {name}.parquet changed while it was read ({read.height} rows now, "
                             f"{have.height} before)")
        added[name] = have.hstack(read).select([c for c in order if c in have.columns or c in wanted])
    return dataclasses.replace(analysis, **added)


def stored_tables(out_dir: str | Path, by: str = "outlet", period: str = "month", *, flt: Any = None,
                  outlets: Any = None, skip: tuple[str, ...] = (), timings: dict[str, float] | None = None
                  ) -> Iterator[tuple[str, pl.DataFrame]]:
    """The comparison tables of the analysis `framing analyze` wrote into `out_dir` (those of `compare_tables`, for
    the filter `flt` and grouped `by`), each as soon as it is made: what `framing compare --analysis` writes.

    Read lazily: the columns the tables read (`read_for_tables`), the article text only for text reuse (whose pairs
    are those `framing analyze` stored when they are of the filtered articles) or a text search; the text columns of the sentences and mentions (shared.TEXT_COLUMNS) only after every table that does
    not read them, and for those few tables (tables.READS_TEXT) the sections, segments and quotes are let go.
    `outlets`: an outlets table (framing.load.outlets.read_outlets) to regroup the stored articles by."""
    from framing.aggregate.filters import Filter
    from framing.aggregate.tables import READS_TEXT, iter_tables
    from framing.pipeline.stored_reuse import stored_pairs

    flt = flt if flt is not None else Filter()
    late = tuple(name for name in READS_TEXT if name not in skip)
    started = time.perf_counter()
    reuse = not {"text_reuse", "outlet_reuse"} <= set(skip)
    analysis = read_for_tables(out_dir, text=reuse or bool(flt.text), texts=False)
    if outlets is not None:
        from framing.load.outlets import apply_outlets

        analysis = dataclasses.replace(analysis, articles=apply_outlets(analysis.articles, outlets))
    if timings is not None:
        timings[READING] = time.perf_counter() - started
    filtered = flt.apply(analysis)
    # the pairs `framing analyze` stored, when they are of exactly the filtered articles (else found as before)
    pairs = stored_pairs(out_dir, filtered.articles) if reuse else None
    first = iter_tables(filtered, by, period, skip=(*skip, *late), timings=timings,
                        given={"text_reuse": pairs} if pairs is not None else None)
    del filtered, pairs
    # kept for the last tables: the articles, the sentences and the mentions; the other frames are let go as soon as
    # iter_tables has its integer-coded copy of them
    analysis = dataclasses.replace(analysis, sections=analysis.sections.clear(),
                                   voice_segments=analysis.voice_segments.clear(), quotes=analysis.quotes.clear())
    yield from first
    del first
    if not late:
        return
    started = time.perf_counter()
    analysis = with_texts(out_dir, analysis)  # now with their text
    if timings is not None:
        timings[READING_TEXTS] = time.perf_counter() - started
    yield from iter_tables(flt.apply(analysis), by, period, only=late, timings=timings)


# the keys of stored_tables's timings for the reading (beside compare_tables's, table by table)
READING, READING_TEXTS = "(reading the parquet)", "(reading the text columns)"
