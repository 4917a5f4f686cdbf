"""The dashboard keeps the text reuse of a corpus on disk (framing.app.state._reuse): a restarted server reads it
instead of finding the pairs again, and a change to the corpus (its key) finds them anew."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest

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


def _reuse_view(params: dict) -> dict:
    """What the Text reuse view shows for the filter of `params`: the outlet matrix, the pairs, the passages."""
    from tests.app.test_dashboard import frame, show, start

    at = show(start(params), "Text reuse")
    return {"matrix": frame(at, "other_outlet", "share_shared"),
            "pairs": frame(at, "article_a_label", "article_b_label"),
            "passages": [e.label for e in at.expander] + [t.value for t in at.text]}


@pytest.mark.parametrize("params", [{}, {"outlet": ["nd", "Welt"]}, {"outlet": ["nd", "taz"]}])
def test_the_view_shows_the_same_from_the_pairs_framing_analyze_stored(dashboard_env, tmp_path, monkeypatch,
                                                                       analysis_cache_dir, params):
    """On an analysis folder (FRAMING_ANALYSIS) the view reads the stored pairs instead of finding them, and shows
    the same tables as from an analysis written without them (pairs found by the server), filtered or not."""
    from framing.aggregate import reuse
    from tests.helpers.reuse_corpus import analysed_reuse_corpus, without_pairs

    out = analysed_reuse_corpus(tmp_path, analysis_cache_dir)
    monkeypatch.setenv("FRAMING_ANALYSIS", str(without_pairs(out, tmp_path / "older")))
    found = _reuse_view(params)
    assert state.reuse_file(_key()).exists()  # found by the server and kept
    monkeypatch.setenv("FRAMING_ANALYSIS", str(out))
    monkeypatch.setattr(reuse, "shared_text", lambda *a, **k: pytest.fail("the stored pairs were found again"))
    stored = _reuse_view(params)
    assert not state.reuse_file(_key()).exists()  # read from the analysis folder, nothing kept beside the cache
    assert stored["matrix"].equals(found["matrix"]) and stored["pairs"].equals(found["pairs"])
    assert stored["passages"] == found["passages"]
    assert found["pairs"].height == {(): 4, ("nd", "Welt"): 1, ("nd", "taz"): 2}[tuple(params.get("outlet", ()))]


def _key() -> str:
    from framing.pipeline import corpus_key

    return corpus_key(state.corpus_paths(), state.analysis_dir())


def test_uploads_on_top_of_the_stored_analysis_have_their_pairs_found(dashboard_env, tmp_path, monkeypatch,
                                                                      analysis_cache_dir):
    """The stored pairs are of the analysis's articles only: with an upload on top the server finds the pairs of
    the whole corpus (the upload's among them) instead of reading the stored ones."""
    from framing.load import uploads as store

    from tests.helpers.reuse_corpus import WIRE, analysed_reuse_corpus

    monkeypatch.setenv("FRAMING_ANALYSIS", str(analysed_reuse_corpus(tmp_path, analysis_cache_dir)))
    [result] = store.add_files(dashboard_env, [("eigen.txt", f"Kiew. {WIRE} Mehr folgt.".encode())],
                               outlet="Testblatt")
    assert result.status == "stored"
    shown = _reuse_view({})
    assert shown["pairs"].height == 6  # the four stored ones and the upload's with a1 and a2
    assert shown["pairs"].filter(pl.col("outlet_a").eq("Testblatt") | pl.col("outlet_b").eq("Testblatt")).height == 2
    assert state.reuse_file(_key()).exists()
