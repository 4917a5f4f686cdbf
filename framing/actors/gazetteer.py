"""Actor gazetteer: canonical names, aliases (incl. transliterations), roles and group (country or camp).

In: a CSV a user can extend (`data/actors.csv`, or their own): columns canonical, aliases, roles, group, kind,
type and optionally gender (female / male, for a person); aliases and roles are separated by `|`; roles, kind,
type and gender may be missing (kind: person; type: see
`framing.actors.types.SPEAKER_TYPES`). Out: a frozen `Gazetteer` (loaded once per path) that looks up the
`Actor` a name, an alias or a role noun stands for. Speakers not in it are still kept by `framing.quotes`.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from framing import resources
from framing.actors.gender import filed_gender
from framing.actors.names import is_first_name
from framing.actors.types import ORGANISATION_TYPES, SPEAKER_TYPES
from framing.errors import ConfigError

DEFAULT_GAZETTEER = resources.data_path("actors.csv")
ACTOR_KINDS = ("person", "institution")
ACTORS_FILE = "actors.csv"  # a user's actors file, found at the top of a corpus folder (or given as --actors FILE);
# discovery never reads it as articles (framing.load.discover.METADATA_FILES)
# Types of actors that are organisations: an actors-file row with one of them and no kind is an institution.


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    group: str | None
    kind: str
    type: str | None = None  # speaker type (politician, government, party, ...); None when not given
    gender: str | None = None  # female / male from a `gender` column (a user's actors file); None when not given


def fold(name: str) -> str:
    """Lookup key: lowercase, hyphens and spacing unified, accents on Latin letters kept (Orbán != Orban is
    covered by aliases)."""
    return " ".join(name.lower().replace("-", " ").replace("‐", " ").split())


def _role_key(role: str) -> str:
    """Role noun reduced to its head compound, lowercase: 'der frühere … Regierungschef' -> 'regierungschef'."""
    words = re.findall(r"[\w\-]+", role)
    nouns = [w for w in words if w[:1].isupper()]
    return (nouns[-1] if nouns else (words[-1] if words else "")).lower()


def _adjective_stems(role: str) -> set[str]:
    """Lowercase modifiers of a role without inflection ending: 'niederländischer' -> 'niederländisch'."""
    stems = {re.sub(r"(e|er|en|es|em)$", "", w) for w in re.findall(r"\b[a-zäöüß][\w\-]+", role)}
    return stems - {"der", "die", "das", "des"}


@dataclass(frozen=True)
class Gazetteer:
    actors: tuple[Actor, ...]
    by_alias: dict[str, Actor] = field(default_factory=dict, compare=False, hash=False)

    def lookup(self, name: str | None) -> Actor | None:
        """The actor a name or alias stands for (exact alias, or a known surname as the last word)."""
        if not name:
            return None
        key = fold(name)
        if key in self.by_alias:
            return self.by_alias[key]
        # 'Präsident Wolodymyr Selenskyj' / 'Sergej Lawrow' with an unknown first name form
        parts = key.split()
        words = name.split()
        for n in range(len(parts) - 1, 0, -1):
            tail = " ".join(parts[-n:])
            actor = self.by_alias.get(tail)
            if actor is not None and actor.kind == "person":
                # another first name is another person: "Thomas Merkel" is not Angela Merkel
                given = {fold(w) for w in words[:len(words) - n] if is_first_name(w)}
                known = {w for form in (actor.name, *actor.aliases) for w in fold(form).split()}
                return actor if given <= known else None
        return None

    def by_role(self, role: str, candidates: tuple[Actor, ...] | list[Actor] | None = None) -> list[Actor]:
        """Actors whose roles share the role's head noun (and its modifiers, when given), best match first."""
        head = _role_key(role)
        if not head:
            return []
        mods = _adjective_stems(role)
        scored = []
        for actor in candidates if candidates is not None else self.actors:
            best = -1
            for r in actor.roles:
                if _role_key(r) == head:
                    best = max(best, len(mods & _adjective_stems(r)))
            if best >= 0:
                scored.append((best, actor))
        scored.sort(key=lambda x: -x[0])
        return [a for _, a in scored]


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())


@functools.cache
def _load(path: Path) -> Gazetteer:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    except OSError as exc:
        raise ConfigError(f"cannot read the actor gazetteer {path}: {exc}") from exc
    actors, by_alias = [], {}
    for i, row in enumerate(rows, start=2):
        name = (row.get("canonical") or "").strip()
        if not name:
            raise ConfigError(f"{path}, line {i}: empty 'canonical' (columns: canonical, aliases, roles, group, kind, "
                              "type)")
        speaker_type = (row.get("type") or "").strip() or None
        kind = (row.get("kind") or "").strip() or ("institution" if speaker_type in ORGANISATION_TYPES else "person")
        if kind not in ACTOR_KINDS:
            raise ConfigError(f"{path}, line {i}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        if speaker_type is not None and speaker_type not in SPEAKER_TYPES:
            raise ConfigError(f"{path}, line {i}: type {speaker_type!r} is not one of {', '.join(SPEAKER_TYPES)}")
        gender = filed_gender(row.get("gender"), f"{path}, line {i}")
        if gender is not None and kind != "person":
            raise ConfigError(f"{path}, line {i}: {name!r} is an {kind}: only people have a gender (leave the "
                              "gender column empty)")
        actor = Actor(name, _split(row.get("aliases")), _split(row.get("roles")),
                      (row.get("group") or "").strip() or None, kind, speaker_type, gender)
        actors.append(actor)
        for alias in (name, *actor.aliases):
            by_alias.setdefault(fold(alias), actor)
    return Gazetteer(tuple(actors), by_alias)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The actor gazetteer (cached per path); default `data/actors.csv`."""
    return _load(Path(path).resolve() if path else DEFAULT_GAZETTEER)


def find_actors_file(paths: list[str | Path] | tuple[str | Path, ...]) -> Path | None:
    """The user's actors file of a corpus: `actors.csv` at the top of the first given folder that has one (the
    shipped gazetteer, when `data/` itself is analysed, is none)."""
    for given in paths:
        candidate = Path(given) / ACTORS_FILE
        if Path(given).is_dir() and candidate.is_file() and candidate.resolve() != DEFAULT_GAZETTEER.resolve():
            return candidate
    return None


def load_actors_file(path: str | Path) -> Gazetteer:
    """A user's actors file (columns canonical, aliases, group, type; roles and kind optional), cached per path;
    ConfigError naming the file and line when it is malformed."""
    return _load(Path(path).resolve())
