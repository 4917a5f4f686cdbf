"""The on-disk cache of analysed articles: what an article's results are keyed by, and the shards they live in.

In: article texts and batches of per-article rows. Out: `fingerprint()` (a hash of the analysis code and data
files), `text_key` per article, and parquet shards under `<cache dir>/<fingerprint>/<table>/shard-*.parquet`, each
batch complete once its `done` marker is written. A change to the analysis code or its data changes the
fingerprint, so stale results are never reused; `corpus_key` fingerprints a whole corpus on disk (the dashboard
re-analyses when it changes).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

import polars as pl

from framing import resources
from framing.pipeline.article import PER_ARTICLE

PACKAGE = Path(__file__).resolve().parents[1]
# The code that decides the per-article tables; presentation code (dashboard, aggregation, export) is not among
# it, so editing that keeps the cache.
ANALYSIS_CODE = ("schema.py", "resources.py", "segment", "quotes", "actors", "score", "pipeline/article.py")


@cache
def fingerprint() -> str:
    """Hash of the analysis code and its data files: a change to either invalidates cached results."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in ANALYSIS_CODE:
        path = PACKAGE / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    data = resources.data_dir()
    if data.is_dir():
        files += sorted(p for p in data.rglob("*") if p.is_file() and p.suffix != ".md"
                        and "corpus" not in p.relative_to(data).parts)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(_word_list_versions().encode())
    return digest.hexdigest()[:16]


def corpus_key(paths: Sequence[str | Path], analysis_dir: Path | None = None) -> str:
    """Fingerprint of a corpus on disk and of the analysis code: every article, manifest and outlets file below
    `paths` (and FRAMING_OUTLETS, and the parquet files of `analysis_dir`, a stored analysis opened with it), by
    path and content."""
    from framing.load.corpus import discover
    from framing.load.outlets import OUTLETS_ENV

    files, manifests, _ = discover(paths)
    if os.environ.get(OUTLETS_ENV, "").strip():
        manifests.append(Path(os.environ[OUTLETS_ENV].strip()))
    if analysis_dir is not None:
        files += sorted(Path(analysis_dir).rglob("*.parquet"))
    digest = hashlib.sha256(fingerprint().encode())
    for path in sorted(files + manifests):
        digest.update(str(path).encode("utf-8", "surrogateescape"))  # a file name need not be UTF-8
        digest.update(_file_digest(path))
    return digest.hexdigest()[:24]


def _file_digest(path: Path) -> bytes:
    """sha256 of a file's content, re-read only when its size or modification time changed (the dashboard asks
    on every rerun)."""
    try:
        stat = path.stat()
        return _content_digest(str(path), stat.st_size, stat.st_mtime_ns)
    except OSError:  # not remembered: a file that cannot be read now may be readable on the next rerun
        return b"unreadable"


@lru_cache(maxsize=None)
def _content_digest(path: str, size: int, mtime_ns: int) -> bytes:
    return hashlib.sha256(Path(path).read_bytes()).digest()


def _word_list_versions() -> str:
    """Versions of the packages whose word lists the analysis reads (first and place names from Faker; the word
    classes of textblob-de's Pattern lexicon)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("faker", "textblob-de"):
        try:
            found.append(f"{package}=={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package} missing")
    return " ".join(found)


def text_key(text: str, textblob: bool, terms: str = "", genre: str | None = None) -> str:
    """An article's key in the cache: its text, the textblob option, the digest of the corpus's terms list
    (framing.terms.TermList.digest; empty without one), so a changed terms list never reuses old mentions, and the
    article's genre (it sets section kinds and interview answers)."""
    extra = f"\0terms:{terms}" if terms else ""
    extra += f"\0genre:{genre}" if genre else ""
    return hashlib.sha256(f"{int(textblob)}\0{text}{extra}".encode()).hexdigest()[:32]


def default_cache_dir() -> Path:
    base = os.environ.get("FRAMING_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "framing")
    return Path(base)


def shard_index(folder: Path) -> pl.DataFrame:
    """`key` and `shard` (file name) of every article whose batch was completely written (its `done` marker
    exists); a key that sits in several shards is listed once, with the first of them."""
    markers = sorted((folder / "done").glob("shard-*.parquet")) if (folder / "done").is_dir() else []
    index = [pl.read_parquet(marker, columns=["key"]).with_columns(shard=pl.lit(marker.name)) for marker in markers]
    if not index:
        return pl.DataFrame(schema={"key": pl.String, "shard": pl.String})
    return pl.concat(index).unique("key", keep="first", maintain_order=True)


FLUSH_EVERY = 1000  # articles per cache shard


def keyed_schema(table: str) -> dict[str, pl.DataType]:
    """A per-article table's schema with `key` (the text hash) in place of `article_id`."""
    return {"key": pl.String, **{k: v for k, v in PER_ARTICLE[table].items() if k != "article_id"}}


def write_shard(cache_dir: Path, frames: dict[str, pl.DataFrame], keys: list[str]) -> None:
    """Write one batch of results atomically; the `done` shard (written last) marks the batch complete."""
    folder = cache_dir / fingerprint()
    name = f"shard-{hashlib.sha256(''.join(keys).encode()).hexdigest()[:16]}.parquet"
    for table, frame in frames.items():
        atomic_parquet(frame, folder / table / name)
    atomic_parquet(pl.DataFrame({"key": keys}, schema={"key": pl.String}), folder / "done" / name)


def atomic_parquet(frame: pl.DataFrame, target: Path) -> None:
    from framing.present.export import atomic_write, to_parquet_bytes

    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, to_parquet_bytes(frame))

