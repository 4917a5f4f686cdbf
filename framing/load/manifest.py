"""Manifests: a `manifest.csv` in a corpus folder in, metadata per article_id out.

In: the path of a manifest (columns `article_id` and any of `outlet`, `agency`, `date`, `title`, `url`). Out: the
non-empty cells per article_id, with the file and line they came from (for the provenance column), and problems
(no article_id column, rows without one). Empty cells leave a value alone.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError
from framing.load.readers import METADATA_FIELDS, Problem, decode, sniff_dialect
from framing.load.sources import MB, Limits, open_regular, read_bounded

MANIFEST_NAME = "manifest.csv"


@dataclass(frozen=True)
class ManifestEntry:
    values: dict[str, str]  # only the non-empty cells
    source: str


def read_manifest(path: Path) -> tuple[dict[str, ManifestEntry], list[Problem]]:
    """article_id -> metadata from a manifest CSV; empty cells mean the manifest is silent."""
    problems: list[Problem] = []
    entries: dict[str, ManifestEntry] = {}
    try:
        with open_regular(path) as fh:  # a manifest.csv that is a FIFO or a device must not block the load
            text, _ = decode(read_bounded(fh, 256 * MB, "the manifest", Limits()))
    except (OSError, InputError) as exc:
        return {}, [Problem(str(path), f"manifest cannot be read: {exc}")]
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=sniff_dialect(text[:65536], "article_id"))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "article_id" not in fields:
        return {}, [Problem(str(path), "manifest has no 'article_id' column; it was ignored")]
    reader.fieldnames = fields
    for number, row in enumerate(reader, start=2):
        article_id = (row.get("article_id") or "").strip()
        if not article_id:
            problems.append(Problem(str(path), "manifest row without article_id ignored", number, severity="warning"))
            continue
        values = {k: v.strip() for k in METADATA_FIELDS if (v := row.get(k)) and v.strip()}
        entries[article_id] = ManifestEntry(values, f"{path.name} line {number}")
    return entries, problems
