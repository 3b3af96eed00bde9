"""`marsad places --unresolved [PATHS]`: place names the gazetteer could not resolve, with words, span and reason.

With PATHS the reports are read now (:func:`marsad.gazetteer.places.unresolved_places`); without them the names
kept per event in the store are listed (:meth:`marsad.store.sqlite.Store.unresolved_places`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.output import Format, emit, err_console
from marsad.errors import InputError
from marsad.records import Document
from marsad.settings import Settings

STORE_COLUMNS = ("document", "event", "raw", "start", "end", "reason", "nearest")


def places_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Report files or folders (recursive) to read; without them, the store's events."),
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
) -> None:
    """Place names in reports or in the store: with --unresolved, those left unresolved (words, span, reason)."""
    if not unresolved:
        raise InputError("say what to list: `marsad places --unresolved [PATHS]`")
    if paths:
        _from_files(paths, country, fmt)
        return
    from marsad.store.sqlite import Store

    with Store.open(db or Settings().db) as store:
        rows = store.unresolved_places()
    events = len({row["event"] for row in rows})
    emit(rows, STORE_COLUMNS, fmt, title=f"{len(rows)} unresolved place names in {events} stored events")


def _from_files(paths: list[str], country: str | None, fmt: Format) -> None:
    from marsad.gazetteer.match import default_gazetteer
    from marsad.gazetteer.places import COLUMNS, unresolved_places
    from marsad.ingest import read_paths

    documents = []
    for item in read_paths(paths, country=country):
        if isinstance(item, Document):
            documents.append(item)
        else:
            err_console.print(f"[yellow]skipped[/yellow] {item.source}: {item.message}")
    rows = [row.as_dict() for row in unresolved_places(documents, default_gazetteer(), country)]
    emit(rows, COLUMNS, fmt, title=f"{len(rows)} unresolved place names in {len(documents)} reports")
