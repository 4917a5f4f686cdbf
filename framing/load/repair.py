"""Text as exports break it: mojibake, UTF-8 once read as cp1252 (or Latin-1) and saved again ("fÃ¼r" for
"für", "â€ž" for "„"), undone before anything reads the text by ftfy's `fix_encoding`, which tells it from real
text (a text without the marks of mojibake is not touched); the loading notes say so. Offsets of every analysis
table are into the repaired text, which is the article's `text`.

NUL characters, which no text holds, are taken out with a note. Invisible characters (soft hyphens, zero-width
spaces) stay in the text, as every other character the loader read does; the text search looks through them
(`INVISIBLE`), so "Zentralregierung" finds "Zentral\u00adregierung".
"""

from __future__ import annotations

import re

# invisible characters a search looks through (the text keeps them: the loader keeps every character it read)
INVISIBLE = re.compile("[\u00ad\u200b\u2060]")
# the marks of mojibake: Ã or Â before a continuation character, â€ before a cp1252 punctuation character
_MOJIBAKE_MARK = re.compile("[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
                            "\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€")


def repaired(text: str) -> tuple[str, list[str]]:
    """The text with mojibake undone and NUL characters taken out, and a note when either was done."""
    notes = []
    if "\x00" in text:  # never part of a text (a file's first 8 KB with one are refused as binary): an export's slip
        count, first = text.count("\x00"), text.index("\x00")
        text = text.replace("\x00", "")
        notes.append(f"{count:,} NUL character{'s' if count > 1 else ''} taken out of the text (the first at character "
                     f"{first:,}); check the export")
    mark = _MOJIBAKE_MARK.search(text)
    if mark:
        import ftfy  # only for the rare text that shows the marks

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            notes.append(f"mis-decoded characters repaired (UTF-8 once read as cp1252, e.g. "
                         f"{text[mark.start():mark.start() + 2]!r}); check the export's encoding")
            text = fixed
    return text, notes
