"""`marsad compile`: the optional compiled build of the place reader (a thin wrapper over :mod:`marsad.compiled`)."""

from __future__ import annotations

from typing import Annotated

import typer

from marsad import compiled
from marsad.cli.output import err_console


def compile_command(
    force: Annotated[
        bool, typer.Option("--force", help="Build again even when the build is current.")
    ] = False,
    if_possible: Annotated[
        bool,
        typer.Option(
            "--if-possible",
            help="Where this machine cannot compile, say so and exit 0: the pure Python modules run (make uses it).",
        ),
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Only say whether this process runs the compiled modules, and why."),
    ] = False,
) -> None:
    """Compile the place reader with mypyc (~1 minute; needs a C compiler): the toponym stage runs ~1.3x as fast.

    The build is used only while it matches the installed sources; without it the same code runs as Python.
    """
    if check:
        state = compiled.status()
        typer.echo(("compiled: " if state.active else "pure Python: ") + state.reason)
        raise typer.Exit(0 if state.active else 1)
    with err_console.status("compiling the place reader with mypyc (about a minute) ..."):
        result = compiled.build(force=force)
    if result.ok:
        typer.echo(f"compiled place reader: {result.reason}")
        return
    typer.secho(result.reason, fg=typer.colors.YELLOW if if_possible else typer.colors.RED, err=True)
    raise typer.Exit(0 if if_possible else 1)
