"""`make bench` keeps working: the benchmark script runs on a tiny input and writes a well-formed report.

No timing is asserted here (the machines are shared and noisy): speed and memory are judged in
docs/performance.md, written by the benchmark itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOAL_ROWS = ("Casualty stage alone", "Dates + segmentation", "Toponym stage", "Actors + typing")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One tiny run shared by the tests of this file (a run loads the gazetteer: seconds, not milliseconds)."""
    tmp_path = tmp_path_factory.mktemp("bench")
    out = tmp_path / "performance.md"
    # a data folder that does not exist: the benchmark falls back to the demo corpus, one report per round
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "run.py"),
        "--limit",
        "1",
        "--repeats",
        "1",
        "--data-dir",
        str(tmp_path / "no-shared-data"),
        "--write",
        str(out),
    ]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return out.read_text(encoding="utf-8")


def _tables(text: str) -> list[list[str]]:
    """Runs of consecutive markdown table lines."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def test_benchmarks_tiny_run_writes_a_complete_report(report: str) -> None:
    text = report
    for heading in ("# Performance", "## Summary", "## Machine", "## Corpus", "## Method", "## Reproduce"):
        assert re.search(rf"^{re.escape(heading)}$", text, re.M), heading
    assert "make bench" in text
    summary = _tables(text)[0]
    for title in GOAL_ROWS:
        row = next((r for r in summary if title in r), None)
        assert row is not None, title
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[-1] in ("pass", "FAIL"), row
        assert re.fullmatch(r"[\d,.]+×", cells[-2]), row
    assert any("Peak RSS" in r and "400 MB" in r for r in summary)
    # only the demo corpus was available, and it is named as the input
    assert "examples/reports" in text
    assert "shared/data/ucdp" not in text


def test_benchmarks_report_tables_are_well_formed(report: str) -> None:
    tables = _tables(report)
    assert len(tables) >= 8
    for table in tables:
        width = table[0].count("|")
        assert re.fullmatch(r"\|( ---:? \|)+", table[1]), table[1]
        assert all(line.count("|") == width for line in table), table
        assert not any(re.search(r"\b(?:nan|inf)\b", line) for line in table), table


def test_benchmarks_every_pass_reads_its_sentences_as_new() -> None:
    """A pass must not find sentences answered by the pass before it (that would time a cache, not a stage)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_timing
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    for memo in bench_timing.SENTENCE_CACHES:
        memo("Warplanes struck Ariha on Monday, killing two civilians.")
        assert memo.cache_info().currsize > 0
    bench_timing.forget_sentences()
    assert all(memo.cache_info().currsize == 0 for memo in bench_timing.SENTENCE_CACHES)
