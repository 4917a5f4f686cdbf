"""Every dashboard view opened in Chromium on a synthetic corpus of N articles (10kGNAD's texts, ten outlets, dates
over a year): the server time each view reports, the time from the click to the view drawn in the browser (first
open and a second, warm one), and the server's memory (PSS) at the end.

    python -m bench.views --articles 3700 [--articles 10000]

The corpus is analysed first (`framing analyze --no-textblob`) and the dashboard opens those tables
(FRAMING_ANALYSIS), so the figures are a warm restart, not the first analysis. Needs ../shared/corpora/10kgnad and
/usr/bin/chromium. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import ROOT, gnad_texts, write_synthetic

VIEWS = ("Overview", "Tone", "Voices", "Actors", "Commentary", "Over time", "Text reuse", "Articles")


def _server_pss_mb(port: int) -> float:
    """PSS of the process listening on `port` and its children, in MB."""
    import psutil

    for conn in psutil.net_connections(kind="tcp"):
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN and conn.pid:
            proc = psutil.Process(conn.pid)
            procs = [proc, *proc.children(recursive=True)]
            total = 0
            for p in procs:
                try:
                    total += p.memory_full_info().pss
                except (psutil.Error, AttributeError):
                    total += p.memory_info().rss
            return total / 1e6
    return float("nan")


def measure(n: int) -> list[dict]:
    from tests.helpers.browser import PLOT, chromium, dashboard_server, select_view, server_ms, wait_idle

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = write_synthetic(tmp, gnad_texts(), n)
        out = tmp / "out"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--out", str(out), "--quiet",
                        "--no-textblob"], cwd=ROOT, check=True, env={**os.environ, "FRAMING_CACHE_DIR": str(tmp / "c")})
        print(f"analysed {n:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        rows = []
        with dashboard_server(corpus=corpus, user_corpus=tmp / "user", cache_dir=tmp / "cache", timeout=1800,
                              extra_env={"FRAMING_ANALYSIS": str(out)}) as url, chromium() as page:
            opened = time.perf_counter()
            page.goto(url + "/", timeout=1_800_000)
            page.wait_for_function(f"() => document.querySelectorAll('{PLOT} .main-svg').length >= 1",
                                   timeout=1_800_000)
            first_chart = time.perf_counter() - opened
            wait_idle(page, timeout=1_800_000)
            for round_ in ("first open", "warm"):
                for view in VIEWS:
                    clicked = time.perf_counter()
                    page.get_by_role("radio", name=view, exact=True).first.click()
                    wait_idle(page, timeout=1_800_000)
                    rows.append({"round": round_, "view": view, "browser_s": time.perf_counter() - clicked,
                                 "server_ms": server_ms(page)})
            port = int(re.search(r":(\d+)$", url).group(1))
            memory = _server_pss_mb(port)
    for row in rows:
        row.update(articles=n, first_chart_s=first_chart, server_pss_mb=memory)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable; default 3700)")
    args = parser.parse_args()
    print("| articles | view | round | browser: click to drawn (s) | server time of the view (ms) |")
    print("|---:|---|---|---:|---:|")
    summary = []
    for n in args.articles or [3700]:
        rows = measure(n)
        for r in rows:
            ms = "" if r["server_ms"] is None else f"{r['server_ms']:,.0f}"
            print(f"| {n:,} | {r['view']} | {r['round']} | {r['browser_s']:.2f} | {ms} |", flush=True)
        summary.append(f"{n:,} articles: first chart {rows[0]['first_chart_s']:.1f} s after the page opened; "
                       f"server memory (PSS) {rows[0]['server_pss_mb']:,.0f} MB at the end")
    print()
    for line in summary:
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
