"""Saved news pages: the article's own publication date and a normalised outlet, on pages written to reproduce the
traps seen on real saved pages (tests/load/pages/, our own text): a related article's teaser date before the
dateline (dw.com), dateCreated ahead of datePublished (rnz.de), a site name with city and country (SPIEGEL), no
site name but a social handle (futurezone.at, ndr.de: trafilatura reads 'Futurezoneat', 'Ndr'), two spellings
of one site (Süddeutsche.de / sueddeutsche.de), structured data of other articles beside the article's own."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from framing.load import load_corpus
from framing.load.html import domain_of, normalise_outlet

PAGES = Path(__file__).resolve().parent / "pages"

EXPECTED = [
    # page, date, precision, outlet, where the date came from (in provenance), warning pattern or None
    ("teaser_date", "2013-06-10", "day", "DW", "visible dateline", None),
    ("date_created_first", "2015-10-12", "day", "RNZ", "structured data (datePublished)", None),
    ("site_name_with_place", "2018-03-14", "day", "SPIEGEL ONLINE", "article:published_time", None),
    ("handle_only_futurezone", "2023-11-02", "day", "futurezone.at", "meta tag date", None),
    ("handle_only_ndr", "2021-04-09", "day", "ndr.de", "address", None),
    ("sz_spelled_with_umlaut", "2020-02-03", "day", "sueddeutsche.de", "article:published_time", None),
    ("sz_spelled_as_domain", "2020-02-04", "day", "sueddeutsche.de", "article:published_time", None),
    ("related_structured_data", "2024-03-05", "day", "Example-Zeitung", "structured data (datePublished)", None),
    ("modified_only", "2022-07-01", "day", "Example-Zeitung", "article:modified_time",
     r"no publication date; its meta tag article:modified_time .* was used: check the date"),
    ("english_page", "2024-06-17", "day", "Example News", "article:published_time", r"in English \(en\), not German"),
]


@pytest.fixture(scope="module")
def loaded():
    return load_corpus([PAGES])


@pytest.mark.parametrize(("page", "iso", "precision", "outlet", "source", "warning"), EXPECTED,
                         ids=[e[0] for e in EXPECTED])
def test_page_date_and_outlet(loaded, page, iso, precision, outlet, source, warning) -> None:
    [row] = loaded.articles.filter(pl.col("article_id") == page).to_dicts()
    assert (row["date"], row["date_precision"], row["outlet"]) == (iso, precision, outlet)
    assert f"date from the page's {source}" in row["provenance"] or source in row["provenance"], row["provenance"]
    # some pages share one article body on purpose (their metadata differ): that they are duplicates is said, and
    # is not what this test is about
    errors = loaded.errors.filter(pl.col("source_path").str.ends_with(f"{page}.html")
                                  & ~pl.col("reason").str.starts_with("same text as article"))
    if warning is None:
        assert errors.height == 0, errors.to_dicts()
    else:
        assert errors["reason"].str.contains(warning).any(), errors.to_dicts()
        assert set(errors["severity"]) == {"warning"}
    assert row["url"] and row["url"].startswith("https://")


def test_every_page_is_read_and_the_text_is_the_articles(loaded) -> None:
    assert loaded.articles.height == len(EXPECTED)
    for text in loaded.articles["text"]:
        for furniture in ("Impressum", "Startseite", "Ein kurzer Anriss", "Mehr zum Thema"):
            assert furniture not in text


def test_two_spellings_of_one_site_are_one_outlet(loaded) -> None:
    sz = loaded.articles.filter(pl.col("article_id").str.starts_with("sz_"))
    assert sz["outlet"].n_unique() == 1


@pytest.mark.parametrize(
    ("raw", "outlet"),
    [
        ("SPIEGEL ONLINE, Hamburg, Germany", "SPIEGEL ONLINE"),
        ("ZEIT ONLINE | Nachrichten, Hintergründe und Debatten", "ZEIT ONLINE"),
        ("heise online - IT-News", "heise online"),
        ("Süddeutsche.de", "sueddeutsche.de"),
        ("sueddeutsche.de", "sueddeutsche.de"),
        ("www.sueddeutsche.de", "sueddeutsche.de"),
        ("https://www.FAZ.net/", "faz.net"),
        ("@tagesschau", "tagesschau"),
        # negatives: names kept as the site spells them
        ("n-tv", "n-tv"),
        ("Frankfurter Rundschau", "Frankfurter Rundschau"),
        ("taz", "taz"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_outlet(raw, outlet) -> None:
    assert normalise_outlet(raw) == outlet


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.futurezone.at/netzpolitik/x", "futurezone.at"),
        ("https://m.spiegel.de/politik", "spiegel.de"),
        ("https://politik.sueddeutsche.de/a", "sueddeutsche.de"),
        ("https://www.bbc.co.uk/news", "bbc.co.uk"),
        ("ndr.de", "ndr.de"),
        ("localhost", None),
        ("", None),
        (None, None),
    ],
)
def test_domain_of(url, domain) -> None:
    assert domain_of(url) == domain


ARTICLE_HTML = """<html><head><meta property="og:site_name" content="Beispiel-Zeitung"><title>Streit um Schulen</title>
</head><body><nav>Start Politik Sport</nav><main><article><h1>Streit um die Schulreform</h1>
<p>Die Landesregierung hat am Montag ihre Pläne für die Schulreform vorgestellt. Die Opposition kritisierte den
Entwurf scharf und kündigte Widerstand im Landtag an.</p>
<p>Der Bildungsminister sagte, die Reform sei notwendig und werde die Schulen stärken. Die Lehrergewerkschaft
forderte mehr Geld für zusätzliche Lehrkräfte und kleinere Klassen in allen Schulformen.</p></article>
<section id="comments">{heading}<div class="comment"><b>Anna</b><p>Endlich tut sich etwas an unseren Schulen.</p></div>
<div class="comment"><b>Bernd</b><p>Das ist doch wieder nur Flickwerk der Regierung.</p></div></section></main>
<footer>Impressum</footer></body></html>"""


@pytest.mark.parametrize("heading", ["<h2>Kommentare (2)</h2>", ""])
def test_a_pages_reader_comments_are_kept_as_reader_comments(tmp_path: Path, heading: str) -> None:
    from framing.pipeline import analyze_text

    (tmp_path / "page.html").write_text(ARTICLE_HTML.format(heading=heading), encoding="utf-8")
    [article] = load_corpus([tmp_path]).articles.to_dicts()
    assert article["text"].startswith("Streit um die Schulreform\nDie Landesregierung")  # the article first
    assert "reader comments from the page's comment section" in article["provenance"]
    voices = {s["text"]: s["voice"] for s in analyze_text(article["text"], textblob=False)["sentences"]}
    assert voices["Das ist doch wieder nur Flickwerk der Regierung."] == "reader"
    assert voices["Endlich tut sich etwas an unseren Schulen."] == "reader"
    assert voices["Die Landesregierung hat am Montag ihre Pläne für die Schulreform vorgestellt."] == "journalist"
    assert sum(text in ("Leserkommentare", "Kommentare (2)") for text in voices) == 1  # one heading, not two
