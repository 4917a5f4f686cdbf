"""The user corpus: uploaded articles kept on disk so they survive a restart.

Files are validated before they are kept, stored under generated names (`<sha256 prefix><suffix>`, so an uploaded
name can never point outside the folder), deduplicated by content, and written atomically under a file lock (two
dashboard sessions uploading at once cannot corrupt the store). Per-upload metadata the user typed (outlet, date)
goes to the store's manifest.csv, an outlet's group to the store's outlets.csv (framing.load.outlets: it may also
set the group of an outlet the corpus's own outlets.csv lists); the original file names and the ids of each file's
articles are kept in uploads.csv. An upload's outlet, group and date can be changed later, and an upload deleted
with its manifest rows.
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
from framing.load.metadata import parse_date_quiet
from framing.load.outlets import OUTLETS_NAME
from framing.load.readers import ACCEPTED, Article, accepted, format_suffix, read_file
from framing.present.export import atomic_write

MAX_FILE_BYTES = 20 * 1024 * 1024  # matches server.maxUploadSize in .streamlit/config.toml
MAX_FILES_PER_UPLOAD = 200
INDEX = "uploads.csv"
MANIFEST = "manifest.csv"
INDEX_FIELDS = ("stored_name", "original_name", "bytes", "uploaded_at", "articles", "article_ids")
MANIFEST_FIELDS = ("article_id", "outlet", "agency", "date", "title", "url")
OUTLETS_FIELDS = ("outlet", "group", "aliases")


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


def check_metadata(outlet: str | None, group: str | None, date: str | None) -> None:
    """InputError saying what to fix when typed upload metadata cannot be used: a date that is none, a group
    without the outlet it belongs to."""
    if date and parse_date_quiet(date) is None:
        raise InputError(f"date {date!r} is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY")
    if group and not outlet:
        raise InputError("a group belongs to an outlet: give the outlet of these articles too")


def add_files(store: Path, files: list[tuple[str, bytes]], *, outlet: str | None = None,
              date: str | None = None, group: str | None = None) -> list[StoreResult]:
    """Validate and keep uploaded (name, bytes) pairs; one result per file, never an exception per file. `outlet`
    and `date` go to the manifest for every article of the upload, `group` (the outlet's) to outlets.csv."""
    store.mkdir(parents=True, exist_ok=True)
    if len(files) > MAX_FILES_PER_UPLOAD:
        return [StoreResult(n, "rejected", f"at most {MAX_FILES_PER_UPLOAD} files per upload") for n, _ in files]
    try:
        check_metadata(outlet, group, date)
    except InputError as exc:
        return [StoreResult(Path(n).name, "rejected", str(exc)) for n, _ in files]
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
            # The ids the loader gives the stored file (a .txt article is named by its file, a record without an
            # id by the file and its number), so the manifest rows meet their articles.
            ids = tuple(a.article_id for a in read_file(store / stored) if isinstance(a, Article))
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
                          "articles": len(articles), "article_ids": "|".join(ids)})
            known.add(stored)
            note = f"; {len(problems)} records skipped: {'; '.join(problems[:3])}" if problems else ""
            results.append(StoreResult(display, "stored", f"{len(articles)} article(s) added{note}", stored, ids))
        _write_rows(store / INDEX, INDEX_FIELDS, index)
        _write_rows(store / MANIFEST, MANIFEST_FIELDS, list(manifest.values()))
        if group and any(r.status == "stored" for r in results):
            _set_group(store, outlet, group)
    return results


def _set_group(store: Path, outlet: str, group: str) -> None:
    """The outlet's group in the store's outlets.csv (a row of its own; an earlier row of the outlet is replaced)."""
    rows = [r for r in _read_rows(store / OUTLETS_NAME) if (r.get("outlet") or "").casefold() != outlet.casefold()]
    rows.append({"outlet": outlet, "group": group, "aliases": ""})
    _write_rows(store / OUTLETS_NAME, OUTLETS_FIELDS, rows)


def _ids_of(store: Path, row: dict) -> list[str]:
    """The article ids of one upload: from the index, or (an index written before it kept them) its file read."""
    if row.get("article_ids"):
        return row["article_ids"].split("|")
    path = store / Path(row["stored_name"]).name
    return [a.article_id for a in read_file(path) if isinstance(a, Article)] if path.exists() else []


def set_metadata(store: Path, stored_name: str, *, outlet: str | None = None, group: str | None = None,
                 date: str | None = None) -> int:
    """Set the outlet, the outlet's group and the date of every article of one upload (None: left as it is, ""
    clears it); the number of articles changed. InputError for an unknown upload or unusable values."""
    with FileLock(str(store / ".lock"), timeout=60):
        row = next((r for r in _read_rows(store / INDEX) if r["stored_name"] == stored_name), None)
        if row is None:
            raise InputError(f"there is no upload {stored_name!r} in {store}")
        manifest = {r["article_id"]: r for r in _read_rows(store / MANIFEST)}
        ids = _ids_of(store, row)
        current = next((manifest[i].get("outlet") for i in ids if i in manifest and manifest[i].get("outlet")), None)
        check_metadata(outlet if outlet is not None else current, group, date)
        for article_id in ids:
            entry = manifest.setdefault(article_id, {"article_id": article_id})
            if outlet is not None:
                entry["outlet"] = outlet.strip()
            if date is not None:
                entry["date"] = date.strip()
        _write_rows(store / MANIFEST, MANIFEST_FIELDS, list(manifest.values()))
        if group:
            _set_group(store, (outlet if outlet is not None else current or "").strip(), group.strip())
    return len(ids)


def metadata_of(store: Path, stored_name: str) -> dict[str, str]:
    """The outlet, group and date the manifest and the store's outlets.csv give one upload (empty when none)."""
    row = next((r for r in _read_rows(store / INDEX) if r["stored_name"] == stored_name), None)
    if row is None:
        return {"outlet": "", "group": "", "date": ""}
    manifest = {r["article_id"]: r for r in _read_rows(store / MANIFEST)}
    entries = [manifest[i] for i in _ids_of(store, row) if i in manifest]
    outlet = next((e["outlet"] for e in entries if e.get("outlet")), "")
    groups = {(r.get("outlet") or "").casefold(): r.get("group") or "" for r in _read_rows(store / OUTLETS_NAME)}
    return {"outlet": outlet, "group": groups.get(outlet.casefold(), "") if outlet else "",
            "date": next((e["date"] for e in entries if e.get("date")), "")}


def remove_file(store: Path, stored_name: str) -> bool:
    """Delete one stored upload (by its generated name) with its articles' manifest rows; True when it existed."""
    with FileLock(str(store / ".lock"), timeout=60):
        index = _read_rows(store / INDEX)
        row = next((r for r in index if r["stored_name"] == stored_name), None)
        ids = set(_ids_of(store, row)) if row is not None else set()
        kept = [r for r in index if r["stored_name"] != stored_name]
        target = store / Path(stored_name).name
        existed = target.exists()
        if existed:
            target.unlink()
        _write_rows(store / INDEX, INDEX_FIELDS, kept)
        if ids:
            manifest = [r for r in _read_rows(store / MANIFEST) if r["article_id"] not in ids]
            _write_rows(store / MANIFEST, MANIFEST_FIELDS, manifest)
    return existed


def list_files(store: Path) -> list[dict]:
    """The uploads index: stored name, original name, size, time, number of articles."""
    return _read_rows(store / INDEX)
