"""Reading gold files: locating them, iterating rows with line numbers, and reporting malformed rows.

Every reader turns a gold row into a :class:`GoldItem` — the text to extract from, the hints a JSONL record
would carry (publication date, country) and the gold fields the scorer compares with. A row that cannot be
read is a :class:`Malformed` with its line number: skipped and counted, never fatal, so one bad row cannot
hide a whole set.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import DataMissingError
from marsad.records import Document
from marsad.settings import Settings


@dataclass(frozen=True)
class GoldItem:
    """One scored unit: the input the pipeline sees and the gold it is compared with."""

    id: str
    line: int  # first line of the row in the gold file (1-based; the header is line 1 for CSV)
    text: str
    published: date | None
    country: str | None
    gold: dict[str, Any]
    # Set when the reader went through ingest (seed); otherwise the pipeline builds it from record().
    document: Document | None = None

    def record(self) -> dict[str, Any]:
        """The JSONL-shaped record ``marsad extract --jsonl`` reads."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "url": None,
            "title": None,
            "country": self.country,
        }


@dataclass(frozen=True)
class Malformed:
    line: int
    reason: str


@dataclass
class GoldSet:
    """What a reader returns: the items to score and the rows it skipped."""

    name: str
    path: Path
    items: list[GoldItem]
    malformed: list[Malformed] = field(default_factory=list)
    rows_read: int = 0  # rows in the file, before filtering to the scored subset
    notes: list[str] = field(default_factory=list)


def resolve_data_dir(data_dir: Path | str | None) -> Path:
    """The gold data folder: the argument, else ``Settings().data_dir`` (MARSAD_DATA or ../shared/data)."""
    return Path(data_dir) if data_dir is not None else Settings().data_dir


def missing_message(path: Path) -> str:
    return (
        f"gold data not found: looked for {path}. Point marsad at the folder holding the gold sets "
        "(isaf_press_releases/, case2021_task2/, ucdp_ged_syria/, fakes_syria_news/) with "
        "`marsad eval ... --data-dir DIR` or the MARSAD_DATA environment variable"
    )


def require_file(data_dir: Path, relative: str) -> Path:
    """``data_dir / relative``, or DataMissingError saying where we looked and how to point elsewhere."""
    path = data_dir / relative
    if not path.is_file():
        raise DataMissingError(missing_message(path))
    return path


def csv_rows(path: Path, **reader_args: Any) -> Iterator[tuple[int, dict[str, Any] | Malformed]]:
    """(first line number, row) per CSV record; rows with too many or too few fields, or that the csv module
    cannot parse (a field over its size limit, a stray NUL), come back Malformed and reading goes on."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, **reader_args)
        header = reader.fieldnames or []  # reading the header first makes line_num count from it
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, Malformed(start, f"unreadable CSV: {exc}")
                # the csv module does not count the line it failed on
                start = max(start, reader.line_num) + 1
                continue
            yield start, _check_width(start, row, len(header))
            start = reader.line_num + 1


def _check_width(line: int, row: dict[Any, Any], width: int) -> dict[str, Any] | Malformed:
    # DictReader files surplus fields under the key None and fills missing ones with None
    if None in row:
        return Malformed(line, f"{width + len(row[None])} fields, expected {width}")
    if any(value is None for value in row.values()):
        return Malformed(line, f"fewer fields than the {width} of the header")
    return row


def jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | Malformed]]:
    """(line number, object) per non-blank line; lines that are not JSON objects come back as Malformed."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, Malformed(number, f"not JSON: {exc.msg}")
                continue
            yield number, obj if isinstance(obj, dict) else Malformed(number, "not a JSON object")


def parse_iso_date(value: Any) -> date:
    """A YYYY-MM-DD date (first 10 characters); ValueError otherwise."""
    return date.fromisoformat(str(value).strip()[:10])


def sample_items(items: list[GoldItem], size: int) -> list[GoldItem]:
    """A fixed sample: the ``size`` items with the smallest sha256 of their id, kept in file order.

    Hashing ids (not taking the first N) spreads the sample over the whole file and keeps each item's
    membership independent of row order, so adding rows to the file changes the sample only a little.
    """
    if size >= len(items):
        return list(items)
    ranked = sorted(items, key=lambda item: hashlib.sha256(item.id.encode("utf-8")).hexdigest())
    chosen = {id(item) for item in ranked[:size]}
    return [item for item in items if id(item) in chosen]
