"""Column names of spreadsheet exports and JSON records: the names the loader reads (`text`, `outlet`, `date`, …)
and the other names exports give them — German (`Inhalt`, `Medium`, `Datum`, `Titel`) and those of common
archives (`Publication`, `media_name`, `Headline`). A name is read as its field only when the field's own name is
absent, and only the first of its other names found counts, so no column is ever read twice.
"""

from __future__ import annotations

from collections.abc import Iterable

# field -> the other names it goes by in exports (lower case, compared after stripping spaces)
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("inhalt", "artikeltext", "volltext", "fulltext", "full_text", "body", "content", "article_text",
             "artikel", "meldung"),
    "outlet": ("medium", "zeitung", "publikation", "publication", "media_name", "medienname", "quelle", "source",
               "herausgeber", "publisher", "outlet_name", "site_name", "website"),
    "date": ("datum", "veröffentlicht", "veroeffentlicht", "veröffentlichungsdatum", "erscheinungsdatum",
             "publish_date", "published", "publication_date", "pubdate", "date_published", "publish_at"),
    "title": ("titel", "überschrift", "ueberschrift", "schlagzeile", "headline"),
    "url": ("link", "adresse", "webadresse", "web_url"),
    "agency": ("agentur", "nachrichtenagentur"),
    "article_id": ("artikel_id", "artikelnummer", "dokument_id", "document_id"),
}
TEXT_NAMES = frozenset(("text", *OTHER_NAMES["text"]))


def canonical(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """The names as the loader reads them (each other name replaced by its field where the field's own name is
    absent) and a note per replacement ("'Medium' read as outlet")."""
    names = list(names)
    keys = [n.strip().lower() for n in names]
    out, notes = list(keys), []
    for field, others in OTHER_NAMES.items():
        if field in keys:
            continue
        for i, key in enumerate(keys):
            if key in others:
                out[i] = field
                notes.append(f"'{names[i].strip()}' read as {field}")
                break
    return out, notes


_ALL_OTHERS = frozenset(n for names in OTHER_NAMES.values() for n in names)


def canonical_record(record: dict) -> dict:
    """A JSON record with its other names read as fields (see `canonical`); other keys as they are."""
    keys = [k for k in record if isinstance(k, str)]
    if not any(k.strip().lower() in _ALL_OTHERS for k in keys):
        return record
    mapped, _ = canonical(keys)
    renamed = {k: m for k, m in zip(keys, mapped) if m != k.strip().lower()}
    return {renamed.get(k, k): v for k, v in record.items()}
