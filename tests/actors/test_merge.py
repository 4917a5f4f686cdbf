"""Speaker names merged across the articles of a corpus (framing.actors.merge)."""

from __future__ import annotations

import polars as pl

from framing import schema
from framing.actors.merge import merge_speakers


def test_merge_speakers_unifies_short_forms_and_aliases_across_articles():
    rows = [
        {"article_id": "a", "quote_id": 0, "speaker": "Witkoff", "speaker_kind": "person"},
        {"article_id": "b", "quote_id": 0, "speaker": "Steve Witkoff", "speaker_kind": "person"},
        {"article_id": "c", "quote_id": 0, "speaker": "Zelensky", "speaker_kind": "person"},
        {"article_id": "d", "quote_id": 0, "speaker": "Erika Muster", "speaker_kind": "person"},
        {"article_id": "e", "quote_id": 0, "speaker": "Muster", "speaker_kind": "person"},
        {"article_id": "f", "quote_id": 0, "speaker": "Hans Muster", "speaker_kind": "person"},
        {"article_id": "g", "quote_id": 0, "speaker": "Tilli", "speaker_kind": "reader"},
        {"article_id": "h", "quote_id": 0, "speaker": "Rutte", "speaker_kind": "reader"},  # a reader stays a reader
    ]
    frame = schema.frame(rows, schema.QUOTES)
    merged = merge_speakers(frame)
    assert merged.columns == list(schema.QUOTES)
    assert merged["speaker"].to_list() == [
        "Steve Witkoff", "Steve Witkoff", "Wolodymyr Selenskyj", "Erika Muster", "Muster", "Hans Muster", "Tilli",
        "Rutte"]
    assert merged["speaker_group"].to_list()[:3] == ["USA", "USA", "Ukraine"]
    assert merged["speaker_group"].to_list()[-1] is None
    assert merge_speakers(schema.empty(schema.QUOTES)).is_empty()
    assert isinstance(merged, pl.DataFrame)
