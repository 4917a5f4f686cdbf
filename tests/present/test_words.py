"""Counted nouns in the dashboard's sentences."""

import pytest

from framing.present.words import counted, plural


@pytest.mark.parametrize("n, text", [(0, "0 outlets"), (1, "1 outlet"), (2, "2 outlets"), (1204, "1,204 outlets")])
def test_counted(n, text):
    assert counted(n, "outlet") == text


def test_an_irregular_plural():
    assert plural(1, "analysis", "analyses") == "analysis" and plural(3, "analysis", "analyses") == "analyses"
