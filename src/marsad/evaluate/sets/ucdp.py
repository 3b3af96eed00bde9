"""UCDP GED Syria 2016-2017: place, governorate, deaths and sides from source headlines.

Only headline groups with exactly one coded event are scored, so each gold field belongs to one event. UCDP
coders read whole articles and most headlines do not name the coded place, so ``within_25km`` and ``adm1``
are also reported on the *answerable* groups, whose headline names the place (see ``metrics.names_place``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from marsad.evaluate import metrics as m
from marsad.evaluate import predictions as p
from marsad.evaluate.names import actor_matches, same_admin1, split_side
from marsad.evaluate.readers import GoldItem, GoldSet, Malformed, jsonl_rows, parse_iso_date, require_file
from marsad.evaluate.sets.base import Case, Scored, SetSpec

SOURCE = "ucdp_ged_syria/by_source_article.jsonl"
RADIUS_KM = 25.0
_DIGIT = re.compile(r"\d")


def _gold(event: dict[str, Any], headline: str) -> dict[str, Any]:
    return {
        "latitude": float(event["latitude"]),
        "longitude": float(event["longitude"]),
        "adm_1": event.get("adm_1"),
        "where": event.get("where_coordinates") or "",
        "best": int(event["best"]),
        "sides": split_side(event.get("side_a")) + split_side(event.get("side_b")),
        "side_a": event.get("side_a") or "",
        "side_b": event.get("side_b") or "",
        "answerable": m.names_place(event.get("where_coordinates"), headline),
        "has_digit": bool(_DIGIT.search(headline)),
    }


def _parse(line: int, obj: dict[str, Any]) -> GoldItem | Malformed | None:
    """The group as a GoldItem, None when it is not a single-event group, Malformed when unreadable."""
    evts = obj.get("events")
    if not isinstance(evts, list):
        return Malformed(line, "no events list")
    if len(evts) != 1:
        return None
    headline = obj.get("source_headline")
    if not isinstance(headline, str) or not headline.strip():
        return Malformed(line, "empty source_headline")
    # entities first: sources are joined by ";", which "&#8220;" and "Dar&#8217;a" would otherwise cut in two
    headline = html.unescape(headline)
    try:
        published = parse_iso_date(str(obj.get("source_date") or "").split(";")[0])
        gold = _gold(evts[0], headline)
    except (ValueError, TypeError, KeyError) as exc:
        return Malformed(line, f"unreadable gold field: {exc}")
    # One headline per source; each becomes a line of the document, as a short multi-source report would read.
    text = "\n".join(part.strip() for part in headline.split(";") if part.strip())
    ident = str(obj.get("source_article") or f"line {line}")
    return GoldItem(f"ucdp:{ident}", line, text, published, "Syria", gold)


def read(data_dir: Path) -> GoldSet:
    path = require_file(data_dir, SOURCE)
    items: list[GoldItem] = []
    malformed: list[Malformed] = []
    rows = 0
    for line, obj in jsonl_rows(path):
        rows += 1
        parsed = obj if isinstance(obj, Malformed) else _parse(line, obj)
        if isinstance(parsed, Malformed):
            malformed.append(parsed)
        elif parsed is not None:
            items.append(parsed)
    notes = [f"{len(items)} of {rows} groups have exactly one event: the ones that can be scored"]
    return GoldSet("ucdp", path, items, malformed, rows_read=rows, notes=notes)


def _judge(item: GoldItem, result: dict[str, Any]) -> dict[str, Any]:
    g = item.gold
    evts = p.events(result)
    dists = [m.haversine_km(lat, lon, g["latitude"], g["longitude"]) for lat, lon in p.points(evts)]
    found = [p.actor_strings(a) for a in p.actors(evts)]
    return {
        "distance": min(dists) if dists else None,
        "near": bool(dists) and min(dists) <= RADIUS_KM,
        "adm1": any(same_admin1(a, g["adm_1"]) for a in p.admin1s(evts)) if g["adm_1"] else None,
        "deaths": p.sum_best(p.incidents(result), "killed"),
        "side": any(actor_matches(side, strings) for side in g["sides"] for strings in found),
        "admin1s": sorted(set(p.admin1s(evts))),
    }


def score(items: list[GoldItem], results: list[dict[str, Any]]) -> Scored:
    judged = [_judge(item, res) for item, res in zip(items, results, strict=True)]
    pairs = list(zip(items, judged, strict=True))
    with_adm1 = [j["adm1"] for _, j in pairs if j["adm1"] is not None]
    digits = [j["deaths"] == i.gold["best"] for i, j in pairs if i.gold["has_digit"]]
    answerable = [j for i, j in pairs if i.gold["answerable"]]
    ans_adm1 = [j["adm1"] for j in answerable if j["adm1"] is not None]
    metrics = {
        "within_25km": m.rate(sum(j["near"] for j in judged), len(judged)),
        "adm1": m.rate(sum(with_adm1), len(with_adm1)),
        "deaths_exact": m.rate(sum(digits), len(digits)),
        "side_found": m.rate(sum(j["side"] for j in judged), len(judged)),
        "within_25km_answerable": m.rate(sum(j["near"] for j in answerable), len(answerable)),
        "adm1_answerable": m.rate(sum(ans_adm1), len(ans_adm1)),
    }
    counts = {"groups": len(items), "groups_with_adm1": len(with_adm1), "groups_with_digit": len(digits),
              "answerable": len(answerable)}  # fmt: skip
    cases = [_case(i, res, j) for (i, j), res in zip(pairs, results, strict=True)]
    return Scored(metrics, counts, cases)


def _case(item: GoldItem, result: dict[str, Any], j: dict[str, Any]) -> Case:
    g = item.gold
    checks = [("within_25km", j["near"]), ("adm1", j["adm1"] is not False), ("side", j["side"])]
    if g["has_digit"]:
        checks.append(("deaths", j["deaths"] == g["best"]))
    failed = tuple(name for name, ok in checks if not ok)
    dist = "-" if j["distance"] is None else f"{j['distance']:.0f} km"
    gold = (
        f"{g['where']} ({g['adm_1'] or '-'}) {g['latitude']:.3f},{g['longitude']:.3f} · deaths {g['best']} · "
        f"{g['side_a']} vs {g['side_b']}" + (" · answerable" if g["answerable"] else "")
    )
    admin = ", ".join(j["admin1s"]) or "-"
    pred = f"nearest {dist} · admin1 {admin} · deaths {j['deaths']}\n{p.summary(result)}"
    # Answerable groups first among equals: a miss there is the extractor's fault, not the headline's.
    return Case(item.id, item.line, item.text, gold, pred, failed, len(failed) + 0.5 * g["answerable"])


SPEC = SetSpec(
    name="ucdp",
    title="UCDP GED Syria 2016-2017 (headlines of single-event groups)",
    source=SOURCE,
    read=read,
    score=score,
    metrics={
        "within_25km": "some extracted event within 25 km of the gold point",
        "adm1": "some extracted admin1 is the gold adm_1 (groups with adm_1)",
        "deaths_exact": "sum of killed.best over incidents == best (headlines with a digit)",
        "side_found": "gold side_a or side_b recognised among the extracted actors",
        "within_25km_answerable": "within_25km on groups whose headline names the coded place",
        "adm1_answerable": "adm1 on groups whose headline names the coded place",
    },
    gated=("within_25km", "adm1", "deaths_exact", "side_found", "within_25km_answerable", "adm1_answerable"),
)
