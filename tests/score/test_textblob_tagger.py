"""The patched textblob-de tagger gives exactly the library's tags and polarities, only faster."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"

SCRIPT = r"""
import json, re, sys
from pathlib import Path
from framing.score.textblob.offline import ensure_punkt
ensure_punkt()
from textblob_de import PatternTokenizer, TextBlobDE
from _pattern.text.de import parser
if sys.argv[1] == "fast":
    from framing.score.textblob import tagger as textblob_fast
    textblob_fast.install()
sentences = [s for p in sorted(Path(sys.argv[2]).glob("*.txt"))
             for s in re.split(r"(?<=[.!?«“\"])\s+", p.read_text(encoding="utf-8")) if s.strip()]
sentences += ["Der Angriff tötete zehn Menschen.", "Das gefällt mir nicht.", "Das spielt keine Rolle."]
tok = PatternTokenizer()
print(json.dumps({
    "polarity": [TextBlobDE(s, tokenizer=tok).sentiment.polarity for s in sentences],
    "tags": [parser.parse(s, tokenize=True, tags=True, chunks=True, lemmata=True) for s in sentences],
}))
"""


def run(mode: str) -> str:
    # Separate interpreters: the patch is process-wide, the reference must run unpatched.
    return subprocess.run([sys.executable, "-c", SCRIPT, mode, str(CORPUS)], capture_output=True, text=True,
                          check=True).stdout


def test_fast_tagger_is_output_identical_on_the_seeds() -> None:
    slow, fast = run("slow"), run("fast")
    assert len(slow) > 10_000
    assert fast == slow
