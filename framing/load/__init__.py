"""Load: article files and folders in, the articles table and the errors table out.

Files are discovered below the given paths, decoded, read by their format (text, JSON lines, CSV, HTML), given
metadata from manifests, front matter and the text itself, and collected into one articles table
(schema.ARTICLES); every file or record that cannot be used becomes a row of the errors table instead.
`uploads` keeps the dashboard's uploaded files in a folder of their own.
"""

from framing.load.corpus import LoadResult, load_corpus

__all__ = ["LoadResult", "load_corpus"]
