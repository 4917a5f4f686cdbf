"""The time view's table: periods are dates, imprecise and undated articles are counted apart, the figures per
outlet and period come from the journalist's own words and the quotes."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from framing.aggregate import timeline
from framing.errors import ConfigError

from tests.helpers.frames import article, make_analysis, quote, segment, sentence, small_corpus


@pytest.mark.parametrize(("first", "last", "period"), [
    (dt.date(2025, 1, 1), dt.date(2025, 3, 1), "week"),
    (dt.date(2025, 1, 1), dt.date(2025, 4, 30), "week"),  # 119 days
    (dt.date(2025, 1, 1), dt.date(2025, 6, 1), "month"),
    (None, None, "month"),
])
def test_the_period_follows_the_date_span(first, last, period):
    assert timeline.choose_period(first, last) == period


def test_periods_are_dates_and_imprecise_or_undated_articles_are_apart():
    corpus = small_corpus()  # a1 nd 2025-08-22; a2 OZD undated; a3 unknown outlet 2024-12 (month precision)
    monthly = timeline.over_time(corpus, period="month")
    assert monthly.schema["period_start"] == pl.Date
    assert monthly.select("outlet", "period_start").rows() == [
        ("(unknown outlet)", dt.date(2024, 12, 1)), ("nd", dt.date(2025, 8, 1))]
    weekly = timeline.over_time(corpus, period="week")
    assert weekly.select("outlet", "period_start").rows() == [("nd", dt.date(2025, 8, 18))]  # the Monday
    counts = {r["outlet"]: (r["n_dated"], r["n_imprecise"], r["n_undated"])
              for r in timeline.undated_counts(corpus.articles, "week").iter_rows(named=True)}
    assert counts == {"(unknown outlet)": (0, 1, 0), "OZD": (0, 0, 1), "nd": (1, 0, 0)}


def test_figures_per_outlet_and_period():
    row = timeline.over_time(small_corpus(), period="month").filter(pl.col("outlet") == "nd").row(0, named=True)
    assert row["n_articles"] == 1
    assert row["journalist_tone"] == pytest.approx(0.25)  # segments 0.0 and 0.5
    assert (row["n_journalist_sentences"], row["n_opinionated"], row["share_opinionated"]) == (1, 1, 1.0)
    assert row["quoted_share"] == pytest.approx(8 / 30)
    assert row["n_quotes"] == 2 and row["top_voices"] == "Sergej Lawrow (2)"


def test_unknown_speakers_and_readers_are_no_top_voice():
    corpus = make_analysis(
        articles=[article("a", "X", "2025-01-05")],
        sentences=[sentence("a", 0, 0, "reporting")],
        segments=[segment("a", 0, "journalist", 5, 0.0)],
        quotes=[quote("a", 0, 0, None, n_words=50), quote("a", 1, 0, "Leserin", kind="reader", n_words=40),
                quote("a", 2, 0, "B", n_words=3), quote("a", 3, 0, "A", n_words=3), quote("a", 4, 0, "C", n_words=9),
                quote("a", 5, 0, "D", n_words=1)])
    assert timeline.over_time(corpus, period="month")["top_voices"].to_list() == ["C (1); A (1); B (1)"]


def test_unknown_period_or_grouping_is_refused():
    with pytest.raises(ConfigError, match="period"):
        timeline.over_time(small_corpus(), period="decade")
    with pytest.raises(ConfigError, match="grouped"):
        timeline.over_time(small_corpus(), by="article")


def test_women_among_the_quoted_people_per_period():
    def q(aid, qid, speaker, gender, kind="person"):
        return {**quote(aid, qid, 0, speaker, kind=kind), "speaker_gender": gender, "speaker_gender_evidence": None}

    corpus = make_analysis(
        articles=[article("a", "X", "2025-01-05"), article("b", "X", "2025-01-20"), article("c", "X", "2025-02-03")],
        sentences=[sentence(a, 0, 0, "reporting") for a in "abc"],
        segments=[segment(a, 0, "journalist", 5, 0.0) for a in "abc"],
        quotes=[q("a", 0, "Angela Merkel", "female"), q("b", 0, "Angela Merkel", "female"),  # one woman, twice
                q("b", 1, "Olaf Scholz", "male"), q("b", 2, "Kim Berger", "unknown"),
                q("b", 3, "Die Grünen", None, kind="institution"), q("c", 0, "Jens Spahn", "male")])
    rows = timeline.over_time(corpus, period="month").select("period_start", "n_women", "n_men", "share_women").rows()
    assert rows == [(dt.date(2025, 1, 1), 1, 1, 0.5), (dt.date(2025, 2, 1), 0, 1, 0.0)]


def _counts(rows):
    return pl.DataFrame(rows, schema={"outlet": pl.String, "n_dated": pl.Int64, "n_imprecise": pl.Int64,
                                      "n_undated": pl.Int64}, orient="row")


@pytest.mark.parametrize("rows, period, note", [
    # a count of 0 is not said (it read "6 undated articles and 0 dated less precisely than a month")
    ([("A", 5, 0, 2), ("B", 3, 0, 1)], "month", "Not on the time axis: 3 undated articles. By outlet: A: 2; B: 1."),
    ([("A", 5, 1, 0)], "month", ("Not on the time axis: 1 article dated less precisely than a month (only a year). "
                                 "By outlet: A: 1.")),
    # the example of a coarse date fits the period: in a weekly view a month is too coarse
    ([("A", 5, 2, 1), ("B", 4, 0, 0)], "week", ("Not on the time axis: 1 undated article and 2 articles dated less "
                                                "precisely than a week (only a month or a year). By outlet: A: 3.")),
    ([("A", 5, 0, 0)], "week", None),
])
def test_the_note_on_articles_off_the_time_axis(rows, period, note):
    assert timeline.off_axis_note(_counts(rows), period) == note
