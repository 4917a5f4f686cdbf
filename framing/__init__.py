"""framing: how German news outlets frame the same story (tone, quoted actors, editorial voice).

The packages follow the data, in this order:

- `load`: files and folders -> the articles table (text, outlet, date, agency) and the errors table
- `segment`: an article's text -> sections (reporting, commentary, reader comments, ...) and sentences
- `quotes`: text, sentences, sections -> quotations with their cue, speaker mention and resolved speaker
- `actors`: the actor gazetteer, and speaker names merged across a corpus
- `score`: a sentence or stretch -> tone, opinion, textblob-de polarity
- `pipeline`: one article through every stage (`analyze_text`), a corpus on all cores with an on-disk cache
- `aggregate`: the analysis tables -> one filter value -> the comparison tables
- `present`: comparison tables -> CSV/parquet files, plotly figures, article markup
- `app`: the Streamlit pages (`dashboard.py` is the entry point); `cli`: the `framing` command

`resources` is the one module that knows where data files live; `schema` holds every table's columns; `errors`
the exceptions the CLI and the dashboard turn into messages.
"""

__version__ = "0.1.0"
