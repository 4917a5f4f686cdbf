"""The genre profile: shares of articles and text by genre, the own voice and its opinion apart for reports and
commentary, interview answers as the interviewee's voice."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from framing.aggregate.grouping import with_groups

from framing.aggregate.genres import genre_profile
from framing.aggregate.tables import TABLES
from framing.pipeline import analyze_paths
from tests.helpers.frames import article, make_analysis, quote, segment, sentence


def with_genre(row: dict, genre: str | None) -> dict:
    return {**row, "genre": genre, "genre_evidence": "test"}


def corpus():
    words = lambda n: "wort " * n  # noqa: E731
    return make_analysis(
        articles=[with_genre(article("r1", "nd", text=words(100)), "report"),
                  with_genre(article("r2", "nd", text=words(100)), "report"),
                  with_genre(article("c1", "nd", text=words(50)), "commentary"),
                  with_genre(article("i1", "nd", text=words(250)), "interview"),
                  with_genre(article("x1", "taz", text=words(10)), None)],
        sentences=[sentence("r1", 0, 0, "reporting", opinion=0.1), sentence("r1", 1, 0, "reporting", opinion=0.7),
                   sentence("r2", 0, 0, "reporting", opinion=0.2), sentence("r2", 1, 0, "reporting", "quoted", opinion=0.9),
                   sentence("c1", 0, 0, "commentary", opinion=0.8), sentence("c1", 1, 0, "commentary", opinion=0.6),
                   sentence("i1", 0, 0, "reporting", opinion=0.1), sentence("i1", 1, 0, "reporting", "quoted", opinion=0.9)],
        segments=[segment("r1", 0, "journalist", 80, 0.0), segment("r1", 1, "quoted", 20, 0.0),
                  segment("c1", 0, "journalist", 100, 0.0),
                  segment("i1", 0, "journalist", 40, 0.0), segment("i1", 1, "quoted", 160, 0.0)],
        quotes=[quote("r1", 0, 0, "Lawrow", "direct", n_words=4),
                quote("i1", 0, 0, "Anna Muster", "interview", n_words=120),
                quote("i1", 1, 0, "Anna Muster", "interview", n_words=80)],
    )


def test_rows_per_outlet_and_genre_with_their_figures() -> None:
    out = genre_profile(corpus())
    rows = {(r["outlet"], r["genre"]): r for r in out.iter_rows(named=True)}
    assert list(rows) == [("nd", "report"), ("nd", "commentary"), ("nd", "interview"), ("taz", "unknown")]
    report, commentary, interview = rows["nd", "report"], rows["nd", "commentary"], rows["nd", "interview"]
    assert (report["n_articles"], report["share_articles"]) == (2, 0.5)
    assert (report["n_words"], report["share_words"]) == (200, 0.4)
    assert commentary["share_words"] == pytest.approx(0.1) and interview["share_words"] == pytest.approx(0.5)
    # own voice and its opinion, apart for reports and commentary (a quoted sentence is not the outlet's)
    assert (report["n_sentences_own"], report["n_opinionated_own"], report["share_opinionated_own"]) == (3, 1, 1 / 3)
    assert (commentary["n_sentences_own"], commentary["share_opinionated_own"]) == (2, 1.0)
    assert report["share_own_voice"] == pytest.approx(0.8) and commentary["share_own_voice"] == 1.0
    # the interviewee's answers are hers, not the outlet's
    assert (interview["n_interview_answers"], interview["interviewee_words"]) == (2, 200)
    assert interview["share_interviewee_words"] == pytest.approx(0.8)
    assert interview["share_own_voice"] == pytest.approx(0.2)
    assert interview["n_sentences_own"] == 1 and interview["share_opinionated_own"] == 0.0
    assert report["n_interview_answers"] == 0 and report["interviewee_words"] == 0
    # an article without a genre (an analysis from before the column) is `unknown`, never dropped
    assert rows["taz", "unknown"]["n_articles"] == 1 and rows["taz", "unknown"]["share_articles"] == 1.0
    assert rows["taz", "unknown"]["share_opinionated_own"] is None  # no sentences: no share, not 0


def test_groupings_and_the_registry() -> None:
    analysis = corpus()
    by_article = genre_profile(analysis, by="article")
    assert by_article.columns[:3] == ["outlet", "article_id", "genre"] and by_article.height == 5
    assert genre_profile(analysis, by="outlet_date").columns[:3] == ["outlet", "period", "genre"]
    assert TABLES["genre_profile"](analysis).equals(with_groups(genre_profile(analysis), analysis.articles))
    shares = genre_profile(analysis).group_by("outlet").agg(pl.col("share_articles").sum())
    assert shares["share_articles"].to_list() == pytest.approx([1.0, 1.0])


def test_old_analyses_without_a_genre_column() -> None:
    analysis = corpus()
    old = make_analysis(articles=[{k: v for k, v in r.items() if k not in ("genre", "genre_evidence")}
                                  for r in analysis.articles.iter_rows(named=True)])
    old = type(old)(**{**old.tables(), "articles": analysis.articles.drop("genre", "genre_evidence")})
    assert set(genre_profile(old)["genre"]) == {"unknown"}


def test_on_articles_as_outlets_publish_them() -> None:
    folder = Path(__file__).resolve().parents[1] / "data" / "genre"
    analysis = analyze_paths([folder], use_cache=False, textblob=False, workers=1)
    out = genre_profile(analysis, by="article")
    rows = {r["article_id"]: r for r in out.iter_rows(named=True)}
    assert rows["zeit-interview"]["genre"] == "interview" and rows["zeit-interview"]["n_interview_answers"] == 2
    assert rows["interview_section"]["n_interview_answers"] == 3  # the page's bold questions were lost in the text
    speakers = analysis.quotes.filter(pl.col("mode") == "interview").group_by("article_id").agg(pl.col("speaker").unique())
    assert {r["article_id"]: r["speaker"] for r in speakers.iter_rows(named=True)} == {
        "zeit-interview": ["Anna Muster"], "interview_section": ["Anna Muster"]}
    kinds = analysis.sections.filter(pl.col("article_id") == "spiegel-meinung")["kind"].unique().to_list()
    assert "commentary" in kinds and "reporting" not in kinds
