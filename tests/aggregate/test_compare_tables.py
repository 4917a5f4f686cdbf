"""`compare_tables` as `framing compare` runs it: the same tables as each table's own function on the analysis, the
text reuse between outlets from the article text itself."""

from __future__ import annotations

import pytest

from framing.aggregate import tables as compare
from framing.aggregate.reuse_matrix import reuse_by_outlet

from tests.helpers.frames import article, make_analysis

SHARED = ("Die Agentur meldet am Morgen dass der Gipfel in Genf ohne eine gemeinsame Erklärung der beiden "
          "Delegationen zu Ende gegangen ist und beide Seiten weitere Gespräche im Herbst angekündigt haben")
OTHER = ("Ganz anders schreibt die Zeitung heute vom Markt auf dem Platz wo Bauern Gemüse Obst Käse Brot und "
         "Blumen verkaufen während Kinder spielen und Musiker bis spät in den warmen Abend hinein Lieder singen")


def reuse_corpus(second: str):
    """Two outlets: nd runs SHARED, OZD runs `second` (with as many words, so a text's word count alone tells the
    two apart from nothing)."""
    return make_analysis(articles=[article("a1", "nd", "2025-08-22", text=SHARED),
                                   article("a2", "OZD", "2025-08-23", text=second)])


@pytest.mark.parametrize("by", ["outlet", "outlet_date", "outlet_kind", "article"])
@pytest.mark.parametrize(("second", "rows"), [(SHARED, 2), (OTHER, 0)])  # the same agency copy; unrelated texts
def test_outlet_reuse_is_found_in_the_text_whatever_the_grouping(by, second, rows):
    analysis = reuse_corpus(second)
    table = compare.compare_tables(analysis, by=by)["outlet_reuse"]
    assert table.height == rows
    assert table.equals(compare.TABLES["outlet_reuse"](analysis, by="outlet"))
    assert table.drop("group").equals(reuse_by_outlet(analysis))


@pytest.mark.parametrize(("second", "groups"), [(SHARED, 1), (OTHER, 0)])  # both outlets in "(no group)"
def test_outlet_reuse_per_group(second, groups):
    analysis = reuse_corpus(second)
    table = compare.compare_tables(analysis, by="group")["outlet_reuse"]
    assert table.columns[0] == "group" and table.height == groups
    assert table.equals(compare.TABLES["outlet_reuse"](analysis, by="group"))
