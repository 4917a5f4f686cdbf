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
import re
from dataclasses import dataclass
from typing import Any, Sequence

from framing.actors.gazetteer import Actor, Gazetteer, fold, load_gazetteer
from framing.quotes.lexicon import (ADVERBS, ARTICLES, AUX, CUT_PREPOSITIONS, DEFINITE_ARTICLES, DETERMINERS,
                                    DOCUMENT_ENDINGS, FOCUS, NAME_PARTICLES, NEGATIONS, OPINION_ENDINGS, PARTICLES,
                                    PASSIVE_AUX, POSSESSIVES, PREPOSITIONS, PRONOUNS, RELATIVES, REPORT_ADVERBS,
                                    SUBORDINATORS, WH_WORDS, Lexicon, alternation, lexicon)
from framing.quotes.marks import QUOTE_CHARS, QUOTE_MARK, WORD, Marked, find_quote_marks, is_heading, is_name_or_title
from framing.quotes.phrases import clause_end, clause_start, np_after, np_before, sentence_subject, verb_subject
from framing.quotes.tokens import (TOKEN, SentenceTokens, Tok, head_noun, is_adjective, is_attribution_noun,
                                   is_institution, is_konjunktiv, is_konjunktiv_i, is_role)


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


# ---------------------------------------------------------------------------------------------- word classes
ZU_INFINITIVE = re.compile(r"(?:%s)zu[a-zäöüß]{2,}en$" % "|".join(PARTICLES))

COMMON_NOUN = re.compile(r"(?:%s)$" % alternation("common_noun_endings"))


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
def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?–-"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def sentence_cues(text: str, toks: list[Tok], lex: Lexicon) -> list[Cue]:
    cues: list[Cue] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.quoted:
            continue
        low = t.lower
        # attribution phrases -------------------------------------------------------------------------
        if low in ("laut", "gemäß") and i + 1 < n:
            sp = np_after(toks, i + 1, lex)
            if sp and (i == 0 or toks[i - 1].lower not in ("so", "sehr", "zu", "ganz")):
                cues.append(Cue("laut", i, i + 1, sp))
            continue
        if low == "zufolge" and i > 0:
            s, e, _ = np_before(toks, i, lex, subject=False)
            if s < e:
                cues.append(Cue("zufolge", i, i + 1, (s, e)))
            continue
        if low == "nach" and i + 1 < n:
            # "Nach Angaben der Polizei", "nach Polizeiangaben", "Nach einer norwegischen Studie"
            sp = np_after(toks, i + 1, lex)
            if sp and is_attribution_noun(head_noun(toks, sp), lex):
                if sp[1] < n and toks[sp[1]].lower == "von":  # "nach Angaben von Augenzeugen"
                    sp = (sp[0], (np_after(toks, sp[1] + 1, lex) or (0, sp[1]))[1])
                cues.append(Cue("angaben", i, i + 1, sp))
                continue
            if i > 0 and not toks[i - 1].quoted:  # "Seiner Meinung nach"
                s0, e0, _ = np_before(toks, i, lex)
                if s0 < e0 and toks[e0 - 1].lower.endswith(OPINION_ENDINGS):
                    cues.append(Cue("zufolge", i, i + 1, (s0, e0)))
            continue
        if low == "so" and i > 0 and (toks[i - 1].text in ",–" or toks[i - 1].quoted) and i + 1 < n:
            sp = np_after(toks, i + 1, lex)
            if sp:
                cues.append(Cue("so", i, i + 1, sp))
            continue
        # speech verbs ----------------------------------------------------------------------------------
        entries = lex.verbs.get(t.text) if t.text[:1].islower() else None
        if not entries:
            continue
        info = None
        ce = clause_end(toks, i + 1)
        cs0 = clause_start(toks, i)
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
            where = next((k for k in range(clause_start(toks, i), i) if toks[k].lower == "aus"), None)
            cues.append(Cue("verb", i, i + 1, np_after(toks, where + 1, lex) if where is not None else None,
                            verb_kind=kind))
            continue
        if lemma == "stehen":
            # "In einem Jahresbericht des Ministeriums steht, dass …": the document speaks, like "heißt es in"
            cs, ce = clause_start(toks, i), clause_end(toks, i + 1)
            where = next((k for k in range(cs, i) if toks[k].lower in ("in", "im")), None)
            sp = np_after(toks, where + 1, lex) if where is not None else None
            if sp and ce < n and toks[ce].text == "," and ce + 1 < n and toks[ce + 1].lower in WH_WORDS and (
                    is_attribution_noun(head_noun(toks, sp), lex) or head_noun(toks, sp).lower().endswith(DOCUMENT_ENDINGS)):
                cues.append(Cue("hiess", i, i + 1, sp))
            continue
        if lemma == "heißen":
            cs, ce = clause_start(toks, i), clause_end(toks, i + 1)
            if any(toks[k].lower == "es" for k in range(max(cs, i - 3), min(ce, i + 2))):
                where = next((k for k in range(cs, ce) if toks[k].lower in ("in", "im", "bei", "beim", "von", "vom",
                                                                           "aus", "auf")), None)
                sp = None
                if where is not None:
                    sp = np_after(toks, where + 1, lex)
                cues.append(Cue("hiess", i, i + 1, sp))
            continue
        end_tok = i + 1  # cue span: the finite verb (a separable particle may be far away)
        if participle and (i + 1 < n and toks[i + 1].lower.startswith(("werd", "wurd", "word")) or any(
                toks[k].lower in PASSIVE_AUX for k in range(clause_start(toks, i), i))):
            # passive: the agent is "von X" ("wird von der Nachrichtenagentur Reuters zitiert"), or "in X"
            # ("So wird in einer Pressemitteilung der Organisation gefordert"); otherwise no cue
            cs = clause_start(toks, i)
            agent = None
            for k in range(cs, i):
                if toks[k].lower in ("von", "vom", "in", "im") and not toks[k].quoted:
                    agent = np_after(toks, k + 1, lex)  # "vom Bundesverband kritisiert", "in einer Erklärung"
                    if agent:
                        break
            if agent is None and lemma == "zitieren":  # "„…“, wird Panetta zitiert"
                k = next((k for k in range(cs, i) if toks[k].lower in PASSIVE_AUX), None)
                agent = np_after(toks, k + 1, lex) if k is not None else None
                if agent is None and cs < i:
                    s0, e0, r0 = np_before(toks, k if k is not None else i, lex)
                    agent = (s0, e0) if s0 < e0 and r0 == "start" else None
            cues.append(Cue("verb", i, i + 1, agent, verb_kind=kind))
            continue
        if participle:
            s, e, reason = np_before(toks, i, lex)
            if reason == "sub" and s < e:
                sp = (s, e)
            else:
                k = i - 1
                while k >= 0 and toks[k].text not in ",;:" and toks[k].lower not in AUX:
                    k -= 1
                if k < 0 or toks[k].lower not in AUX:
                    cs = clause_start(toks, i)
                    if not (cs < i and toks[cs].lower in SUBORDINATORS - {"als", "wie"}):
                        continue
                    sp = np_after(toks, cs + 1, lex)  # "weil die US-Regierung Georgien … bezeichnet hat"
                else:
                    sp = verb_subject(toks, k, lex)
        else:
            sp = verb_subject(toks, i, lex)
            if lemma == "zitieren" and sp and sp[1] <= i:  # "Ein Sender zitierte Papandreou mit den Worten"
                sp = np_after(toks, i + 1, lex) or sp
            elif lemma == "zitieren" and i + 2 < n and toks[i + 1].lower == "man":  # "„…“, zitierte man X"
                sp = np_after(toks, i + 2, lex) or sp
        if sp is None and t.text == lemma:
            # an infinitive after a modal: "Das musste Bundesfinanzminister Peer Steinbrück … einräumen"
            k = next((k for k in range(i - 1, clause_start(toks, i) - 1, -1) if toks[k].lower in AUX), None)
            if k is not None and toks[k].lower in lex.konjunktiv_ii | {"könnte", "würde", "sollte", "müsste"}:
                continue  # "Dafür könnte er … androhen": a hypothesis of the journalist, not a report
            sp = verb_subject(toks, k, lex) if k is not None else None
            if sp is None or sp[1] > i:
                continue  # an infinitive without a subject of its own
        cues.append(Cue("verb", i, end_tok, sp, verb_kind=kind))
    return cues


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


def message_span(text: str, toks: list[Tok], cue: Cue, lex: Lexicon, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The reported message (char span) that an unquoted cue introduces, or None."""
    n = len(toks)
    if cue.kind in ("laut", "zufolge", "angaben"):
        # the rest of the sentence around the attribution phrase
        a = min(cue.start_tok, cue.speaker[0] if cue.speaker else cue.start_tok)
        b = max(cue.end_tok, cue.speaker[1] if cue.speaker else cue.end_tok)
        left = strip_span(text, sent[0], toks[a].start)
        right = strip_span(text, toks[b].start if b < n else sent[1], sent[1])
        span = max(left, right, key=lambda x: x[1] - x[0])
        if span[1] - span[0] < 15:
            return None
        return (min(left[0], right[0]) if left[1] > left[0] else right[0],
                right[1] if right[1] > right[0] else left[1])
    if cue.kind == "so":
        # "..., so X": the clause before
        s, e = strip_span(text, sent[0], toks[cue.start_tok].start)
        return (s, e) if e - s > 15 else None
    if cue.kind == "hiess":
        k = clause_end(toks, cue.end_tok)
        if k < n and toks[k].text == ":":
            return None  # "heißt es: „…“" is a direct quote
        if k < n and toks[k].text in ",:" and k + 1 < n and not toks[k + 1].quoted:
            return strip_span(text, toks[k + 1].start, sent[1])
        if cue.start_tok > 1 and toks[cue.start_tok - 1].text == ",":
            return strip_span(text, sent[0], toks[cue.start_tok - 1].start)
        return None
    # a speech verb: message after it (", dass ...", ", es sei ...", ": ...") or before it ("Es sei ..., sagte X")
    i = cue.start_tok
    k = clause_end(toks, i + 1)
    if any(toks[x].lower in NEGATIONS for x in range(i + 1, k)):
        return None  # "sagte aber nichts dazu, wie ...": nothing is reported
    if any(toks[x].text in lex.verbs and toks[x - 1].lower in ("und", "sowie") for x in range(i + 2, k)):
        return None  # "begrüßte … und betonte, dass": the message belongs to the nearer verb
    cs = clause_start(toks, i)
    if toks[0].lower == "wie" and k + 1 < n and toks[k].text == "," and not any(
            toks[x].text in ",;:" and toks[x + 1].lower in SUBORDINATORS for x in range(0, i) if x + 1 < n):
        cs = 0  # "Wie ein Vertreter des Konzerns, EADS, heute mitteilte, wurde …"
    if cs < i and toks[cs].lower == "wie" and k + 1 < n and toks[k].text == "," and (
            cs == 0 or toks[cs - 1].text in ",;:"):
        return strip_span(text, toks[k + 1].start, sent[1])  # "Wie die BBC berichtet, befindet sich …"
    if k + 1 < n and toks[k].text in ",:" and not toks[k + 1].quoted:
        first = toks[k + 1]
        rest = [t for t in toks[k + 1:] if not t.quoted]
        if first.lower in WH_WORDS or any(is_konjunktiv(t, lex) for t in rest) or (
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
        strong = cue.mention is not None and cue.verb_kind == "speech" and len(pre) >= 5 and (
            cue.speaker is not None and cue.speaker[0] > i) and any(  # the part before has a verb of its own
            t.text[:1].islower() and t.lower not in DETERMINERS | PREPOSITIONS | POSSESSIVES and not is_adjective(t, lex)
            for t in first_chunk)
        if pre and (any(is_konjunktiv(t, lex) for t in pre if not t.quoted) or pre[0].lower in ("ob", "dass")
                    or strong):
            return strip_span(text, sent[0], toks[i - 1].start)
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


def alias_starts(gaz: Gazetteer) -> frozenset[str]:
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


class ArticleEntities:
    """Entities of one article, for merging name forms and resolving pronouns and role nouns."""

    def __init__(self, text: str, gaz: Gazetteer, lex: Lexicon):
        self.text, self.gaz, self.lex = text, gaz, lex
        self.entities: list[Entity] = []
        self.speakers: list[Entity] = []  # in order of speaking

    def _gender_of_role(self, role: str) -> str | None:
        head = role.split()[-1] if role.split() else role
        if head.endswith("in") and is_role(head[:-2], self.lex):
            return "f"
        if is_role(head, self.lex):
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
        starts = alias_starts(self.gaz)
        while i < n:
            t = toks[i]
            if t.quoted or not (t.capword or t.lower == "von") or t.lower.split("-", 1)[0] not in starts:
                i += 1
                continue
            hit = None
            for size in (4, 3, 2, 1):
                if i + size > n or toks[i].quoted or not toks[i].capword and toks[i].lower not in ("von",):
                    continue  # names inside quotations are not antecedents of the journalist's pronouns
                cand = self.text[toks[i].start:toks[i + size - 1].end]
                actor = self.gaz.by_alias.get(fold(cand))
                if actor is not None:
                    hit = (size, actor)
                    break
            if hit:
                size, actor = hit
                role = toks[i - 1].text if i and is_role(toks[i - 1].text, self.lex) else None
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
        head_at = next((k for k, w in enumerate(words) if w.capword), None)
        if head_at is not None and head_at + 1 < len(words) and is_attribution_noun(words[head_at].text, lex) and (
                words[head_at].text not in ("Sprecher", "Sprecherin")):
            # "Angaben der Polizei", "Ansicht Rabmer-Kollers": the one who gave them
            rest = words[head_at + 1:]
            while rest and (rest[0].lower in DETERMINERS or rest[0].lower in ("von", "vom")):
                rest = rest[1:]
            if rest:
                return self._resolve_words(rest)
        cut = next((k for k, w in enumerate(words) if k and w.lower in CUT_PREPOSITIONS and not (
            w.lower == "von" and k + 1 < len(words) and words[k + 1].lower in NAME_PARTICLES | {"der"}
            and k + 2 < len(words) and words[-1].capword and not is_institution(words[-1].text, lex))), None)
        if cut:  # "Kritische Beobachter in der Ukraine", "Beobachtungsstelle für Menschenrechte": the head
            words = words[:cut]
            mention_text = self.text[words[0].start:words[-1].end]
        # gazetteer: the longest stretch of the mention that is an alias
        for size in range(len(words), 0, -1):
            for a in range(0, len(words) - size + 1):
                cand = self.text[words[a].start:words[a + size - 1].end]
                actor = self.gaz.by_alias.get(fold(cand))
                if actor is not None:
                    role = next((w.text for w in words[:a] if is_role(w.text, lex)), None)
                    ent = self.entity(actor.name, actor.kind, pos, actor, role)
                    return ent.name, ent.group, ent.kind, ent
        caps = [i for i, w in enumerate(words) if w.capword]
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
            if w.capword or (w.lower in NAME_PARTICLES and run):
                run.insert(0, i)
                continue
            break
        while run and words[run[0]].lower in NAME_PARTICLES:
            run.pop(0)
        name_idx = []
        for i in run:
            w = words[i]
            prev = words[i - 1] if i else None
            if is_role(w.text, lex) or is_institution(w.text, lex) or w.text in lex.anonymous or w.lower in ADVERBS:
                name_idx = []
                continue
            if prev is not None and not name_idx and (
                    prev.lower in DETERMINERS or prev.lower in POSSESSIVES or is_adjective(prev, lex)):
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
            kind = "institution" if head and is_institution(head, lex) and not is_role(head, lex) else "person"
            if kind == "person" and len(name_idx) == 1 and not head and is_institution(name, lex):
                kind = "institution"
            role = head if head and is_role(head, lex) else None
            ent = self.entity(name, kind, pos, None, role)
            return ent.name, ent.group, ent.kind, ent
        if head is None:
            return None, None, "unknown", None
        bare = re.sub(r"^(?:%s)\s+" % ARTICLES, "", mention_text, flags=re.I)
        if head in lex.anonymous or bare.split()[0] in lex.anonymous:
            return bare, None, "anonymous", None
        if is_role(head, lex):
            gender = "f" if determiner in ("die", "der") and head.endswith("in") and determiner == "die" else (
                "m" if determiner in ("der", "dem", "des") else None)
            ent = self._role(mention_text, head, gender)
            if ent is not None:
                ent.last = max(ent.last, pos)
                return ent.name, ent.group, ent.kind, ent
            return None, None, "unknown", None
        if is_institution(head, lex):
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


def _subject_cue(text: str, toks: list[Tok], lex: Lexicon, art: ArticleEntities) -> Cue | None:
    """The subject of a sentence as the speaker of what follows it ("Der Iran streitet dies ab. Es sei …"), resolved
    in the article; None when the sentence has no subject we can find."""
    sp = sentence_subject(toks, len(toks), lex) if toks else None
    return _speaker_cue(text, toks, sp, art) if sp else None


def _speaker_cue(text: str, toks: list[Tok], span: tuple[int, int], art: ArticleEntities) -> Cue:
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
    art = ArticleEntities(text, load_gazetteer(), lex)
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
    sent_toks = SentenceTokens(text, sents, mark_ranges, mark_starts)
    sent_cues: list[list[Cue]] = []
    active: list[bool] = []  # sentences that can hold a cue, a quote, reported speech or an actor's name
    triggers = _trigger_words(lex, art.gaz)
    for ss, se in sents:
        words = WORD.findall(text, ss, se)
        hot = QUOTE_MARK.search(text, ss, se) is not None or any(
            w in triggers or w.lower() in triggers or w[-1:] == "e" and w[:1].islower() and is_konjunktiv_i(w)
            for w in words)
        active.append(hot)
        if not hot or excluded(ss, se) or reader_of(ss) is not None:
            sent_cues.append([])
            continue
        toks = sent_toks[len(active) - 1]
        art.observe(toks)
        cues = sentence_cues(text, toks, lex)
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
            cue.message = message_span(text, toks, cue, lex, (ss, se))
            si_now = len(active) - 1
            if cue.message is None and cue.kind == "verb" and cue.start_tok == 1 and toks[0].lower in (
                    "das", "dies", "dieses") and si_now > 0 and not excluded(*sents[si_now - 1]):
                cue.message = strip_span(text, *sents[si_now - 1])  # "… Das bestätigte die Organisation."
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
        for m in mark_by_sent.get(si, []) if not is_heading(text, ss, se) else ():
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
                s0, e0, r0 = np_before(toks, colon, lex) if colon > 0 else (0, 0, "")
                if s0 < e0 and r0 == "start" and any(t.capword for t in toks[s0:e0]):
                    # "Ein Beamter der Nationalpolizei: „…“": the speaker before the colon
                    cue, ctoks = _speaker_cue(text, toks, (s0, e0), art), toks
            if cue is None or cue.mention is None and cue.resolved[0] is None:
                inverted = inverted_frame(sent_toks[ci], m.close_end, lex)
                if inverted is not None:  # „…“, strich Romney in Arbutus heraus: any verb right after the quote
                    ctoks = sent_toks[ci]
                    a, b = inverted.speaker
                    name, group, kind, _ = art.resolve(a, b, ctoks)
                    inverted.resolved = (name, group, kind)
                    inverted.mention = (ctoks[a].start, ctoks[b - 1].end, text[ctoks[a].start:ctoks[b - 1].end])
                    cue = inverted
            sentence_has_konj = any(is_konjunktiv(t, lex) for t in toks if not t.quoted)
            title_like = is_name_or_title(text, m, words, ss, lex)
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
                sp = sentence_subject(toks, first_q, lex)
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
        if not cues and len(unq) >= 4 and (demnach or any(is_konjunktiv(t, lex) for t in unq[:12])) and not any(
                t.lower in ("ich", "wir") for t in unq) and not any(
                o.start >= ss and o.mode == "indirect" for _, o in items[-3:]):
            prior = last_cue if last_cue is not None and si - last_cue[0] <= 1 else None
            if prior is None and si > 0 and not excluded(*sents[si - 1]) and (demnach or any(
                    is_konjunktiv(t, lex, strict=True) for t in unq[:12])):
                # the previous sentence reported someone without a speech verb we know ("Der Iran streitet dies
                # ab."): its subject is the speaker
                ptoks = sent_toks[si - 1]
                cue = _subject_cue(text, ptoks, lex, art)
                if cue is not None:
                    prior = (si - 1, cue, ptoks)
            if prior is not None:
                s, e = strip_span(text, ss, se)
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
