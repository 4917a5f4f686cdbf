"""The gender of quoted people (framing.actors.gender, issue #20): tables of text -> gender and evidence, with the
issue's negatives, then one gender per actor across a corpus."""

from __future__ import annotations

import polars as pl
import pytest

from framing import schema
from framing.actors.gazetteer import load_actors_file
from framing.actors.gender import (Clue, corpus_genders, first_name_gender, name_genders, parse_evidence,
                                   role_gender, role_text_clues, verdict)
from framing.actors.merge import merge_speakers
from framing.errors import ConfigError
from tests.helpers.quotes import quotes_of

# text, the speaker the quote must have, its gender, its evidence
SPEAKERS = [
    # the issue's negatives and the examples of the brief
    ("„Wir bleiben dabei“, sagte Kim bei der Pressekonferenz.", "Kim", "unknown", None),
    ("„Das ist nicht akzeptabel“, sagte Frau Müller dem Blatt.", "Müller", "female", "role"),
    ("„Das ist nicht akzeptabel“, sagte Herr Meier dem Blatt.", "Meier", "male", "role"),
    ("„Wir schaffen das“, sagte Kanzlerin Merkel am Montag in Stralsund.", "Angela Merkel", "female", "name; role"),
    ("„Wir schaffen das“, sagte Kanzlerin Hannelore Schulz-Bertram.", "Hannelore Schulz-Bertram", "female",
     "name; role"),
    ("„Wir schaffen das“, sagte Bundeskanzlerin Schulz-Bertram.", "Schulz-Bertram", "female", "role"),
    ("„Das ist ein Durchbruch“, sagte Dr. Andrea Rossi in Bologna.", "Andrea Rossi", "unknown", None),
    ("„Das ist ein Durchbruch“, sagte die Physikerin Dr. Andrea Rossi in Bologna.", "Andrea Rossi", "female", "role"),
    ("„Der Termin steht“, sagte Jens Spahn in Berlin.", "Jens Spahn", "male", "name"),
    ("„Berlin bleibt dabei“, sagte Jens Spahn.", "Jens Spahn", "male", "name"),
    ("„Die Medizin hilft“, sagte Bernd Albers.", "Bernd Albers", "male", "name"),
    ("Die Virologin Melanie Brinkmann warnte vor einer neuen Welle. „Wir müssen vorsichtig bleiben“, sagte sie.",
     "Melanie Brinkmann", "female", "name; role; pronoun"),
    ("„Es reicht“, sagte die Vorsitzende Andrea Nahles.", "Andrea Nahles", "female", "role"),
    ("„Es reicht“, sagte der Vorsitzende Sascha Keller.", "Sascha Keller", "male", "role"),
    ("„Es reicht“, sagte die Grünen-Politikerin Sascha Meier.", "Sascha Meier", "female", "role"),
    ("„Es reicht“, sagte der Grünen-Politiker Sascha Meier.", "Sascha Meier", "male", "role"),
    ("„Es reicht“, sagte Klaus Maria Brandauer.", "Klaus Maria Brandauer", "male", "name"),
    ("„Es reicht“, sagte Kanzlerin Merkels Sprecher Steffen Seibert.", "Steffen Seibert", "male", "name; role"),
    ("„Es reicht“, sagte die Ärztin Toni Berger.", "Toni Berger", "female", "role"),
    ("„Wir prüfen das“, sagte Landeshauptmann Toni Berger.", "Toni Berger", "male", "role"),
    ("„Wir prüfen das“, sagte Karl-Heinz Berger.", "Karl-Heinz Berger", "male", "name"),
    ("„Es reicht“, sagt Nevena Marković, Bürochefin von Save the Children in Belgrad.", "Nevena Marković",
     "female", "role"),
    # nothing from a surname: role-like surnames, and a feminine-looking one
    ("„Wir prüfen das“, sagte Sascha Fischer am Abend.", "Sascha Fischer", "unknown", None),
    ("„Wir prüfen das“, sagte Kim Kaiser am Abend.", "Kim Kaiser", "unknown", None),
    ("„Wir prüfen das“, sagte Putin am Abend.", "Wladimir Putin", "male", "name"),
    # conflicting evidence: unknown, and the table says why
    ("„Es reicht“, sagte die Ministerin Klaus Berger.", "Klaus Berger", "unknown",
     "conflict: female (role); male (name)"),
]


@pytest.mark.parametrize("text, speaker, gender, evidence", SPEAKERS)
def test_the_gender_of_a_quoted_person_and_its_evidence(text, speaker, gender, evidence):
    quotes = [q for q in quotes_of(text, sections=()) if q.mode != "term"]
    said = [q for q in quotes if q.speaker == speaker]
    assert said, f"no quote by {speaker!r}: {[(q.speaker, q.speaker_kind) for q in quotes]}"
    assert (said[-1].speaker_gender, said[-1].speaker_gender_evidence) == (gender, evidence)


# text, the speaker, its kind: never a gender
NOT_PEOPLE = [
    ("„Wir lehnen das ab“, teilten die Grünen mit.", "Bündnis 90/Die Grünen", "institution"),
    ("„Wir lehnen das ab“, sagte ein Sprecher des Innenministeriums.", "Innenministerium", "institution"),
    ("„Es reicht“, sagte eine Sprecherin.", "Sprecherin", "anonymous"),
    ("„Es reicht“, sagte ein Diplomat.", "Diplomat", "anonymous"),
    ("„Es reicht“, sagte eine Augenzeugin.", "Augenzeugin", "anonymous"),
]


@pytest.mark.parametrize("text, speaker, kind", NOT_PEOPLE)
def test_institutions_parties_and_anonymous_sources_get_no_gender(text, speaker, kind):
    said = [q for q in quotes_of(text, sections=()) if q.speaker == speaker]
    assert said and said[0].speaker_kind == kind
    assert (said[0].speaker_gender, said[0].speaker_gender_evidence) == (None, None)


def test_a_plural_sie_is_no_evidence():
    text = "Anna Berger und Paul Huber kamen zu spät. „Wir bedauern das“, sagten sie."
    for q in quotes_of(text, sections=()):
        assert "pronoun" not in (q.speaker_gender_evidence or "")


# word, the article before it, the gender: role nouns, with the -in that is no feminine
ROLES = [
    ("Virologin", None, "female"), ("Bundeskanzlerin", None, "female"), ("Ärztin", None, "female"),
    ("Anwältin", None, "female"), ("Grünen-Politikerin", None, "female"), ("Kollegin", None, "female"),
    ("Sprecher", "der", "male"), ("Experte", None, "male"), ("Landeshauptmann", None, "male"),
    ("Frau", None, "female"), ("Herr", None, "male"), ("Herrn", None, "male"), ("Klubobfrau", None, "female"),
    ("Vorsitzende", "die", "female"), ("Vorsitzende", "der", "male"), ("Vorsitzende", None, None),
    ("Vorsitzender", None, "male"), ("45-Jährige", "die", "female"), ("45-Jährige", "der", "male"),
    ("Abgeordnete", "eine", "female"), ("Abgeordneten", "der", None),
    # no person, a plural, a noun of either gender
    ("Berlin", None, None), ("Termin", None, None), ("Medizin", None, None), ("Kremlin", None, None),
    ("Magazin", None, None), ("Benzin", None, None), ("Vitamin", None, None), ("Putin", None, None),
    ("Martin", None, None), ("Ärztinnen", None, None), ("Experten", None, None), ("Politiker", "die", None),
    ("Mitglied", None, None), ("Star", None, None), ("Grünen", "die", None), ("Dr.", None, None),
]


@pytest.mark.parametrize("word, article, gender", ROLES)
def test_role_nouns(word, article, gender):
    assert role_gender(word, article) == gender


# a person's name -> the gender of its first name
NAMES = [
    ("Angela Merkel", "female"), ("Jens Spahn", "male"), ("Christian Kern", "male"), ("Karl-Heinz Grasser", "male"),
    ("Klaus Maria Brandauer", "male"), ("Maria Scharapowa", "female"), ("Wolodymyr Selenskyj", "male"),
    ("Kim", None), ("Kim Jong-un", None), ("Andrea Rossi", None), ("Andrea Nahles", None), ("Sascha Lobo", None),
    ("Park Geun-hye", None), ("Müller", None), ("Frau Müller", None), ("Dr. Andrea Rossi", None),
]


@pytest.mark.parametrize("name, gender", NAMES)
def test_first_names(name, gender):
    assert first_name_gender(name) == gender


@pytest.mark.parametrize("role, genders", [
    ("Kanzlerin Merkels Sprecher", ["male"]),  # the role right before the name is the person's
    ("Fraktionschef der Wahren Finnen", ["male"]),  # ... unless a genitive stands there: the head before it
    ("Sprecher der zuständigen Landesrätin", ["female"]),  # the Landesrätin is the one named
    ("die frühere Vorsitzende", ["female"]),
    ("Prof. Dr.", []),
    ("CSU-Chef", ["male"]),
])
def test_the_gender_a_role_as_written_says(role, genders):
    assert [c.gender for c in role_text_clues(role)] == genders


def test_the_ambiguous_names_of_the_issue_stay_ambiguous():
    for name in ("Kim", "Andrea", "Sascha"):
        assert name_genders()[name] == "ambiguous"


def test_verdict_and_its_inverse():
    clues = {Clue("female", "role"), Clue("male", "name")}
    gender, evidence = verdict(clues)
    assert (gender, evidence) == ("unknown", "conflict: female (role); male (name)")
    assert set(parse_evidence(gender, evidence)) == clues
    assert verdict([Clue("male", "name"), Clue("male", "pronoun")]) == ("male", "name; pronoun")
    assert verdict([Clue("female", "actors file"), Clue("male", "name")]) == ("female", "actors file")
    assert verdict([]) == ("unknown", None)


def _rows(*rows: tuple[str, str, str, str | None, str | None]) -> pl.DataFrame:
    return schema.frame([{"article_id": f"a{k}", "quote_id": 0, "mode": "direct", "speaker": speaker,
                          "speaker_kind": kind, "speaker_gender": gender, "speaker_gender_evidence": evidence}
                         for k, (speaker, kind, gender, evidence) in enumerate(rows)], schema.QUOTES)


def test_one_gender_per_actor_across_the_corpus():
    quotes = _rows(
        ("Müller", "person", "female", "role"),  # "Frau Müller" in one article ...
        ("Erika Müller", "person", "unknown", None),  # ... the full name in another: merged into one actor
        ("Sascha Keller", "person", "male", "role"),
        ("Sascha Keller", "person", "female", "role"),  # evidence that disagrees: unknown, and said so
        ("Kim", "person", "unknown", None),
        ("Bündnis 90/Die Grünen", "institution", None, None),
        ("Tilli", "reader", None, None),
    )
    out = corpus_genders(merge_speakers(quotes))
    assert out.columns == list(schema.QUOTES)
    assert out["speaker_gender"].to_list() == ["female", "female", "unknown", "unknown", "unknown", None, None]
    assert out["speaker_gender_evidence"].to_list() == [
        "name; role", "name; role", "conflict: female (role); male (role)",
        "conflict: female (role); male (role)", None, None, None]


def test_the_actors_file_wins(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("canonical,aliases,group,type,gender\nSascha Keller,,,politician,weiblich\n"
                    "Kim Berger,,,expert,m\nVerein Nord,,,civil_society,\n", encoding="utf-8")
    actors = load_actors_file(path)
    quotes = _rows(("Sascha Keller", "person", "male", "role"), ("Kim Berger", "person", "unknown", None))
    out = corpus_genders(merge_speakers(quotes, actors), actors)
    assert out["speaker_gender"].to_list() == ["female", "male"]
    assert out["speaker_gender_evidence"].to_list() == ["actors file", "actors file"]


@pytest.mark.parametrize("row, message", [
    ("Sascha Keller,,,politician,vielleicht", "gender 'vielleicht' is not one of female, male"),
    ("Verein Nord,,,civil_society,female", "only people have a gender"),
])
def test_a_bad_gender_in_the_actors_file_is_a_clear_error(tmp_path, row, message):
    path = tmp_path / f"actors{abs(hash(row))}.csv"
    path.write_text("canonical,aliases,group,type,gender\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as error:
        load_actors_file(path)
    assert "line 2" in str(error.value)
