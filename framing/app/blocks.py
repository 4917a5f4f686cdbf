"""The building blocks of every page: the filter banner, a table with its CSV download, a chart, the glossary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl
import streamlit as st

from framing.aggregate.filters import Filter
from framing.app import state
from framing.present import glossary as glossary_source
from framing.present.article_html import filter_sentence_html
from framing.present.export import to_csv_bytes

PCT = st.column_config.NumberColumn(format="percent")


@dataclass(frozen=True)
class View:
    """What a page draws: the corpus, the sidebar's filter and the filtered integer-code tables."""

    corpus: state.Corpus
    flt: Filter
    filtered: Any

    def table(self, name: str) -> pl.DataFrame:
        """The comparison table `name` of the filtered corpus (cached per filter)."""
        return state.table(self.corpus, name, self.flt)


def banner(view: View) -> None:
    """The filter as a sentence, above every chart and table."""
    st.markdown(filter_sentence_html(view.flt.describe(), view.filtered.articles.height), unsafe_allow_html=True)


def arrow(df: pl.DataFrame):
    """The frame as an Arrow table: st.dataframe sends Arrow as it is, while a polars frame goes through pandas
    (to_pandas), where concurrent sessions deadlocked on polars' thread pool and the GIL (tests/app/test_load.py)."""
    return df.to_arrow()


def chart(fig) -> None:
    st.plotly_chart(fig, config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]})


def pct_columns(df: pl.DataFrame) -> dict:
    """Column formats: shares as percentages, dates as dates."""
    config: dict = {c: PCT for c in df.columns if c.startswith("share_") or "_share_" in c or c.endswith("_share")}
    config.update({c: st.column_config.DateColumn(format="YYYY-MM-DD") for c, t in df.schema.items() if t == pl.Date})
    return config


def download(df: pl.DataFrame, name: str) -> None:
    """A CSV download of exactly these rows (formula-safe, see framing.present.export)."""
    st.download_button(f"Download {name}.csv ({df.height:,} rows)", data=to_csv_bytes(df), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}", on_click="ignore", icon=":material/download:")


def table(df: pl.DataFrame, name: str, *, height: int | str = "auto", column_config: dict | None = None) -> None:
    """The table behind a chart, exactly as filtered, with its CSV download right under it."""
    st.dataframe(arrow(df), hide_index=True, height=height, column_config={**pct_columns(df), **(column_config or {})})
    download(df, name)


def glossary(*keys: str) -> None:
    """The glossary expander of a page: terms and table columns (`table.column`) from framing.present.glossary."""
    with st.expander("Glossary: what these numbers mean"):
        st.markdown("\n".join(f"- **{label}**: {text}" for label, text in glossary_source.items(*keys)))
