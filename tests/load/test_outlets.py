"""outlets.csv: aliases merge outlets, each article gets its outlet's group, wire agencies are never outlets, and a
malformed table is refused with a message saying what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import ConfigError
from framing.load import load_corpus
from framing.load.outlets import AGENCY_COPY, OUTLETS_ENV, read_outlets

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Nato-Generalsekretär Mark Rutte hat in Kiew robuste Sicherheitsgarantien gefordert. Das sagte er am Freitag."
TABLE = ("outlet,group,aliases,label\n"
         "Süddeutsche Zeitung,established,Süddeutsche.de|SZ|sueddeutsche.de,SZ\n"
         "nd,established,neues deutschland|nd-aktuell.de,\n"
         "Apolut,alternative,apolut.net,\n")


@pytest.fixture
def table(tmp_path, monkeypatch) -> object:
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    path = tmp_path / "outlets.csv"
    path.write_text(TABLE, encoding="utf-8")
    return read_outlets([path])


# outlet candidate, address, agency -> outlet, group, agency
RESOLVE = [
    ("SZ", None, None, "SZ", "established", None),
    ("sz", None, None, "SZ", "established", None),  # case-insensitive
    ("Süddeutsche Zeitung", None, None, "SZ", "established", None),  # the outlet column names it too
    ("sueddeutsche.de", None, None, "SZ", "established", None),  # the HTML loader's domain-like site name
    ("www.sueddeutsche.de", None, None, "SZ", "established", None),
    ("Süddeutsche.de", None, None, "SZ", "established", None),
    (None, "https://www.sueddeutsche.de/politik/nato-1.123", None, "SZ", "established", None),  # by the address
    ("NEUES DEUTSCHLAND", None, "AFP", "nd", "established", "AFP"),
    ("dpa-AFX", "https://apolut.net/x", "dpa-AFX", "Apolut", "alternative", "dpa-AFX"),  # wire copy at a listed site
    ("dpa-AFX", None, "dpa-AFX", AGENCY_COPY, None, "dpa-AFX"),  # wire copy, outlet unknown
    ("dpa", None, None, AGENCY_COPY, None, "dpa"),  # the agency comes from the outlet candidate
    ("Reuters", None, None, AGENCY_COPY, None, "Reuters"),
    # negatives: an unlisted outlet keeps its name and has no group; a listed address does not overrule a named
    # unlisted outlet; a name that only contains an alias is no alias
    ("taz", None, None, "taz", None, None),
    ("taz", "https://www.sueddeutsche.de/x", None, "taz", None, None),
    ("SZ Magazin", None, None, "SZ Magazin", None, None),
    (None, None, None, None, None, None),
]


@pytest.mark.parametrize(("outlet", "url", "agency", "expected", "group", "expected_agency"), RESOLVE)
def test_resolve(table, outlet, url, agency, expected, group, expected_agency):
    found = table.resolve(outlet, url, agency)
    assert (found.outlet, found.group, found.agency) == (expected, group, expected_agency)


def test_the_loader_merges_aliases_and_gives_groups(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "outlets.csv").write_text(TABLE, encoding="utf-8")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT.replace("Freitag", "Montag"), encoding="utf-8")
    (folder / "c.txt").write_text("BERLIN (dpa-AFX) - " + TEXT, encoding="utf-8")
    (folder / "d.txt").write_text(TEXT.replace("Kiew", "Brüssel"), encoding="utf-8")
    (folder / "manifest.csv").write_text("article_id,outlet\na,Süddeutsche.de\nb,www.sueddeutsche.de\nd,taz\n",
                                         encoding="utf-8")
    result = load_corpus([folder])
    rows = {r["article_id"]: r for r in result.articles.to_dicts()}
    assert set(rows) == {"a", "b", "c", "d"}  # outlets.csv is no article
    assert (rows["a"]["outlet"], rows["a"]["group"]) == ("SZ", "established")
    assert (rows["b"]["outlet"], rows["b"]["group"]) == ("SZ", "established")
    assert (rows["c"]["outlet"], rows["c"]["agency"], rows["c"]["group"]) == (AGENCY_COPY, "dpa-AFX", None)
    assert "wire agency" in rows["c"]["provenance"]
    assert (rows["d"]["outlet"], rows["d"]["group"]) == ("taz", None)
    assert "outlets.csv" not in " ".join(result.errors["source_path"].to_list())


def test_a_given_outlets_file_replaces_the_folders_one(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "outlets.csv").write_text(TABLE, encoding="utf-8")
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "manifest.csv").write_text("article_id,outlet\na,SZ\n", encoding="utf-8")
    other = tmp_path / "mine.csv"
    other.write_text("outlet,group,aliases\nSüddeutsche,Munich,SZ\n", encoding="utf-8")
    assert load_corpus([folder], outlets=other).articles.select("outlet", "group").row(0) == ("Süddeutsche", "Munich")
    monkeypatch.setenv(OUTLETS_ENV, str(other))
    assert load_corpus([folder]).articles.select("outlet", "group").row(0) == ("Süddeutsche", "Munich")
    monkeypatch.delenv(OUTLETS_ENV)
    assert load_corpus([folder]).articles.select("outlet", "group").row(0) == ("SZ", "established")


def test_without_an_outlets_file_outlets_keep_their_names(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,outlet\na,SZ\n", encoding="utf-8")
    assert load_corpus([tmp_path]).articles.select("outlet", "group").row(0) == ("SZ", None)


BAD = [
    (b"name,group\nSZ,established\n", "no 'outlet' column"),
    (b"outlet,group,aliases\nSZ,a,Sueddeutsche\nSZ Magazin,b,sueddeutsche\n", "names two outlets"),
    (b"outlet,group,aliases\nSZ,a,sueddeutsche.de\nSZ2,b,www.sueddeutsche.de\n", "names two outlets"),
    ("outlet,group,aliases\nSüddeutsche,a,SZ\n".encode("cp1252"), "is not UTF-8"),
    (b"outlet,group,aliases\n,a,SZ\n", "the outlet cell is empty"),
]


@pytest.mark.parametrize(("content", "message"), BAD, ids=[b[1] for b in BAD])
def test_a_bad_outlets_file_says_what_to_fix(tmp_path, monkeypatch, content, message):
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    (tmp_path / "outlets.csv").write_bytes(content)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as raised:
        load_corpus([tmp_path])
    assert "outlets.csv" in str(raised.value)


def test_a_missing_given_outlets_file_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv(OUTLETS_ENV, str(tmp_path / "nowhere.csv"))
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(ConfigError, match="does not exist"):
        load_corpus([tmp_path])


def test_the_bundled_corpus_has_groups_and_no_agency_outlet(monkeypatch):
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    articles = load_corpus([ROOT / "data"]).articles
    groups = dict(articles.select("outlet", "group").drop_nulls("outlet").iter_rows())
    assert groups["nd"] == "daily newspaper" and groups["OZD"] == groups["Chas Pravdy"] == "online portal"
    assert "dpa-AFX" not in articles["outlet"].to_list() and groups[AGENCY_COPY] is None


def test_a_saved_pages_site_name_is_matched(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    (tmp_path / "outlets.csv").write_text(TABLE, encoding="utf-8")
    page = ('<html><head><meta property="og:site_name" content="{site}"><title>Nato</title></head><body><article>'
            f"<h1>Nato-Chef fordert Garantien</h1><p>{TEXT} Er sprach vor Journalisten in der Hauptstadt.</p>"
            "<p>Die Verbündeten sollen mehr tun, sagte Rutte. Er rief sie auf, ihre Zusagen einzuhalten.</p>"
            "</article></body></html>")
    (tmp_path / "a.html").write_text(page.format(site="Süddeutsche.de"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page.format(site="www.sueddeutsche.de").replace("Freitag", "Montag"),
                                     encoding="utf-8")
    (tmp_path / "c.html").write_text(page.format(site="Tagesspiegel").replace("Freitag", "Sonntag"),
                                     encoding="utf-8")
    rows = {r["article_id"]: r for r in load_corpus([tmp_path]).articles.to_dicts()}
    assert {k: (r["outlet"], r["group"]) for k, r in rows.items()} == {
        "a": ("SZ", "established"), "b": ("SZ", "established"), "c": ("Tagesspiegel", None)}
    assert "og:site_name" in rows["a"]["provenance"] and "outlets.csv" in rows["a"]["provenance"]


def test_an_agency_that_outlets_csv_lists_is_an_outlet(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text("outlet,group,aliases\nReuters,wire,reuters.com\n", encoding="utf-8")
    table = read_outlets([path])
    assert (table.resolve("Reuters").outlet, table.resolve("Reuters").group) == ("Reuters", "wire")
    assert table.resolve("dpa").outlet == AGENCY_COPY  # an agency it does not list stays agency copy


def test_an_outlets_file_beside_a_given_file_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTLETS_ENV, raising=False)
    (tmp_path / "outlets.csv").write_text(TABLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("article_id,outlet\na,sueddeutsche.de\n", encoding="utf-8")
    assert load_corpus([tmp_path / "a.txt"]).articles.select("outlet", "group").row(0) == ("SZ", "established")
    assert load_corpus([tmp_path / "outlets.csv"]).articles.height == 0  # given itself: metadata, no article
