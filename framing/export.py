"""Tables as files: CSV a spreadsheet cannot be tricked into executing, and parquet; written atomically.

The dashboard's download buttons and `framing compare --out DIR` use the same functions, so a download holds
exactly the rows the view shows.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping, Sequence
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


def csv_ready(df: pl.DataFrame) -> pl.DataFrame:
    """`df` with list cells joined, nested cells as JSON text, and every string cell passed through `safe_cell`."""
    exprs = []
    for name, dtype in df.schema.items():
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
    return out.rename({name: str(safe_cell(name)) for name in out.columns if safe_cell(name) != name})


def to_csv_bytes(df: pl.DataFrame) -> bytes:
    """The table as UTF-8 CSV with a header row, safe to open in a spreadsheet (see `safe_cell`)."""
    return csv_ready(df).write_csv(include_header=True, null_value="").encode("utf-8")


def to_parquet_bytes(df: pl.DataFrame) -> bytes:
    """The table as parquet (typed values as they are; parquet is not executed by spreadsheets)."""
    import io

    buffer = io.BytesIO()
    df.write_parquet(buffer)
    return buffer.getvalue()


def _atomic_write(path: Path, data: bytes) -> None:
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


def write_tables(
    tables: Mapping[str, pl.DataFrame],
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("csv", "parquet"),
    caption: str | None = None,
) -> list[Path]:
    """Write each table as `<name>.csv` and/or `<name>.parquet` in `out_dir` (created if missing).

    `caption` (the filter's `describe()` sentence) goes into `filter.txt` so the files say which view they hold.
    Returns the paths written, in order.
    """
    unknown = [f for f in formats if f not in ("csv", "parquet")]
    if unknown:
        raise ConfigError(f"unknown export format {', '.join(unknown)}: use csv and/or parquet")
    bad = [name for name in tables if not _TABLE_NAME.match(name)]
    if bad:
        raise ConfigError(f"table name {bad[0]!r} cannot be a file name: use letters, digits and underscores")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder {out}: {exc.strerror or exc}") from exc
    if not out.is_dir():
        raise InputError(f"{out} is not a folder: give --out a folder to write the tables into")
    written: list[Path] = []
    try:
        for name, df in tables.items():
            if "csv" in formats:
                path = out / f"{name}.csv"
                _atomic_write(path, to_csv_bytes(df))
                written.append(path)
            if "parquet" in formats:
                path = out / f"{name}.parquet"
                _atomic_write(path, to_parquet_bytes(df))
                written.append(path)
        if caption is not None:
            path = out / "filter.txt"
            _atomic_write(path, (caption.rstrip("\n") + "\n").encode("utf-8"))
            written.append(path)
    except OSError as exc:
        raise InputError(f"cannot write the tables into {out}: {exc.strerror or exc}") from exc
    return written
