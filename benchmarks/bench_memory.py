"""Load time and memory: the gazetteer load, and a separate extraction worker that loads everything and
extracts the whole corpus while its peak resident memory is recorded.

The worker is a fresh process so its peak RSS is what a real extraction worker would use: the timing process
holds the sample, several freshly loaded gazetteers and the benchmark's own bookkeeping, which would inflate it.
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

LAYER_COUNTRIES = ("Syria", "Afghanistan")  # the countries of the benchmark corpus: their layers get loaded


def _status_mb(field: str) -> float | None:
    """A ``/proc/self/status`` memory line (kB) in MB; None where there is no /proc (macOS)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def peak_rss_mb() -> float:
    """Peak resident memory so far: VmHWM, else ru_maxrss (kB on Linux, bytes on macOS)."""
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def current_rss_mb() -> float | None:
    return _status_mb("VmRSS")


def layer_names(gazetteer: Any) -> list[str]:
    """The in-memory layers the corpus needs: country names, the world layer, one per corpus country."""
    codes = [gazetteer.country_code(c) for c in LAYER_COUNTRIES]
    return ["countries", "world", *(c for c in codes if c)]


def time_gazetteer_load(path: Path, repeats: int) -> dict[str, list[float]]:
    """Seconds to open the gazetteer file and to load each layer, from a fresh Gazetteer every repeat (the
    process-wide cached one would load nothing)."""
    from marsad.gazetteer.match import Gazetteer

    out: dict[str, list[float]] = {}
    clock = time.perf_counter
    for _ in range(repeats):
        t0 = clock()
        gazetteer = Gazetteer.load(path)
        out.setdefault("open", []).append(clock() - t0)
        for name in layer_names(gazetteer):
            t0 = clock()
            gazetteer.layer(name)
            out.setdefault(f"layer {name}", []).append(clock() - t0)
        del gazetteer
        gc.collect()  # free this copy before the next one, so the repeats do not pile up in memory
    return out


def _gazetteer_stamp() -> int | None:
    from marsad.gazetteer.build import default_path
    from marsad.settings import Settings

    path = default_path(Settings())
    return path.stat().st_mtime_ns if path.exists() else None


def worker(data_dir: Path, limit: int | None) -> dict[str, Any]:
    """Runs in the child process: import, load every resource, extract every document of every source."""
    clock = time.perf_counter
    t0 = clock()
    from bench_corpus import available_sources, iter_documents

    from marsad.extract.stages import default_resources
    from marsad.pipeline import batches, extract_batch

    t_import = clock() - t0
    rss_import = current_rss_mb()
    stamp = _gazetteer_stamp()
    t0 = clock()
    resources = default_resources()
    t_resources = clock() - t0
    # a gazetteer built here (its inputs changed since the parent checked) would put the build's memory into
    # the peak: the parent then runs the worker again
    rebuilt = stamp is None or stamp != _gazetteer_stamp()
    t0 = clock()
    gazetteer = resources.gazetteer
    if gazetteer is not None:
        for name in layer_names(gazetteer):
            gazetteer.layer(name)
    t_layers = clock() - t0
    rss_loaded, peak_loaded = current_rss_mb(), peak_rss_mb()
    docs = chars = 0
    t_extract = 0.0
    for spec, path in available_sources(data_dir if data_dir.is_dir() else None):
        stream = iter_documents(spec, path)
        stream = islice(stream, limit) if limit is not None else stream
        # read and extracted in the main job's batches, as `marsad run` holds them
        for batch in batches(stream):
            t0 = clock()
            extract_batch(batch, resources=resources)
            t_extract += clock() - t0
            docs, chars = docs + len(batch), chars + sum(len(d.text) for d in batch)
    return {
        "gazetteer_rebuilt": rebuilt,
        "import_s": t_import,
        "resources_s": t_resources,
        "layers_s": t_layers,
        "rss_import_mb": rss_import,
        "rss_loaded_mb": rss_loaded,
        "peak_loaded_mb": peak_loaded,
        "docs": docs,
        "chars": chars,
        "extract_s": t_extract,
        "rss_end_mb": current_rss_mb(),
        "peak_mb": peak_rss_mb(),
    }


def run_worker(
    script: Path, data_dir: Path, limit: int | None, tick: Callable[[float], None]
) -> dict[str, Any]:
    """Starts ``script --rss-worker`` (same interpreter, same pinned core) and returns its figures."""
    cmd = [sys.executable, str(script), "--rss-worker", "--data-dir", str(data_dir)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    start = time.perf_counter()
    while True:
        try:
            out, _ = proc.communicate(timeout=1.0)
            break
        except subprocess.TimeoutExpired:
            # one progress refresh a second: next to no CPU taken from the worker on the same core
            tick(time.perf_counter() - start)
    if proc.returncode != 0:
        raise RuntimeError(f"the memory worker failed (exit {proc.returncode}); run: {' '.join(cmd)}")
    return json.loads(out.strip().splitlines()[-1])


def measure_memory(
    script: Path, data_dir: Path, limit: int | None, tick: Callable[[float], None]
) -> dict[str, Any]:
    """The worker's figures, with the gazetteer brought up to date first (not measured); run again once when
    the gazetteer was rebuilt inside the worker anyway (another engineer changed its inputs meanwhile)."""
    from marsad.gazetteer.build import ensure_gazetteer

    setup = 0.0
    for _ in range(2):
        t0 = time.perf_counter()
        ensure_gazetteer()
        setup += time.perf_counter() - t0
        result = run_worker(script, data_dir, limit, tick)
        if not result["gazetteer_rebuilt"]:
            break
    return {**result, "setup_s": setup}
