"""What the comparison tables read, and the frames several of them make alike, made once.

`TABLE_COLUMNS`: the columns of each analysis table that the comparison tables (all but text reuse) and
`Filter.apply` read; `framing.pipeline.read_for_tables` reads only those from the parquet output, each article's
stored word count (`n_words`) instead of its text (of an older analysis, the text counted while it is read:
`grouping.with_word_counts`).

`TEXT_COLUMNS`: those of them that only a few tables read (tables.READS_TEXT), read last by
`framing.pipeline.stored_tables`.

`sharing()`: while it is open (`compare_tables` opens it), `shared(analysis, key, make)` makes a frame once per
analysis and key and hands the same frame to every table that asks (the quoted statements with their group keys,
the quoted people, the quoted gender table that the first screen shows too, ...). Outside it `make` simply runs;
the dashboard, which asks for one table at a time, keeps the quoted gender table per filter (`sharing_kept`). The
frames are polars frames, which no table changes in place.
`release(still_to_come)` lets go of the frames that none of the tables still to come reads (USERS), so they do not
add to the memory of the later tables (the statements, 74 MB at 100,000 articles, are not kept for over_time).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import polars as pl

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    # text: only for text reuse and a text search (read_for_tables(text=True)); n_words (else the text counted)
    # becomes TEXT_WORDS
    "articles": ("article_id", "outlet", "group", "agency", "date", "date_first", "date_last", "title", "url",
                 "n_chars", "n_words", "language", "genre", "text"),
    "sections": ("article_id", "section_id", "kind", "start", "end"),
    "sentences": ("article_id", "sentence_id", "kind", "text", "voice", "polarity_textblob", "tone", "tone_label",
                  "tone_evidence", "opinion", "opinion_signals"),
    "voice_segments": ("article_id", "sentence_id", "voice", "start", "end", "n_chars", "tone", "tone_label"),
    "quotes": ("article_id", "quote_id", "section_id", "mode", "start", "end", "n_words", "speaker", "speaker_group",
               "speaker_kind", "speaker_role", "speaker_type", "speaker_gender"),
}

# The text columns of the analysis tables: only the tables of tables.READS_TEXT read them (the sentence itself, its
# opinion signals and tone evidence, a mention's words), and at 100,000 articles they are a third of what the
# comparison tables read (the sentences' text 253 MB); framing.pipeline.stored_tables reads them after the other
# tables.
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "sentences": ("text", "tone_evidence", "opinion_signals"),
    "term_mentions": ("text", "tone_evidence"),
    "actor_mentions": ("text", "tone_evidence"),
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


@contextmanager
def sharing_kept(kept: dict, kinds: Collection[str], analysis: Any) -> Iterator[None]:
    """As `sharing()`, for one table of `analysis` at a time (the dashboard): the frames of `kinds` made inside the
    block are kept in `kept` and handed to a later block. `kept` belongs to one content of `analysis` (the dashboard
    keeps one per filter), so it holds the frames without the analysis. The first screen's framing_comparison makes
    quoted_gender (its bootstrap interval, about 0.5 s CPU at 10,000 articles), which the Voices view shows as it is."""
    frames = {(id(analysis), *key): (analysis, frame) for key, frame in kept.items()}
    token = _FRAMES.set(frames)
    try:
        yield
    finally:
        _FRAMES.reset(token)
        kept.update({slot[1:]: made[1] for slot, made in frames.items() if slot[1] in kinds and made[0] is analysis})


def shared(analysis: Any, key: tuple[Hashable, ...], make: Callable[[], Any]) -> Any:
    """`make()`, made once per `analysis` and `key` inside `sharing()`; outside it, made on every call."""
    frames = _FRAMES.get()
    if frames is None:
        return make()
    slot = (id(analysis), *key)
    if slot not in frames:
        frames[slot] = (analysis, make())  # the analysis is kept with its frame, so its id is not reused meanwhile
    return frames[slot][1]


# The tables of TABLES that read each kind of shared frame (the first item of its key). A frame let go too early is
# only made again (and the same): a table derived from another (quote_modes, top_speakers) reads that one's frame.
USERS: dict[str, tuple[str, ...]] = {
    "quotes": ("framing_comparison", "quoted_actors", "speaker_groups", "speaker_types"),
    "people": ("framing_comparison", "quoted_gender", "over_time"),
    "quoted_gender": ("framing_comparison", "quoted_gender"),
    "quoted_actors": ("quoted_actors", "quote_modes", "top_speakers", "exclusive_voices"),
}


def release(still_to_come: Collection[str]) -> None:
    """Inside `sharing()`, let go of the frames that no table of `still_to_come` reads (kinds USERS does not name
    are kept to the end)."""
    frames = _FRAMES.get()
    if frames is None:
        return
    coming = set(still_to_come)
    for slot in [slot for slot in frames if slot[1] in USERS and not coming.intersection(USERS[slot[1]])]:
        del frames[slot]


def projected(name: str, frame: pl.LazyFrame, *, texts: bool = True) -> pl.LazyFrame:
    """`frame` (the analysis table `name`) with only the columns TABLE_COLUMNS lists that it has (every column of a
    table it does not list), without the TEXT_COLUMNS unless `texts`."""
    have = frame.collect_schema().names()
    keep = [c for c in TABLE_COLUMNS.get(name, have) if c in have]
    if not texts:
        keep = [c for c in keep if c not in TEXT_COLUMNS.get(name, ())]
    return frame if keep == have else frame.select(keep)
