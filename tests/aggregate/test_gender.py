"""The quoted-gender comparison table (framing.aggregate.gender, issue #20): counts by gender per outlet, the share
of women with its seeded bootstrap interval, the share of unknowns, and who is no quoted person."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from framing.aggregate.grouping import with_groups

from framing.aggregate.gender import quoted_gender, share_interval
from framing.aggregate.tables import TABLES, compare_tables
from framing.errors import ConfigError
from tests.helpers.frames import article, make_analysis, quote, section


def _q(article_id: str, quote_id: int, speaker: str, gender: str | None, n_words: int = 5, kind: str = "person",
       mode: str = "direct", **extra) -> dict:
    row = quote(article_id, quote_id, 0, speaker, mode=mode, n_words=n_words, kind=kind, **extra)
    return {**row, "speaker_gender": gender, "speaker_gender_evidence": "name" if gender in ("female", "male")
            else None}


def _corpus():
    arts = [article(f"a{k}", "A", "2025-08-2" + str(k % 3)) for k in range(4)] + [article("b0", "B", "2025-09-01")]
    secs = [section(a["article_id"], 0, "reporting", 0, 10_000) for a in arts]
    quotes = [
        _q("a0", 0, "Angela Merkel", "female", 10), _q("a0", 1, "Angela Merkel", "female", 4),
        _q("a1", 0, "Angela Merkel", "female", 6),  # one person in two articles: counted once
        _q("a1", 1, "Jens Spahn", "male", 3), _q("a2", 0, "Olaf Scholz", "male", 7),
        _q("a3", 0, "Kim Berger", "unknown", 2),
        _q("a3", 1, "Bündnis 90/Die Grünen", None, 9, kind="institution"),  # no person
        _q("a3", 2, "Sprecherin", None, 9, kind="anonymous"),  # no person
        _q("a3", 3, "Tilli", None, 9, kind="reader"),  # no person
        _q("a3", 4, "Olaf Scholz", "male", 1, mode="term"),  # a quoted term is nobody's speech
        _q("a2", 1, "Olaf Scholz", "male", 2, start=1, end=5),  # inside quote 0 of a2 (start 0, end 10): nested
        _q("b0", 0, "Sascha Keller", "unknown", 5),
    ]
    return make_analysis(arts, secs, quotes=quotes)


def test_counts_by_gender_per_outlet():
    table = quoted_gender(_corpus())
    a = table.row(by_predicate=pl.col("outlet") == "A", named=True)
    assert (a["n_articles"], a["n_people"], a["n_women"], a["n_men"], a["n_unknown"]) == (4, 4, 1, 2, 1)
    assert (a["n_quotes"], a["n_quotes_women"], a["n_quotes_men"], a["n_quotes_unknown"]) == (6, 3, 2, 1)
    assert (a["quoted_words_women"], a["quoted_words_men"], a["quoted_words_unknown"]) == (20, 10, 2)
    assert a["share_women"] == pytest.approx(1 / 3)
    assert a["share_unknown"] == pytest.approx(1 / 4)
    assert a["share_quotes_women"] == pytest.approx(3 / 5)
    assert a["share_words_women"] == pytest.approx(20 / 30)
    assert a["share_women_low"] is None  # four articles: too few for an interval
    b = table.row(by_predicate=pl.col("outlet") == "B", named=True)
    # nobody of known gender: no share and no interval, but the unknown is shown
    assert (b["n_people"], b["n_unknown"], b["share_women"], b["share_women_low"], b["share_unknown"]) == (
        1, 1, None, None, 1.0)


def _many(n: int):
    arts = [article(f"a{k}", "A", "2025-08-20") for k in range(n)]
    secs = [section(a["article_id"], 0, "reporting", 0, 10_000) for a in arts]
    quotes = [_q(f"a{k}", 0, f"Person {k}", "female" if k % 3 == 0 else "male") for k in range(n)]
    return make_analysis(arts, secs, quotes=quotes)


def test_the_interval_is_seeded_and_the_same_for_the_same_table():
    first, second = quoted_gender(_many(30)), quoted_gender(_many(30))
    row = first.row(0, named=True)
    assert 0 <= row["share_women_low"] < row["share_women"] < row["share_women_high"] <= 1
    assert first["share_women_low"].to_list() == second["share_women_low"].to_list()
    assert first["share_women_high"].to_list() == second["share_women_high"].to_list()


def test_the_interval_narrows_with_more_articles_and_covers_the_share():
    rng = np.random.default_rng(1)
    intervals = []
    for n in (20, 400):
        articles = np.arange(n)
        people = np.arange(n)  # one new person per article, 30 % women
        women = rng.random(n) < 0.3
        low, high = share_interval(articles, people, women, ~women, seed=7)
        share = women.mean()
        assert low <= share <= high
        intervals.append(high - low)
    assert intervals[1] < intervals[0] / 2


def _interval_by_definition(articles, people, women, men, seed, resamples=1000):
    """share_interval as it reads: each resample drawn (50 at a time: the draws are the same in any batch), each
    person present when one of their articles was drawn."""
    n = int(articles.max()) + 1 if articles.size else 0
    if n < 5:
        return None, None
    rng, shares = np.random.default_rng(seed), []
    for done in range(0, resamples, 50):
        for drawn in rng.integers(0, n, (min(50, resamples - done), n)):
            present = np.unique(people[np.isin(articles, drawn)])
            f, m = women[present].sum(), men[present].sum()
            shares += [f / (f + m)] if f + m else []
    level = 0.95
    bounds = np.quantile(np.array(shares), [(1 - level) / 2, 1 - (1 - level) / 2]) if shares else (None, None)
    return tuple(None if x is None else float(x) for x in bounds)


@pytest.mark.parametrize("case", range(40))
def test_the_interval_is_its_definition_to_the_bit(case):
    """share_interval draws a batch of resamples as bits of one word per article: the same intervals, to the bit,
    as drawing and counting each resample (small cases: few articles, people without a gender, nobody known)."""
    rng = np.random.default_rng(case)
    n_pairs, n_articles, n_people = int(rng.integers(0, 60)), int(rng.integers(1, 15)), int(rng.integers(1, 9))
    articles, people = rng.integers(0, n_articles, n_pairs), rng.integers(0, n_people, n_pairs)
    gender = rng.integers(0, 3, n_people)
    resamples = (1000, 64, 65, 130)[case % 4]
    args = (articles, people, gender == 0, gender == 1, case, resamples)
    assert share_interval(*args) == _interval_by_definition(*args)


def test_groupings_and_registration():
    analysis = _corpus()
    by_date = quoted_gender(analysis, by="outlet_date", period="month")
    assert by_date.columns[:2] == ["outlet", "period"]
    assert set(by_date["period"]) == {"2025-08", "2025-09"}
    assert quoted_gender(analysis, by="outlet_kind")["kind"].to_list() == ["reporting", "reporting"]
    with pytest.raises(ConfigError, match="cannot be grouped by 'article'"):
        quoted_gender(analysis, by="article")
    assert "quoted_gender" in TABLES
    tables = compare_tables(analysis, by="outlet")
    # the registry's table is the function's, with the outlet's group beside the outlet
    assert tables["quoted_gender"].equals(with_groups(quoted_gender(analysis), analysis.articles))


def test_a_quotes_table_without_genders_counts_everyone_as_unknown():
    analysis = _corpus()
    older = analysis.quotes.drop("speaker_gender", "speaker_gender_evidence")
    table = quoted_gender(make_analysis(analysis.articles, analysis.sections, quotes=older.to_dicts()))
    assert table["n_unknown"].to_list() == table["n_people"].to_list()
    assert table["share_women"].to_list() == [None, None]


def test_quoted_actors_carry_the_gender_quoted_gender_counts():
    from framing.aggregate.tables import quoted_actors

    actors = quoted_actors(_corpus())
    gender_of = dict(zip(actors["speaker"], actors["speaker_gender"]))
    assert gender_of["Angela Merkel"] == "female" and gender_of["Olaf Scholz"] == "male"
    assert gender_of["Kim Berger"] == "unknown" and gender_of["Sascha Keller"] == "unknown"
    assert gender_of["Bündnis 90/Die Grünen"] == "unknown" and gender_of["Sprecherin"] == "unknown"
    assert "Tilli" not in gender_of  # readers are no quoted actors
