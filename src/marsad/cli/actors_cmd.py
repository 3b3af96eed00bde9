"""`marsad actors`: the actor dictionary and the groups it does not know yet.

    marsad actors list [--country SY] [--side government] [--actors my.yaml]
    marsad actors check my.yaml            # validate a user dictionary (file, line and field of any error)
    marsad actors --unknown [--db marsad.db] [--min-documents 2]

Thin wrappers over :mod:`marsad.actors` (load_dictionary, unknown_groups).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.output import Format, console, emit
from marsad.settings import Settings

app = typer.Typer(
    help="The actor dictionary: list and check it, and list the unknown groups found in a store.",
    invoke_without_command=True,
    no_args_is_help=False,
)

ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", help="A user dictionary file (YAML) to add; repeat for several, later ones win."
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", help="table, csv or json.")]
ACTOR_COLUMNS = ("id", "name", "side", "inter", "country", "aliases")
UNKNOWN_COLUMNS = ("name", "documents", "events", "mentions", "example", "inter", "side")


@app.callback()
def actors_main(
    ctx: typer.Context,
    unknown: Annotated[
        bool,
        typer.Option("--unknown", help="List the groups found in the store that no dictionary actor names."),
    ] = False,
    db: Annotated[
        Path | None, typer.Option("--db", help="SQLite store (default: MARSAD_DB or ./marsad.db).")
    ] = None,
    min_documents: Annotated[
        int, typer.Option("--min-documents", min=1, help="Only groups named in at least this many reports.")
    ] = 1,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many groups.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Without a sub-command: --unknown lists unknown groups; otherwise this help."""
    if ctx.invoked_subcommand is not None:
        return
    if not unknown:
        console.print(ctx.get_help())
        return
    from marsad.actors.unknown import unknown_groups
    from marsad.store.sqlite import Store

    with Store.open(db or Settings().db) as store:
        groups = unknown_groups(store.connection, limit=limit, min_documents=min_documents)
    emit([g.row() for g in groups], UNKNOWN_COLUMNS, fmt, title=f"{len(groups)} unknown groups")


@app.command("list")
def list_command(
    country: Annotated[
        str | None, typer.Option("--country", help="Only actors of this ISO code (SY, AF).")
    ] = None,
    side: Annotated[
        str | None, typer.Option("--side", help="Only actors of this side (government, sdf).")
    ] = None,
    actors: ActorsOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The dictionary's actors: canonical name, side, ACLED inter code, country and aliases."""
    from marsad.actors import load_dictionary

    dictionary = load_dictionary(extra=actors or ())
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "side": e.side,
            "inter": e.inter,
            "country": e.country or "",
            "aliases": "; ".join(a.text for a in e.aliases),
        }
        for e in dictionary
        if (country is None or (e.country or "").upper() == country.upper())
        and (side is None or e.side == side)
    ]
    emit(rows, ACTOR_COLUMNS, fmt, title=f"{len(rows)} actors")


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="User dictionary files (YAML) to validate.")],
) -> None:
    """Validate user dictionaries against the format and the built-in dictionary; exit 2 on the first error
    (its file, line and field), 1 when two actors of one country share an alias."""
    from marsad.actors import load_dictionary

    dictionary = load_dictionary(extra=files)  # a ConfigError names the file, line and field
    clashes = dictionary.duplicate_aliases()
    for line in clashes:
        console.print(f"[yellow]shared alias[/yellow] {line}")
    console.print(f"{len(dictionary)} actors, {len(clashes)} shared aliases")
    if clashes:
        raise typer.Exit(1)
