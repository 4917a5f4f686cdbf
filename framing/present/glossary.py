"""The glossary: what each analysis table, comparison table, column and dashboard term means, read from
`data/glossary.toml`.

One source for two readers: the dashboard's glossary expanders (`items`) and the documentation's glossary of the
tables in docs/tables.md (`docs_section`, written into it by `python -m framing.present.glossary` in a checkout).
Nothing here imports Streamlit.
"""

from __future__ import annotations

import re
import sys
import textwrap
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from framing import resources, schema

SOURCE = resources.data_path("glossary.toml")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "tables.md"  # in a checkout; an installed package has none
DOCS_START = ("<!-- The tables below are generated from data/glossary.toml by `python -m framing.present.glossary`: "
              "edit them there. -->")
DOCS_END = "<!-- End of the generated glossary. -->"
WIDTH = 115  # the documentation's line length


@dataclass(frozen=True)
class Entry:
    """One line of a table's glossary: the columns it explains (`<kind>` for every section kind) and the text."""

    names: tuple[str, ...]
    text: str

    def columns(self) -> set[str]:
        """The column names this entry explains, `<kind>` spelled out."""
        out = set()
        for name in self.names:
            kinds = schema.SECTION_KINDS if "<kind>" in name else ("",)
            out.update(name.replace("<kind>", kind) for kind in kinds)
        return out


@dataclass(frozen=True)
class TableGlossary:
    intro: str
    entries: tuple[Entry, ...]

    def entry(self, column: str) -> Entry | None:
        return next((e for e in self.entries if column in e.columns()), None)


@dataclass(frozen=True)
class Glossary:
    tables: dict[str, TableGlossary]  # the comparison tables (framing.aggregate.tables.TABLES)
    terms: dict[str, str]
    analysis: dict[str, TableGlossary]  # the tables framing analyze writes (framing.schema)


def _text(raw: str) -> str:
    """A text of the source as one line (its line breaks are spaces)."""
    return " ".join(raw.split())


@cache
def load(path: Path = SOURCE) -> Glossary:
    """The glossary source, parsed once."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))

    def tables(section: dict) -> dict[str, TableGlossary]:
        return {
            name: TableGlossary(
                intro=_text(table["intro"]),
                entries=tuple(Entry(tuple(n.strip() for n in names.split(",")), _text(text))
                              for names, text in table["columns"].items()),
            )
            for name, table in section.items()
        }

    return Glossary(tables(data["tables"]), {term: _text(text) for term, text in data["terms"].items()},
                    tables(data.get("analysis", {})))


def items(*keys: str) -> list[tuple[str, str]]:
    """(label, text) for the dashboard: a key is a term ("Tone") or a table's column ("tone_by_voice.mean_tone",
    labelled with every column its entry explains). An unknown key raises KeyError."""
    glossary = load()
    out = []
    for key in keys:
        if key in glossary.terms:
            out.append((key, glossary.terms[key]))
            continue
        table, _, column = key.partition(".")
        entry = glossary.tables[table].entry(column) if table in glossary.tables else None
        if entry is None:
            raise KeyError(f"{key!r} is neither a term nor a table column of {SOURCE.name}")
        out.append((", ".join(entry.names), entry.text))
    return out


def _wrap(text: str) -> str:
    return textwrap.fill(text, WIDTH, break_long_words=False, break_on_hyphens=False)


def _table(name: str, table: TableGlossary, level: str = "###") -> str:
    rows = "\n".join(f"| {', '.join(f'`{n}`' for n in e.names)} | {e.text.replace('|', '&#124;')} |"
                     for e in table.entries)
    return f"{level} {name}\n\n{_wrap(table.intro)}\n\n| column | what it is |\n|---|---|\n{rows}"


def docs_section() -> str:
    """The documentation's glossary between its two marker comments: the analysis tables (in schema order), the
    comparison tables (in the order of the registry) and the dashboard's terms."""
    from framing.aggregate.tables import TABLES

    glossary = load()
    parts = [DOCS_START, "## The analysis tables (`framing analyze --out DIR`)",
             "Offsets (`start`, `end`, `*_start`, `*_end`) are character offsets into the article's `text`, end "
             "exclusive."]
    parts += [_table(name, table) for name, table in glossary.analysis.items()]
    parts.append("## The comparison tables (`framing compare`, the dashboard's charts and downloads)")
    parts += [_table(name, glossary.tables[name]) for name in TABLES]
    terms = "\n".join(textwrap.fill(f"- **{term}**: {text}", WIDTH, subsequent_indent="  ", break_long_words=False,
                                    break_on_hyphens=False) for term, text in glossary.terms.items())
    parts.append(f"## Terms in the dashboard\n\nThe glossary under each view of the dashboard explains these "
                 f"terms and some of the columns above.\n\n{terms}")
    parts.append(DOCS_END)
    return "\n\n".join(parts) + "\n"


_BLOCK = re.compile(re.escape(DOCS_START) + r".*?" + re.escape(DOCS_END) + r"\n", flags=re.S)


def docs_block(text: str) -> str | None:
    """The generated part of a document's text, as it stands (None when its markers are missing)."""
    found = _BLOCK.search(text)
    return found.group(0) if found else None


def with_docs_section(text: str) -> str:
    """The document with its generated part replaced by what the source generates now."""
    if docs_block(text) is None:
        raise ValueError(f"the document has no generated glossary (the line {DOCS_START!r} is missing)")
    return _BLOCK.sub(lambda _: docs_section(), text, count=1)


if __name__ == "__main__":  # python -m framing.present.glossary: rewrite the generated glossary of docs/tables.md
    before = DOCS.read_text(encoding="utf-8")
    after = with_docs_section(before)
    DOCS.write_text(after, encoding="utf-8")
    print("docs/tables.md glossary " + ("unchanged" if after == before else "rewritten"), file=sys.stderr)
