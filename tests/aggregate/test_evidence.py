"""Evidence lists: the outlet's own opinionated sentences ranked (ties broken by the signals found) and paged; the
article picker labels every article from its real title or text."""

from __future__ import annotations

import dataclasses

import polars as pl
import pytest

from framing.aggregate import evidence
from framing.aggregate.codes import encode_ids

from tests.helpers.frames import article, make_analysis, sentence, small_corpus


def test_only_the_journalists_sentences_ranked_with_the_text_first():
    ranked = evidence.opinionated_sentences(small_corpus())
    assert ranked.columns[0] == "text"
    assert ranked["opinion"].to_list() == sorted(ranked["opinion"].to_list(), reverse=True)
    assert ranked.select("article_id", "sentence_id").rows()[:2] == [("a2", 1), ("a1", 1)]
    assert "reader" not in small_corpus().sentences.join(ranked.select("article_id", "sentence_id"),
                                                         on=["article_id", "sentence_id"])["voice"].to_list()
    assert evidence.opinionated_sentences(small_corpus(), "nd")["outlet"].unique().to_list() == ["nd"]
    assert evidence.opinionated_sentences(small_corpus(), "(unknown outlet)")["article_id"].to_list() == ["a3"]


def test_a_tie_in_the_score_goes_to_the_sentence_with_more_signals():
    one, three = sentence("a", 0, 0, "commentary", opinion=1.0), sentence("a", 1, 0, "commentary", opinion=1.0)
    three["opinion_signals"] = "deontic: muss; modal particle: doch; loaded word: Skandal"
    ranked = evidence.opinionated_sentences(make_analysis(articles=[article("a", "X")], sentences=[one, three]))
    assert ranked["sentence_id"].to_list() == [1, 0] and ranked["n_signals"].to_list() == [3, 1]


@pytest.mark.parametrize(("signals", "n"), [(None, 0), ("", 0), (" ", 0), ("\u00a0\u2003\t\n", 0), ("doch", 1),
                                             (" doch ", 1), ("a; b", 2), (";", 2), ("\u00a0;", 2)])
def test_signals_counted_as_the_stripped_text_says(signals, n):
    one = sentence("a", 0, 0, "commentary", opinion=0.5)
    one["opinion_signals"] = signals
    assert evidence.opinionated_sentences(make_analysis(articles=[article("a", "X")], sentences=[one]))[
        "n_signals"].to_list() == [n]


def test_the_same_rows_from_frames_of_many_chunks_and_of_articles_without_sentences():
    corpus = small_corpus()
    chunked = make_analysis(articles=[article("none", "X")], sentences=[]).articles
    many = dataclasses.replace(corpus, sentences=pl.concat([corpus.sentences.slice(i, 1)
                                                            for i in range(corpus.sentences.height)], rechunk=False),
                               articles=pl.concat([corpus.articles, chunked], rechunk=False, how="diagonal_relaxed"))
    assert many.sentences.n_chunks() > 1
    assert evidence.opinionated_sentences(many).equals(evidence.opinionated_sentences(corpus))


def test_pages():
    df = pl.DataFrame({"n": list(range(25))})
    assert evidence.n_pages(df) == 3 and evidence.n_pages(df.head(0)) == 1
    assert evidence.page_of(df, 3)["n"].to_list() == list(range(20, 25))
    assert evidence.page_of(df, 9)["n"].to_list() == list(range(20, 25))  # clamped
    assert evidence.page_of(df, 0)["n"].to_list() == list(range(10))


def test_picker_labels_every_article_from_its_real_text_without_a_cap():
    arts = [article(f"x{i:04d}", "X", "2025-01-01", text=f"Erste Zeile {i}\nRest", title="") for i in range(1500)]
    corpus = make_analysis(articles=arts + [article("t", None, None, text="", title="Titel")])
    labels = evidence.article_labels(corpus.articles)
    assert len(labels) == 1501
    assert labels["x0007"] == "X · 2025-01-01 · Erste Zeile 7 [x0007]"
    assert labels["t"] == "(unknown outlet) · undated · Titel [t]"
    # the integer-code tables carry a stand-in text ("w w w"): the labels must never be built from it
    fast, _ = encode_ids(corpus)
    assert "w w" in fast.articles["text"][0] and "w w" not in labels["x0007"]


def test_the_evidence_of_a_speaker_in_an_outlet_is_their_longest_statement():
    from framing.aggregate.evidence import speaker_quote
    from tests.helpers.frames import small_corpus

    corpus = small_corpus()
    assert speaker_quote(corpus, "nd", "Sergej Lawrow") == {"article_id": "a1", "quote_id": 1}  # 6 words, not 4
    assert speaker_quote(corpus, "OZD", "Sergej Lawrow") == {"article_id": "a2", "quote_id": 1}
    assert speaker_quote(corpus, "(unknown outlet)", "Mark Rutte") == {"article_id": "a3", "quote_id": 0}
    assert speaker_quote(corpus, "nd", "Mark Rutte") is None
    assert speaker_quote(corpus, "OZD", "Tilli") is None  # a reader is nobody quoted
