"""Named, versioned stage implementations ("marsad.extract.casualties.v1").

The pipeline chains stages by name, so an alternative implementation (a learned typer, another gazetteer) can be
registered and selected without touching the pipeline, and every stored event records which versions produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from marsad.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])
_REGISTRY: dict[str, Callable[..., Any]] = {}


def register(name: str) -> Callable[[F], F]:
    def wrap(fn: F) -> F:
        if name in _REGISTRY and _REGISTRY[name] is not fn:
            raise ConfigError(
                f"stage {name!r} is registered twice; give the new implementation a new version"
            )
        _REGISTRY[name] = fn
        return fn

    return wrap


def get(name: str) -> Callable[..., Any]:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise ConfigError(f"no stage named {name!r}; registered stages: {known}") from None


def names() -> list[str]:
    return sorted(_REGISTRY)
