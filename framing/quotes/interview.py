"""Interviews as speech: every answer of an interview is a quotation of its interviewee (mode `interview`).

In: the scan of one article (framing.quotes.attribute, after both passes) and its `Interview` layout
(framing.segment.interview). Out: the scan's quotes with each answer added as a quote of mode `interview` — its
cue and speaker mention the answer's label (`Poposki:`), its speaker resolved in the article like any speaker (a
surname to the fullest name form the article gives, `Nikola Poposki`, with role, group and type) — and the quotes
found inside the answers dropped (the whole answer is the interviewee's already). The questions stay the
journalist's own words.
"""

from __future__ import annotations

import re
from typing import Any

from framing.quotes.speakers import Resolved
from framing.segment.interview import Interview, Turn

INTERVIEW_MODE = "interview"


def add_answers(scan: Any, interview: Interview) -> None:
    """Replace the quotes inside the answers by one `interview` quote per answer (see the module docstring)."""
    answers = interview.answers
    if not answers:
        return
    spans = [(t.start, t.end) for t in answers]
    scan.items = [(at, q) for at, q in scan.items if not any(q.start < e and s < q.end for s, e in spans)]
    speakers: dict[str | None, Resolved] = {}
    for turn in answers:
        if turn.label not in speakers:
            speakers[turn.label] = _speaker(scan, interview, turn)
        who = speakers[turn.label]
        label_end = turn.label_start + len(turn.label) if turn.label else None
        scan.add(_quote(turn, who, label_end, scan.text))


def _quote(turn: Turn, who: Resolved, label_end: int | None, text: str):
    from framing.quotes.attribute import Quote

    has_label = label_end is not None
    known = who.name is not None
    return Quote(mode=INTERVIEW_MODE, start=turn.start, end=turn.end,
                 cue=text[turn.label_start:turn.start].strip() if has_label else None,
                 cue_start=turn.label_start if has_label else None, cue_end=turn.start if has_label else None,
                 speaker_mention=turn.label, speaker_start=turn.label_start if has_label else None,
                 speaker_end=label_end, speaker=who.name, speaker_group=who.group,
                 speaker_kind=who.kind if known else "unknown", speaker_role=who.role if known else None,
                 speaker_type=who.type if known else "unknown")


def _speaker(scan: Any, interview: Interview, turn: Turn) -> Resolved:
    """Who answers under `turn`'s label: the label resolved in the article (a surname or a full name), else the
    person of the article whose surname or initials the label is, else (`Antwort:`, no label) the person the intro
    names most."""
    label = turn.label
    generic = label is None or _is_generic(label)
    if not generic:
        si = scan.sentence_of(turn.label_start)
        toks = scan.toks[si]
        inside = [k for k, t in enumerate(toks) if turn.label_start <= t.start and t.end <= turn.label_start + len(label)]
        if inside:
            resolved, _ = scan.art.resolve((inside[0], inside[-1] + 1), toks)
            if resolved.name is not None:
                return resolved
    people = [e for e in scan.art.entities if e.kind == "person" and e.mentions]
    if not generic:
        letters = re.sub(r"[^A-ZÄÖÜ]", "", label)
        for ent in people:
            parts = ent.name.split()
            if parts[-1] == label or ent.name == label or (
                    len(letters) >= 2 and len(parts) >= 2 and letters == parts[0][0] + parts[-1][0]):
                return ent.resolved
        return Resolved(name=label, kind="person")
    intro_end = interview.turns[0].label_start
    named = [e for e in people if e.mentions[0] < intro_end and len(e.name.split()) >= 2]
    if named:
        return max(named, key=lambda e: (len(e.mentions), -e.mentions[0])).resolved
    return Resolved()


def _is_generic(label: str) -> bool:
    from framing.segment.interview import _words

    return label in _words()["answer_labels"]
