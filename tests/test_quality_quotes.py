"""Quality gate for quotations and speakers: evaluate.py's spkatt figures on the SpkAtt train split must stay at or
above the floors pinned in quality/baseline.json (key `spkatt`), which never go below the issue's floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BASELINE = ROOT / "quality" / "baseline.json"
ISSUE_FLOORS = {"f1": 0.70, "direct_recall": 0.95, "indirect_recall": 0.60, "speaker_accuracy": 0.75}

pytestmark = [pytest.mark.eval, pytest.mark.slow]


def _runner():
    spec = importlib.util.spec_from_file_location("spkatt_run", ROOT / "quality" / "spkatt_run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures() -> dict:
    if not (EVAL / "evaluate.py").exists() or not (EVAL / "data" / "spkatt" / "train").is_dir():
        pytest.skip(f"the SpkAtt gold data is not available at {EVAL} (../shared/eval is outside the project)")
    return _runner().run("train")


def test_baseline_floors_are_pinned_and_never_below_the_issue():
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["spkatt"]["floors"]
    for name, issue_floor in ISSUE_FLOORS.items():
        assert floors[name] >= issue_floor, f"{name} floor {floors[name]} is below the issue's {issue_floor}"


@pytest.mark.parametrize("name", list(ISSUE_FLOORS))
def test_spkatt_figure_holds_its_floor(figures, name):
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))["spkatt"]["floors"][name]
    measured = figures["t0.3"][name]
    assert measured >= floor, f"spkatt {name} (t0.3) = {measured} < floor {floor}"


def test_every_article_is_scored(figures):
    assert figures["articles_missing"] == 0
