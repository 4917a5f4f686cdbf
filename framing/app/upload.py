"""Add articles: upload files into the user's corpus folder (checked, kept across restarts, then analysed)."""

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


def _add(files: list, outlet: str, date: str) -> None:
    """Store the uploaded files and keep the results for the next run (the upload widgets start afresh)."""
    ss = st.session_state
    try:
        results = store.add_files(store.default_store_dir(), [(f.name, f.getvalue()) for f in files],
                                  outlet=outlet.strip() or None, date=date.strip() or None)
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
    c1, c2 = st.columns(2)
    outlet = c1.text_input("Outlet of these articles (optional)", key=f"up_outlet_{ss.upload_round}")
    date = c2.text_input("Date (optional, YYYY-MM-DD or YYYY-MM)", key=f"up_date_{ss.upload_round}")
    if st.button("Add to my corpus", type="primary", disabled=not files):
        _add(files, outlet, date)
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
            "- The outlet and date typed above apply to every file of this upload; otherwise they are read from the "
            "text where it says them, and left empty where it does not.")
    kept = store.list_files(folder) if folder.is_dir() else []
    st.markdown(f"##### Your corpus ({len(kept)} files)")
    if kept:
        st.dataframe(arrow(pl.DataFrame(kept)), hide_index=True)
    else:
        st.caption("Nothing uploaded yet.")
