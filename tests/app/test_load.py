"""Load: one `streamlit run` server, 10 concurrent browser sessions (one Chromium, 10 contexts), each removing an
outlet chip and downloading the overview CSV; every session renders its chart and gets exactly its rows, and the
server's memory stays bounded (its peak under a bound, and what the 10 sessions leave behind small).
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import threading
import time

import pytest

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, PLOT, dashboard_server
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing on CI: .ci/run installs it with apt-get (chromium)")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium); load test skipped", allow_module_level=True)

SESSIONS = 10
OUTLETS = ("nd", "OZD", "Chas Pravdy")  # outlets of the bundled corpus
RSS_BOUND_MB = 1500  # measured: see docs/guarantees.md
GROWTH_MB = 300  # what 10 finished sessions may leave in the server's memory
WAIT_MS = 300_000  # generous: on a 2-core machine shared with other jobs, 10 first loads took 40-60 s
RESULTS: dict[str, object] = {}

IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
             && !document.querySelector('[data-stale="true"]')"""
SIGNATURE = f"""() => {{ const p = document.querySelectorAll('{PLOT}')[0];
                    return p && p.data ? JSON.stringify(p.data.map(t => [t.name, t.x, t.y])) : null; }}"""
GONE = f"""(o) => {{ const p = document.querySelectorAll('{PLOT}')[0];
               return !!(p && p.data && !JSON.stringify(p.data.map(t => [t.name, t.x])).includes(JSON.stringify(o))); }}"""
CLICK_WAIT_MS = 90_000  # after this long without the outlet gone, and the page idle, the click counts as lost


def server_process(port: str):
    """The streamlit process serving `port` (a child of this test process)."""
    import psutil

    for child in psutil.Process().children(recursive=True):
        try:
            if "streamlit" in " ".join(child.cmdline()) and port in child.cmdline():
                return child
        except psutil.NoSuchProcess:
            continue
    raise RuntimeError(f"no streamlit process on port {port}")


class RssSampler(threading.Thread):
    """Peak resident memory of a process, sampled every 100 ms."""

    def __init__(self, process) -> None:
        super().__init__(daemon=True)
        self.process, self.peak, self.running = process, 0, True

    def run(self) -> None:
        while self.running:
            try:
                self.peak = max(self.peak, self.process.memory_info().rss)
            except Exception:  # the server has exited: the test fails on its own
                return
            time.sleep(0.1)

    def stop(self) -> int:
        self.running = False
        self.join()
        return self.peak


async def session(browser, url: str, i: int) -> dict:
    """One user: open the page with three outlets chosen, remove one chip, download the overview CSV.
    On failure the page's visible text is added to the error, to tell a slow server from a stuck one."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        return await _session(context, url, i)
    except Exception as exc:
        shown = ""
        for page in context.pages:
            try:
                shown = (await page.evaluate("() => document.body.innerText"))[-800:].replace("\n", " | ")
            except Exception:  # noqa: BLE001 - diagnostics only
                pass
        raise AssertionError(f"session {i} failed ({type(exc).__name__}: {str(exc)[:200]}); page shows: {shown}")
    finally:
        await context.close()


async def _session(context, url: str, i: int) -> dict:
    removed = OUTLETS[i % len(OUTLETS)]
    kept = sorted(set(OUTLETS) - {removed})
    page = await context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: dialogs.append(d.message))
    query = "&".join(f"outlet={o.replace(' ', '+')}" for o in OUTLETS)
    await asyncio.sleep(0.3 * i)  # users arrive within a few seconds, not in the same millisecond
    started = time.monotonic()
    # the Overview: its first chart names the outlets as traces, and its table is the download checked below
    await page.goto(f"{url}/?view=Overview&{query}", wait_until="commit", timeout=WAIT_MS)
    await page.wait_for_function(f"() => document.querySelectorAll('{PLOT} .main-svg').length >= 1",
                                 timeout=WAIT_MS)
    await page.wait_for_function(IDLE, timeout=WAIT_MS)
    first_chart = time.monotonic() - started
    before = await page.evaluate(SIGNATURE)
    assert removed in before
    chip = page.get_by_role("button", name=f"Remove {removed}")
    click_retries = 0
    while True:
        await chip.click(timeout=WAIT_MS)
        try:
            await page.wait_for_function(GONE, arg=removed, timeout=CLICK_WAIT_MS)
            break
        except PlaywrightTimeout:
            # Under load a click can land while its widget is being redrawn and be lost (seen once in CI: the
            # chart redrew, the outlet stayed). A user clicks again; so does this test, at most twice, and says so.
            await page.wait_for_function(IDLE, timeout=WAIT_MS)
            if not await chip.count():
                await page.wait_for_function(GONE, arg=removed, timeout=WAIT_MS)
                break
            click_retries += 1
            assert click_retries < 3, f"session {i}: {removed} still shown after {click_retries} clicks"
    await page.wait_for_function(IDLE, timeout=WAIT_MS)
    after = await page.evaluate(SIGNATURE)
    assert removed not in after and all(o in after for o in kept), after
    label = re.compile(rf"Download overview\.csv \({len(kept)} rows\)")  # the button of the filtered view
    path, retries = None, 0
    while path is None:
        await page.wait_for_function(IDLE, timeout=WAIT_MS)
        try:
            async with page.expect_download(timeout=45_000) as info:
                await page.get_by_role("button", name=label).click(timeout=WAIT_MS)
            path = await (await info.value).path()
        except PlaywrightError as exc:
            # No download, or one the browser reports as canceled (seen twice in CI at load 11, with ten sessions
            # on two cores): a user clicks again; so does this test, at most twice, and counts it.
            if not isinstance(exc, PlaywrightTimeout) and "canceled" not in str(exc):
                raise
            retries += 1
            assert retries < 3, f"session {i}: no download after {retries} clicks ({exc})"
    rows = list(csv.DictReader(io.StringIO(open(path, encoding="utf-8").read())))
    assert sorted(r["outlet"] for r in rows) == kept, rows
    assert not dialogs, dialogs
    print(f"session {i}: {time.monotonic() - started:.1f} s", flush=True)
    return {"session": i, "removed": removed, "rows": len(rows), "download_retries": retries,
            "click_retries": click_retries,
            "first_chart_s": round(first_chart, 1), "total_s": round(time.monotonic() - started, 1)}


async def wave(url: str, n: int) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            return await asyncio.gather(*(session(browser, url, i) for i in range(n)))
        finally:
            await browser.close()


def test_ten_concurrent_sessions_render_filter_download_with_bounded_memory(tmp_path) -> None:
    pytest.importorskip("psutil")
    started = time.monotonic()
    with dashboard_server(user_corpus=tmp_path / "user", cache_dir=tmp_path / "cache") as url:
        server = server_process(url.rsplit(":", 1)[1])
        # One session first, so the corpus is analysed and cached before the crowd arrives.
        asyncio.run(wave(url, 1))
        warm_mb = server.memory_info().rss / 2**20
        sampler = RssSampler(server)
        sampler.start()
        sessions = asyncio.run(wave(url, SESSIONS))
        peak_mb = sampler.stop() / 2**20
        after_mb = server.memory_info().rss / 2**20
    RESULTS.update(sessions=SESSIONS, warm_mb=round(warm_mb), peak_mb=round(peak_mb), after_mb=round(after_mb),
                   seconds=round(time.monotonic() - started, 1),
                   slowest_session_s=max(r["total_s"] for r in sessions),
                   download_retries=sum(r["download_retries"] for r in sessions),
                   click_retries=sum(r["click_retries"] for r in sessions))
    print("load:", RESULTS)
    assert len(sessions) == SESSIONS
    assert all(r["rows"] == len(OUTLETS) - 1 for r in sessions)
    assert peak_mb < RSS_BOUND_MB, RESULTS
    assert after_mb - warm_mb < GROWTH_MB, RESULTS
