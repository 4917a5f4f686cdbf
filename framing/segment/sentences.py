"""Sentence spans in German news text: a fast rule-based splitter, no model and no downloads.

It walks the candidate boundaries a regex finds (terminal punctuation followed by white space, a full stop glued
to the next sentence as in ``werden.Der``, line breaks) and decides each one by a few rules: abbreviations,
initials and ordinals (``am 4. September``, also across a blank line) do not end a sentence; a closing quote mark
belongs to the sentence it closes; a line that looks like a heading or a list item is a sentence of its own, while
a single line break inside a running sentence is not a boundary. Spans are offsets into the text passed in.
"""

from __future__ import annotations

import re

# Abbreviations that never end a sentence by their full stop (compared case-sensitively, then in lower case).
# Single letters (initials, `z. B.`, `u. a.`, `d. h.`, `o. ä.`) are handled by rule, not listed here.
ABBREVIATIONS = frozenset(
    """
    Abb Abg Abs Abt allg Anm Apr Art Aug Bd bspw Bsp bzgl bzw ca Chr Co Corp dgl Dipl Dir Dr Dres dt ebd ehem einschl
    engl entspr evtl exkl Fa Feb Febr ff Forts franz Fr Frl geb Gebr gegr gem Gen ges gest ggf ggü Hbf Hg Hr Hrn Hrsg
    Inc incl Ing inkl insb Jan Jahrh Jh Jhd Jhs jr jun Kap kath Kfm Kl Ltd lt Mag max med Mi Mill Min mind Mio Mo Mr Mrd
    Mrs Ms Mt Nachf nat Nov Nr Okt orig Pfd phil Pkt Prof Prov rd Red resp rer röm sen Sept Sep sog St Std Str stv Tab
    Tel Tsd Univ usf vs Verf Verl vgl Vors Wwe Ziff zzgl zw Dez Di Do Sa So
    """.split()
)
# Abbreviations that often close a sentence: they end one when the next word starts with a capital.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "usw", "usf"})
MONTHS = frozenset(
    """Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
    Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez""".split()
)
# Nouns that follow an ordinal number (`der 3. Platz`, `zum 2. Mal`, `im 19. Jahrhundert`).
ORDINAL_NOUNS = frozenset(
    """Mal Platz Rang Runde Spieltag Etappe Jahrhundert Jh Jahrtausend Klasse Liga Bundesliga Stock Stockwerk Ausgabe
    Auflage Lesung Amtszeit Quartal Halbjahr Halbzeit Minute Weltkrieg Todestag Geburtstag Jahrestag Grad Kapitel
    Absatz Artikel Sitzung Tag Woche Monat Jahr Staffel Folge Lebensjahr Jubiläum Stelle Lauf Sieg Saisonsieg
    Tor Treffer Lauf Durchgang Wahlgang Bezirk Parteitag Hochzeitstag""".split()
)
# Words before a number that make `N.` an ordinal (`am 4.`, `zum 3.`, `der 2.`).
ORDINAL_PRECEDERS = frozenset(
    """am im vom zum beim bis ab seit dem den der die das des ein eine einem einer eines zur zum vor nach
    jeden jedem seinem seiner seinen seines ihrem ihrer ihren ihres unserem unseren frühen späten Am Im Vom Zum Beim Bis Ab Seit Der Die Das Den Dem Vor Nach""".split()
)
# A line ending in one of these words continues on the next line (a hard-wrapped sentence, not a heading).
LINE_JOINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder aber sowie sondern denn dass weil wenn als
    wie in im an am auf aus bei beim mit nach von vom vor zu zum zur für über unter um durch gegen ohne seit bis
    zwischen hinter neben ist sind war hat haben wird werden nicht auch noch sich er sie es wir ihr""".split()
)

_OPENING = "\"'„‚«»“‘‹›(["
_CLOSERS = "\"'»«“”‘’›‹)]"
_BOUNDARY = re.compile(
    # a zero-width space (U+200B, U+2060) separates like a space: "Ende.\u200bNeu" is two sentences
    r"""(?P<punct>\.\.\.|[.!?…]+)(?P<close>["'»«“”‘’›‹)\]]*)(?P<ws>[\s\u200b\u2060]+|\Z)"""
    r"""|(?:(?<=[a-zäöüß][A-Za-zÄÖÜäöüß])|(?<=[a-zäöüß][A-ZÄÖÜ]{2}))(?P<glued>[.!?])(?=[A-ZÄÖÜ][a-zäöüß])"""
    r"""|(?P<nl>[^\S\n]*\n\s*)"""
)
_LIST_ITEM = re.compile(r"(?:[•·▪◦*–—-]\s|[a-zA-Z0-9]{1,2}[).]\s)")
_HEADER_TOKEN = re.compile(r"date \d{4}(?:-\d{2}){0,2}(?=\s|\Z)")
_DATELINE_WORD = re.compile(r"[A-ZÄÖÜ][\wÄÖÜäöüß/-]*")
_WORD = re.compile(r"[\w-]+")


def _next_word(text: str, pos: int) -> str:
    match = _WORD.match(text, pos)
    return match.group() if match else ""


def _token_before(text: str, pos: int, floor: int) -> tuple[str, str]:
    """The white-space delimited token ending at `pos` (opening quotes stripped) and the word before it."""
    left = max(text.rfind(" ", floor, pos), text.rfind("\n", floor, pos), text.rfind("\t", floor, pos), floor - 1)
    token = text[left + 1 : pos].lstrip(_OPENING)
    previous = ""
    if left > floor:
        left2 = max(text.rfind(" ", floor, left), text.rfind("\n", floor, left))
        previous = text[left2 + 1 : left].strip(_OPENING + _CLOSERS)
    return token, previous


def _is_ordinal(number: str, next_word: str, previous: str) -> bool:
    if next_word in MONTHS or next_word in ORDINAL_NOUNS or next_word.removesuffix("s") in ORDINAL_NOUNS:
        return True
    if next_word[:1].islower():
        return True
    if len(number) <= 2 and next_word[:1].isdigit():
        return True  # a date in digits (`16. 5. 2016`)
    # `am 4.`, and ranks in a list (`…, 4. Igor Glawan`, `… – 2. Latvala`)
    return len(number) <= 2 and (previous in ORDINAL_PRECEDERS or previous[-1:] in (",", ":", "–", "—", "-"))


def _full_stop_ends(token: str, previous: str, next_word: str, next_char: str) -> bool:
    """Whether a full stop after `token`, followed by `next_char` (the first non-space), ends a sentence."""
    if token.isdigit():
        return not _is_ordinal(token, next_word, previous)
    if token in SENTENCE_FINAL_ABBREVIATIONS:
        return next_char.isupper()
    if token in ABBREVIATIONS or token.lower() in ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial or part of `z. B.`, `u. a.`, `G. B.`
    if "." in token and all(len(part) <= 2 for part in token.split(".")):
        return False  # `z.B`, `U.S`, `d.h`
    return not next_char.islower()


def _looks_like_heading_end(text: str, line_start: int, pos: int) -> bool:
    """Whether the line text[line_start:pos] (no final punctuation) can stand alone: a heading, name or list item."""
    last = text[pos - 1]
    if last in ",;(–—-/&+":
        return False
    space = text.rfind(" ", line_start, pos)
    left = max(space, text.rfind("\t", max(line_start, space + 1), pos))  # a tab only matters after the last space
    return text[left + 1 : pos] not in LINE_JOINERS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, within [start, end), stripped of surrounding whitespace, non-empty, in order, non-overlapping."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    spans: list[tuple[int, int]] = []
    cursor = start
    while cursor < end and text[cursor].isspace():
        cursor += 1
    if cursor >= end:
        return spans
    # The seeds' header token (` date 2025-08-22 `) at the start of a line is a sentence of its own.
    if cursor == 0 or text[text.rfind("\n", 0, cursor) + 1 : cursor].isspace() or text[cursor - 1] == "\n":
        header = _HEADER_TOKEN.match(text, cursor, end)
        if header:
            spans.append((cursor, header.end()))
            cursor = header.end()
            while cursor < end and text[cursor].isspace():
                cursor += 1
    paragraph_start = True  # the current sentence opens a paragraph (for datelines like `Kiew.`)
    for match in _BOUNDARY.finditer(text, cursor, end):
        if match.start() < cursor:
            continue
        kind = match.lastgroup
        next_start = match.end()
        next_char = text[next_start] if next_start < end else ""
        if kind == "glued":
            token, _ = _token_before(text, match.start(), cursor)
            if "www" in token or "/" in token or "@" in token or token in ABBREVIATIONS:
                continue
            spans.append((cursor, match.end()))
            cursor, paragraph_start = match.end(), False
            continue
        if kind == "nl":
            if not next_char:
                continue
            blank = match.group("nl").count("\n") >= 2
            if not blank:
                line_start = text.rfind("\n", 0, match.start()) + 1
                while line_start < cursor and text[line_start].isspace():
                    line_start += 1
                if not (
                    _LIST_ITEM.match(text, next_start)
                    or (
                        not next_char.islower()
                        # a heading or signature line: the sentence starts with the line or is a few words long
                        and (line_start == cursor or text.count(" ", cursor, match.start()) <= 3)
                        and _looks_like_heading_end(text, max(line_start, cursor), match.start())
                    )
                ):
                    continue
            spans.append((cursor, match.start()))
            cursor, paragraph_start = next_start, blank
            continue
        # Terminal punctuation, maybe closing quote marks, then white space or the end.
        ws = match.group("ws")
        if not next_char:
            break
        blank = ws.count("\n") >= 2
        punct = match.group("punct")
        cut = match.start("ws")
        if punct == ".":
            token, previous = _token_before(text, match.start(), cursor)
            next_word = _next_word(text, next_start)
            if match.group("close"):
                ends = blank or not next_char.islower()
            elif blank:
                # A blank line ends a sentence, unless a broken line follows an ordinal (`am 4.` / `September`).
                ends = not (token.isdigit() and _is_ordinal(token, next_word, previous))
            elif "\n" in ws and (
                _LIST_ITEM.match(text, next_start)
                or (len(token) == 1 and token.isalpha() and not next_char.islower())
            ):
                ends = True  # a list item, or a line ending in an initial (a signature like `G. B.`)
            else:
                ends = _full_stop_ends(token, previous, next_word, next_char)
                if ends and paragraph_start and cursor == match.start() - len(token):
                    # A dateline (`Kiew. Nato-Generalsekretär …`) belongs to the first sentence.
                    if _DATELINE_WORD.fullmatch(token) and "\n" not in ws:
                        ends = False
        else:
            ends = blank or not next_char.islower() or ("\n" in ws and bool(_LIST_ITEM.match(text, next_start)))
        if ends:
            spans.append((cursor, cut))
            cursor, paragraph_start = next_start, blank
    if cursor < end:
        stop = end
        while stop > cursor and text[stop - 1].isspace():
            stop -= 1
        if stop > cursor:
            spans.append((cursor, stop))
    return spans
