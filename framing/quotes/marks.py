"""Quote marks: balanced quote-mark spans in an article, and the checks that quoted words are a name, not speech.

In: the article text (and, for the checks, one quote-mark span with the start of its sentence). Out: `Marked`
spans (opening mark, content, closing mark) for every top-level pair of quote marks in any German, English or
French style, a mark left open never guessed shut; and whether the quoted words are a title or a name
(die Yacht „Dignité“, des „Spiegel“, die „Koalition der Willigen“) or stand in a subheading, so quote nobody.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.quotes.lexicon import ARTICLES, NAME_ARTICLES, NAME_FUNCTION_WORDS, TITLE_ARTICLES, Lexicon

QUOTE_MARK = re.compile("[„“”»«‚‘’›‹\"']")
MAX_QUOTE_CHARS = 2500  # a closing mark further away than this (about 25 lines of print) is not this quote's
QUOTE_CHARS = frozenset("„“”»«‚‘’›‹\"")
QUOTE_OPEN = {"„": "“”\"", "»": "«", "«": "»", "‚": "‘’'", "›": "‹", "‹": "›", "“": "”\"", "‘": "’", "\"": "\""}
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Marked:
    open_start: int  # position of the opening mark
    close_end: int  # position after the closing mark
    start: int  # content
    end: int


def find_quote_marks(text: str) -> list[Marked]:
    """Balanced quote-mark spans (top level only). A mark whose partner is not found before the paragraph ends is
    left out: an open quote mark is not guessed shut."""
    out: list[Marked] = []
    guillemets_german = text.find("»") != -1 and (text.find("«") == -1 or text.find("»") < text.find("«"))
    # straight double quotes: paired in order within a line when the line has an even number of them
    straight: dict[int, int] = {}
    line_start = 0
    for line in text.split("\n") if "\"" in text else ():
        pos = [line_start + k for k, c in enumerate(line) if c == "\""]
        if pos and len(pos) % 2 == 0:
            straight.update({pos[k]: pos[k + 1] for k in range(0, len(pos), 2)})
        line_start += len(line) + 1
    n = len(text)
    marks = [mt.start() for mt in QUOTE_MARK.finditer(text)]  # only quote characters are visited
    p, i = 0, 0
    while p < len(marks):
        i = marks[p]
        ch = text[i]
        p += 1
        if ch not in QUOTE_OPEN:
            continue
        if ch == "\"" and i in straight:
            j = straight[i]
            if j > i + 1 and text[i + 1:j].strip():
                out.append(Marked(i, j + 1, i + 1, j))
                p = bisect.bisect_right(marks, j)
                continue
        if ch == "«" and guillemets_german or ch == "»" and not guillemets_german and "«" in text:
            continue
        if ch in "\"'‘" or ch == "“":
            # straight / English quotes: an opener stands before a word, after space or start
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if not (prev.isspace() or prev in "([{–-/:") or nxt.isspace():
                continue
        closers = QUOTE_OPEN[ch]
        para_end = text.find("\n\n", i)
        para_end = n if para_end == -1 else para_end
        line_end = text.find("\n", i)
        limit = min(para_end, n if line_end == -1 else line_end, i + MAX_QUOTE_CHARS)
        found = -1
        for q in range(p, len(marks)):
            j = marks[q]
            if j >= limit:
                break
            c = text[j]
            if c in closers:
                nxt = text[j + 1] if j + 1 < n else " "
                if c in "\"'’" and (nxt.isalnum() and c != "\""):
                    continue  # an apostrophe inside a word
                if c == "\"" and nxt.isalnum() and text[j - 1].isspace():
                    break  # another opening straight quote: the first one was left open
                found = j
                break
            if c == ch and ch not in "\"":
                break  # a second opener of the same kind before a closer: the first was left open
        if found == -1 or found == i + 1:
            continue
        out.append(Marked(i, found + 1, i + 1, found))
        p = bisect.bisect_right(marks, found)
    return out


# ---------------------------------------------------------------------------------------------- names, not speech
# How far before an opening mark (in characters) the word that makes the quoted words a name is looked for: the
# article or noun right before it (des „Spiegel“, die Yacht „Dignité“, die französische „Alliance …“).
WORD_BEFORE_CHARS = 40
NOUN_BEFORE_CHARS = 60  # ... and a capitalised noun right before it (die Mondlandefähre „Eagle“)
ABBREVIATION_AFTER_CHARS = 12  # how far after the closing mark an abbreviation in parentheses is looked for: (AIE)
# The longest quoted names, in words: short enough that a quoted clause is not mistaken for one.
# Words a title in title case has in lower case between its capitalised ones (German and English).
TITLE_FUNCTION_WORDS = frozenset({"der", "die", "das", "des", "den", "dem", "am", "im", "vom", "zum", "zur", "ohne",
                                  "für", "und", "von", "mit", "auf", "in", "an", "ein", "eine", "einer", "of", "the",
                                  "and", "for", "de", "la", "le", "du"})
ENGLISH_TITLE_WORDS = frozenset({"of", "the", "and", "for"})
SHORT_NAME_WORDS = 4  # a name after an article or title noun, or a capitalised English name: die „Linke“
TITLE_WORDS = 6  # a title right after its noun: unter dem Motto „…“
NAME_AFTER_NOUN_WORDS = 3  # a capitalised name right after a noun: die Mondlandefähre „Eagle“
MARKED_NAME_WORDS = 10  # a name marked by an abbreviation, digits, inner capitals or an adjective before it
HEADING_WORDS = 10  # the longest line that is a subheading

ADJECTIVE_BEFORE = re.compile(r"\b(?:%s)\s+[a-zäöüß]+(?:e|en|er|es|em)\s$" % ARTICLES)
NOUN_BEFORE = re.compile(r"(?<=\w )[A-ZÄÖÜ][\w\-]*[a-zäöüß]\s$")  # "… die Mondlandefähre „"
WORD_BEFORE = re.compile(r"[\w-]+")


def is_name_or_title(text: str, mark: Marked, words: list[str], sentence_start: int, lex: Lexicon) -> bool:
    """Whether the quoted words of `mark` (`words`: its \\w+ words) are a title or a name, not quoted speech: after
    a title noun (die Yacht „Dignité“), a name after an article (des „Spiegel“, die „Koalition der Willigen“), a
    capitalised English name (‘Willing Coalition’), a capitalised name after a noun (die Mondlandefähre „Eagle“) or
    a name marked as one (an abbreviation after it, digits or inner capitals, an adjective before it)."""
    content = text[mark.start:mark.end]
    before = WORD_BEFORE.findall(text[max(0, mark.open_start - WORD_BEFORE_CHARS):mark.open_start])
    prev = before[-1] if before else None
    # the word stands right before the opening mark, separated by one space at most
    adjacent = prev is not None and text[mark.open_start - len(prev) - 1:mark.open_start].strip() == prev
    return (_short_name(content, words, prev, lex)
            or _title_after_noun(text, mark, content, words, prev, adjacent, sentence_start, lex)
            or _name_after_article(content, words, prev, adjacent)
            or _marked_name(text, mark, content, words, sentence_start))


def _short_name(content: str, words: list[str], prev: str | None, lex: Lexicon) -> bool:
    """A few quoted words without punctuation after a title noun, after a definite article (all capitalised), or
    all capitalised and Latin (‘Willing Coalition’)."""
    if not (len(words) <= SHORT_NAME_WORDS and not re.search(r"[.!?,:;]", content)):
        return False
    if prev and _is_title_noun(prev, lex):
        return True
    if content[:1].isupper() and len(words) >= 2 and prev and prev.lower() in TITLE_ARTICLES and all(
            w[:1].isupper() or w in ("der", "des", "den", "von") for w in words):
        return True  # a name with the definite article: die „Koalition der Willigen“
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]  # a number is part of a name: „Shenzhou 6“
    if title_case(content, words) and any(w in ENGLISH_TITLE_WORDS for w in words):
        return True  # an English title: „Board of Governors“ (a German one may be a quoted phrase: attribute.py)
    return len(words) >= 2 and len(caps) == len(words) and re.fullmatch(r"[A-Z][\w\s\-]*", content) is not None


def title_case(content: str, words: list[str]) -> bool:
    """Quoted words in title case: capitalised words joined only by articles and prepositions, no punctuation
    (`BILD am Sonntag`, `Ärzte ohne Grenzen`, `Board of Governors`; German nouns alone look alike: `Opfer des
    Terrorismus`)."""
    caps = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return len(words) >= 3 and content[:1].isupper() and len(caps) >= 2 and not re.search(
        r"[.!?,:;]", content) and all(w in caps or w.lower() in TITLE_FUNCTION_WORDS for w in words)


def _title_after_noun(text: str, mark: Marked, content: str, words: list[str], prev: str | None, adjacent: bool,
                      sentence_start: int, lex: Lexicon) -> bool:
    """A name right after its noun: die Yacht „Dignité“, unter dem Motto „…“, die Mondlandefähre „Eagle“."""
    if len(words) <= TITLE_WORDS and not re.search(r"[.!?:]\s*$", content) and prev and _is_title_noun(
            prev, lex) and adjacent:
        return True
    return len(words) <= NAME_AFTER_NOUN_WORDS and all(w[:1].isupper() for w in words) and not re.search(
        r"[.!?:,]", content) and NOUN_BEFORE.search(
        text, max(sentence_start, mark.open_start - NOUN_BEFORE_CHARS), mark.open_start) is not None


def _name_after_article(content: str, words: list[str], prev: str | None, adjacent: bool) -> bool:
    """Capitalised quoted words right after an article that read as a name: des „Spiegel“, die „Linke“."""
    return len(words) <= SHORT_NAME_WORDS and content[:1].isupper() and not re.search(
        r"[!?:,]\s*$", content) and prev is not None and prev.lower() in NAME_ARTICLES and adjacent \
        and _looks_like_name(words, prev.lower())


def _marked_name(text: str, mark: Marked, content: str, words: list[str], sentence_start: int) -> bool:
    """A name marked as one: „Allianz zur Europäischen Integration“ (AIE), „Ener1“, die französische „L’Alliance …“."""
    if not (content[:1].isupper() and len(words) <= MARKED_NAME_WORDS and not re.search(r"[.!?:]\s*$", content)):
        return False
    after_close = text[mark.close_end:mark.close_end + ABBREVIATION_AFTER_CHARS]
    before_open = text[max(sentence_start, mark.open_start - WORD_BEFORE_CHARS):mark.open_start]
    return re.match(r"\s*\([A-ZÄÖÜ][\w.\-]*\)", after_close) is not None or (
        len(words) == 1 and re.search(r"\d|\w[A-ZÄÖÜ]", content) is not None) or ADJECTIVE_BEFORE.search(
        before_open) is not None


def _looks_like_name(words: list[str], article: str) -> bool:
    """Quoted words right after an article that read as a name, not as quoted speech: several capitalised words
    (die „Volksallianz für Demokratie“), or one word with digits or inner capitals, or a genitive (des „Spiegel“)."""
    if len(words) >= 2:
        return all(w[:1].isupper() or w in NAME_FUNCTION_WORDS for w in words)
    word = words[0]
    return any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]) or article in ("des", "vom")


def _is_title_noun(word: str, lex: Lexicon) -> bool:
    w = word.lower()
    return w in lex.title_words or w.endswith(lex.title_endings)


def is_heading(text: str, start: int, end: int) -> bool:
    """A line of its own, short and without a full stop: a subheading, whose quote marks quote nobody."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].strip()
    if not line or text[line_start:start].strip() or text[end:line_end].strip() or line_start == 0 and "\n" not in text:
        return False
    return len(line.split()) <= HEADING_WORDS and line.rstrip("“”\"«»‘’›‹")[-1:] not in ".!?:;,"
