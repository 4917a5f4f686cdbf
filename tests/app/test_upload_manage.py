"""Add articles: an upload's outlet, group and date are set in the dashboard and reach every view; an upload is
deleted with its file."""

from __future__ import annotations

from framing.load import uploads as store

from tests.app.test_dashboard import frame, show, start

TEXT = "Berlin. Die Zeitung berichtet über Nato-Garantien. Mark Rutte sagte, das sei wichtig."


def _upload(folder) -> str:
    [result] = store.add_files(folder, [("mein.txt", TEXT.encode())], outlet="Testblatt")
    assert result.status == "stored", result
    return result.stored_name


def _edit(at, stored: str, **values: str):
    for field, value in values.items():
        at.text_input(key=f"edit_{field}_{stored}").set_value(value)
    at.button(key="save_upload").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_setting_outlet_group_and_date_of_an_upload(dashboard_env):
    stored = _upload(dashboard_env)
    at = show(start(), "Add articles")
    assert at.selectbox(key="manage_upload").value == stored
    assert at.text_input(key=f"edit_outlet_{stored}").value == "Testblatt"  # as uploaded
    _edit(at, stored, outlet="Neues Blatt", group="Boulevard", date="2025-08-30")
    assert any("set for 1 article" in s.value for s in at.success)
    assert "Boulevard" in at.sidebar.multiselect(key="f_outlet_groups").options
    overview = frame(show(at, "Overview"), "n_articles", "n_words")
    rows = {r["outlet"]: r for r in overview.to_dicts()}
    assert "Testblatt" not in rows and rows["Neues Blatt"]["group"] == "Boulevard"
    assert str(rows["Neues Blatt"]["date_first"])[:10] == "2025-08-30"


def test_a_bad_date_is_refused_with_a_message(dashboard_env):
    stored = _upload(dashboard_env)
    at = show(start(), "Add articles")
    _edit(at, stored, date="gestern")
    assert any("is not a date" in e.value for e in at.error)
    assert store.metadata_of(dashboard_env, stored)["date"] == ""


def test_deleting_an_upload(dashboard_env):
    stored = _upload(dashboard_env)
    at = start()
    assert "Testblatt" in at.sidebar.multiselect(key="f_outlets").options
    show(at, "Add articles")
    at.button(key="delete_upload").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("was deleted" in s.value for s in at.success)
    assert not (dashboard_env / stored).exists() and store.list_files(dashboard_env) == []
    assert "Testblatt" not in at.sidebar.multiselect(key="f_outlets").options
    assert "Testblatt" not in frame(show(at, "Overview"), "n_articles", "n_words")["outlet"].to_list()
