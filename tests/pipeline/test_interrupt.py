"""No data loss: `framing analyze` killed (SIGKILL, the whole process group) at different moments leaves the previous
results in --out readable, resumes from the analysis cache and ends with the same tables as a clean run; the user
corpus store survives concurrent uploads from two processes and a writer killed mid-upload; inputs never change.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polars as pl
import pytest

from framing.pipeline import cache as analysis_module
from framing.pipeline import Analysis, fingerprint

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 3000  # the cache writes a shard every FLUSH_EVERY articles: shards mid-run and one at the end
FLUSH_EVERY = getattr(analysis_module, "FLUSH_EVERY", 2000)
KILLS: list[str] = []  # moments at which a run was killed and the checks after it passed (for the README)


def write_corpus(path: Path, n: int = N_ARTICLES) -> Path:
    names = ["Rutte", "Peskow", "Selenskyj", "Merz", "Macron", "Lawrow"]
    topics = ["Frieden", "Gespräche", "Sanktionen", "Hilfen", "Truppen", "Verhandlungen"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            r = random.Random(i)
            text = (f"Meldung {i}. {r.choice(names)} sagte am Freitag, die {r.choice(topics)} seien wichtig. "
                    f"„Wir brauchen {r.choice(topics)}“, erklärte {r.choice(names)} in Kiew. "
                    f"Die {r.choice(topics)} sollen in der nächsten Woche weitergehen.\n")
            fh.write(json.dumps({"id": f"a{i:04d}", "outlet": r.choice(["nd", "taz", "FAZ"]), "text": text}) + "\n")
    return path


def start(corpus: Path, out: Path, cache: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out), "--cache-dir", str(cache),
           "--quiet", "--no-textblob", "--workers", "2"]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # own process group: the kill takes the worker processes too


def kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=30)


def wait_until(predicate, proc: subprocess.Popen, timeout: float = 60, step: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(step)
    return False


def done_shards(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/done/*.parquet"))


def table_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


def readable(out: Path) -> None:
    """Every table in --out parses, as CSV and as parquet."""
    for name in Analysis.TABLES:
        pl.read_parquet(out / f"{name}.parquet")
        pl.read_csv(out / f"{name}.csv", infer_schema=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sorted_tables(out: Path) -> dict[str, pl.DataFrame]:
    tables = {}
    for name in Analysis.TABLES:
        frame = pl.read_parquet(out / f"{name}.parquet")
        tables[name] = frame.sort(frame.columns) if frame.height else frame
    return tables


def test_killed_runs_keep_previous_results_and_resume(tmp_path: Path) -> None:
    fp_before = fingerprint.__wrapped__()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    corpus_digest = digest(corpus)
    out, cache = tmp_path / "out", tmp_path / "cache"

    # The previous results: a complete run on another (small) corpus into the same --out.
    previous = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(ROOT / "data" / "corpus"),
                               "--out", str(out), "--no-cache", "--quiet", "--no-textblob"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert previous.returncode == 0, previous.stderr
    old = table_files(out)
    assert len(old) == 2 * len(Analysis.TABLES) + 1  # CSV and parquet, and text_reuse.parquet

    def check_out(moment: str, *, allow_new: bool = False) -> None:
        readable(out)
        now = table_files(out)
        assert set(now) == set(old), f"after the kill {moment}: files appeared or vanished"
        changed = [name for name in now if now[name] != old[name]]
        if not allow_new:
            assert not changed, f"after the kill {moment}: {changed} changed"
        mixed[moment] = changed
        assert digest(corpus) == corpus_digest
        KILLS.append(moment)

    mixed: dict[str, list[str]] = {}

    # 1. Early: while loading and analysing, before any cache shard exists.
    proc = start(corpus, out, cache)
    time.sleep(0.8)
    assert proc.poll() is None, "the run finished before it could be killed; make the corpus larger"
    assert not done_shards(cache)
    kill(proc)
    check_out("early, before any cache shard")

    # 2. Just after the first cache shard is complete.
    proc = start(corpus, out, cache)
    assert wait_until(lambda: bool(done_shards(cache)), proc), "no cache shard appeared"
    kill(proc)
    check_out("just after the first cache shard was written")
    shards_after_kill = len(done_shards(cache))

    # 3. While the resumed run writes the output tables (the first table file has been replaced).
    proc = start(corpus, out, cache)
    first = out / "articles.csv"
    first_inode = first.stat().st_ino
    assert wait_until(lambda: first.stat().st_ino != first_inode, proc, step=0.001), "the output was never written"
    kill(proc)
    check_out("while the output tables were being replaced", allow_new=True)

    # 4. At a random moment of another resumed run.
    proc = start(corpus, out, cache)
    time.sleep(random.Random(7).uniform(0.5, 1.5))
    kill(proc)
    check_out("at a random moment of a resumed run", allow_new=True)

    # The final run completes, reusing what the killed runs cached.
    final = subprocess.run(start(corpus, out, cache).args, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert final.returncode == 0, final.stderr
    if fingerprint.__wrapped__() != fp_before:
        pytest.skip("framing/*.py or data/ changed while the test ran (the cache is keyed by them)")
    reused = re.search(r"; (\d+) articles? reused from the cache", final.stdout)
    assert reused, final.stdout
    assert int(reused.group(1)) >= FLUSH_EVERY * shards_after_kill, final.stdout
    assert re.search(rf"analysed {N_ARTICLES} articles", final.stdout)

    clean = tmp_path / "clean"
    result = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(clean),
                             "--no-cache", "--quiet", "--no-textblob", "--workers", "2"],
                            cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    got, want = sorted_tables(out), sorted_tables(clean)
    for name in Analysis.TABLES:
        assert got[name].equals(want[name]), name
    assert got["articles"].height == N_ARTICLES and got["sentences"].height >= 3 * N_ARTICLES

    # A table file replaced during the killed runs is either the old one or the final one, never a fragment.
    new = table_files(out)
    for moment, changed in mixed.items():
        for name in changed:
            assert name in new
    assert digest(corpus) == corpus_digest
    assert len(KILLS) >= 4
    print(f"kills survived: {len(KILLS)}: {KILLS}; tables replaced when killed mid-write: {mixed}")


def test_a_kill_while_writing_leaves_one_consistent_set_of_tables(tmp_path: Path) -> None:
    """Killed while the new tables are being written (the staging folder exists), --out still holds the whole old
    set; after a run that completes, the whole new set. Never a mix."""
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out"
    previous = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(ROOT / "data" / "corpus"),
                               "--out", str(out), "--no-cache", "--quiet", "--no-textblob"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert previous.returncode == 0, previous.stderr
    old = table_files(out)
    proc = start(corpus, out, tmp_path / "cache")
    assert wait_until(lambda: any(tmp_path.glob(".out.staging-*/*.csv")), proc, step=0.001)
    kill(proc)
    assert table_files(out) == old, "--out changed although the run was killed before its tables were complete"
    readable(out)
    finished = start(corpus, out, tmp_path / "cache")
    assert finished.wait(timeout=600) == 0, finished.stderr.read()
    expected = tmp_path / "expected"
    clean = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(expected),
                            "--no-cache", "--quiet", "--no-textblob"], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert clean.returncode == 0, clean.stderr
    assert table_files(out) == table_files(expected)


# ---------------------------------------------------------------- the user corpus store


UPLOADER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from framing.load.uploads import add_files
    store, tag, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for i in range(n):
        text = f"Rutte sagte in Kiew, die Ukraine brauche Frieden. Upload {tag} Nummer {i}.\\n"
        [result] = add_files(store, [(f"{tag}-{i}.txt", text.encode())], outlet=f"Outlet {tag}")
        assert result.status == "stored", result
        print(i, flush=True)
""")


def uploader(store: Path, tag: str, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", UPLOADER, str(store), tag, str(n)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_two_processes_uploading_at_once_keep_every_file(tmp_path: Path) -> None:
    from framing.load import load_corpus
    from framing.load.uploads import list_files

    procs = [uploader(tmp_path, tag, 15) for tag in ("a", "b")]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    index = list_files(tmp_path)
    assert len(index) == 30 and len({r["stored_name"] for r in index}) == 30
    loaded = load_corpus([tmp_path])
    assert loaded.articles.height == 30 and loaded.errors.filter(pl.col("severity") == "error").height == 0
    assert sorted(set(loaded.articles["outlet"].to_list())) == ["Outlet a", "Outlet b"]


def test_an_upload_killed_midway_leaves_a_usable_store(tmp_path: Path) -> None:
    from framing.load import load_corpus
    from framing.load.uploads import add_files, list_files

    survived = 0
    for attempt in range(3):
        proc = uploader(tmp_path, f"k{attempt}", 200)
        assert proc.stdout is not None
        for _ in range(3 + 4 * attempt):  # kill after a few uploads, at a different point each time
            proc.stdout.readline()
        kill(proc)
        index = list_files(tmp_path)  # the index parses
        for row in index:
            assert (tmp_path / row["stored_name"]).is_file(), row
        loaded = load_corpus([tmp_path])
        assert loaded.errors.filter(pl.col("severity") == "error").height == 0, loaded.errors.to_dicts()
        [result] = add_files(tmp_path, [(f"after-{attempt}.txt", f"Peskow sagte etwas {attempt}.".encode())])
        assert result.status == "stored", result  # the lock was released by the killed writer
        survived += 1
        KILLS.append(f"store writer killed after {3 + 4 * attempt}+ uploads")
    assert survived == 3
    stored = {p.name for p in tmp_path.iterdir() if p.suffix == ".txt"}
    indexed = {r["stored_name"] for r in list_files(tmp_path)}
    assert indexed <= stored
    orphans = stored - indexed
    assert len(orphans) <= 3, f"files kept but missing from the uploads index: {sorted(orphans)}"
