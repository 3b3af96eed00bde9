"""The ``marsad`` command. A thin typer app: every command wraps an importable function.

User errors (``MarsadError``) print as one red line and exit 2; so do mistakes on the command line (an unknown
command, a missing argument, a bad option value), with the usage line; never a traceback.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import typer
from rich.markup import escape

from marsad.cli import main
from marsad.cli.output import err_console
from marsad.errors import MarsadError

_typer_app = typer.Typer(
    name="marsad",
    help="Conflict reports in, evidence-linked incident records out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for _fn in (main.run, main.extract, main.events, main.export, main.show, main.errors):
    _typer_app.command()(_fn)


def _register_subcommands() -> None:
    """Sub-commands that live with their stage (gazetteer, eval)."""
    from marsad.cli import actors_cmd, compile_cmd, eval_cmd, gazetteer_cmd, places_cmd

    _typer_app.add_typer(gazetteer_cmd.app, name="gazetteer", help="Build and extend the place gazetteer.")
    _typer_app.command("eval")(eval_cmd.eval_command)
    _typer_app.command("places")(places_cmd.places_command)
    _typer_app.command("compile")(compile_cmd.compile_command)
    _typer_app.add_typer(
        actors_cmd.app, name="actors", help="The actor dictionary and the unknown groups in a store."
    )


_register_subcommands()

# click's exception base (usage errors, bad parameters): typer 0.12 re-raises click's own, newer typer a vendored
# copy; both are a base class of the public typer.BadParameter, so take it from there.
_CommandLineError: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def app(*args: Any, **kwargs: Any) -> Any:
    """Entry point: run the typer app, turning MarsadError into one red line and exit code 2."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        # without standalone mode click returns typer.Exit's code instead of exiting: pass it on
        code = _typer_app(*args, standalone_mode=False, **kwargs)
        sys.exit(code if isinstance(code, int) else 0)
    except MarsadError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(2)
    except _CommandLineError as exc:
        exc.show()  # type: ignore[attr-defined]  # "Usage: ..." and "Error: ..." on stderr, as click prints them
        sys.exit(exc.exit_code)  # type: ignore[attr-defined]
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err_console.print("aborted")
        sys.exit(130)
