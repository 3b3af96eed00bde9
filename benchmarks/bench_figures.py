"""From raw seconds to the figures the report shows: throughput, goal ratios, side-by-side ratios.

The goals are the ones the issues state (casualties #4, places #5, actors and typing #6, dates and
segmentation #7). Every ratio is computed from measurements of the same run, so it carries across machines
better than the absolute figures do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench_corpus import Batch
from bench_timing import ALL, ONE_BY_ONE, Rounds, Stat

MEMORY_GOAL_MB = 400.0  # issue #5: the extraction worker stays within 400 MB with everything loaded
STAGE_ORDER = ("segment", "dates", "actors", "places", "casualties", "typing", "assemble")


@dataclass(frozen=True)
class Goal:
    title: str
    keys: tuple[str, ...]  # stage keys whose time is summed
    unit: str  # what is counted: "sentences" or "reports"
    target: float  # per second, one core
    issue: int


GOALS = (
    Goal("Casualty stage alone", ("casualties",), "sentences", 2000, 4),
    Goal("Dates + segmentation", ("segment", "dates"), "reports", 2000, 7),
    Goal("Toponym stage", ("places",), "reports", 1000, 5),
    Goal("Actors + typing", ("actors", "typing"), "reports", 1000, 6),
)


@dataclass(frozen=True)
class Rate:
    """A throughput: units per second in the median round, and in the slowest and fastest rounds."""

    units: int
    seconds: Stat

    @property
    def median(self) -> float:
        return self.units / self.seconds.median if self.seconds.median else float("inf")

    @property
    def slowest(self) -> float:
        return self.units / self.seconds.high if self.seconds.high else float("inf")

    @property
    def fastest(self) -> float:
        return self.units / self.seconds.low if self.seconds.low else float("inf")


@dataclass
class Figures:
    batches: list[Batch]
    rounds: Rounds
    gazetteer_load: dict[str, list[float]]
    worker: dict[str, Any]
    # bench_compiled.side_by_side: what its two workers ran and their seconds per round; None when this run
    # had no compiled build
    against_pure: dict[str, Any] | None = None

    def sources(self) -> list[str]:
        return [b.name for b in self.batches] + ([ALL] if len(self.batches) > 1 else [])

    def docs(self, source: str) -> int:
        return sum(len(b.docs) for b in self.batches if source in (ALL, b.name))

    def chars(self, source: str) -> int:
        return sum(b.chars for b in self.batches if source in (ALL, b.name))

    def sentences(self, source: str) -> int:
        return sum(n for s, n in self.rounds.sentences.items() if source in (ALL, s))

    def units(self, source: str, unit: str) -> int:
        return self.sentences(source) if unit == "sentences" else self.docs(source)

    def rate(self, source: str, keys: tuple[str, ...], unit: str = "reports") -> Rate:
        return Rate(self.units(source, unit), Stat.of(self.rounds.per_repeat(source, keys)))

    def goal_rate(self, goal: Goal, source: str = ALL) -> Rate:
        return self.rate(source, goal.keys, goal.unit)

    def stage_keys(self) -> list[str]:
        """Stage keys in chain order (a stage added by another engineer shows up at the end)."""
        found = {k for _, k in self.rounds.seconds} - {"pipeline", ONE_BY_ONE, "segment_only", "yardstick"}
        return [k for k in STAGE_ORDER if k in found] + sorted(found - set(STAGE_ORDER))

    def implied_pipeline_rate(self, source: str = ALL) -> float:
        """Reports/s the whole chain would reach if every goal-bearing stage ran exactly at its goal (the
        assemble stage, which has no goal, counted as free): a yardstick for the whole-pipeline figure."""
        per_doc = sum(self.units(source, g.unit) / self.docs(source) / g.target for g in GOALS)
        return 1 / per_doc if per_doc else float("inf")

    def config_rate(self, config: str, source: str, keys: tuple[str, ...]) -> Rate:
        """Reports/s of ``keys`` in one worker ("compiled" or "pure") of the compiled-against-pure comparison."""
        assert self.against_pure is not None
        rounds = Rounds()
        for seconds in self.against_pure["rounds"][config]:
            rounds.add(seconds)
        return Rate(self.docs(source), Stat.of(rounds.per_repeat(source, keys)))

    def peak_mb(self) -> float:
        return float(self.worker["peak_mb"])


def fmt_rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:,.1f}"


def fmt_ratio(value: float) -> str:
    return f"{value:,.2f}×"


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def verdict(ratio: float) -> str:
    return "pass" if ratio >= 1 else "FAIL"
