"""Speed and memory benchmarks of the extraction pipeline; writes docs/performance.md (`make bench`).

    .venv/bin/python benchmarks/run.py --write docs/performance.md

Throughput of each stage against the goals of the issues, the whole pipeline against baselines measured in the
same run, gazetteer load time, and the peak memory of an extraction worker. See docs/performance.md, *Method*.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the real imports wait until after --rss-worker is read: the worker times the import
    from bench_figures import Figures

HERE = Path(__file__).resolve().parent
GAZETTEER_LOAD_REPEATS = 3
COMPILED_ROUNDS = 5  # rounds of each worker of the compiled-against-pure comparison


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path, help="write the report here (markdown); without it, print only")
    parser.add_argument("--repeats", type=int, default=7, help="timed rounds (the median round is reported)")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds for warm-up and timed rounds together: fewer rounds, then a thinner sample",
    )
    parser.add_argument("--limit", type=int, help="at most this many reports per source (quick checks)")
    parser.add_argument("--data-dir", type=Path, help="shared data folder (default: Settings().data_dir)")
    parser.add_argument("--rss-worker", action="store_true", help=argparse.SUPPRESS)  # internal: memory child
    # internal: a child of the compiled-against-pure comparison, and the fraction of the sample it times
    parser.add_argument("--compiled-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fraction", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return args


class Steps:
    """The progress bar on stderr, redrawn only when told: rich's refresh thread would take the GIL from the
    passes being timed."""

    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("[bold]{task.description}"), BarColumn(), TimeElapsedColumn())
        self.progress = Progress(*columns, auto_refresh=False, transient=False)
        self.task = self.progress.add_task("loading resources (not timed)", total=total)

    def __call__(self, label: str, advance: int = 1) -> None:
        self.progress.update(self.task, description=label, advance=advance)
        self.progress.refresh()

    def done(self) -> None:
        total = self.progress.tasks[0].total or 0  # rounds stopped at the budget leave steps unused
        self.progress.update(self.task, description="done", completed=total)
        self.progress.refresh()

    def tick(self, seconds: float) -> None:
        self(f"memory worker: extracting the whole corpus ({seconds:.0f} s)", 0)


def measure(args: argparse.Namespace, data_dir: Path) -> tuple[Figures, dict[str, Any]]:
    """Every measurement, with a progress bar on stderr; returns the figures and the context of the run."""
    from bench_compiled import side_by_side
    from bench_corpus import load_batches
    from bench_figures import Figures
    from bench_memory import measure_memory, time_gazetteer_load
    from bench_timing import pin_one_core, thin_to_budget, timed_rounds, warm_up

    from marsad import compiled
    from marsad.extract.stages import default_resources

    started = time.perf_counter()
    ctx: dict[str, Any] = {
        "load_start": os.getloadavg()[0],
        "repeats_asked": args.repeats,
        "budget_s": args.budget,
    }
    ctx["allowed"] = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    state = compiled.status()
    ctx["compiled"] = state.reason if state.active else f"not in use: {state.reason}"
    step = Steps(total=5 + args.repeats + (COMPILED_ROUNDS if state.active else 0))
    with step.progress:
        step.progress.refresh()
        resources = default_resources()  # builds the gazetteer first when it is missing or stale
        ctx["setup_s"] = time.perf_counter() - started
        ctx["pinned"] = pin_one_core()
        step("reading the corpus")
        batches = load_batches(data_dir if data_dir.is_dir() else None, args.limit)
        step("timing: warm-up round")
        warm_s, round_s = warm_up(batches, resources)
        budget = max(args.budget - warm_s, args.budget / 4)
        batches, ctx["fraction"] = thin_to_budget(batches, round_s, args.repeats, budget)
        step(f"timing: up to {args.repeats} rounds")
        rounds = timed_rounds(batches, resources, args.repeats, step, budget)
        ctx["repeats"] = rounds.count
        if resources.gazetteer is None:
            raise SystemExit("no gazetteer loaded: run `marsad gazetteer build`, then the benchmark again")
        gazetteer_load = time_gazetteer_load(resources.gazetteer.path, GAZETTEER_LOAD_REPEATS)
        against_pure = None
        if state.active:
            step("compiled against pure Python: two workers loading")
            against_pure = side_by_side(
                HERE / "run.py", data_dir, args.limit, ctx["fraction"], COMPILED_ROUNDS, step
            )
        step("memory worker: extracting the whole corpus")
        worker = measure_memory(HERE / "run.py", data_dir, args.limit, step.tick)
        step.done()
    ctx["setup_s"] += worker["setup_s"]
    ctx.update(load_end=os.getloadavg()[0], wall_s=time.perf_counter() - started)
    return Figures(batches, rounds, gazetteer_load, worker, against_pure), ctx


def print_summary(fig: Figures) -> None:
    from bench_report import summary_rows
    from rich.console import Console
    from rich.table import Table

    out = Table(title="marsad benchmarks (median round)")
    for header in ("Measurement", "value", "goal", "ratio", "result"):
        out.add_column(header, justify="left" if header == "Measurement" else "right")
    for row in summary_rows(fig):
        out.add_row(*row, style="red" if row[-1] == "FAIL" else None)
    Console().print(out)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.data_dir is None:
        from marsad.settings import Settings

        args.data_dir = Settings().data_dir
    if args.rss_worker:
        from bench_memory import worker

        print(json.dumps(worker(args.data_dir, args.limit)))
        return 0
    if args.compiled_worker:
        from bench_compiled import worker as compiled_worker

        compiled_worker(args.data_dir, args.limit, args.fraction)
        return 0
    fig, ctx = measure(args, args.data_dir)
    print_summary(fig)
    if args.write:
        from bench_report import machine_info, render, write

        ctx["machine"] = {**machine_info(ctx["allowed"], ctx["pinned"]), "Compiled build": ctx["compiled"]}
        write(args.write, render(fig, ctx))
        print(f"wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
