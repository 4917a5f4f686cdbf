"""Load: article files and folders in, the articles table and the errors table out.

Files are discovered below the given paths (discover), opened only when they are regular files and read with
bounds (sources), unpacked as streams when compressed or archived (archives), decoded and read by their format —
text, JSON lines, JSON (jsonstream), CSV, HTML (html) — record by record (readers), given metadata from manifests,
front matter and the text itself (metadata) and a language (language), and collected into one articles table
(schema.ARTICLES); every file or record that cannot be used becomes a row of the errors table instead.
`uploads` keeps the dashboard's uploaded files in a folder of their own.
"""

from framing.load.corpus import LoadResult, load_corpus

__all__ = ["LoadResult", "load_corpus"]
