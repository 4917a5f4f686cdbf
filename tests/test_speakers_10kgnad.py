"""Who speaks on a corpus no one tuned to (issue #14): 10kGNAD's 1,028 articles (../shared, kept there).

Among the 300 most quoted speakers: no surname beside its own full name, no role word or title glued to a name,
no non-name (month, currency, `Dr`); at most 25 % of quotations (quoted terms excluded) without a speaker; a type
for at least 80 % of the attributed ones.
"""

from __future__ import annotations

import pytest

from quality import speakers
from tests.helpers import GNAD

pytestmark = [pytest.mark.eval, pytest.mark.slow, pytest.mark.skipif(
    not GNAD.exists(), reason="../shared/corpora/10kgnad is absent: it lives beside the project on the build machines")]

MAX_WITHOUT_SPEAKER = 0.25
MIN_TYPED = 0.80


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    return speakers.report(speakers.analyse_10kgnad(tmp_path_factory.mktemp("gnad")))


def test_no_surname_stands_beside_its_full_name(report):
    assert report["surname_beside_full_name"] == []


def test_no_role_word_or_title_is_glued_to_a_name(report):
    assert report["glued"] == []


def test_no_month_currency_or_title_is_a_speaker(report):
    assert report["non_names"] == []


def test_at_most_a_quarter_of_quotations_has_no_speaker(report):
    assert report["share_without_speaker"] <= MAX_WITHOUT_SPEAKER


def test_most_attributed_quotations_have_a_speaker_type(report):
    assert report["share_typed"] >= MIN_TYPED
