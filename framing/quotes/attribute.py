"""Quotations, reported speech and their speakers in German news text: `find_quotes`, the passes that make them.

In: an article's text, its sentence spans and its sections (headline, boilerplate and reader-comment sections
are treated apart). Out: `Quote` values in article order, each with its mode, the message span, its cue and the
speaker mention with the resolved speaker. Three modes: `direct` (a claim in quote marks), `partial` (quoted
words inside the journalist's sentence or inside reported speech) and `indirect` (reported speech without quote
marks: a speech verb with a dass-clause or a clause in Konjunktiv I, a Konjunktiv I sentence continuing the
previous speaker, and attributions such as `X zufolge`, `laut X`, `so X`, `nach Angaben von X`). A first pass
finds the cues of every sentence and resolves their speakers in article order; a second pass walks the sentences
again and attributes their quote marks, their reported speech and their continuations, carrying the last
attributed statement from one sentence to the next.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple, Sequence

from framing.actors.gazetteer import Gazetteer, load_gazetteer
from framing.actors.gender import pronoun_clue, role_text_clues
from framing.actors.roles import article_role
from framing.quotes.cues import Cue, Mention, inverted_frame, message_span, sentence_cues, strip_span
from framing.quotes.lexicon import (DOCUMENT_ENDINGS, POSSESSIVES, PRONOUNS, REPORT_ADVERBS, STATEMENT_ENDINGS, Lexicon,
                                    lexicon)
from framing.quotes.marks import (QUOTE_MARK, WORD, Marked, find_quote_marks, is_heading, is_name_or_title,
                                  title_case)
from framing.quotes.phrases import clause_end, initial_np, is_oblique, np_after, np_before, sentence_subject
from framing.quotes.ranker import rank_speakers
from framing.quotes.speakers import NOBODY, ArticleEntities, alias_starts
from framing.quotes.tokens import (TOKEN, SentenceTokens, Tok, head_noun, is_attribution_noun, is_konjunktiv,
                                   is_konjunktiv_i)

# "hieß es in der Erklärung" names no speaker: it is whoever spoke last, if named at most this many characters
# before the sentence.
DOCUMENT_SPEAKER_REACH = 400
# Ranking the cues around a quotation by distance in characters (lower wins): a frame right after the quote
# (", sagte X", at most TIGHT_FRAME_TOKENS tokens on, the first of them , – or () counts its distance, any other
# cue after the quote LOOSE_FRAME_PENALTY more; a cue before the quote counts its distance times
# FRAME_BEFORE_WEIGHT, or COLON_FRAME_WEIGHT when a colon opens the quote ("X sagte: „…“").
TIGHT_FRAME_TOKENS = 3
LOOSE_FRAME_PENALTY = 1000
FRAME_BEFORE_WEIGHT = 1.5
COLON_FRAME_WEIGHT = 0.5
# A cue that names nobody ("weiter hieß es") ranks as a named cue about 500 characters away: only if nothing better.
# (It was meant as 500 plus a thousandth of its distance, but the distance was 500 already: all such cues rank alike.)
NOBODY_RANK = 500 + 500 / 1000
FRAME_BEFORE_WORDS = 6  # "Er sagte dazu, „…“": a frame before a quotation ends in a comma after at most this many words
STANDALONE_WORDS = 3  # a quotation of its own with no sentence end in it has at least this many words
SPEAKER_NAME_WORDS = 4  # quoted words that are the mention of a cue's speaker (laut „Reuters“) have at most this many
LAST_CUE_SENTENCES = 2  # a quotation without a cue of its own is the last speaker's this many sentences on
MAX_QUOTED_SHARE = 0.85  # reported speech this much inside quote marks is the quotation's, not a report of its own
CONTINUATION_TOKENS = 4  # a sentence that continues the last speaker has at least this many tokens outside quotes
KONJUNKTIV_TOKENS = 12  # ... and its Konjunktiv I among its first this many tokens
# ... and when the sentence before has no subject that is anyone, it is the last speaker's at most this many
# sentences on
RECENT_SPEAKER_SENTENCES = 2
# Quoted words that are a term, not anyone's speech (mode "term", left out of every share of voice): a single
# scare-quoted word, words after "sogenannt" (at most WORD_BEFORE_SO_CALLED characters before the mark), or a
# partial quote of at most TERM_WORDS words without punctuation that no cue attributes (der „Lockdown light“).
TERM_WORDS = 3
WORD_BEFORE_SO_CALLED = 25
SO_CALLED = re.compile(r"\b(?:so(?:\s|-)?genannt|sog\.)\w*\s*$", re.I)


@dataclass(frozen=True)
class Quote:
    """A quotation or reported statement: its message span, its cue and its speaker (mention and resolved)."""

    mode: str  # direct / partial / indirect, or term (a quoted term: nobody's speech)
    start: int  # the quoted/reported message, offsets into the article text, end exclusive
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # resolved canonical name (gazetteer canonical, or the fullest name form in the article)
    speaker_group: str | None = None
    speaker_kind: str = "unknown"  # person / institution / anonymous / reader / unknown
    speaker_role: str | None = None  # the role or title beside the name: "CSU-Chef", "Virologin", "Dr."
    speaker_type: str = "unknown"  # politician / government / party / institution / expert / ... (SPEAKER_TYPES)
    speaker_gender: str | None = None  # female / male / unknown for a person (framing.actors.gender); else None
    speaker_gender_evidence: str | None = None  # "name; role", "conflict: …"; None without evidence
    speaker_entity: int | None = None  # the speaker's entity in the article (ArticleEntities.entities), if any


class Attribution(NamedTuple):
    """A cue that attributed a statement, with the tokens of its sentence and where it was used."""

    sentence: int
    cue: Cue
    toks: list[Tok]


# ---------------------------------------------------------------------------------------------- the article
class _Sections:
    """Where headline / boilerplate sections (skipped) and reader comments (the reader speaks) are."""

    def __init__(self, sections: Sequence[Any]):
        self.skip = sorted((s.start, s.end) for s in sections if s.kind in ("headline", "boilerplate"))
        self.skip_starts = [a for a, _ in self.skip]
        self.readers = [s for s in sections if s.kind == "reader_comment"]
        self.reader_starts = [r.start for r in self.readers]

    def excluded(self, a: int, b: int) -> bool:
        """[a, b) starts inside a headline or boilerplate section (sections do not overlap)."""
        i = bisect.bisect_right(self.skip_starts, a) - 1
        return b > a and i >= 0 and self.skip[i][1] > a

    def reader_of(self, pos: int) -> Any | None:
        """The reader-comment section `pos` is in, if any."""
        i = bisect.bisect_right(self.reader_starts, pos) - 1  # sections are in text order and do not overlap
        return self.readers[i] if i >= 0 and pos < self.readers[i].end else None


@dataclass
class _Scan:
    """What the passes over one article share: its text, sentences, quote marks and cues, the entities seen so
    far, the quotes found and the statement attributed last."""

    text: str
    lex: Lexicon
    art: ArticleEntities
    sections: _Sections
    sents: list[tuple[int, int]]
    marks: list[Marked]
    toks: SentenceTokens = field(init=False)
    cues: list[list[Cue]] = field(default_factory=list)  # per sentence
    active: list[bool] = field(default_factory=list)  # sentences that can hold a cue, a quote or an actor's name
    items: list[tuple[int, Quote]] = field(default_factory=list)
    last: Attribution | None = None  # the statement attributed last (its sentence: where the quote ended)
    recent: Attribution | None = None  # the same, kept when `last` lapses
    refused: set[tuple[int, int]] = field(default_factory=set)  # messages the rules said are nobody's, on purpose

    def __post_init__(self) -> None:
        self.mark_ranges = [(m.start, m.end) for m in self.marks]
        self.mark_starts = [a for a, _ in self.mark_ranges]
        self.longest_mark = max((b - a for a, b in self.mark_ranges), default=0)
        self.sent_starts = [a for a, _ in self.sents]
        self.toks = SentenceTokens(self.text, self.sents, self.mark_ranges, self.mark_starts)
        self.marks_by_sentence: dict[int, list[Marked]] = {}
        for m in self.marks:
            self.marks_by_sentence.setdefault(self.sentence_of(m.open_start), []).append(m)

    def sentence_of(self, pos: int) -> int:
        """The sentence starting last at or before `pos` (the first sentence when none does)."""
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def marked(self, a: int, b: int) -> int:
        """Characters of [a, b) inside quote marks: only marks starting within reach of [a, b) are looked at."""
        lo = bisect.bisect_left(self.mark_starts, a - self.longest_mark)
        hi = bisect.bisect_left(self.mark_starts, b)
        return sum(max(0, min(b, e) - max(a, s)) for s, e in self.mark_ranges[lo:hi])

    def mostly_quoted(self, s: int, e: int) -> bool:
        return self.marked(s, e) >= MAX_QUOTED_SHARE * (e - s)

    def previous_sentence_counts(self, si: int) -> bool:
        """There is a sentence before sentence si, outside headline and boilerplate."""
        return si > 0 and not self.sections.excluded(*self.sents[si - 1])

    def quote(self, mode: str, s: int, e: int, cue: Cue | None, toks: list[Tok] | None) -> Quote:
        """The quote of message text[s:e] in `mode`, attributed by `cue` (a cue of the sentence `toks`)."""
        if cue is None:
            return Quote(mode=mode, start=s, end=e)
        has_span = bool(toks) and cue.end_tok > cue.start_tok
        cs = toks[cue.start_tok].start if has_span else None
        ce = toks[cue.end_tok - 1].end if has_span else None
        who, mention = cue.resolved, cue.mention
        return Quote(mode=mode, start=s, end=e, cue=self.text[cs:ce] if cs is not None else None, cue_start=cs,
                     cue_end=ce, speaker_mention=mention.text if mention else None,
                     speaker_start=mention.start if mention else None, speaker_end=mention.end if mention else None,
                     speaker=who.name, speaker_group=who.group,
                     speaker_kind=who.kind if who.name or who.kind == "anonymous" else "unknown",
                     speaker_role=who.role if who.name or who.kind == "anonymous" else None,
                     speaker_type=who.type if who.name or who.kind == "anonymous" else "unknown",
                     speaker_entity=who.entity if who.name else None)

    def add(self, quote: Quote) -> None:
        self.items.append((quote.start, quote))


def find_quotes(text: str, sentences: Sequence[tuple[int, int]], sections: Sequence[Any] = (),
                interview: Any | None = None) -> list[Quote]:
    """Quotes in article order. `sentences`: sentence spans into text. `sections`: framing.segment.sections.Section
    objects (kind, start, end, author); in 'reader_comment' sections quoted text is the reader's own words (speaker =
    author, kind 'reader'); quotes inside 'headline' / 'boilerplate' sections are skipped. `interview`: the
    article's framing.segment.interview.Interview layout, whose answers become quotes of mode `interview`."""
    lex = lexicon()
    scan = _Scan(text=text, lex=lex, art=ArticleEntities(text, load_gazetteer(), lex), sections=_Sections(sections),
                 sents=sorted((int(a), int(b)) for a, b in sentences if b > a) or [(0, len(text))],
                 marks=find_quote_marks(text))
    _find_cues(scan)
    for si in range(len(scan.sents)):
        _attribute_sentence(scan, si)
    rank_speakers(scan)
    if interview is not None:
        from framing.quotes.interview import add_answers

        add_answers(scan, interview)
    scan.items.sort(key=lambda x: (x[0], x[1].end))
    return [_tidy(q) for q in _with_genders(_typed_from_article(text, [q for _, q in scan.items]), scan.art)]


def _tidy(q: Quote) -> Quote:
    """A speaker's name with single spaces (an export's "Rupert  Wolff" is one person with Rupert Wolff); the
    mention stays as the text writes it."""
    if q.speaker and ("  " in q.speaker or any(c in q.speaker for c in "\n\t\u00a0")):
        return replace(q, speaker=" ".join(q.speaker.split()))
    return q


def _typed_from_article(text: str, quotes: list[Quote]) -> list[Quote]:
    """People who speak without a typed role beside their name take the role the article gives them elsewhere
    (`Wissenschafter Arjen Hoekstra` earlier, `Hoekstra sagte` here); organisations the noun the article names
    them with (`die Zeitung Danas`)."""
    found: dict[str, tuple[str, str] | None] = {}
    out = []
    for q in quotes:
        if q.speaker and q.speaker_kind in ("person", "institution") and q.speaker_type == "unknown":
            if q.speaker not in found:
                found[q.speaker] = article_role(text, q.speaker, person=q.speaker_kind == "person")
            if found[q.speaker] is not None:
                role, kind = found[q.speaker]
                q = replace(q, speaker_type=kind, speaker_role=(q.speaker_role or role) if q.speaker_kind == "person"
                            else q.speaker_role)
        out.append(q)
    return out


def _with_genders(quotes: list[Quote], art: ArticleEntities) -> list[Quote]:
    """The quotes with their speakers' gender in the article: the pronouns that named a person (`sagte sie`) and
    the roles its quotes carry (`Bürochefin`, also when read from elsewhere in the article) first add their clues to
    it, then every quote of a person gets the gender of all its entity's clues."""
    for q in quotes:
        if q.speaker_entity is not None and q.speaker_kind == "person":
            ent = art.entities[q.speaker_entity]
            clue = pronoun_clue(q.speaker_mention, q.cue) if q.speaker_mention else None
            if clue is not None:
                ent.clues.add(clue)
            ent.clues.update(role_text_clues(q.speaker_role))  # also a role the article gives elsewhere
    out = []
    for q in quotes:
        if q.speaker_entity is not None and q.speaker_kind == "person":
            gender, evidence = art.entities[q.speaker_entity].gender_verdict()
            q = replace(q, speaker_gender=gender, speaker_gender_evidence=evidence)
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------- pass 1: cues
# Two capitalised words in a row, the first of them not opening the sentence: a sentence that may name a person.
NAME_CANDIDATE = re.compile(r"(?<=\w[ ,(])[A-ZÄÖÜ][a-zäöüßéèáàíóúçğşı]+(?:-[A-ZÄÖÜ][a-zäöüß]+)? [A-ZÄÖÜ][\w\-]+")
_TRIGGERS: dict[int, tuple[Lexicon, Gazetteer, frozenset[str]]] = {}


def _trigger_words(lex: Lexicon, gaz: Gazetteer) -> frozenset[str]:
    """Words that make a sentence worth tokenizing: speech verb forms, attribution words, Konjunktiv forms and
    the first words of actors' names (lowercase)."""
    key = id(gaz)
    hit = _TRIGGERS.get(key)
    if hit is None or hit[0] is not lex or hit[1] is not gaz:
        words = set(lex.verbs) | lex.konjunktiv | lex.konjunktiv_ii | {"laut", "zufolge", "nach", "so"}
        words |= {w.split("-")[0] for w in alias_starts(gaz)} | REPORT_ADVERBS
        hit = _TRIGGERS[key] = (lex, gaz, frozenset(words))
    return hit[2]


def _find_cues(scan: _Scan) -> None:
    """Pass 1, sentence by sentence in article order: which sentences can hold anything, the actors they name,
    their cues with the speakers resolved, and the message each cue introduces."""
    text, triggers = scan.text, _trigger_words(scan.lex, scan.art.gaz)
    for si, (ss, se) in enumerate(scan.sents):
        words = WORD.findall(text, ss, se)
        hot = (QUOTE_MARK.search(text, ss, se) is not None or not triggers.isdisjoint(words)
               or not triggers.isdisjoint(map(str.lower, words))
               or any(w[-1:] == "e" and w[:1].islower() and is_konjunktiv_i(w) for w in words))
        scan.active.append(hot)
        if not hot or scan.sections.excluded(ss, se) or scan.sections.reader_of(ss) is not None:
            scan.cues.append([])
            if not hot and not scan.sections.excluded(ss, se) and NAME_CANDIDATE.search(text, ss, se):
                scan.art.observe_names(scan.toks[si])  # people named here are the antecedents of later pronouns
            continue
        toks = scan.toks[si]
        scan.art.observe(toks)
        scan.cues.append([_with_message(scan, si, toks, _resolve_cue(scan, ss, toks, cue))
                          for cue in sentence_cues(toks, scan.lex)])


def _resolve_cue(scan: _Scan, ss: int, toks: list[Tok], cue: Cue) -> Cue:
    """A sentence cue with its speaker resolved in the article (and recorded as the one who spoke last)."""
    span = cue.speaker_toks
    if cue.kind == "hiess" and (span is None or toks[span[1] - 1].text in scan.lex.documents):
        # "hieß es (in der Erklärung)": the statement names no speaker but is the institution's or person's that
        # spoke last, if recently
        ent = scan.art.last_speaker(since=ss - DOCUMENT_SPEAKER_REACH)
        return replace(cue, mention=Mention.of(scan.text, toks, span) if span else None,
                       resolved=ent.resolved if ent is not None else NOBODY)
    if span is None:
        return cue
    resolved, ent = scan.art.resolve(span, toks)
    cue = replace(cue, resolved=resolved, mention=Mention.of(scan.text, toks, span))
    if cue.kind == "verb" and span[1] <= cue.start_tok and not _names_someone(cue) and not _source_noun(
            cue, toks, scan.lex) and not (span[1] - span[0] == 1 and toks[span[0]].lower in PRONOUNS):
        # "Jegliche Mitverantwortung weist Hartmann von sich", "Ein Tiefdruckgebiet habe …, meldet die Behörde":
        # a thing before the verb is its object; the subject is after the verb, if it is someone
        after = np_after(toks, cue.end_tok, scan.lex)
        if after is not None and not is_oblique(toks, after) and not toks[after[0]].quoted:
            moved, moved_ent = scan.art.resolve(after, toks)
            if moved.name is not None or moved.kind == "anonymous":
                span, ent = after, moved_ent
                cue = replace(cue, speaker_toks=after, resolved=moved, mention=Mention.of(scan.text, toks, after))
    if ent is not None:
        scan.art.spoke(ent, toks[span[0]].start)
    return cue


def _with_message(scan: _Scan, si: int, toks: list[Tok], cue: Cue) -> Cue:
    """The cue with the reported message it introduces outside quote marks, if any."""
    message = message_span(scan.text, toks, cue, scan.lex, scan.sents[si])
    if message is None and cue.kind == "verb" and cue.start_tok == 1 and toks[0].lower in (
            "das", "dies", "dieses") and scan.previous_sentence_counts(si):
        message = strip_span(scan.text, *scan.sents[si - 1])  # "… Das bestätigte die Organisation."
    return replace(cue, message=message)


def _named(text: str, toks: list[Tok], cue: Cue, art: ArticleEntities) -> Cue:
    """`cue` with its speaker mention toks[cue.speaker_toks] resolved in the article."""
    resolved, _ = art.resolve(cue.speaker_toks, toks)
    return replace(cue, resolved=resolved, mention=Mention.of(text, toks, cue.speaker_toks))


def _speaker_cue(text: str, toks: list[Tok], span: tuple[int, int], art: ArticleEntities) -> Cue:
    """A cue whose speaker is the noun phrase toks[a:b] itself (no speech verb), resolved in the article."""
    return _named(text, toks, Cue("subject", span[0], span[0], span), art)


def _subject_cue(text: str, toks: list[Tok], lex: Lexicon, art: ArticleEntities) -> Cue | None:
    """The subject of a sentence as the speaker of what follows it ("Der Iran streitet dies ab. Es sei …"), resolved
    in the article; None when the sentence has no subject we can find."""
    sp = sentence_subject(toks, len(toks), lex) if toks else None
    return _speaker_cue(text, toks, sp, art) if sp else None


# ---------------------------------------------------------------------------------------------- pass 2: quotes
def _attribute_sentence(scan: _Scan, si: int) -> None:
    """Pass 2 for one sentence: its quote marks, its reported speech and its continuation of the last speaker;
    then what it attributed becomes the last statement (or the last one lapses after a sentence without)."""
    ss, se = scan.sents[si]
    if not scan.active[si]:
        if scan.last is not None and si - scan.last.sentence > 1:
            scan.last = None
        return
    if scan.sections.excluded(ss, se):
        return
    reader = scan.sections.reader_of(ss)
    used = _quote_marks(scan, si, reader)
    if reader is not None:
        return
    used = _reported_speech(scan, si, used)
    used = _continuation(scan, si) or used
    if used is not None:
        scan.last = Attribution(si, used.cue, used.toks)
    if scan.last is not None and not scan.last.cue.names_nobody:
        scan.recent = scan.last
    if used is None and si - (scan.last.sentence if scan.last else -9) > 1:
        scan.last = None


def _quote_marks(scan: _Scan, si: int, reader: Any | None) -> Attribution | None:
    """The quotations opening in sentence si (none in a subheading: "Noch »eine Menge Arbeit«"); the cue of the
    last one that has a cue."""
    ss, se = scan.sents[si]
    used = None
    for m in scan.marks_by_sentence.get(si, []) if not is_heading(scan.text, ss, se) else ():
        if scan.sections.excluded(m.open_start, m.close_end):
            continue
        words = WORD.findall(scan.text[m.start:m.end])
        if not words:
            continue
        if reader is not None:
            scan.add(_reader_quote(scan.text, m, reader))
            continue
        said = _quotation(scan, si, m, words)
        if said is not None:
            used = said
    return used


def _reader_quote(text: str, m: Marked, reader: Any) -> Quote:
    """Quoted words in a reader comment: the reader's own, the author named after them when found."""
    author = getattr(reader, "author", None)
    at = text.find(author, m.close_end, reader.end) if author else -1
    return Quote(mode="direct", start=m.start, end=m.end, speaker_mention=author if at >= 0 else None,
                 speaker_start=at if at >= 0 else None, speaker_end=at + len(author) if at >= 0 else None,
                 speaker=author, speaker_kind="reader")


def _quotation(scan: _Scan, si: int, m: Marked, words: list[str]) -> Attribution | None:
    """The quotation of mark m (opening in sentence si) with its mode and cue, added to the quotes unless the
    quoted words are a name, a title or a scare-quoted word; its cue as used, or None."""
    text, lex, toks = scan.text, scan.lex, scan.toks[si]
    ss = scan.sents[si][0]
    content = text[m.start:m.end]
    ci = scan.sentence_of(max(m.close_end - 1, m.open_start))  # the sentence the quotation ends in
    before = text[ss:m.open_start].strip()
    after = text[m.close_end:scan.sents[ci][1]].strip()
    standalone = _stands_alone(scan, si, ci, m, before, after) and (
        len(words) >= STANDALONE_WORDS or re.search(r"[.!?]\s*$", content) is not None)
    cue, ctoks = _framing_cue(scan, si, ci, m, before)
    sentence_has_konj = any(is_konjunktiv(t, lex) for t in toks if not t.quoted)
    if _names_a_speaker(scan, si, m, words):
        return None
    if is_name_or_title(text, m, words, ss, lex) or cue is None and title_case(content, words):
        # („Ärzte ohne Grenzen“ with no cue framing it: a name; „Opfer des Terrorismus“, sagte X: a quotation)
        if SO_CALLED.search(text, max(ss, m.open_start - WORD_BEFORE_SO_CALLED), m.open_start):
            scan.add(Quote(mode="term", start=m.start, end=m.end))  # sogenannte „Querdenker“: a quoted term
        return None
    if standalone and len(words) >= 2:
        mode = "direct"
    else:
        mode = "partial" if before and not before.endswith(":") else "direct"
        if len(words) == 1 and cue is None and not sentence_has_konj:
            return None  # a scare-quoted word
    if cue is None:
        cue, ctoks = _cue_without_frame(scan, si, m, before, mode == "direct" or sentence_has_konj)
        if cue is None and mode == "partial" and len(words) <= TERM_WORDS and not re.search(r"[.!?,:;]", content):
            scan.add(Quote(mode="term", start=m.start, end=m.end))  # der „Lockdown light“: a quoted term
            return None
    scan.add(scan.quote(mode, m.start, m.end, cue, ctoks))
    if cue is None:
        return None
    if not cue.names_nobody:
        scan.last = Attribution(ci, cue, ctoks)
    return Attribution(si, cue, ctoks)


def _stands_alone(scan: _Scan, si: int, ci: int, m: Marked, before: str, after: str) -> bool:
    """The quotation is a sentence of its own, or framed only by a cue (`X sagte: „…“`, `„…“, sagte X.`)."""
    frame_before = not before or before.endswith(":") or (
        before.endswith(",") and len(before.split()) <= FRAME_BEFORE_WORDS and any(
            scan.toks[si][c.start_tok].start < m.open_start for c in scan.cues[si]))
    frame_after = not after or after[:1] in ".!?" or after.startswith(",") and any(
        scan.toks[ci][c.start_tok].start >= m.close_end for c in scan.cues[ci]) or after.startswith(("(", "–"))
    return frame_before and frame_after


def _framing_cue(scan: _Scan, si: int, ci: int, m: Marked, before: str) -> tuple[Cue | None, list[Tok] | None]:
    """The cue that frames the quotation of mark m and the tokens of its sentence: the nearest cue in the
    sentences the quotation spans (in the frame after the close, else before the open), else the speaker before a
    colon ("Ein Beamter: „…“"), else any verb right after the quotation with its subject."""
    text, lex, art = scan.text, scan.lex, scan.art
    cands = []
    for k in range(si, ci + 1):
        for c in scan.cues[k]:
            pos = scan.toks[k][c.start_tok].start
            if m.open_start <= pos < m.close_end:
                continue
            if c.names_nobody or c.mention is None:
                # a cue with nobody named ("weiter hieß es", also when it stands for the last speaker) only if
                # nothing better
                dist = NOBODY_RANK
            elif pos >= m.close_end:
                # a frame right after the quote (", sagte X") beats anything further on
                between = TOKEN.findall(text, m.close_end, pos)
                tight = len(between) <= TIGHT_FRAME_TOKENS and (not between or between[0] in ",–(")
                dist = pos - m.close_end + (0 if tight else LOOSE_FRAME_PENALTY)
            else:
                # a frame right before it ("X sagte: „…“") is as good as one right after
                dist = (m.open_start - pos) * (COLON_FRAME_WEIGHT if before.endswith(":") else FRAME_BEFORE_WEIGHT)
            cands.append((dist, k, c))
    best = min(cands, key=lambda x: x[0]) if cands else None  # the first of equals, in sentence order
    cue, ctoks = (best[2], scan.toks[best[1]]) if best else (None, None)
    if (cue is None or cue.names_nobody) and before.endswith(":"):
        toks = scan.toks[si]
        colon = next((k for k, t in enumerate(toks) if t.start >= m.open_start), len(toks)) - 1
        s0, e0, r0 = np_before(toks, colon, lex) if colon > 0 else (0, 0, "")
        if s0 < e0 and r0 == "start" and any(t.capword for t in toks[s0:e0]):
            # "Ein Beamter der Nationalpolizei: „…“": the speaker before the colon
            cue, ctoks = _speaker_cue(text, toks, (s0, e0), art), toks
        elif colon > 0 and (sp := _colon_subject(toks, colon, lex)) is not None:
            cue, ctoks = _speaker_cue(text, toks, sp, art), toks
    if cue is None or cue.names_nobody:
        inverted = inverted_frame(scan.toks[ci], m.close_end, lex)
        if inverted is not None:  # „…“, strich Romney in Arbutus heraus: any verb right after the quote
            ctoks = scan.toks[ci]
            cue = _named(text, ctoks, inverted, art)
    return cue, ctoks


def _colon_subject(toks: list[Tok], colon: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of the clause that the colon toks[colon] ends, as the speaker of the quotation after it: "Hier
    sparte der Bundespräsident nicht mit Kritik: „…“", "Dabei griff sie … an: „…“", also before an apposition or a
    relative clause ("Der Experte, Martin Hoffstetter, wandte sich …:"); None when it names nobody or its own clause
    is reported speech (Konjunktiv)."""
    sp = sentence_subject(toks, colon, lex) or initial_np(toks, colon, lex, before_comma=True)
    if sp is None or not any(t.capword or t.lower in PRONOUNS and t.lower not in ("es", "man")
                             for t in toks[sp[0]:sp[1]]):
        return None
    main = toks[:clause_end(toks, sp[1]) if sp[1] < colon else colon]
    return None if any(is_konjunktiv(t, lex) for t in main) else sp


def _names_a_speaker(scan: _Scan, si: int, m: Marked, words: list[str]) -> bool:
    """The quoted words are themselves the mention of a cue's speaker: laut „Reuters“."""
    toks = scan.toks[si]
    return len(words) <= SPEAKER_NAME_WORDS and any(
        c.speaker_toks and toks[c.speaker_toks[0]].start <= m.open_start
        and m.close_end <= toks[c.speaker_toks[1] - 1].end for c in scan.cues[si])


def _cue_without_frame(scan: _Scan, si: int, m: Marked, before: str,
                       continues: bool) -> tuple[Cue | None, list[Tok] | None]:
    """A cue for a quotation that no cue frames: the last speaker's, if recent and the quotation can continue it
    (`continues`: it is direct, or its sentence is in Konjunktiv); else the subject of its sentence; else, for a
    quotation opening its sentence, the subject of the sentence before."""
    text, lex, art, toks = scan.text, scan.lex, scan.art, scan.toks[si]
    last = scan.last
    own = _own_subject(scan, si, m) if before else None
    if own is not None:
        return own, toks
    if last is not None and si - last.sentence <= LAST_CUE_SENTENCES and continues:
        return last.cue, last.toks
    if before:
        # no speech verb: the subject of the sentence the quote stands in ("Einige Anhänger protestierten mit
        # Transparenten, auf denen „…“ stand")
        first_q = next((k for k, t in enumerate(toks) if t.start >= m.open_start), len(toks))
        sp = sentence_subject(toks, first_q, lex)
        return (_speaker_cue(text, toks, sp, art), toks) if sp else (None, None)
    if scan.previous_sentence_counts(si):
        # a quotation standing alone after a sentence about someone: "Romney strich heraus. „…“"
        ptoks = scan.toks[si - 1]
        cue = _subject_cue(text, ptoks, lex, art)
        if cue is not None and _may_speak(cue, ptoks, lex):
            return cue, ptoks
    return None, None


def _own_subject(scan: _Scan, si: int, m: Marked) -> Cue | None:
    """A quotation inside a sentence whose main clause is the journalist's (no Konjunktiv before the quotation)
    and whose subject is someone named: that subject's words ("Auch der Sprecher der SPD, Dieter Wiefelspütz, will
    „in den kommenden Wochen prüfen“, ob …"), not the last speaker's."""
    text, lex, toks = scan.text, scan.lex, scan.toks[si]
    first_q = next((k for k, t in enumerate(toks) if t.start >= m.open_start), len(toks))
    if any(is_konjunktiv(t, lex) for t in toks[:first_q] if not t.quoted):
        return None
    sp = sentence_subject(toks, first_q, lex) or initial_np(toks, first_q, lex, before_comma=True)
    if sp is None or sp[1] - sp[0] == 1 and toks[sp[0]].lower in PRONOUNS:
        return None
    cue = _speaker_cue(text, toks, sp, scan.art)
    return cue if cue.resolved.name is not None and cue.resolved.kind in ("person", "institution") else None


def _may_speak(cue: Cue, toks: list[Tok], lex: Lexicon) -> bool:
    """A subject that can be the speaker of a quotation without a speech verb: someone (a name, an institution,
    an anonymous source) or a statement (`die Forderung`), not a thing (`Ortschaften`, `Der Verkauf`)."""
    return _names_someone(cue) or _source_noun(cue, toks, lex)


def _reported_speech(scan: _Scan, si: int, used: Attribution | None) -> Attribution | None:
    """The indirect quotes of the messages of sentence si's cues, unless quote marks hold them. The cue used last
    in the sentence: `used` (by its quotations) or a cue that introduced a message; when neither, its last speech
    verb with a speaker named."""
    ss = scan.sents[si][0]
    toks, cues = scan.toks[si], scan.cues[si]
    for c in cues:
        if c.message is None:
            continue
        s, e = c.message
        if e - s <= 0 or scan.mostly_quoted(s, e):
            continue
        if c.names_nobody and any(
                o.start <= s and e <= o.end for _, o in scan.items if o.mode == "indirect" and o.start >= ss):
            continue  # a nested report without a speaker of its own ("dass er glaubt, dass ...")
        if any(o.start == s and o.end == e for _, o in scan.items if o.mode == "indirect"):
            continue  # "X zeigte sich zufrieden: …, sagte sie": two cues of one message, the first reports it
        if (c.kind == "statement" or _owned_opinion(c, toks)) and any(
                o.start < e and s < o.end for _, o in scan.items if o.mode == "indirect" and o.start >= ss):
            continue  # "vertritt die Ansicht, …", "erklärte X, … seiner Meinung nach …": the verb reported it already
        scan.add(scan.quote("indirect", s, e, c, toks))
        if used is None or not _owned_opinion(c, toks):
            used = Attribution(si, c, toks)  # "erklärte X, … seiner Meinung nach …": X spoke, and speaks on
    if used is None and cues:
        named = [c for c in cues if c.kind == "verb" and c.mention]
        if named:
            used = Attribution(si, named[-1], toks)
    return used


def _names_someone(cue: Cue) -> bool:
    """The cue's speaker mention resolved to someone: a name, an institution or an anonymous source."""
    return cue.resolved.name is not None or cue.resolved.kind == "anonymous"


def _source_noun(cue: Cue, toks: list[Tok], lex: Lexicon) -> bool:
    """The cue's speaker mention is headed by a statement or document noun (`Beschuldigungen`, `der Bericht`)."""
    if cue.speaker_toks is None:
        return False
    head = head_noun(toks, cue.speaker_toks)
    return bool(head) and (is_attribution_noun(head, lex) or head.lower().endswith(DOCUMENT_ENDINGS + STATEMENT_ENDINGS))


def _owned_opinion(cue: Cue, toks: list[Tok]) -> bool:
    """The cue is an opinion phrase with a possessive (`seiner Meinung nach`): it names its speaker only by
    pointing back to another."""
    return cue.kind == "zufolge" and cue.speaker_toks is not None and toks[cue.speaker_toks[0]].lower in POSSESSIVES


def _continuation(scan: _Scan, si: int) -> Attribution | None:
    """A Konjunktiv I sentence without a cue of its own (or one opening with `demnach`) reports the previous
    speaker: the last one, when attributed in this or the sentence before, else the subject of the sentence
    before ("Der Iran streitet dies ab. Es sei …"). Its cue, or None."""
    ss, se = scan.sents[si]
    toks, lex = scan.toks[si], scan.lex
    unq = [t for t in toks if not t.quoted]
    # "Demnach erwartet Russland, …", "Die Rolle der Fed soll demnach gestärkt werden"
    adverb = next((t for t in unq[:KONJUNKTIV_TOKENS] if t.lower in REPORT_ADVERBS), None)
    demnach = adverb is not None
    if scan.cues[si] or len(unq) < CONTINUATION_TOKENS or not (
            demnach or any(is_konjunktiv(t, lex) for t in unq[:KONJUNKTIV_TOKENS])) or any(
            t.lower in ("ich", "wir") for t in unq) or any(
            o.start >= ss and o.mode == "indirect" for _, o in scan.items[-3:]):
        return None
    prior = scan.last if scan.last is not None and si - scan.last.sentence <= 1 else None
    if prior is None and scan.previous_sentence_counts(si) and (demnach or any(
            is_konjunktiv(t, lex, strict=True) for t in unq[:KONJUNKTIV_TOKENS])):
        # the previous sentence reported someone without a speech verb we know ("Der Iran streitet dies ab."):
        # its subject is the speaker
        ptoks = scan.toks[si - 1]
        cue = _subject_cue(scan.text, ptoks, lex, scan.art)
        if cue is not None:
            prior = Attribution(si - 1, cue, ptoks)
        if cue is None or not _names_someone(cue):
            if scan.recent is not None and si - scan.recent.sentence <= RECENT_SPEAKER_SENTENCES:
                # the subject before is nobody ("Teil der Lieferung waren …"): the one who spoke a moment ago
                prior = scan.recent
            elif cue is not None and not _source_noun(cue, ptoks, lex):
                # a subject that is nobody ("Der Sprengsatz", "ein Streik") is no speaker: the report stays,
                # unattributed (a statement noun is its source: "präzise Beschuldigungen sind bekannt geworden")
                prior = Attribution(si - 1, replace(cue, speaker_toks=None, mention=None, resolved=NOBODY), ptoks)
    if prior is None:
        return None
    s, e = strip_span(scan.text, ss, se)
    if scan.mostly_quoted(s, e):
        return None
    if prior.cue.names_nobody and prior.cue.kind == "subject":
        scan.refused.add((s, e))  # the rules decided it is nobody's: the speaker ranker leaves it so
    cue, ctoks = prior.cue, prior.toks
    if demnach and adverb is unq[0]:
        # "Demnach …" opening the sentence is its mention of the speaker, as a pronoun would be; inside the
        # sentence ("Demjanjuk sei demnach …") the speaker's own mention stays
        k = toks.index(adverb)
        cue, ctoks = Cue("demnach", k, k + 1, (k, k + 1), mention=Mention.of(scan.text, toks, (k, k + 1)),
                         resolved=prior.cue.resolved), toks
    scan.add(scan.quote("indirect", s, e, cue, ctoks))
    return Attribution(si, prior.cue, prior.toks)
