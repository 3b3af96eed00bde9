"""Running one evaluation: read the gold set, extract every item, score, time the extraction."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.evaluate.readers import GoldItem, Malformed, resolve_data_dir, sample_items
from marsad.evaluate.sets import SETS, Case

log = logging.getLogger(__name__)

Extractor = Callable[[GoldItem], dict[str, Any]]


def extract_item(item: GoldItem) -> dict[str, Any]:
    """The marsad.event/1 result of one item: the ``marsad extract --jsonl`` path, or ingest's (seed)."""
    from marsad import pipeline
    from marsad.export.jsonout import result_to_dict

    if item.document is not None:
        return result_to_dict(item.document, pipeline.extract(item.document))
    return pipeline.extract_record(item.record())


@dataclass
class EvalResult:
    set: str
    title: str
    path: str
    rows_read: int
    scored: int
    malformed: list[Malformed]
    failures: list[tuple[str, str]]  # (item id, error) for items whose extraction raised
    seconds: float
    metrics: dict[str, float | None]
    counts: dict[str, int]
    cases: list[Case] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    limit: int | None = None
    sample: int | None = None

    @property
    def docs_per_s(self) -> float | None:
        return None if self.seconds <= 0 else self.scored / self.seconds

    def worst(self, n: int) -> list[Case]:
        """The n worst failed cases (most failed fields first, then the set's own measure of how wrong)."""
        failed = [c for c in self.cases if c.failed]
        return sorted(failed, key=lambda c: (-c.badness, c.line))[:n]


def _extract_all(
    items: list[GoldItem], extractor: Extractor
) -> tuple[list[dict[str, Any]], list[tuple[str, str]], float]:
    results: list[dict[str, Any]] = []
    failures: list[tuple[str, str]] = []
    elapsed = 0.0
    for item in items:
        began = time.perf_counter()
        try:
            result = extractor(item)
        except Exception as exc:  # one crashing document must not end the run; the gate fails on any failure
            log.debug("extraction failed on %s: %s", item.id, exc)
            result = {"events": [], "error": {"code": type(exc).__name__, "message": str(exc)}}
        elapsed += time.perf_counter() - began
        if "error" in result:
            # a crash, or a record the pipeline refused (extract_record's error shape): scored as no events
            error = result["error"] or {}
            failures.append((item.id, f"{error.get('code')}: {error.get('message')}"))
            result = {"events": []}
        results.append(result)
    return results, failures, elapsed


def run_set(
    name: str,
    *,
    data_dir: Path | str | None = None,
    limit: int | None = None,
    sample: int | None = None,
    extractor: Extractor | None = None,
) -> EvalResult:
    """Evaluate one gold set. ``limit`` keeps the first N items, ``sample`` a fixed hashed sample of N items.

    Raises DataMissingError (saying where it looked) when the gold file is not there.
    """
    if name not in SETS:
        raise ConfigError(f"unknown evaluation set {name!r}: choose one of {', '.join(SETS)}")
    spec = SETS[name]
    gold = spec.read(resolve_data_dir(data_dir))
    items = gold.items
    if sample is not None:
        items = sample_items(items, sample)
    if limit is not None:
        items = items[:limit]
    results, failures, seconds = _extract_all(items, extractor or extract_item)
    scored = spec.score(items, results)
    return EvalResult(
        set=name, title=spec.title, path=str(gold.path), rows_read=gold.rows_read, scored=len(items),
        malformed=gold.malformed, failures=failures, seconds=seconds, metrics=scored.metrics,
        counts=scored.counts, cases=scored.cases, extra=scored.extra, notes=gold.notes, limit=limit,
        sample=sample,
    )  # fmt: skip
