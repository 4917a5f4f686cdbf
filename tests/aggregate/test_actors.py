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


def _joined(spans: pl.DataFrame, segs: pl.DataFrame) -> pl.DataFrame:
    """`actors.overlapping` as defined: the chunked join on the article, filtered by the overlap."""
    return pl.concat([part.join(part_segs, on="article_id", how="inner", maintain_order="left_right")
                      .filter((pl.col("_s") < pl.col("end")) & (pl.col("_e") > pl.col("start")))
                      for part, part_segs in actors._article_chunks(spans, segs)])


def _spans_and_segments(seed: int, apart: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Quotes (nested, touching, empty, duplicate ids) and quoted segments of 40 articles in shuffled order; the
    segments of an article one after the other when `apart`, else some overlapping or out of order."""
    import random

    rng = random.Random(seed)
    quotes, segs = [], []
    for art in rng.sample(range(40), 40):
        edge = 0
        for _ in range(rng.randrange(0, 6)):
            start = edge + rng.choice([0, 0, 3])
            edge = start + rng.choice([0, 1, 5, 12])
            segs.append({"article_id": art, "_s": start, "_e": edge, "n_chars": edge - start,
                         "tone": rng.choice([-0.5, 0.1, 0.3])})
        if not apart and segs and rng.random() < 0.3:
            segs.append({**segs[-1], "_s": max(segs[-1]["_s"] - 2, 0)})
        for q in range(rng.randrange(0, 4)):
            start = rng.randrange(0, edge + 2)
            quotes.append({"article_id": art, "quote_id": rng.choice([q, 0]), "start": start,
                           "end": start + rng.choice([0, 2, 8, 30])})
    return (pl.DataFrame(quotes, schema={"article_id": pl.Int64, "quote_id": pl.Int64, "start": pl.Int64,
                                         "end": pl.Int64}),
            pl.DataFrame(segs, schema={"article_id": pl.Int64, "_s": pl.Int64, "_e": pl.Int64, "n_chars": pl.Int64,
                                       "tone": pl.Float64}))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("apart", [True, False])
@pytest.mark.parametrize("chunk", [7, 20_000])
def test_overlapping_segments_are_the_join_filtered_by_overlap(seed, apart, chunk, monkeypatch):
    monkeypatch.setattr(actors, "CHUNK_ARTICLES", chunk)
    spans, segs = _spans_and_segments(seed, apart)
    assert (actors._segment_runs(spans, segs) is not None) == apart  # the run search only where it holds
    assert actors.overlapping(spans, segs).equals(_joined(spans, segs))
    with_null = spans.with_columns(pl.when(pl.col("quote_id") == 1).then(None).otherwise(pl.col("end")).alias("end"))
    assert actors.overlapping(with_null, segs).equals(_joined(with_null, segs))
    as_text = spans.with_columns(pl.col("article_id").cast(pl.String)), segs.with_columns(
        pl.col("article_id").cast(pl.String))
    assert actors.overlapping(*as_text).equals(_joined(*as_text))
