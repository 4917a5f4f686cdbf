"""The reading layer: only regular files are opened, bounds hold, JSON streams give what json.loads gives however
the text is cut, archives keep their bomb bounds, discovery sorts huge folders without holding them, dates of
every everyday form keep their precision."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.load import discover as discover_module
from framing.load import jsonstream, load_corpus
from framing.load.metadata import parse_date
from framing.load.readers import accepted, article_stem, format_suffix, read_file
from framing.load.sources import MB, Limits, NotRegular, open_regular

TEXT = "Nato-Generalsekretär Mark Rutte hat in Kiew robuste Sicherheitsgarantien gefordert. Das sagte er am Freitag."


def test_open_regular_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotRegular, match="named pipe"):
        open_regular(tmp_path / "pipe")
    with pytest.raises(NotRegular, match="character device"):
        open_regular("/dev/zero")
    [problem] = list(read_file(tmp_path / "pipe"))
    assert "named pipe" in problem.reason


def test_limits_come_from_the_environment_and_say_so() -> None:
    limits = Limits.from_env({"FRAMING_MAX_ARTICLE_MB": "2", "FRAMING_MAX_MEMBERS": "10"})
    assert (limits.article_bytes, limits.members) == (2 * MB, 10)
    assert limits.describe("article_bytes") == "2 MB (set FRAMING_MAX_ARTICLE_MB to change it)"
    with pytest.raises(InputError, match="FRAMING_MAX_RATIO"):
        Limits.from_env({"FRAMING_MAX_RATIO": "lots"})


@pytest.mark.parametrize(
    ("name", "suffix", "ok", "stem"),
    [("a.txt", ".txt", True, "a"), ("a.jsonl.gz", ".jsonl.gz", True, "a"), ("b.tar.gz", ".tar.gz", True, "b"),
     ("c.zip", ".zip", True, "c"), ("d.tgz", ".tgz", True, "d"), ("e.csv.xz", ".csv.xz", True, "e"),
     ("f.gz", ".gz", False, "f"), ("g.pdf.gz", ".pdf.gz", False, "g"), ("h.txt.gz.gz", ".gz.gz", False, "h.txt"),
     ("README", "", False, "README")],
)
def test_file_names(name, suffix, ok, stem) -> None:
    assert (format_suffix(name), accepted(name), article_stem(name)) == (suffix, ok, stem)


# ---------------------------------------------------------------- JSON streams

record = st.fixed_dictionaries({"id": st.text(max_size=5), "text": st.text(max_size=30)})


def _chunks(text: str, cuts: list[int]):
    points = sorted({min(c, len(text)) for c in cuts})
    return iter([text[a:b] for a, b in zip([0, *points], [*points, len(text)])])


@settings(max_examples=150, deadline=None)
@given(st.lists(record, max_size=6), st.lists(st.integers(0, 400), max_size=8), st.booleans(), st.booleans())
def test_json_stream_gives_what_json_loads_gives_however_it_is_cut(records, cuts, indent, wrapped) -> None:
    data = {"meta": {"n": len(records)}, "articles": records} if wrapped else records
    text = json.dumps(data, indent=2 if indent else None, ensure_ascii=False)
    items = list(jsonstream.records(_chunks(text, cuts), 1 << 20))
    assert [i.value for i in items] == records
    assert [i.number for i in items] == list(range(1, len(records) + 1))
    lines = text.split("\n")
    for item in items:  # each record starts on the line it is reported on
        assert lines[item.line - 1].lstrip().startswith("{") if indent else item.line == 1


def test_json_stream_shapes_and_failures() -> None:
    one = list(jsonstream.records(iter(['{"text": "a", "id": 1}']), 1000))
    assert [(i.value, i.top) for i in one] == [({"text": "a", "id": 1}, True)]
    lines = list(jsonstream.records(iter(['{"text": "a"}\n{"text": "b"}\n{broken\n{"text": "d"}\n']), 1000))
    assert [getattr(i, "value", None) for i in lines] == [{"text": "a"}, {"text": "b"}, None, {"text": "d"}]
    assert isinstance(lines[2], jsonstream.Failure) and lines[2].line == 3
    cut = list(jsonstream.records(iter(['[{"text": "a"},\n {"text": "b"}\n, {"text": ']), 1000))
    assert [i.value for i in cut[:2]] == [{"text": "a"}, {"text": "b"}]
    assert isinstance(cut[2], jsonstream.Failure) and "record 3" in cut[2].message and cut[2].line == 3
    deep = list(jsonstream.records(iter(["[" * 100_000 + "]" * 100_000]), 1 << 20))
    assert isinstance(deep[0], jsonstream.Failure) and "nested too deeply" in deep[0].message


def test_a_json_array_is_read_record_by_record(tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": f"{TEXT} Nummer {i}."} for i in range(2000)]
    (tmp_path / "big.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    items = list(read_file(tmp_path / "big.json"))
    assert [a.article_id for a in items] == [r["id"] for r in records]
    assert items[1].line == 6  # "[", then 4 lines a record with indent=1: the second starts on line 6


# ---------------------------------------------------------------- archives


def test_the_total_unpacked_bound_stops_an_archive_and_says_which(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "two.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", TEXT + " Eins.")
        z.writestr("b.jsonl", "".join(json.dumps({"id": f"b{i}", "text": TEXT + " " + "x" * 900}) + "\n"
                                      for i in range(3000)))
    limits = Limits(unpacked_bytes=1 * MB)
    items = list(read_file(tmp_path / "two.zip", limits))
    problems = [i for i in items if not hasattr(i, "text")]
    assert "bound on the total unpacked size" in problems[-1].reason and "1 MB" in problems[-1].reason
    assert 0 < sum(hasattr(i, "text") for i in items) < 3001


def test_a_compressed_file_keeps_its_lines_and_its_format(tmp_path: Path) -> None:
    body = "\n".join([json.dumps({"id": "g1", "text": TEXT}), "", "{oops", json.dumps({"id": "g4", "text": TEXT})])
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(body.encode()))
    loaded = load_corpus([tmp_path])
    assert loaded.articles["article_id"].to_list() == ["g1", "g4"]
    assert loaded.errors.filter(loaded.errors["severity"] == "error")["line"].to_list() == [3]


def test_zip_member_count_is_read_before_the_directory(tmp_path: Path) -> None:
    from framing.load.archives import zip_member_count

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for i in range(12):
            z.writestr(f"{i}.txt", "x")
    buffer.seek(0)
    assert zip_member_count(buffer) == 12


# ---------------------------------------------------------------- discovery of huge folders


def test_a_folder_larger_than_one_sort_run_is_listed_in_order(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(discover_module, "SORT_RUN", 16)
    names = [f"{(i * 7919) % 1000:03d}-ä.txt" for i in range(100)] + ["manifest.csv", "skip.pdf", "sub"]
    for name in names[:-1]:
        (tmp_path / name).write_text(f"{TEXT} {name}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.txt").write_text(TEXT, encoding="utf-8")
    found = list(discover_module.walk([tmp_path]))
    articles = [p.name for kind, p in found if kind == "article"]
    assert articles == sorted(n for n in names if n.endswith(".txt")) + ["inner.txt"]
    assert [p.name for kind, p in found if kind == "manifest"] == ["manifest.csv"]
    assert [kind for kind, p in found].count("problem") == 1


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("raw", "iso", "precision"),
    [
        ("2025-08-22T10:15:00+02:00", "2025-08-22", "day"),
        ("2025-08-21T23:30:00-05:00", "2025-08-21", "day"),  # the day as written, in its own zone
        ("Fri, 22 Aug 2025 10:15:00 GMT", "2025-08-22", "day"),
        ("Fri, 22 Aug 2025 10:15:00 +0200", "2025-08-22", "day"),
        ("20250822", "2025-08-22", "day"),
        ("20250822T101500Z", "2025-08-22", "day"),
        ("1755850500", "2025-08-22", "day"),  # Unix seconds (UTC)
        ("1755850500000", "2025-08-22", "day"),  # milliseconds
        ("22.08.2025", "2025-08-22", "day"),
        ("22.08.25", "2025-08-22", "day"),
        ("22.08.2025 10:15", "2025-08-22", "day"),
        ("2025/08/22", "2025-08-22", "day"),
        ("2024-12", "2024-12", "month"),
        ("Dezember 2024", "2024-12", "month"),
        ("2024", "2024", "year"),
    ],
)
def test_everyday_date_forms_keep_their_precision(raw, iso, precision) -> None:
    value = parse_date(raw)
    assert value is not None and (value.iso, value.precision) == (iso, precision)


@pytest.mark.parametrize("raw", ["12345678", "123456", "99999999999999", "Seite 20250822 im Text 1"])
def test_numbers_that_are_not_dates(raw) -> None:
    assert parse_date(raw) is None


def test_a_folder_reached_twice_through_the_file_system_is_walked_once(tmp_path: Path, monkeypatch) -> None:
    """A bind mount of a folder inside itself would make the walk endless: a folder's (device, inode) is walked
    once. Simulated: every folder reports the same key, as a folder mounted into itself does."""
    (tmp_path / "a").mkdir()
    (tmp_path / "top.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a" / "inner.txt").write_text(TEXT + " Innen.", encoding="utf-8")
    monkeypatch.setattr(discover_module, "_folder_key", lambda folder: (1, 1))
    found = list(discover_module.walk([tmp_path]))
    assert [p.name for kind, p in found if kind == "article"] == ["top.txt"]
    [(_, problem)] = [f for f in found if f[0] == "problem"]
    assert problem.source_path == str(tmp_path / "a") and "already walked" in problem.reason


def test_a_linked_manifest_is_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "meta").mkdir()
    (tmp_path / "meta" / "real.csv").write_text("article_id,outlet\na,Spiegel\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus" / "manifest.csv").symlink_to(tmp_path / "meta" / "real.csv")
    loaded = load_corpus([tmp_path / "corpus"])
    assert loaded.articles["outlet"].to_list() == ["Spiegel"] and loaded.errors.height == 0


def test_other_shapes_researchers_get(tmp_path: Path) -> None:
    """Records under another wrapper key ({"data": [...]}), .ndjson, and a record whose own list field is not a
    wrapper; spreadsheets and word-processor files are skipped with what to do instead."""
    (tmp_path / "wrapped.json").write_text(json.dumps({"meta": {"n": 2}, "data": [
        {"id": "w1", "text": TEXT}, {"id": "w2", "title": "ohne Text"}]}), encoding="utf-8")
    (tmp_path / "feed.ndjson").write_text(json.dumps({"id": "n1", "text": TEXT + " N."}) + "\n", encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"id": "r1", "text": TEXT + " R.", "tags": [{"name": "Kiew"}]}),
                                       encoding="utf-8")
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "brief.docx").write_bytes(b"PK\x03\x04")
    loaded = load_corpus([tmp_path])
    assert sorted(loaded.articles["article_id"]) == ["n1", "r1", "w1"]
    reasons = {Path(p).name: r for p, r in loaded.errors.select("source_path", "reason").iter_rows()}
    assert reasons["wrapped.json"].startswith("in the 'data' list: record 2 has no 'text' string")
    assert "save the sheet as CSV" in reasons["table.xlsx"] and "plain text (.txt)" in reasons["brief.docx"]
