"""The filter value: what it keeps, what it says, and how it travels through the URL."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import schema
from framing.errors import ConfigError
from framing.aggregate.filters import UNKNOWN_OUTLET, Filter, resolve_outlets

from tests.helpers.frames import small_corpus

D = dt.date


@pytest.mark.parametrize(
    ("filt", "sentence"),
    [
        (Filter(), "all outlets, all dates"),
        (
            Filter(outlets=("nd", "OZD"), section_kinds=("commentary",), date_from=D(2025, 8, 1), date_to=D(2025, 8, 31)),
            "nd and OZD, commentary only, 2025-08-01 to 2025-08-31, undated included",
        ),
        (Filter(outlets=("a", "b", "c")), "a, b and c, all dates"),
        (Filter(date_from=D(2025, 1, 1), include_undated=False), "all outlets, from 2025-01-01, undated excluded"),
        (Filter(date_to=D(2025, 1, 1)), "all outlets, until 2025-01-01, undated included"),
        (Filter(include_undated=False), "all outlets, all dates, undated excluded"),
        (Filter(voices=("journalist",)), "all outlets, journalist voice only, all dates"),
        (Filter(voices=("journalist", "quoted")), "all outlets, journalist and quoted voices only, all dates"),
        (Filter(section_kinds=("reader_comment",)), "all outlets, reader comment only, all dates"),
        (Filter(speakers=("Sergej Lawrow",)), "all outlets, quotes by Sergej Lawrow, all dates"),
        (Filter(speaker_groups=("Russia", "USA")), "all outlets, quotes from Russia and USA, all dates"),
        (Filter(text="  Kiew "), 'all outlets, text contains "Kiew", all dates'),
    ],
)
def test_describe(filt, sentence):
    assert filt.describe() == sentence


def _ids(analysis):
    return sorted(analysis.articles["article_id"].to_list())


@pytest.mark.parametrize(
    ("filt", "articles"),
    [
        (Filter(), ["a1", "a2", "a3"]),
        (Filter(outlets=("nd",)), ["a1"]),
        (Filter(outlets=(UNKNOWN_OUTLET,)), ["a3"]),
        (Filter(outlets=("nobody",)), []),
        # a2 is undated: kept by default, dropped when undated articles are excluded
        (Filter(date_from=D(2025, 8, 1), date_to=D(2025, 8, 31)), ["a1", "a2"]),
        (Filter(date_from=D(2025, 8, 1), date_to=D(2025, 8, 31), include_undated=False), ["a1"]),
        (Filter(include_undated=False), ["a1", "a3"]),
        # a3 is "2024-12" (month precision): any overlap with the month keeps it
        (Filter(date_from=D(2024, 12, 31), date_to=D(2024, 12, 31), include_undated=False), ["a3"]),
        (Filter(date_from=D(2025, 1, 1), date_to=D(2025, 8, 21), include_undated=False), []),
        (Filter(date_to=D(2024, 11, 30), include_undated=False), []),
        (Filter(date_from=D(2025, 8, 22), include_undated=False), ["a1"]),
        # text search: case-insensitive, over title and text, literal (no regex)
        (Filter(text="lawrow"), ["a1"]),
        (Filter(text="BRÜSSEL"), ["a3"]),
        (Filter(text="Nato"), ["a3"]),  # only in a3's title
        (Filter(text="."), ["a1", "a2", "a3"]),
        (Filter(text=".*"), []),
    ],
)
def test_apply_selects_articles(filt, articles):
    assert _ids(filt.apply(small_corpus())) == articles


def test_apply_restricts_all_tables_to_kept_articles():
    out = Filter(outlets=("nd",)).apply(small_corpus())
    for table in (out.sections, out.sentences, out.voice_segments, out.quotes):
        assert set(table["article_id"]) == {"a1"}


def test_section_kinds_restrict_sections_sentences_segments_and_quotes():
    out = Filter(section_kinds=("commentary",)).apply(small_corpus())
    assert out.sections["kind"].to_list() == ["commentary"]
    assert out.sentences["kind"].to_list() == ["commentary"]
    assert out.voice_segments.select("article_id", "sentence_id").rows() == [("a2", 1)]
    assert out.quotes.height == 0  # no quote lies in a commentary section
    out = Filter(section_kinds=("reader_comment",)).apply(small_corpus())
    assert out.quotes["speaker"].to_list() == ["Tilli"]
    assert _ids(out) == ["a1", "a2", "a3"]  # articles stay: kinds select parts of articles


@pytest.mark.parametrize(
    ("voices", "sentence_voices", "segment_voices", "quote_speakers"),
    [
        (("journalist",), {"journalist"}, {"journalist"}, []),
        (("quoted",), {"quoted"}, {"quoted"}, ["Mark Rutte", "Mark Rutte", "Sergej Lawrow", "Sergej Lawrow", "Sergej Lawrow"]),
        (("reader",), {"reader"}, {"reader"}, ["Tilli"]),
    ],
)
def test_voices(voices, sentence_voices, segment_voices, quote_speakers):
    out = Filter(voices=voices).apply(small_corpus())
    assert set(out.sentences["voice"]) == sentence_voices
    assert set(out.voice_segments["voice"]) == segment_voices
    assert sorted(out.quotes["speaker"]) == quote_speakers


def test_speakers_and_groups_restrict_quotes_only():
    corpus = small_corpus()
    out = Filter(speakers=("Sergej Lawrow",)).apply(corpus)
    assert out.quotes.select("article_id").to_series().to_list() == ["a1", "a1", "a2"]
    assert out.sentences.height == corpus.sentences.height
    out = Filter(speaker_groups=("NATO",)).apply(corpus)
    assert sorted(out.quotes["speaker"]) == ["Mark Rutte", "Mark Rutte"]
    assert Filter(speakers=("Nobody",)).apply(corpus).quotes.height == 0


def test_apply_keeps_schemas():
    out = Filter(outlets=("nobody",), voices=("reader",), section_kinds=("analysis",)).apply(small_corpus())
    assert dict(out.articles.schema) == schema.ARTICLES
    assert dict(out.sections.schema) == schema.SECTIONS
    assert dict(out.sentences.schema) == schema.SENTENCES
    assert dict(out.voice_segments.schema) == schema.VOICE_SEGMENTS
    assert dict(out.quotes.schema) == schema.QUOTES


def test_empty_filter_returns_analysis_unchanged():
    corpus = small_corpus()
    assert Filter().apply(corpus) is corpus


# ---- URL round trip ----------------------------------------------------------------------------------------------

text = st.text(min_size=0, max_size=12)
names = st.lists(text, max_size=4).map(tuple)
dates = st.none() | st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))

filters = st.builds(
    Filter,
    outlets=names,
    date_from=dates,
    date_to=dates,
    include_undated=st.booleans(),
    section_kinds=st.lists(st.sampled_from(schema.SECTION_KINDS), max_size=3).map(tuple),
    voices=st.lists(st.sampled_from(schema.VOICES), max_size=3).map(tuple),
    speakers=names,
    speaker_groups=names,
    text=text,
)


@settings(max_examples=200, deadline=None)
@given(filters)
def test_query_params_round_trip(filt):
    params = filt.to_query_params()
    assert all(isinstance(v, (str, list)) for v in params.values())
    assert Filter.from_query_params(params) == filt
    assert Filter.from_query_params(params).describe() == filt.describe()


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["outlet", "from", "to", "undated", "kind", "voice", "speaker", "group", "q", "junk"]),
        st.one_of(text, st.lists(text, max_size=3), st.integers(), st.none(), st.binary(max_size=5)),
    )
)
def test_query_params_junk_never_raises(params):
    filt = Filter.from_query_params(params)
    assert set(filt.section_kinds) <= set(schema.SECTION_KINDS)
    assert set(filt.voices) <= set(schema.VOICES)
    filt.describe()
    filt.apply(small_corpus())


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Filter()),
        (None, Filter()),
        ({"from": "2025-13-01"}, Filter()),
        ({"from": "yesterday", "to": "2025-08-31"}, Filter(date_to=D(2025, 8, 31))),
        ({"kind": ["commentary", "nonsense"]}, Filter(section_kinds=("commentary",))),
        ({"kind": "commentary"}, Filter(section_kinds=("commentary",))),
        ({"voice": ["Journalist"]}, Filter()),
        ({"undated": "0"}, Filter(include_undated=False)),
        ({"undated": "false"}, Filter(include_undated=False)),
        ({"undated": "maybe"}, Filter()),
        ({"outlet": ["nd", "nd", ""]}, Filter(outlets=("nd",))),
    ],
)
def test_from_query_params_table(params, expected):
    assert Filter.from_query_params(params) == expected


def test_from_cli_parses_and_refuses_bad_values():
    filt = Filter.from_cli(outlets=["nd"], date_from="2025-08-01", date_to="2025-08-31", section_kinds=["commentary"])
    assert filt == Filter(outlets=("nd",), date_from=D(2025, 8, 1), date_to=D(2025, 8, 31), section_kinds=("commentary",))
    with pytest.raises(ConfigError, match="not a date"):
        Filter.from_cli(date_from="22.08.2025")
    with pytest.raises(ConfigError, match="unknown section kind"):
        Filter.from_cli(section_kinds=["kommentar"])
    with pytest.raises(ConfigError, match="unknown voice"):
        Filter.from_cli(voices=["author"])
    with pytest.raises(ConfigError, match="after"):
        Filter.from_cli(date_from="2025-09-01", date_to="2025-08-01")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], Filter()),
        (
            ["--outlet", "nd", "--outlet", "OZD", "--kind", "commentary", "--from", "2025-08-01", "--to", "2025-08-31"],
            Filter(outlets=("nd", "OZD"), section_kinds=("commentary",), date_from=D(2025, 8, 1), date_to=D(2025, 8, 31)),
        ),
        (["--no-undated", "--voice", "quoted", "--speaker", "Sergej Lawrow"], Filter(include_undated=False, voices=("quoted",), speakers=("Sergej Lawrow",))),
        (["--group", "Russia", "--search", "Kiew"], Filter(speaker_groups=("Russia",), text="Kiew")),
    ],
)
def test_cli_arguments(argv, expected):
    import argparse

    from framing.aggregate.filters import add_filter_arguments

    parser = argparse.ArgumentParser()
    add_filter_arguments(parser)
    assert Filter.from_cli(parser.parse_args(argv)) == expected


def test_filter_options():
    from framing.aggregate.filters import filter_options

    opts = filter_options(small_corpus())
    assert opts.outlets == ("OZD", "nd", UNKNOWN_OUTLET)  # the unknown outlet last
    assert opts.section_kinds == ("reporting", "commentary", "reader_comment")
    assert opts.voices == ("journalist", "quoted", "reader")
    assert opts.speakers == ("Sergej Lawrow", "Tilli", "Mark Rutte")  # by quoted words: 12, 10, 8
    assert opts.speaker_groups == ("NATO", "Russia")
    assert (opts.date_min, opts.date_max, opts.n_undated) == (D(2024, 12, 1), D(2025, 8, 22), 1)
    empty = filter_options(Filter(outlets=("nobody",)).apply(small_corpus()))
    assert empty.outlets == () and empty.date_min is None and empty.n_undated == 0


@settings(max_examples=100, deadline=None)
@given(filters)
def test_apply_is_consistent(filt):
    """Every row of a filtered table belongs to a kept article; every kept quote lies in a kept section."""
    out = filt.apply(small_corpus())
    kept = set(out.articles["article_id"])
    for table in (out.sections, out.sentences, out.voice_segments, out.quotes):
        assert set(table["article_id"]) <= kept
    sections = set(out.sections.select("article_id", "section_id").rows())
    assert set(out.quotes.select("article_id", "section_id").rows()) <= sections
    sentences = set(out.sentences.select("article_id", "sentence_id").rows())
    if not filt.voices:
        assert set(out.voice_segments.select("article_id", "sentence_id").rows()) <= sentences


def test_from_query_params_reads_repeated_keys_with_get_all():
    class StreamlitLike(dict):
        """Like st.query_params: get() gives the last value of a repeated key, get_all() all of them."""

        def get(self, key, default=None):
            values = super().get(key)
            return values[-1] if values else default

        def get_all(self, key):
            return list(super().get(key, []))

    params = StreamlitLike({"outlet": ["nd", "OZD"], "kind": ["commentary"], "undated": ["0"]})
    assert Filter.from_query_params(params) == Filter(
        outlets=("nd", "OZD"), section_kinds=("commentary",), include_undated=False
    )


@pytest.mark.parametrize("named, written", [
    (["SZ"], ("SZ",)),  # as the tables write it
    (["sz", "apolut"], ("SZ", "Apolut")),  # another case
    (["sueddeutsche.de"], ("SZ",)), (["www.sueddeutsche.de"], ("SZ",)),  # an alias, a domain
    (["Süddeutsche Zeitung", "SZ"], ("SZ",)),  # outlets.csv's outlet with a label: the label, once
])
def test_resolve_outlets_writes_the_names_the_tables_use(named, written):
    from framing.load.outlets import read_outlets

    listed = read_outlets([_outlets_csv()])
    flt = Filter.from_cli(outlets=named)
    assert resolve_outlets(flt, ["SZ", "Apolut", "taz"], listed).outlets == written


@pytest.mark.parametrize("named", [["Sueddeutsche Zeitung"], ["SZ", "Bild"], ["sueddeutsche.de"]])
def test_resolve_outlets_refuses_a_name_no_article_has(named):
    listed = None  # without an outlets.csv an alias is no name of the corpus
    with pytest.raises(ConfigError, match=r"no article has the outlet '[^']+'; the outlets are: Apolut, SZ, taz"):
        resolve_outlets(Filter.from_cli(outlets=named), ["SZ", "Apolut", "taz"], listed)


def test_resolve_outlets_leaves_a_filter_without_outlets_alone():
    flt = Filter.from_cli(date_from="2024-01-01")
    assert resolve_outlets(flt, [], None) is flt


def _outlets_csv():
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "outlets.csv"
    path.write_text("outlet,group,aliases,label\nSüddeutsche Zeitung,established,SZ|sueddeutsche.de,SZ\n"
                    "Apolut,alternative,apolut.net,\n", encoding="utf-8")
    return path
