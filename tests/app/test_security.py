"""Security, the parts that need no browser: the server's configuration (loopback, XSRF, no telemetry, upload limit)
and what a default `streamlit run` really does; uploads stored under generated names within size, type and count
limits; every CSV export formula-safe; the article markup built from escaped parts only; no network at run time.
(Rendering in a real browser is covered by tests/test_browser.py.)
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import textwrap
import tomllib
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.present.export import FORMULA_PREFIXES, to_csv_bytes
from framing.load.uploads import MAX_FILE_BYTES, MAX_FILES_PER_UPLOAD, add_files, list_files

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[klick](javascript:alert(1))",
    "![bild](http://evil.example/p.png)",
    "$\\frac{1}{0}$ und $$x^2$$",
    "**fett** _kursiv_ `code` # Titel",
    "<iframe src=//evil.example></iframe>",
    '"><svg onload=alert(1)>',
    "=HYPERLINK(\"http://evil.example\",\"klick\")",
]


# ---------------------------------------------------------------- server configuration


def test_streamlit_config_is_local_first() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server, browser = config["server"], config["browser"]
    assert server["address"] == "127.0.0.1"
    assert server["headless"] is True
    assert server["enableXsrfProtection"] is True
    assert server.get("enableCORS", True) is True  # Streamlit turns XSRF off when CORS protection is off
    assert browser["gatherUsageStats"] is False
    assert server["maxUploadSize"] * 1024 * 1024 >= MAX_FILE_BYTES  # Streamlit's MB are MiB
    assert server["maxUploadSize"] <= 50
    assert server.get("fileWatcherType") == "none"


@pytest.fixture(scope="module")
def default_server(tmp_path_factory):
    """`streamlit run dashboard.py` with only a port given: everything else from .streamlit/config.toml."""
    psutil = pytest.importorskip("psutil")
    from tests.helpers.browser import streamlit_server

    tmp = tmp_path_factory.mktemp("server")
    env = {**os.environ, "FRAMING_USER_CORPUS": str(tmp / "user"), "FRAMING_CACHE_DIR": str(tmp / "cache")}
    with streamlit_server([], env, tmp / "log.txt", timeout=60) as (proc, port):
        yield port, psutil.Process(proc.pid), tmp / "log.txt"


def test_default_server_listens_on_loopback_only(default_server) -> None:
    port, process, _ = default_server
    listening = [c for c in process.net_connections(kind="inet") if c.status == "LISTEN"]
    assert listening, "the server listens on nothing"
    assert {c.laddr.ip for c in listening} <= {"127.0.0.1", "::1"}, listening


def test_upload_without_xsrf_token_is_refused(default_server) -> None:
    port, _, _ = default_server
    body = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nHallo\r\n--b--\r\n"
    request = urllib.request.Request(f"http://127.0.0.1:{port}/_stcore/upload_file/session/file", data=body,
                                     method="PUT", headers={"Content-Type": "multipart/form-data; boundary=b"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 403


def test_server_does_not_announce_an_external_address(default_server) -> None:
    _, _, log = default_server
    text = log.read_text(errors="replace")
    assert "External URL" not in text and "Network URL" not in text, text


# ---------------------------------------------------------------- uploads


def test_uploads_are_stored_under_generated_names(tmp_path: Path) -> None:
    store = tmp_path / "store"
    names = ["../../escape.txt", "/etc/passwd.txt", "<script>.txt", "=cmd|calc.txt", "a\nb.md", "..\\..\\x.txt"]
    files = [(name, f"Rutte sagte etwas Neues, Nummer {i}.".encode()) for i, name in enumerate(names)]
    results = add_files(store, files)
    assert [r.status for r in results] == ["stored"] * len(names)
    for r in results:
        assert re.fullmatch(r"[0-9a-f]{20}\.(txt|md)", r.stored_name), r
    on_disk = {p.name for p in store.iterdir()}
    assert {r.stored_name for r in results} <= on_disk
    assert all(re.fullmatch(r"[0-9a-f]{20}\.(txt|md)|uploads\.csv|manifest\.csv|\.lock|\.framingignore", n)
               for n in on_disk), on_disk
    assert not (tmp_path / "escape.txt").exists()
    assert {r["original_name"] for r in list_files(store)} == {Path(n).name for n in names}


def test_uploads_are_limited_in_size_type_and_count(tmp_path: Path) -> None:
    store = tmp_path / "store"
    too_big = b"Rutte sagte. " * (MAX_FILE_BYTES // 13 + 1)
    results = add_files(store, [("big.txt", too_big), ("tool.exe", b"MZ"), ("page.php", b"<?php ?>"),
                                ("noext", b"text"), ("photo.txt", b"\x89PNG\x00\x00")])
    assert [r.status for r in results] == ["rejected"] * 5, results
    many = [(f"f{i}.txt", f"Artikel {i}.".encode()) for i in range(MAX_FILES_PER_UPLOAD + 1)]
    assert {r.status for r in add_files(store, many)} == {"rejected"}
    assert not [p for p in store.iterdir() if p.suffix in (".txt", ".exe", ".php")]


# ---------------------------------------------------------------- CSV exports


def test_csv_cells_that_a_spreadsheet_would_execute_are_neutralised() -> None:
    cells = ['=HYPERLINK("http://evil.example","x")', "+SUM(1)", "-2+3", "@cmd", "\t=1", "\r=1", "ok", "-"]
    csv_bytes = to_csv_bytes(pl.DataFrame({"outlet": cells, "n": list(range(-4, 4))}))
    parsed = pl.read_csv(csv_bytes, infer_schema=False)
    for raw, got in zip(cells, parsed["outlet"].to_list()):
        assert got == ("'" + raw if raw.startswith(FORMULA_PREFIXES) else raw)
    assert parsed["n"].to_list()[:4] == ["-4", "-3", "-2", "-1"]  # numbers stay numbers


def test_every_csv_in_the_code_goes_through_the_formula_safe_export() -> None:
    """No module writes CSV around framing.present.export (a raw write_csv would skip the neutralising)."""
    offenders = []
    for path in [ROOT / "dashboard.py", *sorted((ROOT / "framing").rglob("*.py"))]:
        if path.name == "export.py" or not path.exists():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\.write_csv\(|\.to_csv\(|csv\.writer\(|DictWriter\(", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    # load/uploads.py writes its own index and manifest (not exports; never opened by the user as a table).
    assert [o for o in offenders if not o.startswith("uploads.py")] == []


# ---------------------------------------------------------------- escaping (markup built by framing.present.article_html)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.data.append(data)


def _check_markup(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    for tag, attrs in parser.tags:
        assert tag in {"div", "span", "br", "b", "i", "em", "strong", "small", "mark", "sup"}, tag
        for name, value in attrs:
            assert name in {"class", "style", "title"}, (tag, name)
            assert "javascript:" not in (value or "").lower()
    # Markdown runs over the markup too: no character that Markdown or KaTeX would act on stays literal.
    outside_tags = re.sub(r"<[^>]*>", "", markup)
    for active in ("$", "[", "]", "`", "*", "_", "\n\n"):
        assert active not in outside_tags, (active, outside_tags[:200])
    return parser


@settings(deadline=None, max_examples=300)
@given(st.text(max_size=80) | st.sampled_from(HOSTILE))
def test_escape_shows_any_text_literally(value: str) -> None:
    from framing.present.article_html import escape

    out = escape(value)
    assert "<" not in out and ">" not in out
    parser = _Tags()
    parser.feed(out)
    assert not parser.tags
    assert html.unescape(out) == value.replace("\r\n", "\n").replace("\r", "")


def test_escape_shows_an_apostrophe_as_an_apostrophe() -> None:
    from framing.present.article_html import escape

    assert html.unescape(escape("geht's")) == "geht's"


def test_article_markup_of_a_hostile_article_is_inert() -> None:
    from framing.pipeline import analyze_text
    from framing.present.article_html import article_html, filter_sentence_html

    text = "\n\n".join(f"Rutte sagte: „{h}“ Dann {h} weiter." for h in HOSTILE) + "\n"
    tables = analyze_text(text, textblob=False)
    frames = {name: pl.DataFrame(rows) if rows else pl.DataFrame() for name, rows in tables.items()}
    article = {"article_id": "x<script>", "title": HOSTILE[0], "outlet": HOSTILE[1], "agency": HOSTILE[2],
               "date": "2025-01-01", "url": "javascript:alert(1)", "text": text}
    markup = article_html(article, frames["sections"], frames["sentences"], frames["quotes"])
    parser = _check_markup(markup)
    shown = "".join(parser.data)
    for h in HOSTILE:
        if '"' not in h:  # (text in double quotes gets the speaker's label inserted after it)
            assert h in shown  # shown, as text
    _check_markup(filter_sentence_html(" and ".join(HOSTILE), 3))


# ---------------------------------------------------------------- no network at run time


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise OSError(f"network access attempted: {address}")
        return real_connect(self, address, *args, **kwargs)
    real_connect = socket.socket.connect
    socket.socket.connect = refuse
    socket.socket.connect_ex = lambda self, address: refuse(self, address) or 0
    def no_dns(*args, **kwargs):
        attempts.append(args[:1])
        raise OSError(f"DNS lookup attempted: {args[:1]}")
    socket.getaddrinfo = no_dns
    socket.gethostbyname = no_dns

    from pathlib import Path
    root = Path(sys.argv[1])
    import framing.pipeline, framing.aggregate.tables, framing.aggregate.filters, framing.present.export, framing.load.uploads, framing.present.charts, framing.present.article_html
    import framing.aggregate.reuse, framing.score.textblob.offline, plotly.express, streamlit
    from framing.pipeline import analyze_paths
    from framing.aggregate.tables import compare_tables
    analysis = analyze_paths([root / "data" / "corpus"], workers=1, use_cache=False, textblob=True)
    assert analysis.articles.height == 5 and analysis.sentences["polarity_textblob"].is_not_null().any()
    tables = compare_tables(analysis)
    from streamlit.testing.v1 import AppTest
    app = AppTest.from_file(str(root / "dashboard.py"), default_timeout=240).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.get("plotly_chart"), "the dashboard drew no chart"
    print("attempts", attempts)
""")


def test_analysis_and_dashboard_run_without_network(tmp_path: Path) -> None:
    env = {**os.environ, "FRAMING_CACHE_DIR": str(tmp_path / "cache"), "FRAMING_USER_CORPUS": str(tmp_path / "u"),
           "NLTK_DATA": str(tmp_path / "no-nltk-data")}
    env.pop("FRAMING_CORPUS", None)
    result = subprocess.run([sys.executable, "-c", NO_NETWORK, str(ROOT)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "attempts []" in result.stdout, result.stdout[-2000:]
