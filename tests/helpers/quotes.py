"""Helpers for the quotation tests: quotes of a text or a seed article, and the quote holding a fragment."""

from __future__ import annotations

from framing.quotes import Quote, find_quotes
from framing.segment.sections import segment_sections
from framing.segment.sentences import split_sentences
from tests.helpers import SEED_CORPUS


def quotes_of(text: str, sections=None) -> list[Quote]:
    """find_quotes on a text split into sentences (and sections, unless given: `sections=()` for none)."""
    return find_quotes(text, split_sentences(text), segment_sections(text) if sections is None else sections)


def seed(prefix: str) -> tuple[str, list[Quote]]:
    """The text and the quotes of the seed article whose file name starts with `prefix` ("004")."""
    path = next(SEED_CORPUS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, quotes_of(text)


def find(text: str, quotes: list[Quote], fragment: str) -> Quote:
    """The quote whose message is `fragment`, else the longest that contains it (reported speech over its parts)."""
    exact = [q for q in quotes if text[q.start:q.end] == fragment]
    if exact:
        return exact[0]
    hits = [q for q in quotes if fragment in text[q.start:q.end]]
    assert hits, f"no quote contains {fragment!r}"
    return max(hits, key=lambda q: q.end - q.start)
