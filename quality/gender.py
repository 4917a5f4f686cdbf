"""How well the gender of quoted people comes out (issue #20): a hand-checked list of people against the analysis.

    python -m quality.gender            # measure and print the figures as JSON
    python -m quality.gender --write    # ... and record them in quality/baseline.json ("speaker_gender"; floors kept)
    python -m quality.gender --misses   # ... and list every person the analysis got wrong or left unknown

The list (tests/data/speaker_gender/people.csv: name, gender, source) names people quoted in 10kGNAD's test split
(read in place from ../shared, never copied) and in German texts written for this test
(tests/data/speaker_gender/texts/); each person's gender was checked by hand from what is known of the public
figure, not from framing's output. Both corpora are analysed as one: quotes found, speakers merged across the
corpus, one gender per actor (framing.actors.gender). A listed person matches the merged speakers of that name
(accents, case and spacing aside). Figures: precision of `female` and of `male` over the listed people the
analysis gives that gender, the share of the listed people's quotations that get a gender at all, and beside it
the same share over every quotation of a speaker the analysis takes for a person (`share_with_gender_all_people`:
listed or not, including the speakers that are no person at all, such as a misread `Aussendung`).
tests/quality/test_gender.py holds them to the floors in the baseline and to the issue's floors.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import schema  # noqa: E402
from framing.actors.gender import corpus_genders  # noqa: E402
from framing.actors.merge import merge_speakers  # noqa: E402
from framing.actors.names import fold_name  # noqa: E402

# ../shared beside the checkout; from a git worktree (/work/wt/NAME) the nearest ancestor that holds shared/eval
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT.parent / "shared")
GNAD = SHARED / "corpora" / "10kgnad" / "test.csv"
DATA = ROOT / "tests" / "data" / "speaker_gender"
PEOPLE = DATA / "people.csv"
BASELINE = ROOT / "quality" / "baseline.json"
COMMAND = "python -m quality.gender --write"
# The issue's floors: precision of female and of male, and the share of quotations by people with a gender.
ISSUE_FLOORS = {"precision_female": 0.97, "precision_male": 0.97, "share_with_gender": 0.85}


def texts(with_gnad: bool = True) -> list[tuple[str, str]]:
    """(article_id, text) of the evaluation corpus: the written texts, and 10kGNAD's test split when present."""
    out = [(f"own-{p.stem}", p.read_text(encoding="utf-8")) for p in sorted((DATA / "texts").glob("*.txt"))]
    if with_gnad and GNAD.exists():
        with open(GNAD, encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'"), start=1):
                if len(row) >= 2:
                    out.append((f"gnad-{number:04d}", row[1]))
    return out


def quotes_of(corpus: list[tuple[str, str]]) -> pl.DataFrame:
    """The quotes table of the corpus with speakers merged and one gender per actor (no tone: it is not needed)."""
    from framing.quotes import find_quotes
    from framing.segment.sections import segment_sections
    from framing.segment.sentences import split_sentences

    rows = []
    for article_id, text in corpus:
        sections = segment_sections(text)
        spans = [span for s in sections for span in split_sentences(text, s.start, s.end)]
        for i, q in enumerate(find_quotes(text, spans, sections)):
            rows.append({"article_id": article_id, "quote_id": i, "mode": q.mode, "start": q.start, "end": q.end,
                         "speaker": q.speaker, "speaker_kind": q.speaker_kind, "speaker_group": q.speaker_group,
                         "speaker_type": q.speaker_type, "speaker_role": q.speaker_role,
                         "speaker_gender": q.speaker_gender, "speaker_gender_evidence": q.speaker_gender_evidence})
    return corpus_genders(merge_speakers(schema.frame(rows, schema.QUOTES)))


def people(with_gnad: bool = True) -> list[dict[str, str]]:
    """The hand-checked list; without 10kGNAD only the people of the written texts."""
    with open(PEOPLE, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return [r for r in rows if with_gnad or "10kGNAD" not in r["source"]]


def _key(name: str) -> str:
    return " ".join(fold_name(name).split())


def measure(with_gnad: bool = True, misses: bool = False) -> dict:
    """The figures of the module docstring (and, with `misses`, the people not got right)."""
    listed = people(with_gnad)
    quotes = quotes_of(texts(with_gnad)).filter(
        (pl.col("mode") != schema.TERM_MODE) & (pl.col("speaker_kind") == "person"))
    truth = {_key(r["name"]): r["gender"] for r in listed}
    said = quotes.with_columns(pl.col("speaker").map_elements(_key, return_dtype=pl.String).alias("_key")).filter(
        pl.col("_key").is_in(list(truth)))
    per_person = said.group_by("_key").agg(pl.col("speaker_gender").mode().sort().first(), pl.len().alias("n"),
                                           pl.col("speaker_gender_evidence").drop_nulls().first())
    predicted = dict(zip(per_person["_key"], per_person["speaker_gender"]))
    result: dict = {"people_listed": len(truth), "people_found": len(predicted),
                    "women_listed": sum(g == "female" for g in truth.values()),
                    "men_listed": sum(g == "male" for g in truth.values()), "quotations": said.height}
    for gender in ("female", "male"):
        given = [k for k, g in predicted.items() if g == gender]
        right = [k for k in given if truth[k] == gender]
        result[f"predicted_{gender}"] = len(given)
        result[f"precision_{gender}"] = round(len(right) / len(given), 3) if given else None
        actual = [k for k in predicted if truth[k] == gender]
        result[f"recall_{gender}"] = round(len(right) / len(actual), 3) if actual else None
    with_gender = said.filter(pl.col("speaker_gender").is_in(["female", "male"])).height
    result["share_with_gender"] = round(with_gender / said.height, 3) if said.height else None
    result["share_people_with_gender"] = round(
        sum(g in ("female", "male") for g in predicted.values()) / len(predicted), 3) if predicted else None
    everyone = quotes.filter(pl.col("speaker").is_not_null())
    result["share_with_gender_all_people"] = round(everyone.filter(pl.col("speaker_gender").is_in(
        ["female", "male"])).height / everyone.height, 3) if everyone.height else None
    if misses:
        names = {_key(r["name"]): r["name"] for r in listed}
        evidence = dict(zip(per_person["_key"], per_person["speaker_gender_evidence"]))
        result["wrong"] = sorted(f"{names[k]}: {g} ({evidence[k]}), is {truth[k]}" for k, g in predicted.items()
                                 if g in ("female", "male") and g != truth[k])
        result["unknown"] = sorted(f"{names[k]} ({evidence[k]})" for k, g in predicted.items() if g == "unknown")
        result["not_found"] = sorted(names[k] for k in truth if k not in predicted)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="record the figures in quality/baseline.json")
    parser.add_argument("--misses", action="store_true", help="list the people got wrong, unknown or not found")
    args = parser.parse_args()
    if not GNAD.exists():
        print(f"{GNAD} is absent: measuring on the written texts only", file=sys.stderr)
    result = measure(misses=args.misses)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if args.write:
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
        entry = baseline.setdefault("speaker_gender", {})
        entry["floors"] = entry.get("floors") or {k: result[k] for k in ISSUE_FLOORS}
        entry["result"] = {k: v for k, v in result.items() if k not in ("wrong", "unknown", "not_found")}
        entry["command"] = COMMAND
        BASELINE.write_text(json.dumps(baseline, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
