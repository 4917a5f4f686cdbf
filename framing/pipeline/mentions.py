"""The mention tables of one article: every mention of a followed term and of a named actor, with the tone
towards it (framing.score.towards) and the voice it stands in.

In: the article text and the rows analyze_text made for its sentences, voice segments and quotes; the corpus's
terms (framing.terms.TermList). Out: rows of schema.TERM_MENTIONS and schema.ACTOR_MENTIONS without `article_id`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from framing.terms import Mention, Term, TermList, find_mentions

ACTOR_KINDS = ("person", "institution")
MIN_SURNAME = 3  # a surname shorter than this is not looked for on its own (Xi is found as Xi Jinping only)


class Place:
    """Which sentence and which voice an offset of the article lies in."""

    def __init__(self, sentences: Sequence[dict], segments: Sequence[dict]):
        self.sentences = sorted(sentences, key=lambda r: r["start"])
        self.starts = [r["start"] for r in self.sentences]
        self.segments = sorted(segments, key=lambda r: r["start"])
        self.segment_starts = [r["start"] for r in self.segments]

    def sentence(self, pos: int) -> dict | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i]["end"] else None

    def context(self, text: str, sentence: dict | None) -> tuple[str, ...]:
        """The sentence before and the one after, within the same section (the tone towards a mention reads them
        as one text, joined by a space)."""
        if sentence is None:
            return ()
        i = bisect.bisect_left(self.starts, sentence["start"])  # sentences do not overlap: one starts there
        if i >= len(self.sentences) or self.sentences[i] is not sentence:
            i = self.sentences.index(sentence)
        near = [self.sentences[k] for k in (i - 1, i + 1) if 0 <= k < len(self.sentences)
                and self.sentences[k]["section_id"] == sentence["section_id"]]
        return tuple(text[r["start"]:r["end"]] for r in near)

    def voice(self, pos: int, sentence: dict | None) -> str:
        i = bisect.bisect_right(self.segment_starts, pos) - 1
        if i >= 0 and pos < self.segments[i]["end"]:
            return self.segments[i]["voice"]
        return sentence["voice"] if sentence is not None else "journalist"


def _scored(text: str, place: Place, mention: Mention) -> dict:
    from framing.score.towards import score_towards

    sentence = place.sentence(mention.start)
    voice = place.voice(mention.start, sentence)
    if sentence is None:  # a mention outside every sentence (a heading the splitter left out): its line
        a = text.rfind("\n", 0, mention.start) + 1
        b = text.find("\n", mention.end)
        b = len(text) if b < 0 else b
        sid = None
    else:
        a, b, sid = sentence["start"], sentence["end"], sentence["sentence_id"]
    score = score_towards(text[a:b], mention.start - a, mention.end - a, voice, place.context(text, sentence))
    return {"sentence_id": sid, "start": mention.start, "end": mention.end, "text": mention.text, "voice": voice,
            "tone": score.tone, "tone_label": score.label, "tone_evidence": "; ".join(score.evidence) or None}


def term_mention_rows(text: str, terms: TermList | None, sentences: Sequence[dict],
                      segments: Sequence[dict]) -> list[dict]:
    """TERM_MENTIONS rows (without article_id) for every mention of `terms` in `text`."""
    if not terms:
        return []
    place = Place(sentences, segments)
    return [{"term": m.term, "label": m.label, **_scored(text, place, m)} for m in find_mentions(text, terms)]


@functools.cache
def _gazetteer_terms() -> tuple[TermList, dict[str, tuple[str | None, str]]]:
    """The shipped gazetteer's names and aliases as terms (label: the canonical name), with group and kind."""
    from framing.actors.gazetteer import load_gazetteer

    actors = load_gazetteer().actors
    owners: dict[str, set[str]] = {}
    roles = {role for actor in actors for role in actor.roles}
    for actor in actors:
        for form in (actor.name, *actor.aliases):
            owners.setdefault(form, set()).add(actor.name)
    terms, info = [], {}
    for actor in actors:
        info[actor.name] = (actor.group, actor.kind)
        for form in dict.fromkeys((actor.name, *actor.aliases)):
            # a role noun or a form two actors share (Präsident) names nobody by itself
            if len(form) >= MIN_SURNAME and form not in roles and len(owners[form]) == 1 and form[:1].isupper():
                terms.append(Term(form, actor.name, compounds="hyphen"))
    return TermList(tuple(dict.fromkeys(terms))), info


def actor_mention_rows(text: str, quotes: Sequence[dict], sentences: Sequence[dict],
                       segments: Sequence[dict]) -> list[dict]:
    """ACTOR_MENTIONS rows (without article_id): each mention by name of an actor the article quotes or the
    gazetteer knows. Mentions inside the actor's own quotations are left out (what one says of oneself)."""
    gazetteer, info = _gazetteer_terms()
    found: dict[str, tuple[str | None, str]] = {}
    speaker_terms: list[Term] = []
    own: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        name, kind = q.get("speaker"), q.get("speaker_kind")
        if not name or kind not in ACTOR_KINDS:
            continue
        found.setdefault(name, (q.get("speaker_group"), kind))
        own.setdefault(name, []).append((q["start"], q["end"]))
        forms = [name]
        if kind == "person" and " " in name and len(name.split()[-1]) >= MIN_SURNAME:
            forms.append(name.split()[-1])
        speaker_terms += [Term(form, name) for form in forms]
    mentions = find_mentions(text, gazetteer) + find_mentions(text, TermList(tuple(dict.fromkeys(speaker_terms))))
    place = Place(sentences, segments)
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        actor = m.label
        if any(k.label == actor and k.start <= m.start < k.end for k in kept[-3:]):
            continue  # "Olaf Scholz" and "Scholz" in it: one mention of the actor
        if any(a <= m.start < b for a, b in own.get(actor, ())):
            continue
        kept.append(m)
    rows = []
    for m in kept:
        group, kind = found.get(m.label) or info.get(m.label, (None, "person"))
        rows.append({"actor": m.label, "actor_group": group, "actor_kind": kind, **_scored(text, place, m)})
    return rows
