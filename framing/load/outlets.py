"""Outlets as the user knows them: an `outlets.csv` in, one outlet name and group per article out.

In: the user's outlet table (columns `outlet`, `group`, `aliases` — `|`-separated other spellings, site names and
domains — and optionally `label`, the name shown), found in a corpus folder or given with `--outlets FILE` /
FRAMING_OUTLETS. Out: `OutletTable`, which resolves any outlet candidate the loader found (a manifest cell, a
byline, an HTML site name, the article's address) to one outlet and its group. Names match case-insensitively and
as `normalise_outlet` writes them, so `Süddeutsche.de`, `www.sueddeutsche.de` and `sueddeutsche.de` are one key.

Wire agencies (data/agencies.csv) are never outlets: an article whose only outlet candidate is an agency name
(`dpa-AFX` from a dateline) is agency copy; with no outlet known it is shown as AGENCY_COPY. A malformed table
(no `outlet` column, one alias given to two outlets, not UTF-8) raises ConfigError saying what to fix.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from framing.errors import ConfigError, InputError
from framing.load.html import domain_of, normalise_outlet
from framing.load.metadata import _agency_in
from framing.load.sources import MB, open_regular

OUTLETS_NAME = "outlets.csv"
OUTLETS_ENV = "FRAMING_OUTLETS"
AGENCY_COPY = "(agency copy)"  # the outlet of wire copy whose publishing outlet is unknown
MAX_BYTES = 16 * MB


def outlet_key(name: str | None) -> str | None:
    """The key a name is matched by: as normalise_outlet writes it (a domain without `www.`), case-folded."""
    normal = normalise_outlet(name)
    return normal.casefold() if normal else None


@dataclass(frozen=True)
class Outlet:
    name: str  # the name shown: `label` where given, else `outlet`
    group: str | None
    aliases: tuple[str, ...]  # every spelling that names it (its outlet and label included)


@dataclass(frozen=True)
class Resolved:
    outlet: str | None
    group: str | None
    agency: str | None
    note: str | None  # how the outlet was decided, for the provenance column; None when nothing changed


@dataclass(frozen=True)
class OutletTable:
    outlets: tuple[Outlet, ...] = ()
    keys: tuple[tuple[str, int], ...] = ()  # (outlet_key of an alias, index into outlets)
    source: str = ""

    def find(self, name: str | None) -> Outlet | None:
        """The listed outlet a name (or domain) stands for, or None."""
        key = outlet_key(name)
        if key is None:
            return None
        index = dict(self.keys).get(key)
        return None if index is None else self.outlets[index]

    def resolve(self, outlet: str | None, url: str | None = None, agency: str | None = None) -> Resolved:
        """One outlet and its group for an article's outlet candidate, address and credited agency."""
        listed = self.find(outlet)
        if listed is not None:
            note = None if listed.name == outlet else f"outlet {listed.name} for {outlet!r} from {self.source}"
            return Resolved(listed.name, listed.group, agency, note)
        by_address = self.find(domain_of(url)) if url else None
        wire = _agency_in(outlet) if outlet else None
        if by_address is not None and (outlet is None or wire is not None):
            return Resolved(by_address.name, by_address.group, agency or wire,
                            f"outlet {by_address.name} from the address ({domain_of(url)}) by {self.source}")
        if wire is not None:
            return Resolved(AGENCY_COPY, None, agency or wire,
                            f"{outlet!r} is a wire agency, not an outlet: shown as {AGENCY_COPY} (agency {wire}); "
                            f"name its outlet in the manifest or in {OUTLETS_NAME}")
        return Resolved(outlet, None, agency, None)


NO_OUTLETS = OutletTable()


def _cells(row: dict, name: str) -> str:
    return (row.get(name) or "").strip()


def read_outlets(paths: Iterable[str | Path]) -> OutletTable:
    """One table from the outlets files given; ConfigError naming the file, the line and the fix when a file is
    malformed or two outlets share an alias. A later file adds outlets, and a row of it that names an outlet of an
    earlier file (by its outlet, label or an alias: the dashboard's uploads folder) adds aliases to that outlet and
    sets its group."""
    outlets: list[Outlet] = []
    keys: dict[str, tuple[int, str]] = {}  # key -> (index, where it was given)
    sources: list[str] = []
    for path in paths:
        path = Path(path)
        sources.append(path.name)
        earlier = {key: index for key, (index, where) in keys.items()}  # the outlets of the files before this one
        for number, row in _rows(path):
            name = _cells(row, "outlet")
            if not name:
                raise ConfigError(f"{path} line {number}: the outlet cell is empty; give every row an outlet name "
                                  "(or delete the row)")
            label = _cells(row, "label") or name
            aliases = tuple(dict.fromkeys([label, name, *(a.strip() for a in _cells(row, "aliases").split("|")
                                                          if a.strip())]))
            found = next((i for i, o in enumerate(outlets) if o.name == label), None)
            if found is None and not _cells(row, "label"):
                found = earlier.get(outlet_key(name) or "")
            if found is not None:
                label = outlets[found].name
            index = len(outlets) if found is None else found
            outlet = Outlet(label, _cells(row, "group") or None, aliases)
            if found is None:
                outlets.append(outlet)
            else:  # the same outlet listed again (in a later file): its aliases are added, its group set
                old = outlets[found]
                outlets[found] = Outlet(old.name, outlet.group or old.group, tuple(dict.fromkeys(old.aliases + aliases)))
            for alias in aliases:
                key = outlet_key(alias)
                if key is None:
                    continue
                taken = keys.get(key)
                if taken is not None and taken[0] != index:
                    raise ConfigError(f"{path} line {number}: {alias!r} names two outlets, "
                                      f"{outlets[taken[0]].name!r} ({taken[1]}) and {label!r}; give each alias to "
                                      "one outlet only")
                keys[key] = (index, f"{path.name} line {number}")
    return OutletTable(tuple(outlets), tuple((k, i) for k, (i, _) in keys.items()), " and ".join(sources))


def _rows(path: Path) -> list[tuple[int, dict]]:
    try:
        with open_regular(path) as fh:
            raw = fh.read(MAX_BYTES + 1)
    except (OSError, InputError) as exc:  # NotRegular is an InputError: here it is a configuration error
        raise ConfigError(f"the outlets file {path} cannot be read: {exc}") from exc
    if len(raw) > MAX_BYTES:
        raise ConfigError(f"the outlets file {path} is larger than {MAX_BYTES // MB} MB; it should list outlets, "
                          "one a line")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"the outlets file {path} is not UTF-8 (byte {exc.start} cannot be read); save it as "
                          "UTF-8 (in a spreadsheet: 'CSV UTF-8')") from None
    from framing.load.readers import sniff_dialect

    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=sniff_dialect(text[:65536], "outlet"))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "outlet" not in fields:
        raise ConfigError(f"the outlets file {path} has no 'outlet' column (its header is {', '.join(fields) or 'empty'}); "
                          "its first line must name the columns outlet,group,aliases (and optionally label)")
    reader.fieldnames = fields
    return [(number, row) for number, row in enumerate(reader, start=2) if any((v or "").strip() for v in row.values()
                                                                           if isinstance(v, str))]


def outlets_files(found: Iterable[Path], given: str | Path | None = None) -> list[Path]:
    """The outlets files a load uses: the one given (`--outlets`, else FRAMING_OUTLETS) instead of those found in
    the corpus folders, else those found."""
    explicit = given if given is not None else (os.environ.get(OUTLETS_ENV, "").strip() or None)
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"the outlets file {path} does not exist; give the path of an {OUTLETS_NAME} "
                              f"(--outlets or {OUTLETS_ENV})")
        return [path]
    return list(found)


def apply_outlets(articles: pl.DataFrame, table: OutletTable) -> pl.DataFrame:
    """An articles table (schema.ARTICLES) with its outlets, groups and agencies resolved by `table` again: an
    analysis stored before (`framing compare --analysis DIR --outlets FILE`) regrouped without analysing again."""
    rows = articles.select("outlet", "url", "agency").rows()
    resolved = [table.resolve(outlet, url, agency) for outlet, url, agency in rows]
    return articles.with_columns(
        pl.Series("outlet", [r.outlet for r in resolved], pl.String),
        pl.Series("group", [r.group for r in resolved], pl.String),
        pl.Series("agency", [r.agency for r in resolved], pl.String),
    ).select(articles.columns if "group" in articles.columns else [*articles.columns, "group"])
