"""The glossary has one source (data/glossary.toml): docs/tables.md's glossary of the tables is what it generates,
and it explains every column of every analysis table (framing.schema) and of every table of the registry (the
dashboard's pages read it: tests/app/test_pages.py)."""

from __future__ import annotations

import pytest

from framing.aggregate.tables import BY_VALUES, TABLES, compare_tables
from framing import schema
from framing.present import glossary

from tests.helpers import ROOT
from tests.helpers.frames import small_corpus

def test_the_docs_glossary_is_what_the_source_generates():
    docs = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert glossary.docs_block(docs) == glossary.docs_section(), (
        "docs/tables.md's glossary differs from data/glossary.toml: run `python -m framing.present.glossary`")


ANALYSIS_TABLES = schema.ANALYSIS_TABLES


def test_every_column_of_every_analysis_table_has_an_entry_and_every_entry_a_column():
    source = glossary.load()
    assert set(source.analysis) == set(ANALYSIS_TABLES)
    for name, columns in ANALYSIS_TABLES.items():
        documented = set().union(*(entry.columns() for entry in source.analysis[name].entries))
        assert set(columns) - documented == set(), (name, "columns without an entry")
        assert documented - set(columns) == set(), (name, "entries of columns the table does not have")


def test_every_column_of_every_table_has_an_entry_and_every_entry_a_column():
    produced: dict[str, set[str]] = {name: set() for name in TABLES}
    for by in BY_VALUES:
        for name, table in compare_tables(small_corpus(), by=by).items():
            produced[name].update(table.columns)
    source = glossary.load()
    assert list(source.tables) == list(TABLES)  # the README lists them in the registry's order
    for name, columns in produced.items():
        documented = set().union(*(entry.columns() for entry in source.tables[name].entries))
        assert columns - documented == set(), (name, "columns without an entry")
        assert documented - columns == set(), (name, "entries of columns the table does not have")


@pytest.mark.parametrize(("key", "label"), [
    ("Tone", "Tone"),
    ("tone_by_voice.mean_tone", "mean_tone"),
    ("tone_by_voice.share_neutral", "share_positive, share_neutral, share_negative"),
    ("overview.chars_commentary", "chars_<kind>"),
])
def test_items(key, label):
    [(shown, text)] = glossary.items(key)
    assert shown == label and text and "\n" not in text


@pytest.mark.parametrize("key", ["No such term", "tone_by_voice.no_such_column", "no_table.mean_tone", "tone"])
def test_an_unknown_key_is_refused(key):
    with pytest.raises(KeyError):
        glossary.items(key)


def test_a_document_without_the_markers_is_refused():
    with pytest.raises(ValueError, match="no generated glossary"):
        glossary.with_docs_section("# a document\n")
    text = f"before\n\n{glossary.DOCS_START}\nold text\n{glossary.DOCS_END}\n\nafter\n"
    assert glossary.with_docs_section(text) == f"before\n\n{glossary.docs_section()}\nafter\n"
