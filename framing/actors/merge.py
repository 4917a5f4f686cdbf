"""Speaker names merged across a corpus: the quotes table in, the same table with one name per actor out.

In: the quotes table of a whole corpus (columns of `framing.schema.QUOTES`). Out: the same rows and columns, with
gazetteer aliases replaced by the canonical name (and its group filled in where none is set) and a short name form
replaced by the one longer form it is unambiguously part of. Readers (`speaker_kind == "reader"`) are left alone.
"""

from __future__ import annotations

import polars as pl

from framing.actors.gazetteer import load_gazetteer


def merge_speakers(quotes: pl.DataFrame) -> pl.DataFrame:
    """Unify speaker names across articles: gazetteer aliases -> canonical (and its group where none is set); a
    short form ('Witkoff') -> the one longer name with the same last word ('Steve Witkoff') when that is
    unambiguous. Readers are kept apart and never merged with actors. Same columns in and out."""
    if quotes.is_empty() or "speaker" not in quotes.columns:
        return quotes
    gaz = load_gazetteer()
    is_actor = pl.col("speaker").is_not_null() & (pl.col("speaker_kind") != "reader")
    actor_rows = quotes.filter(is_actor)
    canon: dict[str, str] = {}
    groups: dict[str, str] = {}
    for name in actor_rows["speaker"].unique().to_list():
        actor = gaz.lookup(name)
        if actor is not None:
            canon[name] = actor.name
            if actor.group:
                groups[actor.name] = actor.group
    persons = set(actor_rows.filter(pl.col("speaker_kind") == "person")["speaker"].unique().to_list())
    by_last: dict[str, set[str]] = {}
    for name in persons:
        full = canon.get(name, name)
        by_last.setdefault(full.split()[-1], set()).add(full)
    for name in persons:
        full = canon.get(name, name)
        longer = [x for x in by_last.get(full.split()[-1], ()) if x != full and x.endswith(" " + full)]
        if len(longer) == 1:
            canon[name] = longer[0]
    mapping = {k: v for k, v in canon.items() if k != v}
    if not mapping and not groups:
        return quotes
    merged = quotes.with_columns(
        pl.when(is_actor).then(pl.col("speaker").replace(mapping)).otherwise(pl.col("speaker")).alias("speaker"))
    if groups:
        known = pl.col("speaker").replace_strict(groups, default=None, return_dtype=pl.String)
        merged = merged.with_columns(
            pl.when(is_actor & pl.col("speaker_group").is_null()).then(known).otherwise(pl.col("speaker_group"))
            .alias("speaker_group"))
    return merged.select(quotes.columns)
