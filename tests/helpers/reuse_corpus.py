"""A small corpus of five articles from three outlets, two agency passages run by several of them (four article
pairs share text), analysed by `framing analyze`: the stored text-reuse pairs' tests (tests/pipeline and tests/app)."""

from __future__ import annotations

import json
from pathlib import Path

WIRE = ("Nato-Generalsekretär Mark Rutte hat bei einem unangekündigten Besuch in Kiew robuste Sicherheitsgarantien "
        "der westlichen Verbündeten für die Ukraine gefordert.")
WIRE2 = ("Die Europäische Zentralbank hat den Leitzins zum dritten Mal in Folge unverändert gelassen, teilte die "
         "Notenbank am Donnerstag in Frankfurt mit.")
ARTICLES = [  # (article_id, outlet, text): pairs a1-a2, a2-a3, a2-a4, a3-a4
    ("a1", "nd", "Berlin. " + WIRE + " Die Opposition kritisierte das scharf."),
    ("a2", "taz", "Kiew. Ein Besuch mit Folgen. " + WIRE + " " + WIRE2),
    ("a3", "Welt", WIRE2 + " Ökonomen hatten damit gerechnet."),
    ("a4", "nd", "Frankfurt. " + WIRE2 + " Mehr dazu morgen."),
    ("a5", "Welt", "Ganz andere Nachrichten: Der Zoo hat einen neuen Elefanten, sagte die Direktorin."),
]


def analysed_reuse_corpus(folder: Path, cache_dir: Path) -> Path:
    """The corpus written into `folder` and analysed (`framing analyze --out folder/out`); the --out folder."""
    from framing.cli import main

    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"article_id": i, "outlet": o, "date": "2024-03-0" + i[1], "text": t},
                                         ensure_ascii=False) + "\n" for i, o, t in ARTICLES), encoding="utf-8")
    out = folder / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--cache-dir", str(cache_dir), "--quiet",
                 "--no-textblob", "--workers", "1"]) == 0
    return out


def without_pairs(out: Path, folder: Path) -> Path:
    """A copy of the analysis `out` in `folder` as a version before the stored pairs wrote it (no text_reuse)."""
    folder.mkdir(parents=True)
    for path in out.iterdir():
        if path.is_file() and path.name != "text_reuse.parquet":
            (folder / path.name).write_bytes(path.read_bytes())
    return folder
