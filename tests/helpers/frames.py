"""Small hand-built analysis tables for the comparison, filter, reuse and export tests."""

from __future__ import annotations

import datetime as dt

from framing import schema
from framing.pipeline import Analysis


def article(article_id: str, outlet: str | None, date: str | None = None, text: str = "", title: str = "") -> dict:
    """An ARTICLES row; `date` as "2025-08-22", "2024-12" or None sets precision, date_first and date_last."""
    first = last = None
    precision = "none"
    if date and len(date) == 10:
        first = last = dt.date.fromisoformat(date)
        precision = "day"
    elif date and len(date) == 7:
        year, month = int(date[:4]), int(date[5:])
        first = dt.date(year, month, 1)
        last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
        precision = "month"
    return {
        "article_id": article_id,
        "outlet": outlet,
        "agency": None,
        "date": date,
        "date_precision": precision,
        "date_first": first,
        "date_last": last,
        "title": title,
        "url": None,
        "text": text,
        "source_path": f"{article_id}.txt",
        "encoding": "utf-8",
        "provenance": "test",
        "n_chars": len(text),
    }


def section(article_id: str, section_id: int, kind: str, start: int, end: int, text: str = "") -> dict:
    return {
        "article_id": article_id,
        "section_id": section_id,
        "kind": kind,
        "start": start,
        "end": end,
        "heading": None,
        "author": None,
        "text": text or "x" * (end - start),
    }


def sentence(
    article_id: str,
    sentence_id: int,
    section_id: int,
    kind: str,
    voice: str = "journalist",
    *,
    tone: float = 0.0,
    polarity: float = 0.0,
    opinion: float = 0.0,
    text: str = "Satz.",
    start: int = 0,
) -> dict:
    label = "positive" if tone > 0.1 else "negative" if tone < -0.1 else "neutral"
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "section_id": section_id,
        "kind": kind,
        "start": start,
        "end": start + len(text),
        "text": text,
        "voice": voice,
        "quoted_share": 1.0 if voice == "quoted" else 0.0,
        "polarity_textblob": polarity,
        "tone": tone,
        "tone_label": label,
        "tone_evidence": "",
        "opinion": opinion,
        "opinion_signals": "deontic: muss" if opinion >= 0.5 else "",
    }


def segment(article_id: str, sentence_id: int, voice: str, n_chars: int, tone: float, start: int = 0) -> dict:
    label = "positive" if tone > 0.1 else "negative" if tone < -0.1 else "neutral"
    return {
        "article_id": article_id,
        "sentence_id": sentence_id,
        "voice": voice,
        "start": start,
        "end": start + n_chars,
        "n_chars": n_chars,
        "tone": tone,
        "tone_label": label,
    }


def quote(
    article_id: str,
    quote_id: int,
    section_id: int,
    speaker: str | None,
    mode: str = "direct",
    n_words: int = 5,
    group: str | None = None,
    kind: str = "person",
    start: int | None = None,
    end: int | None = None,
) -> dict:
    """A QUOTES row; by default each quote has its own span (start = 1000 * quote_id), so none is nested."""
    start = 1000 * quote_id if start is None else start
    end = start + 10 if end is None else end
    return {
        "article_id": article_id,
        "quote_id": quote_id,
        "section_id": section_id,
        "mode": mode,
        "start": start,
        "end": end,
        "text": "zitat " * n_words,
        "n_words": n_words,
        "cue": "sagte",
        "cue_start": 0,
        "cue_end": 5,
        "speaker_mention": speaker,
        "speaker_start": 0,
        "speaker_end": 5,
        "speaker": speaker,
        "speaker_group": group,
        "speaker_kind": kind,
    }


def make_analysis(articles=(), sections=(), sentences=(), segments=(), quotes=()) -> Analysis:
    """An Analysis with exactly the schema's columns from lists of row dicts."""
    return Analysis(
        articles=schema.frame(list(articles), schema.ARTICLES),
        sections=schema.frame(list(sections), schema.SECTIONS),
        sentences=schema.frame(list(sentences), schema.SENTENCES),
        voice_segments=schema.frame(list(segments), schema.VOICE_SEGMENTS),
        quotes=schema.frame(list(quotes), schema.QUOTES),
        errors=schema.empty(schema.ERRORS),
    )


def small_corpus() -> Analysis:
    """Three articles: nd (dated day, reporting with a Lawrow quote), OZD (undated, reporting + commentary +
    reader comments), and one with unknown outlet and month-precision date."""
    return make_analysis(
        articles=[
            article("a1", "nd", "2025-08-22", text="Lawrow sagte etwas. Kiew hofft.", title="Lawrow spricht"),
            article("a2", "OZD", None, text="Rutte sagte viel. Das muss anders werden. Leser meint.", title="Rutte"),
            article("a3", None, "2024-12", text="Rutte erklärte in Brüssel.", title="Nato"),
        ],
        sections=[
            section("a1", 0, "reporting", 0, 30),
            section("a2", 0, "reporting", 0, 18),
            section("a2", 1, "commentary", 18, 40),
            section("a2", 2, "reader_comment", 40, 52),
            section("a3", 0, "reporting", 0, 26),
        ],
        sentences=[
            sentence("a1", 0, 0, "reporting", "quoted", tone=-0.5, polarity=-0.2, opinion=0.0),
            sentence("a1", 1, 0, "reporting", "journalist", tone=0.5, polarity=0.1, opinion=0.6),
            sentence("a2", 0, 0, "reporting", "journalist", tone=0.0, opinion=0.0),
            sentence("a2", 1, 1, "commentary", "journalist", tone=-0.6, opinion=0.9),
            sentence("a2", 2, 2, "reader_comment", "reader", tone=0.3, opinion=0.7),
            sentence("a3", 0, 0, "reporting", "journalist", tone=0.0, opinion=0.2),
        ],
        segments=[
            segment("a1", 0, "journalist", 12, 0.0, start=0),
            segment("a1", 0, "quoted", 8, -0.5, start=12),
            segment("a1", 1, "journalist", 10, 0.5, start=20),
            segment("a2", 0, "journalist", 18, 0.0, start=0),
            segment("a2", 1, "journalist", 22, -0.6, start=18),
            segment("a2", 2, "reader", 12, 0.3, start=40),
            segment("a3", 0, "journalist", 26, 0.0, start=0),
        ],
        quotes=[
            quote("a1", 0, 0, "Sergej Lawrow", "direct", 4, "Russia"),
            quote("a1", 1, 0, "Sergej Lawrow", "indirect", 6, "Russia"),
            quote("a2", 0, 0, "Mark Rutte", "partial", 3, "NATO"),
            quote("a2", 1, 0, "Sergej Lawrow", "direct", 2, "Russia"),
            quote("a2", 2, 2, "Tilli", "direct", 10, None, "reader"),
            quote("a3", 0, 0, "Mark Rutte", "indirect", 5, "NATO"),
        ],
    )
