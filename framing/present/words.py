"""Counted nouns in the dashboard's English sentences: `1 outlet`, `13 outlets`, `1 undated article`."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`word` for one, else `many` (default: `word` + "s"), without the number: f"{n:,} {plural(n, 'outlet')}"."""
    return word if n == 1 else many or f"{word}s"


def counted(n: int, word: str, many: str | None = None) -> str:
    """The number and its noun: `1 outlet`, `1,204 articles`."""
    return f"{n:,} {plural(n, word, many)}"
