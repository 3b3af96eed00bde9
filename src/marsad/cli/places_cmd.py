"""`marsad places --unresolved PATHS`: place names the gazetteer could not resolve, with words, span and reason.

A thin wrapper over :func:`marsad.gazetteer.places.unresolved_places`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from marsad.cli.output import Format, emit, err_console
from marsad.errors import InputError
from marsad.records import Document


def places_command(
    paths: Annotated[list[str], typer.Argument(help="Report files or folders (recursive) to read.")],
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="List the place names no gazetteer place was found for.")
    ] = False,
    country: Annotated[
        str | None, typer.Option("--country", help="Country hint, used when a report has none.")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
) -> None:
    """Place names in reports: with --unresolved, those left unresolved (raw words, span, reason)."""
    from marsad.gazetteer.match import default_gazetteer
    from marsad.gazetteer.places import COLUMNS, unresolved_places
    from marsad.ingest import read_paths

    if not unresolved:
        raise InputError("say what to list: `marsad places --unresolved PATHS`")
    documents = []
    for item in read_paths(paths, country=country):
        if isinstance(item, Document):
            documents.append(item)
        else:
            err_console.print(f"[yellow]skipped[/yellow] {item.source}: {item.message}")
    rows = [row.as_dict() for row in unresolved_places(documents, default_gazetteer(), country)]
    emit(rows, COLUMNS, fmt, title=f"{len(rows)} unresolved place names in {len(documents)} reports")
