"""The main commands: run, extract, events, export, show, errors. Each is a thin wrapper over a library call."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from marsad.cli.output import Format, console, emit, err_console, progress
from marsad.errors import InputError
from marsad.ingest.common import implausible_published
from marsad.records import Document, Failure
from marsad.settings import Settings

DbOption = Annotated[
    Path, typer.Option("--db", help="SQLite database file (default: MARSAD_DB or ./marsad.db).")
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date hint YYYY-MM-DD, used when a report has none."),
]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="Country hint, used when a report has none.")
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", help="Extra actor dictionary (YAML, same schema); repeatable. Default: MARSAD_ACTORS."
    ),
]


def actor_settings(actors: list[Path] | None) -> Settings:
    """Settings from the environment, with --actors files added to the MARSAD_ACTORS ones."""
    base = Settings()
    return base if not actors else replace(base, actor_files=(*base.actor_files, *actors))


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} {value!r} is not a date: write YYYY-MM-DD") from None


def _published(value: str | None) -> date | None:
    found = _date(value, "--published")
    why = implausible_published(found) if found is not None else None
    if why is not None:
        raise InputError(f"--published {value} is {why}: not a publication date")
    return found


def _default_db() -> Path:
    return Settings().db


def run(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), feeds, or http(s) URLs of pages/feeds.")
    ],
    db: DbOption = None,  # type: ignore[assignment]
    published: PublishedOption = None,
    country: CountryOption = None,
    actors: ActorsOption = None,
) -> None:
    """Ingest, extract and store every report under PATHS; print a summary. Exit code 1 when some inputs failed."""
    from marsad.batch.local import run as run_batch
    from marsad.store.sqlite import Store

    db = db or _default_db()
    with Store.open(db) as store, progress() as bar:
        task = bar.add_task("reading reports", total=None)

        def tick(item: Document | Failure) -> None:
            label = item.source if isinstance(item, Failure) else (item.title or item.source or item.id[:12])
            bar.update(task, advance=1, description=escape(str(label))[:60])

        summary = run_batch(paths, store, published=_published(published), country=country,
                            settings=actor_settings(actors), on_item=tick)  # fmt: skip
        counts = store.counts()
    table = Table(title=f"marsad run → {db}")
    for col in (
        "documents read",
        "new documents",
        "re-read documents",
        "incidents stored",
        "tallies stored",
        "developments stored",
        "failed",
    ):
        table.add_column(col, justify="right")
    ev = summary.events
    table.add_row(str(summary.documents), str(summary.new), str(summary.reread), str(ev.get("incident", 0)),
                  str(ev.get("tally", 0)), str(ev.get("development", 0)), str(len(summary.failures)))  # fmt: skip
    console.print(table)
    if summary.reread:
        console.print(f"{summary.reread} documents stored by another marsad (or with another gazetteer or actor "
                      "dictionary) were read again: their events are replaced")  # fmt: skip
    console.print(f"store now holds {counts['documents']} documents and {counts['events_total']} events")
    for f in summary.failures:
        err_console.print(f"[red]failed[/red] {escape(f.source)}: {escape(f.message)} [dim]({f.code})[/dim]")
    if summary.failures:
        err_console.print("see `marsad errors` for every input that failed")
        raise typer.Exit(1)


def extract(
    source: Annotated[
        str | None, typer.Argument(help="A report file, an http(s) URL, or - for standard input.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stable JSON (marsad.event/1).")] = False,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Read JSONL records; print one JSON line each.")
    ] = None,
    published: PublishedOption = None,
    country: CountryOption = None,
    actors: ActorsOption = None,
) -> None:
    """Extract events from one report (or each JSONL line) without storing anything."""
    from functools import partial

    from marsad.export.jsonout import result_to_dict
    from marsad.extract.stages import default_resources
    from marsad.pipeline import extract as extract_doc
    from marsad.pipeline import extract_record

    resources = default_resources(actor_settings(actors).actor_files)
    extract_doc = partial(extract_doc, resources=resources)
    extract_record = partial(extract_record, resources=resources)

    hint = _published(published)
    if jsonl is not None:
        _extract_jsonl(jsonl, hint, country, extract_record)
        return
    if source is None:
        raise InputError("give a report file, - for standard input, or --jsonl FILE")
    failed = False
    for item in _read_source(source, hint, country):
        if isinstance(item, Failure):
            err_console.print(f"[red]failed[/red] {escape(item.source)}: {escape(item.message)}")
            failed = True
            continue
        result = result_to_dict(item, extract_doc(item))
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            _print_events(result)
    if failed:
        raise typer.Exit(1)


def _read_source(source: str, hint: date | None, country: str | None) -> list[Document | Failure]:
    from marsad.ingest import read_bytes, read_sources

    if source == "-":
        return list(read_bytes(sys.stdin.buffer.read(), "<stdin>", published=hint, country=country))
    return list(read_sources([source], published=hint, country=country))


def _extract_jsonl(path: Path, hint: date | None, country: str | None, extract_record: Any) -> None:
    """One output line per input line, same id, in order; a bad line gives an error line, never a gap. Lines
    are read by ingest's own JSONL reader, so `marsad run` and `marsad extract --jsonl` judge them alike."""
    from marsad.ingest.common import Hints
    from marsad.ingest.jsonl import parse_line

    hints = Hints(published=hint, country=country)
    stream = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
    with stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                where = f"{path}:{number}"
                out = extract_record(parse_line(line, where), where, hints=hints)
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


EVENT_COLUMNS = ("id", "kind", "date", "type", "place", "admin1", "actor1", "actor2", "killed", "injured",
                 "killed_or_injured", "captured", "title")  # fmt: skip
TABLE_COLUMNS = ("id", "kind", "date", "type", "place", "actor1", "actor2", "killed", "injured", "killed/injured",
                 "captured")  # fmt: skip


def table_row(e: dict[str, Any]) -> dict[str, Any]:
    """The short form a terminal table shows: an id prefix `marsad show` accepts, place with its region."""
    flat = flat_event(e)
    place, admin1 = flat["place"], flat["admin1"]
    where = f"{place} ({admin1})" if place and admin1 and admin1 != place else place or admin1
    return {**flat, "id": flat["id"][:8], "place": where, "killed/injured": flat["killed_or_injured"]}


def _range(r: dict[str, Any] | None) -> str | None:
    if r is None:
        return None
    if r["best"] is not None and r["low"] == r["best"] == r["high"]:
        return str(r["best"])
    return f"{r['best'] if r['best'] is not None else '?'} ({r['low']}-{r['high']})"


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    d, loc, cas = e.get("date"), e.get("location"), e.get("casualties") or {}
    return {
        "id": e["id"],
        "kind": e["kind"],
        "date": None
        if d is None
        else (d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end']}"),
        "type": e.get("sub_event_type"),
        "place": loc and loc.get("name"),
        "admin1": loc and loc.get("admin1"),
        "actor1": (e.get("actor1") or {}).get("name"),
        "actor2": (e.get("actor2") or {}).get("name"),
        **{k: _range(cas.get(k)) for k in ("killed", "injured", "killed_or_injured", "captured")},
        "title": (e.get("document") or {}).get("title"),
    }


def _print_events(result: dict[str, Any]) -> None:
    doc = result["document"]
    console.print(
        f"[bold]{escape(doc.get('title') or doc['id'][:12])}[/bold]  published {doc.get('published')}"
    )
    emit([table_row(e) for e in result["events"]], TABLE_COLUMNS, Format.table)


def events(
    since: Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    admin1: Annotated[
        str | None, typer.Option(help="First-level admin region (governorate, province).")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    kind: Annotated[str | None, typer.Option(help="incident, tally or development.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
    db: DbOption = None,  # type: ignore[assignment]
) -> None:
    """List stored events, newest first."""
    from marsad.store.sqlite import Store

    with Store.open(db or _default_db()) as store:
        rows = store.events(since=_date(since, "--since"), until=_date(until, "--until"), type=type,
                            admin1=admin1, actor=actor, kind=kind, limit=limit)  # fmt: skip
    if fmt is Format.table:
        emit([table_row(e) for e in rows], TABLE_COLUMNS, fmt, title=f"{len(rows)} events")
    else:
        emit([flat_event(e) for e in rows], EVENT_COLUMNS, fmt, full=rows)


def export(
    fmt: Annotated[str, typer.Option("--format", help="csv (ACLED columns), geojson or jsonl.")] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    include_all: Annotated[bool, typer.Option("--all", help="Also tallies and developments.")] = False,
    db: DbOption = None,  # type: ignore[assignment]
) -> None:
    """Export stored events: ACLED-compatible CSV, GeoJSON or JSONL (incidents only unless --all)."""
    from marsad.export.writers import write_export
    from marsad.store.sqlite import Store

    with Store.open(db or _default_db()) as store:
        rows = store.events()
    if output is None:
        result = write_export(rows, fmt, sys.stdout, include_all=include_all)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8", newline="") as out:
            result = write_export(rows, fmt, out, include_all=include_all)
        err_console.print(f"wrote {output}")
    err_console.print(result.summary())


def show(
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix of 6+ characters).")],
    db: DbOption = None,  # type: ignore[assignment]
) -> None:
    """Every field of one event with the words it came from, highlighted in the source sentence."""
    from marsad.cli.show import render_event
    from marsad.errors import MarsadError
    from marsad.store.sqlite import Store

    with Store.open(db or _default_db()) as store:
        event = store.event(event_id)
        if event is None:
            raise MarsadError(f"no event {event_id!r} in the store: list them with `marsad events`")
        doc = store.document(event["document"]["id"])
    render_event(event, doc)


def errors(
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
    db: DbOption = None,  # type: ignore[assignment]
) -> None:
    """Inputs that failed, and why."""
    from marsad.store.sqlite import Store

    with Store.open(db or _default_db()) as store:
        rows = store.failures()
    emit(rows, ("source", "stage", "code", "message", "at"), fmt, title=f"{len(rows)} failed inputs")
