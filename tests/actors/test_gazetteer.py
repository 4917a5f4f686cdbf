"""The actor gazetteer: aliases and transliterations, roles, groups, and a user's own CSV."""

from __future__ import annotations

import pytest

from framing.actors.gazetteer import Actor, load_gazetteer
from framing.errors import ConfigError


@pytest.mark.parametrize("alias, canonical, group", [
    ("Selenskyj", "Wolodymyr Selenskyj", "Ukraine"),
    ("Zelensky", "Wolodymyr Selenskyj", "Ukraine"),
    ("Zelenskyy", "Wolodymyr Selenskyj", "Ukraine"),
    ("Selenskyi", "Wolodymyr Selenskyj", "Ukraine"),
    ("Wolodymyr Zelensky", "Wolodymyr Selenskyj", "Ukraine"),
    ("Lawrow", "Sergej Lawrow", "Russia"),
    ("Lavrov", "Sergej Lawrow", "Russia"),
    ("Sergei Lavrov", "Sergej Lawrow", "Russia"),
    ("Kremlchef", "Wladimir Putin", "Russia"),
    ("Mark Rutte", "Mark Rutte", "NATO"),
    ("Präsident Wolodymyr Selenskyj", "Wolodymyr Selenskyj", "Ukraine"),  # a known surname at the end
    ("Alar Karris", "Alar Karis", "Estonia"),
    ("Außenministerium in Kiew", "Außenministerium in Kiew", "Ukraine"),
])
def test_aliases_and_transliterations(alias, canonical, group):
    actor = load_gazetteer().lookup(alias)
    assert actor is not None and (actor.name, actor.group) == (canonical, group)


def test_unknown_names_are_not_guessed():
    gaz = load_gazetteer()
    assert gaz.lookup("Petra Musterfrau") is None
    assert gaz.lookup("") is None


@pytest.mark.parametrize("role", ["Präsident", "US-Präsident", "türkischer Präsident", "EZB-Präsident",
                                  "EZB-Präsidentin", "Bundeskanzler", "Generalsekretär"])
def test_a_role_alone_is_no_name_of_anyone(role):
    # a role is held by many (Theo Zwanziger, Präsident des DFB): it finds its holder among the article's people
    assert load_gazetteer().lookup(role) is None


def test_every_alias_of_a_person_names_them_and_holds_no_role_word():
    gaz = load_gazetteer()
    for actor in gaz.actors:
        if actor.kind == "person":
            for alias in actor.aliases:
                assert not alias.lower().endswith(("präsident", "präsidentin")), (actor.name, alias)


def test_roles_find_the_actor_among_candidates():
    gaz = load_gazetteer()
    rutte, baerbock = gaz.lookup("Rutte"), gaz.lookup("Baerbock")
    assert gaz.by_role("der frühere niederländische Regierungschef", [rutte, baerbock]) == [rutte]
    assert gaz.by_role("die Grünen-Politikerin", [rutte, baerbock]) == [baerbock]
    assert gaz.by_role("der niederländische Nato-Chef", [rutte, baerbock]) == [rutte]
    assert gaz.by_role("der Bürgermeister", [rutte, baerbock]) == []


def test_gazetteer_is_cached_and_actors_are_frozen():
    gaz = load_gazetteer()
    assert load_gazetteer() is gaz
    actor = gaz.lookup("Rutte")
    assert isinstance(actor, Actor) and actor.kind == "person" and "Nato-Generalsekretär" in actor.roles
    with pytest.raises(AttributeError):
        actor.name = "x"


def test_a_users_own_csv(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("canonical,aliases,roles,group,kind\n"
                    "Erika Muster,Muster|E. Muster,Bürgermeisterin,Musterstadt,person\n", encoding="utf-8")
    gaz = load_gazetteer(path)
    assert gaz.lookup("E. Muster").name == "Erika Muster"
    assert gaz.lookup("Rutte") is None


@pytest.mark.parametrize("content", [
    "canonical,aliases,roles,group,kind\n,Muster,,,person\n",
    "canonical,aliases,roles,group,kind\nErika Muster,,,,robot\n",
])
def test_malformed_csv_is_a_config_error(tmp_path, content):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_gazetteer(path)


def test_missing_csv_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_gazetteer(tmp_path / "nope.csv")
