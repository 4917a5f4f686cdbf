"""The first screen's table: per outlet the figures as the other tables define them, their bootstrap intervals,
and the corpus named by its titles."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest

from framing.aggregate import comparison
from framing.aggregate.tables import commentary_profile, quote_modes, tone_by_voice
from framing.aggregate.timeline import over_time
from framing.errors import ConfigError

from tests.helpers.frames import article, make_analysis, quote, section, segment, sentence, small_corpus


def _row(table: pl.DataFrame, outlet: str) -> dict:
    return table.filter(pl.col("outlet") == outlet).row(0, named=True)


def test_figures_equal_those_of_the_tables_they_summarise():
    corpus = small_corpus()
    table = comparison.framing_comparison(corpus)
    assert table["outlet"].to_list() == ["(unknown outlet)", "OZD", "nd"]
    nd, ozd = _row(table, "nd"), _row(table, "OZD")
    tone = tone_by_voice(corpus).filter(pl.col("voice") == "journalist")
    assert nd["journalist_tone"] == pytest.approx(_row(tone, "nd")["mean_tone"])
    assert ozd["journalist_tone"] == pytest.approx(_row(tone, "OZD")["mean_tone"])
    assert nd["quoted_share"] == pytest.approx(8 / 30)
    assert nd["share_opinionated"] == pytest.approx(1.0)  # the one journalist sentence of nd has opinion 0.6
    assert ozd["share_opinionated"] == pytest.approx(0.5)  # 0.0 and 0.9; the reader's sentence does not count
    modes = quote_modes(corpus).filter(pl.col("mode") == "direct")
    assert nd["share_direct"] == pytest.approx(_row(modes, "nd")["share_quotes"])
    assert ozd["share_direct"] == pytest.approx(0.5)  # the reader's direct quote is no statement here
    assert ozd["commentary_share"] == pytest.approx(_row(commentary_profile(corpus), "OZD")["share_commentary"])
    assert nd["top_voices"] == "Sergej Lawrow (2)"
    assert ozd["top_voices"] == "Mark Rutte (1); Sergej Lawrow (1)"  # by quoted words: 3 against 2


def test_a_group_of_fewer_than_five_articles_gets_no_interval():
    row = _row(comparison.framing_comparison(small_corpus()), "nd")
    assert row["journalist_tone_low"] is None and row["journalist_tone_high"] is None


def _many(outlet: str, n: int, tones: list[float], opinions: list[float]) -> dict:
    """`n` articles of one outlet; article i has one journalist sentence with tone tones[i % len] and opinion."""
    parts: dict[str, list] = {"articles": [], "sections": [], "sentences": [], "segments": [], "quotes": []}
    for i in range(n):
        aid = f"{outlet}{i}"
        parts["articles"].append(article(aid, outlet, "2025-01-0%d" % (1 + i % 9), title="Streit um Maskenpflicht"))
        parts["sections"].append(section(aid, 0, "reporting", 0, 10))
        parts["sentences"].append(sentence(aid, 0, 0, "reporting", "journalist", tone=tones[i % len(tones)],
                                           opinion=opinions[i % len(opinions)]))
        parts["segments"].append(segment(aid, 0, "journalist", 10, tones[i % len(tones)]))
        parts["quotes"].append(quote(aid, 0, 0, "Karl Lauterbach", "direct" if i % 2 else "indirect", 4, None))
    return parts


def _corpus(*outlets: dict):
    merged = {k: [row for o in outlets for row in o[k]] for k in outlets[0]}
    return make_analysis(**merged)


def test_the_interval_holds_the_figure_and_narrows_with_more_articles():
    corpus = _corpus(_many("klein", 8, [-0.5, 0.5], [0.0, 1.0]), _many("groß", 200, [-0.5, 0.5], [0.0, 1.0]))
    table = comparison.framing_comparison(corpus)
    small, big = _row(table, "klein"), _row(table, "groß")
    for row in (small, big):
        for figure in ("journalist_tone", "share_opinionated", "share_direct"):
            assert row[f"{figure}_low"] <= row[figure] <= row[f"{figure}_high"], figure
    width = {name: row["share_opinionated_high"] - row["share_opinionated_low"] for name, row in
             (("small", small), ("big", big))}
    assert width["big"] < width["small"] / 2
    assert big["share_opinionated_low"] == pytest.approx(0.5, abs=0.1)  # sd of a 200-article mean: 0.035


def test_an_outlets_interval_does_not_depend_on_the_others():
    alone = _row(comparison.framing_comparison(_corpus(_many("a", 30, [-0.4, 0.1, 0.3], [0.2, 0.8]))), "a")
    beside = _row(comparison.framing_comparison(_corpus(_many("a", 30, [-0.4, 0.1, 0.3], [0.2, 0.8]),
                                                        _many("b", 12, [0.0], [0.0]))), "a")
    assert alone == beside


def test_ratio_interval_is_the_normal_interval_of_a_large_sample():
    rng = np.random.default_rng(0)
    num = rng.binomial(1, 0.3, 400).astype(float)
    low, high = comparison.ratio_interval(num, np.ones(400), seed=1)
    p = num.mean()
    half = 1.96 * np.sqrt(p * (1 - p) / 400)  # the textbook interval of a share, which the bootstrap approaches
    assert low == pytest.approx(p - half, abs=0.01) and high == pytest.approx(p + half, abs=0.01)
    assert comparison.ratio_interval(num[:4], np.ones(4), seed=1) == (None, None)
    assert comparison.ratio_interval(np.zeros(10), np.zeros(10), seed=1) == (None, None)


def test_only_outlet_like_groupings_are_compared():
    with pytest.raises(ConfigError):
        comparison.framing_comparison(small_corpus(), by="article")


def test_the_opinion_share_is_that_of_the_time_view():
    corpus = _corpus(_many("a", 9, [0.1], [0.2, 0.7, 0.9]))
    per_month = over_time(corpus, period="month")
    assert _row(comparison.framing_comparison(corpus), "a")["share_opinionated"] == pytest.approx(
        per_month["n_opinionated"].sum() / per_month["n_journalist_sentences"].sum())


@pytest.mark.parametrize(("titles", "terms"), [
    (["Streit um die Maskenpflicht", "Die Maskenpflicht fällt", "Maskenpflicht: Was jetzt gilt", "Wetter"],
     ["Maskenpflicht"]),
    (["Nato-Gipfel in Den Haag", "Rutte lädt zum Nato-Gipfel", "Warum Rutte den Nato-Gipfel braucht", None],
     ["Nato-Gipfel", "Rutte"]),
    (["Was Der Tag bringt", "Was Der Abend bringt"], []),  # function words name no story
    (["Ein Titel"], ["Titel"]),  # one article: its own words
])
def test_title_terms(titles, terms):
    assert comparison.title_terms(titles) == terms


def test_corpus_headline_names_the_span_outlets_and_undated():
    head = comparison.corpus_headline(small_corpus().articles)
    assert head["n_articles"] == 3 and head["n_outlets"] == 3 and head["n_undated"] == 1
    assert head["date_min"] == dt.date(2024, 12, 1) and head["date_max"] == dt.date(2025, 8, 22)


def test_leads_name_the_story_where_titles_share_no_word():
    titles = ["Gipfel ohne Ergebnis", "Streit bis tief in die Nacht", "Was bleibt"]
    leads = ["Am Montag trafen sich die Nato-Staaten in Den Haag.", "Die Nato-Staaten stritten am Montag lange.",
             "Beim Nato-Gipfel in Den Haag blieb vieles offen."]
    assert comparison.title_terms(titles) == []
    assert comparison.title_terms(titles, leads=leads)[:2] == ["Nato-Staaten", "Haag"]  # no weekday, no "Den"


def test_the_evidence_behind_a_dot_is_the_passage_that_shows_the_figure_best():
    corpus = small_corpus()
    assert comparison.figure_evidence(corpus, "outlet", "OZD", "share_opinionated") == {
        "article_id": "a2", "sentence_id": 1, "quote_id": None}  # opinion 0.9; the reader's 0.7 is no journalist's
    assert comparison.figure_evidence(corpus, "outlet", "OZD", "commentary_share")["sentence_id"] == 1
    assert comparison.figure_evidence(corpus, "outlet", "OZD", "journalist_tone")["sentence_id"] == 1  # −0.6
    assert comparison.figure_evidence(corpus, "outlet", "nd", "journalist_tone")["sentence_id"] == 1  # +0.5
    assert comparison.figure_evidence(corpus, "outlet", "nd", "share_direct") == {
        "article_id": "a1", "sentence_id": None, "quote_id": 0}
    assert comparison.figure_evidence(corpus, "outlet", "OZD", "share_direct")["quote_id"] == 1  # not the reader's
    assert comparison.figure_evidence(corpus, "outlet", "nd", "commentary_share") is None  # nd has no commentary
    assert comparison.figure_evidence(corpus, "outlet", "nd", "share_women") is None  # nobody of known gender
    assert comparison.figure_evidence(corpus, "outlet", "No Such Outlet", "share_opinionated") is None
