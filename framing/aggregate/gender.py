"""Whose voices: quoted people, their quotations and quoted words by gender, per outlet (issue #20).

In: an `Analysis` (filtered with `Filter.apply`) whose quotes carry `speaker_gender` (framing.actors.gender).
Out: `quoted_gender`, one row per group (outlet, outlet x section kind, or outlet x period) with the number of
distinct quoted people, their quotations and their quoted words for women, men and people of unknown gender; the
share of women among the people whose gender is known with a 95 % bootstrap interval over the group's articles
(resampled with a fixed seed, so the same table gives the same interval; none for fewer than MIN_ARTICLES
articles), and the share of unknowns beside it.
Only people count: institutions, parties, anonymous sources and readers are no quoted people here; quoted terms
and quote-marked fragments inside a statement are left out as in `quoted_actors`.
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np
import polars as pl

from framing import schema
from framing.aggregate.grouping import BY_VALUES, _check, _quote_kinds, _share, _with_keys
from framing.aggregate.shared import shared

# Every grouping of the comparison tables but per article (one article's people have no share to speak of).
GROUPINGS = tuple(b for b in BY_VALUES if b != "article")
RESAMPLES = 1000  # bootstrap resamples of a group's articles
SEED = 20  # the bootstrap's seed, mixed with the group's key: a group's interval does not depend on the others
LEVEL = 0.95
# A group quoting people in fewer articles gets no interval: resampling one article only ever gives it back, and a
# handful of articles gives an interval far narrower than the uncertainty it should show.
MIN_ARTICLES = 5
BATCH = 64  # resamples drawn at once: one bit each of a 64-bit word per article (the draws are the same in any batch)
DRAWS_AT_ONCE = 4_000_000  # article draws made at a time (16 MB): every batch of a small group at once
GENDERS = {"female": "women", "male": "men", "unknown": "unknown"}


def _people_quotes(analysis: Any, period: str) -> pl.DataFrame:
    """The statements of people (no terms, no readers, no nested fragments) with their group keys, their gender
    (one per speaker: the most frequent, should a table carry several) and their words; made once per analysis
    inside `shared.sharing()`."""
    return shared(analysis, ("people", period), lambda: _make_people_quotes(analysis, period))


def _make_people_quotes(analysis: Any, period: str) -> pl.DataFrame:
    from framing.aggregate.statements import mark_nested

    quotes = analysis.quotes
    if "speaker_gender" not in quotes.columns:  # a table written before speaker genders existed
        quotes = quotes.with_columns(pl.lit(None, pl.String).alias("speaker_gender"))
    quotes = mark_nested(quotes.filter((pl.col("mode") != schema.TERM_MODE) & (pl.col("speaker_kind") == "person")
                                       & pl.col("speaker").is_not_null())).filter(~pl.col("nested"))
    quotes = quotes.join(_quote_kinds(analysis), on=["article_id", "section_id"], how="left")
    gender = (quotes.group_by("speaker").agg(pl.col("speaker_gender").fill_null("unknown").mode().sort().first()
                                              .alias("_gender")))
    return _with_keys(quotes, analysis.articles, period).join(gender, on="speaker", how="left").with_columns(
        pl.col("n_words").fill_null(0).cast(pl.Int64))


def share_interval(articles: np.ndarray, people: np.ndarray, women: np.ndarray, men: np.ndarray,
                   seed: int, resamples: int = RESAMPLES, level: float = LEVEL) -> tuple[float | None, float | None]:
    """A percentile bootstrap interval of women / (women + men) among the distinct people quoted in a sample of
    articles drawn with replacement. `articles`, `people`: one (article, person) pair per row, as indexes from 0;
    `women`, `men`: per person index, whether the person is one. (None, None) when no resample knows anyone's
    gender, or when there are fewer than MIN_ARTICLES articles."""
    n_articles = int(articles.max()) + 1 if articles.size else 0
    if n_articles < MIN_ARTICLES:
        return None, None
    rng = np.random.default_rng(seed)
    # only the pairs of women and men count, sorted by person, so that "any of the person's articles drawn" is one
    # reduceat per batch
    known = (women | men)[people]
    order = np.argsort(people[known], kind="stable")
    by_person, owners = articles[known][order], people[known][order]
    if not owners.size:
        return None, None
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    is_woman = women[owners[starts]]
    shares = []
    # several batches at a time, as many as DRAWS_AT_ONCE draws allow (a small group: all of them in one go; the
    # draws are the same however many are drawn at once)
    step = BATCH * max(1, DRAWS_AT_ONCE // (BATCH * n_articles))
    for done in range(0, resamples, step):
        size = min(step, resamples - done)
        # int32: the same numbers as int64 below 2**32 (comparison.draw_counts), drawn faster
        drawn = _drawn_bits(rng.integers(0, n_articles, (size, n_articles),
                                         dtype=np.int32 if n_articles <= 2**31 else np.int64), n_articles)
        # bit r of a person's word in batch b: one of their articles was drawn in resample b * BATCH + r
        present = np.bitwise_or.reduceat(drawn[:, by_person], starts, axis=1)
        bits = np.unpackbits(present.view(np.uint8).reshape(present.shape[0], -1, 8), axis=2, bitorder="little")
        f = bits[:, is_woman].sum(axis=1, dtype=np.int64).ravel()[:size]  # batch by batch, resample by resample
        known_people = bits.sum(axis=1, dtype=np.int64).ravel()[:size]
        shares.extend((f[known_people > 0] / known_people[known_people > 0]).tolist())
    if not shares:
        return None, None
    low, high = np.quantile(np.array(shares), [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(low), float(high)


def _drawn_bits(drawn: np.ndarray, n_articles: int) -> np.ndarray:
    """Per batch of BATCH rows of `drawn` (the article indexes drawn by the resamples, one row each) and per article
    one 64-bit word whose bit r says whether row r of the batch drew it: shape (batches, n_articles)."""
    batches = -(-drawn.shape[0] // BATCH)
    flat = np.zeros(batches * BATCH * n_articles, dtype=bool)
    flat[(drawn + (np.arange(drawn.shape[0]) * n_articles)[:, None]).ravel()] = True
    packed = np.packbits(flat.reshape(batches, BATCH, n_articles), axis=1, bitorder="little")  # 8 bytes an article
    return np.ascontiguousarray(packed.transpose(0, 2, 1)).view(np.uint64).reshape(batches, n_articles)


def _intervals(quotes: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The bootstrap interval of each group's share of women."""
    rows = []
    # each group's articles and people numbered from 0 in their sorted order (what np.unique's inverse gives), all
    # groups at once
    index = [(pl.col(c).rank("dense").over(keys) - 1).cast(pl.Int64).alias(f"_{c}") for c in ("article_id", "speaker")]
    pairs = quotes.select(*keys, "article_id", "speaker", "_gender").unique().with_columns(index)
    for key, group in sorted(pairs.group_by(keys, maintain_order=True), key=lambda kg: str(kg[0])):
        article, person = group["_article_id"].to_numpy(), group["_speaker"].to_numpy()
        gender_of = group.select("_speaker", "_gender").unique("_speaker").sort("_speaker")["_gender"]
        women, men = ((gender_of == g).fill_null(False).to_numpy() for g in ("female", "male"))
        seed = zlib.crc32("\x1f".join(str(k) for k in key).encode()) ^ SEED
        low, high = share_interval(article, person, women, men, seed)
        rows.append({**dict(zip(keys, key)), "share_women_low": low, "share_women_high": high})
    schema_ = {**{k: quotes.schema[k] for k in keys}, "share_women_low": pl.Float64, "share_women_high": pl.Float64}
    return pl.DataFrame(rows, schema=schema_, orient="row") if rows else pl.DataFrame(schema=schema_)


def quoted_gender(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """Quoted people, their quotations and quoted words by gender per group, the share of women among the people
    of known gender with its 95 % bootstrap interval over articles, and the share of people of unknown gender
    (made once per analysis inside `shared.sharing()`: the first screen shows it too)."""
    _check(by, GROUPINGS, "quoted gender", period)
    return shared(analysis, ("quoted_gender", by, period), lambda: _quoted_gender(analysis, by, period))


def _quoted_gender(analysis: Any, by: str, period: str) -> pl.DataFrame:
    keys = _check(by, GROUPINGS, "quoted gender", period)
    quotes = _people_quotes(analysis, period)
    counts = []
    for gender, label in GENDERS.items():
        mine = pl.col("_gender") == gender
        counts += [pl.col("speaker").filter(mine).n_unique().cast(pl.Int64).alias(f"n_{label}"),
                   mine.sum().cast(pl.Int64).alias(f"n_quotes_{label}"),
                   pl.col("n_words").filter(mine).sum().cast(pl.Int64).alias(f"quoted_words_{label}")]
    table = quotes.group_by(keys).agg(
        pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
        pl.col("speaker").n_unique().cast(pl.Int64).alias("n_people"),
        pl.len().cast(pl.Int64).alias("n_quotes"),
        *counts,
    )
    known = pl.col("n_women") + pl.col("n_men")
    table = table.with_columns(
        _share("n_women", known).alias("share_women"),
        _share("n_unknown", "n_people").alias("share_unknown"),
        _share("n_quotes_women", pl.col("n_quotes_women") + pl.col("n_quotes_men")).alias("share_quotes_women"),
        _share("quoted_words_women", pl.col("quoted_words_women") + pl.col("quoted_words_men"))
        .alias("share_words_women"),
    ).join(_intervals(quotes, keys), on=keys, how="left")
    columns = [*keys, "n_articles", "n_people", "n_women", "n_men", "n_unknown", "share_women", "share_women_low",
               "share_women_high", "share_unknown", "n_quotes", "n_quotes_women", "n_quotes_men", "n_quotes_unknown",
               "share_quotes_women", "quoted_words_women", "quoted_words_men", "quoted_words_unknown",
               "share_words_women"]
    return table.select(columns).sort(keys)
