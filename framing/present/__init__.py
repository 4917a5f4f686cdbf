"""Present: comparison tables in; formula-safe CSV and parquet files (`export`), plotly figures and escaped
article markup (`charts`) out. Nothing here imports Streamlit."""
