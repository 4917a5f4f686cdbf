"""The load on a process pool (framing analyze's): the same articles and the same problems, in the same order, as
the load in one process, also where read problems, duplicates, renamed ids and manifest entries interleave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.load import corpus, load_corpus
from framing.pipeline.run import process_pool

GERMAN = ("Die Bundesregierung hat am Montag neue Regeln für den Bahnverkehr beschlossen. Das sagte ein Sprecher "
          "des Ministeriums in Berlin. Kritiker halten die Pläne für unzureichend. ")
ENGLISH = "The government announced new rules for rail transport on Monday, a spokesman said in London today. "


def _corpus(folder: Path) -> None:
    lines = []
    for i in range(40):
        text = (ENGLISH if i % 9 == 4 else GERMAN) * 2 + f"Fassung {i}."
        record = {"id": f"a{i % 31}", "outlet": ["taz", "FAZ", None][i % 3], "text": text}
        if i % 3 == 2:
            record.pop("outlet")
        if i == 17:
            record["date"] = "2025-13-40"
        lines.append(json.dumps(record, ensure_ascii=False))
        if i % 11 == 5:
            lines.append("{broken json")
        if i % 13 == 7:
            lines.append(json.dumps({"id": f"a{i % 31}", "outlet": "taz", "text": text}))  # a re-loaded copy
    lines.append(json.dumps({"id": "twin", "outlet": "taz", "text": (GERMAN * 2) + "Fassung 0."}))
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text("", encoding="utf-8")  # holds no article
    (folder / "manifest.csv").write_text("article_id,outlet,date\na3,Spiegel,2025-03-01\nnowhere,taz,\n",
                                         encoding="utf-8")


@pytest.fixture(scope="module")
def pool():
    with process_pool(2) as running:
        yield running


def test_a_pooled_load_equals_the_serial_one(tmp_path: Path, pool, monkeypatch: pytest.MonkeyPatch) -> None:
    _corpus(tmp_path)
    serial = load_corpus([tmp_path])
    monkeypatch.setattr(corpus, "FINISH_BATCH", 4)  # many batches, several in flight
    monkeypatch.setattr(corpus, "FINISH_AHEAD", 2)
    pooled = load_corpus([tmp_path], executor=pool)
    assert pooled.articles.equals(serial.articles)
    assert pooled.errors.equals(serial.errors)
    reasons = " | ".join(serial.errors["reason"].to_list())
    sources = " | ".join(p or "" for p in serial.errors["source_path"].to_list())
    for expected in ("not German", "already used", "same text as article", "b.jsonl", "is impossible",
                     "manifest names article 'nowhere'"):
        assert expected in reasons or expected in sources
    assert serial.articles.filter(serial.articles["article_id"] == "a3")["outlet"].item() == "Spiegel"


def test_the_serial_load_finishes_in_batches_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a pool the articles are finished FINISH_BATCH at a time, so no more than that waits as Python
    objects; the tables are those of one batch for the whole corpus."""
    _corpus(tmp_path)
    whole = load_corpus([tmp_path])
    monkeypatch.setattr(corpus, "FINISH_BATCH", 3)
    batched = load_corpus([tmp_path])
    assert batched.articles.equals(whole.articles)
    assert batched.errors.equals(whole.errors)


def test_a_pooled_load_finishes_its_last_articles_on_the_pool(tmp_path: Path, pool,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The articles after the last full batch go to the pool too: finished here, they would have this process
    load the language model while the workers wait."""
    _corpus(tmp_path)
    here = []
    identify = corpus.language.identify
    monkeypatch.setattr(corpus.language, "identify", lambda text: here.append(text) or identify(text))
    serial = load_corpus([tmp_path])
    assert len(here) > 5
    batch = 4 if len(here) % 4 else 3
    assert len(here) % batch  # a last batch that is not full
    here.clear()
    monkeypatch.setattr(corpus, "FINISH_BATCH", batch)
    pooled = load_corpus([tmp_path], executor=pool)
    assert here == []
    assert pooled.articles.equals(serial.articles)
    assert pooled.errors.equals(serial.errors)
