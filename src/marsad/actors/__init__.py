"""Actors: the dictionary of who fights whom (data/actors.yaml) and the matcher that finds them in text.

>>> from marsad.actors import load_dictionary
>>> [m.actor.name for m in load_dictionary().find("ISIS members attacked regime forces")]
['Islamic State', 'Military Forces of Syria']
"""

from marsad.actors.dictionary import load_dictionary, parse_source, read_source, schema
from marsad.actors.match import ActorDictionary, ActorEntry, ActorMention, Alias, SideEntry
from marsad.actors.text import normalise

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorMention",
    "Alias",
    "SideEntry",
    "load_dictionary",
    "normalise",
    "parse_source",
    "read_source",
    "schema",
]
