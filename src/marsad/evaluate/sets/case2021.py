"""CASE 2021 Task 2: ACLED sub-event types of short news snippets, plus five types outside ACLED's taxonomy.

The predicted label is the CASE code of the primary event's ``sub_event_type``; a snippet without a conflict
or protest event is ``none``, which is the right answer for the unseen types (crime, disasters, diplomacy,
attribution).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from marsad.evaluate import metrics as m
from marsad.evaluate import predictions as p
from marsad.evaluate.readers import GoldItem, GoldSet, Malformed, csv_rows, require_file
from marsad.evaluate.sets.base import Case, Scored, SetSpec

SOURCE = "case2021_task2/case2021_task2_dev.tsv"
NONE = "none"

# ACLED's 25 sub-event type names -> CASE 2021 codes (see case2021_task2/event_types.txt).
ACLED_TO_CASE: dict[str, str] = {
    "Armed clash": "ARMED_CLASH",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE",
    "Suicide bomb": "SUIC_BOMB",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Agreement": "AGREEMENT",
    "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
}
SEEN = frozenset(ACLED_TO_CASE.values())
UNSEEN = frozenset({"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"})
_KIND_RANK = {"incident": 0, "development": 1, "tally": 2}


def _key(name: str) -> str:
    # "Air/drone strike", "air drone strike" and "AIR_DRONE_STRIKE" are one key.
    return re.sub(r"[^a-z0-9]+", "", name.lower())


_BY_KEY = {_key(name): code for name, code in ACLED_TO_CASE.items()} | {_key(c): c for c in SEEN}


def case_code(sub_event_type: str | None) -> str:
    """The CASE code of an ACLED sub-event type name (or of a CASE code); ``none`` when it is neither."""
    return _BY_KEY.get(_key(sub_event_type or ""), NONE)


def predicted_label(result: dict[str, Any]) -> str:
    """The label of the primary event: incidents before developments before tallies, then higher confidence,
    then the earlier event; events whose sub-event type has no CASE code are not candidates."""
    candidates = [
        (
            _KIND_RANK.get(e.get("kind", ""), 3),
            -float(e.get("confidence") or 0),
            i,
            case_code(e.get("sub_event_type")),
        )
        for i, e in enumerate(p.events(result))
    ]
    labelled = sorted(c for c in candidates if c[3] != NONE)
    return labelled[0][3] if labelled else NONE


def _unquote(field: str) -> str:
    # QUOTE_NONE keeps CSV quoting as text: '"He said ""no"""' is the snippet 'He said "no"'.
    field = field.strip()
    if len(field) >= 2 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def _parse(line: int, row: dict[str, Any]) -> GoldItem | Malformed:
    label = (row.get("SubType") or "").strip()
    if label not in SEEN | UNSEEN:
        return Malformed(line, f"unknown SubType {label!r}")
    text = _unquote(row.get("EventSnippet") or "")
    if not text:
        return Malformed(line, "empty EventSnippet")
    return GoldItem(f"case2021:{row.get('id') or line}", line, text, None, None, {"label": label})


def read(data_dir: Path) -> GoldSet:
    path = require_file(data_dir, SOURCE)
    items: list[GoldItem] = []
    malformed: list[Malformed] = []
    for line, row in csv_rows(path, delimiter="\t", quoting=csv.QUOTE_NONE):
        parsed = row if isinstance(row, Malformed) else _parse(line, row)
        (malformed if isinstance(parsed, Malformed) else items).append(parsed)  # type: ignore[arg-type]
    return GoldSet("case2021", path, items, malformed, rows_read=len(items) + len(malformed))


def score(items: list[GoldItem], results: list[dict[str, Any]]) -> Scored:
    gold = [item.gold["label"] for item in items]
    pred = [predicted_label(r) for r in results]
    seen = [(g, q) for g, q in zip(gold, pred, strict=True) if g in SEEN]
    unseen = [q for g, q in zip(gold, pred, strict=True) if g in UNSEEN]
    sg, sp = [g for g, _ in seen], [q for _, q in seen]
    metrics = {
        "weighted_f1": m.weighted_f1(sg, sp),
        "macro_f1": m.macro_f1(sg, sp),
        "accuracy_seen": m.rate(sum(g == q for g, q in seen), len(seen)),
        "reject_rate": m.rate(sum(q == NONE for q in unseen), len(unseen)),
    }
    cases = [
        Case(
            item.id,
            item.line,
            item.text,
            g,
            q,
            () if _right(g, q) else ("label",),
            0.0 if _right(g, q) else 1.0,
        )
        for item, g, q in zip(items, gold, pred, strict=True)
    ]
    extra = {"confusion": m.confusion(gold, pred)}
    return Scored(
        metrics, {"rows": len(items), "rows_seen": len(seen), "rows_unseen": len(unseen)}, cases, extra
    )


def _right(gold: str, pred: str) -> bool:
    return pred == (NONE if gold in UNSEEN else gold)


SPEC = SetSpec(
    name="case2021",
    title="CASE 2021 Task 2 (ACLED sub-event types of snippets)",
    source=SOURCE,
    read=read,
    score=score,
    metrics={
        "weighted_f1": "F1 per gold type weighted by support, rows of the 25 ACLED types",
        "macro_f1": "unweighted mean F1 over the ACLED types present in the gold rows",
        "accuracy_seen": "share of ACLED-type rows labelled exactly",
        "reject_rate": "share of unseen-type rows (crime, disasters, diplomacy, attribution) labelled none",
    },
    gated=("weighted_f1", "macro_f1", "accuracy_seen", "reject_rate"),
)
