"""A multi-outlet, dated corpus for the dashboard's browser tests, built from 10kGNAD's test split in place
(../shared/corpora/10kgnad/test.csv; never copied into the repository): its topic labels stand for outlets, each
article gets a date spread over nine months, and every tenth article stays undated.

With more outlets than the nine labels, the largest labels are split in two ("Web", "Web II"), so 13 outlets come
from the same texts. The titles are the articles' first words (10kGNAD merges title, lead and body).

An outlets.csv puts the outlets in two groups by their label (GROUPS), and every ALIAS_EVERY-th article names its
outlet by a domain alias (`web-ii.example`), which outlets.csv merges into the outlet.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from tests.helpers import GNAD

START = dt.date(2023, 1, 2)
SPAN_DAYS = 270  # about nine months: the time view chooses months
UNDATED_EVERY = 10  # every tenth article of an outlet has no date
ALIAS_EVERY = 7  # every seventh article names its outlet by its alias
POLITICS = "politics & economy"
GROUPS = {"Etat": POLITICS, "Inland": POLITICS, "International": POLITICS, "Wirtschaft": POLITICS}
OTHER_GROUP = "culture & life"  # Kultur, Panorama, Sport, Web, Wissenschaft


def alias(outlet: str) -> str:
    """The domain an outlet is also named by: `Web II` -> `web-ii.example`."""
    return outlet.lower().replace(" ", "-") + ".example"


def gnad_rows() -> list[tuple[str, str]]:
    """(label, text) of every row of the 10kGNAD test split."""
    with open(GNAD, encoding="utf-8", newline="") as handle:
        return [(row[0], row[1]) for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2]


def outlet_names(rows: list[tuple[str, str]], n_outlets: int) -> dict[str, list[str]]:
    """Outlet name -> the label it takes its articles from; labels by size, the largest split in two as needed."""
    sizes: dict[str, int] = {}
    for label, _ in rows:
        sizes[label] = sizes.get(label, 0) + 1
    labels = sorted(sizes, key=lambda x: (-sizes[x], x))
    names = {label: label for label in labels[:n_outlets]}
    for label in labels[: max(0, n_outlets - len(labels))]:
        names[f"{label} II"] = label
    return {name: names[name] for name in sorted(names)}


def write_dated_corpus(folder: Path, n_outlets: int, per_outlet: int) -> Path:
    """A JSON-lines corpus of `n_outlets` outlets with `per_outlet` articles each (fewer when a label has fewer);
    returns the folder."""
    rows = gnad_rows()
    outlets = outlet_names(rows, n_outlets)
    by_label: dict[str, list[str]] = {}
    for label, text in rows:
        by_label.setdefault(label, []).append(text)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for o_index, (outlet, label) in enumerate(outlets.items()):
            texts = by_label[label]
            # an outlet split in two takes every other text, starting at 0 or 1
            texts = texts[1::2] if outlet.endswith(" II") else (
                texts[0::2] if f"{outlet} II" in outlets else texts)
            for i, text in enumerate(texts[:per_outlet]):
                named = alias(outlet) if i % ALIAS_EVERY == ALIAS_EVERY - 1 else outlet
                record = {"id": f"{outlet.replace(' ', '_').lower()}-{i:03d}", "outlet": named,
                          "title": " ".join(text.split()[:8]), "text": text}
                if i % UNDATED_EVERY != UNDATED_EVERY - 1:
                    day = START + dt.timedelta(days=(i * 37 + o_index * 11) % SPAN_DAYS)
                    record["date"] = day.isoformat()
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(folder / "outlets.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["outlet", "group", "aliases"])
        for outlet, label in outlets.items():
            writer.writerow([outlet, GROUPS.get(label, OTHER_GROUP), alias(outlet)])
    return folder
