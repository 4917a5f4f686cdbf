"""Aggregate: the analysis tables in, one filter value, and the comparison tables out.

`filters.Filter` selects articles, sections, sentences and quotes and describes itself as a sentence; `tables`
computes every comparison table (one pure polars function each, listed in `tables.TABLES`) per outlet, article,
section kind or period; `reuse` finds the passages articles share; `codes` is the integer-id fast path the dashboard
filters on; `derived` holds the small frames its charts and pickers need beyond the tables.
"""
