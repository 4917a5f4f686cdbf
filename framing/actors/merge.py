"""Speaker names merged across a corpus: the quotes table in, the same table with one name per actor out.

In: the quotes table of a whole corpus (columns of `framing.schema.QUOTES`) and, optionally, the user's actors file
(a `Gazetteer` read from `actors.csv` in the corpus folder or `--actors FILE`). Out: the same rows and columns, with
every name form of an actor replaced by one name and `speaker_merge` saying how (`actors file: Merkel`), and each
actor's group and type filled in from its other quotes. In order, first match wins: the user's actors file, the
shipped gazetteer, spelling variants (`Demirtaş` / `Demirtas`), genitives (`Merkels`), a surname standing for the
one full name of the corpus that ends in it (`Söder` -> `Markus Söder`; kept apart when two full names end in it),
a short form that ends the one longer name (`von der Leyen`). Readers (`speaker_kind == "reader"`) are left alone.
"""

from __future__ import annotations

from collections import Counter
import re

import polars as pl

from framing.actors.gazetteer import Actor, Gazetteer, load_gazetteer
from framing.actors.names import fold_name

# Spellings that transliterations of one name vary in (Yanis / Giannis, Sergej / Sergei, Wolodymyr / Volodymyr):
# folded to one letter each, in this order.
TRANSLITERATIONS = (("gi", "y"), ("y", "i"), ("j", "i"), ("ph", "f"), ("w", "v"), ("kh", "h"), ("ch", "h"),
                    ("z", "s"))


def transliteration_key(name: str) -> str:
    """A first name without the differences of transliteration: `Giannis` and `Yanis` -> `ianis`."""
    key = fold_name(name)
    for old, new in TRANSLITERATIONS:
        key = key.replace(old, new)
    return re.sub(r"(.)\1", r"\1", key)


def _spelling(name: str) -> str:
    """A name's key for spelling variants: no accents, case, hyphens or spaces (`Hans-Peter` = `Hans Peter`)."""
    return fold_name(name).replace("-", "").replace(" ", "")


def _canonical(names: Counter, kinds: dict[str, str], actors: Gazetteer | None,
               gaz: Gazetteer) -> tuple[dict[str, str], dict[str, str], dict[str, Actor]]:
    """For each speaker name: the name it merges into, how, and the actor of a file or the gazetteer it is."""
    target: dict[str, str] = {}
    how: dict[str, str] = {}
    known: dict[str, Actor] = {}
    for name in names:
        for source, table in (("actors file", actors), ("gazetteer", gaz)):
            actor = table.lookup(name) if table is not None else None
            if actor is not None:
                known[actor.name] = known.get(actor.name, actor)
                if actor.name != name:
                    target[name], how[name] = actor.name, source
                break
    persons = [n for n in names if kinds.get(n) == "person" and n not in target]
    # spelling variants: the most quoted form wins
    by_spelling: dict[str, list[str]] = {}
    for name in persons:
        by_spelling.setdefault(_spelling(name), []).append(name)
    for forms in by_spelling.values():
        if len(forms) > 1:
            best = max(forms, key=lambda f: (names[f], f))
            for f in forms:
                if f != best:
                    target[f], how[f] = best, "spelling"
    # transliterations of one first name with one surname: "Yanis Varoufakis" / "Giannis Varoufakis"
    by_last: dict[str, list[str]] = {}
    for name in persons:
        if len(name.split()) == 2 and name not in target:
            by_last.setdefault(fold_name(name.split()[-1]), []).append(name)
    for forms in by_last.values():
        for a in sorted(forms, key=lambda f: (-names[f], f)):
            for b in forms:
                if a != b and b not in target and a not in target and transliteration_key(
                        a.split()[0]) == transliteration_key(b.split()[0]):
                    target[b], how[b] = a, "transliteration"
    full = {n for n in persons if len(n.split()) > 1 and n not in target}
    full |= {a for a, actor in known.items() if actor.kind == "person" and len(a.split()) > 1}
    by_surname: dict[str, set[str]] = {}
    # every full name under each of its folded endings after a space ("angela merkel" under "merkel"), so that
    # a shorter name finds the longer ones it ends at once: comparing every pair took minutes at 10,000 articles
    ends: dict[str, set[str]] = {}
    for name in full:
        by_surname.setdefault(fold_name(name.split()[-1]), set()).add(name)
        folded = fold_name(name)
        for at, char in enumerate(folded):
            if char == " ":
                ends.setdefault(folded[at + 1:], set()).add(name)
    for name in persons:
        if name in target:
            continue
        words = name.split()
        if len(words) == 1:
            key = fold_name(name)
            longer = by_surname.get(key, set())
            if not longer and key.endswith("s") and not by_surname.get(key) and by_surname.get(key[:-1]):
                longer, way = by_surname[key[:-1]], "genitive"
            else:
                way = "surname"
            if len(longer) == 1:
                target[name], how[name] = next(iter(longer)), way
            continue
        longer = ends.get(fold_name(name), set()) - {name}
        if len(longer) == 1:
            target[name], how[name] = next(iter(longer)), "short form"
    for name in list(target):  # follow chains: "Merkels" -> "Merkel" -> "Angela Merkel"
        seen = {name}
        while target[name] in target and target[name] not in seen:
            seen.add(target[name])
            target[name] = target[target[name]]
    return target, how, known


def merge_speakers(quotes: pl.DataFrame, actors: Gazetteer | None = None) -> pl.DataFrame:
    """Unify speaker names across articles (see the module docstring), record how in `speaker_merge`, and give
    each actor the group and type of its actor entry, else the most frequent ones among its quotes. Same columns
    in and out."""
    if quotes.is_empty() or "speaker" not in quotes.columns:
        return quotes
    gaz = load_gazetteer()
    is_actor = pl.col("speaker").is_not_null() & (pl.col("speaker_kind") != "reader")
    rows = quotes.filter(is_actor)
    # in name order, and a tie of kinds broken by name: which merge comes first follows this order, and polars'
    # group_by gives its groups in a new order on every run (the same corpus gave other merges)
    names = Counter(dict(rows.group_by("speaker").len().sort("speaker").iter_rows()))
    kinds = dict(rows.group_by("speaker").agg(pl.col("speaker_kind").mode().sort().first()).iter_rows())
    target, how, known = _canonical(names, kinds, actors, gaz)
    merged = quotes.with_columns(
        pl.when(is_actor).then(pl.col("speaker").replace_strict(how, default=None, return_dtype=pl.String)
                               + pl.lit(": ") + pl.col("speaker")).otherwise(pl.col("speaker_merge"))
        .alias("speaker_merge"),
        pl.when(is_actor).then(pl.col("speaker").replace(target)).otherwise(pl.col("speaker")).alias("speaker"),
    )
    # group and type: an actors-file or gazetteer entry wins, else the most frequent ones among the actor's quotes
    actor_rows = merged.filter(is_actor)
    groups = dict(actor_rows.filter(pl.col("speaker_group").is_not_null()).group_by("speaker")
                  .agg(pl.col("speaker_group").mode().sort().first()).iter_rows())
    types = dict(actor_rows.filter(pl.col("speaker_type").is_not_null() & (pl.col("speaker_type") != "unknown"))
                 .group_by("speaker").agg(pl.col("speaker_type").mode().sort().first()).iter_rows())
    for name, actor in known.items():
        if actor.group:
            groups[name] = actor.group
        if actor.type:
            types[name] = actor.type
    file_names = {a.name for a in actors.actors} if actors is not None else set()
    won = pl.col("speaker").is_in(list(file_names))  # the user's actors file wins over what the text says
    own_group = pl.col("speaker").replace_strict(groups, default=None, return_dtype=pl.String)
    own_type = pl.col("speaker").replace_strict(types, default=None, return_dtype=pl.String)
    merged = merged.with_columns(
        pl.when(is_actor & (won | pl.col("speaker_group").is_null()) & own_group.is_not_null()).then(own_group)
        .otherwise(pl.col("speaker_group")).alias("speaker_group"),
        pl.when(is_actor & (won | (pl.col("speaker_type").fill_null("unknown") == "unknown")) & own_type.is_not_null())
        .then(own_type).otherwise(pl.col("speaker_type")).alias("speaker_type"),
    )
    return merged.select(quotes.columns)
