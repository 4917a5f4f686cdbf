"""The `framing` command: help texts, analyze and compare write their tables, errors become messages."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from framing.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framing.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["compare", "--help"]])
def test_help_says_what_each_command_does(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 0
    assert "usage: framing" in result.stdout
    assert len(result.stdout) > 300


def test_analyze_the_bundled_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(["analyze", str(DATA), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"])
    assert code == 0
    for name in ("articles", "sections", "sentences", "voice_segments", "quotes", "errors"):
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists(), name
    with open(out / "articles.csv", encoding="utf-8", newline="") as fh:
        rows = {r["article_id"][:3]: r for r in csv.DictReader(fh)}
    assert {k: (r["outlet"], r["agency"], r["date"], r["date_precision"]) for k, r in rows.items()} == {
        "000": ("nd", "AFP", "2025-08-22", "day"),
        "001": ("OZD", "", "", "none"),
        "002": ("", "", "2025-08-17", "day"),
        "003": ("Chas Pravdy", "", "2025-09-03", "day"),
        "004": ("(agency copy)", "dpa-AFX", "2024-12", "month"),  # a wire agency is never an outlet
    }
    quotes = pl.read_parquet(out / "quotes.parquet")
    assert {"article_id", "start", "end", "speaker_start", "speaker_end"} <= set(quotes.columns)


def test_analyze_prints_a_one_line_summary(tmp_path: Path) -> None:
    result = run("analyze", str(DATA), "--out", str(tmp_path / "o"), "--cache-dir", str(tmp_path / "c"), "--quiet")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.strip().splitlines()
    assert line.startswith("analysed 5 articles") and "quotes" in line and "0 errors" in line


def test_bad_files_are_listed_and_the_rest_is_analysed(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Der Minister sagte, es sei zu früh.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    result = run("analyze", str(corpus), "--out", str(tmp_path / "o"), "--no-cache", "--quiet")
    assert result.returncode == 0
    assert "analysed 1 article (" in result.stdout and "2 errors" in result.stdout
    errors = pl.read_csv(tmp_path / "o" / "errors.csv")
    assert errors.height == 2


def test_columns_read_under_other_names_are_counted_as_notes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "export.csv").write_text("Inhalt;Medium\nDer Minister sagte, es sei zu früh.;taz\n", encoding="utf-8")
    result = run("analyze", str(corpus), "--out", str(tmp_path / "o"), "--no-cache", "--quiet")
    assert result.returncode == 0
    assert "; 0 errors, 0 warnings, 1 note; " in result.stdout
    assert "notes on how the files were read" in result.stderr and "problems" not in result.stderr


def test_compare_writes_every_table(tmp_path: Path) -> None:
    from framing.aggregate.tables import TABLES

    out = tmp_path / "cmp"
    code = main(["compare", str(DATA), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet",
                 "--by", "outlet"])
    assert code == 0
    for name in TABLES:
        assert (out / f"{name}.csv").exists(), name


def test_missing_input_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "o"), "--no-cache", "--quiet")
    assert "Traceback" not in result.stderr
    assert "analysed 0 articles" in result.stdout and "; 1 error, " in result.stdout


def test_compare_reads_partitioned_analysis_output(tmp_path: Path) -> None:
    out, cmp = tmp_path / "out", tmp_path / "cmp"
    assert main(["analyze", str(DATA), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet",
                 "--rows-per-part", "40"]) == 0
    assert len(list((out / "sentences").glob("part-*.parquet"))) > 2
    assert main(["compare", "--analysis", str(out), "--out", str(cmp), "--outlet", "nd"]) == 0
    overview = pl.read_csv(cmp / "overview.csv")
    assert overview["outlet"].to_list() == ["nd"]
    assert (cmp / "filter.txt").read_text(encoding="utf-8").startswith("nd")


def test_compare_without_input_says_what_to_give(tmp_path: Path) -> None:
    result = run("compare", "--out", str(tmp_path / "cmp"))
    assert result.returncode == 2 and "--analysis DIR" in result.stderr and "Traceback" not in result.stderr


def test_compare_by_group_and_a_given_outlets_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FRAMING_OUTLETS", raising=False)
    cache = str(tmp_path / "cache")
    out = tmp_path / "by_group"
    assert main(["compare", str(DATA), "--out", str(out), "--cache-dir", cache, "--quiet", "--by", "group"]) == 0
    overview = pl.read_csv(out / "overview.csv")
    assert overview.columns[0] == "group" and "outlet" not in overview.columns
    assert dict(overview.select("group", "n_articles").iter_rows()) == {
        "daily newspaper": 1, "online portal": 2, "(no group)": 2}  # the unknown outlet and the agency copy
    mine = tmp_path / "mine.csv"
    mine.write_text("outlet,group,aliases\nnd,left,\nOZD,portal,Chas Pravdy\n", encoding="utf-8")
    out = tmp_path / "mine"
    assert main(["compare", str(DATA), "--out", str(out), "--cache-dir", cache, "--quiet", "--outlets", str(mine),
                 "--outlet-group", "portal"]) == 0
    overview = pl.read_csv(out / "overview.csv")
    assert overview.select("outlet", "group", "n_articles").rows() == [("OZD", "portal", 2)]  # Chas Pravdy merged
    assert "outlet group portal" in (out / "filter.txt").read_text(encoding="utf-8")


def test_a_bad_outlets_file_is_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.csv"
    bad.write_text("name,group\nnd,left\n", encoding="utf-8")
    result = run("compare", str(DATA), "--outlets", str(bad), "--out", str(tmp_path / "cmp"), "--no-cache", "--quiet")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no 'outlet' column" in result.stderr


def test_compare_regroups_a_stored_analysis_by_a_given_outlets_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FRAMING_OUTLETS", raising=False)
    out, cmp = tmp_path / "out", tmp_path / "cmp"
    assert main(["analyze", str(DATA), "--out", str(out), "--cache-dir", str(tmp_path / "cache"), "--quiet"]) == 0
    mine = tmp_path / "mine.csv"
    mine.write_text("outlet,group,aliases\nnd,left,\nOZD,portal,Chas Pravdy\n", encoding="utf-8")
    assert main(["compare", "--analysis", str(out), "--out", str(cmp), "--outlets", str(mine), "--by", "group"]) == 0
    overview = pl.read_csv(cmp / "overview.csv")
    assert dict(overview.select("group", "n_articles").iter_rows()) == {"left": 1, "portal": 2, "(no group)": 2}
    assert main(["compare", "--analysis", str(out), "--out", str(cmp)]) == 0  # without it: the groups as analysed
    assert set(pl.read_csv(cmp / "overview.csv")["group"]) == {"daily newspaper", "online portal", "(no group)"}


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    """`framing analyze … | head -1`: the pipe closes before the summary is printed; the files are written and
    the command ends without a traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "analyze", str(ROOT / "data"), "--out",
                             str(tmp_path / "out"), "--no-textblob", "--no-cache"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # the reader is gone before anything is written
    _, stderr = proc.communicate(timeout=300)
    assert b"Traceback" not in stderr, stderr.decode()
    assert proc.returncode == 1
    assert (tmp_path / "out" / "quotes.parquet").exists()


def test_compare_names_an_outlet_by_an_alias_and_refuses_one_no_article_has(tmp_path: Path, capsys) -> None:
    """`--outlet` takes an outlets.csv alias (the bundled corpus lists nd with 'nd-aktuell.de' and 'neues
    deutschland') or another case; a name no article has stops with the outlets there are, instead of writing
    26 empty tables."""
    import polars as pl

    cache = str(tmp_path / "cache")
    for name in ("nd-aktuell.de", "Neues Deutschland", "ND"):
        out = tmp_path / name
        assert main(["compare", str(DATA), "--out", str(out), "--cache-dir", cache, "--quiet", "--outlet", name]) == 0
        assert pl.read_csv(out / "overview.csv")["outlet"].to_list() == ["nd"], name
        assert (out / "filter.txt").read_text(encoding="utf-8").startswith("nd,"), name
    capsys.readouterr()
    assert main(["compare", str(DATA), "--out", str(tmp_path / "none"), "--cache-dir", cache, "--quiet",
                 "--outlet", "Süddeutsche Zeitung"]) == 2
    err = capsys.readouterr().err
    assert "no article has the outlet 'Süddeutsche Zeitung'" in err and "OZD" in err and "nd" in err
    assert not (tmp_path / "none").exists()
    analysed = tmp_path / "analysed"
    assert main(["analyze", str(DATA), "--out", str(analysed), "--cache-dir", cache, "--quiet"]) == 0
    assert main(["compare", "--analysis", str(analysed), "--out", str(tmp_path / "a"), "--outlet", "nd"]) == 0
    assert main(["compare", "--analysis", str(analysed), "--out", str(tmp_path / "b"), "--outlet", "oZd"]) == 0
    assert pl.read_csv(tmp_path / "b" / "overview.csv")["outlet"].to_list() == ["OZD"]
    assert main(["compare", "--analysis", str(analysed), "--out", str(tmp_path / "c"), "--outlet", "nope"]) == 2
