"""How list commands print: a rich table, CSV or JSON, chosen by ``--format``; and the progress long commands
show."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

# Piped output (make demo, CI logs) gets a wide table instead of rich's 80 columns, which would fold every cell.
console = Console() if Console().is_terminal else Console(width=160)
err_console = Console(stderr=True)


def progress() -> Progress:
    """The progress bar long commands show on stderr, in a terminal only (and gone once done): piped CSV or JSON
    stays clean."""
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=True,
                    disable=not err_console.is_terminal)  # fmt: skip


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: Format, title: str | None = None,
         full: Sequence[dict[str, Any]] | None = None) -> None:  # fmt: skip
    """Print ``rows`` restricted to ``columns``; JSON prints ``full`` (the whole records) when given."""
    if fmt is Format.json:
        sys.stdout.write(
            json.dumps(list(full if full is not None else rows), ensure_ascii=False, indent=2) + "\n"
        )
        return
    if fmt is Format.csv:
        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    console.print(table)
