"""App: the Streamlit dashboard's pages, one module each, around the frame in `dashboard.py`.

`state` keeps the analysed corpus, the cached filtered tables and the view in the URL; `blocks` holds what every
page is built from (filter banner, table with its CSV download, chart, glossary). Each page module has a
`render(view)` that draws one page from a `blocks.View` (corpus, filter, filtered tables). Only this package and
`dashboard.py` import Streamlit.
"""
