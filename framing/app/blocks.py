"""The building blocks of every page: the filter banner, a table with its CSV download, a chart, the glossary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import polars as pl
import streamlit as st

from framing.aggregate.filters import Filter
from framing.app import state
from framing.present import glossary as glossary_source
from framing.present.article_html import filter_sentence_html
from framing.present.export import to_csv_bytes
from framing.present.words import counted

PCT = st.column_config.NumberColumn(format="percent")
SCORE = st.column_config.NumberColumn(format="%.3f")  # tone and polarity on -1..1: three decimals in every row
# A table longer than this is shown in part and downloaded whole: at 10,000 articles the outlet x speaker tables
# have 18,000+ rows (4.4 MB of Arrow), which every run of the page sent to the browser for a grid nobody scrolls
# through; the download button says how many rows the file holds.
MAX_ROWS_SHOWN = 2_000
ROWS_PER_OUTLET = 100  # per outlet (or group), in the table's own order, when a long table has an outlet column


@dataclass(frozen=True)
class View:
    """What a page draws: the corpus, the sidebar's filter, the filtered integer-code tables and what the views
    compare (`by`: "outlet", or "group" for the groups of outlets.csv; then `corpus.colours` are the groups')."""

    corpus: state.Corpus
    flt: Filter
    filtered: Any
    by: str = "outlet"

    def table(self, name: str, period: str = "month") -> pl.DataFrame:
        """The comparison table `name` of the filtered corpus (cached per filter, period and grouping); compared by
        group, the groups stand in its `outlet` column (state.table)."""
        return state.table(self.corpus, name, self.flt, period, self.by)

    @property
    def unit(self) -> str:
        """What a chart's bars or rows are, in its title: "outlet", or "group" when the views compare groups."""
        return "group" if self.by == "group" else "outlet"


def banner(view: View) -> None:
    """The filter as a sentence, above every chart and table (saying so when the views compare groups)."""
    sentence = view.flt.describe() + ("; groups of outlets compared" if view.by == "group" else "")
    st.markdown(filter_sentence_html(sentence, view.filtered.articles.height), unsafe_allow_html=True)


def arrow(df: pl.DataFrame):
    """The frame as an Arrow table: st.dataframe sends Arrow as it is, while a polars frame goes through pandas
    (to_pandas), where concurrent sessions deadlocked on polars' thread pool and the GIL (tests/app/test_load.py)."""
    return df.to_arrow()


CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def chart(fig) -> None:
    st.plotly_chart(fig, config=CHART_CONFIG)


def pct_columns(df: pl.DataFrame) -> dict:
    """Column formats: shares as percentages, tone and polarity with three decimals, dates as dates."""
    config: dict = {c: PCT for c in df.columns if c.startswith("share_") or "_share_" in c or c.endswith("_share")}
    config.update({c: SCORE for c, t in df.schema.items()
                   if t.is_float() and c not in config and ("tone" in c or "polarity" in c)})
    config.update({c: st.column_config.DateColumn(format="YYYY-MM-DD") for c, t in df.schema.items() if t == pl.Date})
    return config


def without_negative_zero(df: pl.DataFrame) -> pl.DataFrame:
    """The frame as the page shows it: a tone or polarity that rounds to 0.000 is 0.0, so no cell reads "-0.000"
    (a tone of -0.0001). Only the display: downloads keep every digit."""
    scores = [c for c, t in df.schema.items() if t.is_float() and ("tone" in c or "polarity" in c)
              and not (c.startswith("share_") or "_share_" in c or c.endswith("_share"))]
    if not scores:
        return df
    return df.with_columns(pl.when(pl.col(c).abs() < 0.0005).then(0.0).otherwise(pl.col(c)).alias(c) for c in scores)


def download_label(name: str, n_rows: int) -> str:
    """The download button's label: the file and how many rows it holds ("1 row", not "1 rows")."""
    return f"Download {name}.csv ({counted(n_rows, 'row')})"


def download(df: pl.DataFrame, name: str) -> None:
    """A CSV download of exactly these rows (formula-safe, see framing.present.export), written when the button is
    pressed (a callable: a page with ten tables no longer writes ten CSV files on every run)."""
    df = state.shown(df, state.compare_by())
    st.download_button(download_label(name, df.height), data=partial(to_csv_bytes, df), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}", on_click="ignore", icon=":material/download:")


def shown_part(df: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """The rows of a table the page shows, and a sentence saying which they are when they are not all: a table of
    more than MAX_ROWS_SHOWN rows shows the first ROWS_PER_OUTLET of each outlet (or group, the table's first
    column when it has neither), in the table's order (most quoted first in the speaker tables), else its first
    MAX_ROWS_SHOWN."""
    if df.height <= MAX_ROWS_SHOWN:
        return df, ""
    key = next((c for c in ("outlet", "group") if c in df.columns), None)
    if key is not None:
        part = df.filter(pl.int_range(pl.len()).over(key) < ROWS_PER_OUTLET)
        which = f"the first {ROWS_PER_OUTLET:,} rows of each {key}"
    else:
        part, which = df.head(MAX_ROWS_SHOWN), f"the first {MAX_ROWS_SHOWN:,} rows"
    return part, f"Shown: {which} ({part.height:,} of {df.height:,}); the download holds all {df.height:,}."


def table(df: pl.DataFrame, name: str, *, height: int | str = "auto", column_config: dict | None = None) -> None:
    """The table behind a chart, exactly as filtered, with its CSV download right under it (compared by group,
    the groups' column is called `group`); a long table is shown in part (shown_part) and downloaded whole."""
    df = state.shown(df, state.compare_by())
    part, note = shown_part(df)
    st.dataframe(arrow(without_negative_zero(part)), hide_index=True, height=height,
                 column_config={**pct_columns(df), **(column_config or {})})
    if note:
        st.caption(note)
    download(df, name)


def glossary(*keys: str) -> None:
    """The glossary expander of a page: terms and table columns (`table.column`) from framing.present.glossary."""
    with st.expander("Glossary: what these numbers mean"):
        st.markdown("\n".join(f"- **{label}**: {text}" for label, text in glossary_source.items(*keys)))


def open_in_reader(article_ids: list[str], *, sentence_id: int | None = None, quote_id: int | None = None,
                   source: str = "") -> None:
    """Open these articles (one, or two side by side) in the Articles view on the next run, the first one at
    this sentence or quotation (st.session_state.focus)."""
    ss = st.session_state
    ss.selected = [a for a in article_ids if a][:2]
    ss.focus = {"article_id": ss.selected[0], "sentence_id": sentence_id, "quote_id": quote_id, "source": source} \
        if ss.selected else None
    ss._switch_to = "Articles"


def _on_pick(key: str, rows: pl.DataFrame, source: str) -> None:
    picked = st.session_state[key].selection.rows
    if not picked or picked[0] >= rows.height:
        return
    row = rows.row(picked[0], named=True)
    ids = [row.get("article_id") or row.get("article_a"), row.get("article_b")]
    open_in_reader([str(i) for i in ids if i is not None], sentence_id=row.get("sentence_id"),
                   quote_id=row.get("quote_id"), source=source)


def evidence_table(df: pl.DataFrame, name: str, *, column_config: dict | None = None, height: int | str = "auto",
                   download_df: pl.DataFrame | None = None) -> None:
    """A table whose rows lead to the evidence: selecting a row opens its article (`article_id`, or the pair
    `article_a` / `article_b`) in the reader at its `sentence_id` or `quote_id`. The CSV download holds the rows
    shown (or `download_df`, the whole list the table pages through)."""
    key = f"pick_{name}"
    df = state.shown(df, state.compare_by())
    st.dataframe(arrow(without_negative_zero(df)), hide_index=True, height=height, key=key,
                 on_select=partial(_on_pick, key, df, name),
                 selection_mode="single-row", column_config={**pct_columns(df), **(column_config or {})})
    st.caption("Select a row (the box at its left) to open the article in the reader.")
    download(df if download_df is None else download_df, name)


def named_uploads(errors: pl.DataFrame) -> pl.DataFrame:
    """The errors table with each uploaded file under the name it was uploaded as (the store keeps it under a
    generated name, which told the user nothing): `my_export.csv (uploaded; stored as 3f2a….csv)`."""
    if errors.is_empty() or "source_path" not in errors.columns:
        return errors
    from framing.load import uploads

    folder = uploads.default_store_dir()
    names = {}
    for r in uploads.list_files(folder):
        if r.get("stored_name") and r.get("original_name"):
            said = f"{r['original_name']} (uploaded; stored as {r['stored_name']})"
            names[str(folder / r["stored_name"])] = names[str((folder / r["stored_name"]).resolve())] = said
    if not names:
        return errors
    return errors.with_columns(pl.col("source_path").replace(names))


def problems_title(errors: pl.DataFrame) -> str:
    """The title of the loading problems' expander: errors (not analysed), warnings (analysed, with a caveat) and
    notes (what the loader did, such as a column read under another name), each counted; "Loading notes" when
    there are only notes."""
    severity = errors["severity"] if "severity" in errors.columns else pl.Series(["error"] * errors.height)
    n_errors, n_notes = int((severity == "error").sum()), int((severity == "note").sum())
    n_warnings = errors.height - n_errors - n_notes
    if not (n_errors or n_warnings):
        return f"Loading notes ({n_notes}): what the loader did, nothing wrong"
    return (f"Loading problems ({n_errors + n_warnings}): {counted(n_errors, 'file or record', 'files or records')} "
            f"not analysed, {counted(n_warnings, 'warning')} about what was analysed"
            + (f"; {counted(n_notes, 'note')}" if n_notes else ""))


def loading_problems(view: View) -> None:
    """The files that could not be read as articles, and why (on the first screen and the Overview)."""
    errors = named_uploads(view.corpus.analysis.errors)
    if errors.height:
        with st.expander(problems_title(errors)):
            st.dataframe(arrow(errors), hide_index=True)
