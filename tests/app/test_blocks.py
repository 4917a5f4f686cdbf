"""The page's building blocks: which rows of a long table the page shows (the download always holds all)."""

from __future__ import annotations

import polars as pl
import pytest

from framing.app import blocks


def _speakers(outlets: dict[str, int]) -> pl.DataFrame:
    """An outlet x speaker table in the tables' order: by outlet, most quoted first."""
    rows = [(o, f"{o}-{i}", n - i) for o, n in outlets.items() for i in range(n)]
    return pl.DataFrame(rows, schema=["outlet", "speaker", "n_quotes"], orient="row")


@pytest.mark.parametrize(("outlets", "expected_rows", "noted"), [
    ({"A": 10, "B": 5}, 15, False),                                       # short: every row, no note
    ({"A": blocks.MAX_ROWS_SHOWN}, blocks.MAX_ROWS_SHOWN, False),         # exactly the limit: every row
    ({"A": 1_500, "B": 1_000, "C": 3}, 2 * blocks.ROWS_PER_OUTLET + 3, True),  # long: the first of each outlet
])
def test_a_long_table_shows_the_first_rows_of_each_outlet(outlets, expected_rows, noted) -> None:
    df = _speakers(outlets)
    part, note = blocks.shown_part(df)
    assert part.height == expected_rows and bool(note) == noted
    assert part.columns == df.columns
    for outlet, n in outlets.items():  # each outlet's top rows, in the table's order
        kept = part.filter(pl.col("outlet") == outlet)["speaker"].to_list()
        assert kept == [f"{outlet}-{i}" for i in range(min(n, blocks.ROWS_PER_OUTLET if noted else n))]
    if noted:
        assert f"of {df.height:,}" in note and f"all {df.height:,}" in note


def test_a_long_table_by_group_or_without_outlets() -> None:
    by_group = _speakers({"g1": 2_500}).rename({"outlet": "group"})
    part, note = blocks.shown_part(by_group)
    assert part.height == blocks.ROWS_PER_OUTLET and "each group" in note
    plain = pl.DataFrame({"n": range(5_000)})
    part, note = blocks.shown_part(plain)
    assert part["n"].to_list() == list(range(blocks.MAX_ROWS_SHOWN)) and "first 2,000 rows" in note


def test_a_loading_problem_of_an_upload_names_the_file_as_uploaded(tmp_path, monkeypatch) -> None:
    from framing.load import uploads
    from framing.load.corpus import load_corpus

    store = tmp_path / "store"
    monkeypatch.setenv("FRAMING_USER_CORPUS", str(store))
    data = (b'{"text": "Ein Text mit genug Worten, um als Artikel zu gelten. Er sagte, es gehe gut."}\n'
            b'{"title": "kein Text"}\n')
    [stored] = uploads.add_files(store, [("mein_export.jsonl", data)])
    errors = load_corpus([store]).errors
    named = blocks.named_uploads(errors)["source_path"].to_list()
    assert named == [f"mein_export.jsonl (uploaded; stored as {stored.stored_name})"]
    other = pl.DataFrame({"source_path": ["/elsewhere/a.csv"], "reason": ["x"]})
    assert blocks.named_uploads(other).equals(other)  # a file of the corpus folder keeps its path


def test_tone_columns_show_three_decimals_and_shares_percent():
    from framing.app.blocks import PCT, SCORE, pct_columns

    df = pl.DataFrame({"outlet": ["a"], "journalist_tone": [-0.0549], "journalist_tone_low": [0.0],
                       "mean_polarity_textblob": [0.1], "share_direct": [0.3], "n_quotes": [3]})
    config = pct_columns(df)
    assert config["journalist_tone"] is SCORE and config["journalist_tone_low"] is SCORE
    assert config["mean_polarity_textblob"] is SCORE and config["share_direct"] is PCT
    assert "n_quotes" not in config and "outlet" not in config


def test_the_loading_expander_counts_errors_warnings_and_notes_apart():
    def frame(*severities):
        return pl.DataFrame({"severity": list(severities), "reason": ["r"] * len(severities)})

    assert blocks.problems_title(frame("note")) == "Loading notes (1): what the loader did, nothing wrong"
    assert blocks.problems_title(frame("error", "warning", "warning", "note")) == (
        "Loading problems (3): 1 file or record not analysed, 2 warnings about what was analysed; 1 note")
    assert blocks.problems_title(frame("error", "error")) == (
        "Loading problems (2): 2 files or records not analysed, 0 warnings about what was analysed")
    assert blocks.problems_title(pl.DataFrame({"reason": ["r"]})).startswith("Loading problems (1): 1 file or record")


@pytest.mark.parametrize("n, label", [(1, "Download profile_x.csv (1 row)"), (0, "Download profile_x.csv (0 rows)"),
                                      (2378, "Download profile_x.csv (2,378 rows)")])
def test_the_download_label_counts_its_rows_in_words(n, label):
    from framing.app.blocks import download_label

    assert download_label("profile_x", n) == label  # an actor quoted in one outlet read "(1 rows)"


def test_no_tone_cell_reads_minus_zero_but_downloads_keep_every_digit():
    df = pl.DataFrame({"outlet": ["A", "B", "C"], "journalist_tone": [-0.0001, -0.0006, None],
                       "share_quoted": [-0.0001, 0.5, 0.1], "n": [1, 2, 3]})
    shown = blocks.without_negative_zero(df)
    assert shown["journalist_tone"].to_list() == [0.0, -0.0006, None]
    assert f"{shown['journalist_tone'][0]:.3f}" == "0.000"  # "%.3f" of -0.0001 is "-0.000"
    assert shown.drop("journalist_tone").equals(df.drop("journalist_tone"))
    assert df["journalist_tone"][0] == -0.0001  # the frame itself, which the download writes, is unchanged
