"""Speakers of one article: the entities it mentions, and who a speaker mention stands for.

In: the article text, the actor gazetteer and the lexicon; then, sentence by sentence, the tokens of the
sentence (to register the actors it names) and the token span of each speaker mention. Out: for a mention, a
`Resolved` speaker (name, group, kind: the gazetteer's canonical name or the fullest name form in the article;
person / institution / anonymous / unknown) and the `Entity` it is, with pronouns (`er`, `sie`), relative pronouns
and role nouns (`die Grünen-Politikerin`) resolved to an entity mentioned before. The tracker is per article and
keeps state (entities, who spoke last), so mentions must be resolved in article order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from framing.actors.gazetteer import Actor, Gazetteer, fold
from framing.quotes.lexicon import (ADVERBS, ARTICLES, CUT_PREPOSITIONS, DEFINITE_ARTICLES, DETERMINERS,
                                    NAME_PARTICLES, POSSESSIVES, PRONOUNS, RELATIVES, Lexicon, alternation)
from framing.quotes.marks import QUOTE_CHARS
from framing.quotes.tokens import Tok, is_adjective, is_attribution_noun, is_institution, is_role

COMMON_NOUN = re.compile(r"(?:%s)$" % alternation("common_noun_endings"))
# Actor names are looked up in a sentence over at most this many tokens, longest first: "Ursula von der Leyen".
ALIAS_WORDS = (4, 3, 2, 1)


@dataclass(frozen=True)
class Resolved:
    """Who a speaker mention stands for: a name (None when unresolved), the actor's group and the kind of speaker
    (person / institution / anonymous / reader / unknown)."""

    name: str | None = None
    group: str | None = None
    kind: str = "unknown"


NOBODY = Resolved()


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

    @property
    def resolved(self) -> Resolved:
        return Resolved(self.name, self.group, self.kind)

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
            for e in self.entities:
                if e.kind == kind and (e.name == name or kind == "person" and e.name.split()[-1] == surname):
                    found = e
                    break
        if found is None:
            found = Entity(name=name, kind=kind, group=actor.group if actor else None, actor=actor)
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
        return self._resolve_words(toks[span[0]:span[1]])

    def _resolve_words(self, words: list[Tok]) -> tuple[Resolved, Entity | None]:
        lex = self.lex
        words = [w for w in words if w.text not in QUOTE_CHARS] or words  # Laut „Reuters“
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
                    return ent.resolved, ent
        return self._resolve_name_or_head(words, mention_text, pos)

    def _resolve_name_or_head(self, words: list[Tok], mention_text: str, pos: int) -> tuple[Resolved, Entity | None]:
        """A mention that is no gazetteer alias: a name (`Die Analystin Petra Musterfrau`), an anonymous source
        (`Westliche Beamte`), a role someone in the article holds (`der Regierungschef`) or an institution."""
        lex = self.lex
        caps = [i for i, w in enumerate(words) if w.capword]
        if not caps:
            return NOBODY, None
        name_idx = _name_words(words, lex)
        head_candidates = [words[i].text for i in caps if i not in name_idx]
        head = head_candidates[-1] if head_candidates else None
        if name_idx:
            name = self.text[words[name_idx[0]].start:words[name_idx[-1]].end]
            kind = "institution" if head and is_institution(head, lex) and not is_role(head, lex) else "person"
            if kind == "person" and len(name_idx) == 1 and not head and is_institution(name, lex):
                kind = "institution"
            role = head if head and is_role(head, lex) else None
            ent = self.entity(name, kind, pos, None, role)
            return ent.resolved, ent
        if head is None:
            return NOBODY, None
        bare = re.sub(r"^(?:%s)\s+" % ARTICLES, "", mention_text, flags=re.I)
        if head in lex.anonymous or bare.split()[0] in lex.anonymous:
            return Resolved(bare, None, "anonymous"), None
        if is_role(head, lex):
            ent = self._role(mention_text, head)
            if ent is not None:
                ent.last = max(ent.last, pos)
                return ent.resolved, ent
            return NOBODY, None
        if is_institution(head, lex):
            ent = self.entity(bare, "institution", pos)
            return ent.resolved, ent
        return NOBODY, None

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


def _name_words(words: list[Tok], lex: Lexicon) -> list[int]:
    """The positions of the name in a mention: the trailing run of capitalised words that are not role,
    institution or anonymous nouns and do not directly follow a determiner or adjective (those are common
    nouns); empty when the mention holds no name."""
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
    name_idx: list[int] = []
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
    return name_idx
