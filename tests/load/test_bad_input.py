"""Bad input end to end: every file a user might hand in yields an analysis or a clear per-file error, the rest of the
corpus is analysed, input files are never modified and the `framing analyze` process never dies.

The files come from tests/bad_inputs.py, generated in a temporary folder at test time.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
import pytest

from framing.load import load_corpus
from framing.score.tone import score_tone
from framing.pipeline import Analysis, analyze_paths, analyze_text
from framing.present.export import FORMULA_PREFIXES
from tests.helpers import bad_inputs

ROOT = Path(__file__).resolve().parents[2]


def _case_table() -> list[bad_inputs.Case]:
    with tempfile.TemporaryDirectory() as tmp:
        return bad_inputs.build(Path(tmp) / "corpus")


CASES = _case_table()


def snapshot(*folders: Path) -> dict[str, str]:
    """Content hash of every regular file and the target of every symlink below the folders."""
    out = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                out[str(path)] = "link -> " + os.readlink(path)
            elif path.is_file():
                out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    cases = bad_inputs.build(root / "corpus", root / "outside")
    assert [c.name for c in cases] == [c.name for c in CASES]
    return root / "corpus"


@pytest.fixture(scope="module")
def analysed(corpus: Path) -> tuple[Analysis, dict[str, str], float]:
    before = snapshot(corpus.parent)
    started = time.monotonic()
    analysis = analyze_paths([corpus], workers=2, use_cache=False, textblob=False)
    return analysis, before, time.monotonic() - started


def rows_for(frame: pl.DataFrame, path: Path) -> pl.DataFrame:
    return frame.filter(pl.col("source_path") == str(path))


def test_the_suite_tries_at_least_30_bad_inputs() -> None:
    bad = [c for c in CASES if not c.name.startswith("good_")]
    assert len(bad) >= 30, len(bad)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_file_is_analysed_or_reported(corpus: Path, analysed, case: bad_inputs.Case) -> None:
    analysis, _, _ = analysed
    path = corpus / case.name
    articles = rows_for(analysis.articles, path)
    errors = rows_for(analysis.errors, path)
    assert articles.height == case.articles, (articles.select("article_id", "n_chars").to_dicts(), errors.to_dicts())
    for severity, pattern in case.rows:
        matching = errors.filter((pl.col("severity") == severity) & pl.col("reason").str.contains(pattern))
        assert matching.height >= 1, f"no {severity} matching {pattern!r} for {case.name}: {errors.to_dicts()}"
    if case.articles == 0 and case.silent is None:
        assert errors.height >= 1, f"{case.name} yields nothing and no errors row says why"
    # An analysis failure would be an error row too: loaded articles must never fail in the analysis itself.
    assert not errors["reason"].str.starts_with("analysis failed").any(), errors.to_dicts()
    if case.texts:
        assert sorted(articles["text"].to_list()) == sorted(case.texts)
    for row in articles.iter_rows(named=True):
        assert row["n_chars"] == len(row["text"])
        sentences = analysis.sentences.filter(pl.col("article_id") == row["article_id"])
        sections = analysis.sections.filter(pl.col("article_id") == row["article_id"])
        assert sections.height >= 1, f"{row['article_id']} has no sections"
        if re.search(r"[^\W\d_]", row["text"]):
            assert sentences.height >= 1, f"{row['article_id']} has letters but no sentences"


def test_every_loaded_article_is_consistent_with_its_text(analysed) -> None:
    analysis, _, _ = analysed
    assert analysis.articles.height >= 40
    per_table = {name: getattr(analysis, name).partition_by("article_id", as_dict=True)
                 for name in ("sections", "sentences", "voice_segments", "quotes")}
    for article_id, text in analysis.articles.select("article_id", "text").iter_rows():
        tables = {name: (parts[(article_id,)].to_dicts() if (article_id,) in parts else [])
                  for name, parts in per_table.items()}
        bad_inputs.assert_consistent(text, tables)


def test_good_articles_are_fully_analysed(corpus: Path, analysed) -> None:
    """The two seed articles come out exactly as analyse_text gives them alone: bad neighbours change nothing."""
    analysis, _, _ = analysed
    for name in bad_inputs.GOOD:
        [row] = rows_for(analysis.articles, corpus / name).to_dicts()
        alone = analyze_text(row["text"], textblob=False)
        for table in ("sections", "sentences", "voice_segments"):
            got = getattr(analysis, table).filter(pl.col("article_id") == row["article_id"]).drop("article_id")
            assert got.to_dicts() == [{k: r[k] for k in got.columns} for r in alone[table]], (name, table)
        quotes = analysis.quotes.filter(pl.col("article_id") == row["article_id"])
        key = ("start", "end", "mode", "cue")
        assert quotes.select(key).rows() == [tuple(q[k] for k in key) for q in alone["quotes"]]
        assert quotes.height >= 1 and len(alone["sentences"]) >= 10
        assert rows_for(analysis.errors, corpus / name).height == 0


def test_html_scripts_and_iframes_never_reach_the_article_text(corpus: Path, analysed) -> None:
    analysis, _, _ = analysed
    [text] = rows_for(analysis.articles, corpus / "with_scripts.html")["text"].to_list()
    assert "gerechten Frieden" in text and "Peskow" in text
    for leak in ("alert(", "document.write", "track()", "tracker.example", "color:red", "<script", "<iframe"):
        assert leak not in text


def test_metadata_with_markup_and_formulas_is_kept_verbatim(analysed) -> None:
    """Escaping is the dashboard's and the CSV export's job; the loader must not mangle or drop such values."""
    analysis, _, _ = analysed
    outlets = set(analysis.articles["outlet"].drop_nulls().to_list())
    assert "<script>alert('outlet')</script>" in outlets
    assert '=HYPERLINK("http://evil.example","klick")' in outlets
    assert "=1+1" in outlets and "@SUM(A1:A9)" in outlets  # the loader strips the leading tab
    assert "../../../tmp/escape" in analysis.articles["article_id"].to_list()


def test_paths_with_dot_dot_name_the_same_files_once(corpus: Path) -> None:
    """`sub/../good_nd.txt` and the folder itself are the same file: loaded once, nothing else read."""
    loaded = load_corpus([corpus / "sub" / ".." / "good_nd.txt", corpus / "sub" / "deeper" / ".." / "deeper"])
    assert loaded.articles.height == 2
    assert loaded.errors.height == 0, loaded.errors.to_dicts()
    assert sorted(Path(p).name for p in loaded.articles["source_path"]) == ["good_nd.txt", "nested.txt"]


def test_input_files_are_never_modified(corpus: Path, analysed) -> None:
    _, before, _ = analysed
    assert snapshot(corpus.parent) == before


def test_bad_corpus_analyses_quickly(analysed) -> None:
    _, _, seconds = analysed
    assert seconds < 30, f"the bad-input corpus took {seconds:.1f} s"


# ---------------------------------------------------------------- the CLI: the process never dies


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "framing.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _all_csv_cells(folder: Path):
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    yield path.name, cell


def test_cli_analyses_the_bad_corpus_and_exits_cleanly(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = snapshot(corpus.parent)
    parent_before = set(os.listdir(tmp_path))
    result = run_cli("analyze", str(corpus), "--out", str(out), "--no-cache", "--quiet", "--workers", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    summary = re.search(r"analysed (\d+) articles? .*; (\d+) errors?, (\d+) warnings?", result.stdout)
    assert summary, result.stdout
    loaded = load_corpus([corpus])
    assert int(summary.group(1)) == loaded.articles.height
    assert "errors.csv" in result.stderr  # the user is pointed at the per-file problems
    errors = pl.read_csv(out / "errors.csv", infer_schema=False)
    error_files = {Path(p).name for p in errors["source_path"].to_list()}
    for case in CASES:
        if case.articles == 0 and case.silent is None:
            assert Path(case.name).name in error_files, case.name
    # Every string cell a spreadsheet would execute is neutralised, including file names and outlets.
    for name, cell in _all_csv_cells(out):
        if cell.startswith(FORMULA_PREFIXES):
            assert re.fullmatch(r"-\d+(\.\d+)?(e-?\d+)?", cell), (name, cell[:80])
    articles = pl.read_parquet(out / "articles.parquet")
    assert "../../../tmp/escape" in articles["article_id"].to_list()
    assert set(os.listdir(tmp_path)) - parent_before == {"out"}  # nothing written beside --out
    assert not Path("/tmp/escape").exists()
    assert snapshot(corpus.parent) == before


def test_a_folder_of_only_bad_files_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\x00\x00")
    analysis = analyze_paths([tmp_path], use_cache=False, textblob=False)
    assert analysis.articles.height == 0 and analysis.errors.height == 2


def test_cli_gives_a_one_line_message_for_a_missing_path(tmp_path: Path) -> None:
    result = run_cli("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "--no-cache", "--quiet")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    errors = pl.read_csv(tmp_path / "out" / "errors.csv")
    assert "does not exist" in errors["reason"][0]


# ---------------------------------------------------------------- volume: 10,000 tiny files, a 50 MB article


def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    """Every one of 10,000 files is loaded and analysed (how fast is bench/'s question, not a unit test's)."""
    bad_inputs.tiny_files(tmp_path / "feed", 10_000)
    analysis = analyze_paths([tmp_path / "feed"], workers=2, use_cache=False, textblob=False)
    assert analysis.articles.height == 10_000 and analysis.errors.height == 0
    assert analysis.sentences["article_id"].n_unique() == 10_000
    assert analysis.quotes.height >= 10_000  # each says "Rutte sagte, ..."


BIG_MB = 50


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text(bad_inputs.big_article(BIG_MB), encoding="utf-8")
    return path


def test_50_mb_article_loads(big_file: Path) -> None:
    started = time.process_time()  # CPU time of this process: other load on the machine does not count
    loaded = load_corpus([big_file])
    seconds = time.process_time() - started
    assert loaded.errors.height == 0
    assert loaded.articles.height == 1 and loaded.articles["n_chars"][0] >= BIG_MB * 990_000
    assert seconds < 20, f"loading {BIG_MB} MB took {seconds:.1f} s of CPU"  # a guard against a quadratic read


def test_50_mb_article_is_refused_as_an_upload(big_file: Path, tmp_path: Path) -> None:
    """The size guard: the dashboard's store refuses it with a message instead of analysing it for hours."""
    from framing.load.uploads import MAX_FILE_BYTES, add_files

    assert big_file.stat().st_size > MAX_FILE_BYTES
    [result] = add_files(tmp_path / "store", [("big.txt", big_file.read_bytes())])
    assert result.status == "rejected" and "limit" in result.message
    assert not list((tmp_path / "store").glob("*.txt"))


def test_analysis_time_of_a_run_on_sentence_grows_about_linearly() -> None:
    """A run-on sentence full of speech verbs (a transcript, an OCR dump) once took quadratic time: 234 KB, 132 s."""
    analyze_text(bad_inputs.run_on_sentence(20), textblob=False)

    def cpu_seconds(repeats: int) -> float:
        """CPU time of one analysis, the best of three: other processes on a loaded machine do not count."""
        text = bad_inputs.run_on_sentence(repeats)
        best = float("inf")
        for _ in range(3):
            score_tone.cache_clear()  # scores are memoised per text: every run starts cold
            started = time.process_time()
            analyze_text(text, textblob=False)
            best = min(best, time.process_time() - started)
        return best

    small, large = cpu_seconds(150), cpu_seconds(600)
    assert large < 8 * small, f"4x the sentence took {large / small:.1f}x the time ({small:.2f} s -> {large:.2f} s)"
