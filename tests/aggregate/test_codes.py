"""The integer-code fast path gives exactly the tables and searches of the string ids."""

from __future__ import annotations

import pytest

from framing.aggregate import codes
from framing.aggregate.filters import Filter
from framing.aggregate.tables import TABLES

from tests.helpers.frames import small_corpus


def test_integer_ids_give_the_same_tables():
    analysis = small_corpus()
    fast, ids = codes.encode_ids(analysis)
    for name in ("overview", "section_composition", "tone_by_voice", "tone_vs_textblob", "tone_distribution",
                 "quoted_actors", "speaker_groups", "quote_modes", "commentary_profile"):
        assert TABLES[name](fast).equals(TABLES[name](analysis)), name
    assert codes.decode_ids(TABLES["most_opinionated"](fast), ids).equals(TABLES["most_opinionated"](analysis))
    for flt in (Filter(outlets=("nd",)), Filter(section_kinds=("commentary",)), Filter(voices=("quoted",))):
        assert TABLES["overview"](flt.apply(fast)).equals(TABLES["overview"](flt.apply(analysis)))
    for needle in ("rutte", "Lawrow", "nothing like this"):
        expected = analysis.articles.filter(Filter(text=needle).article_mask())["article_id"].to_list()
        assert codes.decode_ids(codes.search(analysis, needle), ids)["article_id"].to_list() == expected


@pytest.mark.parametrize("flt", [Filter(text="rutte"), Filter(text="Lawrow", outlets=("nd", "OZD")),
                                 Filter(text="rutte", section_kinds=("reporting",), voices=("quoted",)),
                                 Filter(text="nothing like this"), Filter(outlets=("OZD",))])
def test_a_search_answered_once_gives_the_tables_of_the_filter_itself(flt):
    analysis = small_corpus()
    fast, ids = codes.encode_ids(analysis)
    matches = codes.search(analysis, flt.text) if flt.text else None
    got = codes.apply_searched(fast, flt, matches)
    want = flt.apply(analysis)
    assert codes.decode_ids(got.articles, ids)["article_id"].equals(want.articles["article_id"])
    for name, spec in TABLES.items():
        if name != "text_reuse":  # text reuse reads the real text: the dashboard runs it on the string ids
            assert codes.decode_ids(spec(got), ids).equals(spec(want)), name
