"""Actors: the gazetteer of known actors (`data/actors.csv`) and the speaker names of a corpus merged into actors.

In: a speaker name or role mention (per article) or the quotes table (per corpus). Out: the canonical actor with
its group and kind, and the quotes table with one name per actor.
"""

from framing.actors.gazetteer import Actor, Gazetteer, load_gazetteer
from framing.actors.merge import merge_speakers

__all__ = ["Actor", "Gazetteer", "load_gazetteer", "merge_speakers"]
