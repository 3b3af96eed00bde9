"""Showing results: rich tables for the terminal and the JSON of ``--json``."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from marsad.evaluate.runner import EvalResult
from marsad.evaluate.sets import SETS

TEXT_WIDTH = 600  # characters of a case's text shown by --errors; enough to see the sentence that mattered


def fmt(value: float | None, places: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{places}f}"


def summary_line(result: EvalResult) -> str:
    speed = "n/a" if result.docs_per_s is None else f"{result.docs_per_s:,.1f}"
    subset = f" (sample {result.sample})" if result.sample else ""
    subset += f" (first {result.limit})" if result.limit else ""
    return (
        f"{result.set}: {result.scored} items scored{subset} from {result.rows_read} rows of {result.path} · "
        f"{len(result.malformed)} malformed rows skipped · {len(result.failures)} extraction errors · "
        f"{speed} documents/s"
    )


def metrics_table(result: EvalResult, floors: dict[str, float] | None = None) -> Table:
    table = Table(title=f"{result.set} — {SETS[result.set].title}", title_justify="left")
    for column in ("metric", "value", "floor", "what it measures"):
        table.add_column(column, justify="right" if column in ("value", "floor") else "left")
    for metric, meaning in SETS[result.set].metrics.items():
        value = result.metrics.get(metric)
        floor = (floors or {}).get(metric)
        style = "red" if floor is not None and (value is None or value < floor - 1e-9) and floor > 0 else ""
        table.add_row(metric, Text(fmt(value), style=style), fmt(floor) if floor is not None else "", meaning)
    for name, count in result.counts.items():
        table.add_row(Text(name, style="dim"), Text(str(count), style="dim"), "", Text("count", style="dim"))
    return table


def malformed_lines(result: EvalResult, limit: int = 10) -> list[str]:
    lines = [f"  line {m.line}: {m.reason}" for m in result.malformed[:limit]]
    if len(result.malformed) > limit:
        lines.append(f"  ... and {len(result.malformed) - limit} more")
    return lines


def errors_table(result: EvalResult, n: int) -> Table:
    """The n worst cases, text, gold and prediction side by side."""
    table = Table(title=f"{result.set}: {n} worst cases", show_lines=True, title_justify="left")
    for column, ratio in (("item", 1), ("text", 4), ("gold", 2), ("prediction", 3)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for case in result.worst(n):
        text = case.text if len(case.text) <= TEXT_WIDTH else case.text[:TEXT_WIDTH] + " …"
        item = f"{case.id}\nline {case.line}\nfailed: {', '.join(case.failed)}"
        # Text(...) keeps brackets in news text ("[IS prisoners]") from being read as rich markup.
        table.add_row(Text(item), Text(text), Text(case.gold), Text(case.predicted))
    return table


def confusion_table(confusion: dict[str, dict[str, int]]) -> Text:
    """Gold labels down, predicted labels across (numbered to keep the grid narrow), as fixed-width text: a table
    of 27 columns squeezed into a terminal's width would lose its numbers, so the grid is never wrapped."""
    predicted = sorted({p for row in confusion.values() for p in row})
    width = max(3, *(len(str(v)) + 1 for row in confusion.values() for v in row.values()))
    label = max(len(g) for g in confusion) + 2 if confusion else 6
    out = Text(
        "confusion: gold down, predicted across (· none; green: right)\n", no_wrap=True, overflow="ignore"
    )
    out.append(" " * label + "".join(f"{i:>{width}}" for i in range(1, len(predicted) + 1)) + "\n")
    for gold in sorted(confusion):
        out.append(f"{gold:<{label}}")
        for p in predicted:
            n = confusion[gold].get(p)
            out.append(f"{n if n else '·':>{width}}", style="green" if p == gold and n else "")
        out.append("\n")
    legend = "  ".join(f"{i}={p}" for i, p in enumerate(predicted, start=1))
    out.append(f"columns: {legend}")
    return out


def result_json(result: EvalResult, errors: int = 0) -> dict[str, Any]:
    """What ``--json`` writes for one set: metrics, counts, speed, skipped rows, worst cases (--errors)."""
    out: dict[str, Any] = {
        "set": result.set,
        "title": result.title,
        "path": result.path,
        "rows_read": result.rows_read,
        "scored": result.scored,
        "limit": result.limit,
        "sample": result.sample,
        "metrics": result.metrics,
        "counts": result.counts,
        "seconds": round(result.seconds, 4),
        "docs_per_s": None if result.docs_per_s is None else round(result.docs_per_s, 2),
        "malformed": {"count": len(result.malformed), "rows": [vars(m) for m in result.malformed]},
        "extraction_errors": [{"id": i, "error": e} for i, e in result.failures],
        "notes": result.notes,
        **result.extra,
    }
    if errors:
        out["worst"] = [vars(c) | {"failed": list(c.failed)} for c in result.worst(errors)]
    return out
