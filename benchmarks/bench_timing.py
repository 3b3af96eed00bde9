"""Throughput passes over the sample, measured side by side in one process on one core.

A round returns seconds per (source, key). The registered chain runs stage by stage, exactly as the main job
(``marsad run``: ``marsad.pipeline.extract_batch``) runs it, each stage over a batch of ``BATCH_SIZE`` reports
with a clock around it, so every stage is measured on the drafts the real chain hands it. Beside it run the whole
``extract_batch`` over the same batches, the one-report ``extract`` (each report through every stage in turn),
and two baselines that readers can use to compare machines: sentence segmentation alone, and a fixed regex word
scan that no engineer changes (a yardstick of raw machine speed).
"""

from __future__ import annotations

import gc
import os
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench_corpus import Batch

from marsad import pipeline, registry
from marsad.actors import classes
from marsad.extract import segment, typing
from marsad.extract.stages import DEFAULT_CHAIN, Draft, Resources
from marsad.pipeline import extract, extract_batch
from marsad.records import Document

Seconds = dict[str, dict[str, float]]  # source -> key (stage or configuration) -> seconds
_WORD = re.compile(r"\w+")
MIN_ROUNDS = 3  # fewer and the median is just the middle of noise
ALL = "all"
ONE_BY_ONE = "pipeline_one_by_one"  # ``extract()``: each report through every stage before the next report


def pin_one_core() -> int | None:
    """Pin this process (and the memory worker it starts) to one core: the goals are per core, and a pinned
    process is not migrated between cores mid-measurement. None where the platform cannot pin."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def stage_key(name: str) -> str:
    """ "marsad.extract.casualties.v1" -> "casualties": keys survive a stage moving to v2."""
    parts = name.split(".")
    return parts[-2] if len(parts) >= 2 else name


# Memo caches keyed by a sentence's text. They pay within one report (several stages read the same sentence), but
# a timed pass over documents an earlier pass already read would find every sentence answered: emptied before
# every pass, so each pass reads its documents as new ones, as a real run does. Caches keyed by a name or a word
# stay warm, as they are in a long run (names and words repeat across reports; sentences do not).
SENTENCE_CACHES = (typing.sentence_hits, classes.kinds_in)


def forget_sentences() -> None:
    for memo in SENTENCE_CACHES:
        memo.cache_clear()


def _simple_pass(batches: Sequence[Batch], key: str, work: Callable[[Document], object]) -> Seconds:
    clock = time.perf_counter
    out: Seconds = {}
    for batch in batches:
        t0 = clock()
        for doc in batch.docs:
            work(doc)
        out[batch.name] = {key: clock() - t0}
    return out


def staged_pass(batches: Sequence[Batch], resources: Resources, counts: dict[str, int]) -> Seconds:
    """The default chain stage by stage as ``extract_batch`` runs it, a clock around each stage's pass over a
    batch of reports; ``counts`` gets sentences per source."""
    stages = [(stage_key(n), registry.get(n)) for n in DEFAULT_CHAIN]
    clock = time.perf_counter
    out: Seconds = {}
    for batch in batches:
        spent: dict[str, float] = defaultdict(float)
        sentences = 0
        for run in pipeline.batches(batch.docs):
            drafts = [Draft(doc, resources) for doc in run]
            for key, stage in stages:
                t0 = clock()
                drafts = [stage(draft) for draft in drafts]
                spent[key] += clock() - t0
            sentences += sum(len(draft.sentences) for draft in drafts)
        out[batch.name] = dict(spent)
        counts[batch.name] = sentences
    return out


def _batched_pass(batches: Sequence[Batch], resources: Resources) -> Seconds:
    """``extract_batch`` over the sample in the main job's batches."""
    clock = time.perf_counter
    out: Seconds = {}
    for batch in batches:
        t0 = clock()
        for run in pipeline.batches(batch.docs):
            extract_batch(run, resources=resources)
        out[batch.name] = {"pipeline": clock() - t0}
    return out


def one_round(
    batches: Sequence[Batch], resources: Resources, counts: dict[str, int], extract_first: bool = False
) -> Seconds:
    """Every configuration over the whole sample, one after another. Whole passes, not document by document:
    the gazetteer keeps few country layers in memory, and a configuration run right after another on the same
    document would find the layer that one just loaded and look up to twice as fast. After a whole pass every
    configuration starts from the same state. ``extract_first`` swaps the two full runs, so neither always
    follows the other."""
    passes: list[Callable[[], Seconds]] = [
        lambda: _simple_pass(batches, "yardstick", lambda d: _WORD.findall(d.text.lower())),
        lambda: _simple_pass(batches, "segment_only", lambda d: segment.sentences(d.text)),
        lambda: _simple_pass(batches, ONE_BY_ONE, lambda d: extract(d, resources=resources)),
        lambda: staged_pass(batches, resources, counts),
        lambda: _batched_pass(batches, resources),
    ]
    if extract_first:
        passes[3], passes[4] = passes[4], passes[3]
    out: Seconds = {}
    for run in passes:
        gc.collect()  # the previous pass's garbage is collected here, not charged to the next configuration
        forget_sentences()
        for source, by_key in run().items():
            out.setdefault(source, {}).update(by_key)
    return out


@dataclass
class Rounds:
    """Seconds of every round for each (source, key), and the sentence count per source."""

    seconds: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    sentences: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return max((len(v) for v in self.seconds.values()), default=0)

    def add(self, result: Seconds) -> None:
        for source, by_key in result.items():
            for key, value in by_key.items():
                self.seconds.setdefault((source, key), []).append(value)

    def per_repeat(self, source: str, keys: Sequence[str]) -> list[float]:
        """Seconds of each round summed over ``keys`` (and over every source for ALL). Summing within a
        round before taking the median keeps one slow round of one stage from mixing with others."""
        sources = sorted({s for s, _ in self.seconds}) if source == ALL else [source]
        series = [self.seconds[(s, k)] for s in sources for k in keys if (s, k) in self.seconds]
        return [sum(values) for values in zip(*series, strict=True)] if series else []


@dataclass(frozen=True)
class Stat:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Stat:
        return cls(statistics.median(values), min(values), max(values))

    @property
    def spread(self) -> float:
        """(slowest - fastest) / median: how noisy the rounds were."""
        return (self.high - self.low) / self.median if self.median else 0.0


def warm_up(batches: Sequence[Batch], resources: Resources) -> tuple[float, float]:
    """One untimed round on other documents of the same sources (gazetteer layers, compiled patterns and word
    caches fill there, as in a long run, without having seen the timed documents). Returns its seconds and the
    estimated seconds of one timed round (scaled by the number of documents)."""
    warm = [b.warmup_batch() for b in batches]
    t0 = time.perf_counter()
    one_round(warm, resources, {})
    spent = time.perf_counter() - t0
    scale = sum(len(b.docs) for b in batches) / max(1, sum(len(b.docs) for b in warm))
    return spent, spent * scale


def thin_to_budget(
    batches: Sequence[Batch], round_s: float, repeats: int, budget_s: float
) -> tuple[list[Batch], float]:
    """(sample, fraction kept): the sample thinned only when even MIN_ROUNDS rounds of ``round_s`` would
    overrun ``budget_s``, so `make bench` stays within minutes however slow a stage becomes (the rounds
    themselves stop early at the budget: see ``timed_rounds``)."""
    wanted = min(repeats, MIN_ROUNDS)
    if round_s * wanted <= budget_s:
        return list(batches), 1.0
    fraction = budget_s / (wanted * round_s)
    return [b.thinned(fraction) for b in batches], fraction


def timed_rounds(
    batches: Sequence[Batch],
    resources: Resources,
    repeats: int,
    step: Callable[[str], None],
    budget_s: float = float("inf"),
) -> Rounds:
    """Up to ``repeats`` rounds; after MIN_ROUNDS, stops early when the next round (estimated from the mean
    of those so far) would overrun ``budget_s``."""
    rounds = Rounds()
    start = time.perf_counter()
    for r in range(repeats):
        elapsed = time.perf_counter() - start
        if r >= MIN_ROUNDS and elapsed + elapsed / r > budget_s:
            break
        rounds.add(one_round(batches, resources, rounds.sentences, extract_first=bool(r % 2)))
        step(f"timing: round {r + 1} of up to {repeats} done")
    return rounds
