"""Noun phrases and clauses of a tokenised sentence: where a subject or a speaker mention starts and ends.

In: the tokens of one sentence (`framing.quotes.tokens.Tok`), a token position (a verb, an attribution word) and
the lexicon. Out: token spans `(start, end)`, end exclusive: the noun phrase after a position (`sagte der
Kremlchef`), before it (`wie die BBC berichtet`, with where it stopped), the subject of a finite verb or of a
sentence, and the bounds of the clause around a position. Pure functions of the tokens; no text, no article.
"""

from __future__ import annotations

import functools
import re

from framing.actors.gazetteer import fold, load_gazetteer
from framing.actors.names import (capitalised_function_word, is_common_noun, is_first_name, is_person_noun, is_title,
                                  never_a_name)
from framing.actors.types import word_type
from framing.quotes.lexicon import (ADVERB_ENDINGS, ADVERBS, AUX, DETERMINERS, FOCUS, NAME_PARTICLES,
                                    NOT_SUBJECT_START, NP_PREPOSITIONS, POSSESSIVES, PREPOSITIONS, PRONOUNS,
                                    RELATIVES, SUBORDINATORS, Lexicon)
from framing.quotes.marks import QUOTE_CHARS
from framing.quotes.tokens import (NUMBER_ADJECTIVE, Tok, is_adjective, is_attribution_noun, is_institution,
                                   is_konjunktiv, is_role)

# A clause is looked for at most this many tokens away: real clauses are far shorter, and the bound keeps a
# run-on "sentence" without punctuation (a transcript, an OCR dump) linear instead of quadratic in its cues.
CLAUSE_WINDOW = 80
ATTRIBUTE_TOKENS = 6  # an extended attribute (der für die Omo-Region zuständige …) has at most this many tokens
# Personal pronouns that are nominative only: right after a finite verb one is that verb's subject.
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir"})
# Adverbs made of da/hier/wo and a preposition (Hierzu, Daraufhin, Dagegen): never a subject.
PRONOMINAL_ADVERB = re.compile(r"(?:da|dar|hier|wo|wor)(?:zu|bei|auf|hin|mit|für|gegen|über|von|nach|an|aus|in|um"
                               r"|unter|vor|durch|neben|zwischen)(?:hin)?")
# Articles that are never nominative: a phrase opening with one is no subject.
OBLIQUE_ARTICLES = frozenset({"den", "dem", "einem", "einen", "des", "eines"})
# Endings of feminine nouns: after "der" such a noun is a dative or genitive, never a subject ("bestätigte der
# Nachrichtenagentur AFP", "sagte der Ministerin").
# A personal pronoun right after a preposition and a relative pronoun is the relative clause's subject ("in dem er
# verlangte").
PERSONAL_PRONOUNS = frozenset({"er", "sie", "ich", "wir"})
PREPOSITION_RELATIVES = frozenset({"dem", "der", "denen", "den", "welchem", "welcher"})
# Possessives that are never nominative: a phrase opening with one is an object ("Ihren Widersacher forderte May auf").
OBLIQUE_POSSESSIVES = frozenset({"seinen", "seinem", "seines", "ihren", "ihrem", "ihres", "unseren", "unserem"})
# Articles of a phrase that may be nominative or accusative: before the verb it is the object when it is a thing
# and a person follows the verb ("Die Äußerungen bezeichnete Wiefelspütz als …").
AMBIGUOUS_ARTICLES = frozenset({"die", "das", "diese", "dieses", "eine"})
FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "agentur", "erin", "istin", "entin",
                    "antin", "polizei")


def clause_start(toks: list[Tok], i: int) -> int:
    """The first token of the clause that toks[i] is in (after the nearest , ; : or quotation before it)."""
    stop = max(0, i - CLAUSE_WINDOW)
    while i > stop and toks[i - 1].text not in ",;:" and not toks[i - 1].quoted:
        i -= 1
    return i


def clause_end(toks: list[Tok], i: int) -> int:
    """The position of the , ; : or quotation that ends the clause toks[i] is in (or the sentence's end)."""
    stop = min(len(toks), i + CLAUSE_WINDOW)
    while i < stop and toks[i].text not in ",;:" and not toks[i].quoted:
        i += 1
    return i


def np_after(toks: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A subject noun phrase starting at toks[i] (after an inverted verb: `sagte der Kremlchef`)."""
    n = len(toks)
    skipped = 0
    while i < n and (toks[i].lower in ADVERBS or toks[i].lower in FOCUS or toks[i].lower in (
            "sich", "dabei", "heute", "gestern", "weiter")) and skipped < 3 and not toks[i].quoted:
        i += 1
        skipped += 1
    addressee = _addressee_end(toks, i, lex)
    if addressee is not None:
        # "hat sich gegenüber Wikinews der EU-Kommissar geäußert", "sagte gegenüber der APA ein Sprecher": the
        # addressee is never the speaker; the subject follows it
        return np_after(toks, addressee, lex) if addressee < n else None
    if i >= n or toks[i].quoted and toks[i].text not in QUOTE_CHARS:
        return None
    t = toks[i]
    if t.lower == "es" and i + 2 < n and (toks[i + 1].lower in ("der", "die", "das") and (
            toks[i + 2].capword or NUMBER_ADJECTIVE.fullmatch(toks[i + 2].text) or is_adjective(toks[i + 2], lex)) or (
            toks[i + 1].capword and not toks[i + 1].quoted and toks[i + 2].text[:1].islower())):
        return np_after(toks, i + 1, lex)  # "sah es das Gericht als erwiesen an": "es" stands for the clause
    if t.lower in PRONOUNS and not (i + 1 < n and (toks[i + 1].capword or is_adjective(toks[i + 1], lex))):
        return (i, i + 1) if t.lower != "man" else None
    j = i
    nouns = 0
    while j < n:
        t = toks[j]
        if t.quoted:
            if t.text in QUOTE_CHARS or t.capword:
                j += 1  # a name in quote marks: von der „Netzeitung“
                nouns += t.capword
                continue
            break
        if t.lower in DETERMINERS or t.lower in POSSESSIVES:
            if j > i and not (toks[j - 1].capword and t.lower in ("des", "der", "eines", "einer")):
                break
            if j > i and is_first_name(toks[i].text) and all(x.capword for x in toks[i:j]):
                break  # "laut Sergei Voznyak der Sprecher …": after a person's name a new phrase starts
            if j > i and _addressee_at(toks, j):
                break  # "sagte Kanzler Werner Faymann der APA", "erklärte ein Heeressprecher der APA": the addressee
        elif t.lower in PREPOSITIONS and j > i and (toks[j - 1].lower in DETERMINERS or toks[j - 1].lower in
                                                     POSSESSIVES) and (k := _attribute_end(toks, j, lex)):
            j = k  # "einer am Dienstag veröffentlichten Pressemitteilung": an extended attribute
            continue
        elif t.capword and t.lower not in PREPOSITIONS and t.lower not in ADVERBS:
            nouns += 1
        elif t.text == "." and j > i and is_title(toks[j - 1].text) and j + 1 < n and toks[j + 1].capword:
            pass  # "Dr. Andreas Gassen": the dot of a title
        elif t.text[:1].isdigit() and j + 1 < n and (toks[j + 1].capword or is_adjective(toks[j + 1], lex)):
            pass  # "die 13 beteiligten Feuerwehrmänner"
        elif NUMBER_ADJECTIVE.fullmatch(t.text) and j > i:
            nouns += not (j + 1 < n and toks[j + 1].capword)  # "der 81-jährige" stands for a person
        elif is_adjective(t, lex) and j + 1 < n and (toks[j + 1].capword or is_adjective(toks[j + 1], lex)):
            pass
        elif t.lower in NAME_PARTICLES and j > i and toks[j - 1].capword and j + 1 < n and (
                toks[j + 1].capword or toks[j + 1].lower in NAME_PARTICLES):
            pass
        elif t.lower in ("für", "von", "vom", "aus") and j > i and toks[j - 1].capword and j + 1 < n and (
                toks[j + 1].capword and not toks[j + 1].quoted):
            pass  # "der Chef der Bundesagentur für Arbeit", "Theo Kitz vom Bankhaus Merck Finck"
        elif t.text == "," and nouns and j + 2 < n and toks[j + 1].capword and toks[j + 2].capword and (
                j + 3 >= n or toks[j + 3].text in ",.;:" or toks[j + 3].capword) and not is_konjunktiv(
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
    if j + 1 < n and toks[j].lower == "in" and toks[j + 1].capword and is_institution(toks[j - 1].text, lex):
        j += 2
    return (i, j)


ADDRESSEE_PREPOSITIONS = frozenset({"gegenüber"})


def _media(word: str) -> bool:
    """A medium: a media noun (`Zeitung`, `Nachrichtenagentur`) or a gazetteer actor of type media (`APA`)."""
    if word_type(word) == "media":
        return True
    actor = load_gazetteer().by_alias.get(word.lower())
    return actor is not None and actor.type == "media"


def _addressee_at(toks: list[Tok], j: int) -> bool:
    """toks[j] opens a dative phrase after a noun phrase that ends at j: `dem` + a noun (`er dem STANDARD`), or
    `der` + a medium (`Peter Binder der APA`, `ein Heeressprecher der Zeitung Kathimerini`) after a phrase whose
    noun is no media role itself (`eine Reporterin der Nachrichtenagentur AFP` is one of AFP's)."""
    n = len(toks)
    if j == 0 or j + 1 >= n or toks[j].quoted or toks[j + 1].quoted or not toks[j + 1].capword:
        return False
    before = toks[j - 1]
    if not (before.capword or before.lower in PRONOUNS) or before.lower in FOCUS | ADVERBS | DETERMINERS | (
            PREPOSITIONS) or capitalised_function_word(before.text):  # "Auch dem Korrespondenten zufolge"
        return False
    if toks[j].lower == "dem":
        return True
    return toks[j].lower == "der" and _media(toks[j + 1].text) and not _media(before.text)


def _addressee_end(toks: list[Tok], i: int, lex: Lexicon) -> int | None:
    """Where an addressee phrase right at toks[i] ends (`gegenüber Wikinews`, `gegenüber der APA`), when another
    noun phrase follows it; None when there is none."""
    n = len(toks)
    if i + 2 >= n or toks[i].lower not in ADDRESSEE_PREPOSITIONS or toks[i].quoted:
        return None
    k = i + 1
    while k < n and not toks[k].quoted and (toks[k].lower in DETERMINERS or toks[k].capword or (
            is_adjective(toks[k], lex) and k + 1 < n and toks[k + 1].capword)):
        if k > i + 1 and toks[k].lower in DETERMINERS:
            break  # the next phrase opens: "gegenüber Wikinews der EU-Kommissar"
        k += 1
    return k if i + 1 < k < n and (toks[k].lower in DETERMINERS or toks[k].capword) else None


def _attribute_end(toks: list[Tok], j: int, lex: Lexicon) -> int | None:
    """Where an extended attribute starting with the preposition toks[j] ends: its adjective or participle right
    before the noun (der für die Region zuständige Koordinator), at most ATTRIBUTE_TOKENS on; else None."""
    for k in range(j + 1, min(len(toks) - 1, j + ATTRIBUTE_TOKENS)):
        if toks[k].quoted or toks[k].text in ",;:":
            return None
        if toks[k].text[:1].islower() and is_adjective(toks[k], lex) and toks[k + 1].capword and (
                toks[k].lower not in DETERMINERS):
            return k
    return None


def np_before(toks: list[Tok], c: int, lex: Lexicon, subject: bool = True) -> tuple[int, int, str]:
    """The noun phrase ending just before toks[c]; reason tells where it stopped: 'start' (clause start),
    'sub' (after a subordinator or relative pronoun) or 'other'."""
    j = c - 1
    while j >= 0 and (toks[j].lower in ADVERBS or toks[j].lower in ("immer", "wieder", "nicht", "noch", "schon",
                                                                     "selbst")):
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
                if not (k >= 0 and k < j - 1 and toks[k].text in QUOTE_CHARS and toks[k + 1].capword
                        and (k == 0 or toks[k - 1].capword or toks[k - 1].lower in DETERMINERS
                             or toks[k - 1].lower == "wie")):  # „BBC News“ berichtet, wie „heise online“ …
                    break
                j = k
            elif not (t.text in QUOTE_CHARS or t.capword):
                break  # a name in quote marks belongs to the phrase: Die Organisation „Reporter ohne Grenzen“
        elif t.lower in ADVERBS and j > 0 and j < c_np - 1 and (
                toks[j - 1].lower in SUBORDINATORS or toks[j + 1].capword or toks[j + 1].lower in DETERMINERS):
            pass  # "Wie schon die WHO sagte"
        elif t.capword and t.lower not in PREPOSITIONS and t.lower not in SUBORDINATORS:
            pass
        elif t.lower in PRONOUNS and t.lower in PERSONAL_PRONOUNS and j == c_np - 1 and j > 1 and (
                toks[j - 2].lower in PREPOSITIONS and toks[j - 1].lower in PREPOSITION_RELATIVES):
            j -= 1  # "einen Zettel, in dem er verlangte": the pronoun after a relative is the subject
            break
        elif t.lower in DETERMINERS or t.lower in POSSESSIVES or t.lower in PRONOUNS:
            pass
        elif j == c_np - 1 and j > 0 and toks[j - 1].lower in ("der", "die", "das") and _lower_case_name(t, lex):
            pass  # a name written in lower case right before the verb: "Die taz vermutet"
        elif is_adjective(t, lex) and j + 1 < c and (toks[j + 1].capword or is_adjective(toks[j + 1], lex)):
            pass
        elif t.lower in NAME_PARTICLES and 0 < j < c - 1 and toks[j - 1].capword and toks[j + 1].capword:
            pass
        elif t.text == ")" and j > 2 and any(toks[k].text == "(" for k in range(max(0, j - 4), j)):
            j = max(k for k in range(max(0, j - 4), j) if toks[k].text == "(")  # "(dpa)", "(SPD)"
        elif t.text == "." and 0 < j < c - 1 and is_title(toks[j - 1].text) and toks[j + 1].capword:
            pass  # "Prof. Dr. Sucharit Bhakdi meinte"
        elif t.text in "()/" or t.text[:1].isdigit() and (j + 1 < c and (
                toks[j + 1].capword or is_adjective(toks[j + 1], lex)) or j > 0 and toks[j - 1].capword):
            pass  # "die 13 beteiligten Feuerwehrmänner", "Bündnis 90 / Die Grünen"
        elif t.text == "," and 0 < j < c - 1 and (toks[j - 1].capword or toks[j - 1].text == ")" or (
                toks[j - 1].text in QUOTE_CHARS)) and (
                toks[j + 1].capword or toks[j + 1].lower in DETERMINERS) and not (
                toks[j + 1].lower in RELATIVES and not toks[j + 2].capword):  # ", das vorschlug": a relative
            pass  # apposition: "Christel Happach-Kasan, die ernährungspolitische Sprecherin der FDP-Fraktion,"
        elif t.lower in NP_PREPOSITIONS and 0 < j < c - 1 and toks[j - 1].capword and (
                toks[j + 1].capword or toks[j + 1].lower in DETERMINERS or (
                    is_adjective(toks[j + 1], lex) and j + 2 < c and toks[j + 2].capword)):
            pass  # "Theo Kitz vom Bankhaus Merck Finck", "Sprecherin von Bündnis 90 / Die Grünen"
        elif t.lower == "und" and 0 < j < c - 1 and toks[j - 1].capword and (toks[j + 1].capword or (
                toks[j + 1].lower in DETERMINERS and j + 2 < c and toks[j + 2].capword)):
            pass  # "Der frühere Bürgermeister und Justizsenator", "Özcan Mutlu und Benedikt Lux"
        else:
            break
        j -= 1
    start = j + 1
    if j < 0 or toks[j].quoted or toks[j].text in ":;–—-(.!?":
        reason = "start"
    elif toks[j].lower in SUBORDINATORS and not (toks[j].lower == "als" and start < c and (toks[start].capword or (
            j == 0 and c + 1 < len(toks) and toks[c + 1].text not in ",.;:" and not toks[c + 1].quoted))) \
            or toks[j].text == "," and start < c and toks[start].lower in RELATIVES \
            or toks[j].lower in PREPOSITION_RELATIVES and j > 0 and toks[j - 1].lower in PREPOSITIONS:
        reason = "sub"  # ("als Bundeskanzlerin lobte er", "Als wichtige Aufgabe sah es Köhler an" are no subordinate
        # clauses: the verb is not at the clause end)
    else:
        reason = "other"
    if reason == "sub" and start < c_np and toks[start].lower in RELATIVES and toks[j].text == ",":
        return start, start + 1, reason  # relative clause: the relative pronoun is the subject
    cut = next((k for k in range(start + 1, c_np) if _addressee_at(toks, k)), None)
    if cut is not None:
        c_np = cut  # "wie er dem STANDARD sagte", "wie Lothar Lockl der APA erläuterte": the addressee ends it
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


def verb_subject(toks: list[Tok], v: int, lex: Lexicon) -> tuple[int, int] | None:
    """Subject noun phrase of the finite verb toks[v]: before it at clause start (`Rutte sagte`), in a verb-final
    clause (`wie Rutte sagte`), or after it when inverted (`sagte Rutte`, `Beim Treffen sagte Selenskyj`)."""
    if v + 1 < len(toks) and toks[v + 1].lower in NOMINATIVE_PRONOUNS and not toks[v + 1].quoted and v > 0 and (
            toks[v - 1].text not in ",;:" and not toks[v - 1].quoted):
        return v + 1, v + 2  # "Der Politik schlug er vor": a nominative pronoun after the verb is its subject
    s, e, reason = np_before(toks, v, lex)
    if s < e and reason in ("start", "sub") and any(t.capword or t.lower in PRONOUNS for t in toks[s:e]) or (
            reason == "sub" and e - s == 1 and toks[s].lower in RELATIVES):  # ", der alle Nichtmoslems aufforderte"
        if not (e - s == 1 and (toks[s].lower in ADVERBS or PRONOMINAL_ADVERB.fullmatch(toks[s].lower))
                or _time(toks[s:e]) or _adverb_first(toks, s, e, v, lex)):
            return (object_first(toks, (s, e), v, lex) if reason == "start" else None) or (s, e)
    if v > 1 and toks[v - 1].text == ",":
        # "Jimmy Carter, der als Wahlbeobachter im Land war, sagte": the subject before the relative clause
        ini = initial_np(toks, v, lex, before_comma=True)
        if ini and ini[1] + 1 < v and toks[ini[1]].text == "," and toks[ini[1] + 1].lower in RELATIVES:
            return ini
        before = _before_relative_clause(toks, v - 1, lex)
        if before is not None:
            return before
    if v > 1 and toks[v - 1].text == ",":  # "Der NATO-Generalsekretär, Mark Rutte, äußerte"
        s2, e2, reason2 = np_before(toks, v - 1, lex)
        if reason2 in ("start", "sub") and any(t.text == "," for t in toks[s2:e2]):
            return s2, e2
    cs = clause_start(toks, v)
    verb_final = v + 1 >= len(toks) or toks[v + 1].text in ",.;:" or toks[v + 1].quoted
    if verb_final and toks[0].lower in ("wie", "als") and not any(t.text in ",;:" and k + 1 < v and toks[k + 1].lower
                                                                  in SUBORDINATORS for k, t in enumerate(toks[:v])):
        cs = 0  # "Wie Steve Marshall, Sprecher der UN-Büros, in Bangkok mitteilte, …"
    if cs < v and (toks[cs].lower in SUBORDINATORS - {"als", "wie"}
                   or toks[cs].lower in ("wie", "als") and verb_final) and v - cs >= 2:
        sub = np_after(toks, cs + 1, lex)  # "weil die US-Regierung Georgien als „…“ bezeichnete"
        if sub and sub[1] <= v:
            return sub
    fwd = np_after(toks, v + 1, lex)
    if fwd is not None and is_oblique(toks, fwd):
        # "…, begrüßte den Beschluss": an object, never the subject; the subject is the phrase before the verb
        fwd = None
        if toks[v - 1].text == ",":
            return initial_np(toks, v, lex, before_comma=True)
    if fwd is not None and v > 1 and toks[v - 1].lower in ("und", "sowie") and (s == e or reason == "other"):
        # "Er bezeichnet die Proteste als rechtmäßig und forderte Mussawi auf": the verbs share the first subject
        shared = initial_np(toks, v, lex) or sentence_subject(toks, v, lex)
        fwd = shared if shared is not None and shared[1] < v - 1 else fwd
    if fwd is None and (s == e or reason == "other") and v > 0 and toks[v - 1].lower in ("und", "aber", ",", "sondern"):
        # "Selenskyj begrüßte ... und betonte", "DeMint wollte ..., sagte aber": the subject of the first verb
        return initial_np(toks, v, lex, before_comma=toks[v - 1].text == ",") or sentence_subject(toks, v, lex) or (
            initial_np(toks, v, lex, before_comma=True))  # "Einer der Putschisten, X, dankte … und ergänzte"
    return fwd


def object_first(toks: list[Tok], span: tuple[int, int], v: int, lex: Lexicon) -> tuple[int, int] | None:
    """German puts the object first: in `Ihren Widersacher forderte May auf`, `Die praktische Anwendung … stellte
    der SPD-Vorsitzende in Frage` the phrase toks[span] before the finite verb toks[v] is its object, when it opens
    with a word that is never nominative or is a thing (no person, institution or statement), and a person
    follows the verb (a name, a role, `er`): that person's span; else None."""
    if span[1] != v or v + 1 >= len(toks) or toks[v].quoted or not toks[v].text[:1].islower():
        return None
    after = np_after(toks, v + 1, lex)
    if after is None or is_oblique(toks, after) or toks[after[0]].quoted or _time(toks[after[0]:after[1]]) or (
            not _person_like(toks, after, lex)):
        return None
    first = toks[span[0]].lower
    if first in OBLIQUE_ARTICLES or first in OBLIQUE_POSSESSIVES:
        return after
    return after if first in AMBIGUOUS_ARTICLES and _thing(toks, span, lex) else None


def _person_like(toks: list[Tok], span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase names a person: `er`, `ich`, `wir`, a first name, a role or person noun, a person the gazetteer
    knows."""
    words = toks[span[0]:span[1]]
    if len(words) == 1 and words[0].lower in PRONOUNS:
        return words[0].lower in NOMINATIVE_PRONOUNS
    head = _head(words)
    if any(is_first_name(w.text) for w in words if w.capword) or head and (is_role(head, lex) or is_person_noun(head)):
        return True
    actor = load_gazetteer().by_alias.get(fold(" ".join(w.text for w in words if w.capword)))
    return actor is not None and actor.kind == "person"


def _thing(toks: list[Tok], span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase is headed by a common noun that is no person, institution or statement (`Die Entwicklung`)."""
    words = toks[span[0]:span[1]]
    head = _head(words)
    return bool(head) and is_common_noun(head) and word_type(head) is None and not (
        is_person_noun(head) or is_role(head, lex) or is_institution(head, lex) or is_attribution_noun(head, lex)
        or any(is_first_name(w.text) for w in words if w.capword))


def _head(words: list[Tok]) -> str:
    """The first noun of a phrase: its first capitalised word that is no article or possessive (`Die`, `Ihren`)."""
    return next((w.text for w in words if w.capword and w.lower not in DETERMINERS and w.lower not in POSSESSIVES), "")


def _before_relative_clause(toks: list[Tok], comma: int, lex: Lexicon) -> tuple[int, int] | None:
    """The phrase before a relative clause that ends at toks[comma] (`C.Y. Leung, der … war, sagte`, where the
    sentence does not open with a phrase initial_np reads): the relative clause opens at the nearest comma before
    with a relative pronoun after it; the phrase must have a capitalised word and no preposition before it."""
    k = comma - 1
    while k > 0 and toks[k].text not in ",;:" and not toks[k].quoted and comma - k <= CLAUSE_WINDOW:
        k -= 1
    if k <= 0 or toks[k].text != "," or toks[k + 1].lower not in RELATIVES or toks[k + 2].capword:
        return None
    s, e, _ = np_before(toks, k, lex, subject=False)
    if s >= e or s > 0 and toks[s - 1].lower in PREPOSITIONS or is_oblique(toks, (s, e)):
        return None  # "In einer Videobotschaft, die …, sagte": a place, not the subject
    return (s, e) if any(t.capword for t in toks[s:e]) else None


def is_oblique(toks: list[Tok], span: tuple[int, int]) -> bool:
    """The noun phrase toks[span] is no subject by its article: `den`, `dem`, `des` …, or `der` with a feminine
    noun (`der Nachrichtenagentur AFP`, `der Ministerin`)."""
    first = toks[span[0]].lower
    if first in OBLIQUE_ARTICLES:
        return True
    head = next((t for t in toks[span[0] + 1:span[1]] if t.capword), None)
    return first == "der" and head is not None and head.lower.endswith(FEMININE_ENDINGS)


@functools.cache
def _gazetteer_surnames() -> frozenset[str]:
    """The last words of the shipped gazetteer's people (Kurz, Lange …): never read as an adverb."""
    return frozenset(form.split()[-1] for a in load_gazetteer().actors if a.kind == "person"
                     for form in (a.name, *a.aliases) if form)


def _adverb_first(toks: list[Tok], s: int, e: int, v: int, lex: Lexicon) -> bool:
    """toks[s:e] is the one word before the verb v at the sentence start, a word German knows in lower case as
    an adverb or adjective (Besorgt, Langfristig, Offiziell) or a present participle (Relativierend), and a subject
    follows the verb (äußerte sich Kofi Annan): the word says how, the subject is after the verb. A surname the gazetteer knows (Kurz) is a name."""
    if not (e - s == 1 and s == 0 and (capitalised_function_word(toks[s].text) or (
            len(toks[s].text) > 6 and toks[s].lower.endswith("end")))) or toks[s].lower in PRONOUNS or (
            toks[s].lower in DETERMINERS or toks[s].lower in POSSESSIVES) or toks[s].text in _gazetteer_surnames():
        return False
    after = np_after(toks, v + 1, lex)
    return after is not None and (toks[after[0]].lower in ("der", "die", "das", "ein", "eine") or (
        toks[after[0]].capword and toks[after[0]].lower not in DETERMINERS) or toks[after[0]].lower in PRONOUNS)


SHARE_WORDS = frozenset({"prozent", "%"})


def _lower_case_name(t: Tok, lex: Lexicon) -> bool:
    """A word in lower case that reads as a name, not as German: no adjective, adverb, pronoun or verb the
    lexicons know (`taz`, `ver.di`)."""
    low = t.lower
    return t.text[:1].islower() and not t.quoted and not is_adjective(t, lex) and t.text not in lex.verbs and not (
        low in ADVERBS or low in PRONOUNS or low in DETERMINERS or low in PREPOSITIONS or low in SUBORDINATORS
        or low in FOCUS or capitalised_function_word(t.text.capitalize()))


def _time(words: list[Tok]) -> bool:
    """A phrase that says when, not who: a month, a weekday or a clock time in it (Ende Januar 2006, 11:09 Uhr)."""
    if len(words) >= 2 and words[0].text[:1].isdigit() and words[1].lower in SHARE_WORDS:
        return False  # "80 Prozent befürworteten …": a share of people, not a time
    return any(t.capword and never_a_name(t.text) and not is_title(t.text) for t in words) and not any(
        t.lower in DETERMINERS for t in words)


def sentence_subject(toks: list[Tok], limit: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of a verb-second main clause: the initial noun phrase ("Romney strich heraus"), or the noun
    phrase after the verb when an adverb or a prepositional phrase comes first ("Im Kongress warb Obama …",
    "Dabei griff sie … an")."""
    sp = initial_np(toks, limit, lex)
    if sp and not (sp[1] < limit and _adverb_first(toks, sp[0], sp[1], sp[1], lex)):
        return (object_first(toks, sp, sp[1], lex) if sp[1] < limit else None) or sp
    k = 0
    if k < limit and (toks[k].lower in ADVERBS or toks[k].lower in FOCUS or toks[k].lower.endswith(ADVERB_ENDINGS)
                      or sp is not None):  # "Langfristig strebt das Unternehmen …"
        k += 1
    elif k < limit and toks[k].lower in PREPOSITIONS:
        k += 1
        while k < limit and not toks[k].quoted and (
                toks[k].capword or toks[k].lower in DETERMINERS or toks[k].lower in POSSESSIVES
                or is_adjective(toks[k], lex) or toks[k].text[:1].isdigit()):
            k += 1
    else:
        return None
    if k >= limit or k == 0 or not toks[k].text[:1].islower() or toks[k].lower in DETERMINERS | PREPOSITIONS:
        return None
    sp = np_after(toks, k + 1, lex)
    return sp if sp and sp[1] <= limit else None


def initial_np(toks: list[Tok], limit: int, lex: Lexicon, before_comma: bool = False) -> tuple[int, int] | None:
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
        if not (t.capword and t.lower not in PREPOSITIONS | ADVERBS | SUBORDINATORS
                or t.lower in DETERMINERS or t.lower in POSSESSIVES or t.text == "/"
                or t.text == "," and k + 1 < limit and toks[k + 1].capword and k > first
                or is_adjective(t, lex) and k + 1 < limit and toks[k + 1].capword
                or t.lower in ("von", "vom", "aus") and k > first and k + 1 < limit and toks[k + 1].capword):
            break
        k += 1
    while k > first and toks[k - 1].text in ",/(":
        k -= 1
    if k == first or k >= limit:
        return None
    if not (toks[k].text[:1].islower() and toks[k].lower not in DETERMINERS or before_comma and toks[k].text == ","):
        return None
    if not any(t.capword for t in toks[first:k]) or toks[first].lower in NOT_SUBJECT_START or (
            k - first == 1 and (toks[first].lower in ("das", "dieser", "diese", "der", "die")
                                or toks[first].lower.endswith(ADVERB_ENDINGS))):
        return None
    return first, k


