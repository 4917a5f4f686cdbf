"""The user corpus: uploaded articles kept on disk so they survive a restart.

Files are validated before they are kept, stored under generated names (`<sha256 prefix><suffix>`, so an uploaded
name can never point outside the folder), deduplicated by content, and written atomically under a file lock (two
dashboard sessions uploading at once cannot corrupt the store). Per-upload metadata the user typed (outlet, date)
goes to the store's manifest.csv; the original file names are kept in uploads.csv.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock

from framing.errors import InputError
from framing.load.discover import IGNORE_FILE
from framing.load.readers import ACCEPTED, Article, accepted, article_stem, format_suffix, read_file
from framing.present.export import atomic_write

MAX_FILE_BYTES = 20 * 1024 * 1024  # matches server.maxUploadSize in .streamlit/config.toml
MAX_FILES_PER_UPLOAD = 200
INDEX = "uploads.csv"
MANIFEST = "manifest.csv"
INDEX_FIELDS = ("stored_name", "original_name", "bytes", "uploaded_at", "articles")
MANIFEST_FIELDS = ("article_id", "outlet", "agency", "date", "title", "url")


@dataclass(frozen=True)
class StoreResult:
    original_name: str
    status: str  # stored / duplicate / rejected
    message: str
    stored_name: str | None = None
    article_ids: tuple[str, ...] = ()


def default_store_dir() -> Path:
    return Path(os.environ.get("FRAMING_USER_CORPUS") or Path.cwd() / "user_corpus")


def _read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_rows(path: Path, fields: tuple[str, ...], rows: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    atomic_write(path, buffer.getvalue().encode("utf-8"))


def validate(name: str, data: bytes) -> tuple[list[Article], list[str]]:
    """Articles in an uploaded file, and the reasons for anything that could not be read."""
    suffix = format_suffix(name)
    if not accepted(name):
        raise InputError(f"{name}: {suffix or 'no'} extension is not accepted; upload {ACCEPTED}")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_FILE_BYTES / 1e6:.0f} MB limit; "
                         "split it into smaller files")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        articles, problems = [], []
        for item in read_file(path):
            if isinstance(item, Article):
                articles.append(item)
            elif item.severity == "error":
                problems.append(item.reason if item.line is None else f"line {item.line}: {item.reason}")
    return articles, problems


def add_files(store: Path, files: list[tuple[str, bytes]], *, outlet: str | None = None,
              date: str | None = None) -> list[StoreResult]:
    """Validate and keep uploaded (name, bytes) pairs; one result per file, never an exception per file."""
    store.mkdir(parents=True, exist_ok=True)
    if len(files) > MAX_FILES_PER_UPLOAD:
        return [StoreResult(n, "rejected", f"at most {MAX_FILES_PER_UPLOAD} files per upload") for n, _ in files]
    results: list[StoreResult] = []
    with FileLock(str(store / ".lock"), timeout=60):
        ignore = store / IGNORE_FILE
        if not ignore.exists():
            atomic_write(ignore, f"# the uploads index, not an article\n{INDEX}\n".encode())
        index = _read_rows(store / INDEX)
        manifest = {r["article_id"]: r for r in _read_rows(store / MANIFEST)}
        known = {r["stored_name"] for r in index}
        for name, data in files:
            display = Path(name).name
            try:
                articles, problems = validate(display, data)
            except InputError as exc:
                results.append(StoreResult(display, "rejected", str(exc)))
                continue
            if not articles:
                results.append(StoreResult(display, "rejected", "; ".join(problems) or "no article found"))
                continue
            digest = hashlib.sha256(data).hexdigest()
            stored = f"{digest[:20]}{format_suffix(display)}"
            if stored in known or (store / stored).exists():
                results.append(StoreResult(display, "duplicate", "already in your corpus (same content)", stored))
                continue
            atomic_write(store / stored, data)
            # A .txt / .md article is named by its file stem; keep the user's name visible as its title.
            ids = tuple(article_stem(stored) if a.article_id == "upload" else a.article_id for a in articles)
            for article, article_id in zip(articles, ids):
                row = manifest.get(article_id, {"article_id": article_id})
                if outlet:
                    row["outlet"] = outlet
                if date:
                    row["date"] = date
                if not article.title and not row.get("title") and article.source_path.endswith(("upload.txt", "upload.md")):
                    row["title"] = Path(display).stem
                manifest[article_id] = row
            index.append({"stored_name": stored, "original_name": display, "bytes": len(data),
                          "uploaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                          "articles": len(articles)})
            known.add(stored)
            note = f"; {len(problems)} records skipped: {'; '.join(problems[:3])}" if problems else ""
            results.append(StoreResult(display, "stored", f"{len(articles)} article(s) added{note}", stored, ids))
        _write_rows(store / INDEX, INDEX_FIELDS, index)
        _write_rows(store / MANIFEST, MANIFEST_FIELDS, list(manifest.values()))
    return results


def remove_file(store: Path, stored_name: str) -> bool:
    """Delete one stored upload (by its generated name); True when it existed."""
    with FileLock(str(store / ".lock"), timeout=60):
        index = _read_rows(store / INDEX)
        kept = [r for r in index if r["stored_name"] != stored_name]
        target = store / Path(stored_name).name
        existed = target.exists()
        if existed:
            target.unlink()
        _write_rows(store / INDEX, INDEX_FIELDS, kept)
    return existed


def list_files(store: Path) -> list[dict]:
    """The uploads index: stored name, original name, size, time, number of articles."""
    return _read_rows(store / INDEX)
