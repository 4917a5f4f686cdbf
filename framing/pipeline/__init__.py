"""Pipeline: one article through every stage, and a whole corpus on all cores with an on-disk cache.

In: an article's text (`article.analyze_text`), or the articles table of framing.load (`run`). Out: the rows of
the sections, sentences, voice segments and quotes tables, or every table of the corpus (`Analysis`, or
`StoredAnalysis` left on disk). `cache` keys results by text and analysis fingerprint; `dask` runs the same tasks
on a cluster.
"""

from framing.pipeline.article import PER_ARTICLE, analyze_text
from framing.pipeline.cache import corpus_key, default_cache_dir, fingerprint, text_key
from framing.pipeline.run import (
    Analysis, StoredAnalysis, analyze_articles, analyze_on_disk, analyze_paths, read_analysis, read_for_tables,
    scan_analysis, stored_tables, with_texts,
)

__all__ = [
    "PER_ARTICLE", "Analysis", "StoredAnalysis", "analyze_articles", "analyze_on_disk", "analyze_paths",
    "analyze_text", "corpus_key", "default_cache_dir", "fingerprint", "read_analysis", "read_for_tables", "scan_analysis",
    "stored_tables", "text_key", "with_texts",
]
