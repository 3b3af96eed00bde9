"""`marsad places [--unresolved] [PATHS]`: the places reports name, or the names the gazetteer could not resolve.

With PATHS the reports are read now, as extraction reads them (:func:`marsad.extract.stages.read_places`): every
place each names (:func:`marsad.gazetteer.places.place_rows`), or with ``--unresolved`` the names left unresolved,
with words, span and reason (:func:`marsad.gazetteer.places.unresolved_rows`). Without PATHS the store is read:
each stored event's place (:meth:`marsad.store.sqlite.Store.places`), or the unresolved names kept per event
(:meth:`marsad.store.sqlite.Store.unresolved_places`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from marsad.cli.main import ActorsOption, actor_settings
from marsad.cli.output import Format, emit, err_console, progress
from marsad.gazetteer.places import PLACE_FIELDS
from marsad.records import Document, Failure
from marsad.settings import Settings

STORE_COLUMNS = ("document", "event", "raw", "start", "end", "reason", "nearest")
# a stored event's place: its p-codes in one object ("pcodes": shown in JSON), no subdistrict or score
_NOT_STORED = frozenset({"admin3", "pcode", "admin1_pcode", "admin2_pcode", "approx"})
STORED_PLACE_COLUMNS = (
    "document",
    "event",
    "text",
    "start",
    "end",
    *(f for f in PLACE_FIELDS if f not in _NOT_STORED),
)
# what a table shows of a place (CSV has every column, JSON every field)
TABLE_COLUMNS = (
    "document",
    "text",
    "start",
    "name",
    "feature",
    "latitude",
    "longitude",
    "admin1",
    "where_prec",
)


def places_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Report files or folders (recursive) to read, - for standard input; without them, the store's "
            "events."
        ),
    ] = None,
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="List the place names no gazetteer place was found for.")
    ] = False,
    country: Annotated[
        str | None, typer.Option("--country", help="Country hint, used when a report has none.")
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="SQLite store read without PATHS (default: MARSAD_DB or ./marsad.db)."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
    actors: ActorsOption = None,
) -> None:
    """The places named in reports (every place each names) or in the store (each event's place), with their
    words, span, point, admin regions and precision codes; with --unresolved, the names left unresolved (words,
    span, reason)."""
    if paths:
        # read with the actor dictionaries `marsad run` would use: no place inside an actor's name
        _from_files(paths, country, fmt, unresolved, actor_settings(actors).actor_files)
        return
    from marsad.store.sqlite import Store

    with Store.open(db or Settings().db) as store:
        rows = store.unresolved_places() if unresolved else store.places()
    events = len({row["event"] for row in rows})
    if unresolved:
        # (a table names each name's event, the key `marsad show` takes, not its 64-character document id)
        names: tuple[str, ...] = STORE_COLUMNS[1:] if fmt is Format.table else STORE_COLUMNS
        emit(rows, names, fmt, title=f"{len(rows)} unresolved place names in {events} stored events")
        return
    # (a table names each stored place's event, the key `marsad show` takes)
    columns = ("event", *TABLE_COLUMNS[1:]) if fmt is Format.table else STORED_PLACE_COLUMNS
    emit(rows, columns, fmt, title=f"the places of {events} stored events")


def _from_files(
    paths: list[str], country: str | None, fmt: Format, unresolved: bool, actor_files: tuple[Path, ...]
) -> None:
    from marsad.extract.stages import default_resources, read_places
    from marsad.gazetteer.places import COLUMNS, PLACE_COLUMNS, place_rows, unresolved_rows

    documents = []
    failed = False
    for item in _read(paths, country):
        if isinstance(item, Document):
            documents.append(item)
        else:
            err_console.print(f"[yellow]skipped[/yellow] {escape(item.source)}: {escape(item.message)}")
            failed = True
    resources = default_resources(actor_files)
    rows: list[dict[str, Any]] = []
    with progress() as bar:
        for doc in bar.track(documents, description="reading places"):
            # each report read as extraction reads it: its country from its hint, its local actors or its places
            found, names = read_places(doc, resources)
            if unresolved:
                rows.extend(row.as_dict() for row in unresolved_rows(doc.id, names))
            else:
                rows.extend(place_rows(doc.id, found))
    if fmt is Format.table:
        # a table names each report by its file, not by its 64-character id (CSV and JSON keep the id)
        labels = {doc.id: _label(doc) for doc in documents}
        rows = [{**row, "document": labels[row["document"]]} for row in rows]
    if unresolved:
        emit(rows, COLUMNS, fmt, title=f"{len(rows)} unresolved place names in {len(documents)} reports")
    else:
        columns = TABLE_COLUMNS if fmt is Format.table else PLACE_COLUMNS
        emit(rows, columns, fmt, title=f"{len(rows)} places named in {len(documents)} reports")
    if failed:
        raise typer.Exit(1)  # as `marsad run` and `marsad extract`: the reports read are listed all the same


def _read(paths: list[str], country: str | None) -> Iterator[Document | Failure]:
    """The reports of files and folders, "-" standing for standard input."""
    from marsad.ingest import read_bytes, read_paths

    for path in paths:
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", country=country)
        else:
            yield from read_paths([path], country=country)


def _label(doc: Document) -> str:
    """A report's short name: its file's name (with its line for a JSONL record), else the start of its id."""
    if doc.source and doc.source != "<stdin>":
        return Path(doc.source).name
    return doc.id[:12]
