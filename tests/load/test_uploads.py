"""The user corpus store: validated, deduplicated, generated names, atomic, safe under concurrent uploads."""

from __future__ import annotations

import threading
from pathlib import Path

from framing.load import load_corpus
from framing.load.uploads import MAX_FILE_BYTES, add_files, list_files, remove_file

ARTICLE = "Der Kanzler sagte am Montag, es sei zu früh für eine Entscheidung. Die Opposition kritisierte das."


def test_upload_is_stored_under_a_generated_name_and_loads(tmp_path: Path) -> None:
    [result] = add_files(tmp_path, [("../../etc/Mein Artikel.txt", ARTICLE.encode())], outlet="Testblatt")
    assert result.status == "stored", result.message
    assert result.stored_name and "/" not in result.stored_name and ".." not in result.stored_name
    assert (tmp_path / result.stored_name).read_bytes() == ARTICLE.encode()
    loaded = load_corpus([tmp_path])
    assert loaded.errors.height == 0, loaded.errors.to_dicts()
    row = loaded.articles.row(0, named=True)
    assert (row["outlet"], row["title"]) == ("Testblatt", "Mein Artikel")
    assert list_files(tmp_path)[0]["original_name"] == "Mein Artikel.txt"


def test_same_content_is_a_duplicate(tmp_path: Path) -> None:
    first = add_files(tmp_path, [("a.txt", ARTICLE.encode())])
    second = add_files(tmp_path, [("b.txt", ARTICLE.encode())])
    assert [first[0].status, second[0].status] == ["stored", "duplicate"]
    assert len(list_files(tmp_path)) == 1


def test_rejections_say_why(tmp_path: Path) -> None:
    results = add_files(tmp_path, [
        ("x.exe", b"MZ"),
        ("empty.txt", b""),
        ("big.txt", b"a" * (MAX_FILE_BYTES + 1)),
        ("bad.jsonl", b"{nope\n"),
        ("ok.md", ARTICLE.encode()),
    ])
    by_name = {r.original_name: r for r in results}
    assert by_name["x.exe"].status == "rejected" and "not accepted" in by_name["x.exe"].message
    assert "is empty" in by_name["empty.txt"].message
    assert "limit" in by_name["big.txt"].message
    assert "not valid JSON" in by_name["bad.jsonl"].message
    assert by_name["ok.md"].status == "stored"
    assert len(list(tmp_path.glob("*.md"))) == 1 and not list(tmp_path.glob("*.exe"))


def test_concurrent_uploads_keep_every_file_and_a_valid_index(tmp_path: Path) -> None:
    def upload(i: int) -> None:
        add_files(tmp_path, [(f"f{i}.txt", f"{ARTICLE} Nummer {i}.".encode())])

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(list_files(tmp_path)) == 12
    assert load_corpus([tmp_path]).articles.height == 12


def test_remove(tmp_path: Path) -> None:
    [r] = add_files(tmp_path, [("a.txt", ARTICLE.encode())])
    assert remove_file(tmp_path, r.stored_name)
    assert load_corpus([tmp_path]).articles.height == 0
