"""Every article of the 10kgnad test sample: sections partition the text, sentences stay in their section, no raise.

Runs where the shared corpora are checked out next to the repository (`../shared/corpora/10kgnad/test.csv`).
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from framing.segment.sections import segment_sections
from framing.segment.sentences import split_sentences

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "10kgnad" / "test.csv"
# Generous ceiling for sections + sentences over the whole sample (~2.7 M characters, ~0.5 s measured on one core).
MAX_SECONDS = 10.0


@pytest.fixture(scope="module")
def articles() -> list[str]:
    if not SAMPLE.exists():
        pytest.skip(f"10kgnad sample not found at {SAMPLE} (it lives in ../shared, outside the repository)")
    with open(SAMPLE, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";", quotechar="'"))
    texts = [row[1] for row in rows if len(row) >= 2]
    assert texts, f"no articles read from {SAMPLE}"
    return texts


def test_sections_partition_every_article_and_sentences_stay_inside(articles: list[str]) -> None:
    started = time.perf_counter()
    for number, text in enumerate(articles, start=1):
        sections = segment_sections(text)
        if not text:
            assert sections == []
            continue
        assert sections[0].start == 0, number
        assert sections[-1].end == len(text), number
        assert all(left.end == right.start for left, right in zip(sections, sections[1:])), number
        for section in sections:
            previous_end = section.start
            for start, end in split_sentences(text, section.start, section.end):
                assert previous_end <= start < end <= section.end, number
                previous_end = end
    elapsed = time.perf_counter() - started
    assert elapsed < MAX_SECONDS, f"{len(articles)} articles took {elapsed:.1f} s"


def test_most_articles_are_reporting(articles: list[str]) -> None:
    """The sample has no markers and no line breaks: apart from end credits, everything is reporting."""
    kinds = {section.kind for text in articles for section in segment_sections(text)}
    assert kinds <= {"reporting", "boilerplate", "headline"}
