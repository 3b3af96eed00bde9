"""``marsad eval``: score the pipeline on the gold sets, check the quality gate, keep floors and docs current.

The lead registers it with ``app.command("eval")(eval_command)``; all logic lives in ``marsad.evaluate``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from marsad.errors import ConfigError, DataMissingError, MarsadError
from marsad.evaluate import gate as gate_mod
from marsad.evaluate import report
from marsad.evaluate.accuracy_doc import write_accuracy_doc
from marsad.evaluate.runner import EvalResult, run_set
from marsad.evaluate.sets import SETS

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _names(set_name: str | None, all_sets: bool) -> list[str]:
    if all_sets == (set_name is not None):
        raise ConfigError(f"name one set ({', '.join(SETS)}) or pass --all")
    if set_name is not None and set_name not in SETS:
        raise ConfigError(f"unknown set {set_name!r}: choose one of {', '.join(SETS)}")
    return list(SETS) if all_sets else [str(set_name)]


def _check_flags(
    gate_mode: bool, limit: int | None, sample: int | None, update: bool, opts: dict[str, Any]
) -> None:
    if gate_mode and (limit is not None or sample is not None):
        raise ConfigError(
            "--gate, --update-baseline and --write-docs score the gate's fixed rows: drop --limit/--sample"
        )
    if (opts["allow_lower"] or opts["reason"]) and not update:
        raise ConfigError("--allow-lower and --reason go with --update-baseline")
    if opts["write_docs"] and not opts["all_sets"]:
        raise ConfigError("--write-docs regenerates the page for every set: use it with --all")


def _run(
    names: list[str], *, gate_mode: bool, skip_missing: bool, **kw: Any
) -> tuple[list[EvalResult], list[str]]:
    """Results per set; with ``skip_missing`` (the gate outside CI) a missing gold file skips its set."""
    baseline = gate_mod.load_baseline()
    results, skipped = [], []
    for name in names:
        sample = gate_mod.gate_sample(name, baseline) if gate_mode else kw["sample"]
        try:
            results.append(run_set(name, data_dir=kw["data_dir"], limit=kw["limit"], sample=sample))
        except DataMissingError as exc:
            if not skip_missing:
                raise
            err.print(
                f"[yellow]skipped {name}:[/yellow] {escape(str(exc))} (with CI=true this fails)",
                soft_wrap=True,
            )
            skipped.append(name)
    return results, skipped


def _show(result: EvalResult, errors: int, floors: dict[str, float]) -> None:
    out.print(report.metrics_table(result, floors))
    out.print(report.summary_line(result))
    if result.malformed:
        out.print(f"[yellow]{len(result.malformed)} malformed rows skipped:[/yellow]")
        out.print("\n".join(report.malformed_lines(result)), markup=False)
    for ident, message in result.failures[:3]:
        out.print(f"[red]extraction raised on {escape(ident)}:[/red] {escape(message)}")
    if errors:
        out.print(report.errors_table(result, errors))
        if "confusion" in result.extra:
            # a grid: never wrapped (27 columns squeezed into a terminal lose their numbers)
            out.print(report.confusion_table(result.extra["confusion"]), soft_wrap=True)


def _write_json(path: Path, results: list[EvalResult], errors: int, problems: list[str] | None) -> None:
    if len(results) == 1 and problems is None:
        data: dict[str, Any] = report.result_json(results[0], errors)
    else:
        data = {"sets": {r.set: report.result_json(r, errors) for r in results}}
        seconds = sum(r.seconds for r in results)
        scored = sum(r.scored for r in results)
        data["total"] = {"scored": scored, "seconds": round(seconds, 4),
                         "docs_per_s": round(scored / seconds, 2) if seconds > 0 else None}  # fmt: skip
        if problems is not None:
            data["gate"] = {"passed": not problems, "problems": problems}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", "utf-8")
    out.print(f"wrote {path}")


def _update(results: list[EvalResult], allow_lower: bool, reason: str | None) -> None:
    new, changes = gate_mod.raise_floors(results, allow_lower=allow_lower, reason=reason)
    gate_mod.save_baseline(new)
    for key, (old, value) in changes.items():
        out.print(f"floor {key}: {old:.3f} -> {value:.3f}")
    out.print(f"{len(changes)} floors changed in {gate_mod.BASELINE_PATH}")


def _gate(results: list[EvalResult], skipped: list[str]) -> list[str]:
    problems = [p for r in results for p in gate_mod.check_result(r)]
    for problem in problems:
        err.print(f"[red]gate:[/red] {escape(problem)}", soft_wrap=True)
    if not results:
        out.print("[yellow]gate not run:[/yellow] no gold data found (with CI=true this fails)")
    elif not problems:
        note = f"; {len(skipped)} skipped, no data" if skipped else ""
        out.print(f"[green]gate passed[/green] for {len(results)} sets{note}")
    return problems


def eval_command(
    set_name: Annotated[
        str | None, typer.Argument(metavar="SET", help=f"Gold set: {', '.join(SETS)}.", show_default=False)
    ] = None,
    all_sets: Annotated[bool, typer.Option("--all", help="Evaluate every set.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N items.")] = None,
    sample: Annotated[int | None, typer.Option(min=1, help="Score a fixed hashed sample of N items.")] = None,
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Write metrics and documents/s to this JSON file.")
    ] = None,
    errors: Annotated[int, typer.Option(min=0, help="Print the N worst cases (and a confusion matrix).")] = 0,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Folder holding the gold sets (default: MARSAD_DATA or ../shared/data)."),
    ] = None,
    gate: Annotated[
        bool, typer.Option("--gate", help="Score the gate's rows and fail below a floor.")
    ] = False,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Raise the floors in baseline.json to the figures measured."),
    ] = False,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="Let --update-baseline lower floors.")
    ] = False,
    reason: Annotated[
        str | None, typer.Option(help="Why floors change (required with --allow-lower).")
    ] = None,
    write_docs: Annotated[
        bool, typer.Option("--write-docs", help="Regenerate docs/accuracy.md (with --all).")
    ] = False,
    hold_out_year: Annotated[
        int | None,
        typer.Option(
            "--hold-out-year",
            min=1989,
            help="ucdp only: score the groups of this year with a gazetteer built from the events before it "
            "(in a temporary folder): an estimate of the hidden half.",
        ),
    ] = None,
) -> None:
    """Score the pipeline on a gold set: `marsad eval isaf`, `marsad eval --all --gate`."""
    hold_out_root: Path | None = None
    try:
        names = _names(set_name, all_sets)
        gate_mode = gate or update_baseline or write_docs
        opts = {"allow_lower": allow_lower, "reason": reason, "write_docs": write_docs, "all_sets": all_sets}
        _check_flags(gate_mode, limit, sample, update_baseline, opts)
        if hold_out_year is not None:
            hold_out_root = Path(tempfile.mkdtemp(prefix="marsad-holdout-"))
            data_dir = _hold_out(names, gate_mode, hold_out_year, data_dir, hold_out_root)
        skip = gate and not (update_baseline or write_docs) and not gate_mod.in_ci()
        results, skipped = _run(names, gate_mode=gate_mode, skip_missing=skip, data_dir=data_dir,
                                limit=limit, sample=sample)  # fmt: skip
        if update_baseline:
            _update(results, allow_lower, reason)
        # (the floors are the development half's: a hold-out is compared with the figures, not the floors)
        floors = {} if hold_out_year is not None else gate_mod.load_baseline()["sets"]
        for result in results:
            if hold_out_year is not None:
                result.notes.append(
                    f"hold-out {hold_out_year}: gazetteer built from the UCDP events before it"
                )
            _show(result, errors, floors.get(result.set, {}).get("floors", {}))
        problems = _gate(results, skipped) if gate_mode else None
        if json_file is not None:
            _write_json(json_file, results, errors, problems)
        if write_docs:
            out.print(f"wrote {write_accuracy_doc(results=results)}")
    except MarsadError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    finally:
        if hold_out_root is not None:
            shutil.rmtree(hold_out_root, ignore_errors=True)  # its gazetteer alone is ~230 MB
    if problems:
        raise typer.Exit(1)


def _hold_out(names: list[str], gate_mode: bool, year: int, data_dir: Path | None, root: Path) -> Path:
    """Cut the hold-out of ``year`` from the shared data under ``root`` and point this process at it (see
    ``evaluate.holdout``); the gold folder to score."""
    if names != ["ucdp"] or gate_mode:
        raise ConfigError(
            "--hold-out-year scores the ucdp set alone: drop --all, --gate, --update-baseline and --write-docs"
        )
    from marsad.evaluate import holdout
    from marsad.settings import Settings

    folder, events, groups = holdout.hold_out_data(data_dir or Settings().data_dir, year, root)
    holdout.use_hold_out(folder, root / "cache")
    out.print(
        f"hold-out {year}: the gazetteer is built from the {events:,} UCDP events before it (about a minute); "
        f"the {groups:,} headline groups of {year} are read"
    )
    return folder
