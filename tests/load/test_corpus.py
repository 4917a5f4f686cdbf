"""Corpus loading: every input format, every bad-input case, the seed metadata; input files are never modified."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.errors import InputError
from framing.load import load_corpus
from framing.load.readers import decode
from framing.load.sources import physical_lines
from framing.schema import ARTICLES, ERRORS

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

ARTICLE = "Nato-Generalsekretär Mark Rutte hat in Kiew robuste Sicherheitsgarantien gefordert. Das sagte er am Freitag."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- the bundled corpus


def test_data_folder_loads_exactly_the_five_seeds_with_their_metadata() -> None:
    result = load_corpus([DATA])
    assert result.errors.height == 0, result.errors.to_dicts()
    rows = {r["article_id"][:3]: r for r in result.articles.to_dicts()}
    assert sorted(rows) == ["000", "001", "002", "003", "004"]
    expect = {
        "000": ("nd", "AFP", "2025-08-22", "day"),
        "001": ("OZD", None, None, "none"),
        "002": (None, None, "2025-08-17", "day"),
        "003": ("Chas Pravdy", None, "2025-09-03", "day"),
        "004": ("(agency copy)", "dpa-AFX", "2024-12", "month"),  # a wire agency is never an outlet
    }
    for prefix, (outlet, agency, iso, precision) in expect.items():
        row = rows[prefix]
        assert (row["outlet"], row["agency"], row["date"], row["date_precision"]) == (outlet, agency, iso, precision)
        assert row["n_chars"] == len(row["text"])
    assert result.articles.schema == pl.Schema(ARTICLES)


def test_seed_files_are_the_shared_seeds_unchanged() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is absent (it exists on the project's build machines only)")
    for seed in shared.glob("*.txt"):
        assert (DATA / "corpus" / seed.name).read_bytes() == seed.read_bytes()


def test_seed_text_is_the_file_content(tmp_path: Path) -> None:
    result = load_corpus([DATA / "corpus" / "000_f14cbd76eecdf04c.txt"])
    assert result.articles["text"][0] == (DATA / "corpus" / "000_f14cbd76eecdf04c.txt").read_text(encoding="utf-8")


def test_without_manifest_the_text_gives_the_same_metadata(tmp_path: Path) -> None:
    for seed in (DATA / "corpus").glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    shutil.copy(DATA / "corpus" / "outlets.csv", tmp_path / "outlets.csv")  # the outlets' groups, not metadata
    with_manifest = load_corpus([DATA]).articles.drop("source_path", "provenance").sort("article_id")
    text_only = load_corpus([tmp_path]).articles.drop("source_path", "provenance").sort("article_id")
    assert text_only.equals(with_manifest)


# ---------------------------------------------------------------- formats


def test_txt_with_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "a.md", f"---\noutlet: Die Zeit\ndate: 2025-08-01\ntitle: \"Rutte in Kiew\"\nagency: dpa\n"
                             f"url: https://example.org/a\n---\n{ARTICLE}\n")
    row = load_corpus([tmp_path]).articles.row(0, named=True)
    assert (row["article_id"], row["outlet"], row["date"], row["title"], row["agency"], row["url"]) == (
        "a", "Die Zeit", "2025-08-01", "Rutte in Kiew", "dpa", "https://example.org/a")
    assert row["text"] == ARTICLE + "\n"  # front matter is metadata, not text
    assert "front matter" in row["provenance"]


def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        {"id": "x1", "text": ARTICLE, "outlet": "taz", "date": "2025-08-20"},
        {"text": "Zweiter Artikel ohne Id."},
    ]
    write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in lines))
    articles = load_corpus([tmp_path]).articles
    assert articles["article_id"].to_list() == ["x1", "batch-2"]
    assert articles["outlet"].to_list() == ["taz", None]


def test_json_list_and_single_record(tmp_path: Path) -> None:
    write(tmp_path / "list.json", json.dumps([{"id": "l1", "text": ARTICLE}, {"id": "l2", "text": ARTICLE + " Mehr."}]))
    write(tmp_path / "one.json", json.dumps({"id": "o1", "text": ARTICLE, "title": "Eins"}))
    articles = load_corpus([tmp_path]).articles
    assert sorted(articles["article_id"].to_list()) == ["l1", "l2", "o1"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_records_any_delimiter(tmp_path: Path, delimiter: str) -> None:
    body = delimiter.join(["id", "outlet", "text"]) + "\n" + delimiter.join(["c1", "FAZ", f'"{ARTICLE}"']) + "\n"
    write(tmp_path / "t.csv", body)
    result = load_corpus([tmp_path])
    assert result.articles["article_id"].to_list() == ["c1"]
    assert result.articles["text"].to_list() == [ARTICLE]


def test_csv_with_embedded_newlines(tmp_path: Path) -> None:
    write(tmp_path / "n.csv", 'id,text\nn1,"Erster Absatz.\n\nZweiter Absatz."\n')
    assert load_corpus([tmp_path]).articles["text"].to_list() == ["Erster Absatz.\n\nZweiter Absatz."]


def test_html_page_extracted_with_metadata(tmp_path: Path) -> None:
    page = """<!doctype html><html lang="de"><head><meta charset="utf-8">
    <title>Rutte in Kiew | Die Testzeitung</title>
    <meta property="og:site_name" content="Die Testzeitung">
    <meta property="og:title" content="Rutte fordert Garantien">
    <meta property="article:published_time" content="2025-08-22T10:00:00+02:00">
    <script>alert('x')</script></head>
    <body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
    <article><h1>Rutte fordert Garantien</h1>
    <p>Nato-Generalsekretär Mark Rutte hat bei einem unangekündigten Besuch in Kiew robuste Sicherheitsgarantien
    der westlichen Verbündeten für die Ukraine gefordert. Das sagte er am Freitag bei einer Pressekonferenz.</p>
    <p>Der russische Außenminister Sergej Lawrow sagte dagegen, es sei kein Treffen geplant. Putin sei bereit,
    Selenskyj zu treffen, wenn die Agenda für einen solchen Gipfel fertig sei.</p></article>
    <footer>Impressum · Datenschutz · Newsletter abonnieren</footer></body></html>"""
    write(tmp_path / "seite.html", page)
    row = load_corpus([tmp_path]).articles.row(0, named=True)
    assert row["article_id"] == "seite"
    assert row["outlet"] == "Die Testzeitung"
    assert row["date"] == "2025-08-22"
    assert row["title"] == "Rutte fordert Garantien"
    assert "Lawrow sagte dagegen" in row["text"]
    for furniture in ("Impressum", "Startseite", "alert("):
        assert furniture not in row["text"]


def test_manifest_overrides_and_completes(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", " date 2025-08-22 " + ARTICLE)
    write(tmp_path / "b.txt", ARTICLE + " Anders.")
    write(tmp_path / "manifest.csv", "article_id,outlet,date\na,Spiegel,\nb,taz,2025-08-30\n")
    rows = {r["article_id"]: r for r in load_corpus([tmp_path]).articles.to_dicts()}
    assert (rows["a"]["outlet"], rows["a"]["date"]) == ("Spiegel", "2025-08-22")  # empty cell: manifest is silent
    assert (rows["b"]["outlet"], rows["b"]["date"]) == ("taz", "2025-08-30")
    assert "manifest.csv line 3" in rows["b"]["provenance"]


def test_manifest_naming_a_missing_article_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "manifest.csv", "article_id,outlet\nzzz,Spiegel\n")
    errors = load_corpus([tmp_path]).errors
    assert errors.filter(pl.col("article_id") == "zzz")["severity"].to_list() == ["warning"]


# ---------------------------------------------------------------- bad input: reported, the rest loads


BAD_INPUTS = [
    # (file name, content, expected fragment of the reason)
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"   \n\n  ", "is empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "binary"),
    ("bad.jsonl", b'{"id": "ok", "text": "Gut."}\n{"id": "broken", "text": \n', "line 2 is not valid JSON"),
    ("nolist.json", b'"just a string"', "not a list of records"),
    ("numbers.json", b"[1, 2, 3]", "not an object"),
    ("notext.csv", b"id,title\n1,Hallo\n", "no 'text' column"),
    ("notext.jsonl", b'{"id": "t", "note": "Hallo"}\n', "no 'text' string"),
    ("image.pdf", b"%PDF-1.4", "not an article format"),
]


@pytest.mark.parametrize("name, content, reason", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_reported_and_the_rest_loads(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / name, content)
    before = digest(tmp_path)
    result = load_corpus([tmp_path])
    assert "good" in result.articles["article_id"].to_list()
    problems = result.errors.filter(pl.col("source_path").str.ends_with(name))
    assert problems.height >= 1, result.errors.to_dicts()
    assert any(reason in r for r in problems["reason"].to_list()), problems.to_dicts()
    assert digest(tmp_path) == before  # input files are never modified
    assert result.errors.schema == pl.Schema(ERRORS)


def test_bad_json_line_has_its_line_number(tmp_path: Path) -> None:
    write(tmp_path / "b.jsonl", '{"id": "a", "text": "Eins."}\n\n{oops\n{"id": "c", "text": "Drei."}\n')
    result = load_corpus([tmp_path])
    assert result.articles["article_id"].to_list() == ["a", "c"]
    assert result.errors["line"].to_list() == [3]


@pytest.mark.parametrize(
    "raw, encoding, text",
    [
        ("Größe".encode("utf-8"), "utf-8", "Größe"),
        (b"\xef\xbb\xbf" + "Größe".encode("utf-8"), "utf-8-sig", "Größe"),
        ("Größe".encode("utf-16"), "utf-16", "Größe"),
        ("Größe – „gut“".encode("cp1252"), "cp1252", "Größe – „gut“"),
        ("Grüße".encode("latin-1"), "cp1252", "Grüße"),
    ],
)
def test_decoding_order(raw: bytes, encoding: str, text: str) -> None:
    assert decode(raw) == (text, encoding)


def test_truncated_utf8_falls_back_and_says_so(tmp_path: Path) -> None:
    write(tmp_path / "trunc.txt", "Sicherheitsgarantien für die Ukraine".encode("utf-8")[:-1] + b"\xc3")
    result = load_corpus([tmp_path])
    assert result.articles.height == 1
    assert result.articles["encoding"][0] == "cp1252"
    assert "decoded as cp1252" in result.errors["reason"][0]


def test_undecodable_bytes_are_an_error() -> None:
    with pytest.raises(InputError, match="convert it to UTF-8"):
        decode(b"abc \x81\x8d\x8f\x90\x9d \xff\xfe")


def test_duplicate_ids(tmp_path: Path) -> None:
    write(tmp_path / "a" / "same.txt", ARTICLE)
    write(tmp_path / "b" / "same.txt", ARTICLE)  # same id, same text: loaded once
    write(tmp_path / "c" / "same.txt", ARTICLE + " Anderer Text.")  # same id, other text: kept under a new id
    result = load_corpus([tmp_path])
    assert sorted(result.articles["article_id"].to_list()) == ["same", "same~2"]
    reasons = " ".join(result.errors["reason"].to_list())
    assert "loaded once" in reasons and "loaded as 'same~2'" in reasons


def test_impossible_date_is_left_empty_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "x.jsonl", json.dumps({"id": "x", "text": ARTICLE, "date": "31.02.2025"}))
    result = load_corpus([tmp_path])
    row = result.articles.row(0, named=True)
    assert (row["date"], row["date_precision"]) == (None, "none")
    assert "impossible" in result.errors["reason"][0]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    result = load_corpus([tmp_path / "a.txt", tmp_path / "nope"])
    assert result.articles.height == 1
    assert "does not exist" in result.errors["reason"][0]


def test_broken_symlink_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    result = load_corpus([tmp_path])
    assert result.articles.height == 1
    assert "broken symbolic link" in result.errors["reason"][0]


LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FORMAT_LINES = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # what JSON lines and CSV call a line


def _split_in_pieces(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({min(c, len(data)) for c in cuts})
    return [data[a:b] for a, b in zip([0, *points], [*points, len(data)])]


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n", "\n\n", "a\r\nb", "\r\n\r", "a\n\nb\n",
                                  "".join(f"{i}{sep}" for i, sep in enumerate(LINE_BREAKS)) + "end"])
def test_lines_split_only_at_the_formats_line_ends(text: str) -> None:
    """\\n, \\r\\n and \\r end a line; U+2028, U+2029, NEL, VT, FF, FS, GS, RS are characters inside it."""
    data = text.encode("utf-8")
    assert list(physical_lines([data], 1000)) == _FORMAT_LINES.findall(data)


@given(st.text(alphabet=st.sampled_from("ab \r\n\u2028" + LINE_BREAKS), max_size=40),
       st.lists(st.integers(min_value=0, max_value=60), max_size=6))
def test_lines_are_the_same_however_the_file_is_cut_into_chunks(text: str, cuts: list[int]) -> None:
    data = text.encode("utf-8")
    assert list(physical_lines(_split_in_pieces(data, cuts), 1000)) == _FORMAT_LINES.findall(data)


@given(st.text(alphabet=st.sampled_from("aaab\r\n"), max_size=60), st.lists(st.integers(0, 60), max_size=8))
def test_a_line_over_the_limit_is_dropped_and_counted(text: str, cuts: list[int]) -> None:
    data = text.encode()
    expected = [None if len(line.rstrip(b"\r\n")) > 3 else line for line in _FORMAT_LINES.findall(data)]
    assert list(physical_lines(_split_in_pieces(data, cuts), 3)) == expected


ARTICLE = "Die Regierung hat am Montag neue Regeln beschlossen, sagte ein Sprecher in Wien. " * 3


@pytest.mark.parametrize("name", ["README.md", "readme.txt", "LICENSE.txt", "CHANGELOG.md", "Citation.md"])
def test_a_corpus_folders_documentation_is_skipped_with_a_note(tmp_path: Path, name: str) -> None:
    (tmp_path / "artikel.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_text("# Mein Korpus\n\nZwölf Artikel aus drei Zeitungen, gesammelt im März.\n",
                                 encoding="utf-8")
    result = load_corpus([tmp_path])
    assert result.articles["article_id"].to_list() == ["artikel"]
    assert result.errors.filter(pl.col("reason").str.contains(f"skipped: {name} reads as the corpus's "
                                                              "documentation"))["severity"].to_list() == ["warning"]
    given = load_corpus([tmp_path / name])  # named as a path, it is read
    assert given.articles.height == 1 and given.errors.is_empty()


def test_an_archives_documentation_is_skipped_with_a_note_and_not_an_article_of_that_name(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "korpus.zip", "w") as z:
        z.writestr("korpus/README.md", "# Korpus\nBeschreibung.")
        z.writestr("korpus/readme_leser.txt", ARTICLE)  # only the stem before the first dot counts
        z.writestr("korpus/artikel.txt", ARTICLE.replace("Montag", "Dienstag"))
    result = load_corpus([tmp_path])
    assert sorted(result.articles["article_id"].to_list()) == ["artikel", "readme_leser"]
    assert result.errors["reason"].to_list() == [
        "skipped: README.md reads as the corpus's documentation, not an article; to analyse it, rename it or give "
        "the file itself as a path"]


@pytest.mark.parametrize(("name", "content", "line"), [
    ("a.csv", "text;outlet\r\n„Die Regierung, sagte er, €5 für \x81alle.“;taz\r\n".encode("cp1252", "ignore")
     .replace(b"\x81", b"") .replace(b"f\xfcr ", b"f\xfcr \x81"), 2),
    ("b.txt", "Die Regierung hat beschlossen, sagte er in Wien, dass es so bleibt. ".encode("cp1252") * 3
     + b"\xe4 und \x9d Ende.", None),
])
def test_a_byte_cp1252_has_no_character_for_is_said_where_it_became_a_replacement_character(
        tmp_path: Path, name: str, content: bytes, line: int | None) -> None:
    (tmp_path / name).write_bytes(content)
    result = load_corpus([tmp_path])
    assert result.articles.height == 1 and "\ufffd" in result.articles["text"][0]
    reason = result.errors.filter(pl.col("reason").str.starts_with("decoded as cp1252"))["reason"][0]
    assert "1 byte that cp1252 has no character for was read as \ufffd" in reason
    assert (f"the first at line {line}" in reason) == (line is not None)
