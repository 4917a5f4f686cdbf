"""The warm-up of `framing dashboard` (framing.app.launch): it computes what the first page reads, so that the
first page a browser opens finds it cached (issue 19.4)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from framing.app import launch, state
from tests.helpers import ROOT


def _recording(monkeypatch) -> list[tuple]:
    """Every (function, table name, filter) the app asks framing.app.state for."""
    calls: list[tuple] = []
    table, headline = state.table, state.headline

    def recorded_table(corpus, name, flt, period="month", by="outlet"):
        calls.append(("table", name, flt, period, by))
        return table(corpus, name, flt, period, by)

    def recorded_headline(corpus, flt):
        calls.append(("headline", None, flt, None, None))
        return headline(corpus, flt)

    monkeypatch.setattr(state, "table", recorded_table)
    monkeypatch.setattr(state, "headline", recorded_headline)
    return calls


def test_the_warm_up_computes_every_table_the_first_page_reads(monkeypatch, capsys) -> None:
    import threading

    calls = _recording(monkeypatch)
    frozen: list[bool] = []
    monkeypatch.setattr(launch, "_freeze", lambda: frozen.append(True))  # not this test process's objects
    thread = threading.Thread(target=launch.warm, name=launch.WARM_UP_THREAD)  # as framing dashboard runs it
    thread.start()
    thread.join()
    err = capsys.readouterr().err
    assert launch.READY in err and "missing ScriptRunContext" not in err
    assert frozen == [True], "the warm-up did not leave what it made out of the later garbage collections"
    warmed = set(calls)
    calls.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    first_page = set(calls)
    assert first_page, "the first page read no table: the recording does not see it"
    assert first_page <= warmed, f"the first page computes what the warm-up did not: {first_page - warmed}"


def test_what_is_frozen_is_left_out_of_a_full_collection() -> None:
    """After the warm-up (launch._freeze) Streamlit's gc.collect(2) after each run walks only what was made since."""
    import gc

    try:
        launch._freeze()
        assert gc.get_freeze_count() > 1000
        assert len(gc.get_objects(generation=2)) < 100  # the oldest generation holds (next to) nothing to walk
    finally:
        gc.unfreeze()
