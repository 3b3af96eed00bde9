"""Load and validate actor dictionaries (YAML, format in ``data/actors.schema.json``).

The built-in dictionary is read once per process. Users add their own files in the same format; a file that
breaks the format is refused with a :class:`ConfigError` naming the file, the line and the field, because a
silently ignored entry would quietly change who is counted against whom.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema.exceptions import ValidationError, best_match, relevance
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for

from marsad.actors.match import ActorDictionary, ActorEntry, Alias, SideEntry
from marsad.errors import ConfigError

log = logging.getLogger(__name__)

DEFAULT_FILE = "actors.yaml"
SCHEMA_FILE = "actors.schema.json"
_PathPart = str | int


@dataclass(frozen=True)
class Source:
    """One parsed, schema-valid dictionary file; ``node`` keeps each value's YAML line for error messages."""

    name: str
    data: dict[str, Any]
    node: yaml.Node | None
    rank: int  # 0 built-in, 1.. user files in the order given

    def line(self, path: Sequence[_PathPart]) -> int:
        return _line(self.node, path)

    def fail(self, path: Sequence[_PathPart], message: str) -> ConfigError:
        return ConfigError(f"{self.name}, line {self.line(path)}, field {_field(path)}: {message}")


def load_dictionary(extra: Sequence[Path] = ()) -> ActorDictionary:
    """The built-in actor dictionary, plus the user files in ``extra`` (same format; an actor or side whose id
    is already defined replaces it, later files win). Raises ConfigError for a file that cannot be read or is
    invalid."""
    if not extra:
        return _default_dictionary()
    sources = [_default_source(), *(read_source(Path(p), rank) for rank, p in enumerate(extra, start=1))]
    return build(sources)


@cache
def _default_dictionary() -> ActorDictionary:
    return build([_default_source()])


@cache
def _default_source() -> Source:
    text = resources.files("marsad.actors").joinpath("data", DEFAULT_FILE).read_text("utf-8")
    return parse_source(text, f"marsad/actors/data/{DEFAULT_FILE}", rank=0)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of dictionary files."""
    text = resources.files("marsad.actors").joinpath("data", SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> Validator:
    cls = validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


def read_source(path: Path, rank: int = 1) -> Source:
    """Read and validate one user dictionary file."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"actor dictionary {path} does not exist: check the path") from None
    except UnicodeDecodeError:
        raise ConfigError(f"actor dictionary {path} is not UTF-8 text: save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(
            f"actor dictionary {path} cannot be read ({exc.strerror}): check the path"
        ) from None
    return parse_source(text, str(path), rank)


def parse_source(text: str, name: str, rank: int = 1) -> Source:
    """Parse YAML text and check it against the schema; the first problem in file order raises ConfigError."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark is not None else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{name}, {line}: not valid YAML ({problem}): fix the syntax") from None
    finally:
        loader.dispose()
    source = Source(name, data if isinstance(data, dict) else {}, node, rank)
    errors = list(_validator().iter_errors(data if data is not None else {}))
    if errors:
        raise _schema_error(source, errors)
    return source


def _schema_error(source: Source, errors: Iterable[ValidationError]) -> ConfigError:
    """The first schema error in file order, as "file, line N, field actors[3].inter: <what>"."""
    detailed = []
    for err in errors:
        deepest = best_match([err])  # into anyOf branches: the alias branch that nearly fitted
        path, message = _where(deepest)
        detailed.append((source.line(path), relevance(deepest), path, message))
    _, _, path, message = min(detailed, key=lambda d: (d[0], d[1]))
    actor_id = _actor_id(source.data, path)
    about = f" (actor {actor_id})" if actor_id else ""
    return source.fail(path, f"{message}{about}; see {SCHEMA_FILE} for the format")


def _where(err: ValidationError) -> tuple[list[_PathPart], str]:
    """The path of the offending field, pointing at a missing or unexpected key itself, and a message."""
    path = list(err.absolute_path)
    instance = err.instance
    if err.validator == "required" and isinstance(instance, dict):
        missing = [k for k in err.validator_value if k not in instance]
        return [*path, missing[0]], f"required field '{missing[0]}' is missing"
    if err.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = err.schema.get("properties", {})
        unexpected = sorted(k for k in instance if k not in allowed)
        fields = ", ".join(sorted(allowed))
        return [*path, unexpected[0]], f"unknown field '{unexpected[0]}' (allowed: {fields})"
    return path, err.message


def _actor_id(data: dict[str, Any], path: Sequence[_PathPart]) -> str | None:
    if len(path) >= 2 and path[0] == "actors" and isinstance(path[1], int):
        actors = data.get("actors") or []
        if path[1] < len(actors) and isinstance(actors[path[1]], dict):
            value = actors[path[1]].get("id")
            return value if isinstance(value, str) else None
    return None


def _field(path: Sequence[_PathPart]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _line(node: yaml.Node | None, path: Sequence[_PathPart]) -> int:
    """1-based line of the YAML node at ``path``, or of the nearest enclosing node that exists."""
    if node is None:
        return 1
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _child(node: yaml.Node, part: _PathPart) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == part:
                # an empty value (``inter:``) has no line of its own: point at its key
                empty = isinstance(v, yaml.ScalarNode) and v.value == ""
                return k if empty else v
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        child: yaml.Node = node.value[part]
        return child
    return None


# ---------------------------------------------------------------------------------------------- building


def build(sources: Sequence[Source]) -> ActorDictionary:
    """Merge validated sources into one dictionary, checking what the schema cannot: unique ids within a file,
    sides that exist, and actor ids that sides and civilian words point to."""
    entries: dict[str, ActorEntry] = {}
    sides: dict[str, tuple[SideEntry, Source, int]] = {}
    words: list[Alias] = []
    countries: dict[str, list[Alias]] = {}
    civilians: tuple[str, Source] | None = None
    for source in sources:
        for entry in _entries(source):
            if entry.id in entries:
                log.info(
                    "actor %s from %s replaces the one from %s",
                    entry.id,
                    entry.origin,
                    entries[entry.id].origin,
                )
            entries[entry.id] = entry
        for i, side in enumerate(_sides(source)):
            sides[side.id] = (side, source, i)
        block = source.data.get("civilian_words")
        if block:
            civilians = (block["actor"], source)
            words.extend(_alias(w) for w in block["words"])
        for country in source.data.get("countries") or []:
            countries.setdefault(country["id"], []).extend(_alias(n) for n in country["names"])
    _check_references(sources, entries, sides, civilians)
    return ActorDictionary(
        list(entries.values()),
        [s for s, _, _ in sides.values()],
        words,
        civilians[0] if civilians else None,
        countries,
    )


def _alias(value: str | dict[str, Any]) -> Alias:
    if isinstance(value, str):
        return Alias(value)
    return Alias(value["text"], bool(value.get("case_sensitive", False)))


def _entries(source: Source) -> list[ActorEntry]:
    out: list[ActorEntry] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(source.data.get("actors") or []):
        if raw["id"] in seen:
            first = source.line(["actors", seen[raw["id"]], "id"])
            raise source.fail(
                ["actors", i, "id"], f"id '{raw['id']}' is already used on line {first}: ids must be unique"
            )
        seen[raw["id"]] = i
        out.append(
            ActorEntry(
                id=raw["id"],
                name=raw["name"],
                aliases=tuple(_alias(a) for a in raw["aliases"]),
                side=raw["side"],
                inter=raw["inter"],
                country=raw.get("country"),
                notes=raw.get("notes", ""),
                source=raw.get("source", ""),
                theatre=raw.get("theatre"),
                origin=f"{source.name}:{source.line(['actors', i])}",
                rank=source.rank,
            )
        )
    return out


def _sides(source: Source) -> list[SideEntry]:
    out: list[SideEntry] = []
    seen: set[str] = set()
    for i, raw in enumerate(source.data.get("sides") or []):
        if raw["id"] in seen:
            raise source.fail(["sides", i, "id"], f"side '{raw['id']}' is declared twice in this file")
        seen.add(raw["id"])
        out.append(
            SideEntry(
                id=raw["id"],
                description=raw["description"],
                adjectives=tuple(_alias(a) for a in raw.get("adjectives", ())),
                forces=raw.get("forces"),
                proxy=raw.get("proxy"),
                allies=tuple(raw.get("allies", ())),
            )
        )
    return out


def _check_references(
    sources: Sequence[Source],
    entries: dict[str, ActorEntry],
    sides: dict[str, tuple[SideEntry, Source, int]],
    civilians: tuple[str, Source] | None,
) -> None:
    for source in sources:
        for i, raw in enumerate(source.data.get("actors") or []):
            if raw["side"] not in sides:
                known = ", ".join(sorted(sides))
                raise source.fail(
                    ["actors", i, "side"], f"side '{raw['side']}' is not declared (declared: {known})"
                )
    for side, source, i in sides.values():
        for name in ("forces", "proxy"):
            ref = getattr(side, name)
            if ref and ref not in entries:
                raise source.fail(["sides", i, name], f"no actor has id '{ref}'")
        for ally in side.allies:
            if ally not in sides:
                raise source.fail(["sides", i, "allies"], f"side '{ally}' is not declared")
    if civilians and civilians[0] not in entries:
        raise civilians[1].fail(["civilian_words", "actor"], f"no actor has id '{civilians[0]}'")
