"""The dashboard keeps the text reuse of a corpus on disk (framing.app.state._reuse): a restarted server reads it
instead of finding the pairs again, and a change to the corpus (its key) finds them anew."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl

from framing.app import state

WIRE = ("Nato-Generalsekretär Mark Rutte hat bei einem unangekündigten Besuch in Kiew robuste Sicherheitsgarantien "
        "der westlichen Verbündeten für die Ukraine gefordert.")


def test_text_reuse_is_found_once_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    articles = pl.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["nd", "OZD", None],
                             "text": [WIRE + " Eins.", "Zwei. " + WIRE, "Nichts davon."]})
    corpus = SimpleNamespace(analysis=SimpleNamespace(articles=articles))
    calls = []
    found = state.TABLES["text_reuse"]
    monkeypatch.setitem(state.TABLES, "text_reuse", lambda analysis: calls.append(1) or found(analysis))
    state._reuse.clear()
    first = state._reuse(corpus, "k1")
    assert first.height == 1 and calls == [1]
    assert state.reuse_file("k1").exists()
    state._reuse.clear()  # a restarted server: nothing in memory
    again = state._reuse(corpus, "k1")
    assert again.equals(first) and calls == [1]
    state._reuse.clear()
    state._reuse(corpus, "k2")  # another corpus content
    assert calls == [1, 1]
    state._reuse.clear()
