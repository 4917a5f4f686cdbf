"""The page modules of framing/app: each has its title and render(view), and every glossary key a page shows is in
the glossary source (data/glossary.toml), every term of which some page shows."""

from __future__ import annotations

import ast

from framing.present import glossary

from tests.helpers import ROOT

PAGES = sorted((ROOT / "framing" / "app").glob("*.py"))


def _page_keys() -> dict[str, list[str]]:
    """The keys each page module passes to blocks.glossary(...)."""
    keys = {}
    for path in PAGES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "glossary":
                keys.setdefault(path.stem, []).extend(arg.value for arg in node.args if isinstance(arg, ast.Constant))
    return keys


def test_every_page_key_is_in_the_source_and_every_term_on_a_page():
    keys = _page_keys()
    assert set(keys) == {"comparison", "overview", "tone", "voices", "actors", "commentary", "timeline", "reuse",
                         "articles"}
    for page, page_keys in keys.items():
        assert len(glossary.items(*page_keys)) == len(page_keys), page
    used = {key for page_keys in keys.values() for key in page_keys}
    assert set(glossary.load().terms) <= used, "terms no page shows"


def test_every_page_has_a_title_and_a_render_function():
    from framing.app.main import PAGES as modules  # the pages the navigation offers

    titles = {m.__name__.rsplit(".", 1)[-1]: m.TITLE for m in modules}
    assert titles == {"comparison": "Comparison", "overview": "Overview", "tone": "Tone", "voices": "Voices", "actors": "Actors",
                      "commentary": "Commentary", "timeline": "Over time", "reuse": "Text reuse", "articles": "Articles",
                      "upload": "Add articles"}
    assert all(callable(m.render) for m in modules)
