"""Add articles: upload files into the user's corpus folder (checked, kept across restarts, then analysed), set an
upload's outlet, group and date, delete an upload."""

from __future__ import annotations

import polars as pl
import streamlit as st

from framing.app.blocks import arrow
from framing.errors import FramingError
from framing.load import archives
from framing.load import uploads as store
from framing.load.readers import ARTICLE_SUFFIXES
from framing.present.article_html import escape

TITLE = "Add articles"
# What the uploader offers: every article format, packed file and archive the loader reads, by last extension
# (the browser's file picker knows `gz`, not `jsonl.gz`).
UPLOAD_TYPES = sorted({suffix.rsplit(".", 1)[-1] for suffix in
                       (*ARTICLE_SUFFIXES, *archives.ARCHIVE_SUFFIXES, *archives.COMPRESSIONS)})


def _add(files: list, outlet: str, date: str, group: str = "") -> None:
    """Store the uploaded files and keep the results for the next run (the upload widgets start afresh)."""
    ss = st.session_state
    try:
        results = store.add_files(store.default_store_dir(), [(f.name, f.getvalue()) for f in files],
                                  outlet=outlet.strip() or None, date=date.strip() or None,
                                  group=group.strip() or None)
    except (FramingError, OSError) as exc:
        results = [store.StoreResult("(upload)", "rejected", str(exc))]
    except Exception as exc:  # a file that crashes the reader must not crash the page
        results = [store.StoreResult("(upload)", "rejected", f"could not be read ({type(exc).__name__}: {exc})")]
    ss.upload_results = [{"file": r.original_name, "status": r.status, "message": r.message} for r in results]
    ss.upload_round += 1
    st.rerun()


def render(view: object | None = None) -> None:
    """The upload form and the user's corpus; works without a corpus too (when loading it failed)."""
    folder = store.default_store_dir()
    limit_mb = min(int(st.get_option("server.maxUploadSize")), store.MAX_FILE_BYTES // 2**20)
    st.markdown("Add your own articles: they are checked, kept in your corpus folder "
                f"(**{escape(folder)}**, set by FRAMING_USER_CORPUS) so they survive a restart, analysed and "
                f"added to every view. Up to {store.MAX_FILES_PER_UPLOAD} files of at most {limit_mb} MB each.")
    ss = st.session_state
    ss.setdefault("upload_round", 0)
    files = st.file_uploader("Article files (text, JSON lines, CSV, HTML; also packed: .gz, .zip, .tar)",
                             type=UPLOAD_TYPES,
                             accept_multiple_files=True, key=f"uploader_{ss.upload_round}",
                             max_upload_size=limit_mb)
    c1, c2, c3 = st.columns(3)
    outlet = c1.text_input("Outlet of these articles (optional)", key=f"up_outlet_{ss.upload_round}")
    group = c2.text_input("Group of that outlet (optional)", key=f"up_group_{ss.upload_round}",
                          help="e.g. established or alternative; written to outlets.csv in your corpus folder")
    date = c3.text_input("Date (optional, YYYY-MM-DD or YYYY-MM)", key=f"up_date_{ss.upload_round}")
    if st.button("Add to my corpus", type="primary", disabled=not files):
        _add(files, outlet, date, group)
    if ss.get("upload_results"):
        results = pl.DataFrame(ss.upload_results)
        stored = results.filter(pl.col("status") == "stored").height
        rejected = results.filter(pl.col("status") == "rejected").height
        (st.warning if rejected else st.success)(
            f"{stored} file(s) added, {results.height - stored - rejected} already in your corpus, {rejected} rejected.")
        st.dataframe(arrow(results), hide_index=True)
    with st.expander("Accepted formats"):
        st.markdown(
            "- **.txt / .md**: one article per file; an optional header line ` date 2025-08-22` is read.\n"
            "- **.jsonl / .json / .csv**: one article per record, with a `text` field and optionally `id`, `outlet`, "
            "`date`, `title`, `url`.\n"
            "- **.html / .htm**: a saved web page; the main text, title, date and site name are extracted.\n"
            "- The outlet, group and date typed above apply to every file of this upload; otherwise they are read "
            "from the text where it says them, and left empty where it does not. Change them, or delete an upload, "
            "below.")
    kept = store.list_files(folder) if folder.is_dir() else []
    st.markdown(f"##### Your corpus ({len(kept)} files)")
    notice = st.session_state.pop("upload_notice", None)  # what the last Save or Delete did
    if notice:
        (st.success if notice[0] == "success" else st.error)(notice[1])
    if kept:
        st.dataframe(arrow(pl.DataFrame(kept).drop("article_ids", strict=False)), hide_index=True)
        manage(folder, kept)
    else:
        st.caption("Nothing uploaded yet.")


def _save(folder, stored: str) -> None:
    """on_click of Save: the upload's outlet, group and date as typed (an emptied field clears it)."""
    ss = st.session_state
    try:
        n = store.set_metadata(folder, stored, outlet=ss[f"edit_outlet_{stored}"], group=ss[f"edit_group_{stored}"],
                               date=ss[f"edit_date_{stored}"])
        ss.upload_notice = ("success", f"Outlet, group and date set for {n} article(s); the views are updated.")
    except (FramingError, OSError) as exc:
        ss.upload_notice = ("error", str(exc))


def _delete(folder, stored: str, name: str) -> None:
    """on_click of Delete: the upload's file and its manifest rows."""
    ss = st.session_state
    try:
        store.remove_file(folder, stored)
        ss.upload_notice = ("success", f"{name} was deleted from your corpus.")
    except (FramingError, OSError) as exc:
        ss.upload_notice = ("error", str(exc))
    ss.pop("manage_upload", None)


def manage(folder, kept: list[dict]) -> None:
    """Pick one upload: set its outlet, group and date, or delete it (with its file)."""
    ss = st.session_state
    names = {r["stored_name"]: r["original_name"] for r in kept}
    if ss.get("manage_upload") not in names:
        ss.pop("manage_upload", None)
    stored = st.selectbox("Change or delete an upload", list(names), key="manage_upload",
                          format_func=lambda s: f"{names[s]} ({s})")
    if stored is None:
        return
    given = store.metadata_of(folder, stored)
    c1, c2, c3 = st.columns(3)
    for column, field, label in ((c1, "outlet", "Outlet"), (c2, "group", "Group"), (c3, "date", "Date")):
        ss.setdefault(f"edit_{field}_{stored}", given[field])
        column.text_input(label, key=f"edit_{field}_{stored}")
    left, right = st.columns(2)
    left.button("Save outlet, group and date", key="save_upload", on_click=_save, args=(folder, stored))
    right.button("Delete this upload", key="delete_upload", on_click=_delete, args=(folder, stored, names[stored]))
