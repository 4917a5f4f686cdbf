"""Aggregate: the analysis tables in, one filter value, and the comparison tables out.

`filters.Filter` selects articles, sections, sentences and quotes and describes itself as a sentence; `tables`
computes every comparison table (one pure polars function each, listed in `tables.TABLES`) per outlet, article,
section kind or period; `reuse` finds the passages articles share; `codes` is the integer-id fast path the dashboard
filters on; `derived` holds the small frames its charts and pickers need beyond the tables.
"""

import os

# The bootstrap intervals (comparison, gender) multiply matrices with OpenBLAS, whose idle threads spin for 2**28
# cycles (about 0.1 s) after every call: on two busy cores that doubled the CPU time of the whole bootstrap. Told
# before numpy loads, they sleep after 2**4 cycles; the same threads still split the same sums, so every interval is
# the same to the bit (one thread instead is not: it sums in another order). A value the user set is kept.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")
