"""A hold-out estimate of the hidden UCDP half: ``marsad eval ucdp --hold-out-year 2017``.

The gazetteer's UCDP layer is built from the development half's events (2016-17), and the hidden half (2018-19)
is scored from outside. Scored on the development half, the places UCDP coded are in the gazetteer already, at
UCDP's own points: the figure flatters. The hold-out rebuilds the gazetteer from the events dated before a year
and scores only the groups of that year, as the hidden half will be read: some of its places are in the layer,
some only in GeoNames and OCHA's lists.

The folder it scores is written under a temporary directory: UCDP's two files filtered, every other folder of
the shared data linked (copied where the system allows no links; never into the repository).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from pathlib import Path

from marsad.errors import DataMissingError, MarsadError
from marsad.evaluate.sets.ucdp import SOURCE as GROUPS
from marsad.gazetteer.build import UCDP_EVENTS as EVENTS

UCDP_DIR = Path(GROUPS).parent.name


def hold_out_data(data_dir: Path, year: int, into: Path) -> tuple[Path, int, int]:
    """Write at ``into`` a shared-data folder whose UCDP layer holds only the events dated before ``year`` and
    whose UCDP gold set holds only the headline groups whose events all fall in ``year``; the other folders are
    links to ``data_dir``'s. Returns the folder, the events kept and the groups kept."""
    for name in (EVENTS, GROUPS):
        if not (data_dir / name).is_file():
            raise DataMissingError(f"{data_dir / name} is missing: the hold-out is cut from UCDP's two files")
    folder = into / "data"
    (folder / UCDP_DIR).mkdir(parents=True, exist_ok=True)
    for entry in sorted(data_dir.iterdir()):
        if entry.name != UCDP_DIR and not (folder / entry.name).exists():
            _link(entry, folder / entry.name)
    events = _earlier_events(data_dir / EVENTS, folder / EVENTS, year)
    groups = _groups_of(data_dir / GROUPS, folder / GROUPS, year)
    if not events or not groups:
        raise MarsadError(
            f"no hold-out for {year}: {events} UCDP events before it, {groups} headline groups in it "
            "(the development half holds 2016 and 2017)"
        )
    return folder, events, groups


def _link(entry: Path, at: Path) -> None:
    """A link to ``entry`` at ``at``; a copy where the system allows no links (Windows without the right)."""
    try:
        at.symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    except OSError:
        if entry.is_dir():
            shutil.copytree(entry, at)
        else:
            shutil.copy2(entry, at)


def _earlier_events(path: Path, out: Path, year: int) -> int:
    """Copy the rows of ``path`` dated before ``year``; how many."""
    csv.field_size_limit(sys.maxsize)
    kept = 0
    with path.open(newline="", encoding="utf-8") as fh, out.open("w", newline="", encoding="utf-8") as dest:
        reader = csv.DictReader(fh)
        writer = csv.DictWriter(dest, fieldnames=list(reader.fieldnames or ()))
        writer.writeheader()
        for row in reader:
            if _year(row.get("date_start") or row.get("year")) < year:
                writer.writerow(row)
                kept += 1
    return kept


def _groups_of(path: Path, out: Path, year: int) -> int:
    """Copy the lines of ``path`` whose events all start in ``year``; how many. A line that is no group is
    copied as it is: the gold set's reader reports it as malformed, as it would in the full file."""
    kept = 0
    with path.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dest:
        for line in fh:
            try:
                events = json.loads(line).get("events")
            except (ValueError, AttributeError):
                events = None
            if not isinstance(events, list) or (
                events and all(_year(e.get("date_start")) == year for e in events if isinstance(e, dict))
            ):
                dest.write(line)
                kept += isinstance(events, list)
    return kept


def _year(value: object) -> int:
    """The year a UCDP date or year field starts with; 0 when it has none."""
    text = str(value or "")[:4]
    return int(text) if text.isdigit() else 0


def use_hold_out(folder: Path, cache: Path) -> None:
    """Point this process's settings at the hold-out folder and a gazetteer cache of its own (built on first
    use), before any resource is loaded: the places stage then reads the gazetteer without the year's events."""
    os.environ["MARSAD_DATA"] = str(folder)
    os.environ["MARSAD_CACHE"] = str(cache)
