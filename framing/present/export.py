"""Tables as files: CSV a spreadsheet cannot be tricked into executing, and parquet; written atomically.

The dashboard's download buttons and `framing compare --out DIR` use the same functions, so a download holds
exactly the rows the view shows.
"""

from __future__ import annotations

import os
import shutil
import re
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import polars as pl

from framing.errors import ConfigError, InputError

# OWASP "CSV injection": a spreadsheet executes a cell starting with one of these; prefixing a single quote makes
# it text. Only string cells are touched: numbers (also negative ones) stay numbers.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " | "  # list cells (e.g. shared passages) are joined with this in CSV
_TABLE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def safe_cell(value: Any) -> Any:
    """A string that a spreadsheet would execute, prefixed with `'`; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _safe_expr(expr: pl.Expr) -> pl.Expr:
    starts = pl.any_horizontal(*[expr.str.starts_with(p) for p in FORMULA_PREFIXES])
    return pl.when(starts).then(pl.lit("'") + expr).otherwise(expr)


def csv_ready(df: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame | pl.LazyFrame:
    """`df` with list cells joined, nested cells as JSON text, and every string cell passed through `safe_cell`."""
    exprs = []
    schema = df.collect_schema() if isinstance(df, pl.LazyFrame) else df.schema
    for name, dtype in schema.items():
        col = pl.col(name)
        if isinstance(dtype, (pl.List, pl.Array)):
            col = col.cast(pl.List(pl.String)).list.join(LIST_SEPARATOR)
        elif isinstance(dtype, pl.Struct):
            col = col.struct.json_encode()
        elif dtype in (pl.String, pl.Categorical, pl.Enum) or isinstance(dtype, (pl.Categorical, pl.Enum)):
            col = col.cast(pl.String)
        else:
            exprs.append(col)
            continue
        exprs.append(_safe_expr(col).alias(name))
    out = df.select(exprs) if exprs else df
    names = out.collect_schema().names() if isinstance(out, pl.LazyFrame) else out.columns
    return out.rename({name: str(safe_cell(name)) for name in names if safe_cell(name) != name})


def to_csv_bytes(df: pl.DataFrame) -> bytes:
    """The table as UTF-8 CSV with a header row, safe to open in a spreadsheet (see `safe_cell`)."""
    return csv_ready(df).write_csv(include_header=True, null_value="").encode("utf-8")


def to_parquet_bytes(df: pl.DataFrame) -> bytes:
    """The table as parquet (typed values as they are; parquet is not executed by spreadsheets)."""
    import io

    buffer = io.BytesIO()
    df.write_parquet(buffer)
    return buffer.getvalue()


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (readers never see half a file)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


_OUTPUT_NAME = re.compile(r"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\.(?:csv|parquet)|filter\.txt)$")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where it is not available."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def _check_output_folder(out: Path) -> None:
    """--out must be empty or hold only earlier framing output: the whole folder is replaced at once."""
    foreign = sorted(p.name for p in out.iterdir() if not p.name.startswith(".")
                     and not (p.is_file() and _OUTPUT_NAME.match(p.name))
                     and not (p.is_dir() and _TABLE_NAME.match(p.name) and all(
                         q.suffix == ".parquet" for q in p.iterdir())))
    if foreign:
        raise InputError(f"{out} holds files that are not framing tables ({', '.join(foreign[:5])}); the tables "
                         "replace the whole folder, so give an empty folder or an earlier --out")


def _write_table(chunks: Iterable[pl.DataFrame], folder: Path, name: str, formats: Sequence[str],
                 rows_per_part: int | None, metadata: dict[str, str] | None = None) -> None:
    """Write one table, given as consecutive chunks of its rows, chunk by chunk as CSV and parquet (with the
    key-value `metadata`) into `folder`."""
    # Parquet goes to NAME/part-*.parquet: the output itself with rows_per_part, otherwise pieces that are streamed
    # into NAME.parquet at the end.
    parts = folder / name
    if rows_per_part:
        chunks = _cut(chunks, rows_per_part)
    if "parquet" in formats:
        parts.mkdir()
    row_bytes = 1  # the widest chunk's bytes per row, for the row groups of NAME.parquet
    with open(folder / f"{name}.csv", "wb") if "csv" in formats else nullcontext() as csv:
        for i, chunk in enumerate(chunks):
            if csv is not None:
                csv_ready(chunk).write_csv(csv, include_header=i == 0, null_value="")
            if "parquet" in formats:
                chunk.write_parquet(parts / f"part-{i:05d}.parquet", metadata=metadata)
                row_bytes = max(row_bytes, int(chunk.estimated_size() / max(chunk.height, 1)))
    if "parquet" in formats and not rows_per_part:
        # The merge holds about one row group in memory: by default one of 262,144 rows, 700 MB for 100,000 texts.
        pl.scan_parquet(parts / "*.parquet").sink_parquet(folder / f"{name}.parquet", metadata=metadata,
                                                          row_group_size=max(1, ROW_GROUP_BYTES // row_bytes))
        shutil.rmtree(parts)


ROWS_PER_WRITE = 10_000  # rows of a frame written at a time: each CSV-ready copy stays small
ROW_GROUP_BYTES = 32 * 2**20  # in-memory size of a parquet row group (polars' estimate)


def _slices(df: pl.DataFrame) -> list[pl.DataFrame]:
    """The frame as consecutive slices (views, not copies); at least one, so an empty table keeps its header."""
    return [df.slice(offset, ROWS_PER_WRITE) for offset in range(0, max(df.height, 1), ROWS_PER_WRITE)]


def _cut(chunks: Iterable[pl.DataFrame], rows: int) -> Iterator[pl.DataFrame]:
    """The same rows as frames of exactly `rows` rows, the last one shorter (one empty frame when there are none)."""
    held: pl.DataFrame | None = None
    cut = False
    for chunk in chunks:
        held = chunk if held is None else pl.concat([held, chunk])
        while held.height >= rows:
            yield held.head(rows)
            held, cut = held.slice(rows), True
    if held is not None and (held.height or not cut):
        yield held


def _check_names(names: Iterable[str]) -> None:
    bad = [name for name in names if not _TABLE_NAME.match(name)]
    if bad:
        raise ConfigError(f"table name {bad[0]!r} cannot be a file name: use letters, digits and underscores")


def write_tables(
    tables: Mapping[str, pl.DataFrame | Iterable[pl.DataFrame]] | Iterable[tuple[str, pl.DataFrame]],
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("csv", "parquet"),
    caption: str | None = None,
    rows_per_part: int | None = None,
    parquet_only: Collection[str] = (),
    metadata: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Path]:
    """Write each table as `<name>.csv` and/or `<name>.parquet` into `out_dir`, replacing its content as one set.

    A table is a frame or consecutive chunks of its rows (at least one, all of one schema, see
    analysis.StoredAnalysis.tables), written chunk by chunk, so a large table never has to be in memory whole.
    `tables` may also be (name, frame) pairs as they are made (framing.pipeline.stored_tables), each written and
    let go before the next is made.
    The tables are written into a staging folder beside `out_dir`, which is then swapped with it atomically, so a
    reader (or a run killed mid-write) sees either all the old tables or all the new ones, never a mix.
    `caption` (the filter's `describe()` sentence) goes into `filter.txt`. With `rows_per_part`, parquet is written
    as a folder `<name>/part-00000.parquet`, ... of that many rows each (for corpora too large for one file).
    The tables of `parquet_only` are written as parquet alone; `metadata` gives a table's parquet key-value metadata
    (in every part). Returns the final paths, in order.
    """
    unknown = [f for f in formats if f not in ("csv", "parquet")]
    if unknown:
        raise ConfigError(f"unknown export format {', '.join(unknown)}: use csv and/or parquet")
    if isinstance(tables, Mapping):
        _check_names(tables)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is not a folder: give --out a folder to write the tables into")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.exists():
            _check_output_folder(out)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    except OSError as exc:
        raise InputError(f"cannot create the output folder {out}: {exc.strerror or exc}") from exc
    written: list[Path] = []
    try:
        for name, table in tables.items() if isinstance(tables, Mapping) else tables:
            _check_names([name])
            these = [f for f in formats if f == "parquet"] if name in parquet_only else formats
            _write_table(_slices(table) if isinstance(table, pl.DataFrame) else table, stage, name, these,
                         rows_per_part, dict((metadata or {}).get(name) or {}) or None)
            if "csv" in these:
                written.append(out / f"{name}.csv")
            if "parquet" in these:
                written.append(out / (name if rows_per_part else f"{name}.parquet"))
        if caption is not None:
            atomic_write(stage / "filter.txt", (caption.rstrip("\n") + "\n").encode("utf-8"))
            written.append(out / "filter.txt")
        if out.exists():
            if not _exchange(stage, out):  # not Linux: two renames, a tiny window with the old set beside
                previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.previous-", dir=out.parent))
                previous.rmdir()
                os.rename(out, previous)
                os.rename(stage, out)
                stage = previous
            shutil.rmtree(stage, ignore_errors=True)  # now the old set
        else:
            os.rename(stage, out)
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise InputError(f"cannot write the tables into {out}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return written
