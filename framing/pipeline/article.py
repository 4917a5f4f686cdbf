"""One article's analysis: text in, rows of every per-article table out.

In: an article's text (and the corpus's terms). Out: `analyze_text`'s rows for the sections, sentences (voice,
tone, opinion, textblob-de polarity), voice segments, quotes, term mentions and actor mentions tables (schema.py),
without `article_id`. Pure: the stages run in data-flow
order (segment -> quotes -> score) and nothing touches the file system but the data files the stages load once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from framing import schema
from framing.terms import TermList

_LETTER = re.compile(r"[^\W\d_]")


def names_masked(text: str, quotes: Iterable) -> str:
    """`text` with every word of a quoted person's name that the tone lexicon would score written as `Xxxx` of the
    same length (`Katharina Dröge` … `Dröge sagte`: Dröge is no drug; nor are Held or Schaden), so that tone and
    opinion do not read a name as a sentiment word; offsets stay. The text itself when there is none."""
    from framing.score.tone import after_first_name, word_polarity

    words = set()
    for q in quotes:
        parts = q.speaker.split() if q.speaker_kind == "person" and q.speaker else []
        # a first name and more: a lone word may be a noun the speaker search took for a name
        if len(parts) > 1 and after_first_name(parts[0], parts[1]):
            words.update(w for w in parts[1:] if len(w) > 1 and (hit := word_polarity(w)) is not None and hit[1])
    if not words:
        return text
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: "X" + "x" * (len(m.group()) - 1), text)


# Per-article tables as produced by analyze_text: rows keyed by position, not yet by article_id.
PER_ARTICLE = {
    "sections": schema.SECTIONS,
    "sentences": schema.SENTENCES,
    "voice_segments": schema.VOICE_SEGMENTS,
    "quotes": schema.QUOTES,
    "term_mentions": schema.TERM_MENTIONS,
    "actor_mentions": schema.ACTOR_MENTIONS,
}


def _voice_spans(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Split [start, end) into journalist / quoted stretches."""
    spans: list[tuple[str, int, int]] = []
    cursor = start
    for q_start, q_end in quoted:
        q_start, q_end = max(q_start, start), min(q_end, end)
        if q_end <= q_start:
            continue
        if q_start > cursor:
            spans.append(("journalist", cursor, q_start))
        spans.append(("quoted", max(q_start, cursor), q_end))
        cursor = max(cursor, q_end)
    if cursor < end:
        spans.append(("journalist", cursor, end))
    return spans


def _merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(intervals):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def analyze_text(text: str, *, textblob: bool = True, terms: TermList | None = None,
                 genre: str | None = None) -> dict[str, list[dict]]:
    """Sections, sentences (with voice, tone, opinion), voice segments, quotes, and the mentions of the corpus's
    `terms` and of named actors with the tone towards each, of one article text.

    Rows carry every column of their schema except `article_id`. With textblob=False the textblob-de
    polarity column is left empty (it is by far the slowest step). `genre` (articles.genre): a commentary's or an
    analysis's running text takes that section kind; in an interview (or, with no genre given, in a text with a
    question-and-answer layout) every answer is a quotation of the interviewee.
    """
    from framing.pipeline.mentions import actor_mention_rows, term_mention_rows
    from framing.score.opinion import score_opinion
    from framing.quotes import find_quotes
    from framing.segment.genre import sections_for_genre
    from framing.segment.interview import find_interview
    from framing.segment.sections import segment_sections
    from framing.segment.sentences import split_sentences
    from framing.score.textblob.offline import textblob_polarity
    from framing.score.tone import score_tone

    sections = sections_for_genre(segment_sections(text), genre)
    interview = find_interview(text, hinted=genre == "interview") if genre in (None, "interview") else None
    section_rows = [
        {"section_id": i, "kind": s.kind, "start": s.start, "end": s.end, "heading": s.heading,
         "author": s.author, "text": text[s.start : s.end]}
        for i, s in enumerate(sections)
    ]
    spans: list[tuple[int, int, int]] = []  # (section_id, start, end)
    for i, s in enumerate(sections):
        spans.extend((i, a, b) for a, b in split_sentences(text, s.start, s.end))
    quotes = find_quotes(text, [(a, b) for _, a, b in spans], sections, interview=interview)

    section_starts = [s.start for s in sections]

    def section_of(offset: int) -> int:
        i = bisect.bisect_right(section_starts, offset) - 1  # sections partition the text, in order
        return i if i >= 0 and offset < sections[i].end else max(0, len(sections) - 1)

    quote_rows = []
    for i, q in enumerate(quotes):
        quote_rows.append({
            "quote_id": i, "section_id": section_of(q.start), "mode": q.mode, "start": q.start, "end": q.end,
            "text": text[q.start : q.end], "n_words": len(text[q.start : q.end].split()),
            "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end,
            "speaker_mention": q.speaker_mention, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
            "speaker": q.speaker, "speaker_group": q.speaker_group, "speaker_kind": q.speaker_kind,
            "speaker_role": q.speaker_role, "speaker_type": q.speaker_type, "speaker_merge": None,
            "speaker_gender": q.speaker_gender, "speaker_gender_evidence": q.speaker_gender_evidence,
        })
    scored = names_masked(text, quotes)  # what tone and opinion read: the people's names that are sentiment words masked
    quoted = _merge_intervals((q.start, q.end) for q in quotes if q.speaker_kind != "reader"
                              and q.mode != schema.TERM_MODE)  # a quoted term is the journalist's own voice
    quoted_starts, quoted_ends = [a for a, _ in quoted], [b for _, b in quoted]  # sorted: the intervals are disjoint

    sentence_rows, segment_rows = [], []
    for sentence_id, (section_id, start, end) in enumerate(spans):
        kind = sections[section_id].kind
        sentence = text[start:end]
        inside = quoted[bisect.bisect_right(quoted_ends, start): bisect.bisect_left(quoted_starts, end)]
        if kind == "reader_comment":
            parts = [("reader", start, end)]
        else:
            parts = _voice_spans(start, end, inside)
        chars = {"journalist": 0, "quoted": 0, "reader": 0}
        for voice, a, b in parts:
            chars[voice] += b - a
            piece = text[a:b]
            if not _LETTER.search(piece):
                continue
            piece_tone = score_tone(scored[a:b])
            segment_rows.append({"sentence_id": sentence_id, "voice": voice, "start": a, "end": b,
                                 "n_chars": b - a, "tone": piece_tone.tone, "tone_label": piece_tone.label})
        tone = score_tone(scored[start:end])
        reported = [] if kind == "reader_comment" else [
            (max(a, start) - start, min(b, end) - start) for a, b in inside
        ]
        opinion = score_opinion(scored[start:end], reported)
        sentence_rows.append({
            "sentence_id": sentence_id, "section_id": section_id, "kind": kind, "start": start, "end": end,
            "text": sentence, "voice": max(chars, key=lambda v: chars[v]),
            "quoted_share": chars["quoted"] / max(1, end - start),
            "polarity_textblob": textblob_polarity(sentence) if textblob else None,
            "tone": tone.tone, "tone_label": tone.label, "tone_evidence": "; ".join(tone.evidence) or None,
            "opinion": opinion.opinion, "opinion_signals": "; ".join(opinion.signals) or None,
        })
    return {"sections": section_rows, "sentences": sentence_rows, "voice_segments": segment_rows,
            "quotes": quote_rows, "term_mentions": term_mention_rows(text, terms, sentence_rows, segment_rows),
            "actor_mentions": actor_mention_rows(text, quote_rows, sentence_rows, segment_rows)}
