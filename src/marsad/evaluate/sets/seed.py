"""The golden report: SOHR on the bus attack in the Deir ez-Zor desert (published 2021-01-24), field by field.

Read through the ingest stage like any saved page, then extracted by ``marsad.pipeline.extract``. Each
expectation is a pass/fail check; the metrics are each check (1 or 0) and the share passed.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import DataMissingError
from marsad.evaluate import metrics as m
from marsad.evaluate import predictions as p
from marsad.evaluate.names import actor_matches, letter_words, same_admin1
from marsad.evaluate.readers import GoldItem, GoldSet, missing_message
from marsad.evaluate.sets.base import Case, Scored, SetSpec
from marsad.records import Document

SOURCE = "../corpus/sohr-deir-ez-zor-bus-attack.txt"
PUBLISHED = date(2021, 1, 24)
SHULA = (35.18, 39.85)
SHULA_NAMES = frozenset({"shula", "shola", "shoula", "shawla"})  # one village, transliterated several ways
BOILERPLATE = ("you might also like", "cookie", "opt-out", "accept read more")
NDF = "NDF (Syria)"


def _ingest(path: Path) -> tuple[Document, str]:
    """The document as ingest reads it; plain text with the date hint while ingest is not importable."""
    try:
        from marsad.ingest import read_paths
    except ImportError:  # ingest is written in parallel; keep the seed usable until it lands
        text = path.read_text("utf-8")
        doc = Document.from_text(text, published=PUBLISHED, published_source="hint", source=str(path))
        return doc, "ingest not importable: read as plain text"
    for got in read_paths([path], published=PUBLISHED):
        if isinstance(got, Document):
            return got, "read through marsad.ingest.read_paths"
        raise DataMissingError(f"ingest could not read the seed report {path}: {got.code}: {got.message}")
    raise DataMissingError(f"ingest returned nothing for the seed report {path}")


def read(data_dir: Path) -> GoldSet:
    path = (data_dir / SOURCE).resolve()
    if not path.is_file():
        where = f" (the seed report lives in ../corpus beside the data folder {data_dir})"
        raise DataMissingError(missing_message(path) + where)
    doc, how = _ingest(path)
    item = GoldItem(
        "seed:sohr-deir-ez-zor-bus-attack", 1, doc.text, doc.published, doc.country, {}, document=doc
    )
    return GoldSet("seed", path, [item], [], rows_read=1, notes=[how])


def _first(evts: list[dict[str, Any]]) -> dict[str, Any]:
    return evts[0] if evts else {}


def _place_ok(loc: dict[str, Any] | None) -> bool:
    return bool(loc) and bool(SHULA_NAMES & set(letter_words(str(loc.get("name") or ""))))  # type: ignore[union-attr]


def _near(loc: dict[str, Any] | None) -> bool:
    if not loc or loc.get("latitude") is None or loc.get("longitude") is None:
        return False
    return m.haversine_km(loc["latitude"], loc["longitude"], *SHULA) <= 25.0


def _side_count(event: dict[str, Any], side: str, best: int) -> bool:
    """Whether the tally gives ``best`` killed for ``side`` in its per-side counts or its figures."""
    rows = [(s.get("who"), s.get("kind"), s.get("best")) for s in event.get("sides") or []]
    rows += [
        (f.get("side") or f.get("who"), f.get("kind"), f.get("best")) for f in event.get("figures") or []
    ]
    return any(kind == "killed" and n == best and who and actor_matches(side, [who]) for who, kind, n in rows)


def _incident_checks(inc: list[dict[str, Any]]) -> dict[str, bool]:
    first = _first(inc)
    loc = first.get("location")
    cas = first.get("casualties") or {}
    start = p.start_date(first) if first else None
    return {
        "one_incident": len(inc) == 1,
        "incident_actor1_islamic_state": actor_matches("IS", p.actor_strings(first.get("actor1"))),
        "incident_actor2_syrian_government": actor_matches(
            "Government of Syria", p.actor_strings(first.get("actor2"))
        ),
        "incident_location_shula": _place_ok(loc),
        "incident_location_within_25km": _near(loc),
        "incident_admin1_deir_ez_zor": same_admin1((loc or {}).get("admin1"), "Deir ez-Zor"),
        "incident_killed_or_injured_12": (cas.get("killed_or_injured") or {}).get("best") == 12,
        "incident_killed_unstated_0_to_12": cas.get("killed") == {"low": 0, "best": None, "high": 12},
        "incident_date_2021_01_23_or_24": start in (date(2021, 1, 23), date(2021, 1, 24)),
    }


def _tally_checks(tallies: list[dict[str, Any]]) -> dict[str, bool]:
    first = _first(tallies)
    d = first.get("date") or {}
    return {
        "one_tally": len(tallies) == 1,
        "tally_31_killed_government": bool(first) and _side_count(first, "Government of Syria", 31),
        "tally_17_killed_islamic_state": bool(first) and _side_count(first, "IS", 17),
        "tally_dates_2021_01_16_to_23": (d.get("start"), d.get("end")) == ("2021-01-16", "2021-01-23"),
    }


def _spans(evts: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of every figure and evidence item: all the places the extractor read from."""
    out = [(f["start"], f["end"], f.get("text") or "") for e in evts for f in e.get("figures") or []]
    out += [(v["start"], v["end"], v.get("text") or "") for e in evts for v in e.get("evidence") or []]
    return out


def _numbers(evts: list[dict[str, Any]]) -> set[int]:
    nums = {f.get(k) for e in evts for f in e.get("figures") or [] for k in ("low", "best", "high")}
    for e in evts:
        for total in (e.get("casualties") or {}).values():
            nums |= {total.get(k) for k in ("low", "best", "high")} if total else set()
    return {n for n in nums if isinstance(n, int)}


def _number_spans(evts: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Where figures and dates were read from. Sentence and actor evidence may cover "5th Corps" (the unit is
    an actor, its sentence is context); only a count or a date read from it is wrong."""
    out = [(f["start"], f["end"]) for e in evts for f in e.get("figures") or []]
    out += [
        (v["start"], v["end"])
        for e in evts
        for v in e.get("evidence") or []
        if str(v.get("field", "")).startswith(("date", "figure"))
    ]
    return out


def _no_5th_corps(evts: list[dict[str, Any]], text: str) -> bool:
    """No figure or date read from "5th Corps"/"Fifth Corps" (a unit's name, not a count or a day)."""
    corps = [(mt.start(), mt.end()) for mt in re.finditer(r"\b(?:5th|fifth)\s+corps\b", text, re.IGNORECASE)]
    overlaps = any(s < ce and cs < e for s, e in _number_spans(evts) for cs, ce in corps)
    dates = " ".join((e.get("date") or {}).get("text", "") for e in evts)
    return not overlaps and not re.search(r"\b(?:5th|fifth)\b", dates, re.IGNORECASE)


def _ndf_one_entity(evts: list[dict[str, Any]]) -> bool:
    """NDF, National Defence Forces and National Defense Forces are mentioned, and all resolve to one name."""
    names = {a.get("name") for a in p.actors(evts) if actor_matches(NDF, p.actor_strings(a))}
    return len(names) == 1


def _no_boilerplate(evts: list[dict[str, Any]], text: str) -> bool:
    """No evidence from the cookie banner or the "You might also like" block, by words or by offsets."""
    texts = [t for _, _, t in _spans(evts)]
    texts += [str((e.get("date") or {}).get("text") or "") for e in evts]
    texts += [str((e.get("location") or {}).get("text") or "") for e in evts]
    if any(phrase in t.lower() for t in texts for phrase in BOILERPLATE):
        return False
    tail = text.lower().find("you might also like")
    return tail < 0 or all(start < tail for start, _, _ in _spans(evts))


def _document_checks(evts: list[dict[str, Any]], text: str) -> dict[str, bool]:
    return {
        "never_12_killed": all(p.casualty_best(e, "killed") != 12 for e in evts),
        "no_figure_130": 130 not in _numbers(evts),
        "nothing_read_from_5th_corps": _no_5th_corps(evts, text),
        "ndf_resolved_to_one_entity": _ndf_one_entity(evts),
        "no_boilerplate_evidence": _no_boilerplate(evts, text),
    }


CHECKS: dict[str, str] = {
    "one_incident": "exactly one incident",
    "incident_actor1_islamic_state": "incident actor1 is Islamic State",
    "incident_actor2_syrian_government": "incident actor2 is Syrian government forces",
    "incident_location_shula": "incident location is Ash Shula / al-Shula",
    "incident_location_within_25km": "incident location within 25 km of 35.18N 39.85E",
    "incident_admin1_deir_ez_zor": "incident admin1 is Deir ez-Zor",
    "incident_killed_or_injured_12": "incident killed_or_injured best is 12",
    "incident_killed_unstated_0_to_12": "incident killed is low 0, best null, high 12",
    "incident_date_2021_01_23_or_24": "incident date starts 2021-01-23 or 2021-01-24",
    "one_tally": "exactly one tally",
    "tally_31_killed_government": "tally: 31 killed on the government side",
    "tally_17_killed_islamic_state": "tally: 17 killed on the Islamic State side",
    "tally_dates_2021_01_16_to_23": "tally dates 2021-01-16 to 2021-01-23",
    "never_12_killed": "no event says 12 killed",
    "no_figure_130": "no figure of 130 (airstrikes, not people)",
    "nothing_read_from_5th_corps": 'no date or number read from "5th Corps"',
    "ndf_resolved_to_one_entity": "NDF / National Defence Forces / National Defense Forces are one entity",
    "no_boilerplate_evidence": 'no evidence from the cookie banner or "You might also like"',
}


def checks(result: dict[str, Any], text: str) -> dict[str, bool]:
    """Every expectation of the golden report, by name, in CHECKS order."""
    evts = p.events(result)
    got = _incident_checks(p.incidents(result)) | _tally_checks(p.events(result, "tally"))
    got |= _document_checks(evts, text)
    return {name: bool(got[name]) for name in CHECKS}


def score(items: list[GoldItem], results: list[dict[str, Any]]) -> Scored:
    item, result = items[0], results[0]
    text = item.document.text if item.document else item.text
    got = checks(result, text)
    metrics: dict[str, float | None] = {"pass_rate": m.rate(sum(got.values()), len(got))}
    metrics |= {name: float(ok) for name, ok in got.items()}
    summary = p.summary(result, limit=10)
    # One document: the check, not the text, is what a reader of --errors needs to see per row.
    cases = [Case(name, 0, CHECKS[name], "pass", summary, (name,), 1.0) for name, ok in got.items() if not ok]
    return Scored(metrics, {"checks": len(got), "passed": sum(got.values())}, cases, {"checks": got})


SPEC = SetSpec(
    name="seed",
    title="Golden report: SOHR, bus attack in the Deir ez-Zor desert",
    source=SOURCE,
    read=read,
    score=score,
    metrics={"pass_rate": "share of the checks below that pass"} | CHECKS,
    gated=("pass_rate", *CHECKS),
)
