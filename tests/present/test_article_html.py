"""The article reader's markup: escaped text shows literally, whatever it holds (see also tests/app/test_security)."""

from __future__ import annotations

import html
import re

import pytest

from framing.present.article_html import escape, filter_sentence_html

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> [link](http://x) $x$"


@pytest.mark.parametrize("raw", [HOSTILE, "a\n\nb", "*x* _y_ `z` # h", "&amp;"])
def test_escape_leaves_no_markup(raw):
    escaped = escape(raw)
    assert not re.search(r"[<>\[\]$*_`#\n]", re.sub(r"&#?\w+;", "", escaped))
    assert html.unescape(escaped) == raw.replace("\r", "")


@pytest.mark.parametrize(("n", "shown"), [(1, "Showing 1 article: "), (5, "Showing 5 articles: "),
                                          (10_000, "Showing 10,000 articles: ")])
def test_filter_banner(n, shown):
    banner = filter_sentence_html("nd and OZD, all dates", n)
    assert banner.startswith('<div class="fr-filter">' + shown) and banner.endswith("all dates</div>")
