"""The dashboard in a real browser, view by view (issues 15 and 19.4): the real `streamlit run` in Debian's Chromium
on an analysis `framing analyze` wrote once (a warm start: the dashboard reads those tables, FRAMING_ANALYSIS).

    python -m bench.views                      # 5 seed articles, 3,700 and 10,000 synthetic ones
    python -m bench.views --sizes 10000 --work /tmp/views   # keep (and reuse) the corpora and analyses there

Per corpus it measures: the server's start (until /_stcore/health answers), the page open to its first drawn
chart (that first run reads the analysis), every view opened from the view picker (click to the run finished, and
the server time the page reports in its caption), two filter changes (an outlet chosen, then a second one) and
the server's memory (largest PSS of its process tree, sampled every 0.1 s). The synthetic corpora are those of
bench/corpora.py (10kgnad texts with agency passages run by several outlets). Prints a table and, with
--results, writes it into that file's "## Dashboard in the browser" section.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The views opened in turn after the first screen, which is opened last again: the filter changes are measured there
VIEWS = ("Tone", "Voices", "Actors", "Commentary", "Over time", "Text reuse", "Articles", "Overview", "Comparison")
TIMEOUT_MS = 120_000


def prepare(work: Path, n: int, textblob: bool) -> tuple[Path, Path]:
    """The corpus of n articles (5: the bundled seeds) and its analysis folder, made once in `work`."""
    from bench.corpora import write_reused
    from bench.run import gnad_texts

    corpus = ROOT / "data" if n == 5 else work / f"reused_{n}.jsonl"
    if n != 5 and not corpus.exists():
        write_reused(work, gnad_texts(), n)
    out = work / f"analysis_{n}{'' if textblob else '_no_textblob'}"
    if not (out / "articles.parquet").exists() and not (out / "articles").exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out), "--quiet",
                        "--no-cache", *([] if textblob else ["--no-textblob"])], cwd=ROOT, check=True,
                       capture_output=True)
        print(f"  analysed {n:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return corpus, out


class Memory(threading.Thread):
    """The largest PSS (RSS where PSS is not readable) of a process and its children, sampled until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        import psutil

        self.process, self.peak, self.stop = psutil.Process(pid), 0, threading.Event()

    def now(self) -> int:
        import psutil

        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += getattr(proc.memory_full_info(), "pss", 0) or proc.memory_info().rss
            except (psutil.Error, OSError):
                pass
        return total

    def cpu(self) -> float:
        """CPU seconds (user + system) the server's process tree has used so far: a figure the machine's load does
        not inflate, unlike the wall times."""
        import psutil

        total = 0.0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                times = proc.cpu_times()
                total += times.user + times.system
            except (psutil.Error, OSError):
                pass
        return total

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.now())
            time.sleep(0.1)


CAPTION = "Server time for this view"


def _caption(page) -> str:
    return page.evaluate(f"""() => {{ const c = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
        .filter(e => e.innerText.includes('{CAPTION}')); return c.length ? c[c.length - 1].innerText : ''; }}""")


def _rerun_done(page, before: str) -> None:
    """Until the run the last action started has finished: the page's server-time caption is a new one (each run
    writes its own figures) and nothing is running or stale."""
    page.wait_for_function(
        f"""(before) => {{ const c = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
              .filter(e => e.innerText.includes('{CAPTION}'));
            return c.length && c[c.length - 1].innerText !== before
              && !document.querySelector('[data-testid="stStatusWidget"]')
              && !document.querySelector('[data-stale="true"]'); }}""", arg=before, timeout=TIMEOUT_MS)


def _choose_outlet(page, index: int) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
    options = page.get_by_role("option").filter(has_not_text="Select all")
    options.nth(index).wait_for()
    options.nth(index).click()


def _open_again(page, port: int) -> float:
    """Page open to first chart in a new tab of the same browser, whose cache now holds Streamlit's scripts (a
    returning user's case: Streamlit serves them as immutable for a year); the tab is closed again."""
    tab = page.context.new_page()
    try:
        opened = time.perf_counter()
        tab.goto(f"http://127.0.0.1:{port}/", timeout=TIMEOUT_MS)
        from tests.helpers.browser import wait_charts

        wait_charts(tab, 1, timeout=TIMEOUT_MS)
        return time.perf_counter() - opened
    finally:
        tab.close()


FLOOR_APP = """import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
"""


def floor(tmp: Path) -> dict:
    """Streamlit's own floor in the same browser: a page with one plotly bar chart and nothing else, page open to
    its chart, with an empty browser cache and again with the cache warm (best of three each)."""
    from tests.helpers.browser import chromium, streamlit_server, wait_charts

    app = tmp / "floor_app.py"
    app.write_text(FLOOR_APP, encoding="utf-8")
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true", "--server.address",
               "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    cold, warm = [], []
    with streamlit_server([], dict(os.environ), tmp / "floor.log", command=command, cwd=tmp,
                          port_flag="--server.port") as (_, port):
        for _ in range(3):
            with chromium() as page:
                opened = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/", timeout=TIMEOUT_MS)
                wait_charts(page, 1, timeout=TIMEOUT_MS)
                cold.append(time.perf_counter() - opened)
                warm.append(_open_again(page, port))
    return {"cold_s": min(cold), "warm_s": min(warm)}


def _corpus_ready(log: Path, started: float, timeout: float = 300) -> float:
    """Seconds from the server's start until framing.app.launch said on stderr that the corpus is ready (a user
    opens the page after that), waiting at most `timeout` seconds."""
    from framing.app.launch import READY

    while time.perf_counter() - started < timeout:
        if READY in log.read_text(errors="replace"):
            return time.perf_counter() - started
        time.sleep(0.1)
    return float("nan")


def measure(n: int, corpus: Path, analysis: Path, tmp: Path, cache: Path, plain: bool = False) -> dict:
    """One server on `analysis`, one browser: the figures of the module docstring. `cache` is the server's
    FRAMING_CACHE_DIR (the text reuse it found before is read from there)."""
    from tests.helpers.browser import chromium, server_ms, streamlit_server, wait_charts, wait_idle

    empty = tmp / f"empty_{n}"
    empty.mkdir(exist_ok=True)
    env = {**os.environ, "FRAMING_ANALYSIS": str(analysis), "FRAMING_CORPUS": str(empty),
           "FRAMING_USER_CORPUS": str(tmp / f"user_{n}"), "FRAMING_CACHE_DIR": str(cache),
           "PYTHONUNBUFFERED": "1"}
    if plain:  # `streamlit run dashboard.py`: the first page imports the app and reads the analysis itself
        args, command = ["--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats",
                         "false", "--server.fileWatcherType", "none"], None
    else:  # `framing dashboard`: framing.app.launch does both while the server starts
        args, command = [], [sys.executable, "-m", "framing.cli", "dashboard"]
    from framing.pipeline.stored_reuse import files as stored_reuse_files

    result: dict = {"articles": n, "views": {}, "reuse_cached": (cache / "text_reuse").is_dir(),
                    "reuse_stored": bool(stored_reuse_files(analysis)),
                    "start": "streamlit run dashboard.py" if plain else "framing dashboard"}
    started = time.perf_counter()
    with streamlit_server(args, env, tmp / f"server_{n}.log", timeout=300, command=command) as (proc, port):
        result["ready_s"] = _corpus_ready(tmp / f"server_{n}.log", started) if not plain else float("nan")
        result["server_start_s"] = time.perf_counter() - started
        memory = Memory(proc.pid)
        memory.start()
        result["memory_idle_mb"] = memory.now() / 2**20
        with chromium() as page:
            cpu = memory.cpu()
            opened = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/", timeout=TIMEOUT_MS)
            wait_charts(page, 1, timeout=TIMEOUT_MS)
            result["first_chart_s"] = time.perf_counter() - opened
            _rerun_done(page, "")
            result["first_page_s"] = time.perf_counter() - opened
            result["first_server_ms"] = server_ms(page)
            result["first_cpu_ms"] = (memory.cpu() - cpu) * 1000
            result["memory_first_mb"] = memory.now() / 2**20
            result["first_chart_cached_s"] = _open_again(page, port)
            for view in VIEWS:
                before, cpu = _caption(page), memory.cpu()
                page.get_by_role("radio", name=view, exact=True).first.click()
                clicked = time.perf_counter()
                _rerun_done(page, before)
                result["views"][view] = {"open_s": time.perf_counter() - clicked, "server_ms": server_ms(page),
                                         "cpu_ms": (memory.cpu() - cpu) * 1000, "memory_mb": memory.now() / 2**20}
                print(f"  {view}: {result['views'][view]['open_s']:.2f} s "
                      f"(server {result['views'][view]['server_ms']} ms)", file=sys.stderr)
            changes = []
            for index in (0, 1):  # on the last view opened: the first screen
                before, cpu = _caption(page), memory.cpu()
                _choose_outlet(page, index)
                clicked = time.perf_counter()
                _rerun_done(page, before)
                changes.append({"browser_s": time.perf_counter() - clicked, "server_ms": server_ms(page),
                                "cpu_ms": (memory.cpu() - cpu) * 1000})
                page.keyboard.press("Escape")
                wait_idle(page, timeout=TIMEOUT_MS)
            result["filter_changes"] = changes
        memory.stop.set()
        memory.join()
        result["memory_peak_mb"] = memory.peak / 2**20
    return result


def report(results: list[dict], load: tuple[float, float, float], base: dict | None = None) -> str:
    from bench.run import machine

    lines = ["## Dashboard in the browser (issues 15 and 19.4)", "",
             f"`python -m bench.views` {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}; "
             f"load average at the start {', '.join(f'{x:.1f}' for x in load)}. Warm start: the dashboard opens the tables "
             "`framing analyze` wrote (FRAMING_ANALYSIS); Chromium (Playwright) opens the page. Times in the browser "
             "are from the click (or the page open) to the finished run; in brackets the server time the page's "
             "caption reports (filter, tables and charts of the view) and the CPU time the server's processes used "
             "for it (user + system: the figure the machine's load does not inflate). First chart: with the "
             "browser's cache empty, then in a new tab whose cache holds Streamlit's scripts (a returning user). "
             "The views are opened in turn; the filter changes (an outlet chosen, then a second one) are made on "
             "the first screen (Comparison).", ""]
    if base:
        lines += [f"Streamlit's own floor in the same browser and run: a page with one plotly bar chart and nothing "
                  f"else draws it {base['cold_s']:.2f} s after the page opens with an empty cache, "
                  f"{base['warm_s']:.2f} s with the cache warm (best of three).", ""]
    lines += ["| articles | started by | text reuse | server start (s) | corpus ready (s) | page open → first chart: "
              "empty cache / warm cache (s) | first page done (s; server ms, CPU ms) | "
              + " | ".join(VIEWS) + " | filter change: browser / server / CPU ms | server memory: idle / after first "
              "page / peak (MB) | memory added by opening Text reuse (MB) |",
              "|---:|---|---|---:|---:|---:|---:|" + "---:|" * len(VIEWS) + "---:|---:|---:|"]
    for r in results:
        views = " | ".join(f"{r['views'][v]['open_s']:.2f} s ({r['views'][v]['server_ms'] or 0:.0f}; "
                           f"{r['views'][v]['cpu_ms']:.0f})" for v in VIEWS)
        changes = "; ".join(f"{c['browser_s'] * 1000:.0f} / {c['server_ms'] or 0:.0f} / {c['cpu_ms']:.0f}"
                            for c in r["filter_changes"])
        reuse = ("stored by framing analyze" if r.get("reuse_stored") else "kept from before" if r["reuse_cached"]
                 else "found (first server)")
        lines.append(f"| {r['articles']:,} | `{r['start']}` | {reuse} | {r['server_start_s']:.1f} | "
                     f"{r['ready_s']:.1f} | {r['first_chart_s']:.2f} / {r['first_chart_cached_s']:.2f} | "
                     f"{r['first_page_s']:.2f} ({r['first_server_ms'] or 0:.0f}; {r['first_cpu_ms']:.0f}) | {views} | "
                     f"{changes} | {r['memory_idle_mb']:.0f} / {r['memory_first_mb']:.0f} / "
                     f"{r['memory_peak_mb']:.0f} | "
                     f"{r['views']['Text reuse']['memory_mb'] - r['views']['Over time']['memory_mb']:.0f} |")
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replace (or add) the section of `path` that starts with the same heading."""
    import re

    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    heading = section.splitlines()[0]
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def run_all(sizes: list[int], work: Path, *, textblob: bool, plain: bool = False) -> str:
    """Every size measured (twice where the text reuse is not kept yet: the first server ever, then a restart);
    the report's text."""
    load = os.getloadavg()
    work.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(f"{n:,} articles ...", file=sys.stderr, flush=True)
            corpus, analysis = prepare(work, n, textblob)
            cache = work / f"cache_{n}"
            from framing.pipeline.stored_reuse import files as stored_reuse_files

            if not (cache / "text_reuse").is_dir() and not stored_reuse_files(analysis):
                # The first server ever finds the text reuse (and keeps it); a restart reads it: both measured. An
                # analysis with the pairs `framing analyze` stored is read the same way by both: measured once.
                results.append(measure(n, corpus, analysis, Path(tmp), cache, plain))
            results.append(measure(n, corpus, analysis, Path(tmp), cache, plain))
        base = floor(Path(tmp))
    return report(results, load, base)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[5, 3700, 10000])
    parser.add_argument("--work", type=Path, help="folder for the corpora and analyses (kept; default: temporary)")
    parser.add_argument("--textblob", action="store_true", help="analyse with the textblob-de column")
    parser.add_argument("--plain", action="store_true", help="start `streamlit run dashboard.py` instead of "
                        "`framing dashboard` (no warm-up while the server starts)")
    parser.add_argument("--results", type=Path, help="write the table into this file (e.g. bench/RESULTS.md)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = run_all(args.sizes, args.work or Path(tmp), textblob=args.textblob, plain=args.plain)
    print(text)
    if args.results:
        write_section(args.results, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
