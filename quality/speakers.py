"""How well speakers come out on a real corpus no one tuned to: the checks of issue #14, on any quotes table.

    python quality/speakers.py                  # analyse 10kGNAD's test split (../shared) and print the report
    python quality/speakers.py --quotes FILE    # the report of a quotes.parquet that `framing analyze` wrote

Among the most quoted speakers: no surname beside its own full name, no role word or title glued to a name, no
non-name (month, currency, number, title); the share of quotations without a speaker (quoted terms excluded) and
the share of attributed quotations with a speaker type. tests/test_speakers_10kgnad.py asserts the issue's limits.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.actors.names import is_common_noun, is_first_name, is_person_noun, is_title, never_a_name  # noqa: E402
from framing.actors.types import word_type  # noqa: E402
from framing.quotes.lexicon import lexicon  # noqa: E402
from framing.quotes.tokens import is_role  # noqa: E402

TOP = 300  # the most quoted speakers the checks look at


def speech(quotes: pl.DataFrame) -> pl.DataFrame:
    """Quotations that are someone's speech: quoted terms (mode `term`) and reader comments left out."""
    return quotes.filter((pl.col("mode") != "term") & (pl.col("speaker_kind").fill_null("") != "reader"))


def top_speakers(quotes: pl.DataFrame, n: int = TOP) -> pl.DataFrame:
    said = speech(quotes).filter(pl.col("speaker").is_not_null())
    return (said.group_by("speaker").agg(pl.len().alias("quotes"), pl.col("speaker_kind").mode().first(),
                                         pl.col("speaker_type").mode().first())
            .sort(["quotes", "speaker"], descending=[True, False]).head(n))


def glued(name: str) -> bool:
    """A role word or title glued to a name: `Gastgeberin Angela Merkel`, `Dr Gassen`."""
    words = name.split()
    lex = lexicon()
    return len(words) > 1 and any(
        not is_first_name(w) and (is_title(w) or is_role(w, lex) or is_common_noun(w) and is_person_noun(w)
                                  or word_type(w) is not None and is_person_noun(w))
        for w in words[:-1])


def non_name(name: str, kind: str) -> bool:
    """A month, a currency, a number or a title as a speaker, or a person named by a function word alone."""
    words = name.split()
    return all(never_a_name(w) for w in words) or any(never_a_name(w) and not is_title(w) for w in words) and (
        kind == "person")


def report(quotes: pl.DataFrame) -> dict:
    top = top_speakers(quotes)
    names = top["speaker"].to_list()
    kinds = dict(zip(names, top["speaker_kind"].to_list()))
    full = [n for n in names if len(n.split()) > 1 and kinds[n] == "person"]
    # A surname the corpus could merge: exactly one full name of the corpus ends in it (two people with the same
    # surname, `Norbert Hofer` and `Helmut Hofer`, keep a bare `Hofer` apart, as the merge must).
    said = speech(quotes)
    every_full = {n for n in said["speaker"].drop_nulls().unique().to_list() if len(n.split()) > 1}
    beside = sorted(n for n in names if len(n.split()) == 1 and kinds[n] == "person"
                    and any(f.split()[-1] == n for f in full)
                    and sum(f.split()[-1] == n for f in every_full) == 1)
    attributed = said.filter(pl.col("speaker").is_not_null())
    return {
        "quotations": said.height,
        "terms": quotes.filter(pl.col("mode") == "term").height,
        "share_without_speaker": round(said.filter(pl.col("speaker").is_null()).height / max(1, said.height), 3),
        "share_typed": round(attributed.filter(pl.col("speaker_type").fill_null("unknown") != "unknown").height
                             / max(1, attributed.height), 3),
        "surname_beside_full_name": beside,
        "glued": sorted(n for n in names if glued(n)),
        "non_names": sorted(n for n in names if non_name(n, kinds[n])),
        "types": dict(attributed.group_by("speaker_type").len().sort("len", descending=True).iter_rows()),
        "top": [f"{n} ({q}, {k}, {t})" for n, q, k, t in top.iter_rows()],
    }


def analyse_10kgnad(out: Path) -> pl.DataFrame:
    from quality.snapshot import gnad_corpus

    corpus = gnad_corpus(out / "in")
    subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out / "out"),
                    "--no-cache", "--no-textblob", "--quiet"], check=True, capture_output=True, cwd=ROOT)
    return pl.read_parquet(out / "out" / "quotes.parquet")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=Path, help="a quotes.parquet to report on (default: analyse 10kGNAD)")
    parser.add_argument("--top", action="store_true", help="also list the most quoted speakers")
    args = parser.parse_args()
    if args.quotes:
        quotes = pl.read_parquet(args.quotes)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            quotes = analyse_10kgnad(Path(tmp))
    result = report(quotes)
    if not args.top:
        result.pop("top")
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
