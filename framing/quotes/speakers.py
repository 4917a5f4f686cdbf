"""Speakers of one article: the entities it mentions, and who a speaker mention stands for.

In: the article text, the actor gazetteer and the lexicon; then, sentence by sentence, the tokens of the
sentence (to register the actors it names) and the token span of each speaker mention. Out: for a mention, a
`Resolved` speaker (name, group, kind: the gazetteer's canonical name or the fullest name form in the article;
person / institution / anonymous / unknown; the role beside the name, `CSU-Chef`, `Dr.`; the speaker type,
politician / government / expert / ...) and the `Entity` it is, with pronouns (`er`, `sie`), relative pronouns
and role nouns (`die Grünen-Politikerin`) resolved to an entity mentioned before. The tracker is per article and
keeps state (entities, who spoke last), so mentions must be resolved in article order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from framing.actors.gazetteer import Actor, Gazetteer, fold
from framing.actors.gender import Clue, first_name_gender, role_clues, role_text_clues, verdict, words_before_name
from framing.actors.names import (first_name_genders, is_common_noun, is_first_name, is_person_noun, is_title,
                                  name_length, never_a_name, place_names, split_name)
from framing.actors.roles import is_acronym
from framing.actors.types import ORGANISATION_TYPES, affiliation_type, mention_group, phrase_type, word_type
from framing.quotes.lexicon import (ARTICLES, CUT_PREPOSITIONS, DEFINITE_ARTICLES, DETERMINERS, DOCUMENT_ENDINGS,
                                    NAME_PARTICLES, PREPOSITIONS, PRONOUNS, RELATIVES, Lexicon)
from framing.quotes.marks import QUOTE_CHARS
from framing.quotes.mention_words import (bare_role, before_genitive, compound_type, genitive_organisation,
                                          institution_name, is_organisation, name_words, role_after, role_before)
from framing.quotes.tokens import Tok, is_adjective, is_attribution_noun, is_institution, is_role

# Actor names are looked up in a sentence over at most this many tokens, longest first: "Ursula von der Leyen".
ALIAS_WORDS = (4, 3, 2, 1)


@dataclass(frozen=True)
class Resolved:
    """Who a speaker mention stands for: a name (None when unresolved), the actor's group and the kind of speaker
    (person / institution / anonymous / reader / unknown)."""

    name: str | None = None
    group: str | None = None
    kind: str = "unknown"
    role: str | None = None  # the role or title beside the name in the mention (or the entity's): "CSU-Chef"
    type: str = "unknown"  # speaker type: framing.actors.types.SPEAKER_TYPES
    entity: int | None = field(default=None, compare=False)  # the Entity's index in its article, when one


NOBODY = Resolved()
# A document that names no owner (`laut einer Aussendung`) is the statement of whoever spoke last, if at most this
# many characters before.
DOCUMENT_REACH = 400
# Types of speakers that are organisations, not people: a mention headed by such a noun is an institution.


@dataclass
class Entity:
    """An actor mentioned in the article, with the fullest name form seen, its gender (from its roles) and where
    it was mentioned."""

    name: str
    kind: str
    group: str | None
    actor: Actor | None
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    last: int = -1
    mentions: list[int] = field(default_factory=list)
    role: str | None = None  # the first role the article gives the entity
    type: str | None = None  # its speaker type, once known
    index: int = -1  # its place in ArticleEntities.entities
    clues: set[Clue] = field(default_factory=set)  # gender clues of its mentions (roles before the name, pronouns)

    @property
    def resolved(self) -> Resolved:
        return Resolved(self.name, self.group, self.kind, self.role, self.type or "unknown", self.index)

    def gender_verdict(self) -> tuple[str | None, str | None]:
        """(speaker_gender, speaker_gender_evidence) of the entity in its article: a person's gender from its first
        name, the roles the article gives it and the clues of its mentions; None for anything else."""
        if self.kind != "person":
            return None, None
        clues = set(self.clues)
        named = first_name_gender(self.name)
        if named is not None:
            clues.add(Clue(named, "name"))
        for role in self.roles:
            clues.update(role_text_clues(role))
        return verdict(clues)

    def last_before(self, pos: int) -> int:
        """Offset of the last mention before `pos`, or -1 (mentions are kept sorted)."""
        i = bisect.bisect_left(self.mentions, pos)
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

    def spoke(self, ent: Entity, pos: int) -> None:
        """Record that `ent` is named as the speaker of a cue at `pos`."""
        self.speakers.append(ent)
        ent.last = max(ent.last, pos)

    def last_speaker(self, since: int) -> Entity | None:
        """Whoever spoke last, if last mentioned at or after `since`."""
        ent = self.speakers[-1] if self.speakers else None
        return ent if ent is not None and ent.last >= since else None

    def _gender_of_role(self, role: str) -> str | None:
        head = role.split()[-1] if role.split() else role
        if head.endswith("in") and is_role(head[:-2], self.lex):
            return "f"
        if is_role(head, self.lex):
            return "m"
        return None

    def entity(self, name: str, kind: str, pos: int, actor: Actor | None = None, role: str | None = None) -> Entity:
        """The entity a name (or a gazetteer actor) mentioned at `pos` stands for, registered when new; a person
        is the same entity as an earlier one with the same surname."""
        if actor is None and kind == "person":
            actor = self.gaz.lookup(name)
        found = None
        if actor is not None:
            found = next((e for e in self.entities if e.actor is actor), None)
            name = actor.name
            kind = actor.kind
        else:
            surname = name.split()[-1] if name.split() else name
            single = len(name.split()) == 1
            # the same name, or a surname alone and a full name with it (the latest such); two full names with
            # one surname are two people ("Hans Müller", "Peter Müller")
            for e in sorted(self.entities, key=lambda x: -x.last):
                if e.kind == kind and (e.name == name or kind == "person" and e.name.split()[-1] == surname and (
                        single or len(e.name.split()) == 1)):
                    found = e
                    break
        if found is None:
            found = Entity(name=name, kind=kind, group=actor.group if actor else None, actor=actor,
                           type=actor.type if actor else None, index=len(self.entities))
            if kind == "person" and len(name.split()) > 1:
                found.gender = first_name_genders().get(name.split()[0])
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
            found.role = found.role or role
            g = self._gender_of_role(role)
            if g and found.gender is None:
                found.gender = g
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
            for size in ALIAS_WORDS:
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
        self.observe_names(toks)

    def observe_names(self, toks: list[Tok]) -> None:
        """Register the people a sentence names with a first name (`Bundeskanzler Werner Faymann hat …`), with
        the role before the name and the gender of the first name: the antecedents of later pronouns and role
        nouns."""
        n = len(toks)
        i = 0
        while i < n - 1:
            t = toks[i]
            if t.quoted or not t.capword or not is_first_name(t.text) or not toks[i + 1].capword or (
                    toks[i + 1].quoted):
                i += 1
                continue
            j = i + 1
            while j < n and not toks[j].quoted and (toks[j].capword or toks[j].lower in NAME_PARTICLES and j + 1 < n
                                                    and toks[j + 1].capword):
                j += 1
            j = i + name_length([t.text for t in toks[i:j]])
            words = toks[i:j]
            if any(never_a_name(w.text) or is_role(w.text, self.lex) or is_institution(w.text, self.lex)
                   for w in words[1:]):
                i = j
                continue
            name = self.text[words[0].start:words[-1].end]
            known = any(e.actor is not None and e.last == words[0].start for e in self.entities)
            if not known and self.gaz.lookup(name) is None:
                role = role_before(self.text, toks, i, self.lex) or role_after(toks, j, self.lex)
                ent = self.entity(name, "person", words[0].start, None, role)
                ent.gender = ent.gender or first_name_genders().get(words[0].text)
                if ent.group is None and j + 2 < n and toks[j].text == "(":  # "Stefan Wenzel (Grüne)"
                    said = mention_group([toks[j + 1].text])
                    if said is not None:
                        ent.group = said[0]
                        ent.type = ent.type or ("politician" if said[1] == "party" else None)
                if ent.type is None and role:
                    ent.type = phrase_type(role.split()) or (
                        "politician" if (mention_group(role.split()) or ("", ""))[1] == "party" else None)
                if ent.type is None and j + 1 < n and toks[j].lower in NAMED_AFFILIATION:
                    # "Arjen Hoekstra von der Universität Twente": the organisation says what the person is
                    end = next((k for k in range(j + 1, min(n, j + 7)) if toks[k].text in ",.;:()"), min(n, j + 7))
                    ent.type = affiliation_type([name] + [t.text for t in toks[j:end]])
            i = j

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
        return None  # "es", "man": nobody

    def resolve(self, span: tuple[int, int], toks: list[Tok]) -> tuple[Resolved, Entity | None]:
        """Who the mention toks[span[0]:span[1]] stands for, and its entity (None for an anonymous source or when
        unresolved)."""
        words = toks[span[0]:span[1]]
        resolved, ent = self._resolve_words(words)
        if ent is not None and ent.kind == "person":
            forms = (ent.name, *(ent.actor.aliases if ent.actor else ()))
            ent.clues.update(role_clues(words_before_name([w.text for w in words], forms)))
        return self._label(resolved, ent, words)

    def _label(self, resolved: Resolved, ent: Entity | None, words: list[Tok]) -> tuple[Resolved, Entity | None]:
        """The resolved speaker with its role, group and type: the gazetteer's, else what the mention says
        (`CSU-Chef` -> CSU, politician; `der russische Außenminister` -> Russia), else what the article said of
        the entity before; kept on the entity for its later mentions."""
        if resolved.name is None and resolved.kind != "anonymous":
            return resolved, ent
        texts = [w.text for w in words]
        role = resolved.role
        group = resolved.group or (ent.group if ent is not None else None)
        party = None
        said = mention_group(texts)
        if said is not None:
            group = group or said[0]
            party = said[1] == "party"
        kind = ent.type if ent is not None and ent.type else None
        kind = kind or (resolved.type if resolved.type != "unknown" else None)
        if kind is None and role and resolved.kind == "person" and party:
            kind = "politician"  # "CSU-Chef", "SPÖ-Klubobmann"
        if kind is None and role:
            kind = compound_type(role, self.gaz) or phrase_type(role.split())
        if kind is None and resolved.kind == "person":
            kind = affiliation_type(texts)  # "Stefan Thurner vom Complexity Science Hub", "… von der Uni Wien"
        if kind is None and resolved.kind != "person":
            kind = phrase_type(resolved.name.split() if resolved.name else texts) or (
                "party" if party and resolved.kind == "institution" else None)
        if kind is None and resolved.kind == "anonymous":
            kind = phrase_type(texts) or "anonymous"
        if kind is None and resolved.kind == "person" and party:
            kind = "politician"  # "Stefan Wenzel (Grüne)"
        if ent is not None:
            ent.group = ent.group or group
            ent.type = ent.type or kind
        return replace(resolved, group=group, type=kind or "unknown"), ent

    def _resolve_words(self, words: list[Tok]) -> tuple[Resolved, Entity | None]:
        lex = self.lex
        words = [w for w in words if w.text not in QUOTE_CHARS] or words  # Laut „Reuters“
        if len(words) > 3 and words[0].lower in DETERMINERS and words[1].lower in PREPOSITIONS:
            k = next((k for k in range(2, len(words) - 1) if words[k].text[:1].islower() and is_adjective(
                words[k], lex) and words[k + 1].capword), None)
            words = [words[0], *words[k:]] if k else words  # "einer am Dienstag veröffentlichten Mitteilung"
        words = [w for k, w in enumerate(words) if not (w.text == "." and k and is_title(words[k - 1].text))]
        pos = words[0].start
        if len(words) == 1 and words[0].lower in PRONOUNS:
            ent = self._pronoun(words[0].text, pos)
            return (ent.resolved, ent) if ent is not None else (NOBODY, None)
        if len(words) == 1 and words[0].lower in RELATIVES | {"dieser", "diese"}:
            ent = self.speakers[-1] if self.speakers else None
            mentioned = sorted((x for x in self.entities if x.last <= pos), key=lambda x: -x.last)
            ent = mentioned[0] if mentioned else ent
            return (ent.resolved, ent) if ent else (NOBODY, None)
        mention_text = self.text[words[0].start:words[-1].end]
        whole = self.gaz.by_alias.get(fold(re.sub(r"^(?:%s)\s+" % DEFINITE_ARTICLES, "", mention_text, flags=re.I)))
        if whole is not None:
            ent = self.entity(whole.name, whole.kind, pos, whole)
            return ent.resolved, ent
        words = [w for k, w in enumerate(words) if not _in_parentheses(words, k)] or words
        appositive = self._apposition(words)
        if appositive is not None:
            return appositive
        if len(words) >= 2 and words[-2].capword and words[-2].text.endswith("s") and is_attribution_noun(
                words[-1].text, lex) and not is_attribution_noun(words[-2].text, lex):
            return self._resolve_words(words[:-1])  # "Grupps Meinung", "Merkels Worten": the owner
        head_at = next((k for k, w in enumerate(words) if w.capword and w.lower not in DETERMINERS), None)
        if head_at is not None and is_attribution_noun(words[head_at].text, lex) and (
                words[head_at].text not in ("Sprecher", "Sprecherin")) and not any(
                w.capword for w in words[head_at + 1:]):
            owner = self._owner_of_statement(words[:head_at], words[head_at].text, pos)
            if owner is not None:
                return owner
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
            and k + 2 < len(words) and words[-1].capword and not is_institution(words[-1].text, lex)) and not (
            w.lower == "von" and is_first_name(words[k - 1].text) and k + 1 < len(words) and words[k + 1].capword
            and (k + 2 == len(words) or not words[k + 2].capword)  # "Kurt von Figura": a name
            and not is_institution(words[k + 1].text, lex) and not is_organisation(words[k + 1].text, lex))), None)
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
                    said = role_before(self.text, words, a, lex) if actor.kind == "person" else None
                    ent = self.entity(actor.name, actor.kind, pos, actor, role or said)
                    return (replace(ent.resolved, role=said) if said else ent.resolved), ent
        return self._resolve_name_or_head(words, mention_text, pos)

    def _resolve_name_or_head(self, words: list[Tok], mention_text: str, pos: int) -> tuple[Resolved, Entity | None]:
        """A mention that is no gazetteer alias: a name (`Die Analystin Petra Musterfrau`; the role and titles
        before the name kept as its role), an anonymous source (`Westliche Beamte`), a role someone in the article
        holds (`der Regierungschef`), an institution (`ein Sprecher des Innenministeriums`)."""
        lex = self.lex
        if AGE_NOUN.fullmatch(words[-1].text):  # "der 54-Jährige": the person of that age named before
            ent = self._definite_anaphor(words, words[-1].text, pos)
            return (ent.resolved, ent) if ent is not None else (NOBODY, None)
        caps = [i for i, w in enumerate(words) if w.capword]
        if not caps:
            return NOBODY, None
        if words[caps[-1]].lower.endswith(ANONYMOUS_ENDINGS):  # "in Brüsseler Militärkreisen"
            return Resolved(re.sub(r"^(?:%s)\s+" % ARTICLES, "", mention_text, flags=re.I), None, "anonymous"), None
        name_idx = name_words(words, lex)
        known = self._known_surname([words[i].text for i in name_idx]) if len(name_idx) == 1 else None
        if known is not None:  # "Kern" after "Christian Kern", "Merkels" after "Angela Merkel"
            known.last = max(known.last, pos)
            bisect.insort(known.mentions, pos)
            return known.resolved, known
        if name_idx:
            span = split_name([words[i].text for i in name_idx])
            name_idx = name_idx[span[0]:span[1]] if span else []
        head_candidates = [words[i].text for i in caps if not name_idx or i < name_idx[0]]
        head = head_candidates[-1] if head_candidates else None
        if name_idx:
            name = self.text[words[name_idx[0]].start:words[name_idx[-1]].end]
            first_role = next((i for i in caps if i < name_idx[0] and not before_genitive(words, i) and (
                words[i].lower not in DETERMINERS) and (is_title(words[i].text) or is_role(words[i].text, lex) or (
                    is_person_noun(words[i].text)) or word_type(words[i].text))), None)
            role = self.text[words[first_role].start:words[name_idx[0]].start].strip(" ,") \
                if first_role is not None else None
            if role is not None and not any(is_title(w) or is_role(w, lex) or is_person_noun(w) or word_type(w)
                                            for w in role.split()):
                role = None  # "Deutliche Worte Erwin Pröll": no role
            if role is not None and role.split()[0].lower() in DETERMINERS:
                role = role.split(None, 1)[1] if len(role.split()) > 1 else None
            kind = "person"
            if head and is_organisation(head, lex) and not is_role(head, lex) and not is_person_noun(head):
                kind = "institution"  # "die Zeitschrift Aula", "das Unternehmen Ikea"
            elif len(name_idx) == 1 and (not head and is_institution(name, lex) or name in place_names() or (
                    len(name) > 1 and name.isupper()) or name[:1].islower() and word_type(name) or (
                    word_type(name) in ORGANISATION_TYPES and not is_role(name, lex))):
                kind = "institution"  # "ORF", "Illinois", "t-online.de", "die Küstenwache"
            ent = self.entity(name, kind, pos, None, role if kind == "person" else None)
            if kind == "institution" and name in place_names():
                ent.type = ent.type or "government"
            resolved = ent.resolved
            return (replace(resolved, role=role) if role and kind == "person" else resolved), ent
        if head is None:
            return NOBODY, None
        bare = re.sub(r"^(?:%s)\s+" % ARTICLES, "", mention_text, flags=re.I)
        if never_a_name(head) and not is_title(head):
            return NOBODY, None
        if head in lex.anonymous or bare.split()[0] in lex.anonymous:
            return Resolved(bare, None, "anonymous"), None
        org = genitive_organisation(words, lex)
        role_word = next((words[i].text for i in caps if org is not None and i < org[0] and (
            is_role(words[i].text, lex) or is_person_noun(words[i].text))), None)
        if org is not None and role_word is not None:
            # "ein Sprecher des Innenministeriums": the ministry speaks, the role is the spokesperson's
            role = role_word
            ent = self.entity(institution_name(self.text[words[org[0]].start:words[org[1] - 1].end]),
                              "institution", pos)
            return replace(ent.resolved, role=role), ent
        if is_role(head, lex) or is_person_noun(head) and word_type(head) not in (None, *ORGANISATION_TYPES):
            ent = self._role(mention_text, head)
            if ent is not None:
                ent.last = max(ent.last, pos)
                return ent.resolved, ent
            if head in ("Sprecher", "Sprecherin"):
                ent = self._recent_institution(pos)
                if ent is not None:  # "Eine Sprecherin sagte" after "die Firma X": the firm's
                    return replace(ent.resolved, role=head), ent
            else:
                ent = self._definite_anaphor(words, head, pos)
                if ent is not None:  # "Verwaltungsrechtler Andreas Hauer …, schreibt der Professor": Hauer
                    ent.roles.add(head)
                    ent.role = ent.role or head
                    ent.type = ent.type or word_type(head)
                    return ent.resolved, ent
            # a role nobody in the article is known to hold: an unnamed source with that role
            return Resolved(bare_role(head), None, "anonymous", head, word_type(head) or "anonymous"), None
        if is_institution(head, lex) or is_organisation(head, lex) and (
                not is_person_noun(head) or word_type(head) in ORGANISATION_TYPES):  # "die Küstenwache"
            ent = self.entity(institution_name(bare), "institution", pos)
            return ent.resolved, ent
        leading = self._leading_name(words, pos)
        return leading if leading is not None else (NOBODY, None)

    def _leading_name(self, words: list[Tok], pos: int) -> tuple[Resolved, Entity | None] | None:
        """The name right at the start of a mention that ran on (`laut Schneeberger keinen Grund`), or None; a word
        right after an article is a common noun (`Die Proteste`, `Der Sprengsatz`), as in name_words, unless it
        can stand for a person (`Der Hauptgeschäftsführer des BPI`) or is an acronym (`die NASA`: an institution)."""
        run = []
        for w in words:
            if w.lower in DETERMINERS:
                if run:
                    break
                continue
            if not w.capword:
                break
            run.append(w)
        if run and run[0] is not words[0] and is_acronym(run[0].text):
            ent = self.entity(run[0].text, "institution", pos)  # "die NASA", "der VCÖ", "der EuGH": an organisation
            return ent.resolved, ent
        if len(run) == len(words) or not run or run[0] is not words[0] and not (
                is_person_noun(run[0].text) and not run[0].text.endswith("e")):
            return None
        span = split_name([w.text for w in run])
        if span is None or span[0] > 0:
            return None
        name = self.text[run[0].start:run[span[1] - 1].end]
        ent = self.entity(name, "person", pos)
        return ent.resolved, ent

    def _definite_anaphor(self, words: list[Tok], head: str, pos: int) -> Entity | None:
        """The person a definite singular role noun points back to (`der Professor`, `die Politikerin`, `der
        54-Jährige`): the person mentioned last before `pos`, at most ANAPHOR_REACH characters before, whose
        gender fits the article (der: male, die with a feminine noun: female); None for an indefinite or plural
        phrase ("ein Sprecher", "die Forscher") or when nobody fits."""
        article = words[0].lower if words else ""
        if article in MASCULINE_ARTICLES:
            gender = "m"
        elif article in ("die", "der") and head.endswith(("in", "Jährige", "jährige")) and not head.endswith("ein"):
            gender = "f" if article == "die" else None  # "der Politikerin" is a genitive or dative: either
        else:
            return None
        if gender is None:
            gender = "f"
        mentioned = [e for e in self.entities if e.kind == "person" and e.last_before(pos) >= pos - ANAPHOR_REACH]
        mentioned.sort(key=lambda e: -e.last_before(pos))
        for e in mentioned:
            if e.gender in (None, gender):
                e.last = max(e.last, pos)
                bisect.insort(e.mentions, pos)
                return e
            break  # the person mentioned last is someone else: the phrase is not theirs to guess
        return None

    def _recent_institution(self, pos: int) -> Entity | None:
        """The institution mentioned last before `pos`, if within DOCUMENT_REACH characters, other than a medium (the
        addressee or source of a spokesperson's words, not their employer)."""
        cands = [e for e in self.entities if e.kind == "institution" and e.type != "media" and (
            e.last_before(pos + 1) >= pos - DOCUMENT_REACH)]  # "Dem STANDARD sagte die Sprecherin": not the paper's
        return max(cands, key=lambda e: e.last_before(pos + 1)) if cands else None

    def _apposition(self, words: list[Tok]) -> tuple[Resolved, Entity | None] | None:
        """A role with the name in apposition: "der Sprecher von Präsident Putin, Dmitri Peskow" is Dmitri
        Peskow, role Sprecher, and "Kurt von Figura, Präsident der Universität" is Kurt von Figura, role Präsident;
        None when the mention has no such name after its last comma or before its first."""
        comma = max((k for k, w in enumerate(words) if w.text == ","), default=None)
        if comma is None or comma == 0 or comma + 1 >= len(words):
            return None
        first = next(k for k, w in enumerate(words) if w.text == ",")
        head = words[:first]
        after = next((w for w in words[first + 1:] if w.capword), None)
        if len(head) > 1 and all(w.capword or w.lower in NAME_PARTICLES for w in head) and is_first_name(
                head[0].text) and after is not None and (is_role(after.text, self.lex) or is_person_noun(after.text)):
            # "Kurt von Figura, Präsident der Universität Göttingen": the name first, its role after
            resolved, ent = self._resolve_words(head)
            if resolved.name is not None and resolved.kind == "person":
                if ent is not None:
                    ent.roles.add(after.text)
                    ent.role = ent.role or after.text
                return replace(resolved, role=resolved.role or after.text), ent
        tail = [w for w in words[comma + 1:] if w.text != ","]
        texts = [w.text for w in tail]
        role = next((w.text for w in words[:comma] if w.capword and (is_role(w.text, self.lex) or is_person_noun(
            w.text))), None)
        if not tail or not all(w.capword or w.lower in NAME_PARTICLES for w in tail) or not (
                is_first_name(texts[0]) and len(texts) > 1 or self.gaz.lookup(" ".join(texts)) is not None or (
                    role is not None and len(texts) in (2, 3) and not any(is_common_noun(t) for t in texts))):
            return None  # (a role before the comma and two or three words that are no nouns: a name no list knows)
        resolved, ent = self._resolve_words(tail)
        if resolved.name is None:
            return None
        if ent is not None and role:
            ent.roles.add(role)
            ent.role = ent.role or role
        return replace(resolved, role=resolved.role or role), ent

    def _owner_of_statement(self, before: list[Tok], noun: str, pos: int) -> tuple[Resolved, Entity | None] | None:
        """Whose statement a mention without a name of its owner is: `seiner Meinung` (his), `ihrer Darstellung`
        (hers), `eigenen Angaben` (whoever the sentence is about: the entity mentioned last), a media report
        (`einem Zeitungsbericht`: an anonymous source of the media) or a document or a statement pointed back to
        (`einer Aussendung`, `diesen Erkenntnissen`: whoever spoke last, if recently)."""
        low = [w.lower for w in before]
        if any(w.startswith("sein") for w in low):
            ent = self._pronoun("er", pos)
        elif any(w.startswith("ihr") for w in low):
            ent = self._pronoun("sie", pos)
        elif any(w.startswith("eigen") for w in low):
            mentioned = sorted((e for e in self.entities if e.last_before(pos) >= 0), key=lambda e: -e.last_before(pos))
            ent = mentioned[0] if mentioned else None
        elif (owner := self._compound_owner(noun, pos)) is not None:
            return owner  # "Polizeiangaben": the police
        elif noun.lower().endswith(("bericht", "berichten", "berichte", "berichts")):
            return Resolved(noun, None, "anonymous", None, word_type(noun) or "media"), None
        elif noun in self.lex.documents or noun.lower().endswith(DOCUMENT_ENDINGS) or any(
                w.startswith(("dies", "jen")) for w in low):  # "diesen Erkenntnissen": the ones just reported
            ent = self.last_speaker(since=pos - DOCUMENT_REACH)
            return (ent.resolved, ent) if ent is not None else (NOBODY, None)  # a document is nobody's name
        else:
            return None
        return (ent.resolved, ent) if ent is not None else None

    def _compound_owner(self, noun: str, pos: int) -> tuple[Resolved, Entity | None] | None:
        """The organisation a compound source noun names first: `Polizeiangaben` (the police), `UNO-Angaben` (the
        UN), `Regierungsangaben`; None when its first part is no organisation."""
        low = noun.lower()
        ending = next((e for e in OWNED_ENDINGS if low.endswith(e) and len(low) > len(e) + 1), None)
        if ending is None:
            return None
        first = noun[:len(noun) - len(ending)].rstrip("-")
        for form in (first[:-1] if first.endswith("s") else None, first):  # the linking s: "Regierungsangaben"
            if not form or len(form) < 2:
                continue
            actor = self.gaz.by_alias.get(fold(form))
            if actor is not None:
                ent = self.entity(actor.name, actor.kind, pos, actor)
                return ent.resolved, ent
            if is_institution(form, self.lex) or word_type(form) in ORGANISATION_TYPES:
                ent = self.entity(form, "institution", pos)
                return ent.resolved, ent
        return None

    def _known_surname(self, words: list[str]) -> Entity | None:
        """The person of the article a lone surname (or its genitive: `Merkels`) stands for, the latest one."""
        if len(words) != 1:
            return None
        word = words[0]
        for e in sorted(self.entities, key=lambda x: -x.last):
            parts = e.name.split()
            if e.kind == "person" and len(parts) > 1 and (parts[-1] == word or word == parts[-1] + "s"):
                return e
        return None

    def _role(self, mention: str, head: str) -> Entity | None:
        """The entity holding the role of `mention`: a gazetteer actor in the article with that role, else the
        latest entity seen with a role of the same head noun."""
        present = [e for e in self.entities if e.actor is not None]
        matches = self.gaz.by_role(mention, [e.actor for e in present])
        if matches:
            return next(e for e in present if e.actor is matches[0])
        low = head.lower()
        for e in sorted(self.entities, key=lambda x: -x.last):
            if any(r.lower().endswith(low) or low.endswith(r.lower().split("-")[-1]) for r in (e.roles or ())):
                return e
        return None  # a role nobody in the article is known to hold: left unresolved rather than guessed


# A definite role noun ("der Professor") points back to the person mentioned last at most this many characters
# before it (about a paragraph).
ANAPHOR_REACH = 600
MASCULINE_ARTICLES = ("der", "dem", "des")
AGE_NOUN = re.compile(r"\d+-[JjFf]ährige[rn]?")  # "der 54-Jährige", "die 30-jährige"
NAMED_AFFILIATION = ("von", "vom", "bei", "beim")  # right after a name first seen outside a speaker mention
# Source nouns whose compounds name their owner first: "Polizeiangaben", "UNO-Angaben", "Regierungskreisen" aside.
OWNED_ENDINGS = ("angaben", "angabe", "informationen", "schätzungen", "darstellung", "mitteilung", "erklärung")
ANONYMOUS_ENDINGS = ("kreise", "kreisen")  # "aus Militärkreisen", "in Bankenkreisen": nobody named

