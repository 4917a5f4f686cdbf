"""The real `streamlit run dashboard.py` in Debian's Chromium: charts render, removing an outlet redraws a chart,
a CSV download holds exactly the filtered rows, an uploaded article (with hostile text) joins the views as
literal text, and every view is screenshotted into tests/artifacts/."""

from __future__ import annotations

import csv
import io
import os
import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.helpers.browser import CHROMIUM, PLOT, chart_signature, chromium, dashboard_server, select_view, wait_charts, wait_idle, wait_sidebar
from tests.helpers.browser import screenshot as browser_screenshot
from tests.helpers import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing on CI: .ci/run installs it with apt-get (chromium)")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium); browser tests skipped",
                allow_module_level=True)

VIEWS = ("Comparison", "Overview", "Tone", "Voices", "Actors", "Commentary", "Over time", "Text reuse", "Articles",
         "Add articles")
HOSTILE_OUTLET = "<img src=x onerror=alert(1)> Testblatt"
HOSTILE_TEXT = ("<script>alert(1)</script> [link](http://x) $x$\n\n"
                "Kiew. Der Präsident sagte: »Wir brauchen Sicherheitsgarantien.« Die Nato müsse jetzt handeln.\n")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    with dashboard_server(user_corpus=tmp / "user", cache_dir=tmp / "cache") as url, chromium() as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.base_url, page.dialogs = url, dialogs
        yield page
        assert not dialogs, f"the page opened dialogs (script ran): {dialogs}"


def goto(page, query: str = "") -> None:
    page.goto(page.base_url + "/" + query)
    wait_sidebar(page)


def screenshot(page, name: str) -> None:
    browser_screenshot(page, ARTIFACTS / f"{name}.png")


def test_the_first_screen_names_the_story_and_compares_the_outlets(page):
    goto(page)
    wait_charts(page, 1)
    page.get_by_text("The story:").first.wait_for()
    assert "5 articles from 5 outlets" in page.inner_text('[data-testid="stMain"]')
    outlets = page.evaluate(f"() => document.querySelectorAll('{PLOT}')[0].layout.yaxis.categoryarray")
    assert "nd" in outlets and len(outlets) == 5
    screenshot(page, "first_screen")  # the README's picture (docs/images/first_screen.png is a copy of it)


def test_a_dot_of_the_first_screen_opens_the_passage_behind_it(page):
    goto(page)
    wait_charts(page, 1)
    # the Opinionated panel's dot of nd: the second trace, the point on nd's row
    centre = page.evaluate(f"""() => {{
        const gd = document.querySelectorAll('{PLOT}')[0];
        const row = gd.data[1].y.indexOf('nd');
        const dot = gd.querySelectorAll('.scatterlayer .trace')[1].querySelectorAll('.point')[row];
        const r = dot.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
    }}""")
    page.mouse.click(*centre)
    page.wait_for_url(re.compile(r"/articles\?"), timeout=60_000)
    wait_idle(page)
    focus = page.locator(".fr-article .fr-focus").first
    focus.wait_for()
    assert focus.inner_text().strip()
    assert "nd" in page.inner_text('[data-testid="stMain"]')
    screenshot(page, "first_screen_dot_opened")


def test_a_cell_of_who_is_quoted_where_opens_the_speakers_statement(page):
    goto(page, "?view=Voices")
    wait_charts(page, 1)
    page.get_by_text("Who is quoted where").first.wait_for()
    heatmap = page.locator(PLOT).first
    cell = heatmap.evaluate("""gd => {
        const t = gd.data[0], row = t.z.findIndex(r => r.some(v => v));
        const col = t.z[row].findIndex(v => v);
        return [t.y[row], t.x[col], col, row, t.x.length, t.y.length];
    }""")
    speaker, outlet, col, row, n_cols, n_rows = cell
    box = page.locator(f"{PLOT} .nsewdrag").first.bounding_box()  # the plot area of the heatmap
    page.mouse.click(box["x"] + box["width"] * (col + 0.5) / n_cols, box["y"] + box["height"] * (row + 0.5) / n_rows)
    page.wait_for_url(re.compile(r"/articles\?"), timeout=60_000)
    wait_idle(page)
    page.locator(".fr-article .fr-focus").first.wait_for()
    assert speaker in page.inner_text('[data-testid="stMain"]')


def test_reset_clears_the_outlets_for_good(page):
    goto(page, "?view=Overview&outlet=nd&outlet=OZD")
    wait_charts(page, 3)
    page.get_by_role("button", name="Reset filters").click()
    wait_idle(page)
    select_view(page, "Tone")  # the next run: the widgets must not send their old selection back
    wait_charts(page, 1)
    assert "outlet" not in parse_qs(urlparse(page.url).query)
    assert page.get_by_role("button", name="Remove nd").count() == 0
    page.get_by_text("Showing 5 articles: all outlets, all dates").first.wait_for()


def test_page_renders_the_charts(page):
    goto(page, "?view=Overview")
    wait_charts(page, 3)
    page.get_by_text("Showing 5 articles: all outlets, all dates").first.wait_for()
    page.get_by_text("Articles per outlet").first.wait_for()
    assert page.locator(f"{PLOT} .main-svg").count() >= 3
    names = page.evaluate(f"() => document.querySelectorAll('{PLOT}')[0].data.map(t => t.name)")
    assert "(unknown outlet)" in names and "nd" in names


def test_removing_an_outlet_updates_a_chart(page):
    goto(page, "?view=Overview&outlet=nd&outlet=OZD&outlet=Chas+Pravdy")
    wait_charts(page, 3)
    before = chart_signature(page, 0)
    assert "OZD" in before
    page.get_by_role("button", name="Remove OZD").click()
    page.wait_for_function(
        f"(b) => {{ const p = document.querySelectorAll('{PLOT}')[0];"
        " return p && p.data && JSON.stringify(p.data.map(t => [t.name, t.x, t.y])) !== b; }", arg=before)
    wait_idle(page)
    after = chart_signature(page, 0)
    assert "OZD" not in after and "nd" in after
    assert parse_qs(urlparse(page.url).query)["outlet"] == ["nd", "Chas Pravdy"]


@pytest.mark.parametrize("query", ["voices?outlet=nd", "?view=Voices&outlet=nd"])
def test_a_page_opens_from_its_path_and_from_the_view_parameter(page, query):
    goto(page, query)
    page.wait_for_url(re.compile(r"/voices\?"))
    page.get_by_text("Who is quoted where").first.wait_for()
    wait_idle(page)
    assert page.get_by_role("radio", name="Voices", exact=True).first.get_attribute("aria-checked") == "true"
    params = parse_qs(urlparse(page.url).query)
    assert params["outlet"] == ["nd"] and params["view"] == ["Voices"]


def _download(page, name: str) -> tuple[list[dict], str]:
    button = page.get_by_role("button", name=re.compile(rf"Download {name}\.csv"))
    with page.expect_download() as info:
        button.click()
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_text(encoding="utf-8"))))
    return rows, button.inner_text()


def test_csv_download_holds_exactly_the_filtered_rows(page):
    goto(page, "?view=Overview&outlet=nd&outlet=Chas+Pravdy&kind=reporting&kind=commentary")
    wait_charts(page, 3)
    rows, label = _download(page, "overview")
    assert sorted(r["outlet"] for r in rows) == ["Chas Pravdy", "nd"]
    assert f"({len(rows)} rows)" in label
    rows, label = _download(page, "section_composition")
    assert rows and {r["outlet"] for r in rows} <= {"nd", "Chas Pravdy"}, (label, rows)
    assert {r["kind"] for r in rows} <= {"reporting", "commentary"}
    assert f"({len(rows)} rows)" in label


def test_every_view_screenshot(page):
    goto(page)
    wait_charts(page, 1)
    for view in VIEWS:
        select_view(page, view)
        if view not in ("Articles", "Add articles"):
            wait_charts(page, 1)
        screenshot(page, f"view_{view.lower().replace(' ', '_')}")
        assert "Traceback" not in page.inner_text('[data-testid="stMain"]')
    assert len(list(ARTIFACTS.glob("view_*.png"))) >= len(VIEWS)


def test_uploaded_article_appears_in_the_views_as_literal_text(page):
    goto(page, "?view=Add+articles")
    page.set_input_files('input[type="file"]', files=[
        {"name": "leserbrief.txt", "mimeType": "text/plain", "buffer": HOSTILE_TEXT.encode("utf-8")}])
    page.get_by_label("Outlet of these articles (optional)").fill(HOSTILE_OUTLET)
    page.keyboard.press("Tab")
    wait_idle(page)
    page.get_by_role("button", name="Add to my corpus").click()
    page.get_by_text("1 file(s) added").wait_for(timeout=120_000)
    wait_idle(page)
    select_view(page, "Overview")
    wait_charts(page, 3)
    main = page.inner_text('[data-testid="stMain"]')
    assert "Showing 6 articles" in main
    assert HOSTILE_OUTLET in page.evaluate(f"() => document.querySelectorAll('{PLOT}')[0].data.map(t => t.name).join('|')")\
        .replace("&lt;", "<").replace("&gt;", ">")
    goto(page, f"?view=Articles&outlet={HOSTILE_OUTLET.replace(' ', '+')}")
    article = page.locator(".fr-article").first
    article.wait_for()
    shown = article.inner_text()
    assert "<script>alert(1)</script> [link](http://x) $x$" in shown
    assert HOSTILE_OUTLET in shown
    assert "Sicherheitsgarantien" in shown  # German text intact
    assert page.locator('img[src="x"]').count() == 0 and page.locator(".fr-article script").count() == 0
    assert page.locator('.fr-article a[href="http://x"]').count() == 0
    screenshot(page, "upload_hostile_article")
