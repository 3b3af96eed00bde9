"""The seed report (an SOHR page saved as text) read end to end: every must-have and must-not-have of the
foundation issue. Published 2021-01-24 (given as the hint: the saved page carries no date)."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.export.jsonout import result_to_dict, validate
from marsad.ingest import read_paths
from marsad.pipeline import extract
from marsad.records import Document

SEED_PUBLISHED = date(2021, 1, 24)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371 * math.acos(
        min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))
    )


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[Document, dict[str, Any]]:
    (doc,) = list(read_paths([seed_path], published=SEED_PUBLISHED))
    assert isinstance(doc, Document)
    result = result_to_dict(doc, extract(doc))
    validate(result)
    return doc, result


def _kind(result: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in result["events"] if e["kind"] == kind]


def test_seed_document_title_site_and_no_boilerplate(seed: tuple[Document, dict[str, Any]]) -> None:
    doc, _ = seed
    assert (
        doc.title == "12 regime soldiers killed and wounded in attack on military bus in Deir ez-Zor desert"
    )
    assert doc.site == "The Syrian Observatory For Human Rights"
    assert "You might also like" not in doc.text and "cookies" not in doc.text


def test_seed_one_incident_isis_against_government_at_ash_shula(
    seed: tuple[Document, dict[str, Any]],
) -> None:
    _, result = seed
    (incident,) = _kind(result, "incident")
    assert incident["actor1"]["name"] == "Islamic State" and incident["actor1"]["raw"].startswith("ISIS")
    assert incident["actor2"]["side"] == "government" and incident["actor2"]["inter"] == 1
    loc = incident["location"]
    assert loc["admin1"] == "Deir ez-Zor"
    assert km(loc["latitude"], loc["longitude"], 35.18, 39.85) < 10
    assert loc["where_prec"] == 2  # "al-Shula desert": near the named place


def test_seed_combined_figure_is_never_twelve_killed(seed: tuple[Document, dict[str, Any]]) -> None:
    _, result = seed
    (incident,) = _kind(result, "incident")
    cas = incident["casualties"]
    assert cas["killed_or_injured"] == {"low": 12, "best": 12, "high": 12}
    assert cas["killed"] == {"low": 0, "best": None, "high": 12}
    assert [f["kind"] for f in incident["figures"]] == ["killed_or_injured"]
    assert incident["sides"] == [
        {"who": "government", "kind": "killed_or_injured", "low": 12, "best": 12, "high": 12}
    ]


def test_seed_incident_dated_on_or_just_before_publication(seed: tuple[Document, dict[str, Any]]) -> None:
    _, result = seed
    (incident,) = _kind(result, "incident")
    assert incident["date"]["end"] == "2021-01-24"
    assert incident["date"]["start"] in ("2021-01-23", "2021-01-24")
    assert incident["date"]["precision"] >= 1


def test_seed_first_week_tally_per_side(seed: tuple[Document, dict[str, Any]]) -> None:
    _, result = seed
    (tally,) = _kind(result, "tally")
    assert (tally["date"]["start"], tally["date"]["end"]) == ("2021-01-16", "2021-01-23")
    sides = {(s["who"], s["kind"]): s["best"] for s in tally["sides"]}
    assert sides == {("government", "killed"): 31, ("islamic-state", "killed"): 17}
    (incident,) = _kind(result, "incident")
    assert incident["casualties"]["killed"]["high"] == 12  # the tally's 48 never adds into the incident


def test_seed_campaign_is_one_development(seed: tuple[Document, dict[str, Any]]) -> None:
    _, result = seed
    (dev,) = _kind(result, "development")
    assert dev["date"]["start"] == "2021-01-16"
    names = {a["name"] for a in [dev["actor1"], dev["actor2"], *dev["assoc_actors"]] if a}
    assert {"National Defence Forces", "Liwa al-Quds", "5th Corps"} <= names
    # a campaign "in the Syrian desert ... combing the area from Kabajeb and Al-Shawla ... to Al-Sukhnah" covers
    # an area: no village's point
    assert dev["location"]["where_prec"] == 5


def test_seed_numbers_that_are_not_casualties(seed: tuple[Document, dict[str, Any]]) -> None:
    doc, result = seed
    figures = [f for e in result["events"] for f in e["figures"]]
    assert all(f["best"] != 130 and f["best"] != 131 for f in figures)  # "more than 130 airstrikes"
    corps = doc.text.index("5th Corps")
    for e in result["events"]:
        assert not (e["date"] and e["date"]["text"] and "5th" in e["date"]["text"])
        assert all(not (f["start"] <= corps < f["end"]) for f in e["figures"])


def test_seed_spellings_resolve_to_one_entity(seed: tuple[Document, dict[str, Any]]) -> None:
    from marsad.actors import load_dictionary
    from marsad.gazetteer.match import default_gazetteer

    doc, _ = seed
    mentions = load_dictionary().find(doc.text)
    by_raw = {m.span.text: m.actor.name for m in mentions}
    for spelling in ("National Defence Forces", "National Defense Forces", "NDF"):
        assert by_raw.get(spelling) == "National Defence Forces", spelling
    assert by_raw.get("5th Corps") == by_raw.get("Fifth Corps") == "5th Corps"
    places = default_gazetteer().find(doc.text, country="Syria")
    resolved = {p.span.text: p.place.name for p in places}
    # "from Kabajeb and Al-Shawla in the west of Deir Ezzor to Al-Sukhnah", "from Kabajib and al-Shawla west of
    # Deir Ezzor to al-Sukhna": one area each, named by the places both spellings resolve to
    areas = [p.place.name for p in places if p.place.feature == "area"]
    assert areas == ["from Kabajeb and Ash Shula to As Sukhnah"] * 2
    assert resolved.get("al-Shula") == "Ash Shula"
    deir = {p.place.admin1 for p in places if p.span.text.startswith("Deir") and p.place.feature != "road"}
    assert deir == {"Deir ez-Zor"}


def test_seed_evidence_points_into_the_text(seed: tuple[Document, dict[str, Any]]) -> None:
    doc, result = seed
    for e in result["events"]:
        for ev in e["evidence"]:
            assert doc.text[ev["start"] : ev["end"]] == ev["text"]
            assert "cookies" not in ev["text"] and "You might also like" not in ev["text"]


def test_seed_incident_types_for_acled_and_ucdp(seed: tuple[Document, dict[str, Any]]) -> None:
    _, result = seed
    (incident,) = _kind(result, "incident")
    # ACLED codes an attack on armed men (soldiers on a military bus) as an armed clash, never as violence
    # against civilians
    assert (incident["event_type"], incident["sub_event_type"]) == ("Battles", "Armed clash")
    assert incident["disorder_type"] == "Political violence"
    assert incident["civilian_targeting"] is False  # soldiers on a military bus
    assert incident["type_of_violence"] == 1  # Islamic State against the Syrian state: state-based
