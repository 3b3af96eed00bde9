"""Scorers of each gold set on tiny hand-made predictions, built from real records through the stable JSON."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from marsad.evaluate.readers import GoldItem
from marsad.evaluate.sets import case2021, fakes, isaf, seed, ucdp
from marsad.export.jsonout import result_to_dict, validate
from marsad.records import Actor, Document, Event, EventDate, Evidence, Figure, Place, SideCount, Span

DOC = Document.from_text("A report.")


def act(name: str, raw: str | None = None, side: str | None = None) -> Actor:
    return Actor(name=name, raw=raw or name, side=side)


def ev(
    kind: str = "incident",
    *,
    killed: int | None = None,
    captured: int | None = None,
    koi: int | None = None,
    start: date | None = None,
    end: date | None = None,
    place: Place | None = None,
    sub: str | None = None,
    confidence: float = 0.5,
    **more: Any,
) -> Event:
    figures = list(more.pop("figures", ()))
    for fkind, n in (("killed", killed), ("captured", captured), ("killed_or_injured", koi)):
        if n is not None:
            figures.append(Figure(fkind, n, n, n, Span(0, 1, "A")))
    when = EventDate(start, end or start, 1, "words", "why") if start else None
    return Event(
        id=f"e{len(figures)}{kind}", document_id=DOC.id, kind=kind, event_type=None, sub_event_type=sub,
        date=when, location=place, actor1=more.pop("actor1", None), actor2=more.pop("actor2", None),
        figures=tuple(figures), confidence=confidence, **more,
    )  # fmt: skip


def res(*events: Event, doc: Document = DOC) -> dict[str, Any]:
    out = result_to_dict(doc, list(events))
    validate(out)  # the hand-made predictions have the shape the pipeline emits
    return out


def item(gold: dict[str, Any], text: str = "t", ident: str = "x") -> GoldItem:
    return GoldItem(ident, 2, text, None, None, gold)


# --- isaf ---


def _isaf_gold(killed: int, captured: int, day: date, provinces: list[str]) -> dict[str, Any]:
    return {"start_date": day, "min_killed": killed, "min_captured": captured, "provinces": provinces}


def test_evaluate_scorers_isaf_by_hand() -> None:
    day = date(2011, 1, 9)
    items = [
        item(_isaf_gold(2, 0, day, ["helmand"])),
        item(_isaf_gold(0, 3, day, ["paktya"])),
        item(_isaf_gold(1, 1, day, ["??"])),
    ]
    results = [
        # two incidents add up to 2 killed; the earliest date counts; Hilmand is Helmand; tallies don't count
        res(
            ev(killed=1, start=date(2011, 1, 10), place=Place("Sangin", admin1="Hilmand")),
            ev(killed=1, start=day),
            ev("tally", killed=40, captured=9),
        ),
        res(ev(captured=2, start=date(2011, 1, 8), place=Place("Zurmat", admin1="Paktika"))),
        res(),
    ]
    scored = isaf.score(items, results)
    assert scored.metrics == {
        "killed_exact": pytest.approx(2 / 3),
        "killed_exact_pos": 0.5,
        "captured_exact": pytest.approx(1 / 3),
        "captured_exact_pos": 0.0,
        "date_exact": pytest.approx(1 / 3),
        "province": 0.5,  # the "??" row has no usable province and is not counted
        "killed_mae": pytest.approx(1 / 3),
        "captured_mae": pytest.approx(2 / 3),
    }
    assert scored.counts == {"rows": 3, "rows_killed_pos": 2, "rows_captured_pos": 2, "rows_with_province": 2}
    assert [c.failed for c in scored.cases] == [
        (),
        ("captured", "date", "province"),
        ("killed", "captured", "date"),
    ]


# --- case2021 ---


@pytest.mark.parametrize(
    ("sub", "code"),
    [
        ("Air/drone strike", "AIR_STRIKE"),
        ("Armed clash", "ARMED_CLASH"),
        ("Shelling/artillery/missile attack", "ART_MISS_ATTACK"),
        ("Remote explosive/landmine/IED", "REM_EXPLOS"),
        ("Looting/property destruction", "PROPERTY_DISTRUCT"),
        ("Non-state actor overtakes territory", "NON_STATE_ACTOR_OVERTAKES_TER"),
        ("Excessive force against protesters", "FORCE_AGAINST_PROTEST"),
        ("air drone strike", "AIR_STRIKE"),
        ("REM_EXPLOS", "REM_EXPLOS"),
        ("Other", "OTHER"),
        ("Earthquake", "none"),
        (None, "none"),
    ],
)
def test_evaluate_scorers_case2021_code(sub: str | None, code: str) -> None:
    assert case2021.case_code(sub) == code


def test_evaluate_scorers_case2021_table_is_complete() -> None:
    assert len(case2021.ACLED_TO_CASE) == 25
    assert len(case2021.SEEN) == 25
    assert not case2021.SEEN & case2021.UNSEEN


def test_evaluate_scorers_case2021_primary_event() -> None:
    assert case2021.predicted_label(res()) == "none"
    assert case2021.predicted_label(res(ev("tally", sub="Armed clash"))) == "ARMED_CLASH"
    incident_first = res(ev("development", sub="Arrests", confidence=0.9), ev(sub="Attack", confidence=0.1))
    assert case2021.predicted_label(incident_first) == "ATTACK"
    by_confidence = res(ev(sub="Attack", confidence=0.2), ev(sub="Grenade", confidence=0.8))
    assert case2021.predicted_label(by_confidence) == "GRENADE"
    by_order = res(ev(sub="Attack"), ev(sub="Grenade"))
    assert case2021.predicted_label(by_order) == "ATTACK"
    assert case2021.predicted_label(res(ev(sub="Unknown thing"), ev("tally", sub="Grenade"))) == "GRENADE"


def test_evaluate_scorers_case2021_by_hand() -> None:
    golds = ["ARMED_CLASH", "ARMED_CLASH", "AIR_STRIKE", "DIPLO", "ORG_CRIME"]
    preds = [res(ev(sub="Armed clash")), res(), res(ev(sub="Armed clash")), res(), res(ev(sub="Attack"))]
    scored = case2021.score([item({"label": g}) for g in golds], preds)
    # ARMED_CLASH: tp 1, fp 1, fn 1 -> 0.5 (support 2); AIR_STRIKE: 0 (support 1)
    assert scored.metrics["weighted_f1"] == pytest.approx((2 * 0.5 + 0) / 3)
    assert scored.metrics["macro_f1"] == pytest.approx(0.25)
    assert scored.metrics["accuracy_seen"] == pytest.approx(1 / 3)
    assert scored.metrics["reject_rate"] == 0.5
    assert scored.counts == {"rows": 5, "rows_seen": 3, "rows_unseen": 2}
    assert scored.extra["confusion"]["ARMED_CLASH"] == {"ARMED_CLASH": 1, "none": 1}
    assert [bool(c.failed) for c in scored.cases] == [False, True, True, False, True]


# --- ucdp ---


def _ucdp_item(headline: str, **event: Any) -> GoldItem:
    base = {
        "side_a": "Government of Syria", "side_b": "Jaysh al-Islam, Rahman Corps",
        "where_coordinates": "Duma town",
        "adm_1": "Rif Dimashq Governorate", "latitude": 33.57, "longitude": 36.40, "best": 5,
    }  # fmt: skip
    base.update(event)
    return item(ucdp._gold(base, headline), text=headline)


def test_evaluate_scorers_ucdp_by_hand() -> None:
    items = [
        _ucdp_item("Five killed in Douma shelling"),  # answerable (Duma ~ Douma); no digit: "Five" is a word
        _ucdp_item("5 dead as regime bombs Damascus suburbs"),  # not answerable
        _ucdp_item("Rebels clash in Ghouta", adm_1=None),
    ]
    near_duma = Place("Douma", admin1="Rural Damascus", latitude=33.58, longitude=36.41)
    far = Place("Aleppo", admin1="Aleppo", latitude=36.2, longitude=37.13)
    results = [
        res(ev(killed=5, place=near_duma, actor1=act("Faylaq al-Rahman"))),
        res(ev(killed=5, place=far, actor1=act("Islamic State"))),
        res(ev("tally", place=near_duma, actor1=act("Syrian government forces"))),
    ]
    scored = ucdp.score(items, results)
    assert scored.counts == {"groups": 3, "groups_with_adm1": 2, "groups_with_digit": 1, "answerable": 1}
    assert scored.metrics == {
        "within_25km": pytest.approx(2 / 3),  # any event counts, tallies included
        "adm1": 0.5,
        "deaths_exact": 1.0,
        "side_found": pytest.approx(2 / 3),
        "within_25km_answerable": 1.0,
        "adm1_answerable": 1.0,
    }
    assert scored.cases[1].failed == ("within_25km", "adm1", "side")


def test_evaluate_scorers_ucdp_no_answerable_groups_is_not_zero() -> None:
    scored = ucdp.score([_ucdp_item("Syria: air strikes")], [res()])
    assert scored.metrics["within_25km_answerable"] is None
    assert scored.metrics["deaths_exact"] is None


# --- fakes ---


def test_evaluate_scorers_fakes_by_hand() -> None:
    gold = {"date": date(2016, 6, 11), "location": "deir ezzor"}
    results = [
        res(ev(start=date(2016, 6, 14), place=Place("Mayadin", admin1="Deir-ez-Zor"))),
        res(ev(start=date(2016, 6, 7), place=Place("Homs", admin1="Homs")), ev(start=date(2016, 6, 20))),
        res(ev("tally", start=date(2016, 6, 11), place=Place("Deir ez-Zor", admin1="Deir ez-Zor"))),
    ]
    scored = fakes.score([item(gold)] * 3, results)
    assert scored.metrics == {"governorate": pytest.approx(1 / 3), "date_within_3d": pytest.approx(1 / 3)}
    assert [c.failed for c in scored.cases] == [(), ("governorate", "date"), ("governorate", "date")]


# --- seed ---

SEED_TEXT = (
    "SOHR activists say that 12 regime soldiers were killed and injured in al-Shula desert.\n"
    "Joint forces of the National Defence Forces (NDF) and 5th Corps are combing the area.\n"
    "Yesterday, the National Defense Forces continued, after 130 airstrikes since January 16.\n"
    "31 pro-Russian fighters and regime soldiers were killed, while ISIS lost 17 members.\n"
    "You might also like\nThis website uses cookies. Accept Read More"
)
SEED_DOC = Document.from_text(SEED_TEXT)


def _at(words: str) -> Span:
    start = SEED_DOC.text.index(words)
    return Span.of(SEED_DOC.text, start, start + len(words))


# The sentence around "5th Corps", and the unit read as an actor: context, not a count or a date.
_CORPS_CONTEXT = (
    Evidence("sentence", _at("Joint forces of the National Defence Forces (NDF) and 5th Corps are combing")),
    Evidence("actor1", _at("5th Corps")),
)


def _seed_events() -> list[Event]:
    shula = Place("Ash Shula", admin1="Deir-ez-Zor", latitude=35.17, longitude=39.83, span=_at("al-Shula"))
    incident = ev(
        koi=12, start=date(2021, 1, 23), place=shula, actor1=act("Islamic State", "ISIS"),
        actor2=act("Military Forces of Syria", "regime soldiers"),
        evidence=(Evidence("figure:killed_or_injured", _at("12 regime soldiers")),),
    )  # fmt: skip
    tally = ev(
        "tally", start=date(2021, 1, 16), end=date(2021, 1, 23),
        sides=(
            SideCount("government", "killed", 31, 31, 31),
            SideCount("islamic-state", "killed", 17, 17, 17),
        ),
        assoc_actors=(
            act("National Defence Forces", "NDF"),
            act("National Defence Forces", "National Defense Forces"),
        ),
    )  # fmt: skip
    return [incident, tally]


def _seed_checks(events: list[Event]) -> dict[str, bool]:
    return seed.checks(res(*events, doc=SEED_DOC), SEED_DOC.text)


def test_evaluate_scorers_seed_perfect_prediction_passes_every_check() -> None:
    got = _seed_checks(_seed_events())
    assert [name for name, ok in got.items() if not ok] == []
    assert list(got) == list(seed.CHECKS)


def test_evaluate_scorers_seed_empty_prediction() -> None:
    got = _seed_checks([])
    passed = {name for name, ok in got.items() if ok}
    assert passed == {
        "never_12_killed",
        "no_figure_130",
        "nothing_read_from_5th_corps",
        "no_boilerplate_evidence",
    }


def _with(event: Event, **changes: Any) -> Event:
    return dataclasses.replace(event, **changes)


@pytest.mark.parametrize(
    ("mutate", "failing"),
    [
        (lambda i, t: [_with(i, figures=(Figure("killed", 12, 12, 12, _at("12 regime soldiers")),)), t],
         {"never_12_killed", "incident_killed_or_injured_12", "incident_killed_unstated_0_to_12"}),
        (lambda i, t: [i, _with(t, figures=(Figure("killed", 130, 130, 130, _at("130 airstrikes")),))],
         {"no_figure_130"}),
        (lambda i, t: [i, _with(t, figures=(Figure("killed", 5, 5, 5, _at("5th Corps")),))],
         {"nothing_read_from_5th_corps"}),
        (lambda i, t: [_with(i, date=EventDate(date(2021, 1, 5), date(2021, 1, 5), 1, "5th", "day")), t],
         {"nothing_read_from_5th_corps", "incident_date_2021_01_23_or_24"}),
        (lambda i, t: [i, _with(t, assoc_actors=(act("NDF", "NDF"), act("National Defence Forces")))],
         {"ndf_resolved_to_one_entity"}),
        (lambda i, t: [i, _with(t, assoc_actors=())], {"ndf_resolved_to_one_entity"}),
        (lambda i, t: [i, _with(t, evidence=(Evidence("date", _at("You might also like")),))],
         {"no_boilerplate_evidence"}),
        (lambda i, t: [_with(i, actor1=act("Syrian government forces"), actor2=act("Islamic State")), t],
         {"incident_actor1_islamic_state", "incident_actor2_syrian_government"}),
        (lambda i, t: [_with(i, location=Place("Kabajeb", admin1="Homs", latitude=34.9, longitude=39.0)), t],
         {"incident_location_shula", "incident_location_within_25km", "incident_admin1_deir_ez_zor"}),
        (lambda i, t: [i, _with(t, evidence=_CORPS_CONTEXT)], set()),
        (lambda i, t: [i, t, t], {"one_tally"}),
        (lambda i, t: [i, i, t], {"one_incident"}),
        (lambda i, t: [i, _with(t, sides=(), date=None)],
         {"tally_31_killed_government", "tally_17_killed_islamic_state", "tally_dates_2021_01_16_to_23"}),
    ],
)  # fmt: skip
def test_evaluate_scorers_seed_each_check_catches_its_fault(mutate: Any, failing: set[str]) -> None:
    got = _seed_checks(mutate(*_seed_events()))
    assert {name for name, ok in got.items() if not ok} == failing


def test_evaluate_scorers_seed_tally_from_figures() -> None:
    incident, tally = _seed_events()
    figures = (
        Figure("killed", 31, 31, 31, _at("31 pro-Russian fighters"), side="government"),
        Figure("killed", 17, 17, 17, _at("17 members"), side="islamic-state"),
    )
    got = _seed_checks([incident, _with(tally, sides=(), figures=figures)])
    assert got["tally_31_killed_government"] and got["tally_17_killed_islamic_state"]


def test_evaluate_scorers_seed_score_metrics() -> None:
    scored = seed.score([item({}, text=SEED_DOC.text)], [res(doc=SEED_DOC)])
    assert scored.metrics["pass_rate"] == pytest.approx(4 / 18)
    assert scored.counts == {"checks": 18, "passed": 4}
    assert len(scored.cases) == 14
