"""Playwright helpers: run the real `streamlit run dashboard.py` on a free loopback port and drive Debian's Chromium.

Nothing is installed at run time (never `playwright install`): the browser is /usr/bin/chromium from apt.
`dashboard_timing(corpus)` times a start and one filter change (bench/views.py measures every view).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PLOT = ".js-plotly-plot"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(args: list[str], env: dict[str, str], log_path: Path, timeout: float = 120, *,
                     command: list[str] | None = None, cwd: Path = ROOT,
                     port_flag: str = "--port") -> Iterator[tuple[subprocess.Popen, int]]:
    """`streamlit run dashboard.py --server.port PORT ARGS` (or `command` + `--port PORT` + ARGS, e.g. `framing
    dashboard`; `port_flag` is how that command takes the port) on a free port in `cwd`, output to `log_path`; yields the process and the port once
    /_stcore/health answers. The server is always terminated on exit."""
    port = free_port()
    if command is None:
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port), *args]
    else:
        cmd = [*command, port_flag, str(port), *args]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited with {proc.returncode}:\n"
                                       f"{log_path.read_text(errors='replace')[-3000:]}")
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"streamlit did not answer on port {port} within {timeout:.0f} s")
                time.sleep(0.2)
            yield proc, port
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextlib.contextmanager
def dashboard_server(*, corpus: str | Path | None = None, user_corpus: Path, cache_dir: Path,
                     timeout: float = 120, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """The dashboard with its own user corpus and cache on a free loopback port; yields the base URL."""
    env = {**os.environ, "FRAMING_USER_CORPUS": str(user_corpus), "FRAMING_CACHE_DIR": str(cache_dir),
           "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    if corpus is not None:
        env["FRAMING_CORPUS"] = str(corpus)
    args = ["--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with tempfile.TemporaryDirectory() as tmp, \
            streamlit_server(args, env, Path(tmp) / "streamlit.log", timeout) as (_, port):
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def chromium(viewport: tuple[int, int] = (1500, 1000)) -> Iterator[object]:
    """A Playwright page in Debian's Chromium (downloads accepted)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                          accept_downloads=True, locale="en-GB")
            yield context.new_page()
        finally:
            browser.close()


def wait_idle(page, timeout: float = 60_000) -> None:
    """Until the script run finished: the status widget ("Running...") is gone, the app is not stale and no element
    is still a skeleton (an element whose script the browser is still loading: the sidebar's widgets, drawn after
    the page, come last)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')
                 && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')""",
        timeout=timeout)


def wait_sidebar(page, timeout: float = 120_000) -> None:
    """Until the sidebar's filter widgets are drawn: the app draws them after the page (framing.app.main), so a
    page can show its chart while the sidebar is still empty; its last widget is the Reset filters button."""
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Reset filters").wait_for(timeout=timeout)
    wait_idle(page, timeout=timeout)


def wait_charts(page, n: int = 1, timeout: float = 120_000) -> None:
    page.wait_for_function(f"() => document.querySelectorAll('{PLOT} .main-svg').length >= {n}", timeout=timeout)


def chart_signature(page, index: int = 0) -> str:
    """The data behind a rendered plotly chart (x values of each trace), to tell whether it changed."""
    return page.evaluate(
        f"""(i) => {{ const p = document.querySelectorAll('{PLOT}')[i];
                 return p && p.data ? JSON.stringify(p.data.map(t => [t.name, t.x, t.y])) : null; }}""", index)


def server_ms(page) -> float | None:
    text = page.locator("text=/Server time for this view/").last.inner_text()
    match = re.search(r"view: (\d+) ms", text)
    return float(match.group(1)) if match else None


def screenshot(page, path: Path) -> None:
    """The whole view into `path` (the viewport is stretched to the main area's height for the shot)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for _ in range(2):  # measure, stretch, measure again (charts re-flow after the resize)
        height = page.evaluate("""() => { const b = document.querySelector('[data-testid="stMainBlockContainer"]');
                                          return b ? b.getBoundingClientRect().height + 200 : 0; }""")
        page.set_viewport_size({"width": size["width"], "height": int(min(max(height, size["height"]), 12000))})
        wait_idle(page)
        page.wait_for_timeout(400)  # plotly relayout after the resize
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def loopback_only(page) -> list[str]:
    """Route every request to a host other than the dashboard's own (loopback) to an abort; returns the list that
    collects the URLs of those attempts (requests and routed fetches alike)."""
    from urllib.parse import urlparse

    attempts: list[str] = []

    def outside(url: str) -> bool:
        parsed = urlparse(url)
        return parsed.scheme not in ("data", "blob", "about") and parsed.hostname not in ("127.0.0.1", "localhost")

    def route(route) -> None:
        if outside(route.request.url):
            attempts.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.context.route("**/*", route)
    page.on("request", lambda request: attempts.append(request.url) if outside(request.url) else None)
    return attempts


def select_view(page, name: str) -> None:
    page.get_by_role("radio", name=name, exact=True).first.click()  # a segmented control is a radio group
    wait_idle(page)


def dashboard_timing(corpus_path: str | Path, *, analysis_dir: str | Path | None = None,
                     warm_cache: bool = True) -> dict[str, float]:
    """Seconds from server start to the first rendered chart, and one filter change (choosing an outlet): in the
    browser (click to chart redrawn) and on the server (as the page reports it: filter, tables and charts).

    With `analysis_dir` (the --out folder of `framing analyze` on this corpus) the dashboard opens those tables
    (FRAMING_ANALYSIS). Otherwise, with `warm_cache`, the corpus is first analysed into a temporary disk cache, so
    the start measures a restart (load + cached analysis + tables), not the first analysis.
    """
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache, user = tmp / "cache", tmp / "user"
        extra_env = {}
        if analysis_dir is not None:
            extra_env["FRAMING_ANALYSIS"] = str(analysis_dir)
        elif warm_cache:
            env = {**os.environ, "FRAMING_CACHE_DIR": str(cache)}
            subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(corpus_path), "--out",
                            str(tmp / "out"), "--quiet"], cwd=ROOT, env=env, check=True, capture_output=True)
        started = time.perf_counter()
        with dashboard_server(corpus=corpus_path, user_corpus=user, cache_dir=cache, timeout=1800,
                              extra_env=extra_env) as url, \
                chromium() as page:
            page.goto(url, timeout=1_800_000)
            wait_charts(page, 1, timeout=1_800_000)
            first_chart = time.perf_counter() - started
            wait_idle(page)
            before = chart_signature(page, 0)
            # Choose one outlet in the sidebar (a filter the server has not computed before) and time it.
            page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
            option = page.get_by_role("option").filter(has_not_text="Select all").first
            option.wait_for()
            clicked = time.perf_counter()
            option.click()
            page.wait_for_function(f"(b) => {{ const p = document.querySelectorAll('{PLOT}')[0];"
                                   f" return p && p.data && JSON.stringify(p.data.map(t => [t.name, t.x, t.y])) !== b; }}",
                                   arg=before, timeout=120_000)
            change = time.perf_counter() - clicked
            page.keyboard.press("Escape")
            wait_idle(page)
            ms = server_ms(page)
    return {"first_chart_s": first_chart, "filter_change_s": change, "server_filter_ms": ms if ms is not None else float("nan")}


if __name__ == "__main__":  # python tests/browser.py CORPUS
    print(dashboard_timing(sys.argv[1] if len(sys.argv) > 1 else ROOT / "data"))


def assert_serves_the_bundled_corpus(command: list[str], tmp_path: Path) -> None:
    """`command` (a `framing dashboard` of some install) started in `tmp_path`, outside any checkout, answers its
    health check and draws a chart of the five bundled seed articles in Chromium."""
    env = {**os.environ, "FRAMING_USER_CORPUS": str(tmp_path / "user"), "FRAMING_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("FRAMING_CORPUS", None)
    with streamlit_server([], env, tmp_path / "server.log", command=command, cwd=tmp_path) as (_, port):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as response:
            assert response.status == 200
        with chromium() as page:
            page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
            wait_charts(page)
            assert page.locator(PLOT).count() >= 1
            assert page.get_by_text("5 articles").count() >= 1
