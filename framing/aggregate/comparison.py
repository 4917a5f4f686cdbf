"""The framing comparison of the first screen: one row per outlet (or group of outlets) with the figures that
answer "how does each outlet frame the story?" side by side, each with a bootstrap interval over its articles.

In: an `Analysis` (filtered with `Filter.apply`). Out: `framing_comparison`, one row per group with
- `journalist_tone`: the mean tone of the journalist's own stretches of text (as `tone_by_voice`, voice journalist);
- `share_opinionated`: opinionated sentences (opinion >= 0.5) among the journalist's own sentences;
- `quoted_share`: the share of the text (characters) in quoted speech;
- `share_direct`: direct quotations among all statements (direct, partial, indirect, interview; no quoted terms,
  no reader comments, no fragments inside another quote), as `quoted_actors`;
- `commentary_share`: the share of the text in commentary sections;
- `share_women`: women among the quoted people of known gender, and `share_gender_unknown` beside it
  (from `quoted_gender`, whose interval is resampled the same way);
- `actor_mix`: the three speaker types quoted most (share of statements), `top_voices`: the three named voices
  quoted most (by quoted words).

The interval: each figure is a ratio of two sums over the group's articles (e.g. opinionated sentences / sentences).
The articles are drawn with replacement RESAMPLES times and the ratio recomputed; `_low` / `_high` are the 2.5th and
97.5th percentiles (95 %), seeded by the group's name so a group's interval does not depend on the others or on the
run. A group with fewer than MIN_ARTICLES articles gets no interval (it would only pretend to know).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from typing import Any

import numpy as np
import polars as pl

from framing import schema
from framing.aggregate import gender
from framing.aggregate.grouping import BY_VALUES, _check, _with_keys

# the groupings a first screen compares: outlets, and groups of outlets where the corpus has them
GROUPINGS = tuple(b for b in BY_VALUES if b in ("outlet", "group"))
RESAMPLES = 1000
LEVEL = 0.95
MIN_ARTICLES = gender.MIN_ARTICLES
SEED = 15
TOP = 3

# figure -> (numerator, denominator) of the per-article sums
RATIOS = {
    "journalist_tone": ("_tone_sum", "_tone_n"),
    "share_opinionated": ("_opinionated", "_sentences"),
    "quoted_share": ("_quoted_chars", "_voice_chars"),
    "share_direct": ("_direct", "_statements"),
    "commentary_share": ("_commentary_chars", "_section_chars"),
}


def _per_article(analysis: Any, period: str, statements: pl.DataFrame) -> pl.DataFrame:
    """One row per article with its group keys and the numerators and denominators of RATIOS (`statements`: those of
    `_statements`)."""
    arts = _with_keys(analysis.articles.select("article_id"), analysis.articles, period)
    segs = analysis.voice_segments.select("article_id", "voice", "tone", "n_chars")
    journalist = pl.col("voice") == "journalist"
    tone = segs.group_by("article_id").agg(
        pl.col("tone").filter(journalist & pl.col("tone").is_not_null()).sum().alias("_tone_sum"),
        (journalist & pl.col("tone").is_not_null()).sum().cast(pl.Int64).alias("_tone_n"),
        pl.col("n_chars").filter(pl.col("voice") == "quoted").sum().cast(pl.Int64).alias("_quoted_chars"),
        pl.col("n_chars").sum().cast(pl.Int64).alias("_voice_chars"),
    )
    sents = analysis.sentences.filter(journalist & pl.col("opinion").is_not_null()).select("article_id", "opinion")
    opinion = sents.group_by("article_id").agg(
        (pl.col("opinion") >= schema.OPINION_THRESHOLD).sum().cast(pl.Int64).alias("_opinionated"),
        pl.len().cast(pl.Int64).alias("_sentences"),
    )
    modes = statements.group_by("article_id").agg(
        (pl.col("mode") == "direct").sum().cast(pl.Int64).alias("_direct"),
        pl.len().cast(pl.Int64).alias("_statements"),
    )
    sections = analysis.sections.select("article_id", "kind", "start", "end").with_columns(
        (pl.col("end") - pl.col("start")).clip(lower_bound=0).cast(pl.Int64).alias("_chars"))
    commentary = sections.group_by("article_id").agg(
        pl.col("_chars").filter(pl.col("kind") == "commentary").sum().cast(pl.Int64).alias("_commentary_chars"),
        pl.col("_chars").sum().cast(pl.Int64).alias("_section_chars"),
    )
    out = arts
    for part in (tone, opinion, modes, commentary):
        out = out.join(part, on="article_id", how="left")
    sums = [c for pair in RATIOS.values() for c in pair]
    return out.with_columns(pl.col(sums).fill_null(0))


def _statements(analysis: Any, period: str) -> pl.DataFrame:
    """The statements counted as in `quoted_actors` (its rows, with their group keys and unresolved speakers as
    UNKNOWN_SPEAKER): no quoted terms, no readers, no quote inside another quote."""
    from framing.aggregate.tables import _quotes

    return _quotes(analysis, period, include_readers=False).filter(~pl.col("nested"))


def ratio_intervals(num: np.ndarray, den: np.ndarray, seed: int, resamples: int = RESAMPLES,
                    level: float = LEVEL) -> list[tuple[float | None, float | None]]:
    """Percentile bootstrap intervals of sum(num[:, j]) / sum(den[:, j]) for every column j, over one set of
    resamples of the rows (articles) drawn with replacement, so the figures of a group move together as they
    would with another sample of its articles. (None, None) for fewer than MIN_ARTICLES rows, or for a column
    whose denominator no resample has."""
    n, k = num.shape
    if n < MIN_ARTICLES:
        return [(None, None)] * k
    rng = np.random.default_rng(seed)
    table = np.hstack([num, den])
    sums = []
    batch = max(1, 2_000_000 // n)  # bounded memory: about two million drawn indexes (8 MB) at once
    for done in range(0, resamples, batch):
        size = min(batch, resamples - done)
        # how often each article was drawn in each resample, then every figure's sums at once (one draw serves
        # all the figures: a few times faster than gathering each column)
        counts = draw_counts(rng, n, size)
        sums.append(counts @ table)
    totals = np.vstack(sums)
    out: list[tuple[float | None, float | None]] = []
    for j in range(k):
        top, bottom = totals[:, j], totals[:, k + j]
        found = top[bottom > 0] / bottom[bottom > 0]
        if not found.size:
            out.append((None, None))
            continue
        low, high = np.quantile(found, [(1 - level) / 2, 1 - (1 - level) / 2])
        out.append((float(low), float(high)))
    return out


COUNTED_AT_ONCE = 65_536  # bins of one bincount: the counts of a few resamples at a time stay in the cache


def draw_counts(rng: np.random.Generator, n: int, size: int) -> np.ndarray:
    """`size` resamples of `n` rows drawn with replacement, as a (size, n) float array of how often each row was
    drawn: the draws of `rng.integers(0, n, (size, n))`, counted a few resamples at a time. Drawn as int32, which
    numpy draws from the same 32 bits as int64 below 2**32 (the same numbers, at a third of the time), and counted
    into a block of bins that fits the cache (one bincount over all two million took three times as long)."""
    drawn = rng.integers(0, n, (size, n), dtype=np.int32 if n <= 2**31 else np.int64)
    counts = np.empty((size, n))
    step = max(1, COUNTED_AT_ONCE // n)
    for low in range(0, size, step):
        block = drawn[low:low + step] + (np.arange(min(step, size - low)) * n)[:, None]
        counts[low:low + step] = np.bincount(block.ravel(), minlength=block.size).reshape(block.shape)
    return counts


def ratio_interval(num: np.ndarray, den: np.ndarray, seed: int, resamples: int = RESAMPLES,
                   level: float = LEVEL) -> tuple[float | None, float | None]:
    """The interval of `ratio_intervals` for one figure."""
    return ratio_intervals(num[:, None], den[:, None], seed, resamples, level)[0]


def _figures(per_article: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    rows = []
    tops, bottoms = [t for t, _ in RATIOS.values()], [b for _, b in RATIOS.values()]
    for key, group in per_article.group_by(keys, maintain_order=True):
        row: dict[str, Any] = dict(zip(keys, key))
        row["n_articles"] = group.height
        num = group.select(tops).cast(pl.Float64).to_numpy()
        den = group.select(bottoms).cast(pl.Float64).to_numpy()
        seed = zlib.crc32("\x1f".join(str(k) for k in key).encode()) ^ SEED
        intervals = ratio_intervals(num, den, seed)
        for j, figure in enumerate(RATIOS):
            total = den[:, j].sum()
            row[figure] = float(num[:, j].sum() / total) if total > 0 else None
            row[f"{figure}_low"], row[f"{figure}_high"] = intervals[j] if total > 0 else (None, None)
        rows.append(row)
    figure_schema = {c: pl.Float64 for f in RATIOS for c in (f, f"{f}_low", f"{f}_high")}
    schema_ = {**{k: per_article.schema[k] for k in keys}, "n_articles": pl.Int64, **figure_schema}
    return pl.DataFrame(rows, schema=schema_, orient="row")


def _top_text(quotes: pl.DataFrame, keys: list[str], column: str, weight: str | None, percent: bool) -> pl.DataFrame:
    """`Name (n)` or `type 41 %` of the TOP values of `column` per group, by statements or by `weight`."""
    agg = [pl.len().alias("_n")] + ([pl.col(weight).fill_null(0).sum().alias("_w")] if weight else [])
    counts = quotes.group_by(*keys, column).agg(agg).with_columns(
        (pl.col("_w") if weight else pl.col("_n")).alias("_rank"),
        (pl.col("_n") / pl.col("_n").sum().over(keys)).alias("_share"))
    counts = counts.sort([*keys, "_rank", "_n", column], descending=[False] * len(keys) + [True, True, False])
    shown = (pl.col(column) + " " + (pl.col("_share") * 100).round(0).cast(pl.Int64).cast(pl.String) + " %") \
        if percent else (pl.col(column) + " (" + pl.col("_n").cast(pl.String) + ")")
    return counts.group_by(keys, maintain_order=True).agg(shown.head(TOP).str.join("; ").alias(column))


def framing_comparison(analysis: Any, by: str = "outlet", period: str = "month") -> pl.DataFrame:
    """One row per outlet (or group) with the first screen's figures, each with its 95 % bootstrap interval over
    articles; rows sorted by their key (the dashboard sorts them by the figure the user picks)."""
    keys = _check(by, GROUPINGS, "framing comparison", period)
    statements = _statements(analysis, period)  # found once (marking nested quotes is a self-join)
    figures = _figures(_per_article(analysis, period, statements), keys)
    from framing.aggregate.tables import UNKNOWN_SPEAKER

    people = statements.filter((pl.col("speaker") != UNKNOWN_SPEAKER) & (pl.col("speaker_kind") != "anonymous"))
    voices = _top_text(people, keys, "speaker", "n_words", percent=False).rename({"speaker": "top_voices"})
    mix = _top_text(statements.filter(pl.col("speaker_type") != "unknown"), keys, "speaker_type", None, percent=True)
    known_type = statements.group_by(keys).agg((pl.col("speaker_type") != "unknown").mean().alias("share_typed"))
    women = gender.quoted_gender(analysis, by if by in gender.GROUPINGS else "outlet", period).select(
        *keys, "n_people", "share_women", "share_women_low", "share_women_high",
        pl.col("share_unknown").alias("share_gender_unknown"))
    out = (figures.join(voices, on=keys, how="left").join(mix.rename({"speaker_type": "actor_mix"}), on=keys,
                                                           how="left")
           .join(known_type, on=keys, how="left").join(women, on=keys, how="left")
           .with_columns(pl.col("top_voices", "actor_mix").fill_null(""), pl.col("n_people").fill_null(0)))
    columns = [*keys, "n_articles"]
    for figure in RATIOS:
        columns += [figure, f"{figure}_low", f"{figure}_high"]
    columns += ["n_people", "share_women", "share_women_low", "share_women_high", "share_gender_unknown",
                "actor_mix", "share_typed", "top_voices"]
    return out.select(columns).sort(keys, nulls_last=True)


# ---- naming the corpus -----------------------------------------------------------------------------------------

# Words that open German titles capitalised without naming the story (articles, pronouns, question words, …).
_TITLE_STOPWORDS = frozenset("""
der die das den dem des ein eine einen einem einer eines kein keine wie was wer wo warum wann weshalb wieso
welche welcher welches nach mit für bei von vor aus auf über unter gegen ohne um bis seit zum zur im am ins
und oder aber doch nun jetzt so noch auch nicht nur schon sehr mehr neue neuer neues neuen erste ersten
ich du er sie es wir ihr man mein dein sein unser euer ihre diese dieser dieses jeder alle viele
ist sind war hat haben wird werden kann muss soll will darf gibt geht kommt macht bleibt steht
heute gestern morgen mal hier dort dann da wenn weil dass ob als hinter zwischen neben trotz wegen
interview kommentar analyse video live ticker liveticker newsblog update exklusiv
laut zudem bereits damit dabei daher demnach deshalb außerdem allerdings inzwischen während sowie zuvor zunächst
dies diesem diesen derzeit bislang bisher immer wieder etwa rund knapp fast seine seinen ihren ihrem
montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar märz april mai juni juli
august september oktober november dezember jahr jahre jahren jahres prozent uhr woche wochen tag tage tagen
foto bild quelle archiv symbolbild
""".split())
_TITLE_WORD = re.compile(r"[A-ZÄÖÜ][\wäöüßÄÖÜ-]*[\wäöüß]")


def title_terms(titles: list[str | None], n: int = 5, leads: list[str | None] | None = None) -> list[str]:
    """The `n` capitalised words (German nouns and names) that most articles share in their title or lead
    (`leads`: the opening of each text, optional), function words left out; a word counts once per article and
    only when at least two articles (or the only one) have it. Ties go to the longer, then alphabetical, word."""
    counts: Counter[str] = Counter()
    leads = leads or [None] * len(titles)
    for title, lead in zip(titles, leads):
        found = _TITLE_WORD.findall(f"{title or ''} {lead or ''}")
        counts.update({w for w in found if len(w) > 2 and w.lower() not in _TITLE_STOPWORDS})
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return [word for word, count in ranked[:n] if count > 1 or len(titles) == 1]


LEAD_CHARS = 300  # the opening of a text that names its story beside the title


def corpus_headline(articles: pl.DataFrame) -> dict[str, Any]:
    """What the story is and what the corpus holds: its title terms, date span, outlets and articles."""
    first = articles["date_first"].drop_nulls() if "date_first" in articles.columns else pl.Series([], dtype=pl.Date)
    last = articles["date_last"].drop_nulls() if "date_last" in articles.columns else pl.Series([], dtype=pl.Date)
    return {
        "terms": title_terms(articles["title"].to_list() if "title" in articles.columns else [None] * articles.height,
                             leads=articles["text"].str.slice(0, LEAD_CHARS).to_list()
                             if "text" in articles.columns else None),
        "date_min": first.min() if first.len() else None,
        "date_max": last.max() if last.len() else None,
        "n_articles": articles.height,
        "n_outlets": articles["outlet"].n_unique() if articles.height else 0,
        "n_undated": int(articles["date_first"].is_null().sum()) if "date_first" in articles.columns else 0,
    }


# ---- the evidence behind a dot ---------------------------------------------------------------------------------


def figure_evidence(analysis: Any, key: str, value: Any, figure: str, period: str = "month") -> dict[str, Any] | None:
    """The passage that shows a figure of one group (`key` = `value`, e.g. outlet = "nd") at its clearest: for the
    journalist's tone their sentence with the strongest tone in the direction of the group's mean; for the
    opinionated share and the commentary share their most opinionated sentence (in a commentary section for the
    latter); for the quoted and direct shares the longest direct quotation; for women quoted the longest statement
    of a woman. {article_id, sentence_id, quote_id}, or None when the group has no such passage."""
    members = _with_keys(analysis.articles.select("article_id"), analysis.articles, period)
    members = members.filter(pl.col(key) == value).select("article_id")
    if figure in ("journalist_tone", "share_opinionated", "commentary_share"):
        sents = analysis.sentences.join(members, on="article_id", how="semi").filter(pl.col("voice") == "journalist")
        if figure == "commentary_share":
            sents = sents.filter(pl.col("kind") == "commentary")
        if figure == "journalist_tone":
            toned = sents.filter(pl.col("tone").is_not_null() & (pl.col("tone") != 0))
            mean = toned["tone"].mean() if toned.height else None
            best = toned.sort("tone", descending=bool(mean is not None and mean > 0)).head(1)
        else:
            best = sents.filter(pl.col("opinion").is_not_null()).sort("opinion", descending=True).head(1)
        return None if best.is_empty() else {"article_id": best["article_id"][0],
                                             "sentence_id": best["sentence_id"][0], "quote_id": None}
    if figure in ("quoted_share", "share_direct", "share_women"):
        quotes = _statements(analysis, period).join(members, on="article_id", how="semi")
        if figure == "share_women":
            if "speaker_gender" not in quotes.columns:
                return None
            quotes = quotes.filter((pl.col("speaker_gender") == "female") & (pl.col("speaker_kind") == "person"))
        else:
            quotes = quotes.filter(pl.col("mode") == "direct")
        best = quotes.sort("n_words", descending=True, nulls_last=True).head(1)
        return None if best.is_empty() else {"article_id": best["article_id"][0], "sentence_id": None,
                                             "quote_id": best["quote_id"][0]}
    return None
