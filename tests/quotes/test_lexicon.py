"""The speech lexicon and the word classes read from data/speech/ (framing.quotes.lexicon)."""

from __future__ import annotations

import tomllib

import pytest

from framing.quotes import lexicon as lexicon_module
from framing.quotes.lexicon import PRONOUNS, VerbForm, lexicon, word_classes
from tests.helpers import DATA

WORD_CLASSES = DATA / "speech" / "word_classes.toml"


def test_every_word_class_lists_each_entry_once_and_says_what_it_is_for():
    text = WORD_CLASSES.read_text(encoding="utf-8")
    classes = tomllib.loads(text)
    lines = text.splitlines()
    for key, words in classes.items():
        if key == "pronouns":
            continue
        assert words and len(words) == len(set(words)), key
        assert all(w == w.strip() and w for w in words), key
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{key} = ["))
        assert lines[at - 1].startswith("#"), f"{key} has no comment saying what it is for"
    assert "word_classes.toml" in (DATA / "speech" / "README.md").read_text(encoding="utf-8")


def test_pronouns_carry_the_gender_they_refer_to():
    assert set(PRONOUNS.values()) <= {"m", "f", "n", "1", "x"}
    assert (PRONOUNS["er"], PRONOUNS["sie"], PRONOUNS["ich"], PRONOUNS["man"]) == ("m", "f", "1", "x")


def test_the_word_classes_are_read_once():
    assert word_classes() is word_classes()
    assert lexicon() is lexicon()


@pytest.mark.parametrize("name, kind", [
    ("DETERMINERS", frozenset), ("ADVERBS", frozenset), ("ADVERB_ENDINGS", tuple), ("PARTICLES", tuple),
    ("ARTICLES", str),
])
def test_word_classes_are_sets_endings_are_tuples_alternations_are_strings(name, kind):
    assert isinstance(getattr(lexicon_module, name), kind)


@pytest.mark.parametrize("form, expected", [
    ("sagte", VerbForm("sagen", None, False, "speech")),
    ("gesagt", VerbForm("sagen", None, True, "speech")),
    ("sagen", VerbForm("sagen", None, False, "speech")),  # third person plural: "Beamte sagen"
    ("sagte", VerbForm("zusagen", "zu", False, "speech")),  # "sagte … zu" counts only with its particle
    ("teilte", VerbForm("mitteilen", "mit", False, "speech")),  # main clause: "teilte … mit"
    ("mitteilte", VerbForm("mitteilen", None, False, "speech")),  # verb-final: "wie er mitteilte"
])
def test_weak_verbs_get_their_forms_derived_from_the_stem(form, expected):
    assert expected in lexicon().verbs[form]
    assert lexicon().verbs["teilte"] == [VerbForm("mitteilen", "mit", False, "speech")]


def test_words_that_are_no_verb_form_have_no_entry():
    verbs = lexicon().verbs
    assert "Regierung" not in verbs and "schön" not in verbs
