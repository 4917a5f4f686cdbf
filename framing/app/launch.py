"""`python -m framing.app.launch run APP [flags]`: Streamlit's own command line, started after a background thread
began to import the dashboard (streamlit's elements, plotly, the pages) and to read the corpus into the server's
shared cache (framing.app.state.load_corpus), so that the first page a browser opens finds them ready instead of
doing both itself (issue 19.4: 5 to 10 s of a warm start's first page were imports and reading the analysis).

`framing dashboard` starts this (framing.app.server.command); a plain `streamlit run dashboard.py` still works and
does the same work on its first page instead.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time

READY = "framing: the corpus is ready"
WARM_UP_THREAD = "framing-warm-up"


def _not_from_warm_up(record: logging.LogRecord) -> bool:
    return record.threadName != WARM_UP_THREAD


def warm() -> None:
    """Import the app, read the corpus and compute the first page's tables and figure for the filter the sidebar
    starts with, then say so on stderr; a problem is left for the first page to report as usual."""
    started = time.perf_counter()
    # Streamlit's caches warn of every call made outside a script run ("missing ScriptRunContext"): 18 lines on
    # every start that say nothing to a user. Only this thread's are dropped (a filter: Streamlit resets the
    # levels of its loggers while the server starts).
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_not_from_warm_up)
    try:
        import pandas  # noqa: F401  st.dataframe imports it with its first table: 0.5 s of a first page
        import plotly.graph_objects as go
        import pyarrow.compute  # noqa: F401

        from framing.aggregate.filters import Filter
        from framing.app import comparison, state
        from framing.app import main as app  # noqa: F401  (every page module, streamlit's elements, polars)
        from framing.present import multiples

        go.Figure(go.Bar(x=[1], y=[1])).to_json()  # plotly imports its validators on the first figure
        corpus = state.load_corpus()
        flt = Filter()  # what the sidebar gives before the user touches it: the first page finds these cached
        state.headline(corpus, flt)
        rows = state.table(corpus, "framing_comparison", flt)  # what the first page (framing/app/comparison.py) reads
        if not rows.is_empty():
            multiples.comparison_dots(rows, comparison.FIGURES, "", corpus.colours, rows[rows.columns[0]].to_list())
    except Exception:  # noqa: BLE001 - the page shows it with its own message
        return
    _freeze()
    print(f"{READY}: {corpus.analysis.articles.height:,} articles read in {time.perf_counter() - started:.1f} s",
          file=sys.stderr, flush=True)


def _freeze() -> None:
    """Leave what the warm-up made (the imported modules, the corpus, its caches: the server's lifetime) out of
    every later garbage collection. Streamlit runs a full gc.collect(2) after every script run (runner.postScriptGC),
    which walked these 150,000 objects each time: about 100 ms of CPU per run at 10,000 articles, with the GIL held,
    so the browser heard of the finished run that much later. Objects made afterwards are collected as before."""
    gc.collect()  # what is garbage now is freed, not frozen
    gc.freeze()


def main() -> int:
    from streamlit.web import cli

    threading.Thread(target=warm, name=WARM_UP_THREAD, daemon=True).start()
    sys.argv = ["streamlit", *sys.argv[1:]]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
