"""corpus_key: the fingerprint of a corpus on disk changes exactly when an article, a manifest or the stored
analysis changes."""

from __future__ import annotations

import os
from pathlib import Path

from framing.pipeline import corpus_key


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Rutte sagte: »Wir stehen zusammen.«", encoding="utf-8")
    (folder / "b.md").write_text("Lawrow widersprach.", encoding="utf-8")
    return folder


def test_the_same_content_gives_the_same_key(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    assert corpus_key([folder]) == corpus_key([folder]) == corpus_key([str(folder)])
    assert len(corpus_key([folder])) == 24


def test_a_changed_added_or_removed_file_changes_the_key(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    keys = [corpus_key([folder])]
    stat = (folder / "a.txt").stat()
    (folder / "a.txt").write_text("Rutte sagte: »Wir stehen zusammen!«", encoding="utf-8")  # same size
    os.utime(folder / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    keys.append(corpus_key([folder]))
    (folder / "manifest.csv").write_text("article_id,outlet\na,nd\n", encoding="utf-8")
    keys.append(corpus_key([folder]))
    (folder / "b.md").unlink()
    keys.append(corpus_key([folder]))
    assert len(set(keys)) == len(keys)


def test_a_file_that_is_not_an_article_does_not_change_the_key(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    before = corpus_key([folder])
    (folder / "notes.pdf").write_bytes(b"%PDF")
    assert corpus_key([folder]) == before


def test_the_stored_analysis_is_part_of_the_key(tmp_path: Path) -> None:
    folder, stored = _corpus(tmp_path), tmp_path / "out"
    (stored / "sentences").mkdir(parents=True)
    (stored / "articles.parquet").write_bytes(b"one")
    first = corpus_key([folder], stored)
    assert first != corpus_key([folder])
    (stored / "sentences" / "part-00000.parquet").write_bytes(b"two")
    assert corpus_key([folder], stored) != first
