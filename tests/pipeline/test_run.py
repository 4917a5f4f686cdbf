"""The corpus driver: tables consistent with each other, cache reuse, one new article analysed alone, Dask = local."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from framing import schema
from framing.pipeline import analyze_paths, read_analysis
from framing.present.export import write_tables

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory):
    return analyze_paths([DATA], cache_dir=tmp_path_factory.mktemp("cache"), workers=1)


def test_every_table_has_its_schema(seeds) -> None:
    expected = schema.ANALYSIS_TABLES
    for name, frame in seeds.tables().items():
        assert frame.schema == pl.Schema(expected[name]), name


def test_sections_partition_and_sentences_nest(seeds) -> None:
    texts = dict(zip(seeds.articles["article_id"], seeds.articles["text"]))
    for article_id, text in texts.items():
        secs = seeds.sections.filter(pl.col("article_id") == article_id).sort("section_id")
        assert secs["start"][0] == 0 and secs["end"][-1] == len(text)
        assert (secs["start"][1:] == secs["end"][:-1]).all()
        sents = seeds.sentences.filter(pl.col("article_id") == article_id).join(
            secs.select("section_id", pl.col("start").alias("s0"), pl.col("end").alias("s1")), on="section_id")
        assert ((sents["start"] >= sents["s0"]) & (sents["end"] <= sents["s1"])).all()
        for row in sents.iter_rows(named=True):
            assert text[row["start"] : row["end"]] == row["text"]


def test_voices_and_scores_in_range(seeds) -> None:
    s = seeds.sentences
    assert s["tone"].is_between(-1, 1).all() and s["opinion"].is_between(0, 1).all()
    assert set(s["voice"].unique()) <= set(schema.VOICES)
    assert set(s["tone_label"].unique()) <= set(schema.TONE_LABELS)
    assert s["polarity_textblob"].is_between(-1, 1).all()
    # reader comments are the reader's voice, quoted text the quoted voice
    assert set(s.filter(pl.col("kind") == "reader_comment")["voice"]) == {"reader"}
    assert "quoted" in set(seeds.voice_segments["voice"])


def test_journalist_segments_exclude_quoted_text(seeds) -> None:
    quotes = seeds.quotes.filter(pl.col("speaker_kind") != "reader")
    journalist = seeds.voice_segments.filter(pl.col("voice") == "journalist")
    overlap = journalist.join(quotes.select("article_id", pl.col("start").alias("q0"), pl.col("end").alias("q1")),
                              on="article_id").filter((pl.col("start") < pl.col("q1")) & (pl.col("end") > pl.col("q0")))
    assert overlap.height == 0


def test_cache_reuses_everything_and_gives_equal_tables(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    first = analyze_paths([corpus], cache_dir=tmp_path / "cache", workers=1)
    second = analyze_paths([corpus], cache_dir=tmp_path / "cache", workers=1)
    assert (first.reused, second.reused) == (0, 5)
    for name in ("sections", "sentences", "voice_segments", "quotes"):
        assert second.tables()[name].equals(first.tables()[name]), name


def test_adding_one_article_analyses_only_that_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    analyze_paths([corpus], cache_dir=tmp_path / "cache", workers=1)
    (corpus / "new.txt").write_text("Der Kanzler sagte, es sei zu früh. »Wir warten ab«, sagte er.", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    grown = analyze_paths([corpus], cache_dir=tmp_path / "cache", workers=1, progress=lambda d, t: seen.append((d, t)))
    assert grown.reused == 5
    assert seen[0] == (5, 6) and seen[-1] == (6, 6)
    assert "new" in grown.quotes["article_id"].to_list()


def test_parallel_equals_serial(tmp_path: Path) -> None:
    serial = analyze_paths([DATA], use_cache=False, workers=1, textblob=False)
    from framing.pipeline import analyze_articles
    from framing.load import load_corpus

    loaded = load_corpus([DATA])
    parallel = analyze_articles(loaded.articles, workers=2, use_cache=False, textblob=False, batch_size=1)
    for name in ("sections", "sentences", "quotes"):
        assert parallel.tables()[name].equals(serial.tables()[name]), name


def test_results_read_back_from_parquet_parts(tmp_path: Path, seeds) -> None:
    write_tables(seeds.tables(), tmp_path, rows_per_part=7)
    assert len(list((tmp_path / "sentences").glob("part-*.parquet"))) > 3
    back = read_analysis(tmp_path)
    for name, frame in seeds.tables().items():
        assert back.tables()[name].equals(frame), name


def test_tables_read_back_in_chunks_equal_the_whole(monkeypatch: pytest.MonkeyPatch, seeds) -> None:
    import framing.pipeline.run as analysis
    from framing.load import load_corpus

    monkeypatch.setattr(analysis, "ARTICLES_PER_CHUNK", 2)  # the 5 seed articles in 3 chunks
    loaded = load_corpus([DATA])
    with analysis.analyze_on_disk(loaded.articles, errors=loaded.errors, use_cache=False, workers=1) as stored:
        assert [chunk.height > 0 for chunk in stored.chunks("sections")] == [True, True, True]
        chunked = stored.collect()
        folder = stored.folder
    assert not folder.exists()  # the temporary shards of a run without cache are gone
    for name, frame in seeds.tables().items():
        assert chunked.tables()[name].equals(frame), name


def test_dask_local_cluster_equals_local_run(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the 'dask' extra is not installed")
    from framing.pipeline.dask import dask_client

    local = analyze_paths([DATA], use_cache=False, workers=1, textblob=False)
    with dask_client(workers=2) as client:
        remote = analyze_paths([DATA], use_cache=False, textblob=False, executor=client)
    for name in ("articles", "sections", "sentences", "voice_segments", "quotes"):
        assert remote.tables()[name].equals(local.tables()[name]), name


def test_a_failing_article_becomes_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.pipeline.run as analysis

    real = analysis.analyze_text

    def flaky(text: str, **kwargs):
        if "KAPUTT" in text:
            raise RuntimeError("boom")
        return real(text, **kwargs)

    monkeypatch.setattr(analysis, "analyze_text", flaky)
    (tmp_path / "a.txt").write_text("Ein guter Artikel. Er sagte, es sei gut.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("KAPUTT", encoding="utf-8")
    result = analyze_paths([tmp_path], use_cache=False, workers=1, textblob=False)
    assert set(result.sentences["article_id"]) == {"a"}
    row = result.errors.row(0, named=True)
    assert (row["article_id"], row["severity"]) == ("b", "error") and "RuntimeError: boom" in row["reason"]


def test_the_analysis_holds_the_tables_in_schema_order() -> None:
    """Analysis(*frames) takes the tables positionally, in the order framing analyze writes them."""
    import dataclasses

    from framing.pipeline import Analysis

    fields = [f.name for f in dataclasses.fields(Analysis)]
    assert fields[: len(schema.ANALYSIS_TABLES)] == list(schema.ANALYSIS_TABLES) == list(Analysis.TABLES)


def test_the_analysis_runs_the_garbage_collector_less_often(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a pool worker for good, in this process only while it analyses (and the threshold is put back)."""
    import gc

    import framing.pipeline.run as analysis

    with analysis.process_pool(1) as pool:
        assert pool.submit(gc.get_threshold).result()[0] == analysis.YOUNG_GENERATION
    before = gc.get_threshold()
    assert before[0] != analysis.YOUNG_GENERATION
    seen = []
    real = analysis.analyze_text

    def watched(text: str, **kwargs):
        seen.append(gc.get_threshold())
        return real(text, **kwargs)

    monkeypatch.setattr(analysis, "analyze_text", watched)
    (tmp_path / "a.txt").write_text("Ein guter Artikel. Er sagte, es sei gut.", encoding="utf-8")
    analyze_paths([tmp_path], use_cache=False, workers=1, textblob=False)
    assert seen == [(analysis.YOUNG_GENERATION, *before[1:])]
    assert gc.get_threshold() == before
