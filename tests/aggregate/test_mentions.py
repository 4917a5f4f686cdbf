"""The evidence behind the term and actor tone: per outlet and term (or actor) the mentions with the most clearly
toned tone, largest |tone| first; a tie goes to the lower tone, then the earlier article and offset, then the order
the mentions come in."""

from __future__ import annotations

import dataclasses
import random

import polars as pl
import pytest

from framing import schema
from framing.aggregate import mentions
from tests.helpers.frames import article, make_analysis, sentence


def _definition(analysis, table: str, item: list[str], n: int) -> pl.DataFrame:
    """The table as defined: every mention sorted by outlet, item, tone, article and offset, ranked by |tone|
    within its outlet and item (ties in the order sorted), the first `n` kept."""
    from framing.aggregate.grouping import _with_keys

    found = _with_keys(getattr(analysis, table), analysis.articles, "month").drop("period").rename({"text": "mention"})
    order = ["outlet", *item, "tone", "article_id", "start"]
    ranked = (found.sort(order, nulls_last=True, maintain_order=True)
              .with_columns(pl.col("tone").abs().rank("ordinal", descending=True).over(["outlet", *item])
                            .alias("_rank"))
              .filter(pl.col("_rank") <= n))
    texts = analysis.sentences.select("article_id", "sentence_id", pl.col("text").alias("sentence"))
    return (ranked.join(texts, on=["article_id", "sentence_id"], how="left", maintain_order="left")
            .sort(["outlet", *item, "_rank"], nulls_last=True)
            .select("outlet", *item, "article_id", "sentence_id", "start", "end", "mention", "voice", "tone",
                    "tone_label", "tone_evidence", "sentence"))


def _corpus(seed: int):
    """Four articles of two outlets (one unknown), their sentences, and mentions drawn so that ties in |tone|
    (-0.5 and 0.5), equal tones in one article, null and NaN tones and null offsets all occur."""
    rng = random.Random(seed)
    arts = [article(f"a{i}", outlet, "2025-01-01") for i, outlet in enumerate(["nd", "nd", "OZD", None])]
    sents = [sentence(f"a{i}", s, 0, "reporting") for i in range(4) for s in range(3)]
    tones = [0.5, -0.5, 0.25, -0.25, 0.0, 1.0, None, float("nan")]
    rows = []
    for _ in range(120):
        a, s = rng.randrange(5), rng.randrange(3)  # a4 is no article: its mentions drop out
        start = rng.choice([None, 0, 5, 10])
        rows.append({"article_id": f"a{a}", "sentence_id": s, "actor": rng.choice(["Rutte", "Lawrow", None]),
                     "actor_group": None, "actor_kind": "person", "term": rng.choice(["Krieg", "Frieden"]),
                     "label": rng.choice(["frame", None]), "start": start, "end": None if start is None else start + 4,
                     "text": f"m{len(rows)}", "voice": "journalist", "tone": rng.choice(tones),
                     "tone_label": "neutral", "tone_evidence": f"e{len(rows)}"})
    analysis = make_analysis(articles=arts, sentences=sents)
    return dataclasses.replace(analysis, term_mentions=schema.frame(rows, schema.TERM_MENTIONS),
                               actor_mentions=schema.frame(rows, schema.ACTOR_MENTIONS))


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n", [0, 1, 2, 5, 200])
def test_evidence_is_the_sorted_and_ranked_definition(seed, n):
    analysis = _corpus(seed)
    actors = mentions.actor_evidence(analysis, n)
    assert actors.equals(_definition(analysis, "actor_mentions", ["actor"], n))
    terms = mentions.term_evidence(analysis, n)
    assert terms.equals(_definition(analysis, "term_mentions", ["term", "label"], n))
    if n:
        assert actors.height and terms.height
        # at most n per outlet and actor, no mention without a tone
        assert actors.group_by("outlet", "actor").len()["len"].max() <= n
        assert actors["tone"].null_count() == 0


def test_the_most_clearly_toned_first_and_a_tie_to_the_lower_tone():
    rows = [{"article_id": "a0", "sentence_id": 0, "actor": "Rutte", "actor_group": None, "actor_kind": "person",
             "start": start, "end": start + 4, "text": text, "voice": "journalist", "tone": tone,
             "tone_label": "neutral", "tone_evidence": ""}
            for start, text, tone in [(0, "mild", 0.2), (5, "praise", 0.8), (10, "blame", -0.8), (15, "none", None)]]
    analysis = dataclasses.replace(make_analysis(articles=[article("a0", "nd")],
                                                 sentences=[sentence("a0", 0, 0, "reporting")]),
                                   actor_mentions=schema.frame(rows, schema.ACTOR_MENTIONS))
    assert mentions.actor_evidence(analysis, 2)["mention"].to_list() == ["blame", "praise"]
    assert mentions.actor_evidence(analysis)["mention"].to_list() == ["blame", "praise", "mild"]
