"""Benchmarks: throughput and peak memory of the analysis, stage by stage, against the naive textblob-de baseline.

    make bench                       # seeds, 10kgnad (1,028), synthetic 10,000 and 100,000 articles, dashboard
    python -m bench.run --sizes 10000 --skip-dashboard

Prints a table and writes bench/RESULTS.md (with the machine it ran on). The 10kgnad texts come from
../shared/corpora (licensed for evaluation): the synthetic corpora are written to a temporary folder, never into
the project. Each corpus is analysed in a fresh subprocess (no cache) so peak memory is that run's alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (a git worktree under /work/wt/ finds it two levels up)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
GNAD = SHARED / "corpora" / "10kgnad" / "test.csv"
OUTLETS = ["nd", "OZD", "taz", "FAZ", "SZ", "Welt", "Spiegel", "Zeit", "dpa", "Chas Pravdy"]
csv.field_size_limit(1 << 30)


def gnad_texts() -> list[str]:
    with open(GNAD, encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]


def write_synthetic(folder: Path, texts: list[str], n: int, seed: int = 7) -> Path:
    """n articles cycling through `texts`, each with an outlet and a date; a numbered sentence keeps texts unique."""
    rng = random.Random(seed)
    path = folder / f"synthetic_{n}.jsonl"
    start = date(2025, 1, 1)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = texts[i % len(texts)] + f" (Fassung {i // len(texts) + 1}.)"
            record = {"id": f"s{i:06d}", "outlet": OUTLETS[i % len(OUTLETS)],
                      "date": (start + timedelta(days=rng.randrange(365))).isoformat(), "text": text}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _pss(process) -> int:
    try:
        return process.memory_full_info().pss
    except (AttributeError, OSError):
        return process.memory_info().rss


def measure_run(paths: list[str], out: Path, extra: list[str]) -> dict:
    """`framing analyze` in a subprocess; wall time and peak RSS of its whole process tree."""
    import psutil

    cmd = [sys.executable, "-m", "framing.cli", "analyze", *paths, "--out", str(out), "--no-cache", "--quiet", *extra]
    started = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            # PSS: shared pages counted once across the processes (RSS would count them in every worker).
            peak = max(peak, sum(_pss(p) for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{stderr[-2000:]}")
    return {"seconds": seconds, "peak_mb": peak / 2**20, "summary": stdout.strip()}


def incremental(path: Path, tmp: Path) -> dict[str, float]:
    """Analyse a corpus with the cache, add one article, analyse again: the second run analyses only that one."""
    from framing.pipeline import analyze_articles
    from framing.load import load_corpus

    cache = tmp / "incremental_cache"
    loaded = load_corpus([path])
    analyze_articles(loaded.articles, cache_dir=cache, textblob=False)
    extra = tmp / "one_more.txt"
    extra.write_text("Der Kanzler sagte am Montag in Berlin, es sei zu früh für eine Entscheidung. "
                     "»Wir warten ab«, sagte er. Die Opposition kritisierte das scharf.", encoding="utf-8")
    t0 = time.perf_counter()
    grown = load_corpus([path, extra])
    t_load = time.perf_counter() - t0
    seen: list[tuple[int, int]] = []
    t0 = time.perf_counter()
    result = analyze_articles(grown.articles, cache_dir=cache, textblob=False, progress=lambda d, n: seen.append((d, n)))
    t_analyse = time.perf_counter() - t0
    return {"articles": grown.articles.height, "reused": result.reused, "load_s": t_load, "analyse_s": t_analyse}


def stage_times(texts: list[str], baseline_sentences: int = 2000) -> dict[str, float]:
    """Seconds per stage over `texts` in this process (one core), and the textblob-de baseline."""
    from framing.score.opinion import score_opinion
    from framing.quotes import find_quotes
    from framing.segment.sections import segment_sections
    from framing.segment.sentences import split_sentences
    from framing.score.tone import score_tone
    from bench.tone_speed import compare, textblob_column

    t = {}
    t0 = time.perf_counter()
    sections = [segment_sections(x) for x in texts]
    t["sections"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    sentences = [[span for s in secs for span in split_sentences(x, s.start, s.end)]
                 for x, secs in zip(texts, sections)]
    t["sentences"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for x, sents, secs in zip(texts, sentences, sections):
        find_quotes(x, sents, secs)
    t["quotes"] = time.perf_counter() - t0
    flat = [x[a:b] for x, sents in zip(texts, sentences) for a, b in sents]
    t0 = time.perf_counter()
    for s in flat:
        score_tone(s)
    t["tone"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in flat:
        score_opinion(s)
    t["opinion"] = time.perf_counter() - t0
    sample = flat[:baseline_sentences]
    # Both on the same sentences in this process; textblob-de as shipped.
    ours_rate, theirs_rate = compare(sample)
    t["textblob_column"] = textblob_column(sample)
    t["tone_sample"] = len(sample) / ours_rate
    t["textblob_sample"] = len(sample) / theirs_rate
    t["n_sentences"] = len(flat)
    t["n_textblob_sample"] = len(sample)
    return t


def aggregate_time(out: Path, reuse: bool) -> float:
    """Seconds for every comparison table over an analysed corpus read back from parquet, as `framing compare
    --analysis` computes them (`read_for_tables`, then `compare_tables`; the reading not timed).

    Text reuse (and the outlet matrix made from it) is left out for the synthetic corpora: they repeat each 10kgnad
    text many times by construction, so every article shares its whole text with dozens of others — a worst case no
    real corpus has.
    """
    from framing.aggregate.tables import compare_tables
    from framing.pipeline import read_for_tables

    analysis = read_for_tables(out, text=reuse)
    t0 = time.perf_counter()
    compare_tables(analysis, by="outlet", skip=() if reuse else ("text_reuse", "outlet_reuse"))
    return time.perf_counter() - t0


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, "
            f"Python {platform.python_version()}; load average at the end {load} (other work on the machine slows "
            "every figure)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000, 100000], help="synthetic corpus sizes")
    parser.add_argument("--skip-dashboard", action="store_true")
    parser.add_argument("--skip-reuse", action="store_true", help="no text reuse beside its baseline")
    parser.add_argument("--textblob-upto", type=int, default=10000,
                        help="corpora up to this many articles are analysed with the textblob-de column, larger ones "
                        "with --no-textblob (default 10000)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    if not GNAD.exists():
        print(f"needs {GNAD} (the 10kgnad test split in ../shared); not found", file=sys.stderr)
        return 2
    rows = []
    column_price = None
    texts = gnad_texts()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpora = [("seeds (5)", [str(ROOT / "data")], 5, sum(p.stat().st_size for p in (ROOT / "data" / "corpus").glob("*.txt")))]
        gnad_path = write_synthetic(tmp, texts, len(texts))
        corpora.append((f"10kgnad ({len(texts):,})", [str(gnad_path)], len(texts), gnad_path.stat().st_size))
        for n in args.sizes:
            p = write_synthetic(tmp, texts, n)
            corpora.append((f"synthetic {n:,}", [str(p)], n, p.stat().st_size))
        for label, paths, n, size in corpora:
            out = tmp / f"out_{n}"
            print(f"analysing {label} ...", file=sys.stderr, flush=True)
            textblob = n <= args.textblob_upto
            run = measure_run(paths, out, [] if textblob else ["--no-textblob"])
            agg = aggregate_time(out, reuse=not label.startswith("synthetic"))
            rows.append({"corpus": label, "articles": n, "mb": size / 1e6, **run, "aggregate_s": agg,
                         "textblob": "yes" if textblob else "no"})
            print(f"  {run['seconds']:.1f} s, peak {run['peak_mb']:.0f} MB; aggregate {agg:.2f} s", file=sys.stderr)
            if textblob and label.startswith("10kgnad"):
                # The price of the textblob-de column: the same corpus without it, right after, in the same run.
                bare = measure_run(paths, tmp / f"out_{n}_bare", ["--no-textblob"])
                rows.append({"corpus": label, "articles": n, "mb": size / 1e6, **bare,
                             "aggregate_s": aggregate_time(tmp / f"out_{n}_bare", reuse=True), "textblob": "no"})
                column_price = (run["seconds"], bare["seconds"], os.getloadavg()[0])
                print(f"  without the column {bare['seconds']:.1f} s", file=sys.stderr)

        print("adding one article to the analysed 10kgnad corpus ...", file=sys.stderr, flush=True)
        inc = incremental(gnad_path, tmp)
        print("stage timings on the 10kgnad texts (one process) ...", file=sys.stderr, flush=True)
        stages = stage_times(texts)
        # Issue 19: text reuse beside the implementation it replaced, the comparison tables from the parquet output
        # of the largest corpus, and the dashboard view by view in Chromium (bench/views.py).
        from bench import reuse_speed, tables_speed, views

        reuse_sizes = [n for n in (3700, 10000, 100000) if n <= max(args.sizes, default=10000)]
        reuse_rows = [] if args.skip_reuse else reuse_speed.run(reuse_sizes, 10000, tmp)
        largest = max(args.sizes, default=None)
        table_runs = [] if largest is None else [
            tables_speed.measure(tmp / f"out_{largest}", by, period) for by, period in tables_speed.GROUPINGS]
        dash_section = ""
        if not args.skip_dashboard:
            print("dashboard in Chromium (bench.views) ...", file=sys.stderr, flush=True)
            dash_section = views.run_all([n for n in (5, 3700, 10000) if n <= max(args.sizes, default=10000)],
                                         tmp / "views", textblob=False)

    lines = [
        "# Benchmark results",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}.",
        f"Command: `python -m bench.run{' --sizes ' + ' '.join(map(str, args.sizes)) if args.sizes != [10000, 100000] else ''}"
        f"{f' --textblob-upto {args.textblob_upto}' if args.textblob_upto != 10000 else ''}` (`make bench`).",
        "",
        "## Whole analysis (`framing analyze --no-cache`, all cores)",
        "",
        "| corpus | articles | MB | textblob-de column | seconds | articles/s | MB/s | peak memory (MB, PSS of all processes) | aggregate (s)¹ |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['corpus']} | {r['articles']:,} | {r['mb']:.1f} | {r['textblob']} | {r['seconds']:.1f} | "
                     f"{r['articles'] / r['seconds']:,.0f} | {r['mb'] / r['seconds']:.2f} | {r['peak_mb']:,.0f} | "
                     f"{r['aggregate_s']:.2f} |")
    lines += ["", "¹ every comparison table by outlet, read back from the parquet output; for the synthetic corpora "
              "without text reuse (each text repeats there by construction, a worst case no real corpus has)."]
    if column_price:
        with_s, without_s, load = column_price
        lines += ["", f"The textblob-de column's price, 10kgnad, same run: {with_s:.1f} s with it, {without_s:.1f} s "
                  f"with `--no-textblob`, ratio **{with_s / without_s:.2f}×** (target ≤ 1.5×; 1-minute load "
                  f"average {load:.1f} at the second run)."]
    n_sent = stages["n_sentences"]
    tb_rate = stages["n_textblob_sample"] / stages["textblob_sample"]
    tone_rate = stages["n_textblob_sample"] / stages["tone_sample"]
    lines += [
        "",
        f"## Stages, one process, {len(texts):,} 10kgnad articles ({n_sent:,} sentences)",
        "",
        "| stage | seconds | articles/s | sentences/s |",
        "|---|---:|---:|---:|",
    ]
    for stage in ("sections", "sentences", "quotes", "tone", "opinion"):
        lines.append(f"| {stage} | {stages[stage]:.2f} | {len(texts) / stages[stage]:,.0f} | {n_sent / stages[stage]:,.0f} |")
    lines += [
        f"| textblob-de `.sentiment` per sentence (naive baseline, first {stages['n_textblob_sample']:,} sentences) | "
        f"{stages['textblob_sample']:.2f} | – | {tb_rate:,.0f} |",
        "",
        f"Our tone score: {tone_rate:,.0f} sentences/s; textblob-de: {tb_rate:,.0f} sentences/s; "
        f"ratio **{tone_rate / tb_rate:,.0f}×** (same sentences, same run).",
    ]
    column = stages["textblob_column"]
    lines += [
        "",
        f"The `polarity_textblob` column (framing's re-implementation) on the same {column['sentences']:,} sentences, "
        f"alternating chunks of 50 with the naive `TextBlobDE(s, tokenizer=PatternTokenizer()).sentiment.polarity`, "
        f"CPU time: framing {column['sentences'] / column['framing_s']:,.0f} sentences/s, textblob-de "
        f"{column['sentences'] / column['naive_s']:,.0f} sentences/s, ratio **{column['naive_s'] / column['framing_s']:.1f}×**; "
        f"values that differ: {column['differ']}.",
    ]
    lines += ["", "## Adding one article to an analysed corpus", "",
              f"{inc['articles']:,} articles, {inc['reused']:,} of them from the cache: loading the corpus "
              f"{inc['load_s']:.2f} s, analysing (the new article, plus reading the cached results of the others "
              f"and assembling the tables) {inc['analyse_s']:.2f} s."]
    if reuse_rows:
        lines += ["", "## Text reuse beside its baseline (issue 19.2, `python -m bench.reuse_speed`)", "",
                  "framing.aggregate.reuse.shared_text against the dict-based implementation it replaced "
                  "(tests/helpers/reuse_reference.py) on the same bench/corpora.py articles, each in a fresh process; "
                  "the baseline up to 10,000 articles.", "", *reuse_speed.report(reuse_rows)]
    if table_runs:
        lines += ["", f"## Comparison tables from the parquet output (issue 19.3, `python -m bench.tables_speed`), "
                  f"synthetic {largest:,}", "", *tables_speed.report(table_runs)]
    text = "\n".join(lines) + "\n" + (("\n" + dash_section) if dash_section else "")
    print(text)
    args.results.write_text(text + _other_sections(args.results, text), encoding="utf-8")
    return 0


def _other_sections(path: Path, text: str) -> str:
    """The sections of the results file that this run does not write (other benchmarks', e.g. bench.big_inputs),
    kept as they are."""
    if not path.exists():
        return ""
    import re

    ours = set(re.findall(r"^## .*$", text, re.M))
    # sections this script writes (the dashboard's only without --skip-dashboard) and the targets table read from
    # them: replaced by this run, as before
    this_run = ("## Whole analysis", "## Stages", "## Adding one article", "## Dashboard", "## Targets",
                "## Text reuse beside", "## Comparison tables from")
    old = path.read_text(encoding="utf-8")
    sections = re.findall(r"^(## .*?)(?=^## |\Z)", old, re.S | re.M)
    kept = [s for s in sections if s.splitlines()[0] not in ours and not s.startswith(this_run)]
    return "".join("\n" + s.rstrip("\n") + "\n" for s in kept)


if __name__ == "__main__":
    sys.exit(main())
