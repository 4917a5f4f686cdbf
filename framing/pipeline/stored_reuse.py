"""The text-reuse pairs `framing analyze` writes beside its tables (`text_reuse.parquet`, the `text_reuse` table of
framing.aggregate.tables), and when a reader may take them instead of finding the pairs again.

The pairs depend on the articles' texts, the reuse code and polars (whose hashes number the n-grams), so the file
carries a stamp of all three in its parquet metadata. `stored_pairs` gives the pairs only when the stamp is that of
the articles asked about: the same article ids with the same texts (an analysis with uploads on top, or a filter
that drops articles, finds its pairs itself, as an analysis written before this file does). The outlet columns are
taken from the articles asked about, so a corpus regrouped by another outlets.csv reads the same pairs.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import polars as pl

from framing.aggregate import reuse

TABLE = "text_reuse"  # the table's name in the output folder (text_reuse.parquet, or text_reuse/part-*.parquet)
STAMP_KEY = "framing.text_reuse.stamp"  # the key of the stamp in the parquet file's metadata


@functools.cache
def _code() -> str:
    """The reuse code's version: its module's source, the n-gram settings and the polars version."""
    source = hashlib.sha256(Path(reuse.__file__).read_bytes()).hexdigest()[:16]
    return f"{source}:n={reuse.DEFAULT_N}:max={reuse.DEFAULT_MAX_POSTINGS}:polars={pl.__version__}"


def stamp(articles: pl.DataFrame) -> str:
    """What the pairs of `articles` depend on: the reuse code and each article's id and text, the articles taken
    as shared_text takes them (sorted by id; of two with one id the first)."""
    rows = (articles.lazy()
            .select("article_id", pl.struct("article_id", pl.col("text").fill_null("")).hash(seed=19).alias("_hash"))
            .sort("article_id", maintain_order=True).unique("article_id", keep="first", maintain_order=True)
            .collect())
    digest = hashlib.sha256(rows["_hash"].to_numpy().tobytes()).hexdigest()[:32]
    return f"{_code()}:articles={rows.height}:{digest}"


def find_pairs(articles: pl.DataFrame) -> tuple[pl.DataFrame, dict[str, str]]:
    """The `text_reuse` table of `articles` and the parquet metadata to write it with."""
    from framing.aggregate.tables import text_reuse

    return text_reuse(_Articles(articles)), {STAMP_KEY: stamp(articles)}


class _Articles:
    """An analysis with only its articles table: all that text reuse reads."""

    def __init__(self, articles: pl.DataFrame) -> None:
        self.articles = articles


def files(out_dir: Path) -> list[Path]:
    """The parquet file(s) of the stored pairs in `out_dir` (none in an analysis written before them)."""
    parts, single = out_dir / TABLE, out_dir / f"{TABLE}.parquet"
    if parts.is_dir():
        return sorted(parts.glob("*.parquet"))
    return [single] if single.is_file() else []


def stored_pairs(out_dir: str | Path, articles: pl.DataFrame) -> pl.DataFrame | None:
    """The `text_reuse` table of `articles` as `framing analyze` stored it in `out_dir`, with the outlets of
    `articles`; None when there is none for exactly these articles (see the module's docstring)."""
    found = files(Path(out_dir))
    try:
        if not found or pl.read_parquet_metadata(found[0]).get(STAMP_KEY) != stamp(articles):
            return None
        pairs = pl.read_parquet(found)
    except (OSError, pl.exceptions.PolarsError):
        return None
    if pairs.schema != reuse.REUSE_SCHEMA:
        return None
    return with_outlets(pairs, articles)


def with_outlets(pairs: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """`pairs` with outlet_a and outlet_b of `articles` (as text_reuse gives them: an unknown outlet named)."""
    from framing.aggregate.filters import UNKNOWN_OUTLET

    outlets = (articles.select("article_id", "outlet").sort("article_id", maintain_order=True)
               .unique("article_id", keep="first", maintain_order=True)
               .with_columns(pl.col("outlet").cast(pl.String).fill_null(UNKNOWN_OUTLET)))
    found = pairs.drop("outlet_a", "outlet_b")
    for side in "ab":
        found = found.join(outlets.rename({"article_id": f"article_{side}", "outlet": f"outlet_{side}"}),
                           on=f"article_{side}", how="left", maintain_order="left")
    return found.select(list(reuse.REUSE_SCHEMA)).with_columns(
        pl.col("outlet_a", "outlet_b").fill_null(UNKNOWN_OUTLET))
