"""The dashboard asks for one table at a time; the quoted gender table that the first screen's framing_comparison
makes (its bootstrap interval is the costly part) is kept per filter and shown by the Voices view as it is
(framing.aggregate.shared.sharing_kept, framing.app.state._table)."""

from __future__ import annotations

from framing.aggregate import gender
from framing.aggregate.filters import Filter
from framing.app import state


def _counted(monkeypatch) -> list[int]:
    calls: list[int] = []
    made = gender._quoted_gender
    monkeypatch.setattr(gender, "_quoted_gender", lambda *args: calls.append(1) or made(*args))
    return calls


def test_the_first_screens_quoted_gender_is_shown_by_voices_as_it_is(monkeypatch) -> None:
    corpus = state.load_corpus()
    state._table.clear()
    state._kept_frames.clear()
    calls = _counted(monkeypatch)
    flt = Filter()
    state.table(corpus, "framing_comparison", flt)
    assert calls == [1]
    people = state.table(corpus, "quoted_gender", flt)
    assert calls == [1], "the Voices view made the quoted gender table again"
    made_anew = corpus.decode(state.TABLES["quoted_gender"](state.filtered(corpus, flt)))  # as before
    assert calls == [1, 1]
    assert people.equals(made_anew)


def test_another_filter_makes_its_own(monkeypatch) -> None:
    corpus = state.load_corpus()
    state._table.clear()
    state._kept_frames.clear()
    calls = _counted(monkeypatch)
    state.table(corpus, "framing_comparison", Filter())
    narrower = Filter(outlets=(corpus.options.outlets[0],))
    people = state.table(corpus, "quoted_gender", narrower)
    assert calls == [1, 1]
    assert people.equals(corpus.decode(state.TABLES["quoted_gender"](state.filtered(corpus, narrower))))
