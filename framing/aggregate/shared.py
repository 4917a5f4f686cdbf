"""What the comparison tables read, and the frames several of them make alike, made once.

`TABLE_COLUMNS`: the columns of each analysis table that the comparison tables (all but text reuse) and
`Filter.apply` read; `framing.pipeline.read_for_tables` reads only those from the parquet output, the article text
turned into its word count while it is read (`grouping.with_word_counts`).

`sharing()`: while it is open (`compare_tables` opens it), `shared(analysis, key, make)` makes a frame once per
analysis and key and hands the same frame to every table that asks (the quoted statements with their group keys,
the quoted people, the quoted gender table that the first screen shows too, ...). Outside it (the dashboard, which
asks for one table at a time) `make` simply runs. The frames are polars frames, which no table changes in place.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import polars as pl

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    # text: only for text reuse and a text search (read_for_tables(text=True)); else counted into TEXT_WORDS
    "articles": ("article_id", "outlet", "group", "agency", "date", "date_first", "date_last", "title", "url",
                 "n_chars", "language", "genre", "text"),
    "sections": ("article_id", "section_id", "kind", "start", "end"),
    "sentences": ("article_id", "sentence_id", "kind", "text", "voice", "polarity_textblob", "tone", "tone_label",
                  "tone_evidence", "opinion", "opinion_signals"),
    "voice_segments": ("article_id", "sentence_id", "voice", "start", "end", "n_chars", "tone", "tone_label"),
    "quotes": ("article_id", "quote_id", "section_id", "mode", "start", "end", "n_words", "speaker", "speaker_group",
               "speaker_kind", "speaker_role", "speaker_type", "speaker_gender"),
}

_FRAMES: ContextVar[dict[tuple, tuple[Any, Any]] | None] = ContextVar("framing_shared_frames", default=None)


@contextmanager
def sharing() -> Iterator[None]:
    """Frames made by `shared` inside this block are made once per analysis and key (and let go at its end)."""
    token = _FRAMES.set({})
    try:
        yield
    finally:
        _FRAMES.reset(token)


def shared(analysis: Any, key: tuple[Hashable, ...], make: Callable[[], Any]) -> Any:
    """`make()`, made once per `analysis` and `key` inside `sharing()`; outside it, made on every call."""
    frames = _FRAMES.get()
    if frames is None:
        return make()
    slot = (id(analysis), *key)
    if slot not in frames:
        frames[slot] = (analysis, make())  # the analysis is kept with its frame, so its id is not reused meanwhile
    return frames[slot][1]


def projected(name: str, frame: pl.LazyFrame) -> pl.LazyFrame:
    """`frame` (the analysis table `name`) with only the columns TABLE_COLUMNS lists that it has; every column of a
    table it does not list."""
    if name not in TABLE_COLUMNS:
        return frame
    have = frame.collect_schema().names()
    return frame.select([c for c in TABLE_COLUMNS[name] if c in have])
