"""Quotations, reported speech and their speakers in German news text.

Three modes: `direct` (a claim in quote marks), `partial` (quoted words inside the journalist's sentence or inside
reported speech) and `indirect` (reported speech without quote marks: a speech verb with a dass-clause or a clause
in Konjunktiv I, a Konjunktiv I sentence continuing the previous speaker, and attributions such as `X zufolge`,
`laut X`, `so X`, `nach Angaben von X`). Each quote gets its cue, the speaker mention nearest the cue, and the
resolved speaker (gazetteer canonical name or the fullest name form in the article; pronouns and role nouns are
resolved to the actor they refer to). Pure Python, regex and the word lists in `data/speech/`.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Any, Sequence

from framing.actors.gazetteer import Actor, Gazetteer, fold, load_gazetteer
from framing import resources
from framing.errors import ConfigError



@dataclass(frozen=True)
class Quote:
    mode: str  # direct / partial / indirect
    start: int  # the quoted/reported message, offsets into the article text, end exclusive
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None  # resolved canonical name (gazetteer canonical, or the fullest name form in the article)
    speaker_group: str | None
    speaker_kind: str  # person / institution / anonymous / reader / unknown


# ---------------------------------------------------------------------------------------------- lexicon
# ---------------------------------------------------------------------------------------------- word classes
@functools.cache
def word_classes() -> dict[str, Any]:
    """The word classes of `data/speech/word_classes.toml`, one key per class (read once)."""
    try:
        return tomllib.loads(resources.read_text("speech", "word_classes.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"data/speech/word_classes.toml: {exc}") from exc


def _word_list(key: str) -> list[str]:
    try:
        words = word_classes()[key]
    except KeyError:
        raise ConfigError(f"data/speech/word_classes.toml: the word class {key!r} is missing") from None
    return list(dict.fromkeys(words))


def _words(key: str) -> frozenset[str]:
    """A word class to test membership with (`w in DETERMINERS`)."""
    return frozenset(_word_list(key))


def _endings(key: str) -> tuple[str, ...]:
    """Endings (or prefixes) to test with str.endswith / str.startswith, in the file's order."""
    return tuple(_word_list(key))


def _alternation(key: str) -> str:
    """A word class as a regular-expression alternation (`der|die|das`)."""
    return "|".join(re.escape(w) for w in _word_list(key))


INSEPARABLE = _endings("inseparable")
PARTICLES = _endings("particles")
DETERMINERS = _words("determiners")
POSSESSIVES = _words("possessives")
PRONOUNS: dict[str, str] = dict(word_classes()["pronouns"])  # pronoun -> gender (m, f, n, 1, x)
SUBORDINATORS = _words("subordinators")
RELATIVES = _words("relatives")
PREPOSITIONS = _words("prepositions")
FOCUS = _words("focus")
ADVERBS = _words("adverbs")
AUX = _words("aux")
PASSIVE_AUX = _words("passive_auxiliaries")
NAME_PARTICLES = _words("name_particles")
WH_WORDS = _words("wh_words")
NEGATIONS = _words("negations")
REPORT_ADVERBS = _words("report_adverbs")
NOT_ADJECTIVE = AUX | DETERMINERS | POSSESSIVES | PREPOSITIONS | ADVERBS | SUBORDINATORS | _words("not_adjective")
NP_PREPOSITIONS = _words("np_prepositions")
CUT_PREPOSITIONS = _words("cut_prepositions")
NOT_SUBJECT_START = _words("not_subject_start")
ADVERB_ENDINGS = _endings("adverb_endings")
ATTRIBUTION_ENDINGS = _endings("attribution_endings")
DOCUMENT_ENDINGS = _endings("document_endings")
OPINION_ENDINGS = _endings("opinion_endings")
NAME_ARTICLES = _words("name_articles")
TITLE_ARTICLES = _words("title_articles")
NAME_FUNCTION_WORDS = _words("name_function_words")
ARTICLES = _alternation("articles")
DEFINITE_ARTICLES = _alternation("definite_articles")




@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[tuple[str, str | None, bool, str]]]  # form -> [(lemma, particle needed, participle, kind)]
    konjunktiv: frozenset[str]
    konjunktiv_ii: frozenset[str]
    konjunktiv_stems: frozenset[str]
    cue_nouns: frozenset[str]
    role_words: frozenset[str]
    role_endings: tuple[str, ...]
    institution_words: frozenset[str]
    institution_endings: tuple[str, ...]
    anonymous: frozenset[str]
    documents: frozenset[str]
    title_words: frozenset[str]
    title_endings: tuple[str, ...]


def _lines(name: str) -> list[str]:
    return resources.read_lines("speech", name)


def _weak_forms(stem: str, particle: str | None, lemma: str) -> tuple[list[str], str]:
    e = "e" if re.search(r"(?:[td]|(?:ch|[^lrhaeiouäöü])[mn])$", stem) else ""
    finite = [stem + e + "t", stem + e + "te", stem + e + "ten"]
    plain = lemma.endswith("ieren") or stem.startswith(INSEPARABLE)
    participle = (particle or "") + ("" if plain else "ge") + stem + e + "t"
    return finite, participle


@functools.cache
def lexicon() -> Lexicon:
    """The speech lexicon from `data/speech/` (loaded once)."""
    verbs: dict[str, list[tuple[str, str | None, bool, str]]] = {}

    def add(form: str, entry: tuple[str, str | None, bool, str]) -> None:
        if entry not in verbs.setdefault(form, []):
            verbs[form].append(entry)
    rows = [line.split(",") for line in _lines("verbs.csv")]
    for row in rows[1:] if rows and rows[0][0] == "lemma" else rows:
        if len(row) != 5:
            raise ConfigError(f"data/speech/verbs.csv: expected 5 columns in {','.join(row)!r}")
        lemma, particle, stem, forms, kind = (c.strip() for c in row)
        particle = particle or None
        if forms:
            parts = forms.split()
            finite, participle = parts[:-1], parts[-1]
            finite.append(lemma[len(particle):] if particle else lemma)  # present plural: "Beamte unterstreichen"
        else:
            finite, participle = _weak_forms(stem, particle, lemma)
            finite.append(lemma[len(particle):] if particle else lemma)  # third person plural: "Beamte unterstreichen"
        for form in finite:
            add(form, (lemma, particle, False, kind))
            if particle:  # verb-final subordinate clause: "..., wie er mitteilte"
                add(particle + form, (lemma, None, False, kind))
        if participle != "-":  # "-": the participle is too ambiguous to count (raten: geraten)
            add(participle, (lemma, None, True, kind))
    roles = _lines("roles.txt")
    insts = _lines("institutions.txt")
    titles = _lines("title_nouns.txt")
    return Lexicon(
        verbs=verbs,
        konjunktiv=frozenset(_lines("konjunktiv.txt")),
        konjunktiv_ii=frozenset(_lines("konjunktiv_ii.txt")),
        konjunktiv_stems=frozenset(s + "e" for s in _lines("konjunktiv_stems.txt")),
        cue_nouns=frozenset(_lines("cue_nouns.txt")),
        role_words=frozenset(r for r in roles if not r.startswith("-")),
        role_endings=tuple(r[1:] for r in roles if r.startswith("-")),
        institution_words=frozenset(i for i in insts if not i.startswith("-")),
        institution_endings=tuple(i[1:] for i in insts if i.startswith("-")),
        anonymous=frozenset(_lines("anonymous.txt")),
        documents=frozenset(_lines("documents.txt")),
        title_words=frozenset(t.lower() for t in titles if not t.startswith("-")),
        title_endings=tuple(t[1:].lower() for t in titles if t.startswith("-")),
    )


# ---------------------------------------------------------------------------------------------- tokens
TOKEN = re.compile(r"\w+(?:[-‐'’.]\w+)*-?|[^\w\s]")
QUOTE_MARK = re.compile("[„“”»«‚‘’›‹\"']")
MAX_QUOTE_CHARS = 2500  # a closing mark further away than this (about 25 lines of print) is not this quote's
QUOTE_CHARS = frozenset("„“”»«‚‘’›‹\"")
QUOTE_OPEN = {"„": "“”\"", "»": "«", "«": "»", "‚": "‘’'", "›": "‹", "‹": "›", "“": "”\"", "‘": "’", "\"": "\""}


LOWER_PREFIX_NAME = re.compile(r"(?:%s)-[A-ZÄÖÜ]" % _alternation("name_prefixes"))


class Tok:
    """A token of a sentence with its offsets; `capword`: a capitalised word (noun or name), including names
    with a lowercase particle (al-Dschasira)."""

    __slots__ = ("text", "start", "end", "quoted", "lower", "capword")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end, self.quoted = text, start, end, False
        self.lower = text.lower()
        first = text[:1]
        self.capword = first.isupper() and first.isalpha() or (
            "-" in text[:5] and LOWER_PREFIX_NAME.match(text) is not None)


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


# ---------------------------------------------------------------------------------------------- quote marks
@dataclass
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


# ---------------------------------------------------------------------------------------------- word classes
ZU_INFINITIVE = re.compile(r"(?:%s)zu[a-zäöüß]{2,}en$" % "|".join(PARTICLES))


def _is_konjunktiv(tok: Tok, lex: Lexicon, strict: bool = False) -> bool:
    """Konjunktiv I (or, unless strict, the Konjunktiv II forms used in reported speech)."""
    w = tok.text
    if not w[:1].islower() or w[-1:] not in "eni":
        return False
    if not strict and w in lex.konjunktiv_ii:
        return True
    return _konjunktiv_i(w)


@functools.lru_cache(maxsize=65536)
def _konjunktiv_i(w: str) -> bool:
    lex = lexicon()
    if w in lex.konjunktiv or w in lex.konjunktiv_stems:
        return True
    if len(w) > 6 and w.endswith("iere"):
        return True  # -ieren verbs: "er funktioniere" (the indicative is "funktioniert")
    return any(w.startswith(p) and w[len(p):] in lex.konjunktiv_stems for p in PARTICLES)


def _is_adjective(tok: Tok, lex: Lexicon) -> bool:
    w = tok.text
    if w[:1].isdigit():
        return NUMBER_ADJECTIVE.fullmatch(w) is not None  # "der 84-jährige Küng"
    return w[:1].islower() and len(w) > 3 and w[-1:] in "enrsm" and _adjective_word(w)


NUMBER_ADJECTIVE = re.compile(r"\d+-[a-zäöüß]+(?:e|en|er|es|em)")


@functools.lru_cache(maxsize=65536)
def _adjective_word(w: str) -> bool:
    lex = lexicon()
    return (w not in NOT_ADJECTIVE and w not in lex.verbs and w not in lex.konjunktiv and w not in lex.konjunktiv_ii
            and ADJECTIVE.fullmatch(w) is not None and not _konjunktiv_i(w))


ADJECTIVE = re.compile(r"[a-zäöüß][\w\-]*(?:e|en|er|es|em)")


COMMON_NOUN = re.compile(r"(?:%s)$" % _alternation("common_noun_endings"))


def _is_role(word: str, lex: Lexicon) -> bool:
    return word in lex.role_words or word.lower().endswith(lex.role_endings)


def _is_institution(word: str, lex: Lexicon) -> bool:
    return word in lex.institution_words or word.lower().endswith(lex.institution_endings)





def _is_attribution_noun(word: str, lex: Lexicon) -> bool:
    w = word.lower()
    return word in lex.cue_nouns or word in lex.documents or w.endswith(ATTRIBUTION_ENDINGS)


def _head(toks: list[Tok], span: tuple[int, int]) -> str:
    """The first noun of a noun phrase (its head, before genitive attributes)."""
    for t in toks[span[0]:span[1]]:
        if t.text[:1].isupper():
            return t.text
    return ""


def _capword(tok: Tok) -> bool:
    return tok.capword


# ---------------------------------------------------------------------------------------------- noun phrases
def _forward_np(toks: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A subject noun phrase starting at toks[i] (after an inverted verb: `sagte der Kremlchef`)."""
    n = len(toks)
    skipped = 0
    while i < n and (toks[i].lower in ADVERBS or toks[i].lower in ("sich", "dabei", "heute", "gestern", "weiter"))\
            and skipped < 3 and not toks[i].quoted:
        i += 1
        skipped += 1
    if i >= n or toks[i].quoted and toks[i].text not in QUOTE_CHARS:
        return None
    t = toks[i]
    if t.lower in PRONOUNS and not (i + 1 < n and (_capword(toks[i + 1]) or _is_adjective(toks[i + 1], lex))):
        return (i, i + 1) if t.lower != "man" else None
    j = i
    nouns = 0
    while j < n:
        t = toks[j]
        if t.quoted:
            if t.text in QUOTE_CHARS or _capword(t):
                j += 1  # a name in quote marks: von der „Netzeitung“
                nouns += _capword(t)
                continue
            break
        if t.lower in DETERMINERS or t.lower in POSSESSIVES:
            if j > i and not (_capword(toks[j - 1]) and t.lower in ("des", "der", "eines", "einer")):
                break
        elif _capword(t) and t.lower not in PREPOSITIONS and t.lower not in ADVERBS:
            nouns += 1
        elif t.text[:1].isdigit() and j + 1 < n and (_capword(toks[j + 1]) or _is_adjective(toks[j + 1], lex)):
            pass  # "die 13 beteiligten Feuerwehrmänner"
        elif NUMBER_ADJECTIVE.fullmatch(t.text) and j > i:
            nouns += not (j + 1 < n and _capword(toks[j + 1]))  # "der 81-jährige" stands for a person
        elif _is_adjective(t, lex) and j + 1 < n and (_capword(toks[j + 1]) or _is_adjective(toks[j + 1], lex)):
            pass
        elif t.lower in NAME_PARTICLES and j > i and _capword(toks[j - 1]) and j + 1 < n and (
                _capword(toks[j + 1]) or toks[j + 1].lower in NAME_PARTICLES):
            pass
        elif t.lower in ("für", "von", "vom", "aus") and j > i and _capword(toks[j - 1]) and j + 1 < n and (
                _capword(toks[j + 1]) and not toks[j + 1].quoted):
            pass  # "der Chef der Bundesagentur für Arbeit", "Theo Kitz vom Bankhaus Merck Finck"
        elif t.text == "," and nouns and j + 2 < n and _capword(toks[j + 1]) and _capword(toks[j + 2]) and (
                j + 3 >= n or toks[j + 3].text in ",.;:" or _capword(toks[j + 3])) and not _is_konjunktiv(
                toks[j + 2], lex):
            pass  # an apposition with a name: "der Chef der Bundesagentur, Frank-Jürgen Weise,"
        elif t.text == "(" and nouns:
            k = j + 1
            while k < n and k < j + 5 and toks[k].text != ")":
                k += 1
            if k < n and toks[k].text == ")":
                j = k
            else:
                break
        else:
            break
        j += 1
    if not nouns:
        return None
    # "das Außenministerium in Kiew": an institution with its seat
    if j + 1 < n and toks[j].lower == "in" and _capword(toks[j + 1]) and _is_institution(toks[j - 1].text, lex):
        j += 2
    return (i, j)




def _backward_np(toks: list[Tok], c: int, lex: Lexicon, subject: bool = True) -> tuple[int, int, str]:
    """The noun phrase ending just before toks[c]; reason tells where it stopped: 'start' (clause start),
    'sub' (after a subordinator or relative pronoun) or 'other'."""
    j = c - 1
    while j >= 0 and (toks[j].lower in ADVERBS or toks[j].lower in ("immer", "wieder", "nicht", "noch", "schon")):
        j -= 1  # "zumal Verteidiger Wolfgang Dingfelder immer wieder betont hatte"
    c_np = j + 1
    while j >= 0:
        t = toks[j]
        if t.quoted:
            if t.text in QUOTE_CHARS and j == c_np - 1:
                # a short name in quote marks ends the phrase: Die Wochenzeitung „Die Zeit“ meldet
                k = j - 1
                while k >= 0 and toks[k].quoted and toks[k].text not in QUOTE_CHARS and j - k <= 5:
                    k -= 1
                if not (k >= 0 and k < j - 1 and toks[k].text in QUOTE_CHARS and _capword(toks[k + 1])
                        and k > 0 and (_capword(toks[k - 1]) or toks[k - 1].lower in DETERMINERS)):
                    break
                j = k
            elif not (t.text in QUOTE_CHARS or _capword(t)):
                break  # a name in quote marks belongs to the phrase: Die Organisation „Reporter ohne Grenzen“
        elif t.lower in ADVERBS and j > 0 and j < c_np - 1 and (
                toks[j - 1].lower in SUBORDINATORS or _capword(toks[j + 1]) or toks[j + 1].lower in DETERMINERS):
            pass  # "Wie schon die WHO sagte"
        elif _capword(t) and t.lower not in PREPOSITIONS and t.lower not in SUBORDINATORS:
            pass
        elif t.lower in DETERMINERS or t.lower in POSSESSIVES or t.lower in PRONOUNS:
            pass
        elif _is_adjective(t, lex) and j + 1 < c and (_capword(toks[j + 1]) or _is_adjective(toks[j + 1], lex)):
            pass
        elif t.lower in NAME_PARTICLES and 0 < j < c - 1 and _capword(toks[j - 1]) and _capword(toks[j + 1]):
            pass
        elif t.text == ")" and j > 2 and any(toks[k].text == "(" for k in range(max(0, j - 4), j)):
            j = max(k for k in range(max(0, j - 4), j) if toks[k].text == "(")  # "(dpa)", "(SPD)"
        elif t.text in "()/" or t.text[:1].isdigit() and (j + 1 < c and (
                _capword(toks[j + 1]) or _is_adjective(toks[j + 1], lex)) or j > 0 and _capword(toks[j - 1])):
            pass  # "die 13 beteiligten Feuerwehrmänner", "Bündnis 90 / Die Grünen"
        elif t.text == "," and 0 < j < c - 1 and (_capword(toks[j - 1]) or toks[j - 1].text == ")") and (
                _capword(toks[j + 1]) or toks[j + 1].lower in DETERMINERS):
            pass  # apposition: "Christel Happach-Kasan, die ernährungspolitische Sprecherin der FDP-Fraktion,"
        elif t.lower in NP_PREPOSITIONS and 0 < j < c - 1 and _capword(toks[j - 1]) and (
                _capword(toks[j + 1]) or toks[j + 1].lower in DETERMINERS):
            pass  # "Theo Kitz vom Bankhaus Merck Finck", "Sprecherin von Bündnis 90 / Die Grünen"
        elif t.lower == "und" and 0 < j < c - 1 and _capword(toks[j - 1]) and _capword(toks[j + 1]):
            pass  # "Der frühere Bürgermeister und Justizsenator", "Özcan Mutlu und Benedikt Lux"
        else:
            break
        j -= 1
    start = j + 1
    if j < 0 or toks[j].quoted or toks[j].text in ":;–—-(.!?":
        reason = "start"
    elif toks[j].lower in SUBORDINATORS and not (toks[j].lower == "als" and start < c and _capword(toks[start])) \
            or toks[j].text == "," and start < c and toks[start].lower in RELATIVES:
        reason = "sub"  # ("als Bundeskanzlerin lobte er" is no subordinate clause)
    else:
        reason = "other"
    if reason == "sub" and start < c_np and toks[start].lower in RELATIVES and toks[j].text == ",":
        return start, start + 1, reason  # relative clause: the relative pronoun is the subject
    while start < c_np and (toks[start].lower in FOCUS or toks[start].lower in ADVERBS):
        start += 1
    if start < c_np and toks[start].lower in PREPOSITIONS:
        start = c_np  # "Denn in Kiew weiß man": a place, not a subject
    if subject and start < c_np and (toks[start].lower in ("man", "den", "dem", "einem", "einen", "des")
                                     or toks[start].lower in AUX
                         or c_np - start == 1 and start == 0 and toks[start].lower.endswith(ADVERB_ENDINGS)
                         or c_np - start == 1 and toks[start].lower in ("das", "dies", "dieses", "was")):
        start = c_np  # not a subject: "Den Flüchtlingen sicherte Präsident Gusmão zu", "Hatte sie …"
    if start >= c_np:
        start = c_np = c
    return start, c_np, reason


def _subject(toks: list[Tok], v: int, lex: Lexicon) -> tuple[int, int] | None:
    """Subject noun phrase of the finite verb toks[v]: before it at clause start (`Rutte sagte`), in a verb-final
    clause (`wie Rutte sagte`), or after it when inverted (`sagte Rutte`, `Beim Treffen sagte Selenskyj`)."""
    s, e, reason = _backward_np(toks, v, lex)
    if s < e and reason in ("start", "sub") and any(_capword(t) or t.lower in PRONOUNS for t in toks[s:e]) or (
            reason == "sub" and e - s == 1 and toks[s].lower in RELATIVES):  # ", der alle Nichtmoslems aufforderte"
        if not (e - s == 1 and toks[s].lower in ADVERBS):
            return s, e
    if v > 1 and toks[v - 1].text == ",":
        # "Jimmy Carter, der als Wahlbeobachter im Land war, sagte": the subject before the relative clause
        ini = _initial_np(toks, v, lex, before_comma=True)
        if ini and ini[1] + 1 < v and toks[ini[1]].text == "," and toks[ini[1] + 1].lower in RELATIVES:
            return ini
    if v > 1 and toks[v - 1].text == ",":  # "Der NATO-Generalsekretär, Mark Rutte, äußerte"
        s2, e2, reason2 = _backward_np(toks, v - 1, lex)
        if reason2 in ("start", "sub") and any(t.text == "," for t in toks[s2:e2]):
            return s2, e2
    cs = _clause_start(toks, v)
    verb_final = v + 1 >= len(toks) or toks[v + 1].text in ",.;:" or toks[v + 1].quoted
    if verb_final and toks[0].lower in ("wie", "als") and not any(t.text in ",;:" and k + 1 < v and toks[k + 1].lower
                                                                  in SUBORDINATORS for k, t in enumerate(toks[:v])):
        cs = 0  # "Wie Steve Marshall, Sprecher der UN-Büros, in Bangkok mitteilte, …"
    if cs < v and (toks[cs].lower in SUBORDINATORS - {"als", "wie"} or toks[cs].lower in ("wie", "als") and verb_final) \
            and v - cs >= 2:
        sub = _forward_np(toks, cs + 1, lex)  # "weil die US-Regierung Georgien als „…“ bezeichnete"
        if sub and sub[1] <= v:
            return sub
    fwd = _forward_np(toks, v + 1, lex)
    if fwd is None and (s == e or reason == "other") and v > 0 and toks[v - 1].lower in ("und", "aber", ",", "sondern"):
        # "Selenskyj begrüßte ... und betonte", "DeMint wollte ..., sagte aber": the subject of the first verb
        return _initial_np(toks, v, lex, before_comma=toks[v - 1].text == ",") or _sentence_subject(toks, v, lex)
    return fwd




def _sentence_subject(toks: list[Tok], limit: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of a verb-second main clause: the initial noun phrase ("Romney strich heraus"), or the noun
    phrase after the verb when an adverb or a prepositional phrase comes first ("Im Kongress warb Obama …",
    "Dabei griff sie … an")."""
    sp = _initial_np(toks, limit, lex)
    if sp:
        return sp
    k = 0
    if k < limit and (toks[k].lower in ADVERBS or toks[k].lower in FOCUS or toks[k].lower.endswith(ADVERB_ENDINGS)):
        k += 1
    elif k < limit and toks[k].lower in PREPOSITIONS:
        k += 1
        while k < limit and not toks[k].quoted and (
                _capword(toks[k]) or toks[k].lower in DETERMINERS or toks[k].lower in POSSESSIVES
                or _is_adjective(toks[k], lex) or toks[k].text[:1].isdigit()):
            k += 1
    else:
        return None
    if k >= limit or k == 0 or not toks[k].text[:1].islower() or toks[k].lower in DETERMINERS | PREPOSITIONS:
        return None
    sp = _forward_np(toks, k + 1, lex)
    return sp if sp and sp[1] <= limit else None


def _initial_np(toks: list[Tok], limit: int, lex: Lexicon, before_comma: bool = False) -> tuple[int, int] | None:
    """The sentence-initial noun phrase when it is followed by a verb (the sentence subject), else None; with
    before_comma also when a comma follows it (an apposition or relative clause before the verb)."""
    k = 0
    if k < limit and toks[k].lower in FOCUS:
        k += 1
    first = k
    while k < limit and not toks[k].quoted:
        t = toks[k]
        if t.text == "(" and k > first:
            close = next((x for x in range(k + 1, min(limit, k + 6)) if toks[x].text == ")"), None)
            if close is None:
                break
            k = close + 1  # "(dpa)", "(SPD)"
            continue
        if not (_capword(t) and t.lower not in PREPOSITIONS | ADVERBS | SUBORDINATORS
                or t.lower in DETERMINERS or t.lower in POSSESSIVES or t.text == "/"
                or t.text == "," and k + 1 < limit and _capword(toks[k + 1]) and k > first
                or _is_adjective(t, lex) and k + 1 < limit and _capword(toks[k + 1])
                or t.lower in ("von", "vom", "aus") and k > first and k + 1 < limit and _capword(toks[k + 1])):
            break
        k += 1
    while k > first and toks[k - 1].text in ",/(":
        k -= 1
    if k == first or k >= limit:
        return None
    if not (toks[k].text[:1].islower() and toks[k].lower not in DETERMINERS or before_comma and toks[k].text == ","):
        return None
    if not any(_capword(t) for t in toks[first:k]) or toks[first].lower in NOT_SUBJECT_START or (
            k - first == 1 and (toks[first].lower in ("das", "dieser", "diese", "der", "die")
                                or toks[first].lower.endswith(ADVERB_ENDINGS))):
        return None
    return first, k


# ---------------------------------------------------------------------------------------------- cues
@dataclass
class Cue:
    kind: str  # verb / laut / zufolge / so / angaben / hiess
    start_tok: int
    end_tok: int
    speaker: tuple[int, int] | None  # token span of the speaker mention
    message: tuple[int, int] | None = None  # char span of an indirect message
    resolved: tuple[str | None, str | None, str] = (None, None, "unknown")
    mention: tuple[int, int, str] | None = None  # char span and text of the speaker mention
    verb_kind: str = ""  # speech / writing / thought for verb cues


# A clause is looked for at most this many tokens away: real clauses are far shorter, and the bound keeps a
# run-on "sentence" without punctuation (a transcript, an OCR dump) linear instead of quadratic in its cues.
CLAUSE_WINDOW = 80


def _clause_start(toks: list[Tok], i: int) -> int:
    stop = max(0, i - CLAUSE_WINDOW)
    while i > stop and toks[i - 1].text not in ",;:" and not toks[i - 1].quoted:
        i -= 1
    return i


def _clause_end(toks: list[Tok], i: int) -> int:
    stop = min(len(toks), i + CLAUSE_WINDOW)
    while i < stop and toks[i].text not in ",;:" and not toks[i].quoted:
        i += 1
    return i


def _strip_end(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?–-"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _sentence_cues(text: str, toks: list[Tok], lex: Lexicon) -> list[Cue]:
    cues: list[Cue] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        low = t.lower
        # attribution phrases -------------------------------------------------------------------------
        if low in ("laut", "gemäß") and i + 1 < n:
            sp = _forward_np(toks, i + 1, lex)
            if sp and (i == 0 or toks[i - 1].lower not in ("so", "sehr", "zu", "ganz")):
                cues.append(Cue("laut", i, i + 1, sp))
            continue
        if low == "zufolge" and i > 0:
            s, e, _ = _backward_np(toks, i, lex, subject=False)
            if s < e:
                cues.append(Cue("zufolge", i, i + 1, (s, e)))
            continue
        if low == "nach" and i + 1 < n:
            # "Nach Angaben der Polizei", "nach Polizeiangaben", "Nach einer norwegischen Studie"
            sp = _forward_np(toks, i + 1, lex)
            if sp and _is_attribution_noun(_head(toks, sp), lex):
                if sp[1] < n and toks[sp[1]].lower == "von":  # "nach Angaben von Augenzeugen"
                    sp = (sp[0], (_forward_np(toks, sp[1] + 1, lex) or (0, sp[1]))[1])
                cues.append(Cue("angaben", i, i + 1, sp))
                continue
            if i > 0 and not toks[i - 1].quoted:  # "Seiner Meinung nach"
                s0, e0, _ = _backward_np(toks, i, lex)
                if s0 < e0 and toks[e0 - 1].lower.endswith(OPINION_ENDINGS):
                    cues.append(Cue("zufolge", i, i + 1, (s0, e0)))
            continue
        if low == "so" and i > 0 and (toks[i - 1].text in ",–" or toks[i - 1].quoted) and i + 1 < n:
            sp = _forward_np(toks, i + 1, lex)
            if sp:
                cues.append(Cue("so", i, i + 1, sp))
            continue
        # speech verbs ----------------------------------------------------------------------------------
        entries = lex.verbs.get(t.text) if t.text[:1].islower() else None
        if not entries:
            continue
        info = None
        ce = _clause_end(toks, i + 1)
        cs0 = _clause_start(toks, i)
        has_aux = any(toks[k].lower in AUX for k in range(cs0, i)) or (i + 1 < n and toks[i + 1].lower in AUX)
        # a form that is both finite and participle (berichtet, erklärt) is a participle after an auxiliary
        for entry in sorted(entries, key=lambda x: (x[1] is None, x[2] != has_aux)):
            if entry[1] is None or any(toks[k].lower == entry[1] for k in range(i + 1, ce)) or (
                    i > 0 and toks[i - 1].lower == entry[1] and ce < n and toks[ce].text == ","):
                info = entry
                break
        if info is None:
            continue
        lemma, particle, participle, kind = info
        if lemma == "verlauten":  # "Aus EU-Kreisen verlautete, …"
            where = next((k for k in range(_clause_start(toks, i), i) if toks[k].lower == "aus"), None)
            cues.append(Cue("verb", i, i + 1, _forward_np(toks, where + 1, lex) if where is not None else None,
                            verb_kind=kind))
            continue
        if lemma == "stehen":
            # "In einem Jahresbericht des Ministeriums steht, dass …": the document speaks, like "heißt es in"
            cs, ce = _clause_start(toks, i), _clause_end(toks, i + 1)
            where = next((k for k in range(cs, i) if toks[k].lower in ("in", "im")), None)
            sp = _forward_np(toks, where + 1, lex) if where is not None else None
            if sp and ce < n and toks[ce].text == "," and ce + 1 < n and toks[ce + 1].lower in WH_WORDS and (
                    _is_attribution_noun(_head(toks, sp), lex) or _head(toks, sp).lower().endswith(DOCUMENT_ENDINGS)):
                cues.append(Cue("hiess", i, i + 1, sp))
            continue
        if lemma == "heißen":
            cs, ce = _clause_start(toks, i), _clause_end(toks, i + 1)
            if any(toks[k].lower == "es" for k in range(max(cs, i - 3), min(ce, i + 2))):
                where = next((k for k in range(cs, ce) if toks[k].lower in ("in", "im", "bei", "beim", "von", "vom",
                                                                           "aus", "auf")), None)
                sp = None
                if where is not None:
                    sp = _forward_np(toks, where + 1, lex)
                cues.append(Cue("hiess", i, i + 1, sp))
            continue
        end_tok = i + 1  # cue span: the finite verb (a separable particle may be far away)
        if participle and (i + 1 < n and toks[i + 1].lower.startswith(("werd", "wurd", "word")) or any(
                toks[k].lower in PASSIVE_AUX for k in range(_clause_start(toks, i), i))):
            # passive: the agent is "von X" ("wird von der Nachrichtenagentur Reuters zitiert"), or "in X"
            # ("So wird in einer Pressemitteilung der Organisation gefordert"); otherwise no cue
            cs = _clause_start(toks, i)
            agent = None
            for k in range(cs, i):
                if toks[k].lower in ("von", "vom", "in", "im") and not toks[k].quoted:
                    agent = _forward_np(toks, k + 1, lex)  # "vom Bundesverband kritisiert", "in einer Erklärung"
                    if agent:
                        break
            if agent is None and lemma == "zitieren":  # "„…“, wird Panetta zitiert"
                k = next((k for k in range(cs, i) if toks[k].lower in PASSIVE_AUX), None)
                agent = _forward_np(toks, k + 1, lex) if k is not None else None
                if agent is None and cs < i:
                    s0, e0, r0 = _backward_np(toks, k if k is not None else i, lex)
                    agent = (s0, e0) if s0 < e0 and r0 == "start" else None
            cues.append(Cue("verb", i, i + 1, agent, verb_kind=kind))
            continue
        if participle:
            s, e, reason = _backward_np(toks, i, lex)
            if reason == "sub" and s < e:
                sp = (s, e)
            else:
                k = i - 1
                while k >= 0 and toks[k].text not in ",;:" and toks[k].lower not in AUX:
                    k -= 1
                if k < 0 or toks[k].lower not in AUX:
                    cs = _clause_start(toks, i)
                    if not (cs < i and toks[cs].lower in SUBORDINATORS - {"als", "wie"}):
                        continue
                    sp = _forward_np(toks, cs + 1, lex)  # "weil die US-Regierung Georgien … bezeichnet hat"
                else:
                    sp = _subject(toks, k, lex)
        else:
            sp = _subject(toks, i, lex)
            if lemma == "zitieren" and sp and sp[1] <= i:  # "Ein Sender zitierte Papandreou mit den Worten"
                sp = _forward_np(toks, i + 1, lex) or sp
            elif lemma == "zitieren" and i + 2 < n and toks[i + 1].lower == "man":  # "„…“, zitierte man X"
                sp = _forward_np(toks, i + 2, lex) or sp
        if sp is None and t.text == lemma:
            # an infinitive after a modal: "Das musste Bundesfinanzminister Peer Steinbrück … einräumen"
            k = next((k for k in range(i - 1, _clause_start(toks, i) - 1, -1) if toks[k].lower in AUX), None)
            if k is not None and toks[k].lower in lex.konjunktiv_ii | {"könnte", "würde", "sollte", "müsste"}:
                continue  # "Dafür könnte er … androhen": a hypothesis of the journalist, not a report
            sp = _subject(toks, k, lex) if k is not None else None
            if sp is None or sp[1] > i:
                continue  # an infinitive without a subject of its own
        cues.append(Cue("verb", i, end_tok, sp, verb_kind=kind))
    return cues


def _inverted_frame(toks: list[Tok], close_end: int, lex: Lexicon) -> Cue | None:
    """The frame of a quotation that ends in ', VERB SUBJECT' (German puts the verb first after a quotation:
    „…“, strich Romney heraus): a cue on whatever verb follows, when a subject follows it."""
    k = next((x for x, t in enumerate(toks) if t.start >= close_end), None)
    if k is None or k + 2 >= len(toks) or toks[k].text != "," or toks[k + 1].quoted:
        return None
    verb = toks[k + 1]
    if not verb.text[:1].islower() or verb.lower in DETERMINERS | PREPOSITIONS | SUBORDINATORS | ADVERBS | FOCUS \
            or verb.lower in RELATIVES or _is_adjective(verb, lex) and not verb.lower.endswith(("te", "ten")):
        return None
    sp = _forward_np(toks, k + 2, lex)
    return Cue("verb", k + 1, k + 2, sp) if sp else None


def _message_for(text: str, toks: list[Tok], cue: Cue, lex: Lexicon, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The reported message (char span) that an unquoted cue introduces, or None."""
    n = len(toks)
    if cue.kind in ("laut", "zufolge", "angaben"):
        # the rest of the sentence around the attribution phrase
        a = min(cue.start_tok, cue.speaker[0] if cue.speaker else cue.start_tok)
        b = max(cue.end_tok, cue.speaker[1] if cue.speaker else cue.end_tok)
        left = _strip_end(text, sent[0], toks[a].start)
        right = _strip_end(text, toks[b].start if b < n else sent[1], sent[1])
        span = max(left, right, key=lambda x: x[1] - x[0])
        if span[1] - span[0] < 15:
            return None
        return (min(left[0], right[0]) if left[1] > left[0] else right[0],
                right[1] if right[1] > right[0] else left[1])
    if cue.kind == "so":
        # "..., so X": the clause before
        s, e = _strip_end(text, sent[0], toks[cue.start_tok].start)
        return (s, e) if e - s > 15 else None
    if cue.kind == "hiess":
        k = _clause_end(toks, cue.end_tok)
        if k < n and toks[k].text == ":":
            return None  # "heißt es: „…“" is a direct quote
        if k < n and toks[k].text in ",:" and k + 1 < n and not toks[k + 1].quoted:
            return _strip_end(text, toks[k + 1].start, sent[1])
        if cue.start_tok > 1 and toks[cue.start_tok - 1].text == ",":
            return _strip_end(text, sent[0], toks[cue.start_tok - 1].start)
        return None
    # a speech verb: message after it (", dass ...", ", es sei ...", ": ...") or before it ("Es sei ..., sagte X")
    i = cue.start_tok
    k = _clause_end(toks, i + 1)
    if any(toks[x].lower in NEGATIONS for x in range(i + 1, k)):
        return None  # "sagte aber nichts dazu, wie ...": nothing is reported
    if any(toks[x].text in lex.verbs and toks[x - 1].lower in ("und", "sowie") for x in range(i + 2, k)):
        return None  # "begrüßte … und betonte, dass": the message belongs to the nearer verb
    cs = _clause_start(toks, i)
    if toks[0].lower == "wie" and k + 1 < n and toks[k].text == "," and not any(
            toks[x].text in ",;:" and toks[x + 1].lower in SUBORDINATORS for x in range(0, i) if x + 1 < n):
        cs = 0  # "Wie ein Vertreter des Konzerns, EADS, heute mitteilte, wurde …"
    if cs < i and toks[cs].lower == "wie" and k + 1 < n and toks[k].text == "," and (
            cs == 0 or toks[cs - 1].text in ",;:"):
        return _strip_end(text, toks[k + 1].start, sent[1])  # "Wie die BBC berichtet, befindet sich …"
    if k + 1 < n and toks[k].text in ",:" and not toks[k + 1].quoted:
        first = toks[k + 1]
        rest = [t for t in toks[k + 1:] if not t.quoted]
        if first.lower in WH_WORDS or any(_is_konjunktiv(t, lex) for t in rest) or (
                len(toks) - k > 4 and toks[-2].lower != "zu" and any(
                    toks[m].lower == "zu" and toks[m + 1].text[:1].islower() and toks[m + 1].lower not in DETERMINERS
                    and toks[m + 1].lower.endswith(("en", "ern", "eln")) for m in range(k + 1, n - 1))
                or any(ZU_INFINITIVE.match(t.text) for t in rest)) or (
                toks[k].text == ":" and len(rest) > 3):
            s = first.start
            e = sent[1]
            # stop before a trailing ", sagte X" frame or a colon that opens a direct quote
            for m in range(k + 2, n):
                if toks[m].text == ":" and m + 1 < n and toks[m + 1].quoted:
                    e = toks[m].start
                    break
                if toks[m].text == "," and m + 1 < n and toks[m + 1].text in lex.verbs and m + 2 < n and (
                        _capword(toks[m + 2]) or toks[m + 2].lower in PRONOUNS or toks[m + 2].lower in DETERMINERS):
                    e = toks[m].start
                    break
            return _strip_end(text, s, e)
    if i > 1 and (toks[i - 1].text == "," or toks[i - 1].quoted and toks[i - 1].text in ",") and not toks[0].quoted:
        pre = toks[: i - 1]
        if pre and (pre[-1].quoted or any(t.text == ":" and x + 1 < len(pre) and pre[x + 1].quoted
                                          for x, t in enumerate(pre))):
            return None  # '„…“, sagte er' / 'X äußerte sich: „…“, sagte er': the direct quote is the message
        first_chunk = pre[:next((x for x, t in enumerate(pre) if t.text == ","), len(pre))]
        strong = cue.mention is not None and cue.verb_kind == "speech" and len(pre) >= 5 and (
            cue.speaker is not None and cue.speaker[0] > i) and any(  # the part before has a verb of its own
            t.text[:1].islower() and t.lower not in DETERMINERS | PREPOSITIONS | POSSESSIVES and not _is_adjective(t, lex)
            for t in first_chunk)
        if pre and (any(_is_konjunktiv(t, lex) for t in pre if not t.quoted) or pre[0].lower in ("ob", "dass")
                    or strong):
            return _strip_end(text, sent[0], toks[i - 1].start)
    return None


# ---------------------------------------------------------------------------------------------- speakers
@dataclass
class Entity:
    name: str
    kind: str
    group: str | None
    actor: Actor | None
    gender: str | None = None
    roles: set[str] | None = None
    last: int = -1
    mentions: list[int] | None = None

    def last_before(self, pos: int) -> int:
        """Offset of the last mention before `pos`, or -1 (mentions are kept sorted)."""
        i = bisect.bisect_left(self.mentions or (), pos)
        return self.mentions[i - 1] if i else -1


_ALIAS_STARTS: dict[int, tuple[Gazetteer, frozenset[str]]] = {}


def _alias_starts(gaz: Gazetteer) -> frozenset[str]:
    """First words of all aliases (lowercase), to skip tokens that cannot start an actor's name."""
    hit = _ALIAS_STARTS.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        hit = _ALIAS_STARTS[id(gaz)] = (gaz, frozenset(fold(alias).split(" ")[0] for alias in gaz.by_alias))
    return hit[1]




def _in_parentheses(words: list[Tok], k: int) -> bool:
    """Whether words[k] is a parenthesis or inside one: "Stefan Wenzel (Grüne)"."""
    if words[k].text in "()":
        return True
    opened = max((i for i in range(k) if words[i].text == "("), default=-1)
    return opened >= 0 and not any(words[i].text == ")" for i in range(opened, k))


class _Article:
    """Entities of one article, for merging name forms and resolving pronouns and role nouns."""

    def __init__(self, text: str, gaz: Gazetteer, lex: Lexicon):
        self.text, self.gaz, self.lex = text, gaz, lex
        self.entities: list[Entity] = []
        self.speakers: list[Entity] = []  # in order of speaking

    def _gender_of_role(self, role: str) -> str | None:
        head = role.split()[-1] if role.split() else role
        if head.endswith("in") and _is_role(head[:-2], self.lex):
            return "f"
        if _is_role(head, self.lex):
            return "m"
        return None

    def entity(self, name: str, kind: str, pos: int, actor: Actor | None = None, role: str | None = None,
               gender: str | None = None) -> Entity:
        if actor is None and kind == "person":
            actor = self.gaz.lookup(name)
        found = None
        if actor is not None:
            found = next((e for e in self.entities if e.actor is actor), None)
            name = actor.name
            kind = actor.kind
        else:
            surname = name.split()[-1] if name.split() else name
            for e in self.entities:
                if e.kind == kind and (e.name == name or kind == "person" and e.name.split()[-1] == surname):
                    found = e
                    break
        if found is None:
            found = Entity(name, kind, actor.group if actor else None, actor, None, set(), -1, [])
            if actor is not None:
                for r in actor.roles:
                    g = self._gender_of_role(r)
                    if g:
                        found.gender = found.gender or g
            self.entities.append(found)
        elif actor is None and len(name) > len(found.name):
            found.name = name  # the fullest name form in the article
        if role:
            found.roles.add(role)
            g = self._gender_of_role(role)
            if g and found.gender is None:
                found.gender = g
        if gender and found.gender is None:
            found.gender = gender
        found.last = max(found.last, pos)
        bisect.insort(found.mentions, pos)
        return found

    def observe(self, toks: list[Tok]) -> None:
        """Register gazetteer actors and 'Role Firstname Lastname' names mentioned in a sentence."""
        n = len(toks)
        i = 0
        starts = _alias_starts(self.gaz)
        while i < n:
            t = toks[i]
            if t.quoted or not (t.capword or t.lower == "von") or t.lower.split("-", 1)[0] not in starts:
                i += 1
                continue
            hit = None
            for size in (4, 3, 2, 1):
                if i + size > n or toks[i].quoted or not _capword(toks[i]) and toks[i].lower not in ("von",):
                    continue  # names inside quotations are not antecedents of the journalist's pronouns
                cand = self.text[toks[i].start:toks[i + size - 1].end]
                actor = self.gaz.by_alias.get(fold(cand))
                if actor is not None:
                    hit = (size, actor)
                    break
            if hit:
                size, actor = hit
                role = toks[i - 1].text if i and _is_role(toks[i - 1].text, self.lex) else None
                self.entity(actor.name, actor.kind, toks[i].start, actor, role)
                i += size
                continue
            i += 1

    def _pronoun(self, word: str, pos: int) -> Entity | None:
        """The entity a pronoun refers to: the most recently mentioned one that fits its gender."""
        gender = PRONOUNS.get(word.lower())
        pool = [e for e in reversed(self.speakers) if e.last_before(pos + 1) >= 0]
        mentioned = sorted((e for e in self.entities if e.last_before(pos) >= 0), key=lambda e: -e.last_before(pos))
        if gender == "m":
            for e in mentioned + pool:
                if e.kind == "person" and e.gender != "f":
                    return e
        elif gender == "f":
            for e in pool[:3] + mentioned:
                if e.kind == "person" and e.gender == "f":
                    return e
            for e in pool[:2]:
                if e.kind in ("institution", "anonymous"):
                    return e
            for e in pool[:1]:
                if e.kind == "person" and e.gender is None:
                    return e
        elif gender == "1":
            return pool[0] if pool else None
        return None

    def resolve(self, s: int, e: int, toks: list[Tok]) -> tuple[str | None, str | None, str, Entity | None]:
        """(speaker, group, kind, entity) for the mention toks[s:e]."""
        return self._resolve_words(toks[s:e])

    def _resolve_words(self, words: list[Tok]) -> tuple[str | None, str | None, str, Entity | None]:
        lex = self.lex
        words = [w for w in words if w.text not in QUOTE_CHARS] or words  # Laut „Reuters“
        pos = words[0].start
        if len(words) == 1 and words[0].lower in PRONOUNS:
            if words[0].lower in ("er", "sie", "ich", "wir", "ihm", "ihr", "ihnen", "ihrer", "seiner"):
                ent = self._pronoun(words[0].text, pos)
                if ent is not None:
                    return ent.name, ent.group, ent.kind, ent
            return None, None, "unknown", None
        if len(words) == 1 and words[0].lower in RELATIVES | {"dieser", "diese"}:
            ent = self.speakers[-1] if self.speakers else None
            mentioned = sorted((x for x in self.entities if x.last <= pos), key=lambda x: -x.last)
            ent = mentioned[0] if mentioned else ent
            return (ent.name, ent.group, ent.kind, ent) if ent else (None, None, "unknown", None)
        mention_text = self.text[words[0].start:words[-1].end]
        whole = self.gaz.by_alias.get(fold(re.sub(r"^(?:%s)\s+" % DEFINITE_ARTICLES, "", mention_text, flags=re.I)))
        if whole is not None:
            ent = self.entity(whole.name, whole.kind, pos, whole)
            return ent.name, ent.group, ent.kind, ent
        words = [w for k, w in enumerate(words) if not _in_parentheses(words, k)] or words
        head_at = next((k for k, w in enumerate(words) if _capword(w)), None)
        if head_at is not None and head_at + 1 < len(words) and _is_attribution_noun(words[head_at].text, lex) and (
                words[head_at].text not in ("Sprecher", "Sprecherin")):
            # "Angaben der Polizei", "Ansicht Rabmer-Kollers": the one who gave them
            rest = words[head_at + 1:]
            while rest and (rest[0].lower in DETERMINERS or rest[0].lower in ("von", "vom")):
                rest = rest[1:]
            if rest:
                return self._resolve_words(rest)
        cut = next((k for k, w in enumerate(words) if k and w.lower in CUT_PREPOSITIONS and not (
            w.lower == "von" and k + 1 < len(words) and words[k + 1].lower in NAME_PARTICLES | {"der"}
            and k + 2 < len(words) and _capword(words[-1]) and not _is_institution(words[-1].text, lex))), None)
        if cut:  # "Kritische Beobachter in der Ukraine", "Beobachtungsstelle für Menschenrechte": the head
            words = words[:cut]
            mention_text = self.text[words[0].start:words[-1].end]
        # gazetteer: the longest stretch of the mention that is an alias
        for size in range(len(words), 0, -1):
            for a in range(0, len(words) - size + 1):
                cand = self.text[words[a].start:words[a + size - 1].end]
                actor = self.gaz.by_alias.get(fold(cand))
                if actor is not None:
                    role = next((w.text for w in words[:a] if _is_role(w.text, lex)), None)
                    ent = self.entity(actor.name, actor.kind, pos, actor, role)
                    return ent.name, ent.group, ent.kind, ent
        caps = [i for i, w in enumerate(words) if _capword(w)]
        if not caps:
            return None, None, "unknown", None
        # name: trailing run of capitalised words that are not role, institution or anonymous nouns and do not
        # directly follow a determiner or adjective (those are common nouns)
        run: list[int] = []
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            if w.text in "()":
                if run:
                    break
                continue
            if w.lower in DETERMINERS or w.lower in POSSESSIVES or w.lower in PRONOUNS:
                break  # "Sein Besuch": a sentence-initial article is no name
            if _capword(w) or (w.lower in NAME_PARTICLES and run):
                run.insert(0, i)
                continue
            break
        while run and words[run[0]].lower in NAME_PARTICLES:
            run.pop(0)
        name_idx = []
        for i in run:
            w = words[i]
            prev = words[i - 1] if i else None
            if _is_role(w.text, lex) or _is_institution(w.text, lex) or w.text in lex.anonymous or w.lower in ADVERBS:
                name_idx = []
                continue
            if prev is not None and not name_idx and (
                    prev.lower in DETERMINERS or prev.lower in POSSESSIVES or _is_adjective(prev, lex)):
                continue
            if i == 0 and len(run) == 1 and w.lower in ADVERBS:
                continue
            name_idx.append(i)
        if len(name_idx) == 1 and COMMON_NOUN.search(words[name_idx[0]].text):
            name_idx = []  # "Forderung", "Regierung": a common noun, not a name
        head_candidates = [words[i].text for i in caps if i not in name_idx]
        head = head_candidates[-1] if head_candidates else None
        determiner = next((w.lower for w in words if w.lower in DETERMINERS), None)
        if name_idx:
            name = self.text[words[name_idx[0]].start:words[name_idx[-1]].end]
            kind = "institution" if head and _is_institution(head, lex) and not _is_role(head, lex) else "person"
            if kind == "person" and len(name_idx) == 1 and not head and _is_institution(name, lex):
                kind = "institution"
            role = head if head and _is_role(head, lex) else None
            ent = self.entity(name, kind, pos, None, role)
            return ent.name, ent.group, ent.kind, ent
        if head is None:
            return None, None, "unknown", None
        bare = re.sub(r"^(?:%s)\s+" % ARTICLES, "", mention_text, flags=re.I)
        if head in lex.anonymous or bare.split()[0] in lex.anonymous:
            return bare, None, "anonymous", None
        if _is_role(head, lex):
            gender = "f" if determiner in ("die", "der") and head.endswith("in") and determiner == "die" else (
                "m" if determiner in ("der", "dem", "des") else None)
            ent = self._role(mention_text, head, gender)
            if ent is not None:
                ent.last = max(ent.last, pos)
                return ent.name, ent.group, ent.kind, ent
            return None, None, "unknown", None
        if _is_institution(head, lex):
            ent = self.entity(bare, "institution", pos)
            return ent.name, ent.group, ent.kind, ent
        return None, None, "unknown", None

    def _role(self, mention: str, head: str, gender: str | None) -> Entity | None:
        present = [e for e in self.entities if e.actor is not None]
        matches = self.gaz.by_role(mention, [e.actor for e in present])
        if matches:
            return next(e for e in present if e.actor is matches[0])
        low = head.lower()
        for e in sorted(self.entities, key=lambda x: -x.last):
            if any(r.lower().endswith(low) or low.endswith(r.lower().split("-")[-1]) for r in (e.roles or ())):
                return e
        return None  # a role nobody in the article is known to hold: left unresolved rather than guessed


# ---------------------------------------------------------------------------------------------- main
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))




ADJECTIVE_BEFORE = re.compile(r"\b(?:%s)\s+[a-zäöüß]+(?:e|en|er|es|em)\s$" % ARTICLES)
NOUN_BEFORE = re.compile(r"(?<=\w )[A-ZÄÖÜ][\w\-]*[a-zäöüß]\s$")  # "… die Mondlandefähre „"




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


WORD = re.compile(r"\w+")


def _is_heading(text: str, start: int, end: int) -> bool:
    """A line of its own, short and without a full stop: a subheading, whose quote marks quote nobody."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end].strip()
    if not line or text[line_start:start].strip() or text[end:line_end].strip() or line_start == 0 and "\n" not in text:
        return False
    return len(line.split()) <= 10 and line.rstrip("“”\"«»‘’›‹")[-1:] not in ".!?:;,"


class _SentenceTokens:
    """Tokens of each sentence, made on first use; tokens inside quote marks are flagged `quoted`."""

    def __init__(self, text: str, sents: list[tuple[int, int]], marks: list[tuple[int, int]], starts: list[int]):
        self.text, self.sents, self.marks, self.starts = text, sents, marks, starts
        self.cache: dict[int, list[Tok]] = {}

    def __getitem__(self, si: int) -> list[Tok]:
        toks = self.cache.get(si)
        if toks is None:
            ss, se = self.sents[si]
            toks = self.cache[si] = _tokens(self.text, ss, se)
            k = max(0, bisect.bisect_right(self.starts, ss) - 1)
            marks = self.marks
            for t in toks:
                while k < len(marks) and marks[k][1] < t.end:
                    k += 1
                t.quoted = t.text in QUOTE_CHARS or (k < len(marks) and marks[k][0] <= t.start and t.end <= marks[k][1])
        return toks


_TRIGGERS: dict[int, tuple[Lexicon, Gazetteer, frozenset[str]]] = {}


def _trigger_words(lex: Lexicon, gaz: Gazetteer) -> frozenset[str]:
    """Words that make a sentence worth tokenizing: speech verb forms, attribution words, Konjunktiv forms and
    the first words of actors' names (lowercase)."""
    key = id(gaz)
    hit = _TRIGGERS.get(key)
    if hit is None or hit[0] is not lex or hit[1] is not gaz:
        words = set(lex.verbs) | lex.konjunktiv | lex.konjunktiv_ii | {"laut", "zufolge", "nach", "so"}
        words |= {w.split("-")[0] for w in _alias_starts(gaz)} | REPORT_ADVERBS
        hit = _TRIGGERS[key] = (lex, gaz, frozenset(words))
    return hit[2]


def _subject_cue(text: str, toks: list[Tok], lex: Lexicon, art: _Article) -> Cue | None:
    """The subject of a sentence as the speaker of what follows it ("Der Iran streitet dies ab. Es sei …"), resolved
    in the article; None when the sentence has no subject we can find."""
    sp = _sentence_subject(toks, len(toks), lex) if toks else None
    return _speaker_cue(text, toks, sp, art) if sp else None


def _speaker_cue(text: str, toks: list[Tok], span: tuple[int, int], art: _Article) -> Cue:
    """A cue whose speaker is the noun phrase toks[a:b] itself (no speech verb), resolved in the article."""
    a, b = span
    cue = Cue("subject", a, a, span)
    name, group, kind, _ = art.resolve(a, b, toks)
    cue.resolved = (name, group, kind)
    cue.mention = (toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end])
    return cue


def find_quotes(text: str, sentences: Sequence[tuple[int, int]], sections: Sequence[Any] = ()) -> list[Quote]:
    """Quotes in article order. `sentences`: sentence spans into text. `sections`: framing.segment.sections.Section objects
    (kind, start, end, author); in 'reader_comment' sections quoted text is the reader's own words (speaker =
    author, kind 'reader'); quotes inside 'headline' / 'boilerplate' sections are skipped."""
    lex = lexicon()
    art = _Article(text, load_gazetteer(), lex)
    skip = sorted((s.start, s.end) for s in sections if s.kind in ("headline", "boilerplate"))
    skip_starts = [a for a, _ in skip]
    readers = [s for s in sections if s.kind == "reader_comment"]
    marks = find_quote_marks(text)
    sents = sorted((int(a), int(b)) for a, b in sentences if b > a) or [(0, len(text))]

    def excluded(a: int, b: int) -> bool:
        """[a, b) starts inside a headline or boilerplate section (sections do not overlap)."""
        i = bisect.bisect_right(skip_starts, a) - 1
        return b > a and i >= 0 and skip[i][1] > a

    reader_starts = [r.start for r in readers]

    def reader_of(pos: int) -> Any | None:
        i = bisect.bisect_right(reader_starts, pos) - 1  # sections are in text order and do not overlap
        return readers[i] if i >= 0 and pos < readers[i].end else None

    # ---- per sentence: tokens, cues and their speakers, indirect messages
    mark_ranges = [(m.start, m.end) for m in marks]
    mark_starts = [a for a, _ in mark_ranges]
    longest_mark = max((b - a for a, b in mark_ranges), default=0)

    def marked(a: int, b: int) -> int:
        """Characters of [a, b) inside quote marks: only marks starting within reach of [a, b) are looked at."""
        lo = bisect.bisect_left(mark_starts, a - longest_mark)
        hi = bisect.bisect_left(mark_starts, b)
        return sum(_overlap((a, b), r) for r in mark_ranges[lo:hi])
    sent_toks = _SentenceTokens(text, sents, mark_ranges, mark_starts)
    sent_cues: list[list[Cue]] = []
    active: list[bool] = []  # sentences that can hold a cue, a quote, reported speech or an actor's name
    triggers = _trigger_words(lex, art.gaz)
    for ss, se in sents:
        words = WORD.findall(text, ss, se)
        hot = QUOTE_MARK.search(text, ss, se) is not None or any(
            w in triggers or w.lower() in triggers or w[-1:] == "e" and w[:1].islower() and _konjunktiv_i(w)
            for w in words)
        active.append(hot)
        if not hot or excluded(ss, se) or reader_of(ss) is not None:
            sent_cues.append([])
            continue
        toks = sent_toks[len(active) - 1]
        art.observe(toks)
        cues = _sentence_cues(text, toks, lex)
        for cue in cues:
            if cue.speaker and cue.kind == "hiess" and toks[cue.speaker[1] - 1].text in lex.documents:
                # "hieß es in der Erklärung": the speaker is whoever issued it, named before
                a, b = cue.speaker
                cue.mention = (toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end])
                ent = art.speakers[-1] if art.speakers else None
                if ent is not None and ent.last >= ss - 400:
                    cue.resolved = (ent.name, ent.group, ent.kind)
            elif cue.speaker:
                a, b = cue.speaker
                name, group, kind, ent = art.resolve(a, b, toks)
                cue.resolved = (name, group, kind)
                cue.mention = (toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end])
                if ent is not None:
                    art.speakers.append(ent)
                    ent.last = max(ent.last, toks[a].start)
            elif cue.kind == "hiess":
                # "hieß es in der Erklärung": the institution or person that spoke last, if recent
                ent = art.speakers[-1] if art.speakers else None
                if ent is not None and ent.last >= ss - 400:
                    cue.resolved = (ent.name, ent.group, ent.kind)
            cue.message = _message_for(text, toks, cue, lex, (ss, se))
            si_now = len(active) - 1
            if cue.message is None and cue.kind == "verb" and cue.start_tok == 1 and toks[0].lower in (
                    "das", "dies", "dieses") and si_now > 0 and not excluded(*sents[si_now - 1]):
                cue.message = _strip_end(text, *sents[si_now - 1])  # "… Das bestätigte die Organisation."
        sent_cues.append(cues)

    # ---- quote marks
    def sent_index(pos: int) -> int:
        lo, hi = 0, len(sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sents[mid][0] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    items: list[tuple[int, Quote]] = []
    mark_by_sent: dict[int, list[Marked]] = {}
    for m in marks:
        mark_by_sent.setdefault(sent_index(m.open_start), []).append(m)

    def emit(mode: str, s: int, e: int, cue: Cue | None, toks: list[Tok] | None) -> Quote:
        if cue is None:
            return Quote(mode, s, e, None, None, None, None, None, None, None, None, "unknown")
        cs = toks[cue.start_tok].start if toks and cue.end_tok > cue.start_tok else None
        ce = toks[cue.end_tok - 1].end if toks and cue.end_tok > cue.start_tok else None
        name, group, kind = cue.resolved
        mention = cue.mention
        return Quote(mode, s, e, text[cs:ce] if cs is not None else None, cs, ce,
                     mention[2] if mention else None, mention[0] if mention else None,
                     mention[1] if mention else None, name, group, kind if name or kind == "anonymous" else "unknown")

    last_cue: tuple[int, Cue, list[Tok]] | None = None  # sentence index of the last attributed statement
    for si, (ss, se) in enumerate(sents):
        if not active[si]:
            if last_cue is not None and si - last_cue[0] > 1:
                last_cue = None
            continue
        toks = sent_toks[si]
        if excluded(ss, se):
            continue
        reader = reader_of(ss)
        cues = sent_cues[si]
        used_cue = None
        # quote marks opening in this sentence (not in a heading: "Noch »eine Menge Arbeit«")
        for m in mark_by_sent.get(si, []) if not _is_heading(text, ss, se) else ():
            if excluded(m.open_start, m.close_end):
                continue
            content = text[m.start:m.end]
            words = re.findall(r"\w+", content)
            if not words:
                continue
            if reader is not None:
                author = getattr(reader, "author", None)
                at = text.find(author, m.close_end, reader.end) if author else -1
                items.append((m.start, Quote("direct", m.start, m.end, None, None, None, author if at >= 0 else None,
                                             at if at >= 0 else None, at + len(author) if at >= 0 else None,
                                             author, None, "reader")))
                continue
            ci = sent_index(max(m.close_end - 1, m.open_start))
            before = text[ss:m.open_start].strip()
            after_sent_end = sents[ci][1]
            after = text[m.close_end:after_sent_end].strip()
            frame_before = not before or before.endswith(":") or (
                before.endswith(",") and len(before.split()) <= 6 and any(
                    sent_toks[si][c.start_tok].start < m.open_start for c in sent_cues[si]))
            frame_after = not after or after[:1] in ".!?" or after.startswith(",") and any(
                sent_toks[ci][c.start_tok].start >= m.close_end for c in sent_cues[ci]) or after.startswith(("(", "–"))
            standalone = frame_before and frame_after and (len(words) >= 3 or re.search(r"[.!?]\s*$", content))
            # cue: in the frame after the close, else before the open, in the sentences the quote spans
            cands = []
            for k in range(si, ci + 1):
                for c in sent_cues[k]:
                    pos = sent_toks[k][c.start_tok].start
                    if m.open_start <= pos < m.close_end:
                        continue
                    if c.mention is None and c.resolved[0] is None:
                        dist = 500  # a cue with nobody named ("weiter hieß es") only if nothing better
                    elif pos >= m.close_end:
                        # a frame right after the quote (", sagte X") beats anything further on
                        between = TOKEN.findall(text, m.close_end, pos)
                        tight = len(between) <= 3 and (not between or between[0] in ",–(")
                        dist = pos - m.close_end + (0 if tight else 1000)
                    else:
                        # a frame right before it ("X sagte: „…“") is as good as one right after
                        dist = (m.open_start - pos) * (0.5 if before.endswith(":") else 1.5)
                    if c.mention is None and c.resolved[0] is None:
                        dist = 500 + abs(dist) / 1000
                    cands.append((dist, k, c))
            cands.sort(key=lambda x: x[0])
            cue, ctoks = (cands[0][2], sent_toks[cands[0][1]]) if cands else (None, None)
            if (cue is None or cue.mention is None and cue.resolved[0] is None) and before.endswith(":"):
                colon = next((k for k, t in enumerate(toks) if t.start >= m.open_start), len(toks)) - 1
                s0, e0, r0 = _backward_np(toks, colon, lex) if colon > 0 else (0, 0, "")
                if s0 < e0 and r0 == "start" and any(_capword(t) for t in toks[s0:e0]):
                    # "Ein Beamter der Nationalpolizei: „…“": the speaker before the colon
                    cue, ctoks = _speaker_cue(text, toks, (s0, e0), art), toks
            if cue is None or cue.mention is None and cue.resolved[0] is None:
                inverted = _inverted_frame(sent_toks[ci], m.close_end, lex)
                if inverted is not None:  # „…“, strich Romney in Arbutus heraus: any verb right after the quote
                    ctoks = sent_toks[ci]
                    a, b = inverted.speaker
                    name, group, kind, _ = art.resolve(a, b, ctoks)
                    inverted.resolved = (name, group, kind)
                    inverted.mention = (ctoks[a].start, ctoks[b - 1].end, text[ctoks[a].start:ctoks[b - 1].end])
                    cue = inverted
            sentence_has_konj = any(_is_konjunktiv(t, lex) for t in toks if not t.quoted)
            title_like = False
            prev_word = re.findall(r"[\w-]+", text[max(0, m.open_start - 40):m.open_start])
            if len(words) <= 4 and not re.search(r"[.!?,:;]", content):
                caps = [w for w in words if w[:1].isupper()]
                if prev_word and _is_title_noun(prev_word[-1], lex):
                    title_like = True
                elif content[:1].isupper() and len(words) >= 2 and prev_word and prev_word[-1].lower() in TITLE_ARTICLES and all(
                        w[:1].isupper() or w in ("der", "des", "den", "von") for w in words):
                    title_like = True  # a name with the definite article: die „Koalition der Willigen“
                elif len(words) >= 2 and len(caps) == len(words) and re.fullmatch(r"[A-Z][\w\s\-]*", content):
                    title_like = True  # English or all-capitalised names: ‘Willing Coalition’
            if len(words) <= 6 and not re.search(r"[.!?:]\s*$", content) and prev_word and _is_title_noun(
                    prev_word[-1], lex) and text[m.open_start - len(prev_word[-1]) - 1:m.open_start].strip() == \
                    prev_word[-1]:
                title_like = True  # a name right after its noun: die Yacht „Dignité“, unter dem Motto „…“
            elif len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"[.!?:,]", content) \
                    and NOUN_BEFORE.search(text, max(ss, m.open_start - 60), m.open_start):
                title_like = True  # a capitalised name right after a noun: die Mondlandefähre „Eagle“
            if not title_like and len(words) <= 4 and content[:1].isupper() and not re.search(
                    r"[!?:,]\s*$", content) and prev_word and prev_word[-1].lower() in NAME_ARTICLES \
                    and text[m.open_start - len(prev_word[-1]) - 1:m.open_start].strip() == prev_word[-1]:
                title_like = _looks_like_name(words, prev_word[-1].lower())  # des „Spiegel“, die „Linke“
            if not title_like and content[:1].isupper() and len(words) <= 10 and not re.search(r"[.!?:]\s*$", content):
                after_close = text[m.close_end:m.close_end + 12]
                before_open = text[max(ss, m.open_start - 40):m.open_start]
                if re.match(r"\s*\([A-ZÄÖÜ][\w.\-]*\)", after_close) or (
                        len(words) == 1 and re.search(r"\d|\w[A-ZÄÖÜ]", content)) or ADJECTIVE_BEFORE.search(before_open):
                    # a name: „Allianz zur Europäischen Integration“ (AIE), „Ener1“, die französische „L’Alliance …“
                    title_like = True
            if not title_like and len(words) <= 4 and any(
                    c.speaker and sent_toks[si][c.speaker[0]].start <= m.open_start
                    and m.close_end <= sent_toks[si][c.speaker[1] - 1].end for c in sent_cues[si]):
                title_like = True  # a name in quote marks that is itself the speaker: laut „Reuters“
            if title_like:
                continue
            if standalone and len(words) >= 2:
                mode = "direct"
            else:
                mode = "partial" if before and not before.endswith(":") else "direct"
                if len(words) == 1 and cue is None and not sentence_has_konj:
                    continue  # a scare-quoted word
            if cue is None and last_cue is not None and si - last_cue[0] <= 2 and (
                    mode == "direct" or sentence_has_konj):
                cue, ctoks = last_cue[1], last_cue[2]
            if cue is None and before:
                # no speech verb: the subject of the sentence the quote stands in ("Einige Anhänger protestierten
                # mit Transparenten, auf denen „…“ stand")
                first_q = next((k for k, t in enumerate(toks) if t.start >= m.open_start), len(toks))
                sp = _sentence_subject(toks, first_q, lex)
                if sp:
                    cue = Cue("subject", sp[0], sp[0], sp)
                    a, b = sp
                    name, group, kind, _ = art.resolve(a, b, toks)
                    cue.resolved = (name, group, kind)
                    cue.mention = (toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end])
                    ctoks = toks
            if cue is None and not before and si > 0 and not excluded(*sents[si - 1]):
                # a quotation standing alone after a sentence about someone: "Romney strich heraus. „…“"
                ptoks = sent_toks[si - 1]
                cue = _subject_cue(text, ptoks, lex, art)
                if cue is not None:
                    ctoks = ptoks
            items.append((m.start, emit(mode, m.start, m.end, cue, ctoks)))
            if cue is not None:
                used_cue = (si, cue, ctoks)
                last_cue = (ci, cue, ctoks) if cue.mention or cue.resolved[0] else last_cue
        if reader is not None:
            continue
        # indirect messages from this sentence's cues
        for c in cues:
            if c.message is None:
                continue
            s, e = c.message
            covered = marked(s, e)
            if e - s <= 0 or covered >= 0.85 * (e - s):
                continue
            if c.mention is None and c.resolved[0] is None and any(
                    o.start <= s and e <= o.end for _, o in items if o.mode == "indirect" and o.start >= ss):
                continue  # a nested report without a speaker of its own ("dass er glaubt, dass ...")
            items.append((s, emit("indirect", s, e, c, toks)))
            used_cue = (si, c, toks)
        if used_cue is None and cues:
            named = [c for c in cues if c.kind == "verb" and c.mention]
            if named:
                used_cue = (si, named[-1], toks)
        # continuation: a Konjunktiv I sentence without its own cue reports the previous speaker
        unq = [t for t in toks if not t.quoted]
        demnach = bool(unq) and unq[0].lower in REPORT_ADVERBS  # "Demnach erwartet Russland, …"
        if not cues and len(unq) >= 4 and (demnach or any(_is_konjunktiv(t, lex) for t in unq[:12])) and not any(
                t.lower in ("ich", "wir") for t in unq) and not any(
                o.start >= ss and o.mode == "indirect" for _, o in items[-3:]):
            prior = last_cue if last_cue is not None and si - last_cue[0] <= 1 else None
            if prior is None and si > 0 and not excluded(*sents[si - 1]) and (demnach or any(
                    _is_konjunktiv(t, lex, strict=True) for t in unq[:12])):
                # the previous sentence reported someone without a speech verb we know ("Der Iran streitet dies
                # ab."): its subject is the speaker
                ptoks = sent_toks[si - 1]
                cue = _subject_cue(text, ptoks, lex, art)
                if cue is not None:
                    prior = (si - 1, cue, ptoks)
            if prior is not None:
                s, e = _strip_end(text, ss, se)
                covered = marked(s, e)
                if covered < 0.85 * (e - s):
                    items.append((s, emit("indirect", s, e, prior[1], prior[2])))
                    used_cue = (si, prior[1], prior[2])
        if used_cue is not None:
            last_cue = (si, used_cue[1], used_cue[2])
        elif si - (last_cue[0] if last_cue else -9) > 1:
            last_cue = None
    items.sort(key=lambda x: (x[0], x[1].end))
    return [q for _, q in items]
