"""docs/performance.md: the machine, the goal tables, side-by-side ratios, memory, and how to reproduce."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench_compiled import COMPILED, PURE
from bench_corpus import ROOT
from bench_figures import (
    GOALS,
    MEMORY_GOAL_MB,
    Figures,
    Goal,
    fmt_rate,
    fmt_ratio,
    fmt_s,
    verdict,
)
from bench_timing import ALL, ONE_BY_ONE, Stat

from marsad.pipeline import BATCH_SIZE


def _cpuinfo_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _meminfo_total() -> str:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            kb = int(fh.readline().split()[1])
        return f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def _git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")


def machine_info(allowed_cores: int, pinned: int | None) -> dict[str, str]:
    """Said in the report so a reader knows what the absolute figures were measured on."""
    from marsad import __version__

    return {
        "Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": _cpuinfo_model(),
        "Cores": f"{os.cpu_count()} online, {allowed_cores} available to this process",
        "Pinned to": f"core {pinned} (one core, as the goals state)" if pinned is not None else "not pinned",
        "Memory": _meminfo_total(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "OS": platform.platform(),
        "marsad": f"{__version__} (git {_git_revision()})",
    }


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    """A markdown table; the first ``left`` columns are text (left-aligned), the others figures."""
    align = ["---" if i < left else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def summary_rows(fig: Figures) -> list[list[str]]:
    """One row per goal: the measurement, the value, the goal, value/goal (>= 1 passes), the verdict."""
    rows = []
    for g in GOALS:
        rate = fig.goal_rate(g)
        ratio = rate.median / g.target
        value = f"{fmt_rate(rate.median)} {g.unit}/s"
        rows.append(
            [
                f"{g.title} (#{g.issue})",
                value,
                f"≥ {g.target:,.0f} {g.unit}/s",
                fmt_ratio(ratio),
                verdict(ratio),
            ]
        )
    headroom = MEMORY_GOAL_MB / fig.peak_mb()
    peak = f"{fig.peak_mb():,.0f} MB"
    rows.append(
        [
            "Peak RSS, extraction worker (#5)",
            peak,
            f"≤ {MEMORY_GOAL_MB:,.0f} MB",
            fmt_ratio(headroom),
            verdict(headroom),
        ]
    )
    pipe = fig.rate(ALL, ("pipeline",))
    implied = fig.implied_pipeline_rate()
    rows.append(
        [
            "Whole pipeline, `marsad run` (`extract_batch()`)",
            f"{fmt_rate(pipe.median)} reports/s",
            f"no goal; stage goals imply {fmt_rate(implied)}",
            fmt_ratio(pipe.median / implied),
            "info",
        ]
    )
    single = fig.rate(ALL, (ONE_BY_ONE,))
    rows.append(
        [
            "Whole pipeline, one report at a time (`extract()`)",
            f"{fmt_rate(single.median)} reports/s",
            f"no goal; `extract_batch()` is {fmt_ratio(pipe.median / single.median)} as fast",
            "",
            "info",
        ]
    )
    if fig.against_pure is not None:
        pure = fig.config_rate(PURE, ALL, TOPONYM.keys).median
        rows.append(
            [
                f"{TOPONYM.title}, the same code as pure Python (no C compiler)",
                f"{fmt_rate(pure)} {TOPONYM.unit}/s",
                f"≥ {TOPONYM.target:,.0f} {TOPONYM.unit}/s",
                fmt_ratio(pure / TOPONYM.target),
                "info",
            ]
        )
    load = Stat.of([sum(v) for v in zip(*fig.gazetteer_load.values(), strict=True)])
    rows.append(["Gazetteer load (open + layers)", fmt_s(load.median), "no goal", "", "info"])
    return rows


# the goal of the stage the compiled build runs (the place reader: issue #5)
TOPONYM = next(g for g in GOALS if g.keys == ("places",))


def compiled_section(fig: Figures, ctx: dict[str, Any]) -> list[str]:
    """The compiled build against the same code run as Python, stage by stage and, for the toponym stage,
    source by source."""
    lines = ["## Compiled build against pure Python", ""]
    if fig.against_pure is None:
        return [
            *lines,
            f"The compiled build of the place reader was {ctx['compiled']}; every figure above is pure Python.",
            "",
        ]
    states = fig.against_pure["states"]
    runs = len(fig.against_pure["rounds"][COMPILED])
    lines += [
        "`make` compiles the modules of the place reader with mypyc (`marsad compile`; see "
        f"`src/marsad/compiled.py`); in this run: {ctx['compiled']}. Two worker processes on the same core, one "
        f"with `MARSAD_PURE_PYTHON=1`, each hold the whole sample and take turns, {runs} passes of the chain "
        "each, stage by stage (the first of each pair alternating). "
        f"The compiled worker ran the build: {'yes' if states[COMPILED]['compiled'] else 'NO'}; the pure one "
        f"ran Python: {'yes' if not states[PURE]['compiled'] else 'NO'}. The stages outside the build are the "
        "control: their ratio shows the noise between the two processes.",
        "",
    ]
    rows = []
    for key in fig.stage_keys():
        compiled = fig.config_rate(COMPILED, ALL, (key,)).seconds.median
        pure = fig.config_rate(PURE, ALL, (key,)).seconds.median
        built = "yes" if (key,) == TOPONYM.keys else "no"
        rows.append([f"`{key}`", built, fmt_s(compiled), fmt_s(pure), fmt_ratio(pure / compiled)])
    lines += table(
        ["Stage", "compiled", "seconds, with the build", "as pure Python", "pure ÷ compiled"], rows, 2
    )
    rows = []
    for source in fig.sources():
        compiled_rate = fig.config_rate(COMPILED, source, TOPONYM.keys).median
        pure_rate = fig.config_rate(PURE, source, TOPONYM.keys).median
        rows.append(
            [
                source if source != ALL else f"**{ALL}**",
                f"{fig.docs(source):,}",
                fmt_rate(compiled_rate),
                fmt_rate(pure_rate),
                fmt_ratio(compiled_rate / pure_rate),
                fmt_ratio(pure_rate / TOPONYM.target),
            ]
        )
    headers = [
        "Source",
        "reports",
        "toponym stage, reports/s",
        "as pure Python",
        "compiled ÷ pure",
        "pure × goal",
    ]
    return [*lines, "Toponym stage by source:", "", *table(headers, rows)]


def _goal_section(fig: Figures, goal: Goal) -> list[str]:
    lines = [
        f"### {goal.title}: goal ≥ {goal.target:,.0f} {goal.unit}/s on one core (issue #{goal.issue})",
        "",
    ]
    lines.append(f"Stages timed: {', '.join(goal.keys)}.")
    lines.append("")
    rows = []
    for source in fig.sources():
        rate = fig.goal_rate(goal, source)
        kchars = fig.chars(source) / rate.seconds.median / 1000
        ratio = rate.median / goal.target
        rows.append(
            [
                f"**{source}**" if source == ALL else source,
                f"{rate.units:,}",
                fmt_rate(rate.median),
                f"{fmt_rate(rate.slowest)} – {fmt_rate(rate.fastest)}",
                f"{kchars:,.0f}",
                fmt_ratio(ratio),
                verdict(ratio),
            ]
        )
    headers = [
        "Source",
        goal.unit,
        f"{goal.unit}/s (median)",
        "slowest – fastest round",
        "kchars/s",
        "× goal",
        "result",
    ]
    return lines + table(headers, rows)


def goal_sections(fig: Figures) -> list[str]:
    lines = ["## Stage throughput against the goals", ""]
    lines.append(
        "The **all** row is the verdict for the sample as drawn (see *Corpus*); the rows per source show how much "
        "the figure depends on report length (a UCDP headline is one line, a FA-KES article a page)."
    )
    lines.append("")
    for goal in GOALS:
        lines += _goal_section(fig, goal)
    return lines


def side_by_side(fig: Figures) -> list[str]:
    """Every configuration against the two baselines of the same run: the machine-independent figures."""
    seg = Stat.of(fig.rounds.per_repeat(ALL, ("segment_only",))).median
    yard = Stat.of(fig.rounds.per_repeat(ALL, ("yardstick",))).median
    pipe = Stat.of(fig.rounds.per_repeat(ALL, ("pipeline",))).median
    stages = fig.stage_keys()
    configs: list[tuple[str, tuple[str, ...]]] = [
        ("yardstick: regex word scan (fixed code)", ("yardstick",)),
        ("baseline: sentence segmentation only", ("segment_only",)),
        *((f"stage `{k}`", (k,)) for k in stages),
        ("sum of the stages, timed one by one", tuple(stages)),
        ("whole pipeline, `extract_batch()` (`marsad run`)", ("pipeline",)),
        ("whole pipeline, `extract()` one report at a time", (ONE_BY_ONE,)),
    ]
    rows = []
    for label, keys in configs:
        rate = fig.rate(ALL, keys)
        s = rate.seconds.median
        share = f"{s / pipe:.1%}" if keys[0] in stages else ""
        row = [label, fmt_s(s), fmt_rate(rate.median), fmt_ratio(s / seg), fmt_ratio(s / yard), share]
        rows.append(row)
    lines = ["## Side by side: configurations of the same run", ""]
    lines.append(
        f"All {fig.docs(ALL):,} sample reports per round, median round. The ratio columns divide each "
        "configuration's time by a baseline's time from the same run; they move far less between machines than "
        "the absolute rates. The sum of the stages over `extract_batch()` checks that timing stage by stage costs "
        f"nothing: {fmt_ratio(Stat.of(fig.rounds.per_repeat(ALL, tuple(stages))).median / pipe)}."
    )
    lines.append("")
    headers = [
        "Configuration",
        "seconds",
        "reports/s",
        "time × segmentation",
        "time × yardstick",
        "share of pipeline",
    ]
    return lines + table(headers, rows)


def pipeline_by_source(fig: Figures) -> list[str]:
    rows = []
    for source in fig.sources():
        rate = fig.rate(source, ("pipeline",))
        single = fig.rate(source, (ONE_BY_ONE,)).median
        avg = fig.chars(source) / max(fig.docs(source), 1)
        kchars = fig.chars(source) / rate.seconds.median / 1000
        spread = f"{fmt_rate(rate.slowest)} – {fmt_rate(rate.fastest)}"
        shown = f"**{source}**" if source == ALL else source
        rows.append(
            [shown, f"{rate.units:,}", f"{avg:,.0f}", fmt_rate(rate.median), spread, f"{kchars:,.0f}",
             fmt_rate(single), fmt_ratio(rate.median / single)]
        )  # fmt: skip
    lines = ["### Whole pipeline by source (`extract_batch()`, no goal stated)", ""]
    headers = [
        "Source",
        "reports",
        "chars/report",
        "reports/s (median)",
        "slowest – fastest round",
        "kchars/s",
        "`extract()` one at a time, reports/s",
        "batch ÷ one at a time",
    ]
    return lines + table(headers, rows)


def memory_section(fig: Figures) -> list[str]:
    w = fig.worker
    headroom = MEMORY_GOAL_MB / fig.peak_mb()
    rows = [
        ["import of the pipeline (cold process)", fmt_s(w["import_s"]), ""],
        ["`default_resources()`: gazetteer check + open, actor dictionary", fmt_s(w["resources_s"]), ""],
        ["gazetteer layers loaded (countries, world, SY, AF)", fmt_s(w["layers_s"]), ""],
        ["RSS after import", _mb(w["rss_import_mb"]), ""],
        ["RSS with everything loaded", _mb(w["rss_loaded_mb"]), f"≤ {MEMORY_GOAL_MB:,.0f} MB"],
        [
            f"**peak RSS** after extracting {w['docs']:,} reports (VmHWM)",
            _mb(w["peak_mb"]),
            f"≤ {MEMORY_GOAL_MB:,.0f} MB: {fmt_ratio(headroom)} headroom, {verdict(headroom)}",
        ],
        ["whole corpus, one pass, in the worker", f"{fmt_rate(w['docs'] / w['extract_s'])} reports/s", ""],
    ]
    lines = ["## Memory and load time", ""]
    lines.append(
        "A separate worker process (same interpreter, same pinned core) imports the pipeline, loads every resource, "
        f"then extracts every report of every source ({w['docs']:,} reports, {w['chars'] / 1e6:.1f} M characters, "
        "streamed, not held): its peak resident memory is what an extraction worker needs."
    )
    if w["gazetteer_rebuilt"]:
        lines.append(
            "**Not a clean measurement:** the gazetteer was rebuilt inside the worker (its inputs changed while "
            "the benchmark ran), so the peak includes the build. Run the benchmark again."
        )
    lines.append("")
    lines += table(["Measurement", "value", "goal"], rows)
    load_rows = [
        [k, fmt_s(Stat.of(v).median), f"{fmt_s(min(v))} – {fmt_s(max(v))}"]
        for k, v in fig.gazetteer_load.items()
    ]
    total = Stat.of([sum(v) for v in zip(*fig.gazetteer_load.values(), strict=True)])
    load_rows.append(["**total**", fmt_s(total.median), f"{fmt_s(total.low)} – {fmt_s(total.high)}"])
    lines += ["### Gazetteer load (a fresh `Gazetteer.load` each repeat, file in the page cache)", ""]
    return lines + table(["Part", "median", "fastest – slowest"], load_rows)


def _mb(value: Any) -> str:
    return f"{value:,.0f} MB" if value is not None else "n/a"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def corpus_section(fig: Figures) -> list[str]:
    rows = [
        [
            b.name,
            b.title,
            f"`{b.path}`",
            f"{b.available:,}",
            f"{len(b.docs):,}",
            f"{fig.sentences(b.name):,}",
            f"{b.chars:,}",
        ]
        for b in fig.batches
    ]
    rows.append(
        [
            "**all**",
            "",
            "",
            f"{sum(b.available for b in fig.batches):,}",
            f"{fig.docs(ALL):,}",
            f"{fig.sentences(ALL):,}",
            f"{fig.chars(ALL):,}",
        ]
    )
    lines = ["## Corpus", ""]
    lines.append(
        "Real reports read in place (nothing copied into the repository). The timing sample takes documents spread "
        "evenly through each file; the memory worker reads every document. Sentences are counted by the "
        "segmentation stage of the same run."
    )
    lines.append("")
    headers = ["Source", "what", "read from", "in file", "timed sample", "sentences", "characters"]
    return lines + table(headers, rows, left=3)


def _rounds_line(ctx: dict[str, Any]) -> str:
    n, asked = ctx["repeats"], ctx["repeats_asked"]
    line = f"then {n} timed round{'s' if n != 1 else ''}"
    if n < asked or ctx["fraction"] < 1:
        line += f" ({asked} asked; warm-up and timed rounds have a budget of {ctx['budget_s']:.0f} s"
        line += (
            f", so the sample was thinned to {ctx['fraction']:.1%} of its size)"
            if ctx["fraction"] < 1
            else ")"
        )
    return line


def method_section(ctx: dict[str, Any]) -> list[str]:
    return [
        "## Method",
        "",
        "- One process pinned to one core (`os.sched_setaffinity`), garbage collector on as in real runs; "
        "resources (gazetteer, actor dictionary) loaded once, before timing.",
        "- A warm-up round first, on *other* documents of the same sources (gazetteer layers, compiled patterns "
        "and word caches fill there, as in a long run, without having seen the timed documents); "
        f"{_rounds_line(ctx)}. Figures are the **median** round, with the slowest and fastest rounds beside "
        "them.",
        "- Side by side: in every round each configuration runs over the whole sample, one after another "
        "(yardstick, segmentation only, `extract()` one report at a time, the chain stage by stage, "
        "`extract_batch()`; the last two swap order every round), so slow moments of the shared machine are "
        "spread over all of them. Whole passes rather than "
        "document by document, because the gazetteer keeps only a few country layers in memory: a "
        "configuration that ran right after another on the same document would find the layer it needs "
        "already loaded.",
        "- Every pass reads its documents as new: the memo caches keyed by a sentence's text (typing cues, "
        "actor kinds) are emptied before each pass, since a real run seldom reads a sentence twice. Caches "
        "keyed by a name or a word stay warm, as in a long run.",
        "- Stages are timed inside the real chain, as the main job runs it (`marsad run`: "
        f"`pipeline.extract_batch`, {BATCH_SIZE} reports a batch): the default chain of `marsad.extract.stages` "
        "is run stage by stage over each batch with a clock around each stage's pass, on the drafts the previous "
        "stages produced (the casualty stage sees the actor mentions it gets in production). `extract_batch()` "
        "is timed as a whole, separately, and so is `extract()`, the one-report call, which takes each report "
        "through every stage before the next: there each stage finds its tables evicted from the processor's "
        "caches by the others.",
        "- Rates: sentences/s for the casualty stage, reports/s elsewhere; kchars/s normalises for report length.",
        "- Memory: a fresh worker process loads everything and extracts the whole corpus; peak RSS is `VmHWM` "
        "from `/proc/self/status` (`ru_maxrss` where there is no /proc).",
        "",
    ]


def noise_section(fig: Figures, ctx: dict[str, Any]) -> list[str]:
    spreads = [fig.goal_rate(g).seconds.spread for g in GOALS]
    spreads.append(Stat.of(fig.rounds.per_repeat(ALL, ("pipeline",))).spread)
    load0, load1 = ctx["load_start"], ctx["load_end"]
    return [
        "## Noise",
        "",
        "This machine is shared with other engineers running tests, so absolute figures move between runs. In "
        f"this run the slowest and fastest rounds of a configuration differed by up to {max(spreads):.0%} of "
        f"its median round; the 1-minute load average was {load0:.2f} at the start and {load1:.2f} at "
        f"the end, on {os.cpu_count()} cores. Read the ratios against the baselines of the same run (*Side by "
        "side*) before the absolute rates, and rerun before drawing conclusions from a change of less than "
        "about that spread.",
        "",
    ]


def _mix_note(fig: Figures) -> str:
    """Says what the rates are averaged over: a reports/s verdict depends on how long the reports are."""
    total = fig.docs(ALL)
    parts = ", ".join(f"{len(b.docs) / total:.0%} {b.name}" for b in fig.batches)
    return (
        f"Rates are over the whole timed sample ({total:,} reports: {parts}; see *Corpus*). Long articles are "
        "slower per report than one-line headlines: the tables per source below show each source against the goal."
    )


def render(fig: Figures, ctx: dict[str, Any]) -> str:
    machine = ctx["machine"]
    lines = [
        "# Performance",
        "",
        "Generated by `make bench` (`benchmarks/run.py --write docs/performance.md`); do not edit by hand. "
        f"Measured {machine['Date']} in {ctx['wall_s']:.0f} s of wall time, {ctx['setup_s']:.0f} s of it setup "
        "outside the measurements (loading resources; rebuilding the gazetteer when its inputs had changed).",
        "",
        "## Summary",
        "",
        "Ratio = value ÷ goal for rates and goal ÷ value for memory, so ≥ 1.00× passes.",
        "",
    ]
    lines += table(["Measurement", "value", "goal", "ratio", "result"], summary_rows(fig))
    lines += [_mix_note(fig), ""]
    lines += ["## Machine", "", *table(["What", "Value"], [[k, v] for k, v in machine.items()], left=2)]
    lines += corpus_section(fig) + method_section(ctx) + goal_sections(fig) + pipeline_by_source(fig)
    lines += side_by_side(fig) + compiled_section(fig, ctx) + memory_section(fig) + noise_section(fig, ctx)
    lines += [
        "## Reproduce",
        "",
        "```",
        "make bench                                            # writes this file (about two minutes)",
        ".venv/bin/python benchmarks/run.py                    # prints the summary, writes nothing",
        ".venv/bin/python benchmarks/run.py --repeats 9 --write docs/performance.md",
        "```",
        "",
        "Inputs come from `Settings().data_dir` (`MARSAD_DATA`, default `../shared/data`); without it only the "
        "demo corpus is measured. `--limit N` caps every source at N reports (for a quick check); `--budget S` "
        "(default 60) caps the seconds of warm-up plus timed rounds: past it the run keeps fewer rounds (at least "
        "three), then a thinner sample, and says so under *Method*.",
        "",
    ]
    return "\n".join(lines)
