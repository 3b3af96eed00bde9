"""What every gold set provides: a reader, a scorer, and a description of its metrics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluate.readers import GoldItem, GoldSet


@dataclass(frozen=True)
class Case:
    """One scored item for ``--errors``: text, gold and prediction side by side; higher badness is worse."""

    id: str
    line: int
    text: str
    gold: str
    predicted: str
    failed: tuple[str, ...]
    badness: float


@dataclass
class Scored:
    metrics: dict[str, float | None]
    counts: dict[str, int]
    cases: list[Case]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SetSpec:
    name: str
    title: str
    source: str  # path of the gold file, relative to the data folder (or its parent for the corpus)
    read: Callable[[Path], GoldSet]
    score: Callable[[list[GoldItem], list[dict[str, Any]]], Scored]
    metrics: dict[str, str]  # metric name -> what it measures, in the order reports list them
    gated: tuple[str, ...]  # metrics with a floor in baseline.json (higher is better)
