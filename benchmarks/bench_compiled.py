"""The compiled build of the place reader against the same code run as Python, side by side.

Which modules a process runs is settled when it imports them, so the two configurations are two worker processes
(one started with ``MARSAD_PURE_PYTHON=1``) on the same pinned core, each holding the same sample. They take
turns: one timed pass of the chain, stage by stage, in one, then in the other, and so on, the first of each pair
alternating; the one waiting sleeps on its input. The stages outside the build are the control: their ratio
should stay near 1.00.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from bench_timing import Seconds

PURE, COMPILED = "pure", "compiled"


def worker(data_dir: Path, limit: int | None, fraction: float) -> None:
    """Runs in the child: load, warm up, say which modules run, then one timed pass per "round" line read."""
    from bench_corpus import load_batches
    from bench_timing import forget_sentences, staged_pass

    from marsad import compiled
    from marsad.extract.stages import default_resources

    resources = default_resources()
    batches = load_batches(data_dir if data_dir.is_dir() else None, limit)
    if fraction < 1:
        batches = [b.thinned(fraction) for b in batches]
    staged_pass([b.warmup_batch() for b in batches], resources, {})
    state = compiled.status()
    _say({"compiled": state.active, "reason": state.reason})
    for line in sys.stdin:
        if line.strip() != "round":
            break
        gc.collect()
        forget_sentences()
        _say(staged_pass(batches, resources, {}))


def _say(message: object) -> None:
    print(json.dumps(message), flush=True)


def _start(
    script: Path, data_dir: Path, limit: int | None, fraction: float, pure: bool
) -> subprocess.Popen[str]:
    cmd = [sys.executable, str(script), "--compiled-worker", "--data-dir", str(data_dir)]
    cmd += ["--fraction", repr(fraction)] + (["--limit", str(limit)] if limit is not None else [])
    env = {**os.environ, "MARSAD_PURE_PYTHON": "1" if pure else "0"}
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)


def _read(proc: subprocess.Popen[str]) -> Any:
    out: IO[str] | None = proc.stdout
    line = out.readline() if out is not None else ""
    if not line:
        raise RuntimeError(f"a worker of the compiled-build comparison stopped (exit {proc.wait()})")
    return json.loads(line)


def side_by_side(
    script: Path, data_dir: Path, limit: int | None, fraction: float, rounds: int, step: Callable[[str], None]
) -> dict[str, Any]:
    """Seconds per round of each configuration ({"pure"|"compiled": [Seconds, ...]}) and what each worker ran."""
    procs = {name: _start(script, data_dir, limit, fraction, name == PURE) for name in (COMPILED, PURE)}
    try:
        states = {name: _read(proc) for name, proc in procs.items()}
        out: dict[str, list[Seconds]] = {name: [] for name in procs}
        for r in range(rounds):
            order = (COMPILED, PURE) if r % 2 == 0 else (PURE, COMPILED)
            for name in order:
                stdin = procs[name].stdin
                assert stdin is not None
                stdin.write("round\n")
                stdin.flush()
                out[name].append(_read(procs[name]))
            step(f"compiled against pure Python: round {r + 1} of {rounds} done")
    finally:
        for proc in procs.values():
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait()
    return {"states": states, "rounds": out}
