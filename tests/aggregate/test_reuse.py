"""Text reuse: normalised tokens, shared n-grams through the inverted index, merged passages."""

from __future__ import annotations

import itertools
import random

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.aggregate import reuse

WIRE = (
    "Nato-Generalsekretär Mark Rutte hat bei einem unangekündigten Besuch in Kiew robuste Sicherheitsgarantien "
    "der westlichen Verbündeten für die Ukraine gefordert."
)


def _articles(texts: dict[str, str], outlets: dict[str, str] | None = None) -> pl.DataFrame:
    outlets = outlets or {}
    return pl.DataFrame(
        {"article_id": list(texts), "outlet": [outlets.get(k) for k in texts], "text": list(texts.values())},
        schema={"article_id": pl.String, "outlet": pl.String, "text": pl.String},
    )


def test_tokens_are_normalised_with_offsets():
    text = "»Straße« und „STRASSE“, Nato-Chef!"
    toks = reuse.tokens(text)
    assert [t.word for t in toks] == ["strasse", "und", "strasse", "nato", "chef"]
    assert [text[t.start : t.end] for t in toks] == ["Straße", "und", "STRASSE", "Nato", "Chef"]


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        # the same wire sentence with other quote marks, case and punctuation is still shared in full
        (WIRE, "»" + WIRE.upper().replace(",", "") + "«", True),
        (WIRE, "Ganz andere Worte stehen hier in diesem kurzen Satz ohne jede Gemeinsamkeit.", False),
        # five words in a row are below the 6-gram threshold: not reuse
        ("Eins zwei drei vier fünf und dann Schluss.", "Eins zwei drei vier fünf aber nicht mehr.", False),
        ("", WIRE, False),
    ],
)
def test_pairs(a, b, shared):
    table = reuse.shared_text(_articles({"x": a, "y": b}))
    assert (table.height == 1) is shared


def test_shared_passages_are_maximal_spans_of_the_original_text():
    a = "Vorspann eigener Text. " + WIRE + " Eigener Schluss ganz anders formuliert hier."
    b = "Andere Einleitung völlig verschieden. " + WIRE
    row = reuse.shared_text(_articles({"a": a, "b": b}, {"a": "nd", "b": "OZD"})).row(0, named=True)
    assert row["passages_a"] == [WIRE[:-1]]  # one merged passage, original spelling, ends at the last word
    assert row["passages_b"] == [WIRE[:-1]]
    n_words = len(reuse.tokens(WIRE))
    assert row["shared_ngrams"] == n_words - reuse.DEFAULT_N + 1
    assert row["shared_share_a"] == pytest.approx(row["shared_ngrams"] / row["ngrams_a"])
    assert row["shared_share_a"] < row["shared_share_b"] < 1.0  # b is shorter; both have text of their own
    assert row["shared_chars_a"] == len(WIRE) - 1
    assert (row["outlet_a"], row["outlet_b"]) == ("nd", "OZD")


def test_two_passages_stay_apart():
    filler = " Dazwischen steht etwas ganz anderes, das niemand sonst schreibt, wirklich niemand. "
    second = "Der russische Außenminister Sergej Lawrow sagte allerdings am Freitag kein Treffen sei geplant"
    a = WIRE + filler + second
    b = second + " und weiter. " + WIRE
    row = reuse.shared_text(_articles({"a": a, "b": b})).row(0, named=True)
    assert row["n_passages_a"] == 2 and row["n_passages_b"] == 2
    assert set(row["passages_a"]) == {WIRE[:-1], second}


def test_boilerplate_in_too_many_articles_is_ignored():
    texts = {f"d{i}": WIRE + f" Nummer {i}." for i in range(5)}
    assert reuse.shared_text(_articles(texts), max_postings=4).height == 0
    assert reuse.shared_text(_articles(texts), max_postings=5).height == 10  # 5 choose 2


def test_pairs_are_ordered_and_most_shared_first():
    texts = {"c": WIRE, "a": WIRE, "b": " ".join(WIRE.split()[:8])}
    table = reuse.shared_text(_articles(texts))
    assert all(a < b for a, b in table.select("article_a", "article_b").rows())
    assert table.row(0, named=True)["article_a"] == "a" and table.row(0, named=True)["article_b"] == "c"
    assert table["shared_ngrams"].to_list() == sorted(table["shared_ngrams"].to_list(), reverse=True)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["die", "nato", "kiew", "rutte", "sagte", "putin"]), max_size=30), max_size=5))
def test_index_agrees_with_all_pairs(docs):
    """The inverted index finds exactly what comparing every pair's n-gram sets finds."""
    n = 3
    texts = {f"d{i}": " ".join(words) for i, words in enumerate(docs)}
    table = reuse.shared_text(_articles(texts), n=n)
    got = {(r["article_a"], r["article_b"]): r["shared_ngrams"] for r in table.iter_rows(named=True)}

    def grams(words):
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    expected = {}
    for (ia, wa), (ib, wb) in itertools.combinations(enumerate(docs), 2):
        common = len(grams(wa) & grams(wb))
        if common:
            expected[(f"d{ia}", f"d{ib}")] = common
    assert got == expected


def test_row_order_does_not_matter():
    texts = {f"d{i}": WIRE + " " + " ".join(random.Random(i).choices(["a", "b", "c"], k=20)) for i in range(6)}
    frame = _articles(texts)
    shuffled = frame.sample(fraction=1.0, shuffle=True, seed=1)
    assert reuse.shared_text(frame).equals(reuse.shared_text(shuffled))


# ---- the implementation of issue 19 against the one before it (tests/helpers/reuse_reference.py) -------------------

_EDGE_WORDS = ["die", "nato", "kiew", "Straße", "STRASSE", "İstanbul", "½", "m²", "ﬁnal", "Ǆemal", "cafe\u0301",
               "u\u0308ber", "über", "ΣΟΦΊΑ", "σοφία", "\u00a0", "™", "_x_", "٣", "Nato-Chef", "—", "»", "«"]


def _reference(frame: pl.DataFrame, **kwargs) -> pl.DataFrame:
    from tests.helpers.reuse_reference import shared_text

    return shared_text(frame, **kwargs)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_EDGE_WORDS), max_size=25), max_size=6), st.integers(1, 4),
       st.integers(1, 3), st.integers(2, 6))
def test_same_table_as_the_reference(docs, n, min_shared, max_postings):
    """Pairs, counts, passages and shares equal those of the dict-based implementation, also on texts that cannot be
    case-folded whole (İ, combining marks, a text that is not NFKC-normal) and on boilerplate limits."""
    texts = {f"d{i}": " ".join(words) for i, words in enumerate(docs)}
    frame = _articles(texts, {k: ("nd" if i % 2 else None) for i, k in enumerate(texts)})
    kwargs = {"n": n, "min_shared": min_shared, "max_postings": max_postings}
    assert reuse.shared_text(frame, **kwargs).equals(_reference(frame, **kwargs))


def test_same_table_as_the_reference_on_real_news():
    """10kGNAD texts with agency passages run by several articles (bench/corpora.py), 300 articles."""
    from bench.corpora import reused_texts
    from tests.helpers import GNAD

    if not GNAD.exists():
        pytest.skip("needs the 10kGNAD test split in ../shared")
    from bench.run import gnad_texts

    texts = reused_texts(gnad_texts()[:150], 300)
    frame = _articles({f"a{i:03d}": t for i, t in enumerate(texts)})
    ours, theirs = reuse.shared_text(frame), _reference(frame)
    assert ours.height > 20
    assert ours.equals(theirs)


@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_the_chunk_size_changes_nothing(monkeypatch, chunk):
    """The articles are cut CHUNK at a time (to bound the memory): any chunk size gives the same table."""
    texts = {f"d{i}": (WIRE if i % 2 else "Anfang. " + WIRE[: 40 + i]) + " " + " ".join(
        random.Random(i).choices(["a", "b", "c", "d"], k=30)) for i in range(7)}
    frame = _articles(texts, {k: ("nd" if i % 3 else "taz") for i, k in enumerate(texts)})
    whole = reuse.shared_text(frame)
    monkeypatch.setattr(reuse, "CHUNK", chunk)
    assert whole.height > 3
    assert reuse.shared_text(frame).equals(whole)


def test_a_lazy_frame_reads_the_same():
    texts = {"a": WIRE + " Schluss.", "b": "Anfang. " + WIRE, "c": "Nichts davon."}
    frame = _articles(texts).with_columns(pl.lit(1).alias("other_column"))
    assert reuse.shared_text(frame.lazy()).equals(reuse.shared_text(frame))
