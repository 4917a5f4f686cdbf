"""Benchmark: how well framing.load.language tells German from English and French, by length, and how fast.

    python -m bench.language_id            # prints the table
    python -m bench.language_id --write    # and writes its section of bench/RESULTS.md

Text nobody on the project wrote: German news from ../shared (10kGNAD articles, GerNTSA sentences; never copied
into the project) and, for short texts in three languages, the translated messages of the Debian machine's own
gettext catalogues (/usr/share/locale/{de,fr}/LC_MESSAGES/*.mo: English source strings with their German and
French translations), plus French and English manual pages (`man -l`) for long English and French prose. Up to 400
texts per language, kind and length band, drawn with a fixed seed. A text counts as correct when the rule of
framing.load.language keeps a German text as German, or gives an English or French text a language other than
German (it is then flagged).
"""

from __future__ import annotations

import argparse
import csv
import gettext
import glob
import json
import os
import random
import re
import subprocess
import time
from collections import defaultdict
from pathlib import Path

from bench.big_inputs import RESULTS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HEADING = "## Language identification (issue 17)"
BANDS = (40, 80, 160, 400)


def _letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", text[:600]))


def _band(n: int) -> str:
    for b in BANDS:
        if n < b:
            return f"< {b}"
    return f">= {BANDS[-1]}"


def samples() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    gnad = SHARED / "corpora" / "10kgnad" / "test.csv"
    if gnad.exists():
        csv.field_size_limit(1 << 30)
        with open(gnad, encoding="utf-8", newline="") as fh:
            out += [("de", "news", row[1]) for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) == 2]
    gerntsa = SHARED / "eval" / "data" / "gerntsa" / "train.jsonl"
    if gerntsa.exists():
        with open(gerntsa, encoding="utf-8") as fh:
            out += [("de", "news sentence", json.loads(line)["opinion_snippet"]) for line in fh]
    clean = lambda s: re.sub(r"%[-#0-9.*]*[a-zA-Z]|\{[^}]*\}|&|_|\\n|<[^>]+>", " ", s).strip()
    for lang in ("de", "fr"):
        for path in glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo"):
            try:
                catalog = gettext.GNUTranslations(open(path, "rb"))._catalog
            except Exception:  # noqa: BLE001 - a damaged catalogue is skipped
                continue
            for source, translated in catalog.items():
                if isinstance(source, str) and source and isinstance(translated, str) and translated != source:
                    out.append((lang, "interface text", clean(translated)))
                    if lang == "fr":
                        out.append(("en", "interface text", clean(source)))
    rng = random.Random(7)
    for lang, pattern in (("fr", "/usr/share/man/fr/man*/*.gz"), ("en", "/usr/share/man/man1/*.gz")):
        files = sorted(glob.glob(pattern))
        for path in rng.sample(files, min(150, len(files))):
            try:
                page = subprocess.run(["man", "-l", "-Tutf8", path], capture_output=True, timeout=20,
                                      env={**os.environ, "MANWIDTH": "2000", "LANG": "C.UTF-8"}).stdout
            except (OSError, subprocess.TimeoutExpired):
                continue
            text = re.sub(r"\s+", " ", re.sub(r".\x08", "", page.decode("utf-8", "replace")))
            if len(text) > 1500:
                out.append((lang, "manual page", text[len(text) // 3 : len(text) // 3 + 3000]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    from framing.load import language

    rng = random.Random(3)
    groups: dict[tuple, list[str]] = defaultdict(list)
    for lang, kind, text in samples():
        n = _letters(text)
        if n >= language.MIN_LETTERS:
            groups[(lang, kind, _band(n))].append(text)
    language.identify("Ein kurzer deutscher Satz, damit das Modell geladen ist, bevor gemessen wird.")
    rows, total, spent = [], 0, 0.0
    order = {f"< {b}": i for i, b in enumerate(BANDS)} | {f">= {BANDS[-1]}": len(BANDS)}
    for key in sorted(groups, key=lambda k: (k[0], k[1], order[k[2]])):
        texts = groups[key]
        rng.shuffle(texts)
        texts = texts[:400]
        started = time.perf_counter()
        found = [language.identify(t) for t in texts]
        spent += time.perf_counter() - started
        total += len(texts)
        lang = key[0]
        correct = sum((f == "de") if lang == "de" else (f not in ("de", None)) for f in found)
        rows.append((*key, len(texts), correct / len(texts)))
    lines = [HEADING, "", f"`python -m bench.language_id`, {time.strftime('%Y-%m-%d', time.gmtime())}: "
             f"framing.load.language (py3langid, first {language.SAMPLE_CHARS} characters, German kept at "
             f"P(de) >= {language.GERMAN_FLOOR}). Correct = a German text kept as German, an English or French text "
             f"flagged as not German. Texts under {language.MIN_LETTERS} letters get no language and are not "
             f"counted. Speed: {total / spent:,.0f} texts/s ({spent / total * 1000:.2f} ms each), one core.", "",
             "| language | kind | letters | texts | correct |", "|---|---|---|---:|---:|"]
    lines += [f"| {lang} | {kind} | {band} | {n} | {share:.1%} |" for lang, kind, band, n, share in rows]
    lines += ["", "Why py3langid: measured once on the same texts (not re-run here), lingua-language-detector 2.1 was "
              "as accurate on 40+ letters, but its wheel is 96 MB, it takes 14 s to load its models and tells "
              "about 350 texts/s; py3langid's wheel is 4.6 MB, its model loads in 1.3 s. Below 40 letters both are "
              "unreliable (German interface strings under 20 letters: 58 % with py3langid's top guess), hence no "
              "language there."]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.write:
        from bench.big_inputs import write_section

        write_section(table, HEADING)


if __name__ == "__main__":
    main()
