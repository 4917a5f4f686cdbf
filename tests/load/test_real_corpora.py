"""Corpora the way researchers get them (issue 17), end to end: `framing analyze` and the dashboard on one folder
holding every case of tests/helpers/real_corpora.py — special files, separators inside JSON strings, CR LF,
multi-line CSV cells, spreadsheet exports, packed corpora, archive bombs, size bounds, another language.

Checked: the process finishes within a bound and without a traceback; every good article is loaded exactly once
with its text exact; every other file or record is named in errors.csv with the line it starts on (compared with
`sed -n Np` of the file's own bytes) and a reason that says what to do; the inputs are unchanged; the dashboard
opens on the same folder (in a child process with a timeout, so a hang fails the test instead of stopping it) and
shows the errors and the articles.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polars as pl
import pytest

from tests.helpers import real_corpora

ROOT = Path(__file__).resolve().parents[2]
BOUND_SECONDS = 240  # the whole CLI run; it takes about 20 s on the 2-core build machine


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> real_corpora.Expected:
    return real_corpora.build(tmp_path_factory.mktemp("real") / "corpus")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, **real_corpora.ENV, "PYTHONUNBUFFERED": "1", **extra}


@pytest.fixture(scope="module")
def cli_run(corpus: real_corpora.Expected, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("real-out") / "out"
    before = real_corpora.snapshot(corpus.folder)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", str(corpus.folder), "--out", str(out), "--no-cache",
         "--quiet", "--no-textblob", "--workers", "2"],
        capture_output=True, text=True, timeout=BOUND_SECONDS, cwd=ROOT, env=_env(), stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    return result, out, before, seconds


def test_cli_finishes_within_the_bound_without_a_traceback(cli_run) -> None:
    result, out, _, seconds = cli_run
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert seconds < BOUND_SECONDS
    assert (out / "errors.csv").is_file() and (out / "articles.parquet").exists()


def test_every_good_article_is_loaded_exactly_once_with_its_text(corpus, cli_run) -> None:
    _, out, _, _ = cli_run
    articles = pl.read_parquet(out / "articles.parquet")
    got = sorted(articles.select("source_path", "article_id", "text").iter_rows())
    assert got == sorted(corpus.articles)


def _errors(out: Path) -> pl.DataFrame:
    return pl.read_csv(out / "errors.csv", infer_schema=False)


def test_every_other_file_and_record_is_named_with_its_line_and_what_to_do(corpus, cli_run) -> None:
    _, out, _, _ = cli_run
    errors = _errors(out)
    for row in corpus.rows:
        here = errors.filter((pl.col("source_path") == row.label) & (pl.col("severity") == row.severity))
        line = "" if row.line is None else str(row.line)
        matching = [r for r in here.iter_rows(named=True) if (r["line"] or "") == line
                    and re.search(row.pattern, r["reason"] or "")]
        assert matching, f"{row} not in {here.to_dicts()}"
    expected_labels = {row.label for row in corpus.rows if row.severity == "error"}
    unexpected = errors.filter((pl.col("severity") == "error") & ~pl.col("source_path").is_in(expected_labels))
    assert unexpected.height == 0, unexpected.to_dicts()
    for reason in errors.filter(pl.col("severity") == "error")["reason"]:
        assert re.search(real_corpora.ADVICE, reason), f"no advice in {reason!r}"


def test_line_numbers_are_the_files_own_as_sed_counts_them(corpus, cli_run, tmp_path: Path) -> None:
    _, out, _, _ = cli_run
    checked = 0
    for row in corpus.rows:
        if row.line is None or row.on_line is None:
            continue
        copy = tmp_path / f"file{checked}"
        copy.write_bytes(corpus.files[row.label])
        printed = subprocess.run(["sed", "-n", f"{row.line}p", str(copy)], capture_output=True, timeout=30).stdout
        assert row.on_line in printed.decode("utf-8", "replace"), (row, printed[:200])
        checked += 1
    assert checked >= 9
    # and every line number the loader wrote for these files points at a line that exists
    errors = _errors(out).filter(pl.col("line").is_not_null() & pl.col("source_path").is_in(list(corpus.files)))
    for label, line in errors.select("source_path", "line").iter_rows():
        assert 1 <= int(line) <= corpus.files[label].count(b"\n") + 1, (label, line)


def test_inputs_are_unchanged_and_special_files_stay_special(corpus, cli_run) -> None:
    _, _, before, _ = cli_run
    assert real_corpora.snapshot(corpus.folder) == before
    assert set(corpus.special) <= set(before)


@pytest.mark.parametrize("name", ["pipe.txt", "zero.txt", "feed.sock.jsonl"])
def test_a_special_file_given_as_the_corpus_path_is_refused_with_a_message(corpus, tmp_path: Path, name) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", str(corpus.folder / name), "--out", str(out), "--no-cache",
         "--quiet", "--no-textblob"], capture_output=True, text=True, timeout=120, cwd=ROOT, env=_env(),
        stdin=subprocess.DEVNULL)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    [reason] = _errors(out)["reason"].to_list()
    assert "not a regular file" in reason and "give a folder or a regular file of articles instead" in reason


# ---------------------------------------------------------------- the dashboard on the same folder

DASHBOARD_CHECK = textwrap.dedent("""
    import json, sys
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(sys.argv[1], default_timeout=180)
    at.run()
    frames = [d.value for d in at.dataframe]
    errors = next((f for f in frames if "reason" in f.columns), None)
    print(json.dumps({
        "exceptions": [str(e.value) for e in at.exception],
        "captions": [c.value for c in at.sidebar.caption],
        "expanders": [e.label for e in at.expander],
        "error_paths": [] if errors is None else errors["source_path"].tolist(),
        "error_reasons": [] if errors is None else errors["reason"].tolist(),
        "languages": list(at.sidebar.multiselect(key="f_languages").options),
    }))
""")


def test_dashboard_opens_on_the_folder_and_shows_errors_and_articles(corpus, tmp_path: Path) -> None:
    env = _env(FRAMING_CORPUS=str(corpus.folder), FRAMING_USER_CORPUS=str(tmp_path / "user"),
               FRAMING_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("FRAMING_ANALYSIS", None)
    result = subprocess.run([sys.executable, "-c", DASHBOARD_CHECK, str(ROOT / "dashboard.py")], capture_output=True,
                            text=True, timeout=300, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["exceptions"] == []
    assert any(f"Corpus: {len(corpus.articles)} articles" in c for c in seen["captions"]), seen["captions"]
    assert any(label.startswith("Loading problems") for label in seen["expanders"]), seen["expanders"]
    for label in corpus.special:
        assert label in seen["error_paths"]
    assert any("not German" in r for r in seen["error_reasons"])
    assert "en" in seen["languages"] and "de" in seen["languages"]
