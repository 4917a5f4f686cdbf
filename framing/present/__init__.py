"""Present: comparison tables in; formula-safe CSV and parquet files (`export`), plotly figures and colours
(`charts`), the article reader's escaped markup (`article_html`) and the glossary of tables and terms
(`glossary`, from `glossary.toml`) out. Nothing here imports Streamlit."""
