"""Cues: the words in a sentence that attribute a statement to someone, and the message each one introduces.

In: the tokens of one sentence, the article text and the lexicon. Out: `Cue` values (frozen) in sentence order:
a speech verb with the token span of its subject (`sagte Rutte`, `wie die BBC berichtet`, passive `wird von
Reuters zitiert`), an attribution phrase (`laut X`, `X zufolge`, `nach Angaben von X`, `so X`, `Seiner Meinung
nach`), an impersonal report (`hieß es in der Erklärung`, `In dem Bericht steht, dass`), or the verb right after a
quotation (`„…“, strich Romney heraus`); and, for a cue outside quote marks, the character span of the reported
message it introduces. Who the speaker is, is decided later (`framing.quotes.speakers`): a cue only knows where
its speaker is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.actors.names import is_common_noun, is_first_name, is_person_noun, word_tags
from framing.quotes.lexicon import (ADVERBS, AUX, DETERMINERS, DOCUMENT_ENDINGS, FOCUS, NAME_PARTICLES, NEGATIONS,
                                    OPINION_ENDINGS, PARTICLES, PASSIVE_AUX, POSSESSIVES, PREPOSITIONS, PRONOUNS,
                                    RELATIVES, STATEMENT_ENDINGS, SUBORDINATORS, WH_WORDS, Lexicon,
                                    VerbForm)
from framing.quotes.marks import QUOTE_CHARS
from framing.quotes.phrases import clause_end, clause_start, np_after, np_before, sentence_subject, verb_subject
from framing.quotes.speakers import NOBODY, Resolved
from framing.quotes.tokens import Tok, head_noun, is_adjective, is_attribution_noun, is_konjunktiv

ZU_INFINITIVE = re.compile(r"(?:%s)zu[a-zäöüß]{2,}en$" % "|".join(PARTICLES))  # "einzuhalten"
# A reported message shorter than this many characters is none: the rest of a sentence around `laut X` needs at
# least this many, the clause before `, so X` more than this many.
MIN_MESSAGE_CHARS = 15
# Subordinators of an adverbial clause: after a speech verb's clause one says why, when or where (", um … zu …",
# ", nachdem …", ", wo …"), not what was said, unless Konjunktiv follows (", sobald er …, werde …").
ADVERBIAL_CLAUSE = frozenset({"um", "nachdem", "wo", "obwohl", "bevor", "sobald", "während", "weil"})
# Modal forms after which an infinitive speech verb is the journalist's hypothesis ("Dafür könnte er … androhen"),
# besides the Konjunktiv II forms of the lexicon.
HYPOTHESIS_MODALS = frozenset({"könnte", "würde", "sollte", "müsste"})
INDICATIVE_REPORT_TOKENS = 4  # an indicative clause reported after a speech verb has at least this many tokens
STATEMENT_CLAUSE_TOKENS = 3  # the content of a statement noun (", das Gericht sei nicht legitim") has this many
NAME_IN_FRAME_TOKENS = 5
# ", wie X mitteilte" after a main clause: `wie` at most this many tokens before the verb (a name with its role in
# apposition: ", wie Burt Rutan, Chef der Firma Scaled Composites, mitteilte"), after a clause of at least this many
FRAME_WIE_TOKENS = 14
MIN_CLAUSE_BEFORE_WIE = 3
DATED_DOCUMENTS = ("urteil", "beschluss", "vertrag")  # after "nach", a decision dates the sentence
COMPARISON_WORDS = frozenset({"so", "genauso", "ebenso", "anders", "mehr", "weniger"})  # "so schnell, wie …"
FRAME_AFTER_NAME_TOKENS = 3  # a frame that goes on after a name in apposition (bekannt, gegenüber der BBC) is this short  # a name in quote marks inside a speech verb's clause has at most this many tokens


@dataclass(frozen=True)
class Mention:
    """Where a speaker is named: a character span into the article and its text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, toks: list[Tok], span: tuple[int, int]) -> Mention:
        """The mention of the tokens toks[span[0]:span[1]]."""
        start, end = toks[span[0]].start, toks[span[1] - 1].end
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Cue:
    """A cue of a sentence: what kind it is, where it stands, where its speaker is named, and (once resolved in
    the article) who that is and which message it introduces."""

    kind: str  # verb / laut / zufolge / so / angaben / hiess / subject (a noun phrase standing for its speaker) /
    # demnach (a report adverb standing for the last speaker) / statement (a statement noun: dem Vorwurf der X, …)
    start_tok: int  # token span of the cue word in its sentence, end exclusive; empty for a subject cue
    end_tok: int
    speaker_toks: tuple[int, int] | None  # token span of the speaker mention in the same sentence
    verb_kind: str = ""  # speech / writing / thought for verb cues
    mention: Mention | None = None
    resolved: Resolved = NOBODY
    message: tuple[int, int] | None = None  # char span of the reported message an unquoted cue introduces

    @property
    def names_nobody(self) -> bool:
        """Neither a speaker mention nor a resolved speaker ("weiter hieß es")."""
        return self.mention is None and self.resolved.name is None


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without surrounding space and without trailing punctuation."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?–-"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


# ---------------------------------------------------------------------------------------------- cues of a sentence
def sentence_cues(toks: list[Tok], lex: Lexicon) -> list[Cue]:
    """The cues of a sentence outside quote marks, in order, each with the token span of its speaker mention."""
    cues: list[Cue] = []
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        cue = _attribution_cue(toks, i, lex) if _opens_attribution(toks, i) else _verb_cue(toks, i, lex)
        if cue is None and t.lower == "wonach" and i > 1 and toks[i - 1].text == ",":
            cue = _wonach_cue(toks, i, lex)
        if cue is None and t.capword and t.lower.endswith(STATEMENT_ENDINGS) and not any(
                c.speaker_toks and c.speaker_toks[0] <= i < c.speaker_toks[1] for c in cues):
            cue = _statement_cue(toks, i, lex)  # (not the document of "hieß es in der Erklärung, …")
        if cue is not None:
            cues.append(cue)
    return cues


def _content_end(toks: list[Tok], start: int) -> int:
    """Where a content clause starting at toks[start] ends: the clause end, past quoted words inside it."""
    n = len(toks)
    end = clause_end(toks, start)
    while end < n and toks[end].quoted:  # quoted words inside the content: „lichtscheuer Abgeordneter“
        while end < n and toks[end].quoted:
            end += 1
        end = clause_end(toks, end)
    return end


def _wonach_cue(toks: list[Tok], i: int, lex: Lexicon) -> Cue | None:
    """`Berichte, wonach …`, `die Sichtweise von X, wonach …`: the phrase before the comma is the source of the
    clause `wonach` opens."""
    s, e, _ = np_before(toks, i - 1, lex, subject=False)
    end = _content_end(toks, i + 1)
    if s >= e or end - i < STATEMENT_CLAUSE_TOKENS:
        return None
    last = end - 1 if toks[end - 1].text not in ".!?" else end - 2
    return Cue("statement", i, i + 1, (s, e), message=(toks[i].start, toks[last].end))


def _statement_cue(toks: list[Tok], i: int, lex: Lexicon) -> Cue | None:
    """A statement noun whose content follows its phrase after a comma: `dem Vorwurf der Verteidigung, das Gericht
    sei nicht legitim,` (Konjunktiv, or a dass-, ob- or wh-clause); the speaker mention is the noun's phrase with
    its owner (`Vorwurf der Verteidigung`)."""
    n = len(toks)
    j = i + 1
    if j < n and (toks[j].lower in ("der", "des", "von", "vom") or toks[j].capword and toks[j].text.endswith("s")):
        owner = np_after(toks, j + 1 if toks[j].lower in ("von", "vom") else j, lex)
        j = owner[1] if owner else j
        while j + 1 < n and toks[j].lower in ("in", "im", "aus") and toks[j + 1].capword:
            place = np_after(toks, j + 1, lex)  # "Berichte von Ausländern in Tibet"
            j = place[1] if place else j + 2
    if not (j + 2 < n and toks[j].text == "," and not toks[j + 1].quoted) or (
            toks[j + 1].lower in RELATIVES and not toks[j + 2].capword):  # ", der falsch sei": a relative clause
        return None
    end = _content_end(toks, j + 1)
    clause = toks[j + 1:end]
    first = clause[0].lower if clause else ""
    if len(clause) < STATEMENT_CLAUSE_TOKENS or not (first in ("dass", "ob") or first in WH_WORDS or (
            first not in SUBORDINATORS and any(is_konjunktiv(t, lex, strict=True) for t in clause))):
        return None
    speaker: tuple[int, int] | None = (i, j)
    if j == i + 1:  # no owner named: "ist der Ansicht, dass …", "vertritt die Ansicht, …": the clause's subject
        speaker = _clause_subject(toks, i, lex) or sentence_subject(toks, i, lex)
        if speaker is None:
            return None  # "Aufbauend auf der Behauptung, dass …": nobody's claim, the journalist's framing
    last = end - 1 if toks[end - 1].text not in ".!?" or end - 2 <= j else end - 2
    return Cue("statement", i, i + 1, speaker, message=(toks[j + 1].start, toks[last].end))


def _clause_subject(toks: list[Tok], i: int, lex: Lexicon) -> tuple[int, int] | None:
    """The phrase that opens the clause of toks[i] before its first verb-like word, when it is the subject there:
    "37 Prozent sind jedoch der gegenteiligen Auffassung", "22 Prozent teilen die Meinung"; else None."""
    cs = clause_start(toks, i)
    k = next((k for k in range(cs + 1, i) if toks[k].text[:1].islower() and not toks[k].quoted and not (
        toks[k].lower in DETERMINERS or is_adjective(toks[k], lex))), None)
    if k is None or toks[k].lower in PREPOSITIONS or toks[k].lower in SUBORDINATORS:
        return None  # "Aufbauend auf der Behauptung, …": no subject and verb open the clause
    s, e, _ = np_before(toks, k, lex)
    return (s, e) if s == cs and s < e and (any(t.capword for t in toks[s:e]) or (
        e - s == 1 and toks[s].lower in PRONOUNS)) else None


def _opens_attribution(toks: list[Tok], i: int) -> bool:
    """toks[i] is an attribution word in a position to have its speaker beside it."""
    low, n = toks[i].lower, len(toks)
    return (low in ("laut", "gemäß") and i + 1 < n or low == "zufolge" and i > 0 or low == "nach" and i + 1 < n
            or low == "so" and i > 0 and (toks[i - 1].text in ",–" or toks[i - 1].quoted) and i + 1 < n)


def _attribution_cue(toks: list[Tok], i: int, lex: Lexicon) -> Cue | None:
    """`laut X`, `X zufolge`, `nach Angaben von X`, `Seiner Meinung nach`, `…, so X`, when X is found."""
    low, n = toks[i].lower, len(toks)
    if low in ("laut", "gemäß"):
        sp = np_after(toks, i + 1, lex)
        if sp and (i == 0 or toks[i - 1].lower not in ("so", "sehr", "zu", "ganz")):
            return Cue("laut", i, i + 1, sp)
        return None
    if low == "zufolge":
        s, e, _ = np_before(toks, i, lex, subject=False)
        return Cue("zufolge", i, i + 1, (s, e)) if s < e else None
    if low == "nach":
        # "Nach Angaben der Polizei", "nach Polizeiangaben", "Nach einer norwegischen Studie"
        sp = np_after(toks, i + 1, lex)
        head = head_noun(toks, sp) if sp else ""
        document = _document(head, lex) and not (i > 0 and (toks[i - 1].capword or toks[i - 1].text[:1].isdigit()))
        if sp and (is_attribution_noun(head, lex) or document or toks[sp[0]].text.endswith("s") and (
                is_attribution_noun(toks[sp[1] - 1].text, lex))):  # "Nach Grupps Meinung"
            if sp[1] < n and toks[sp[1]].lower == "von":  # "nach Angaben von Augenzeugen"
                sp = (sp[0], (np_after(toks, sp[1] + 1, lex) or (0, sp[1]))[1])
            return Cue("angaben", i, i + 1, sp)
        if i > 0 and not toks[i - 1].quoted:  # "Seiner Meinung nach"
            s0, e0, _ = np_before(toks, i, lex, subject=False)
            if s0 < e0 and toks[e0 - 1].lower.endswith(OPINION_ENDINGS):
                return Cue("zufolge", i, i + 1, (s0, e0))
        return None
    sp = np_after(toks, i + 1, lex)  # "…, so X"
    if sp is None and i + 2 < n and toks[i + 1].text in lex.verbs and not toks[i + 1].quoted and not any(
            f.lemma in ("heißen", "stehen") for f in lex.verbs[toks[i + 1].text]):
        sp = np_after(toks, i + 2, lex)  # "…, so schätzen die Forscher", "…, so bestätigt das Gericht"
        return Cue("so", i, i + 2, sp) if sp and toks[sp[0]].lower not in ("es", "man") else None
    return Cue("so", i, i + 1, sp) if sp else None


def _document(noun: str, lex: Lexicon) -> bool:
    """A document that says something: `nach dem Grundgesetz`, `Nach einem EU-Dokument`, `nach der Studie`; not a
    decision, which `nach` dates (`nach dem Urteil`, `nach dem Beschluss`, `nach einem Vertrag`), and not after a
    noun or a number (`die Forderung nach einem Gesetz`, `zwei Monate nach dem Bericht`: the caller's test)."""
    low = noun.lower()
    return (noun in lex.documents or low.endswith(DOCUMENT_ENDINGS)) and not low.endswith(DATED_DOCUMENTS)


def _verb_form(toks: list[Tok], i: int, forms: list[VerbForm]) -> VerbForm | None:
    """Which speech-verb form toks[i] is: one whose separable particle the clause holds (`teilte … mit`), a form
    that needs none; a form that is both finite and participle (berichtet, erklärt) is a participle after an
    auxiliary."""
    n = len(toks)
    ce = _frame_end(toks, i)
    has_aux = _aux_before(toks, i) is not None or i + 1 < n and toks[i + 1].lower in AUX
    for form in sorted(forms, key=lambda x: (x.particle is None, x.participle != has_aux)):
        if form.particle is None or any(toks[k].lower == form.particle and not _opens_phrase(toks, k + 1, ce)
                                        for k in range(i + 1, ce)) or (
                i > 0 and toks[i - 1].lower == form.particle and ce < n and toks[ce].text == ","):
            return form
    return None


def _opens_phrase(toks: list[Tok], k: int, ce: int) -> bool:
    """toks[k] (before the clause end ce) opens a noun phrase: the word before it is a preposition, no separable
    particle ("geht aus einer Mitteilung hervor" is no "ausgehen")."""
    return k < ce and not toks[k].quoted and (toks[k].capword or toks[k].lower in DETERMINERS or toks[k].lower in
                                              POSSESSIVES or toks[k].text[:1].isdigit())


def _verb_cue(toks: list[Tok], i: int, lex: Lexicon) -> Cue | None:
    """The cue of a speech verb at toks[i] with its subject (or passive agent), or None."""
    t = toks[i]
    forms = lex.verbs.get(t.text) if t.text[:1].islower() else None
    form = _verb_form(toks, i, forms) if forms else None
    if form is None:
        return None
    if form.lemma == "hervorgehen":  # "Dies geht aus einer Mitteilung des Konzerns hervor": the document speaks
        where = next((k for k in range(clause_start(toks, i), _frame_end(toks, i)) if toks[k].lower == "aus"), None)
        if where is None:
            return None
        source = np_after(toks, where + 1, lex)
        head = head_noun(toks, source) if source else ""
        if head and not (is_attribution_noun(head, lex) or head.lower().endswith(DOCUMENT_ENDINGS + (
                STATEMENT_ENDINGS) + ("ung", "ungen", "urteil"))):
            return None  # "gestärkt aus der schwachen Saison hervorgegangen": a change, not a statement
        return Cue("verb", i, i + 1, source, verb_kind=form.kind)
    if form.lemma == "verlauten":  # "Aus EU-Kreisen verlautete, …"
        where = next((k for k in range(clause_start(toks, i), i) if toks[k].lower == "aus"), None)
        return Cue("verb", i, i + 1, np_after(toks, where + 1, lex) if where is not None else None,
                   verb_kind=form.kind)
    if form.lemma in ("stehen", "heißen"):
        return _impersonal_cue(toks, i, form.lemma, lex)
    aux = _aux_before(toks, i) if form.participle else None
    if form.participle and (i + 1 < len(toks) and toks[i + 1].lower.startswith(("werd", "wurd", "word")) or any(
            toks[k].lower in PASSIVE_AUX for k in range(clause_start(toks, i), i)) or (
            aux is not None and toks[aux].lower in PASSIVE_AUX)):
        return Cue("verb", i, i + 1, _passive_agent(toks, i, form.lemma, lex, aux), verb_kind=form.kind)
    if form.participle:
        s, e, reason = np_before(toks, i, lex)
        if reason == "sub" and s < e:
            sp = (s, e)
        else:
            k = _aux_before(toks, i)
            if k is None:
                cs = clause_start(toks, i)
                if not (cs < i and toks[cs].lower in SUBORDINATORS - {"als", "wie"}):
                    return None
                sp = np_after(toks, cs + 1, lex)  # "weil die US-Regierung Georgien … bezeichnet hat"
            else:
                sp = verb_subject(toks, k, lex)
    else:
        sp = verb_subject(toks, i, lex)
        if form.lemma == "halten" and sp is not None and sp[1] - sp[0] == 1 and toks[sp[0]].lower == "es":
            sp = np_before(toks, i, lex)[:2] if i > 0 else None  # "Die WHO hält es für möglich": "es" is the object
            sp = sp if sp is not None and sp[0] < sp[1] else None
        if form.lemma == "zitieren" and sp and sp[1] <= i:  # "Ein Sender zitierte Papandreou mit den Worten"
            sp = np_after(toks, i + 1, lex) or sp
        elif form.lemma == "zitieren" and i + 2 < len(toks) and toks[i + 1].lower == "man":  # "„…“, zitierte man X"
            sp = np_after(toks, i + 2, lex) or sp
    if sp is None and t.text == form.lemma:
        # an infinitive after a modal: "Das musste Bundesfinanzminister Peer Steinbrück … einräumen"
        k = next((k for k in range(i - 1, clause_start(toks, i) - 1, -1) if toks[k].lower in AUX), None)
        if k is not None and toks[k].lower in lex.konjunktiv_ii | HYPOTHESIS_MODALS:
            return None  # "Dafür könnte er … androhen": a hypothesis of the journalist, not a report
        sp = verb_subject(toks, k, lex) if k is not None else None
        if sp is None or sp[1] > i:
            return None  # an infinitive without a subject of its own
    # the cue is the finite verb alone (a separable particle may be far away)
    return Cue("verb", i, i + 1, sp, verb_kind=form.kind)


def _aux_before(toks: list[Tok], i: int) -> int | None:
    """The auxiliary of the clause before toks[i], past a name in apposition ("hatte ein Talibanführer, Baitullah
    Mehsud, erklärt"), or None."""
    k = i - 1
    while k >= 0 and toks[k].lower not in AUX:
        if toks[k].text in ",;:":
            a = _apposition_before(toks, k)
            if a is None:
                return None
            k = a
        k -= 1
    return k if k >= 0 else None


def _apposition_before(toks: list[Tok], comma: int) -> int | None:
    """The comma opening a name in apposition that ends at the comma toks[comma] (`, Baitullah Mehsud,`), else
    None."""
    a = comma - 1
    while a >= 0 and not toks[a].quoted and (toks[a].capword or toks[a].lower in NAME_PARTICLES):
        a -= 1
    return a if toks[comma].text == "," and 0 <= a < comma - 1 and toks[a].text == "," else None


def _impersonal_cue(toks: list[Tok], i: int, lemma: str, lex: Lexicon) -> Cue | None:
    """`heißt es (in der Erklärung)` and `In dem Bericht steht, dass …`: the statement or document speaks."""
    n = len(toks)
    cs, ce = clause_start(toks, i), clause_end(toks, i + 1)
    if lemma == "stehen":
        # "In einem Jahresbericht des Ministeriums steht, dass …": the document speaks, like "heißt es in"
        where = next((k for k in range(cs, i) if toks[k].lower in ("in", "im")), None)
        sp = np_after(toks, where + 1, lex) if where is not None else None
        head = head_noun(toks, sp) if sp else ""
        if sp and ce < n and toks[ce].text == "," and ce + 1 < n and toks[ce + 1].lower in WH_WORDS and (
                is_attribution_noun(head, lex) or head.lower().endswith(DOCUMENT_ENDINGS)):
            return Cue("hiess", i, i + 1, sp)
        return None
    if not any(toks[k].lower == "es" for k in range(max(cs, i - 3), min(ce, i + 2))):
        return None
    places = ("in", "im", "bei", "beim", "von", "vom", "aus", "auf")
    where = next((k for k in range(cs, ce) if toks[k].lower in places), None)
    if where is None and cs > 1 and toks[cs - 1].text == "," and toks[0].lower in places:
        where = 0  # "In dieser Resolution, die der Sicherheitsrat annahm, heißt es"
    if where is not None and where > 1 and where + 1 < n and toks[where + 1].lower in RELATIVES and (
            toks[where - 1].text == ","):
        s, e, _ = np_before(toks, where - 1, lex, subject=False)  # "eine Erklärung, in der es heißt": its antecedent
        return Cue("hiess", i, i + 1, (s, e) if s < e else None)
    return Cue("hiess", i, i + 1, np_after(toks, where + 1, lex) if where is not None else None)


def _passive_agent(toks: list[Tok], i: int, lemma: str, lex: Lexicon,
                   aux: int | None = None) -> tuple[int, int] | None:
    """The agent of a passive speech verb: "von X" ("wird von der Nachrichtenagentur Reuters zitiert") or "in X"
    ("So wird in einer Pressemitteilung der Organisation gefordert"), or the subject of `wird X zitiert`; looked
    for from the clause of its auxiliary `aux` on, when known (a quotation may stand between them)."""
    cs = clause_start(toks, i if aux is None else aux)
    agent = _quoted_subject(toks, cs, i, lex) if lemma == "zitieren" else None
    for k in range(cs, i if agent is None else cs):
        if toks[k].lower in ("von", "vom", "in", "im") and not toks[k].quoted:
            agent = np_after(toks, k + 1, lex)  # "vom Bundesverband kritisiert", "in einer Erklärung"
            if agent:
                break
    return agent


def _quoted_subject(toks: list[Tok], cs: int, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject of a passive `zitiert` (from the clause start cs to the participle at i): the one quoted, who
    speaks, not the medium that quotes (`X wird von Reuters zitiert`, `„…“, wird Panetta zitiert`, `In der Meldung
    wird Musk zitiert`); None when the clause names nobody before the participle."""
    k = next((k for k in range(cs, i) if toks[k].lower in PASSIVE_AUX), None)
    after = np_after(toks, k + 1, lex) if k is not None and k + 1 < i else None
    if after is not None and after[1] <= i and toks[after[0]].lower not in PREPOSITIONS and _someone(toks, after, lex):
        return after
    if cs < (k if k is not None else i):
        s0, e0, r0 = np_before(toks, k if k is not None else i, lex)
        if s0 < e0 and r0 == "start" and _someone(toks, (s0, e0), lex):
            return s0, e0
    return None


def _someone(toks: list[Tok], span: tuple[int, int], lex: Lexicon) -> bool:
    """The phrase can stand for someone who is quoted: a pronoun, a person noun or role (`der Franzose`), or a
    word that is no common noun (a name), not a thing or a statement (`Die Zahl`, `Die Äußerung`)."""
    words = toks[span[0]:span[1]]
    if len(words) == 1 and words[0].lower in PRONOUNS:
        return words[0].lower != "es"
    return any(t.capword and t.lower not in DETERMINERS and (is_person_noun(t.text) or not (
        is_common_noun(t.text) or is_attribution_noun(t.text, lex) or t.lower.endswith(STATEMENT_ENDINGS)))
        for t in words)


def inverted_frame(toks: list[Tok], close_end: int, lex: Lexicon) -> Cue | None:
    """The frame of a quotation that ends in ', VERB SUBJECT' (German puts the verb first after a quotation:
    „…“, strich Romney heraus): a cue on whatever verb follows, when a subject follows it."""
    k = next((x for x, t in enumerate(toks) if t.start >= close_end), None)
    if k is None or k + 2 >= len(toks) or toks[k].text != "," or toks[k + 1].quoted:
        return None
    verb = toks[k + 1]
    if not verb.text[:1].islower() or verb.lower in DETERMINERS | PREPOSITIONS | SUBORDINATORS | ADVERBS | FOCUS \
            or verb.lower in RELATIVES or is_adjective(verb, lex) and not verb.lower.endswith(("te", "ten")):
        return None
    sp = np_after(toks, k + 2, lex)
    return Cue("verb", k + 1, k + 2, sp) if sp else None


# ---------------------------------------------------------------------------------------------- messages
def message_span(text: str, toks: list[Tok], cue: Cue, lex: Lexicon, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The reported message (char span) that an unquoted cue introduces, or None."""
    n = len(toks)
    if cue.kind == "statement":
        return cue.message
    if cue.kind in ("laut", "zufolge", "angaben"):
        # the rest of the sentence around the attribution phrase
        a = min(cue.start_tok, cue.speaker_toks[0] if cue.speaker_toks else cue.start_tok)
        b = max(cue.end_tok, cue.speaker_toks[1] if cue.speaker_toks else cue.end_tok)
        left = strip_span(text, sent[0], toks[a].start)
        right = strip_span(text, toks[b].start if b < n else sent[1], sent[1])
        span = max(left, right, key=lambda x: x[1] - x[0])
        if span[1] - span[0] < MIN_MESSAGE_CHARS:
            return None
        return (min(left[0], right[0]) if left[1] > left[0] else right[0],
                right[1] if right[1] > right[0] else left[1])
    if cue.kind == "so":
        # "..., so X": the clause before; "Der Präsident sei, so X, schuld daran, …": the sentence around it
        s, e = strip_span(text, sent[0], toks[cue.start_tok].start)
        close = clause_end(toks, cue.speaker_toks[1]) if cue.speaker_toks else n
        if close + 1 < n and toks[close].text == "," and not toks[close + 1].quoted and (any(
                is_konjunktiv(t, lex) for t in toks[close + 1:]) or _goes_on(toks[close + 1], lex)):
            return strip_span(text, sent[0], sent[1])
        return (s, e) if e - s > MIN_MESSAGE_CHARS else None
    if cue.kind == "hiess":
        k = clause_end(toks, cue.end_tok)
        if k < n and toks[k].text == ":":
            return None  # "heißt es: „…“" is a direct quote
        if k < n and toks[k].text in ",:" and k + 1 < n and not toks[k + 1].quoted:
            return strip_span(text, toks[k + 1].start, sent[1])
        if cue.start_tok > 1 and toks[cue.start_tok - 1].text == ",":
            return strip_span(text, sent[0], toks[cue.start_tok - 1].start)
        return None
    return _verb_message(text, toks, cue, lex, sent)


def _goes_on(first: Tok, lex: Lexicon) -> bool:
    """The word after a frame inside a sentence (`, so X,`) goes on with its main clause: a finite verb or an
    adjective (`soll`, `dürfte`, `schuld`), not a subordinator, relative pronoun, article or preposition."""
    low = first.lower
    return first.text[:1].islower() and low not in SUBORDINATORS | RELATIVES | DETERMINERS | PREPOSITIONS and (
        low not in PRONOUNS and low not in ADVERBS)


def _indicative_report(toks: list[Tok], k: int, cue: Cue, rest: list[Tok]) -> bool:
    """A main clause in the indicative after a speech verb with its speaker and a comma is reported speech too
    ("Die Zeitung hatte berichtet, 200 Mitarbeiter sollen entlassen werden"): it opens like a subject (an article, a
    pronoun or a number), not like a relative or subordinate clause, and has a verb of its own."""
    first = toks[k + 1]
    return cue.verb_kind == "speech" and cue.speaker_toks is not None and toks[k].text == "," and (
        len(rest) >= INDICATIVE_REPORT_TOKENS) and first.lower not in RELATIVES | SUBORDINATORS | PREPOSITIONS and (
        first.lower in DETERMINERS or first.lower in PRONOUNS or first.text[:1].isdigit() and not (
            toks[k - 1].text[-1:].isdigit())) and any(  # "5,57 Prozent" is a number, not a clause
        t.text[:1].islower() and t.lower not in DETERMINERS | PREPOSITIONS | POSSESSIVES for t in rest[1:])


def _frame_end(toks: list[Tok], i: int) -> int:
    """Where the clause of the speech verb toks[i] ends (as `clause_end`), past a name in quote marks (meldet die
    Nachrichtenagentur „Xinhua“, …) and a name in apposition (gab der Leiter, Andreas Huber, bekannt, …)."""
    n = len(toks)
    k = clause_end(toks, i + 1)
    while k < n:
        if toks[k].quoted and toks[k].text in QUOTE_CHARS:
            j = k + 1
            while j < n and toks[j].quoted and toks[j].text not in QUOTE_CHARS:
                j += 1
            if j >= n or j - k > NAME_IN_FRAME_TOKENS or not toks[k + 1].capword:
                break
            k = clause_end(toks, j + 1)
            continue
        j = k + 1
        while j < n and not toks[j].quoted and (toks[j].capword or toks[j].lower in NAME_PARTICLES or (
                toks[j].text == "." and toks[j - 1].capword and len(toks[j - 1].text) == 1)):
            j += 1
        if toks[k].text == "," and j - k > 2 and j < n and toks[j].text == "," and (
                is_first_name(toks[k + 1].text) or toks[j - 1].lower != toks[j - 1].text):
            nxt = clause_end(toks, j + 1)
            if nxt - (j + 1) > FRAME_AFTER_NAME_TOKENS:
                return j  # "erklärte der Direktor, Mohammed el-Baradei, Nordkorea besitze …": the message follows
            k = nxt  # "gab der Leiter, Andreas Huber, bekannt, dass …": the frame goes on
            continue
        break
    return k


def _trailing_wie(toks: list[Tok], i: int, k: int, lex: Lexicon) -> int | None:
    """Where `, wie X VERB` opens (the position of `wie`), when the speech verb toks[i] ends such a frame after a
    main clause (`…, wie sein Anwalt mitteilte.`, `…, wie Burt Rutan, Chef der Firma, mitteilte.`, `Die Lage sei,
    wie X sagte, ernst`); None otherwise. The frame ends the sentence (k, its clause end, is past the sentence or a
    full stop) or a comma closes it; the clause before it has a word in lower case (a verb) and no quote marks."""
    n = len(toks)
    w = next((x for x in range(i - 1, max(-1, i - FRAME_WIE_TOKENS), -1)
              if toks[x].lower == "wie" or toks[x].quoted or toks[x].text in ";:"), None)
    if w is None or toks[w].lower != "wie" or w < MIN_CLAUSE_BEFORE_WIE + 1 or toks[w - 1].text != ",":
        return None
    if not (k >= n or toks[k].text in ".!?" or toks[k].text == "," and k + 1 < n and not toks[k + 1].quoted):
        return None
    before = toks[:w - 1]
    if any(t.quoted for t in before) or not any(t.text[:1].islower() and t.lower not in DETERMINERS for t in before) or (
            any(t.lower in COMPARISON_WORDS for t in before)):  # "Er kam so schnell, wie er sagte": a comparison
        return None
    return w


def _verb_message(text: str, toks: list[Tok], cue: Cue, lex: Lexicon, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The message of a speech verb: after it (", dass ...", ", es sei ...", ": ...") or before it ("Es sei ...,
    sagte X"), or None."""
    n = len(toks)
    i = cue.start_tok
    k = _frame_end(toks, i)
    if any(toks[x].lower in NEGATIONS for x in range(i + 1, k)):
        return None  # "sagte aber nichts dazu, wie ...": nothing is reported
    if any(toks[x].text in lex.verbs and toks[x - 1].lower in ("und", "sowie") for x in range(i + 2, k)):
        return None  # "begrüßte … und betonte, dass": the message belongs to the nearer verb
    cs = clause_start(toks, i)
    if toks[0].lower == "wie" and k + 1 < n and toks[k].text == "," and not any(
            toks[x].text in ",;:" and toks[x + 1].lower in SUBORDINATORS for x in range(0, i) if x + 1 < n):
        cs = 0  # "Wie ein Vertreter des Konzerns, EADS, heute mitteilte, wurde …"
    trailing = _trailing_wie(toks, i, k, lex) if cs > 0 and cue.speaker_toks is not None else None
    if trailing is not None:
        # "Das hatte er längst getan, wie sein Anwalt mitteilte.": the clause before; "Die Lage sei, wie X sagte,
        # ernst": the sentence around the frame
        return strip_span(text, sent[0], toks[trailing - 1].start if k >= n or toks[k].text in ".!?" else sent[1])
    if cs < i and toks[cs].lower == "wie" and k + 1 < n and toks[k].text == "," and (
            cs == 0 or toks[cs - 1].text in ",;:"):
        if any(toks[x].lower == "man" for x in range(cs, i)):
            return None  # "wie man sagt": a saying, nobody's report
        return strip_span(text, toks[k + 1].start, sent[1])  # "Wie die BBC berichtet, befindet sich …"
    if k + 1 < n and toks[k].text in ",:" and not toks[k + 1].quoted and not (
            toks[k + 1].lower in ADVERBIAL_CLAUSE and not any(is_konjunktiv(t, lex) for t in toks[k + 2:])) and not (
            toks[k + 1].text in lex.verbs and not is_konjunktiv(toks[k + 1], lex)):  # "In X, die … wurde, heißt es"
        first = toks[k + 1]
        rest = [t for t in toks[k + 1:] if not t.quoted]
        if first.lower in WH_WORDS or any(is_konjunktiv(t, lex) for t in rest) or (
                len(toks) - k > 4 and toks[-2].lower != "zu" and any(
                    toks[m].lower == "zu" and toks[m + 1].text[:1].islower() and toks[m + 1].lower not in DETERMINERS
                    and (toks[m + 1].lower.endswith(("en", "ern", "eln")) or toks[m + 1].lower in ("sein", "tun"))
                    for m in range(k + 1, n - 1))
                or any(ZU_INFINITIVE.match(t.text) for t in rest)) or (
                toks[k].text == ":" and len(rest) > 3) or _indicative_report(toks, k, cue, rest):
            s = first.start
            e = sent[1]
            # stop before a trailing ", sagte X" frame or a colon that opens a direct quote
            for m in range(k + 2, n):
                if toks[m].text == ":" and m + 1 < n and toks[m + 1].quoted:
                    e = toks[m].start
                    break
                if toks[m].text == "," and m + 1 < n and toks[m + 1].text in lex.verbs and m + 2 < n and (
                        toks[m + 2].capword or toks[m + 2].lower in PRONOUNS or toks[m + 2].lower in DETERMINERS):
                    e = toks[m].start
                    break
            return strip_span(text, s, e)
    if i > 1 and (toks[i - 1].text == "," or toks[i - 1].quoted and toks[i - 1].text in ",") and not toks[0].quoted:
        pre = toks[: i - 1]
        if pre and (pre[-1].quoted or any(t.text == ":" and x + 1 < len(pre) and pre[x + 1].quoted
                                          for x, t in enumerate(pre))):
            return None  # '„…“, sagte er' / 'X äußerte sich: „…“, sagte er': the direct quote is the message
        first_chunk = pre[:next((x for x, t in enumerate(pre) if t.text == ","), len(pre))]
        # a speaker named after the verb, and the part before has a verb of its own
        strong = cue.mention is not None and cue.verb_kind == "speech" and len(pre) >= 5 and (
            cue.speaker_toks is not None and cue.speaker_toks[0] > i) and any(
            t.text[:1].islower() and t.lower not in DETERMINERS | PREPOSITIONS | POSSESSIVES
            and not is_adjective(t, lex) for t in first_chunk)
        strong = strong or _inverted_report(toks, i, cue, pre, first_chunk, lex)
        if pre and (any(is_konjunktiv(t, lex) for t in pre if not t.quoted) or pre[0].lower in ("ob", "dass")
                    or strong):
            # "X zeigte sich beeindruckt: In dem Spiel war viel Qualität, meinte er": the message follows the colon
            colon = next((x for x in range(len(pre) - 1, 0, -1) if pre[x].text == ":"), None)
            return strip_span(text, sent[0] if colon is None else pre[colon].end, toks[i - 1].start)
    return None


# Thought verbs that, right after a comma with their subject after them, report what was said before the comma
# ("Das ist unfair, findet Huber."); "wissen", "sehen" and the verbs with a particle or complement do not.
INVERTED_THOUGHT = frozenset({"meinen", "glauben", "hoffen", "befürchten", "fürchten", "vermuten", "finden",
                              "bezweifeln", "schätzen", "erwarten"})
# The Pattern lexicon's tags of a verb form that can be finite (German plural present forms are the infinitive).
VERB_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VB", "VVINF", "VAINF", "VMINF", "VVIMP"})
INVERTED_REPORT_TOKENS = 2  # the clause before ", sagte X" has at least this many tokens ("Keine Ahnung, sagte X")


def _inverted_report(toks: list[Tok], i: int, cue: Cue, pre: list[Tok], first_chunk: list[Tok], lex: Lexicon) -> bool:
    """The words before a speech verb that follows a comma with its speaker after it are what was said, however
    short and in whatever mood (`Ich übernehme die Verantwortung, sagte der Trainer.`): the verb comes first because
    the message holds the place before it. This is how unmarked direct speech reads in corpora without quote marks.
    Not when the sentence opens with a subordinator, a wh-word or a preposition (`Als er ankam, sagte er …`,
    `Nach dem Streit, sagte er …`), when the words up to the first comma have no verb (`Den Vorschlag des
    Ministeriums, …, lehnte die Partei ab`), nor in a question; `pre` is the sentence before the verb's comma,
    `first_chunk` its words up to their first comma."""
    if cue.mention is None or cue.speaker_toks is None or cue.speaker_toks[0] <= i or len(pre) < INVERTED_REPORT_TOKENS:
        return False
    if toks[-1].text == "?":
        return False  # "…, glauben Sie, dass …?": a question opens with its verb
    form = _verb_form(toks, i, lex.verbs.get(toks[i].text, []))
    if form is None or not (cue.verb_kind == "speech" or cue.verb_kind == "thought" and form.lemma in INVERTED_THOUGHT):
        return False
    first = pre[0].lower
    if first in SUBORDINATORS or first in WH_WORDS or first in PREPOSITIONS:
        return False
    return any(_verb_word(t, lex) for t in first_chunk)  # a clause of its own: it has a verb


def _verb_word(tok: Tok, lex: Lexicon) -> bool:
    """A word in lower case that can be a verb: the Pattern lexicon tags it as one, or it is a Konjunktiv form or a
    speech verb of our lexicon (`übernehme`, `sind`, `rechne`; not `anwesenden`, an adjective)."""
    return tok.text[:1].islower() and (not word_tags(tok.text).isdisjoint(VERB_TAGS) or is_konjunktiv(tok, lex)
                                       or tok.text in lex.verbs)
