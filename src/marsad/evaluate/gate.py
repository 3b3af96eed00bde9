"""The quality gate: floors per metric in ``baseline.json``, which only rise.

``check_result`` lists what falls short; ``raise_floors`` moves floors up to measured figures and refuses to
move one down unless told to (``allow_lower``) and told why (``reason``, kept in the file's history).
"""

from __future__ import annotations

import copy
import json
import math
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.evaluate.runner import EvalResult, run_set
from marsad.evaluate.sets import SETS

BASELINE_PATH = Path(__file__).with_name("baseline.json")
EPSILON = 1e-9  # float noise, far below the 0.001 step floors move in


def load_baseline(path: Path | None = None) -> dict[str, Any]:
    return json.loads((path or BASELINE_PATH).read_text("utf-8"))  # type: ignore[no-any-return]


def save_baseline(baseline: dict[str, Any], path: Path | None = None) -> None:
    (path or BASELINE_PATH).write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", "utf-8")


def gate_sample(name: str, baseline: dict[str, Any] | None = None) -> int | None:
    """How many items the gate scores for a set (a fixed hashed sample), or None for the whole set."""
    entry = (baseline or load_baseline())["sets"].get(name, {})
    return entry.get("sample")


def floor3(value: float) -> float:
    """Rounded down to 3 decimals, so the floor never sits above the figure it came from."""
    return math.floor(value * 1000 + EPSILON) / 1000


def check_result(result: EvalResult, baseline: dict[str, Any] | None = None) -> list[str]:
    """What fails the gate for this result; empty when it passes."""
    entry = (baseline or load_baseline())["sets"].get(result.set)
    if entry is None:
        return [f"{result.set}: no entry in baseline.json"]
    problems = []
    if result.sample != entry.get("sample") or result.limit is not None:
        problems.append(f"{result.set}: gate runs on sample {entry.get('sample')} without --limit")
    if result.scored < entry.get("min_scored", 1):
        problems.append(
            f"{result.set}: only {result.scored} items scored, expected at least {entry['min_scored']}"
        )
    if len(result.malformed) > entry.get("max_malformed", 0):
        problems.append(
            f"{result.set}: {len(result.malformed)} malformed rows, at most {entry['max_malformed']}"
        )
    if result.failures:
        problems.append(
            f"{result.set}: extraction raised on {len(result.failures)} items, e.g. {result.failures[0]}"
        )
    for metric, floor in entry["floors"].items():
        value = result.metrics.get(metric)
        if (value is None and floor > 0) or (value is not None and value < floor - EPSILON):
            problems.append(f"{result.set}.{metric} = {_fmt(value)} is below its floor {floor:.3f}")
    return problems


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def raise_floors(
    results: list[EvalResult],
    baseline: dict[str, Any] | None = None,
    *,
    allow_lower: bool = False,
    reason: str | None = None,
    today: date | None = None,
) -> tuple[dict[str, Any], dict[str, list[float]]]:
    """A new baseline with each gated metric's floor at its measured figure (rounded down to 3 decimals).

    Returns (baseline, changes: "set.metric" -> [old, new]). A floor that would drop raises ConfigError unless
    ``allow_lower`` and a ``reason`` are given; the reason goes into the history either way when given.
    """
    if allow_lower and not (reason or "").strip():
        raise ConfigError('--allow-lower needs --reason "..." saying why the floor may drop')
    new = copy.deepcopy(baseline or load_baseline())
    changes: dict[str, list[float]] = {}
    lowered = []
    for result in results:
        problems = [p for p in check_result(result, new) if "below its floor" not in p]
        if problems:
            raise ConfigError("cannot update the baseline from this run: " + "; ".join(problems))
        floors = new["sets"][result.set]["floors"]
        for metric in SETS[result.set].gated:
            value = result.metrics.get(metric)
            old = floors.get(metric, 0.0)
            target = old if value is None else floor3(value)
            if target < old:
                lowered.append(f"{result.set}.{metric} {old:.3f} -> {target:.3f}")
            if target != old:
                changes[f"{result.set}.{metric}"] = [old, target]
                floors[metric] = target
    if lowered and not allow_lower:
        raise ConfigError(
            "floors only rise; this run would lower "
            + ", ".join(lowered)
            + '. Fix the regression, or pass --allow-lower --reason "..."'
        )
    if changes:
        entry = {
            "date": (today or date.today()).isoformat(),
            "reason": reason or "raise floors",
            "changes": changes,
        }
        new.setdefault("history", []).append(entry)
    return new, changes


def run_gate(names: list[str] | None = None, *, data_dir: Path | str | None = None) -> list[EvalResult]:
    """Each set evaluated as the gate scores it (whole, or its fixed sample from baseline.json)."""
    baseline = load_baseline()
    return [
        run_set(name, data_dir=data_dir, sample=gate_sample(name, baseline)) for name in names or list(SETS)
    ]


def in_ci() -> bool:
    """Whether we run in CI (CI=true). There a missing data folder fails the gate instead of skipping it, so a
    wrong path never passes silently."""
    import os

    return os.environ.get("CI", "").strip().lower() == "true"
