"""The language an article is written in, so that analyses built for German say when they are applied to another.

In: an article's text. Out: an ISO 639-1 code (`de`, `en`, `fr`, ...) or None when the text is too short to tell.
The identifier is py3langid (BSD; its naive-Bayes model over byte n-grams ships inside the package, so nothing is
downloaded). Measured on this project's machine (`python -m bench.language_id`, bench/RESULTS.md, "Language
identification"): German news, news sentences and interface texts of 40 letters or more were kept as German in
98.9-100 % of cases per length band, English and French texts of 40 letters or more were flagged as not German in
99.8-100 %.

Rules, from those figures:
- fewer than MIN_LETTERS letters in the sample: None (too short to tell; no warning, the article is analysed);
- German when py3langid gives German a probability of at least GERMAN_FLOOR, even if another language ranks first
  (Austrian and Swiss German, or a German text quoting English, must not be flagged);
- else the top-ranked language, and the article is flagged as outside what the analysis was built for.
Only the first SAMPLE_CHARS characters are read: that is where the headline and lead are, and it keeps the cost
at 0.3-0.7 ms per article (one core).
"""

from __future__ import annotations

import re
from functools import cache

MIN_LETTERS = 40
SAMPLE_CHARS = 600
GERMAN_FLOOR = 0.05
ANALYSED = "de"  # the language the quotation, tone and opinion rules are built and measured for

NAMES = {
    "de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "pt": "Portuguese", "cs": "Czech",
    "da": "Danish", "sv": "Swedish", "no": "Norwegian", "fi": "Finnish", "hu": "Hungarian", "ro": "Romanian",
    "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "lb": "Luxembourgish", "el": "Greek", "hr": "Croatian",
    "sr": "Serbian", "bg": "Bulgarian", "sk": "Slovak", "sl": "Slovenian", "la": "Latin",
}
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier():
    """py3langid's bundled model, loaded once per process (about 1.3 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> str | None:
    """The language of `text` by the rules above; None when it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    ranked = _identifier().rank(sample)
    scores = dict(ranked)
    if scores.get(ANALYSED, 0.0) >= GERMAN_FLOOR:
        return ANALYSED
    return ranked[0][0]


def name(code: str | None) -> str:
    return NAMES.get(code or "", code or "unknown")


def outside_scope_reason(code: str) -> str:
    """The errors-table warning for an article that is not German."""
    return (f"article is in {name(code)} ({code}), not German: it is kept and analysed, but its quotation, tone and "
            "opinion figures come from German rules that were neither built nor measured for it (column "
            "outside_scope); filter by language to leave it out")
