"""The one place that knows where the project's data files live, and reads the plain ones.

In: a path relative to `data/` (`"speech/verbs.csv"`). Out: its absolute path, or its lines / text. In a checkout
(and an editable install) the files are the top-level `data/` folder beside the package; an installed wheel carries
the same folder inside the package as `framing/data/`. Every module that needs a word list, lexicon, marker table
or the bundled corpus asks here, so a checkout, an editable install and a wheel behave the same. The lexicon
that textblob-de ships, which the tone lexicon starts from, is found here too.
"""

from __future__ import annotations

from pathlib import Path

from framing.errors import ConfigError

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The `data/` folder: inside the installed package when it ships there, else beside the package."""
    packaged = _PACKAGE / "data"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "data"


def data_path(*parts: str) -> Path:
    """The path of a data file (`data_path("speech", "verbs.csv")`); it need not exist."""
    return data_dir().joinpath(*parts)


def page_icon() -> Path:
    """The dashboard's page icon (a 32-pixel PNG of side-by-side bars), served by the dashboard itself: an emoji or
    `:material/…:` icon makes the browser fetch it from a font or emoji host on every page load."""
    return data_path("icon.png")


def read_text(*parts: str) -> str:
    """A data file's text (UTF-8); ConfigError naming the file when it cannot be read."""
    path = data_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the data file {path}: {exc}") from exc


def read_lines(*parts: str) -> list[str]:
    """The non-empty lines of a word-list file, stripped, without `#` comment lines."""
    return [line.strip() for line in read_text(*parts).splitlines() if line.strip() and not line.startswith("#")]


def textblob_de_dir() -> Path:
    """The installed textblob-de package folder, found without importing it: its import pulls in NLTK (and with it
    scipy and scikit-learn when installed), seconds per process that the files it ships do not need."""
    import importlib.util

    spec = importlib.util.find_spec("textblob_de")
    if spec is None or spec.origin is None:
        raise ConfigError("package textblob-de is missing: pip install 'textblob-de==0.4.3'")
    return Path(spec.origin).resolve().parent


def textblob_lexicon_path() -> Path:
    """textblob-de's German polarity lexicon inside its installed package (Klenner et al., Apache-2.0), which our
    tone lexicon starts from."""
    return textblob_de_dir() / "data" / "de-sentiment.xml"


def pattern_dir() -> Path:
    """The folder holding the Pattern package (`_pattern`) that textblob-de vendors (BSD): its tagger, lemmatiser
    and their data files, importable from there without importing textblob-de."""
    return textblob_de_dir() / "ext"


def pattern_lexicon_path() -> Path:
    """The German word-class lexicon of the Pattern tagger that textblob-de ships (Schneider & Volk 1998; MIT, as
    textblob-de): one `word TAG` a line. Speaker names are checked against it (`April` NN, `leider` ADV)."""
    return pattern_dir() / "_pattern" / "text" / "de" / "de-lexicon.txt"
