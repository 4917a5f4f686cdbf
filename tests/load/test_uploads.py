"""The user corpus store: validated, deduplicated, generated names, atomic, safe under concurrent uploads."""

from __future__ import annotations

import threading
from pathlib import Path

import polars as pl
import pytest

from framing.errors import InputError
from framing.load import load_corpus
from framing.load.uploads import MAX_FILE_BYTES, add_files, list_files, metadata_of, remove_file, set_metadata

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


def test_outlet_group_and_date_of_an_upload_reach_the_analysis(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FRAMING_OUTLETS", raising=False)
    records = "\n".join(f'{{"text": "{ARTICLE} Nummer {i}."}}' for i in range(2)).encode()
    [txt, jsonl] = add_files(tmp_path, [("a.txt", ARTICLE.encode()), ("b.jsonl", records)], outlet="Testblatt",
                             group="Regionalpresse", date="2025-08-22")
    assert txt.status == jsonl.status == "stored"
    articles = load_corpus([tmp_path]).articles
    assert articles.height == 3
    # every article, also the records without an id of their own, has the typed outlet, group and date
    assert set(articles.select("outlet", "group", "date").iter_rows()) == {("Testblatt", "Regionalpresse",
                                                                            "2025-08-22")}
    assert metadata_of(tmp_path, jsonl.stored_name) == {"outlet": "Testblatt", "group": "Regionalpresse",
                                                        "date": "2025-08-22"}
    assert set_metadata(tmp_path, jsonl.stored_name, outlet="Andere Zeitung", group="Boulevard", date="2025-09") == 2
    rows = {r["article_id"]: r for r in load_corpus([tmp_path]).articles.to_dicts()}
    changed = [r for r in rows.values() if r["outlet"] == "Andere Zeitung"]
    assert len(changed) == 2 and {(r["group"], r["date"]) for r in changed} == {("Boulevard", "2025-09")}
    assert rows[txt.article_ids[0]]["outlet"] == "Testblatt"  # the other upload is left as it was
    set_metadata(tmp_path, txt.stored_name, group="Lokalpresse")  # the group alone: of the upload's outlet
    assert load_corpus([tmp_path]).articles.filter(pl.col("outlet") == "Testblatt")["group"].to_list() == [
        "Lokalpresse"]


def test_unusable_upload_metadata_is_refused(tmp_path: Path) -> None:
    [bad_date] = add_files(tmp_path, [("a.txt", ARTICLE.encode())], date="gestern")
    assert bad_date.status == "rejected" and "is not a date" in bad_date.message
    [no_outlet] = add_files(tmp_path, [("a.txt", ARTICLE.encode())], group="Boulevard")
    assert no_outlet.status == "rejected" and "give the outlet" in no_outlet.message
    assert not list(tmp_path.glob("*.txt"))
    [ok] = add_files(tmp_path, [("a.txt", ARTICLE.encode())])
    with pytest.raises(InputError, match="is not a date"):
        set_metadata(tmp_path, ok.stored_name, date="31.02.2025")
    with pytest.raises(InputError, match="no upload"):
        set_metadata(tmp_path, "nothing.txt", outlet="x")


def test_an_upload_can_set_the_group_of_an_outlet_the_corpus_lists(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FRAMING_OUTLETS", raising=False)
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "outlets.csv").write_text("outlet,group,aliases\nSüddeutsche Zeitung,established,SZ\n",
                                        encoding="utf-8")
    add_files(store, [("a.txt", ARTICLE.encode())], outlet="SZ", group="Munich")  # SZ: an alias of the listed one
    row = load_corpus([corpus, store]).articles.row(0, named=True)
    assert (row["outlet"], row["group"]) == ("Süddeutsche Zeitung", "Munich")


def test_deleting_an_upload_removes_its_file_and_its_manifest_rows(tmp_path: Path) -> None:
    [first, second] = add_files(tmp_path, [("a.txt", ARTICLE.encode()), ("b.txt", (ARTICLE + " Ja.").encode())],
                                outlet="Testblatt")
    assert remove_file(tmp_path, first.stored_name)
    assert not (tmp_path / first.stored_name).exists() and (tmp_path / second.stored_name).exists()
    assert [r["stored_name"] for r in list_files(tmp_path)] == [second.stored_name]
    manifest = (tmp_path / "manifest.csv").read_text(encoding="utf-8")
    assert first.article_ids[0] not in manifest and second.article_ids[0] in manifest
    loaded = load_corpus([tmp_path])
    assert loaded.articles["article_id"].to_list() == list(second.article_ids)
    assert not loaded.errors.filter(pl.col("reason").str.contains("manifest names")).height
    assert not remove_file(tmp_path, first.stored_name)  # already gone
