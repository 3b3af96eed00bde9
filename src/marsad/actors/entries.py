"""The records of the actor dictionary: spellings, actors, sides, and the mentions the matcher finds."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.records import Actor, Span


@dataclass(frozen=True, slots=True)
class Alias:
    """One spelling. ``case_sensitive`` aliases match only as written (IS, SAA): "is" never matches."""

    text: str
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary actor."""

    id: str
    name: str
    aliases: tuple[Alias, ...]
    side: str
    inter: int
    country: str | None = None
    notes: str = ""
    source: str = ""
    # the side of another country where its forces fight ("north": Turkey's in Syria), for reports that name
    # only that country
    theatre: str | None = None
    origin: str = ""  # "file:line" it was read from, for error messages and duplicate reports
    # 0 built-in, 1.. user files in order: a user file wins an alias it shares with the built-ins
    rank: int = 0

    @property
    def spellings(self) -> tuple[Alias, ...]:
        """The canonical name and every alias: the name is matched too."""
        return (Alias(self.name), *self.aliases)

    def actor(self, span: Span) -> Actor:
        return Actor(name=self.name, raw=span.text, inter=self.inter, side=self.side, known=True, span=span)


@dataclass(frozen=True, slots=True)
class SideEntry:
    """A camp actors fight for, with the words the patterns read it from."""

    id: str
    description: str = ""
    adjectives: tuple[Alias, ...] = ()
    forces: str | None = None  # actor for "<adjective> forces"
    proxy: str | None = None  # actor for "pro-<adjective> fighters", "<adjective>-backed militias"
    allies: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """An actor named in the text.

    ``role_hint``: "agent" after "by" (passive: "targeted by ISIS members"), "target" after "against",
    "targeting", "on"; None otherwise. ``actor_id``: the dictionary id, None for an unknown actor.
    """

    span: Span
    actor: Actor
    role_hint: str | None = None
    actor_id: str | None = None
