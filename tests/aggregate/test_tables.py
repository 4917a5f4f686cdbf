"""Comparison tables: values a reader can check by hand, groupings, order independence and shares that add up."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from framing import schema
from framing.aggregate import tables as compare
from framing.errors import ConfigError
from framing.aggregate.filters import UNKNOWN_OUTLET, Filter
from framing.aggregate.grouping import with_groups

from tests.helpers.frames import article, make_analysis, quote, section, segment, sentence, small_corpus


def _row(df: pl.DataFrame, **keys) -> dict:
    """The one row of `df` matching `keys`."""
    hit = df.filter(*[pl.col(k) == v for k, v in keys.items()])
    assert hit.height == 1, (keys, hit)
    return hit.row(0, named=True)


# ---- overview and composition ------------------------------------------------------------------------------------


def test_overview_by_outlet():
    table = compare.overview(small_corpus())
    assert table["outlet"].to_list() == sorted([UNKNOWN_OUTLET, "OZD", "nd"])
    ozd = _row(table, outlet="OZD")
    assert ozd["n_articles"] == 1 and ozd["n_undated"] == 1 and ozd["date_first"] is None
    assert ozd["n_words"] == 9  # "Rutte sagte viel. Das muss anders werden. Leser meint."
    assert ozd["chars_commentary"] == 22 and ozd["section_chars"] == 52
    assert ozd["share_commentary"] == pytest.approx(22 / 52)
    assert table["share_articles"].sum() == pytest.approx(1.0)
    assert table["share_words"].sum() == pytest.approx(1.0)
    unknown = _row(table, outlet=UNKNOWN_OUTLET)  # a null outlet is labelled, never dropped
    assert str(unknown["date_first"]) == "2024-12-01" and str(unknown["date_last"]) == "2024-12-31"


@pytest.mark.parametrize(
    ("period", "buckets"),
    [
        # a3 is dated only "2024-12": fine enough for a month bucket, not for a day or week bucket
        ("day", {"a1": "2025-08-22", "a2": compare.UNDATED, "a3": compare.IMPRECISE}),
        ("week", {"a1": "2025-W34", "a2": compare.UNDATED, "a3": compare.IMPRECISE}),
        ("month", {"a1": "2025-08", "a2": compare.UNDATED, "a3": "2024-12"}),
        ("year", {"a1": "2025", "a2": compare.UNDATED, "a3": "2024"}),
    ],
)
def test_outlet_date_buckets(period, buckets):
    table = compare.overview(small_corpus(), by="outlet_date", period=period)
    outlet_of = {"a1": "nd", "a2": "OZD", "a3": UNKNOWN_OUTLET}
    got = {(r["outlet"], r["period"]) for r in table.iter_rows(named=True)}
    assert got == {(outlet_of[a], bucket) for a, bucket in buckets.items()}
    assert table["n_articles"].sum() == 3  # nothing dropped


def test_section_composition_shares_sum_to_one_per_outlet():
    table = compare.section_composition(small_corpus())
    assert _row(table, outlet="OZD", kind="reader_comment")["n_chars"] == 12
    sums = table.group_by("outlet").agg(pl.col("share_chars").sum())
    assert sums["share_chars"].to_list() == pytest.approx([1.0] * sums.height)


# ---- tone by voice -----------------------------------------------------------------------------------------------


def test_tone_by_voice_by_outlet():
    table = compare.tone_by_voice(small_corpus())
    nd_journalist = _row(table, outlet="nd", voice="journalist")
    assert nd_journalist["n_segments"] == 2 and nd_journalist["n_chars"] == 22
    assert nd_journalist["mean_tone"] == pytest.approx(0.25)  # mean of 0.0 and 0.5: the quoted -0.5 is excluded
    assert nd_journalist["share_chars"] == pytest.approx(22 / 30)
    assert nd_journalist["n_sentences_dominant"] == 1 and nd_journalist["mean_polarity_textblob"] == pytest.approx(0.1)
    nd_quoted = _row(table, outlet="nd", voice="quoted")
    assert nd_quoted["mean_tone"] == pytest.approx(-0.5) and nd_quoted["share_negative"] == 1.0
    reader = _row(table, outlet="OZD", voice="reader")  # readers are a voice of their own here
    assert reader["n_chars"] == 12 and reader["mean_tone"] == pytest.approx(0.3)



@pytest.mark.parametrize("by", compare.BY_VALUES)
@pytest.mark.parametrize("rows", [1, 2, 5])
def test_tone_by_voice_grouped_a_few_key_codes_at_a_time_is_the_same(monkeypatch, by, rows):
    from framing.aggregate import grouping

    whole = compare.tone_by_voice(small_corpus(), by=by, period="day")
    monkeypatch.setattr(grouping, "CHUNK_ROWS", rows)
    assert_frame_equal(compare.tone_by_voice(small_corpus(), by=by, period="day"), whole, check_exact=True)

def test_tone_by_voice_by_outlet_kind():
    table = compare.tone_by_voice(small_corpus(), by="outlet_kind")
    commentary = _row(table, outlet="OZD", kind="commentary", voice="journalist")
    assert commentary["mean_tone"] == pytest.approx(-0.6) and commentary["share_chars"] == 1.0
    assert _row(table, outlet="OZD", kind="reader_comment", voice="reader")["n_chars"] == 12


def test_tone_by_voice_keeps_quoted_segments_of_journalist_sentences_under_a_voice_filter():
    """A voice filter drops sentences by dominant voice; the quoted stretch of a mostly-journalist sentence stays,
    with the section kind it lies in."""
    corpus = make_analysis(
        articles=[article("x", "nd", text="Er sagte »nein« und ging dann nach Hause.")],
        sections=[section("x", 0, "reporting", 0, 41)],
        sentences=[sentence("x", 0, 0, "reporting", "journalist", text="Er sagte »nein« und ging dann nach Hause.")],
        segments=[segment("x", 0, "journalist", 9, 0.0, 0), segment("x", 0, "quoted", 6, -0.4, 9),
                  segment("x", 0, "journalist", 26, 0.0, 15)],
    )
    view = Filter(voices=("quoted",)).apply(corpus)
    assert view.sentences.height == 0
    table = compare.tone_by_voice(view, by="outlet_kind")
    assert table.select("outlet", "kind", "voice", "n_chars", "n_sentences_dominant").rows() == [
        ("nd", "reporting", "quoted", 6, 0)
    ]


# ---- quoted actors -----------------------------------------------------------------------------------------------


def test_quoted_actors_counts_modes_and_shares():
    table = compare.quoted_actors(small_corpus())
    lawrow_nd = _row(table, outlet="nd", speaker="Sergej Lawrow")
    assert (lawrow_nd["n_quotes"], lawrow_nd["quoted_words"]) == (2, 10)
    assert (lawrow_nd["n_direct"], lawrow_nd["n_partial"], lawrow_nd["n_indirect"]) == (1, 0, 1)
    assert lawrow_nd["share_of_voice_in_outlet"] == 1.0
    assert lawrow_nd["share_of_voice_across_outlets"] == pytest.approx(10 / 12)  # Lawrow has 12 words in all
    assert lawrow_nd["share_of_all_quoted_words"] == pytest.approx(10 / 20)
    lawrow_ozd = _row(table, outlet="OZD", speaker="Sergej Lawrow")
    assert lawrow_ozd["share_of_voice_in_outlet"] == pytest.approx(2 / 5)


def test_reader_comments_are_not_actors_unless_asked():
    corpus = small_corpus()
    assert "Tilli" not in compare.quoted_actors(corpus)["speaker"].to_list()
    with_readers = compare.quoted_actors(corpus, include_readers=True)
    assert _row(with_readers, speaker="Tilli")["speaker_kind"] == "reader"


def test_unknown_speaker_and_group_are_labelled():
    corpus = make_analysis(
        articles=[article("x", None, text="Man hört.")],
        sections=[section("x", 0, "reporting", 0, 9)],
        quotes=[quote("x", 0, 0, None, "indirect", 3, None, "anonymous")],
    )
    row = compare.quoted_actors(corpus).row(0, named=True)
    assert (row["outlet"], row["speaker"], row["speaker_group"]) == (UNKNOWN_OUTLET, "(unknown speaker)", "(no group)")
    groups = compare.speaker_groups(corpus).row(0, named=True)
    assert groups["n_speakers"] == 0  # an unknown speaker is not counted as a speaker


def test_nested_fragments_count_once():
    """An indirect statement with a quoted fragment inside is one statement; its words are counted once."""
    corpus = make_analysis(
        articles=[article("x", "nd", text="Lawrow sagte, es sei »kein Treffen geplant«. Dies sei »überhaupt nicht« der Fall.")],
        sections=[section("x", 0, "reporting", 0, 80)],
        quotes=[
            quote("x", 0, 0, "Sergej Lawrow", "indirect", 5, "Russia", start=14, end=44),
            quote("x", 1, 0, "Sergej Lawrow", "partial", 3, "Russia", start=22, end=42),
            quote("x", 2, 0, "Sergej Lawrow", "partial", 2, "Russia", start=52, end=67),
            quote("x", 3, 0, "Sergej Lawrow", "indirect", 2, "Russia", start=52, end=67),  # same span: lower id counts
        ],
    )
    assert compare.mark_nested(corpus.quotes)["nested"].to_list() == [False, True, False, True]
    row = compare.quoted_actors(corpus).row(0, named=True)
    assert (row["n_quotes"], row["quoted_words"], row["n_nested"]) == (2, 7, 2)
    assert (row["n_direct"], row["n_partial"], row["n_indirect"]) == (0, 1, 1)


def test_speaker_groups():
    table = compare.speaker_groups(small_corpus())
    russia_nd = _row(table, outlet="nd", speaker_group="Russia")
    assert (russia_nd["n_quotes"], russia_nd["quoted_words"], russia_nd["n_speakers"]) == (2, 10, 1)
    assert _row(table, outlet="OZD", speaker_group="NATO")["share_of_voice_in_outlet"] == pytest.approx(3 / 5)


# ---- commentary profile ------------------------------------------------------------------------------------------


def test_commentary_profile():
    table = compare.commentary_profile(small_corpus())
    ozd = _row(table, outlet="OZD")
    assert ozd["n_articles_with_commentary"] == 1 and ozd["share_commentary"] == pytest.approx(22 / 52)
    assert (ozd["n_sentences_commentary"], ozd["n_opinionated_commentary"]) == (1, 1)
    nd = _row(table, outlet="nd")
    # nd's journalist sentence in reporting has opinion 0.6: opinion leaking into news; the quoted one is not counted
    assert (nd["n_sentences_reporting"], nd["n_opinionated_reporting"], nd["share_opinionated_reporting"]) == (1, 1, 1.0)
    assert nd["n_sentences_commentary"] == 0 and nd["share_opinionated_commentary"] is None
    assert table.filter(pl.col("n_articles_with_commentary") > 0)["outlet"].to_list() == ["OZD"]


def test_most_opinionated():
    table = compare.most_opinionated(small_corpus(), n=2)
    assert table.select("article_id", "sentence_id", "opinion").rows() == [("a2", 1, 0.9), ("a2", 2, 0.7)]
    assert compare.most_opinionated(small_corpus(), n=0).height == 0


def test_tone_distribution():
    table = compare.tone_distribution(small_corpus())
    # every outlet has all eleven bins, empty ones with 0, and a tone of exactly 0 has a bin of its own (issue #16)
    assert table.group_by("outlet").len()["len"].to_list() == [11, 11, 11]
    assert table.filter(pl.col("n_sentences") > 0).select("outlet", "tone_bin", "n_sentences", "share_sentences").rows() == [
        (UNKNOWN_OUTLET, 0.0, 1, 1.0),  # a3: tone 0.0 lies in the bin of exactly zero
        ("OZD", -0.5, 1, 1 / 3), ("OZD", 0.0, 1, 1 / 3), ("OZD", 0.3, 1, 1 / 3),
        ("nd", -0.5, 1, 0.5), ("nd", 0.5, 1, 0.5),
    ]
    assert table.filter(pl.col("outlet") == "nd")["tone_range"].to_list()[4:7] == ["[-0.2, 0)", "0 exactly", "(0, 0.2]"]


@pytest.mark.parametrize(("tone", "centre"), [(-1.0, -0.9), (-0.95, -0.9), (-0.01, -0.1), (0.0, 0.0), (0.01, 0.1),
                                              (0.2, 0.1), (0.99, 0.9), (1.0, 0.9), (1.5, 0.9), (-3.0, -0.9)])
def test_tone_distribution_bins(tone, centre):
    base = small_corpus()
    one = dataclasses.replace(base, sentences=base.sentences.head(1).with_columns(pl.lit(tone).alias("tone")))
    assert compare.tone_distribution(one).filter(pl.col("n_sentences") > 0)["tone_bin"].to_list() == [centre]


def test_quote_modes_count_the_statements_of_each_mode():
    table = compare.quote_modes(small_corpus())
    assert table.filter(pl.col("outlet") == "nd").select("mode", "n_quotes", "share_quotes").rows() == [
        ("direct", 1, 0.5), ("indirect", 1, 0.5), ("interview", 0, 0.0), ("partial", 0, 0.0)]
    actors = compare.quoted_actors(small_corpus())
    for mode in schema.QUOTE_MODES:
        assert table.filter(pl.col("mode") == mode)["n_quotes"].sum() == actors[f"n_{mode}"].sum()


def test_tone_vs_textblob_is_the_sentence_columns_of_tone_by_voice():
    tone = compare.tone_by_voice(small_corpus(), by="outlet_kind")
    assert compare.tone_vs_textblob(small_corpus(), by="outlet_kind").equals(
        tone.select("outlet", "kind", "voice", "n_sentences_dominant", "mean_sentence_tone", "mean_polarity_textblob"))


@pytest.mark.parametrize("by", compare.BY_VALUES)
def test_a_table_made_from_another_is_its_source_reshaped(by):
    analysis = small_corpus()
    derived = {name: spec for name, spec in compare.TABLES.items() if spec.source}
    assert set(derived) == {"tone_vs_textblob", "quote_modes"}
    tables = compare.compare_tables(analysis, by=by)
    for name, spec in derived.items():
        source = compare.TABLES[spec.source]
        assert (spec.supports, spec.default_by) == (source.supports, source.default_by), name
        assert list(compare.TABLES).index(spec.source) < list(compare.TABLES).index(name)  # computed first
        derived_table = with_groups(spec.from_source(source(analysis, by=by), spec.grouping(by)), analysis.articles)
        assert derived_table.equals(spec(analysis, by=by)), name
        assert tables[name].equals(spec(analysis, by=by)), name


# ---- registry and groupings --------------------------------------------------------------------------------------


@pytest.mark.parametrize("by", compare.BY_VALUES)
@pytest.mark.parametrize("period", compare.PERIODS)
def test_every_table_every_grouping(by, period):
    tables = compare.compare_tables(small_corpus(), by=by, period=period)
    assert set(tables) == set(compare.TABLES)
    for name, table in tables.items():
        spec = compare.TABLES[name]
        if by in spec.supports and name != "text_reuse":  # text_reuse: one row per pair of articles
            assert table.columns[: len(compare.group_keys(by))] == compare.group_keys(by), name


@pytest.mark.parametrize("name", list(compare.TABLES))
def test_every_table_on_an_empty_view(name):
    empty = Filter(outlets=("nobody",)).apply(small_corpus())
    table = compare.TABLES[name](empty)
    assert table.height == 0
    full = compare.TABLES[name](small_corpus())
    assert table.schema == full.schema  # same columns and dtypes, even with no rows


def test_registry_descriptions():
    for spec in compare.TABLES.values():
        assert spec.description and spec.description.endswith(".")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: compare.overview(a, by="outlet_kind"), "cannot be grouped"),
        (lambda a: compare.quoted_actors(a, by="speaker"), "cannot be grouped"),
        (lambda a: compare.tone_by_voice(a, by="outlet_date", period="fortnight"), "unknown period"),
        (lambda a: compare.compare_tables(a, by="nonsense"), "cannot group"),
        (lambda a: compare.tone_distribution(a, by="article"), "cannot be grouped"),
        (lambda a: compare.quote_modes(a, by="speaker"), "cannot be grouped"),
    ],
)
def test_bad_grouping_is_refused(call, message):
    with pytest.raises(ConfigError, match=message):
        call(small_corpus())


# ---- properties: row order does not matter, shares add up ----------------------------------------------------------

ARTICLES = ["a1", "a2", "a3"]
SPEAKERS = [("Sergej Lawrow", "Russia"), ("Mark Rutte", "NATO"), (None, None), ("Tilli", None)]


@st.composite
def corpora(draw):
    quotes = []
    for i, (art, (speaker, group), mode, words, start, length) in enumerate(
        draw(
            st.lists(
                st.tuples(
                    st.sampled_from(ARTICLES),
                    st.sampled_from(SPEAKERS),
                    st.sampled_from(schema.QUOTE_MODES),
                    st.integers(1, 40),
                    st.integers(0, 40),  # small offsets: quotes overlap and nest
                    st.integers(1, 20),
                ),
                max_size=25,
            )
        )
    ):
        kind = "reader" if speaker == "Tilli" else "person"
        quotes.append(quote(art, i, 0, speaker, mode, words, group, kind, start=start, end=start + length))
    segments = [
        segment(art, 0, voice, n, tone)
        for art, voice, n, tone in draw(
            st.lists(
                st.tuples(
                    st.sampled_from(ARTICLES),
                    st.sampled_from(schema.VOICES),
                    st.integers(1, 200),
                    st.floats(-1, 1, allow_nan=False),
                ),
                max_size=25,
            )
        )
    ]
    base = small_corpus()
    return dataclasses.replace(
        base,
        quotes=schema.frame(quotes, schema.QUOTES),
        voice_segments=schema.frame(segments, schema.VOICE_SEGMENTS),
    )


def _shuffled(analysis, seed: int):
    rng = random.Random(seed)
    out = {}
    for name in ("articles", "sections", "sentences", "voice_segments", "quotes"):
        df = getattr(analysis, name)
        order = list(range(df.height))
        rng.shuffle(order)
        out[name] = df[order] if order else df
    return dataclasses.replace(analysis, **out)


@settings(max_examples=40, deadline=None)
@given(corpora(), st.integers(0, 2**32), st.sampled_from(compare.BY_VALUES))
def test_aggregates_do_not_depend_on_row_order(corpus, seed, by):
    shuffled = _shuffled(corpus, seed)
    for name, spec in compare.TABLES.items():
        assert_frame_equal(spec(corpus, by=by), spec(shuffled, by=by), check_exact=False, rel_tol=1e-9, abs_tol=1e-12)


def _sums(df: pl.DataFrame, keys: list[str], column: str) -> list[float]:
    return df.filter(pl.col(column).is_not_null()).group_by(keys).agg(pl.col(column).sum())[column].to_list()


@settings(max_examples=40, deadline=None)
@given(corpora(), st.sampled_from(compare.BY_VALUES))
def test_shares_sum_to_one(corpus, by):
    keys = compare.group_keys(by)
    for table in (compare.quoted_actors(corpus, by=by), compare.speaker_groups(corpus, by=by)):
        for column in ("share_of_voice_in_outlet", "share_of_quotes_in_outlet"):
            assert _sums(table, keys, column) == pytest.approx([1.0] * len(_sums(table, keys, column)))
        item = ["speaker", "speaker_group", "speaker_kind"] if "speaker" in table.columns else ["speaker_group"]
        across = _sums(table, item, "share_of_voice_across_outlets")
        assert across == pytest.approx([1.0] * len(across))
        if table.height and table["quoted_words"].sum() > 0:  # with no quoted words every share is empty (null)
            assert table["share_of_all_quoted_words"].sum() == pytest.approx(1.0)
    tone = compare.tone_by_voice(corpus, by=by)
    shares = _sums(tone, keys, "share_chars")
    assert shares == pytest.approx([1.0] * len(shares))
    labelled = tone.filter(pl.col("n_segments") > 0)
    row_sums = labelled.select(pl.sum_horizontal("share_positive", "share_neutral", "share_negative"))
    assert row_sums.to_series().to_list() == pytest.approx([1.0] * labelled.height)
    if by != "outlet_kind":
        overview = compare.overview(corpus, by=by)
        kinds = overview.select(pl.sum_horizontal(*[f"share_{k}" for k in schema.SECTION_KINDS]))
        assert kinds.to_series().to_list() == pytest.approx([1.0] * overview.height)
        assert overview["share_articles"].sum() == pytest.approx(1.0)


# ---- the seed corpus: values a reader can check in data/corpus -------------------------------------------------------

SEEDS = {
    "000": "000_f14cbd76eecdf04c",
    "001": "001_a635648ab04dd885",
    "002": "002_ef3c49121fa61ece",
    "003": "003_d48b7f6f7b1180f8",
    "004": "004_ca560b4285e4ed8d",
}


@pytest.fixture(scope="module")
def seeds():
    from pathlib import Path

    from framing.pipeline import analyze_paths

    corpus = Path(__file__).resolve().parents[2] / "data" / "corpus"
    analysis = analyze_paths([corpus], use_cache=False)
    if analysis.sections.height == 0:
        pytest.skip(f"the analysis pipeline produced no sections yet: {analysis.errors['reason'].to_list()[:1]}")
    return analysis


def test_seeds_overview(seeds):
    table = compare.overview(seeds)
    assert table["n_articles"].sum() == 5
    assert UNKNOWN_OUTLET in table["outlet"].to_list()  # 002 names no outlet: labelled, not dropped
    assert table["share_articles"].sum() == pytest.approx(1.0)


def test_seeds_lawrow_is_quoted_by_nd_and_ozd(seeds):
    table = compare.quoted_actors(seeds).filter(pl.col("speaker").str.contains("Lawrow"))
    by_outlet = dict(table.group_by("outlet").agg(pl.col("n_quotes").sum()).rows())
    assert set(by_outlet) == {"nd", "OZD"}
    assert by_outlet["nd"] == 4  # 000: »kein Treffen geplant«, »bereit, …«, »überhaupt nicht«, »flexibel«
    assert by_outlet["OZD"] >= 1  # 001: „kein Treffen ist geplant“, „bereit, wenn die Agenda fertig ist“


def test_seeds_readers_are_a_voice_not_actors(seeds):
    assert "reader" not in compare.quoted_actors(seeds)["speaker_kind"].to_list()
    voices = compare.tone_by_voice(seeds).filter(pl.col("voice") == "reader")
    assert voices["outlet"].to_list() == ["OZD"]


def test_seeds_only_ozd_has_commentary(seeds):
    table = compare.commentary_profile(seeds)
    assert table.filter(pl.col("n_articles_with_commentary") > 0)["outlet"].to_list() == ["OZD"]
    assert table.filter(pl.col("chars_commentary") > 0)["outlet"].to_list() == ["OZD"]


def test_seeds_000_and_001_share_the_most_text(seeds):
    table = compare.text_reuse(seeds)
    top = table.row(0, named=True)
    assert (top["article_a"], top["article_b"]) == (SEEDS["000"], SEEDS["001"])
    assert (top["outlet_a"], top["outlet_b"]) == ("nd", "OZD")
    assert any("unangekündigten Besuch in Kiew" in p for p in top["passages_a"])


@pytest.mark.parametrize(
    ("filt", "expected"),
    [
        (Filter(date_from=dt.date(2025, 8, 1), date_to=dt.date(2025, 8, 31)), ["000", "001", "002"]),
        (Filter(date_from=dt.date(2025, 8, 1), date_to=dt.date(2025, 8, 31), include_undated=False), ["000", "002"]),
        (Filter(date_from=dt.date(2024, 12, 15), date_to=dt.date(2024, 12, 15), include_undated=False), ["004"]),
        (Filter(outlets=("nd", "OZD")), ["000", "001"]),
        (Filter(text="lesermeinungen"), ["001"]),
    ],
)
def test_seeds_filter(seeds, filt, expected):
    assert sorted(filt.apply(seeds).articles["article_id"].to_list()) == [SEEDS[k] for k in expected]


def test_seeds_every_table_every_grouping(seeds):
    for by in compare.BY_VALUES:
        for name, table in compare.compare_tables(seeds, by=by, period="week").items():
            assert table.height > 0, (by, name)


def test_glossary_names_every_column_of_every_table():
    """The glossary (README.md, and docs/*.md for the tables and columns documented there) explains every column
    of every comparison table."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sections: dict[str, str] = {}
    for page in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for name, body in re.findall(r"^### (\w+)\n(.*?)(?=^### |^## |\Z)", text, flags=re.M | re.S):
            sections[name] = sections.get(name, "") + body
    for by in compare.BY_VALUES:
        for name, table in compare.compare_tables(small_corpus(), by=by).items():
            assert name in sections, name
            documented = set(re.findall(r"`(\w+)`", sections[name]))
            for column in table.columns:
                generic = re.sub(r"^(chars|share)_(" + "|".join(schema.SECTION_KINDS) + ")$", r"\1_<kind>", column)
                assert column in documented or generic in sections[name], (name, column)


def test_compare_tables_skips_and_times_tables_on_request():
    timings: dict[str, float] = {}
    tables = compare.compare_tables(small_corpus(), skip=("text_reuse", "outlet_reuse"), timings=timings)
    assert "text_reuse" not in tables and "outlet_reuse" not in tables and "overview" in tables
    assert set(timings) == set(tables) | {compare.PREPARING} and all(t >= 0 for t in timings.values())
    every = compare.compare_tables(small_corpus())
    for name, table in tables.items():
        assert table.equals(every[name]), name  # skipping changes no other table
