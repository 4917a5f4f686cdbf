"""The actors view's tables: named voices only, ranked per outlet; voices only one outlet quotes; the tone of each
speaker's quoted words per outlet (an actor's profile)."""

from __future__ import annotations

import polars as pl
import pytest

from framing.aggregate import actors
from framing.aggregate.tables import quoted_actors

from tests.helpers.frames import article, make_analysis, quote, section, segment, small_corpus


def test_top_speakers_leave_out_the_unknown_and_rank_per_outlet():
    corpus = make_analysis(
        articles=[article("a", "X"), article("b", "Y")],
        sections=[section("a", 0, "reporting", 0, 10), section("b", 0, "reporting", 0, 10)],
        quotes=[quote("a", 0, 0, None, n_words=99), quote("a", 1, 0, "Anna", n_words=5),
                quote("a", 2, 0, "Berta", n_words=8), quote("b", 0, 0, "Anna", n_words=2)])
    top = actors.top_speakers(quoted_actors(corpus), n=1)
    assert top.select("outlet", "rank", "speaker").rows() == [("X", 1, "Berta"), ("Y", 1, "Anna")]
    # the share stays the share of all the outlet's quoted words, unknown speakers included
    assert top.row(0, named=True)["share_of_voice_in_outlet"] == pytest.approx(8 / 112)
    assert actors.top_speakers(quoted_actors(make_analysis())).is_empty()


def test_anonymous_sources_are_no_named_voice():
    """`Experten`, `aus Regierungskreisen` name nobody: not among an outlet's top voices nor its exclusive ones."""
    corpus = make_analysis(
        articles=[article("a", "X")], sections=[section("a", 0, "reporting", 0, 10)],
        quotes=[quote("a", 0, 0, "Experten", n_words=50, kind="anonymous"),
                quote("a", 1, 0, "Experten", n_words=50, kind="anonymous"), quote("a", 2, 0, "Anna", n_words=5),
                quote("a", 3, 0, "Anna", n_words=5), quote("a", 4, 0, "Polizei", n_words=3, kind="institution"),
                quote("a", 5, 0, "Polizei", n_words=3, kind="institution")])
    table = quoted_actors(corpus)
    assert actors.top_speakers(table)["speaker"].to_list() == ["Anna", "Polizei"]
    assert actors.exclusive_voices(table)["speaker"].to_list() == ["Anna", "Polizei"]


def test_exclusive_voices_are_quoted_by_one_outlet_often_enough():
    corpus = make_analysis(
        articles=[article("a", "X"), article("b", "Y")],
        sections=[section("a", 0, "reporting", 0, 10), section("b", 0, "reporting", 0, 10)],
        quotes=[quote("a", 0, 0, "Anna"), quote("a", 1, 0, "Anna"), quote("b", 0, 0, "Anna"),
                quote("a", 2, 0, "Berta"), quote("a", 3, 0, "Berta"), quote("b", 1, 0, "Carl"),
                quote("a", 4, 0, None), quote("a", 5, 0, None)])
    exclusive = actors.exclusive_voices(quoted_actors(corpus))
    assert exclusive.select("outlet", "speaker", "n_quotes").rows() == [("X", "Berta", 2)]  # Carl only once
    assert actors.exclusive_voices(quoted_actors(corpus), min_quotes=1)["speaker"].to_list() == ["Berta", "Carl"]


def test_quote_tone_is_the_tone_of_the_quoted_words():
    tones = actors.quote_tone(small_corpus())
    lawrow_nd = tones.filter((pl.col("outlet") == "nd") & (pl.col("speaker") == "Sergej Lawrow")).row(0, named=True)
    assert (lawrow_nd["n_quotes"], lawrow_nd["n_direct"], lawrow_nd["n_indirect"]) == (2, 1, 1)
    assert lawrow_nd["share_direct"] == 0.5
    # its quotes lie at 0..10 and 1000..1010 and its quoted segment at 12..20: no quoted words inside the quotes,
    # so the tone is unknown rather than invented
    assert lawrow_nd["mean_quote_tone"] is None and lawrow_nd["n_quotes_toned"] == 0


def test_quote_tone_weights_the_quoted_stretches_by_characters():
    corpus = make_analysis(
        articles=[article("a", "X")],
        segments=[segment("a", 0, "quoted", 10, 0.6, start=0), segment("a", 0, "quoted", 30, -0.2, start=10),
                  segment("a", 0, "journalist", 10, 1.0, start=40)],
        quotes=[quote("a", 0, 0, "Anna", start=0, end=40)])
    row = actors.quote_tone(corpus).row(0, named=True)
    assert row["mean_quote_tone"] == pytest.approx((0.6 * 10 - 0.2 * 30) / 40)
    profile = actors.actor_profile(actors.quote_tone(small_corpus()), "Sergej Lawrow")
    assert profile.select("outlet", "n_quotes").rows() == [("nd", 2), ("OZD", 1)]
