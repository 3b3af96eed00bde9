"""ACLED-compatible CSV: ACLED's columns first, ACLED's fatalities rule, incidents only by default."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.export.acled import ACLED_COLUMNS, COLUMNS, MARSAD_COLUMNS, disorder_type, fatalities, flat_row
from marsad.export.jsonout import event_to_dict
from marsad.export.writers import write_export
from marsad.records import FIGURE_KINDS, Event, Figure
from marsad.store import Store
from store_helpers import idlib_airstrike, make_document, mayadin_attack, other_report, sample, span

# ACLED's export columns, spelled out here (not imported) so a change to the module cannot pass unnoticed.
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


@pytest.fixture
def rows() -> Iterator[list[dict[str, Any]]]:
    with Store.open(":memory:") as store:
        store.add(*sample())
        store.add(*other_report("Hama clashes", date(2021, 3, 2), "Hama", "Hayat Tahrir al-Sham"))
        yield store.events()


def _csv(rows: list[dict[str, Any]], **kwargs: Any) -> list[dict[str, str]]:
    out = io.StringIO()
    write_export(rows, "csv", out, **kwargs)
    out.seek(0)
    return list(csv.DictReader(out))


def _by_location(parsed: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["location"]: r for r in parsed}


def test_export_csv_header_is_acled_then_marsad(rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    write_export(rows, "csv", out)
    header = out.getvalue().splitlines()[0].split(",")
    assert header[: len(ACLED_HEADER)] == ACLED_HEADER
    assert tuple(header) == COLUMNS == ACLED_COLUMNS + MARSAD_COLUMNS
    assert set(MARSAD_COLUMNS) >= {
        "marsad_kind",
        "date_prec",
        "where_prec",
        "deaths_best",
        "document_id",
        "url",
    }


def test_export_csv_only_incidents_by_default(rows: list[dict[str, Any]]) -> None:
    default = _csv(rows)
    assert {r["marsad_kind"] for r in default} == {"incident"}
    assert len(default) == 3
    everything = _csv(rows, include_all=True)
    assert sorted(r["marsad_kind"] for r in everything) == ["incident", "incident", "incident", "tally"]


def test_export_csv_acled_columns(rows: list[dict[str, Any]]) -> None:
    parsed = _by_location(_csv(rows, include_all=True))
    mayadin = parsed["Al-Mayadin"]
    assert (mayadin["event_date"], mayadin["year"], mayadin["time_precision"]) == ("2021-01-23", "2021", "1")
    assert (mayadin["inter1"], mayadin["inter2"], mayadin["interaction"]) == ("2", "1", "12")
    assert mayadin["disorder_type"] == "Political violence" and mayadin["civilian_targeting"] == ""
    assert (mayadin["iso"], mayadin["region"], mayadin["country"]) == ("760", "Middle East", "Syria")
    assert mayadin["assoc_actor_1"] == "Unknown desert militia"
    assert (mayadin["latitude"], mayadin["geo_precision"], mayadin["where_prec"]) == ("35.0207", "2", "2")
    assert mayadin["fatalities"] == "7" and mayadin["source"] == "SOHR"
    assert "3 injured" in mayadin["notes"] and "Killed by side: government 7" in mayadin["notes"]
    assert mayadin["timestamp"].isdigit()
    strike = parsed["Ma'arrat al-Nu'man"]
    assert (strike["interaction"], strike["civilian_targeting"]) == ("78", "Civilian targeting")
    assert strike["country"] == "Syria"  # given as "SY"
    tally = parsed["Deir ez-Zor"]
    # A period is coded to its middle day, with the range in marsad's columns.
    assert (tally["event_date"], tally["time_precision"]) == ("2021-01-12", "3")
    assert (tally["date_start"], tally["date_end"], tally["date_prec"]) == ("2021-01-01", "2021-01-24", "4")
    assert (tally["inter1"], tally["interaction"]) == ("", "")


def test_export_csv_combined_figure_is_not_fatalities(rows: list[dict[str, Any]]) -> None:
    strike = _by_location(_csv(rows))["Ma'arrat al-Nu'man"]
    assert strike["fatalities"] == "0"
    assert "5 killed or injured (combined figure, not counted as fatalities)" in strike["notes"]
    assert strike["killed_or_injured_best"] == "5"
    assert (strike["deaths_low"], strike["deaths_best"], strike["deaths_high"]) == ("0", "", "5")


def _with_figures(*figures: Figure) -> dict[str, Any]:
    doc = make_document()
    return event_to_dict(replace(mayadin_attack(doc), figures=figures, sides=()))


def _fig(
    kind: str, low: int | None, best: int | None, high: int | None, flags: tuple[str, ...] = ()
) -> Figure:
    where = span(make_document().text, "7 regime soldiers were killed")
    return Figure(kind, low, best, high, where, flags=flags)


@pytest.mark.parametrize(
    ("figures", "expected", "note"),
    [
        ((_fig("killed", 7, 7, 7),), 7, ""),
        # best unknown: the low figure
        ((_fig("killed", 10, None, 15),), 10, "Killed reported as 10-15; fatalities uses 10."),
        ((_fig("killed", 3, 3, 3), _fig("killed", 2, 2, 2)), 5, ""),
        ((_fig("killed_or_injured", 12, 12, 12),), 0, "12 killed or injured (combined figure"),
        ((_fig("killed_or_injured", 12, 12, 12), _fig("killed", 2, 2, 2)), 2, "12 killed or injured"),
        ((_fig("injured", 4, 4, 4),), 0, "4 injured."),
        ((_fig("killed", 30, 30, 30, ("review",)),), 0, ""),  # an absurd figure never counts
        ((), 0, ""),
    ],
)
def test_export_fatalities_rule(figures: tuple[Figure, ...], expected: int, note: str) -> None:
    row = _with_figures(*figures)
    assert fatalities(row) == expected
    flat = flat_row(row)
    assert flat["fatalities"] == expected
    assert note in flat["notes"]


@given(
    st.lists(
        st.tuples(st.sampled_from(FIGURE_KINDS), st.integers(0, 500), st.integers(0, 500)),
        max_size=5,
    )
)
def test_export_fatalities_never_come_from_other_kinds(specs: list[tuple[str, int, int]]) -> None:
    figures = tuple(_fig(kind, min(a, b), min(a, b), max(a, b)) for kind, a, b in specs)
    killed = [f for f in figures if f.kind == "killed"]
    assert fatalities(_with_figures(*figures)) == sum(f.best or 0 for f in killed)


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        (None, None, ""),
    ],
)
def test_export_disorder_type(event_type: str | None, sub_event_type: str | None, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_export_csv_sole_actor_interaction() -> None:
    doc = make_document()
    event: Event = replace(idlib_airstrike(doc), actor2=None, event_type="Protests", sub_event_type=None)
    flat = flat_row(event_to_dict(event))
    assert (flat["inter1"], flat["inter2"], flat["interaction"]) == (8, 0, "80")
